"""Charts of the report, drawn with matplotlib into SVG text.

matplotlib is imported on first use. Figures are built from
:class:`matplotlib.figure.Figure` directly (no pyplot, no global backend
switch); the SVG settings (text kept as text, fixed id salt, no date) are
applied only while a figure is written, through ``matplotlib.rc_context``,
so the same data always gives the same bytes.
"""

from __future__ import annotations

import base64
import io
from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from ..analysis import SimilarityMatrix
    from ..themes import TimelineRow

__all__ = ["heatmap_svg", "svg_data_uri", "timeline_svg"]

_SVG_RC = {"svg.fonttype": "none", "svg.hashsalt": "claimcmp", "svg.image_inline": True}
_FONT = {"family": "DejaVu Sans", "size": 8}
MAX_TIMELINE_THEMES = 12
MAX_TIMELINE_PERIODS = 24
MAX_TIMELINE_SIDES = 4


def _label(text: str, width: int = 40) -> str:
    """A single-line label, cut to ``width``; ``$`` escaped so matplotlib never parses math."""
    text = " ".join(str(text).split())
    if len(text) > width:
        text = text[: width - 1] + "…"
    return text.replace("\\", "/").replace("$", r"\$")


def _to_svg(fig: Any) -> str:
    import matplotlib

    buffer = io.StringIO()
    with matplotlib.rc_context(_SVG_RC):
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": "claimcmp"}, bbox_inches="tight")
    text = buffer.getvalue()
    start = text.find("<svg")
    return text[start:] if start >= 0 else text


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
    import numpy as np
    from matplotlib.figure import Figure

    values = np.asarray(matrix.values, dtype=float).reshape(len(matrix.row_ids), len(matrix.col_ids))
    n_rows, n_cols = values.shape
    width = min(14.0, 2.8 + 0.32 * n_cols)
    height = min(14.0, 2.4 + 0.24 * n_rows)
    fig = Figure(figsize=(width, height), dpi=96)
    ax = fig.add_subplot()
    image = ax.imshow(values, cmap="viridis", vmin=min(0.0, float(values.min(initial=0.0))), vmax=1.0, aspect="auto")
    ax.set_xticks(range(n_cols), [_label(t, 28) for t in matrix.col_labels], rotation=60, ha="right", fontdict=_FONT)
    ax.set_yticks(range(n_rows), [_label(t, 40) for t in matrix.row_labels], fontdict=_FONT)
    ax.set_xlabel(_label(f"{matrix.sides[1]} ({matrix.kind})", 60), fontdict=_FONT)
    ax.set_ylabel(_label(f"{matrix.sides[0]} ({matrix.kind})", 60), fontdict=_FONT)
    if n_rows * n_cols <= 200:
        for i in range(n_rows):
            for j in range(n_cols):
                v = values[i, j]
                ax.text(j, i, f"{v:.2f}", ha="center", va="center", fontsize=6,
                        color="black" if v > 0.6 else "white")
    bar = fig.colorbar(image, ax=ax, fraction=0.04, pad=0.02)
    bar.set_label("cosine similarity", fontdict=_FONT)
    bar.ax.tick_params(labelsize=7)
    return _to_svg(fig)


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
    import numpy as np
    from matplotlib.figure import Figure

    themes, periods, sides, counts, labels = _timeline_grid(rows, sides)
    if not themes or not periods or not sides:
        return None
    vmax = max(1, max(counts.values(), default=1))
    panel_w = 0.9 + 0.28 * len(periods)
    fig = Figure(figsize=(min(16.0, 2.6 + panel_w * len(sides)), 1.2 + 0.26 * len(themes)), dpi=96)
    axes = fig.subplots(1, len(sides), sharey=True, squeeze=False)[0]
    image = None
    for ax, side in zip(axes, sides, strict=True):
        grid = np.array([[counts.get((side, t, p), 0) for p in periods] for t in themes], dtype=float)
        image = ax.imshow(grid, cmap="Blues", vmin=0, vmax=vmax, aspect="auto")
        ax.set_title(_label(side, 30), fontdict={**_FONT, "size": 9})
        ax.set_xticks(range(len(periods)), [_label(p, 12) for p in periods], rotation=60, ha="right", fontdict=_FONT)
        ax.set_xlabel(period or "period", fontdict=_FONT)
        for i in range(len(themes)):
            for j in range(len(periods)):
                if grid[i, j]:
                    ax.text(j, i, str(int(grid[i, j])), ha="center", va="center", fontsize=6,
                            color="white" if grid[i, j] > vmax / 2 else "black")
    axes[0].set_yticks(range(len(themes)), [_label(f"{t}: {labels[t]}", 36) for t in themes], fontdict=_FONT)
    if image is not None:
        bar = fig.colorbar(image, ax=list(axes), fraction=0.03, pad=0.02)
        bar.set_label("statements", fontdict=_FONT)
        bar.ax.tick_params(labelsize=7)
    return _to_svg(fig)
