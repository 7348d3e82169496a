"""Charts: deterministic SVG, labels escaped, no plotting library imported."""

from __future__ import annotations

import re

from claimcmp.analysis import Analysis, SimilarityMatrix
from claimcmp.report.charts import heatmap_svg, svg_data_uri, timeline_svg

from ..conftest import python_output


def _matrix(label: str) -> SimilarityMatrix:
    return SimilarityMatrix("statements", ("A", "B"), ("a1", "a2"), ("b1",), (label, "plain"), ("$x$ & y",),
                            ((0.5,), (-0.1,)), 2, 1)


def test_heatmap_is_deterministic_svg(seed_analysis: Analysis) -> None:
    assert seed_analysis.similarity is not None
    first = heatmap_svg(seed_analysis.similarity)
    assert first.startswith("<svg") and first.rstrip().endswith("</svg>")
    assert heatmap_svg(seed_analysis.similarity) == first
    assert "<dc:date>" not in first


def test_labels_are_escaped_in_svg() -> None:
    svg = heatmap_svg(_matrix("<script>alert(1)</script>"))
    assert "<script" not in svg
    assert "&lt;script&gt;" in svg
    assert "$x$ &amp; y" in svg  # dollar signs stay text, never math


def test_data_uri_round_trips() -> None:
    import base64

    uri = svg_data_uri("<svg/>")
    assert uri.startswith("data:image/svg+xml;base64,")
    assert base64.b64decode(uri.split(",", 1)[1]) == b"<svg/>"


def test_timeline_draws_one_panel_per_side(seed_analysis: Analysis) -> None:
    svg = timeline_svg(seed_analysis.timeline, ["OPCW", "Russia"], "day")
    assert svg is not None and "OPCW" in svg and "Russia" in svg
    assert timeline_svg((), ["OPCW"]) is None


def test_charts_import_no_plotting_library() -> None:
    code = (
        "import sys; from claimcmp.analysis import SimilarityMatrix; from claimcmp.report.charts import heatmap_svg;"
        "svg = heatmap_svg(SimilarityMatrix('topics', ('A','B'), ('1',), ('2',), ('x',), ('y',), ((0.3,),), 1, 1));"
        "assert svg.startswith('<svg') and 'matplotlib' not in sys.modules, sorted(sys.modules)"
    )
    python_output(code)


def test_heatmap_colours_follow_the_values() -> None:
    svg = heatmap_svg(_matrix("a"))
    # 0.5 and -0.1 on a scale from -0.1 to 1: the higher value gets the lighter (later) colour
    fills = re.findall(r'<rect x="[^"]+" y="[^"]+" width="[^"]+" height="[^"]+" fill="(#[0-9a-f]{6})"><title>', svg)
    assert len(fills) == 2 and fills[0] != fills[1]
    assert fills[1] == "#440154"  # the minimum is the first colour of the scale
