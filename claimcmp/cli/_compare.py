"""``claimcmp compare``: agreements, counter-claims and one-sided topics between two sides."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ._common import (
    add_input_options,
    add_pair_option,
    add_runtime_options,
    add_sides_option,
    load_inputs,
    make_embedder,
    subcommand,
)

EXAMPLES = """  claimcmp compare fixtures/opcw_seed.txt
  claimcmp compare us_readout.md prc_readout.md --sides sides.yaml --pair US China
  claimcmp compare readouts/ --sides sides.yaml --format json -o relations.json
  claimcmp compare readouts/ --cross-encoder /models/my-nli-cross-encoder"""


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser = subcommand(
        subparsers,
        "compare",
        help="agreements, counter-claims and one-sided topics between two sides",
        description="Extract statements, pair each side's statements with the other side's most similar "
        "ones (within one release or across releases) and label each pair agreement, counter_claim or "
        "unrelated, with a probability and the cue that decided. Also lists topics raised by one side only.",
        examples=EXAMPLES,
    )
    add_input_options(parser)
    add_sides_option(parser)
    add_pair_option(parser)
    parser.add_argument("--top-k", type=int, default=5, help="candidate neighbours per statement (default 5)")
    parser.add_argument("--min-cosine", type=float, default=0.3, help="candidate pairs need this cosine (default 0.3)")
    parser.add_argument("--include-unrelated", action="store_true", help="also list pairs labelled unrelated")
    parser.add_argument("--all-pairs", dest="one_to_one", action="store_false", default=None,
                        help="list every labelled pair, not only each statement's best match per relation "
                        "(the learned comparer always does)")
    parser.add_argument("--comparer", choices=["combined", "rules", "learned"], default="combined",
                        help="combined (default): the rules' relations, then the learned comparer's, whose label "
                        "stands where the two differ; rules: head, cross-encoder and cues; learned: every "
                        "cross-side pair of a meeting read by one model (docs/relations.md)")
    model = parser.add_mutually_exclusive_group()
    model.add_argument("--cross-encoder", metavar="PATH", default="shipped",
                       help="a retrained .onnx relation cross-encoder, or a local NLI CrossEncoder folder to use "
                       "instead of the shipped head (default: the shipped cross-encoder with the head)")
    model.add_argument("--head-only", dest="cross_encoder", action="store_const", const=None,
                       help="the embedding head alone, without the shipped cross-encoder (faster, less accurate)")
    parser.add_argument("--cross-encoder-max-pairs", type=int, default=300, metavar="N",
                        help="the shipped cross-encoder reads at most N pairs, the most similar first (default 300)")
    parser.add_argument("--min-uncued-counter-claim", type=float, default=None, metavar="P",
                        help="a counter-claim no cue supports needs this probability (default 0.75); 0.5 finds more "
                        "counter-claims, with more false ones to review (docs/relations.md)")
    parser.add_argument("--format", choices=["table", "json"], default="table", help="output format (default table)")
    parser.add_argument("-o", "--output", metavar="FILE", default=None, help="write to FILE instead of stdout")
    add_runtime_options(parser)
    parser.set_defaults(func=run)
    return parser


def _pair(statements: list[Any], given: list[str] | None, quiet: bool) -> tuple[str, str]:
    """The pair to compare: ``--pair``, else the two sides with most statements (``claimcmp.analysis.default_pair``);
    with more sides than the pair, a note on stderr points to ``claimcmp report``, which compares every pair."""
    from ..analysis import default_pair, ranked_sides
    from ..errors import ConfigurationError

    ranked = ranked_sides(statements)
    pair = (given[0], given[1]) if given else default_pair(statements)
    if pair is None:
        raise ConfigurationError(
            f"Found statements of {len(ranked)} side(s) ({', '.join(ranked) or 'none'}); need two.",
            fix="Pass a --sides file naming both parties, or releases issued by each side.",
        )
    others = [side for side in ranked if side not in pair]
    if others and not quiet:
        print(f"note: {len(others)} more side(s) spoke ({', '.join(others)}); this compares {pair[0]} and {pair[1]} "
              "only. claimcmp report compares every pair of sides that speak in one release.", file=sys.stderr)
    return pair


def _short(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def format_table(result: Any) -> str:
    """Plain-text listing of a :class:`~claimcmp.compare.SideComparison`."""
    a, b = result.sides
    lines = [f"sides: {a} ({result.n_statements.get(a, 0)} statements) vs {b} "
             f"({result.n_statements.get(b, 0)} statements); candidate pairs: {result.n_candidates}", ""]
    for rel in result.relations:
        ev = rel.evidence
        topic = "-" if rel.topic is None else rel.topic
        cue = f"{ev.deciding_cue.name} ({ev.deciding_cue.detail})"
        lines.append(f"{rel.relation:<13} p={rel.score:.2f}  topic {topic}  cue: {cue}")
        lines.append(f"  {a}: {_short(ev.a.text)}")
        lines.append(f"  {b}: {_short(ev.b.text)}")
    if not result.relations:
        lines.append("no agreements or counter-claims found")
    if result.one_sided_topics:
        lines += ["", "topics raised by one side only:"]
        for t in result.one_sided_topics:
            lines.append(f"  [{t.side}] topic {t.topic}: {t.label} ({len(t.statement_ids)} statements)")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    from ..compare import compare_sides
    from ..extract import extract, load_sides

    releases = load_inputs(args)
    sides = load_sides(args.sides)
    extractions = [extract(r, sides=sides) for r in releases]
    statements = [s for x in extractions for s in x.statements]
    pair = _pair(statements, args.pair, args.quiet)
    embedder = make_embedder(args)
    bar = {} if args.min_uncued_counter_claim is None else {"min_uncued_counter_claim": args.min_uncued_counter_claim}
    result = compare_sides(
        statements, pair, embedder=embedder, top_k=args.top_k, min_cosine=args.min_cosine,
        include_unrelated=args.include_unrelated, cross_encoder=args.cross_encoder,
        cross_encoder_max_pairs=args.cross_encoder_max_pairs, one_to_one=args.one_to_one,
        side_aliases=None if sides is None else sides.aliases,
        release_sides={x.release_id: x.issuer_side for x in extractions}, comparer=args.comparer, **bar,
    )
    text = json.dumps(result.to_dict(), indent=2, ensure_ascii=False) if args.format == "json" else format_table(result)
    if args.output:
        with open(args.output, "w", encoding="utf-8") as f:
            f.write(text + "\n")
    else:
        sys.stdout.write(text + "\n")
    return 0
