"""Scoring extraction against gold annotation files (``fixtures/gold/*.json``).

A gold file lists each expected statement (``start``, ``end``, ``text``,
``speaker``, ``side``, ``kind``) and the skipped spans. Each gold statement is
matched to the predicted statement overlapping it most; side, kind and speaker
are then compared, and the span counts as exact or overlapping.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ..model import Release, Statement, StatementKind

__all__ = ["attribution_spans", "kind_confusion", "load_gold", "score_real_gold", "score_statements", "span_f1"]


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


Span = tuple[int, int]


def attribution_spans(release: Release) -> list[tuple[Span, Span]]:
    """(source, content) spans of every attributed speech act in a release.

    The source is the speaker's mention as written ("He", "the Director-General
    of the OPCW, ..."); the content is a quote's words, or what follows the
    cue in reported speech. Consecutive sentences of one quote are merged.
    """
    from ._pipeline import _extract_pieces

    text = release.text
    pieces = _extract_pieces(release, None)[0]
    pairs: list[tuple[Span, Span]] = []
    for piece in pieces:
        if piece.source is None or piece.kind is StatementKind.NARRATION:
            continue
        start, end = piece.start, piece.end
        if piece.kind is not StatementKind.DIRECT_QUOTE and piece.cue:
            at = text.find(piece.cue, max(start, piece.source[1]) if piece.source[1] <= end else start, end)
            if at < 0:
                at = text.find(piece.cue, start, end)
            if at >= 0:
                match = _AFTER_CUE.match(text, at + len(piece.cue), end)
                start = match.end() if match else at + len(piece.cue)
            while end > start and text[end - 1] in ".!?;:,\"”’ \n":
                end -= 1
            if start >= end:
                continue
        if (
            pairs and piece.kind is StatementKind.DIRECT_QUOTE and pairs[-1][0] == piece.source
            and not text[pairs[-1][1][1] : start].strip(" \n")
        ):
            pairs[-1] = (piece.source, (pairs[-1][1][0], end))
            continue
        pairs.append((piece.source, (start, end)))
    return pairs


_AFTER_CUE = re.compile(r"(?:\s|,|:|\bthat\b)*")


def span_f1(predicted: Sequence[Span], gold: Sequence[Span], *, exact: bool) -> dict[str, int]:
    """True positives for precision and recall, one-to-one, by exact match or any overlap.

    Returns
    -------
    dict
        ``tp_p`` (predicted spans matched), ``tp_r`` (gold spans matched),
        ``n_pred``, ``n_gold``.
    """
    def hit(a: Span, b: Span) -> bool:
        return a == b if exact else min(a[1], b[1]) > max(a[0], b[0])

    used: set[int] = set()
    tp_p = 0
    for p in predicted:
        for i, g in enumerate(gold):
            if i not in used and hit(p, g):
                used.add(i)
                tp_p += 1
                break
    return {"tp_p": tp_p, "tp_r": len(used), "n_pred": len(predicted), "n_gold": len(gold)}


def kind_confusion(predicted: Sequence[Statement], gold: Sequence[Mapping[str, Any]]) -> dict[str, dict[str, int]]:
    """Gold kind -> predicted kind -> count, matching as :func:`score_statements` does.

    A gold statement with no overlapping prediction counts under ``"missed"``.
    """
    table: dict[str, dict[str, int]] = {}
    for item in gold:
        best = _best_match(predicted, int(item["start"]), int(item["end"]))
        got = best.kind.value if best is not None else "missed"
        row = table.setdefault(item["kind"], {})
        row[got] = row.get(got, 0) + 1
    return table


def _best_match(predicted: Sequence[Statement], start: int, end: int) -> Statement | None:
    best, best_overlap = None, 0
    for statement in predicted:
        overlap = min(end, statement.end) - max(start, statement.start)
        if overlap > best_overlap:
            best, best_overlap = statement, overlap
    return best


def score_real_gold(gold_path: str | Path, datasets: str | Path, split: str | None = None) -> dict[str, Any]:
    """Score :func:`~claimcmp.extract.extract` on a gold file that points into a shared data set.

    The gold file (``benchmarks/gold_real/*.json``) lists releases by ``path``
    relative to ``datasets`` and their statements by offsets into the text
    :func:`claimcmp.ingest.load_releases` gives, each with the SHA-1 prefix of
    its text (the texts are not stored with the gold).

    Parameters
    ----------
    gold_path : str or Path
    datasets : str or Path
        The shared datasets folder.
    split : {"dev", "test"} or None, default=None
        Only the releases of this split; None scores all.

    Returns
    -------
    dict
        ``counts`` (as :func:`score_statements`, summed), ``confusion`` (as
        :func:`kind_confusion`, summed), ``releases`` (number scored) and
        ``stale`` (gold statements whose text no longer matches the hash).
    """
    import hashlib

    from ..ingest import load_releases
    from ._pipeline import extract

    gold = load_gold(gold_path)
    counts: dict[str, int] = {}
    confusion: dict[str, dict[str, int]] = {}
    releases = stale = 0
    for entry in gold["releases"]:
        if split is not None and entry["split"] != split:
            continue
        release = load_releases([Path(datasets) / entry["path"]])[0]
        statements = entry["statements"]
        for item in statements:
            digest = hashlib.sha1(release.text[item["start"] : item["end"]].encode("utf-8")).hexdigest()
            stale += not digest.startswith(item["sha1"])
        predicted = extract(release).statements
        for key, value in score_statements(predicted, statements).items():
            counts[key] = counts.get(key, 0) + value
        for kind, row in kind_confusion(predicted, statements).items():
            for got, n in row.items():
                confusion.setdefault(kind, {})
                confusion[kind][got] = confusion[kind].get(got, 0) + n
        releases += 1
    return {"counts": counts, "confusion": confusion, "releases": releases, "stale": stale}
