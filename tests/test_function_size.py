"""Small, named steps (issue #23, point 4): no function in ``claimcmp/`` over 60 lines or 7 parameters."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "claimcmp"
MAX_LINES = 60
MAX_PARAMETERS = 7

#: (module, function) pairs allowed over the limits, each with its reason. Shrink it; do not grow it.
ALLOWED: dict[tuple[str, str], str] = {
    # sklearn flat keywords: estimator constructors store their parameters as given
    ("compare/sides.py", "__init__"): "sklearn flat keywords (SideComparer)",
    ("topics/_estimator.py", "__init__"): "sklearn flat keywords (TopicModel)",
    ("themes/_tracker.py", "__init__"): "sklearn flat keywords (ThemeTracker)",
    ("distributed/_backend.py", "__init__"): "public class users build with keyword options, stored as given",
    # public entry point: keyword options users pass (its body, without the docstring, is 20 lines)
    ("analysis/_pipeline.py", "analyze"): "public entry point, keyword options users pass",
    # public function with keyword options users pass; its body, without the docstring, is 45 lines
    ("compare/classifier.py", "classify_pairs"): "public function, keyword options users pass",
    # public function with keyword options users pass; its body, without the docstring, is 20 lines
    ("compare/blocking.py", "candidate_pairs"): "public function, keyword options users pass",
}


def _parameters(node: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    args = node.args
    names = [a.arg for a in (*args.posonlyargs, *args.args, *args.kwonlyargs)]
    names += [a.arg for a in (args.vararg, args.kwarg) if a is not None]
    return len([n for n in names if n not in ("self", "cls")])


def _oversized() -> dict[tuple[str, str], str]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        module = path.relative_to(PACKAGE).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                lines = (node.end_lineno or node.lineno) - node.lineno + 1
                width = _parameters(node)
                if lines > MAX_LINES or width > MAX_PARAMETERS:
                    found[(module, node.name)] = f"{lines} lines, {width} parameters (line {node.lineno})"
    return found


def test_no_function_over_the_limits() -> None:
    over = {key: size for key, size in _oversized().items() if key not in ALLOWED}
    assert not over, f"split these into named steps (or group options in a frozen settings dataclass): {over}"


def test_allow_list_names_only_functions_still_over() -> None:
    stale = set(ALLOWED) - set(_oversized())
    assert not stale, f"within the limits now; remove from ALLOWED: {sorted(stale)}"
