"""The ``claimcmp`` command line.

Each subcommand lives in its own module ``claimcmp/cli/_<name>.py`` exposing
``add_parser(subparsers)`` (which registers the parser and sets
``func=run``) and ``run(args) -> int``. Modules are imported only when the
parser is built, and heavy libraries only inside ``run``.

Exit codes: 0 success, 1 analysis error (a :class:`~claimcmp.ClaimcmpError`),
2 usage error.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from .._version import __version__
from ..errors import ClaimcmpError

__all__ = ["main", "build_parser"]

#: Subcommands, in the order ``--help`` lists them.
COMMANDS = ["extract", "embed", "topics", "compare", "themes", "report"]

EPILOG = """examples:
  claimcmp report fixtures/opcw_seed.txt -o report.html
  claimcmp extract releases/ --format table
  claimcmp embed releases/ --quiet
  claimcmp compare readouts/ --sides sides.yaml

Run 'claimcmp COMMAND --help' for a command's options and examples."""


def build_parser() -> argparse.ArgumentParser:
    """The top-level parser with every available subcommand."""
    parser = argparse.ArgumentParser(
        prog="claimcmp",
        description="Compare what the sides of a meeting say, across official releases.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"claimcmp {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"{__name__}._{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}._{name}":
                raise
            continue
        module.add_parser(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    quiet = getattr(args, "quiet", False)
    logging.basicConfig(
        level=logging.WARNING if quiet else logging.INFO,
        format="%(levelname)s: %(message)s",
        stream=sys.stderr,
    )
    try:
        return int(args.func(args) or 0)
    except ClaimcmpError as exc:
        print(f"claimcmp: error: {exc.one_line()}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("claimcmp: interrupted", file=sys.stderr)
        return 130
