"""A real series: the White House readouts of calls and meetings with President Xi (real model)."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcmp.ingest import load_releases
from claimcmp.themes import ThemeTracker, Trend


@pytest.mark.slow
def test_biden_xi_readouts(shared_datasets: Path) -> None:
    files = sorted(p for p in (shared_datasets / "wh_readouts").rglob("*.md") if "xi-jinping" in p.name)
    assert len(files) >= 8
    releases = list(load_releases(files, on_error="skip"))
    tracker = ThemeTracker().fit(releases[:-2])
    before = tracker.theme_ids_.copy()
    tracker.partial_fit(releases[-2:])
    assert (tracker.theme_ids_[: len(before)] == before).all()
    series = tracker.result()
    assert series.period == "quarter"
    assert any(t.trend is Trend.RECURRING for t in series.themes)
    keywords = " ".join(k for t in series.themes[:10] for k in t.keywords)
    # the Taiwan theme: only the participants' own countries are left out of labels (issue #21); a country
    # that is the subject stays
    assert "taiwan" in keywords.lower() and "strait" in keywords.lower()
    assert series.claims and len(series.claims[0].release_ids) >= 2
