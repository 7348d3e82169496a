"""Helpers shared by the extraction tests."""

from __future__ import annotations

from pathlib import Path

from claimcmp.model import Release

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures"
GOLD = FIXTURES / "gold"


KREMLIN = "http://en.kremlin.ru/events/president/news/1"
UA = "https://www.president.gov.ua/en/news/1"
STATE = "https://www.state.gov/readout/"
WH = "https://www.whitehouse.gov/briefing-room/readout/"


def attribution(
    text: str, source: str, title: str = "", date: str = "2022-03-01"
) -> list[tuple[str, str | None, str | None]]:
    """(kind, speaker, side) of each statement of a release from ``source`` (a house style's address)."""
    from claimcmp.extract import extract_statements

    rel = Release(id="t", text=text, title=title, date=date, source=source)
    return [(s.kind.value, s.speaker, s.side) for s in extract_statements(rel)]


def release(text: str, issuer: str | None = None, id: str = "t") -> Release:
    """A release built by hand."""
    return Release(id=id, text=text, issuer=issuer)


def covered_once(text: str, extraction) -> bool:
    """Whether every non-space character lies in exactly one statement or skipped span."""
    hits = [0] * len(text)
    for span in [*extraction.statements, *extraction.skipped]:
        for i in range(span.start, span.end):
            hits[i] += 1
    return all((h == 1) if not c.isspace() else h <= 1 for c, h in zip(text, hits))
