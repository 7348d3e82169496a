"""Charts of the report: plain inline SVG drawn from Jinja2 templates.

No plotting library is imported, so a report whose embeddings are all cached
stays quick. Every label goes through the template's autoescape, and the same
data always gives the same bytes.
"""

from __future__ import annotations

import base64
from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ._templates import environment

if TYPE_CHECKING:  # pragma: no cover
    from ..analysis import SimilarityMatrix
    from ..themes import TimelineRow

__all__ = ["heatmap_svg", "svg_data_uri", "timeline_svg"]

MAX_TIMELINE_THEMES = 12
MAX_TIMELINE_PERIODS = 24
MAX_TIMELINE_SIDES = 4
_CHAR_W = 5.2  # average width of a 9 px DejaVu Sans character

# Anchor colours of two perceptual colour scales, interpolated linearly.
_VIRIDIS = ("#440154", "#472d7b", "#3b528b", "#2c728e", "#21918c", "#28ae80", "#5ec962", "#addc30", "#fde725")
_BLUES = ("#f7fbff", "#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b")


def _label(text: str, width: int = 40) -> str:
    """A single-line label, cut to ``width`` characters."""
    text = " ".join(str(text).split())
    if len(text) > width:
        text = text[: width - 1] + "…"
    return text


def _colour(scale: Sequence[str], t: float) -> str:
    """The colour at ``t`` in [0, 1] along ``scale``."""
    t = min(1.0, max(0.0, t))
    pos = t * (len(scale) - 1)
    i = min(int(pos), len(scale) - 2)
    frac = pos - i
    a, b = scale[i], scale[i + 1]
    rgb = [round(int(a[k : k + 2], 16) * (1 - frac) + int(b[k : k + 2], 16) * frac) for k in (1, 3, 5)]
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def _render(template: str, **context: Any) -> str:
    rendered: str = environment().get_template(template).render(**context)
    return rendered.strip() + "\n"


def svg_data_uri(svg: str) -> str:
    """``data:image/svg+xml;base64,...``: shown with ``<img>``, where an SVG can never run a script."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def heatmap_svg(matrix: SimilarityMatrix) -> str:
    """The cross-side similarity heatmap: rows side A, columns side B, colour = cosine.

    Parameters
    ----------
    matrix : SimilarityMatrix

    Returns
    -------
    str
        SVG document text.
    """
    n_rows, n_cols = len(matrix.row_ids), len(matrix.col_ids)
    flat = [float(v) for row in matrix.values for v in row]
    values = [flat[i * n_cols : (i + 1) * n_cols] for i in range(n_rows)]
    vmin = min(0.0, min(flat, default=0.0))
    row_text = [_label(t, 40) for t in matrix.row_labels]
    col_text = [_label(t, 28) for t in matrix.col_labels]
    cell_w = max(14.0, min(40.0, 520.0 / max(1, n_cols)))
    cell_h = max(12.0, min(26.0, 520.0 / max(1, n_rows)))
    left = 26 + _CHAR_W * max((len(t) for t in row_text), default=1)
    top = 10.0
    bottom = 24 + 0.87 * _CHAR_W * max((len(t) for t in col_text), default=1)
    bar_x = left + cell_w * n_cols + 14
    width = bar_x + 56
    height = top + cell_h * n_rows + bottom
    span = (1.0 - vmin) or 1.0
    cells = []
    for i, row in enumerate(values):
        for j, v in enumerate(row):
            t = (v - vmin) / span
            cells.append({
                "x": round(left + j * cell_w, 2), "y": round(top + i * cell_h, 2), "fill": _colour(_VIRIDIS, t),
                "ink": "#000000" if t > 0.6 else "#ffffff", "value": f"{v:.2f}",
                "title": f"{row_text[i]} / {col_text[j]}: {v:.2f}",
            })
    bar_h = cell_h * n_rows
    ticks = [vmin + k * span / 4 for k in range(5)]
    return _render(
        "heatmap.svg.j2",
        width=round(width, 2), height=round(height, 2), left=round(left, 2), top=top,
        cell_w=round(cell_w, 2), cell_h=round(cell_h, 2), n_rows=n_rows, n_cols=n_cols, cells=cells,
        show_values=n_rows * n_cols <= 200,
        row_labels=[{"y": round(top + (i + 0.5) * cell_h + 3, 2), "text": t} for i, t in enumerate(row_text)],
        col_labels=[{"x": round(left + (j + 0.5) * cell_w, 2), "text": t} for j, t in enumerate(col_text)],
        y_title=_label(f"{matrix.sides[0]} ({matrix.kind})", 60),
        x_title=_label(f"{matrix.sides[1]} ({matrix.kind})", 60),
        stops=[{"offset": f"{k / (len(_VIRIDIS) - 1):.3f}", "color": c} for k, c in enumerate(_VIRIDIS)],
        bar_x=round(bar_x, 2), bar_h=round(bar_h, 2),
        bar_ticks=[{"y": round(top + bar_h - (t - vmin) / span * bar_h, 2), "text": f"{t:.2f}"} for t in ticks],
        bar_title="cosine similarity",
    )


def _timeline_grid(
    rows: Sequence[TimelineRow], sides: Sequence[str]
) -> tuple[list[int], list[str], list[str], dict[tuple[str, int, str], int], dict[int, str]]:
    by_theme: dict[int, int] = defaultdict(int)
    labels: dict[int, str] = {}
    periods: set[str] = set()
    counts: dict[tuple[str, int, str], int] = {}
    for r in rows:
        by_theme[r.theme_id] += r.statements
        labels[r.theme_id] = r.theme_label
        periods.add(r.period)
        counts[(r.side, r.theme_id, r.period)] = counts.get((r.side, r.theme_id, r.period), 0) + r.statements
    themes = sorted(by_theme, key=lambda t: (-by_theme[t], t))[:MAX_TIMELINE_THEMES]
    ordered = sorted(periods)[-MAX_TIMELINE_PERIODS:]
    return themes, ordered, list(sides)[:MAX_TIMELINE_SIDES], counts, labels


def timeline_svg(rows: Sequence[TimelineRow], sides: Sequence[str], period: str | None = None) -> str | None:
    """Theme x period counts, one panel per side (the largest themes and the latest periods).

    Parameters
    ----------
    rows : sequence of TimelineRow
    sides : sequence of str
        Sides to draw, in panel order (at most 4).
    period : str, optional
        Name of the period, for the axis label.

    Returns
    -------
    str or None
        SVG text, or None when there is nothing to draw.
    """
    themes, periods, sides, counts, labels = _timeline_grid(rows, sides)
    if not themes or not periods or not sides:
        return None
    vmax = max(1, max(counts.values(), default=1))
    row_text = [_label(f"{t}: {labels[t]}", 36) for t in themes]
    col_text = [_label(p, 12) for p in periods]
    cell_w, cell_h = 18.0, 16.0
    left = 12 + _CHAR_W * max(len(t) for t in row_text)
    top = 24.0
    grid_h = cell_h * len(themes)
    panel_w = cell_w * len(periods)
    gap = 24.0
    bottom = 30 + 0.87 * _CHAR_W * max(len(t) for t in col_text)
    panels = []
    for k, side in enumerate(sides):
        x0 = left + k * (panel_w + gap)
        cells = []
        for i, theme in enumerate(themes):
            for j, per in enumerate(periods):
                n = counts.get((side, theme, per), 0)
                cells.append({
                    "x": round(x0 + j * cell_w, 2), "y": round(top + i * cell_h, 2),
                    "fill": _colour(_BLUES, n / vmax), "ink": "#ffffff" if n > vmax / 2 else "#000000",
                    "value": str(n) if n else "", "title": f"{side} · {row_text[i]} · {per}: {n}",
                })
        panels.append({
            "x": round(x0, 2), "w": round(panel_w, 2), "title": _label(side, 30), "cells": cells,
            "col_labels": [{"x": round(x0 + (j + 0.5) * cell_w, 2), "text": t} for j, t in enumerate(col_text)],
        })
    width = left + len(sides) * (panel_w + gap)
    return _render(
        "timeline.svg.j2",
        width=round(width, 2), height=round(top + grid_h + bottom, 2), left=round(left, 2), top=top,
        cell_w=cell_w, cell_h=cell_h, grid_h=round(grid_h, 2), panels=panels, x_title=period or "period",
        row_labels=[{"y": round(top + (i + 0.5) * cell_h + 3, 2), "text": t} for i, t in enumerate(row_text)],
    )
