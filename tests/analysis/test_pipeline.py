"""analyze(): the whole pipeline on the seed and on edge cases (fake embedder, random head)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from claimcmp.analysis import Analysis, analyze, default_pair, portable_sources
from claimcmp.errors import ConfigurationError, ReleaseNotFoundError
from claimcmp.model import Release, Statement
from tests.analysis.helpers import fast_options, seed_path


def test_seed_runs_every_step(seed_analysis: Analysis) -> None:
    a = seed_analysis
    assert len(a.releases) == 1 and a.releases[0].id == "opcw-2024-11-29-arias-lysogorsky"
    assert len(a.statements) >= 10
    assert a.compared_sides == ("OPCW", "Russia")
    assert all(t is not None for t in a.statement_topics)
    assert {t.id for t in a.topics} >= set(a.statement_topics)
    assert a.relations, "the random head keeps every pair: relations expected"
    assert all({r.evidence.a.side, r.evidence.b.side} == {"OPCW", "Russia"} for r in a.relations)
    assert a.themes and a.theme_period == "day"
    assert a.similarity is not None and a.similarity.kind == "statements"
    assert a.notes == ()


def test_statements_keep_their_span_invariant(seed_analysis: Analysis) -> None:
    texts = {r.id: r.text for r in seed_analysis.releases}
    for s in seed_analysis.statements:
        assert texts[s.release_id][s.start : s.end] == s.text


def test_settings_hold_model_parameters_and_versions(seed_analysis: Analysis) -> None:
    settings = seed_analysis.settings
    assert settings.model == "FakeEmbedder"
    assert set(settings.versions) == {"claimcmp", "numpy", "scikit-learn", "sentence-transformers", "torch"}
    assert settings.versions["numpy"]
    assert settings.parameters["topics"]["random_state"] == 0
    assert settings.parameters["compare"]["min_cosine"] == -1.0
    assert settings.parameters["compare"]["head"] == "RelationHead"


def test_dict_round_trip_is_lossless(seed_analysis: Analysis) -> None:
    again = Analysis.from_dict(seed_analysis.to_dict())
    assert again == seed_analysis
    assert again.to_json() == seed_analysis.to_json()


def test_json_round_trip_is_stable(seed_analysis: Analysis) -> None:
    import json

    text = seed_analysis.to_json()
    assert Analysis.from_dict(json.loads(text)).to_json() == text


def test_same_input_gives_byte_identical_json(seed_analysis: Analysis) -> None:
    assert analyze(seed_path(), **fast_options()).to_json() == seed_analysis.to_json()


def test_release_objects_and_paths_give_the_same_analysis(seed_analysis: Analysis) -> None:
    again = analyze(list(seed_analysis.releases), **fast_options())
    assert again.to_json() == seed_analysis.to_json()


def test_mixed_paths_and_releases_are_refused(seed_analysis: Analysis) -> None:
    with pytest.raises(ConfigurationError, match="mix"):
        analyze([seed_analysis.releases[0], str(seed_path())], **fast_options())


def test_missing_file_raises_ingest_error(tmp_path: Path) -> None:
    with pytest.raises(ReleaseNotFoundError):
        analyze(tmp_path / "nope.txt", **fast_options())


def test_one_side_only_gives_a_note_and_no_relations() -> None:
    text = "The Director-General of the OPCW, Fernando Arias, said: “Chemical weapons must go.”\n"
    a = analyze([Release(id="r", text=text, issuer="OPCW")], **fast_options())
    assert a.compared_sides is None
    assert a.relations == () and a.similarity is None
    assert len(a.notes) == 1 and "need two" in a.notes[0]


def test_pair_override_swaps_rows_and_columns(seed_analysis: Analysis) -> None:
    a = analyze(list(seed_analysis.releases), pair=("Russia", "OPCW"), **fast_options())
    assert a.compared_sides == ("Russia", "OPCW")
    assert a.similarity is not None and a.similarity.sides == ("Russia", "OPCW")


def test_sides_file_is_recorded_in_settings(tmp_path: Path, seed_analysis: Analysis) -> None:
    sides = tmp_path / "sides.yaml"
    sides.write_text("Arias team:\n  aliases: [Fernando Arias, OPCW]\nMoscow:\n  aliases: [Kirill Lysogorsky]\n")
    a = analyze(list(seed_analysis.releases), sides=sides, **fast_options())
    assert a.settings.sides == {"Arias team": {"aliases": ["Fernando Arias", "OPCW"]}, "Moscow": {"aliases": ["Kirill Lysogorsky"]}}
    assert set(a.compared_sides or ()) == {"Arias team", "Moscow"}
    assert str(tmp_path) not in a.to_json()


def test_default_pair_ignores_joint_and_breaks_ties_by_name() -> None:
    r = Release(id="r", text="abcdefghij")
    mk = lambda s, e, side: Statement.from_span(r, s, e, side=side)  # noqa: E731
    assert default_pair([mk(0, 1, "joint"), mk(1, 2, "joint"), mk(2, 3, "B"), mk(3, 4, "A")]) == ("A", "B")
    assert default_pair([mk(0, 1, "A")]) is None


def test_portable_sources_drop_machine_paths(tmp_path: Path) -> None:
    file = tmp_path / "deep" / "r.txt"
    releases = [
        Release(id="a", text="x", source=str(file)),
        Release(id="b", text="x", source="https://example.org/a"),
        Release(id="c", text="x", source=None),
    ]
    out = portable_sources(releases, cwd=Path("/nonexistent-cwd"))
    assert out[0].source == "r.txt"
    assert out[1].source == "https://example.org/a" and out[2].source is None
    inside = portable_sources([Release(id="a", text="x", source=str(file))], cwd=tmp_path)
    assert inside[0].source == "deep/r.txt"
    assert not os.path.isabs(out[0].source)


def test_dataframes_have_one_row_per_item(seed_analysis: Analysis) -> None:
    a = seed_analysis
    assert len(a.to_dataframe("statements")) == len(a.statements)
    assert "topic" in a.to_dataframe("statements").columns
    assert len(a.to_dataframe("relations")) == len(a.relations)
    assert len(a.to_dataframe("topics")) == len(a.topics)
    assert list(a.to_dataframe("sides")["side"])[:2] == ["OPCW", "Russia"]
    for kind in ("releases", "one_sided_topics", "themes", "claims", "timeline"):
        a.to_dataframe(kind)
    with pytest.raises(ConfigurationError, match="Unknown table"):
        a.to_dataframe("nope")


def test_side_summaries_put_compared_sides_first(seed_analysis: Analysis) -> None:
    summaries = seed_analysis.side_summaries()
    assert [s.side for s in summaries][:2] == ["OPCW", "Russia"]
    assert summaries[-1].side == "(no side)"
    opcw = summaries[0]
    assert opcw.speakers == ("Fernando Arias",)
    assert sum(s.statements for s in summaries) == len(seed_analysis.statements)


def test_topic_count_mismatch_is_refused(seed_analysis: Analysis) -> None:
    data = seed_analysis.to_dict()
    data["statements"] = data["statements"][:1]
    assert len(Analysis.from_dict(data).statements) == 1
    with pytest.raises(ConfigurationError):
        Analysis(**{**{f: getattr(seed_analysis, f) for f in seed_analysis.__dataclass_fields__}, "statement_topics": (1,)})


def test_report_of_the_seed_imports_no_heavy_library_when_vectors_need_no_model() -> None:
    """The cached report path (< 2 s target) must not pay for torch or scikit-learn imports."""
    from tests.conftest import python_output

    code = (
        "import sys\n"
        "from claimcmp import analyze\n"
        "from tests.conftest import SEED, FakeEmbedder\n"
        "a = analyze(SEED, embedder=FakeEmbedder(384))\n"
        "html = a.to_html()\n"
        "heavy = [m for m in ('torch', 'sentence_transformers', 'sklearn', 'matplotlib', 'pandas') if m in sys.modules]\n"
        "print(len(a.topics) > 0, len(html) > 1000, heavy)"
    )
    assert python_output(code) == "True True []"
