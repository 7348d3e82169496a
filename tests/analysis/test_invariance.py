"""One answer everywhere: the seed's relations under every backend, and with unrelated releases beside it."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcmp.analysis import Analysis, analyze
from claimcmp.ingest import load_releases
from tests.analysis.helpers import seed_path

WH_READOUTS = Path(__file__).resolve().parents[2].parent / "shared" / "datasets" / "wh_readouts"
PAIR = ("OPCW", "Russia")


def _relations(analysis: Analysis) -> list[tuple[str, str, str, str]]:
    """(relation, deciding cue, statement a, statement b) of every relation, in a fixed order."""
    return sorted(
        (r.relation, r.evidence.deciding_cue.name, r.evidence.a.id, r.evidence.b.id) for r in analysis.relations
    )


def _scores(analysis: Analysis) -> dict[tuple[str, str], float]:
    return {(r.evidence.a.id, r.evidence.b.id): r.score for r in analysis.relations}


@pytest.mark.slow
def test_seed_gives_the_same_relations_under_the_default_and_torch(tmp_path: Path) -> None:
    default = analyze(seed_path(), pair=PAIR, cache_dir=tmp_path / "a", reuse=False)
    torch = analyze(seed_path(), pair=PAIR, backend="torch", cache_dir=tmp_path / "b", reuse=False)
    assert _relations(default) == _relations(torch)
    assert any(r[0] == "counter_claim" for r in _relations(default))
    for key, score in _scores(default).items():
        assert abs(score - _scores(torch)[key]) <= 1e-3


@pytest.mark.slow
def test_unrelated_releases_change_no_relation_of_the_seed(tmp_path: Path) -> None:
    """The seed alone, then with 30 White House readouts before and after it: the same relations."""
    files = sorted((WH_READOUTS / "statements-releases").rglob("*readout*"))[:30]
    assert len(files) == 30, "needs ../shared/datasets/wh_readouts"
    seed = list(load_releases([seed_path()]))
    others = list(load_releases(files))
    alone = analyze(seed, pair=PAIR, cache_dir=tmp_path, reuse=False)
    after = analyze(seed + others, pair=PAIR, cache_dir=tmp_path, reuse=False)
    between = analyze(others[:15] + seed + others[15:], pair=PAIR, cache_dir=tmp_path, reuse=False)
    assert _relations(alone)
    assert _relations(after) == _relations(alone)
    assert _relations(between) == _relations(alone)
    for run in (after, between):
        for key, score in _scores(alone).items():
            assert abs(score - _scores(run)[key]) <= 1e-6
