"""``claimcmp embed``: extract statements and embed them, filling the cache."""

from __future__ import annotations

import argparse
import time
from typing import Any

from ._common import (
    add_input_options,
    add_runtime_options,
    add_sides_option,
    load_inputs,
    make_embedder,
    subcommand,
)

EXAMPLES = """  claimcmp embed fixtures/opcw_seed.txt
  claimcmp embed readouts/ --sides sides.yaml --quiet
  claimcmp embed readouts/ --model /models/my-sbert --cache-dir /tmp/cache"""


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser = subcommand(
        subparsers,
        "embed",
        help="extract statements and embed them (fills the cache)",
        description="Extract the statements of releases and embed them with the sentence model. "
        "Vectors go to the cache, so later commands on the same releases embed nothing.",
        examples=EXAMPLES,
    )
    add_input_options(parser)
    add_sides_option(parser)
    add_runtime_options(parser)
    parser.set_defaults(func=run)
    return parser


def run(args: argparse.Namespace) -> int:
    releases = load_inputs(args)
    from ..extract import extract_statements

    statements = [s for r in releases for s in extract_statements(r, sides=args.sides)]
    embedder = make_embedder(args)
    start = time.perf_counter()
    embedder.embed_statements(statements)
    elapsed = time.perf_counter() - start
    stats = embedder.stats
    unique = stats.hits + stats.encoded
    print(
        f"releases: {len(releases)}  statements: {len(statements)}  unique texts: {unique}  "
        f"cache hits: {stats.hits}  embedded: {stats.encoded}  time: {elapsed:.2f} s"
    )
    return 0
