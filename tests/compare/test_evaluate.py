"""Scoring a comparison against a gold meeting (claimcmp.compare._evaluate) and the gold meetings themselves."""

import json

import pytest

from claimcmp.compare._evaluate import GoldSpan, load_gold_meeting, pooled, score_meeting
from claimcmp.compare.cues import Cue
from claimcmp.compare.result import Evidence, Relation, SideComparison, StatementRef
from claimcmp.errors import IngestError

from ..conftest import FIXTURES

MEETINGS = sorted(p.parent for p in (FIXTURES / "meetings").glob("*/gold.json"))


def test_there_are_dev_and_test_meetings():
    splits = [json.loads((m / "gold.json").read_text(encoding="utf-8"))["split"] for m in MEETINGS]
    assert splits.count("dev") >= 12 and splits.count("test") >= 4


@pytest.mark.parametrize("folder", MEETINGS, ids=lambda p: p.name)
def test_gold_meeting_quotes_occur_once_in_two_releases(folder):
    gold = load_gold_meeting(folder)
    assert len(gold.releases) == 2 and gold.sides_path.exists()
    relations = {p.relation for p in gold.pairs}
    assert relations == {"counter_claim", "agreement"}
    for pair in gold.pairs:
        for span, text in ((pair.a, pair.a_text), (pair.b, pair.b_text)):
            release = next(r for r in gold.releases if r.id == span.release_id)
            assert release.text[span.start : span.end] == text


def _copy_meeting(tmp_path, quote_a):
    src = MEETINGS[0]
    dst = tmp_path / src.name
    dst.mkdir()
    for f in src.iterdir():
        (dst / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    gold = json.loads((dst / "gold.json").read_text(encoding="utf-8"))
    gold["counter_claims"][0]["a"] = quote_a
    (dst / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    return dst


def test_a_quote_not_in_the_releases_names_the_gold_file(tmp_path):
    folder = _copy_meeting(tmp_path, "words that no release contains")
    with pytest.raises(IngestError, match="gold.json.*occurs 0 times") as err:
        load_gold_meeting(folder)
    assert "verbatim" in str(err.value)


def _relation(label, a, b):
    ref = lambda span, side: StatementRef(f"{span.release_id}@{span.start}", span.release_id, span.start, span.end, side, "x")
    return Relation(label, 0.9, {"agreement": 0.05, "counter_claim": 0.9, "unrelated": 0.05}, None,
                    Evidence(ref(a, "A"), ref(b, "B"), (Cue("model", "", label),), 0.5))


def test_score_meeting_counts_each_report_and_each_gold_pair():
    gold = load_gold_meeting(MEETINGS[0])
    counters = [p for p in gold.pairs if p.relation == "counter_claim"]
    first, second = counters[0], counters[1]
    shifted = GoldSpan(first.a.release_id, first.a.start + 2, first.a.end - 2)  # overlapping is enough
    elsewhere = GoldSpan(first.b.release_id, 0, 1)  # the release's first character: no gold pair
    result = SideComparison(
        relations=(
            _relation("counter_claim", shifted, first.b),
            _relation("counter_claim", first.a, first.b),  # the same gold pair reported twice
            _relation("counter_claim", second.a, elsewhere),
            _relation("agreement", second.a, second.b),  # a gold counter-claim reported as agreement
        ),
        one_sided_topics=(), sides=gold.sides, n_statements={}, n_candidates=4,
    )
    score = score_meeting(result, gold)
    cc, ag = score["counter_claim"], score["agreement"]
    assert (cc["predicted"], cc["correct"], cc["found"], cc["gold"]) == (3, 2, 1, len(counters))
    assert cc["precision"] == pytest.approx(2 / 3) and cc["recall"] == pytest.approx(1 / len(counters))
    assert (ag["predicted"], ag["correct"]) == (1, 0)
    assert len(score["false"]) == 2 and len(score["missed"]) == len(gold.pairs) - 1
    total = pooled([score, score], "counter_claim")
    assert total["predicted"] == 6 and total["precision"] == pytest.approx(2 / 3)
