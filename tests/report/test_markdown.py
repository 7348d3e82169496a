"""The Markdown report: every section, one line per table row, release text escaped."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimcmp.analysis import Analysis
from claimcmp.report.markdown import cell

SECTIONS = [
    "## Summary per side", "## Cross-side similarity", "## Counter-claims", "## Agreements",
    "## Topics, side by side", "## Topics raised by one side only", "## Themes over time",
    "### Repeated claims", "## Releases", "## Run settings",
]


def test_every_section_is_present_in_order(seed_analysis: Analysis) -> None:
    md = seed_analysis.to_markdown()
    positions = [md.index(s) for s in SECTIONS]
    assert positions == sorted(positions)
    assert md.startswith("# claimcmp report: OPCW vs Russia")


def test_tables_have_consistent_columns(seed_analysis: Analysis) -> None:
    md = seed_analysis.to_markdown()
    block: list[str] = []
    for line in md.splitlines() + [""]:
        if line.startswith("|"):
            block.append(line)
            continue
        if block:
            widths = {len(row.replace("\\|", "").split("|")) for row in block}
            assert len(widths) == 1, block[0]
            block = []


def test_release_markup_is_escaped(hostile_analysis: Analysis) -> None:
    md = hostile_analysis.to_markdown()
    assert "<script" not in md and "<img" not in md and "<iframe" not in md
    assert "&lt;script&gt;" in md
    assert "never be used \\| ever" in md


@given(st.text())
def test_cells_are_one_line_without_bare_pipes(text: str) -> None:
    out = cell(text)
    assert "\n" not in out and "\r" not in out
    assert "<" not in out and ">" not in out
    assert "|" not in out.replace("\\|", "")
