"""The HTML report: one self-contained file, no scripts, no network.

Rendered with Jinja2 with autoescaping on for every value; release text is
never marked safe. Charts are SVG shown through ``<img src="data:...">`` (an
image cannot run script), and a Content-Security-Policy forbids scripts,
frames, fonts and any request outside the file. Links to sources are kept
only for http(s) URLs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._templates import environment
from ._view import Limits, build_view

if TYPE_CHECKING:  # pragma: no cover
    from ..analysis import Analysis

__all__ = ["render_html", "environment"]

def _title(view: dict[str, Any]) -> str:
    pair = view["summary"]["pair"]
    n = view["summary"]["releases"]
    what = f"{pair[0]} vs {pair[1]}" if pair else "statements"
    return f"claimcmp report: {what} ({n} release{'' if n == 1 else 's'})"


def render_html(analysis: Analysis, limits: Limits | None = None, *, charts: bool = True) -> str:
    """The HTML report text.

    Parameters
    ----------
    analysis : Analysis
    limits : Limits, optional
        How much of each long list to show.
    charts : bool, default=True
        Draw the heatmap and the theme timeline (inline SVG).
    """
    from .json_report import SCHEMA_VERSION

    view = build_view(analysis, limits)
    heatmap = timeline = None
    if charts:
        from .charts import heatmap_svg, svg_data_uri, timeline_svg

        if analysis.similarity is not None:
            heatmap = svg_data_uri(heatmap_svg(analysis.similarity))
        sides = [s["side"] for s in view["summary"]["sides"] if s["side"] != "(no side)"]
        if analysis.timeline:
            present = {r.side for r in analysis.timeline}
            ordered = [s for s in sides if s in present] + sorted(present - set(sides))
            svg = timeline_svg(analysis.timeline, ordered, analysis.theme_period)
            timeline = None if svg is None else svg_data_uri(svg)
    template = environment().get_template("report.html.j2")
    page: str = template.render(
        **view, title=_title(view), heatmap=heatmap, timeline=timeline, schema_version=SCHEMA_VERSION
    )
    return page
