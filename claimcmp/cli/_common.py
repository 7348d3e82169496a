"""Options and helpers shared by the subcommands."""

from __future__ import annotations

import argparse
import sys
from typing import Any, TextIO


def add_input_options(parser: argparse.ArgumentParser) -> None:
    """Positional release paths plus ``--on-error``."""
    parser.add_argument("paths", nargs="+", metavar="PATH", help="release files or folders")
    parser.add_argument(
        "--on-error",
        choices=["raise", "skip"],
        default="raise",
        help="on a bad release file: stop (raise, default) or report it and go on (skip)",
    )


def add_runtime_options(parser: argparse.ArgumentParser) -> None:
    """``--quiet``, ``--model``, ``--backend``, ``--cache-dir``."""
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bars or info messages")
    parser.add_argument(
        "--model",
        default=None,
        help="sentence-transformers model name or local path (default: bundled all-MiniLM-L6-v2)",
    )
    parser.add_argument(
        "--backend",
        choices=["auto", "torch", "onnx", "onnx-int8"],
        default="auto",
        help="embedding backend (default auto: float32 ONNX when onnxruntime is installed, else torch; "
        "onnx-int8 is a deprecated alias of onnx)",
    )
    parser.add_argument(
        "--cache-dir",
        default=None,
        help="embedding cache folder (default: $CLAIMCMP_CACHE_DIR or the user cache dir)",
    )


def add_pair_option(parser: argparse.ArgumentParser) -> None:
    """``--pair SIDE_A SIDE_B``."""
    parser.add_argument(
        "--pair", nargs=2, metavar=("SIDE_A", "SIDE_B"), default=None,
        help="the two sides to compare (default: the two sides with most statements)",
    )


def add_period_option(parser: argparse.ArgumentParser) -> None:
    """``--period``: the time bucket of theme timelines (the periods of ``claimcmp.themes.PERIODS``)."""
    parser.add_argument(
        "--period", choices=["auto", "day", "week", "month", "quarter"], default="auto",
        help="time bucket of the theme timeline (default auto: chosen by the span of the releases)",
    )


def add_sides_option(parser: argparse.ArgumentParser) -> None:
    """``--sides FILE``."""
    parser.add_argument("--sides", metavar="FILE", default=None, help="YAML sides file (side -> aliases)")


def subcommand(
    subparsers: Any, name: str, help: str, description: str, examples: str
) -> argparse.ArgumentParser:
    """Register a subcommand with an examples epilog."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        name,
        help=help,
        description=description,
        epilog="examples:\n" + examples,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    return parser


def load_inputs(args: argparse.Namespace, out: TextIO = sys.stderr) -> list[Any]:
    """Load the releases named by ``args.paths``, printing skipped files' errors."""
    from ..ingest import load_releases

    result = load_releases(args.paths, on_error=args.on_error)
    for error in result.errors:
        print(f"claimcmp: skipped: {error.one_line()}", file=out)
    return list(result)


def make_embedder(args: argparse.Namespace) -> Any:
    """The Embedder the runtime options ask for."""
    from ..embed import Embedder

    return Embedder(args.model, cache_dir=args.cache_dir, show_progress=not args.quiet, backend=args.backend)
