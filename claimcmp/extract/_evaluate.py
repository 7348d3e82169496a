"""Scoring extraction against gold annotation files (``fixtures/gold/*.json``).

A gold file lists each expected statement (``start``, ``end``, ``text``,
``speaker``, ``side``, ``kind``) and the skipped spans. Each gold statement is
matched to the predicted statement overlapping it most; side, kind and speaker
are then compared, and the span counts as exact or overlapping.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ..model import Statement

__all__ = ["load_gold", "score_statements"]


def load_gold(path: str | Path) -> dict[str, Any]:
    """Read one gold file."""
    data: dict[str, Any] = json.loads(Path(path).read_text(encoding="utf-8"))
    return data


def score_statements(predicted: Sequence[Statement], gold: Sequence[Mapping[str, Any]]) -> dict[str, int]:
    """Counts of correct attributions of ``predicted`` against ``gold`` statements.

    Returns
    -------
    dict
        ``gold`` (number of gold statements), ``predicted``, ``matched`` (gold
        statements with an overlapping prediction), ``side``, ``kind``,
        ``speaker`` (correct among gold), ``span_exact``.
    """
    counts = dict(gold=len(gold), predicted=len(predicted), matched=0, side=0, kind=0, speaker=0, span_exact=0)
    for item in gold:
        g_start, g_end = int(item["start"]), int(item["end"])
        best, best_overlap = None, 0
        for statement in predicted:
            overlap = min(g_end, statement.end) - max(g_start, statement.start)
            if overlap > best_overlap:
                best, best_overlap = statement, overlap
        if best is None:
            continue
        counts["matched"] += 1
        counts["side"] += best.side == item["side"]
        counts["kind"] += best.kind.value == item["kind"]
        counts["speaker"] += best.speaker == item["speaker"]
        counts["span_exact"] += (best.start, best.end) == (g_start, g_end)
    return counts
