"""``claimcmp topics``: cluster the statements of releases into labelled topics."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ._common import (
    add_input_options,
    add_runtime_options,
    add_sides_option,
    load_inputs,
    make_embedder,
    subcommand,
)

EXAMPLES = """  claimcmp topics fixtures/opcw_seed.txt
  claimcmp topics readouts/ --sides sides.yaml --n-topics 12
  claimcmp topics releases/ --format json > topics.json"""


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser = subcommand(
        subparsers,
        "topics",
        help="cluster statements into labelled topics",
        description="Extract the statements of releases, embed them and group them into topics, "
        "each with a label, keywords, its size per side and its most representative statements. "
        "Every statement gets a topic; singletons are shown as such.",
        examples=EXAMPLES,
    )
    add_input_options(parser)
    add_sides_option(parser)
    add_runtime_options(parser)
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--n-topics", type=int, default=None, metavar="N", help="find exactly N topics")
    group.add_argument(
        "--distance-threshold",
        type=float,
        default=None,
        metavar="T",
        help="merge groups closer than this cosine distance (default: automatic)",
    )
    parser.add_argument("--seed", type=int, default=0, help="random seed (default: 0)")
    parser.add_argument("--format", choices=["table", "json"], default="table", help="output format (default: table)")
    parser.set_defaults(func=run)
    return parser


def _cell(value: Any, width: int) -> str:
    text = " ".join(str(value).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def run(args: argparse.Namespace) -> int:
    from ..errors import ConfigurationError
    from ..extract import extract_statements, load_sides, unify_speakers
    from ..topics import TopicModel

    if args.n_topics is not None and args.n_topics < 1:
        raise ConfigurationError(f"--n-topics must be at least 1, got {args.n_topics}.", fix="Pass a positive number.")
    releases = load_inputs(args)
    sides = load_sides(args.sides)
    statements = unify_speakers([s for release in releases for s in extract_statements(release, sides)])
    if not statements:
        raise ConfigurationError("The releases hold no statements to cluster.", fix="Check the input files.")
    embedder = make_embedder(args)
    model = TopicModel(
        args.n_topics, distance_threshold=args.distance_threshold, embedder=embedder, random_state=args.seed
    ).fit(statements)
    out = sys.stdout
    if args.format == "json":
        payload = {
            "backend": model.backend_,
            "distance_threshold": model.distance_threshold_,
            "topics": [topic.to_dict() for topic in model.topics_],
            "assignments": {s.id: int(t) for s, t in zip(statements, model.labels_, strict=True)},
        }
        json.dump(payload, out, indent=2, ensure_ascii=False)
        out.write("\n")
        return 0
    singletons = sum(t.is_singleton for t in model.topics_)
    out.write(
        f"statements: {len(statements)}  topics: {len(model.topics_)}  singletons: {singletons}  "
        f"backend: {model.backend_}\n\n"
    )
    out.write(f"{'id':>4}  {'size':>5}  {'sides':<28}  {'label':<40}  representative\n")
    for topic in model.topics_:
        sides_text = ", ".join(f"{side} {n}" for side, n in topic.side_counts.items()) or "-"
        size = f"{topic.size}" if not topic.is_singleton else "1 (s)"
        first = topic.representatives[0] if topic.representatives else ""
        out.write(
            f"{topic.id:>4}  {size:>5}  {_cell(sides_text, 28):<28}  {_cell(topic.label, 40):<40}  {_cell(first, 70)}\n"
        )
    return 0
