"""The hand-annotated real gold set (benchmarks/gold_real/docs, gold): the validator and the set itself."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_SPEC = importlib.util.spec_from_file_location("gold_validate", ROOT / "benchmarks" / "gold_real" / "validate.py")
assert _SPEC is not None and _SPEC.loader is not None
validate = importlib.util.module_from_spec(_SPEC)
sys.modules[_SPEC.name] = validate  # dataclasses look their module up there
_SPEC.loader.exec_module(validate)

HEADER = "title: T\ndate: 2022-01-01\nsource_url: https://example.org/x\nlicense: public domain\n---\n"
BODY = "The President met the Chancellor. “We agree,” he said. The two leaders agreed to meet again."


def _gold_set(tmp_path: Path, statements: list[dict], relations: list[dict] | None = None) -> Path:
    (tmp_path / "docs").mkdir()
    (tmp_path / "gold").mkdir()
    (tmp_path / "docs" / "d.txt").write_text(HEADER + BODY, encoding="utf-8")
    gold = {"doc": "d", "statements": statements, "relations": relations or [], "ambiguities": {}}
    (tmp_path / "gold" / "d.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    (tmp_path / "split.json").write_text(json.dumps({"d": "dev"}), encoding="utf-8")
    return tmp_path


GOOD = [
    {"text": "The President met the Chancellor.", "speaker": None, "side": None, "kind": "narration"},
    {"text": "We agree", "speaker": "Joseph R. Biden", "side": "US", "kind": "direct_quote"},
    {"text": "The two leaders agreed to meet again.", "speaker": None, "side": "joint", "kind": "joint"},
]


def test_a_well_formed_set_has_no_problems(tmp_path):
    assert validate.all_problems(_gold_set(tmp_path, GOOD)) == []


def test_out_of_order_spans_are_reported(tmp_path):
    problems = validate.all_problems(_gold_set(tmp_path, [GOOD[1], GOOD[0]]))
    assert any("order or overlap" in problem for problem in problems)


def test_a_span_not_in_the_body_is_reported(tmp_path):
    wrong = [{**GOOD[0], "text": "The President met the Prime Minister."}]
    assert any("occurs 0 times" in problem for problem in validate.all_problems(_gold_set(tmp_path, wrong)))


def test_a_span_that_repeats_is_reported(tmp_path):
    repeated = [{**GOOD[0], "text": "agree"}]
    assert any("occurs 2 times" in problem for problem in validate.all_problems(_gold_set(tmp_path, repeated)))


def test_overlapping_spans_are_reported(tmp_path):
    overlapping = [GOOD[0], {**GOOD[0], "text": "Chancellor. “We"}]
    assert any("order or overlap" in problem for problem in validate.all_problems(_gold_set(tmp_path, overlapping)))


def test_relations_must_resolve_and_join_two_sides(tmp_path):
    relations = [
        {"a": 1, "b": 9, "relation": "agreement", "rationale": "r"},
        {"a": 1, "b": 2, "relation": "agreement", "rationale": "r"},
        {"a": 1, "b": 1, "relation": "disagreement", "rationale": ""},
    ]
    problems = validate.all_problems(_gold_set(tmp_path, GOOD, relations))
    assert any("out of range" in problem for problem in problems)
    assert any("two different, non-joint sides" in problem for problem in problems)
    assert any("is not one of" in problem for problem in problems)
    assert any("rationale is required" in problem for problem in problems)


def test_pair_ends_must_resolve(tmp_path):
    root = _gold_set(tmp_path, GOOD)
    pairs = [{"pair_id": "p", "docs": ["d"], "relations": [
        {"a": {"doc": "d", "index": 1}, "b": {"doc": "e", "index": 0}, "relation": "agreement", "rationale": "r"},
        {"a": {"doc": "d", "index": 1}, "b": {"doc": "d", "index": 7}, "relation": "agreement", "rationale": "r"},
    ]}]
    (root / "pairs.gold.json").write_text(json.dumps(pairs), encoding="utf-8")
    problems = validate.all_problems(root)
    assert any("outside the pair" in problem for problem in problems)
    assert any("does not resolve" in problem for problem in problems)


def test_the_split_must_name_every_document_once(tmp_path):
    root = _gold_set(tmp_path, GOOD)
    (root / "split.json").write_text(json.dumps({"e": "train"}), encoding="utf-8")
    problems = validate.all_problems(root)
    assert any("lacks 'd'" in problem for problem in problems)
    assert any("has no gold file" in problem for problem in problems)
    assert any("not one of dev, test, test2, test3" in problem for problem in problems)


@pytest.mark.parametrize("part", ["test2", "test3", "test4", "test5", "test6", "test7", "test8", "test9", "test10",
                                  "test11", "test12", "test13", "test14", "test15", "test16", "test17",
                                  "test18"])
def test_a_later_untouched_split_is_accepted(tmp_path, part):
    root = _gold_set(tmp_path, GOOD)
    (root / "split.json").write_text(json.dumps({"d": part}), encoding="utf-8")
    assert validate.all_problems(root) == []


@pytest.mark.parametrize(
    ("script", "untouched", "counts"),
    [("select_readouts3.py", "test3", (7, 20)), ("select_readouts4.py", "test4", (8, 4)),
     ("select_readouts5.py", "test5", (12, 0)), ("select_readouts6.py", "test6", (12, 0)),
     ("select_readouts7.py", "test7", (11, 0)), ("select_readouts8.py", "test8", (6, 0)),
     ("select_readouts9.py", "test9", (8, 0)), ("select_readouts10.py", "test10", (8, 0)),
     ("select_readouts11.py", "test11", (10, 0)), ("select_readouts12.py", "test12", (7, 0)),
     ("select_readouts13.py", "test13", (6, 0)), ("select_readouts14.py", "test14", (6, 0)),
     ("select_readouts15.py", "test15", (6, 0)), ("select_readouts16.py", "test16", (6, 0)),
     ("select_readouts17.py", "test17", (6, 0)), ("select_readouts18.py", "test18", (6, 0))],
)
def test_the_readout_draws_are_reproducible_and_split_by_document(script, untouched, counts):
    """Each batch's selection script draws the same documents every time, all in split.json under the part it gives."""
    spec = importlib.util.spec_from_file_location(script[:-3], validate.GOLD_ROOT / script)
    assert spec is not None and spec.loader is not None
    select = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(select)
    if not select.RAW.is_dir():
        pytest.skip("the shared raw readouts are not here")
    first = select.draw()
    assert first == select.draw()
    split = json.loads((validate.GOLD_ROOT / "split.json").read_text(encoding="utf-8"))
    assert {path.stem: part for _, part, path in first} == json.loads(select.DRAWN.read_text(encoding="utf-8"))
    assert all(split[path.stem] == part for _, part, path in first)
    parts = [part for _, part, _ in first]
    assert (parts.count(untouched), parts.count("dev")) == counts


def test_the_test11_pairs_are_the_drawn_pairs_and_measure_no_meeting_twice():
    """select_readouts11.py draws pairs (a readout and the remarks before that meeting): each drawn pair is one entry
    of pairs.gold.json, readout first, and no meeting of test11 is in the parallel batch test10 (readouts10.json)."""
    spec = importlib.util.spec_from_file_location("select_readouts11", validate.GOLD_ROOT / "select_readouts11.py")
    assert spec is not None and spec.loader is not None
    select = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(select)
    if not select.RAW.is_dir():
        pytest.skip("the shared raw readouts are not here")
    drawn = [[readout.stem, transcript.stem] for readout, transcript in select.drawn_pairs()]
    assert len(drawn) == select.PAIRS_WANTED + select.TOP_UP and select.two_issuer_pairs(set()) == []
    pairs = json.loads((validate.GOLD_ROOT / "pairs.gold.json").read_text(encoding="utf-8"))
    split = json.loads((validate.GOLD_ROOT / "split.json").read_text(encoding="utf-8"))
    in_test11 = [pair["docs"] for pair in pairs if {split[doc] for doc in pair["docs"]} == {"test11"}]
    assert sorted(in_test11) == sorted(drawn)
    parallel = validate.GOLD_ROOT / "readouts10.json"
    test10 = set(json.loads(parallel.read_text(encoding="utf-8"))) if parallel.exists() else set()
    test10 |= select.PARALLEL_TEST10
    assert not any(doc in test10 for docs in drawn for doc in docs)
    state_days = {name[:10] for name in test10 if "_state-" in name}
    assert not any(doc[:10] in state_days for docs in drawn for doc in docs)  # no State meeting of the same day


def test_the_dev2_draw_is_reproducible_and_in_dev():
    """select_dev2.py draws the 27 documents of dev2.json every time, later batches in split.json notwithstanding."""
    spec = importlib.util.spec_from_file_location("select_dev2", validate.GOLD_ROOT / "select_dev2.py")
    assert spec is not None and spec.loader is not None
    select = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(select)
    if not select.s3.RAW.is_dir():
        pytest.skip("the shared raw readouts are not here")
    drawn = [path.stem for path in select.draw()]
    assert drawn == json.loads(select.DRAWN.read_text(encoding="utf-8"))
    split = json.loads((validate.GOLD_ROOT / "split.json").read_text(encoding="utf-8"))
    assert len(drawn) == 27 and all(split[name] == "dev" for name in drawn)


def _topics(root: Path, topics: dict) -> Path:
    (root / "topics").mkdir(exist_ok=True)
    (root / "topics" / f"{topics['doc']}.topics.json").write_text(json.dumps(topics), encoding="utf-8")
    return root


def test_well_formed_topics_have_no_problems(tmp_path):
    topics = {"doc": "d", "topics": [{"label": "next meeting", "statements": [1, 2]}], "unassigned": [0]}
    assert validate.all_problems(_topics(_gold_set(tmp_path, GOOD), topics)) == []


def test_topic_problems_are_reported(tmp_path):
    root = _gold_set(tmp_path, GOOD)
    _topics(root, {"doc": "d", "topics": [{"label": " ", "statements": [1, 1, 5]}], "unassigned": []})
    _topics(root, {"doc": "e", "topics": [], "unassigned": []})
    problems = validate.all_problems(root)
    assert any("non-empty string" in problem for problem in problems)
    assert any("out of range" in problem for problem in problems)
    assert any("more than once" in problem for problem in problems)
    assert any("in no topic and not unassigned: [0, 2]" in problem for problem in problems)
    assert any("not a gold document of split.json" in problem for problem in problems)


def test_agenda_topics_cover_every_two_sided_document_of_dev_and_test():
    split = json.loads((validate.GOLD_ROOT / "split.json").read_text(encoding="utf-8"))
    documents = [d for d in validate.load_documents() if split[d.name] in ("dev", "test")]
    two_sided = {d.name for d in documents if len({s["side"] for s in d.gold["statements"]} - {None, "joint"}) >= 2}
    annotated = {path.name.removesuffix(".topics.json")
                 for path in (validate.GOLD_ROOT / "topics").glob("*.topics.json")}
    assert two_sided <= annotated
    assert len(annotated) >= 12


def test_the_shipped_gold_set_covers_every_house_style_and_format():
    documents = validate.load_documents()
    sources = {validate.source_of(document.name) for document in documents}
    two_sided = [d for d in documents if len({s["side"] for s in d.gold["statements"]} - {None, "joint"}) >= 2]
    kinds = {s["kind"] for d in documents for s in d.gold["statements"]}
    assert len(documents) >= 40
    assert {"wh-joint", "state", "kremlin", "ua"} <= sources
    assert len(two_sided) >= 12
    assert kinds == set(validate.KINDS)


def test_the_shipped_gold_set_is_valid():
    documents = validate.load_documents()
    if not documents:
        pytest.fail("benchmarks/gold_real/gold holds no annotated documents")
    assert validate.all_problems() == []


def test_attribution_on_the_real_dev_split_meets_the_targets(monkeypatch):
    """A regression guard on real text: the dev split of the hand-annotated set, scored as the benchmark does."""
    figures = _bench(monkeypatch).run("dev")["claimcmp"]
    overall = figures["all"]
    assert overall["coverage"] >= 0.97
    assert overall["side"] >= 0.90 and overall["kind"] >= 0.85 and overall["speaker"] >= 0.85
    transcripts = figures["format: transcript, both sides"]
    assert transcripts["kind"] >= 0.85 and transcripts["speaker"] >= 0.85
    for group, scores in figures.items():
        if group.startswith("source: "):
            assert scores["side"] >= 0.80, group


def _bench(monkeypatch, name: str = "bench_gold_real"):
    """A benchmark script of ``benchmarks/``, loaded as a module (its folder on the path for its own imports)."""
    monkeypatch.syspath_prepend(str(ROOT / "benchmarks"))
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    return bench


def test_speaker_scoring_accepts_surnames_and_shortenings_only(monkeypatch):
    same_speaker = _bench(monkeypatch).same_speaker
    assert same_speaker("Xi", "Xi Jinping")  # family name first
    assert same_speaker("President Biden", "Joe Biden")
    assert same_speaker("Alberto Fernandez", "Alberto Fernández")
    assert not same_speaker("President of France", "Emmanuel Macron")
    assert not same_speaker("Jinping", "Li Qiang")
    assert not same_speaker(None, "Xi Jinping") and same_speaker(None, None)


def test_the_extraction_benchmark_reports_the_real_gold_per_style_and_split(monkeypatch):
    """bench_extraction.py reports the real gold's dev and untouched splits through bench_gold_real's scoring."""
    bench = _bench(monkeypatch, "bench_extraction")
    assert [split for split, _ in bench.GOLD_REAL_SPLITS] == ["dev", "test4"]
    seen = []
    monkeypatch.setattr(bench.bench_gold_real, "run", lambda split: seen.append(split) or {
        "claimcmp": {"source: kremlin": {"documents": 2, "statements": 9, "coverage": 1.0, "side": 0.8,
                                         "kind": 0.7, "speaker": 0.6}}})
    figures = bench.real_gold()
    assert seen == ["dev", "test4"] and set(figures) == {"dev", "test4"}
    section = bench._gold_real_section(figures)
    assert section.count("| claimcmp | source: kremlin | 2 | 9 |") == 2
    assert "untouched split `test4`" in section


def test_earlier_files_are_the_draw_files_of_the_batches_before():
    spec = importlib.util.spec_from_file_location("select_readouts3", validate.GOLD_ROOT / "select_readouts3.py")
    assert spec is not None and spec.loader is not None
    select3 = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(select3)
    # the lists select_readouts10 and 13 held by hand before earlier_files
    assert set(select3.earlier_files(10)) == {"readouts3.json", "readouts4.json", "readouts5.json", "dev2.json",
                                              "readouts6.json", "readouts7.json", "readouts8.json", "readouts9.json"}
    assert set(select3.earlier_files(13)) == set(select3.earlier_files(10)) | {
        "readouts10.json", "readouts11.json", "readouts12.json"}
    assert select3.earlier_files(4) == ["readouts3.json"]  # dev2 was drawn after the fifth batch
