import json

import pytest

from claimcmp.cli import main

from ..conftest import SEED


@pytest.mark.slow
def test_compare_command_on_seed_json(tmp_path, capsys):
    out = tmp_path / "rel.json"
    code = main(["compare", str(SEED), "--format", "json", "-o", str(out), "--quiet", "--include-unrelated"])
    assert code == 0
    data = json.loads(out.read_text())
    assert len(data["sides"]) == 2
    assert data["n_candidates"] >= 1
    for rel in data["relations"]:
        assert rel["relation"] in {"agreement", "counter_claim", "unrelated"}
        assert rel["evidence"]["cues"]


@pytest.mark.slow
def test_compare_command_table(capsys):
    assert main(["compare", str(SEED), "--quiet"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("sides: ")


def test_compare_help_lists_options(capsys):
    with pytest.raises(SystemExit):
        main(["compare", "--help"])
    text = capsys.readouterr().out
    for option in ("--pair", "--top-k", "--cross-encoder", "--head-only", "--format"):
        assert option in text


@pytest.mark.slow
def test_head_only_skips_the_cross_encoder(tmp_path):
    results = {}
    for name, extra in (("both", []), ("head", ["--head-only"])):
        out = tmp_path / f"{name}.json"
        assert main(["compare", str(SEED), "--format", "json", "-o", str(out), "--quiet", "--include-unrelated", *extra]) == 0
        data = json.loads(out.read_text())
        results[name] = [c["detail"] for r in data["relations"] for c in r["evidence"]["cues"] if c["name"] == "model"]
    assert any("cross-encoder" in d for d in results["both"])
    assert results["head"] and not any("cross-encoder" in d for d in results["head"])


@pytest.mark.slow
def test_lower_bar_for_uncued_counter_claims_reports_more(tmp_path):
    counts = {}
    for name, extra in (("default", []), ("recall", ["--min-uncued-counter-claim", "0.5"])):
        out = tmp_path / f"{name}.json"
        assert main(["compare", str(SEED), "--format", "json", "-o", str(out), "--quiet", *extra]) == 0
        relations = json.loads(out.read_text())["relations"]
        counts[name] = sum(r["relation"] == "counter_claim" for r in relations)
    # the model case has a cue and stays; pairs the model alone calls counter-claims at p 0.5-0.75 join it
    assert counts["default"] >= 1
    assert counts["recall"] > counts["default"]


@pytest.mark.slow
def test_learned_comparer_from_the_command_line(tmp_path):
    """--comparer learned: every cross-side pair of the seed is a candidate, each read by the learned model."""
    runs = {}
    for name, extra in (("rules", []), ("learned", ["--comparer", "learned"])):
        out = tmp_path / f"{name}.json"
        assert main(["compare", str(SEED), "--format", "json", "-o", str(out), "--quiet", "--include-unrelated",
                     *extra]) == 0
        runs[name] = json.loads(out.read_text())
    learned = runs["learned"]
    details = [c["detail"] for r in learned["relations"] for c in r["evidence"]["cues"] if c["name"] == "model"]
    assert details and all(d.startswith("learned comparer") for d in details)
    assert learned["n_candidates"] >= runs["rules"]["n_candidates"]
    assert len(learned["relations"]) == learned["n_candidates"]


@pytest.mark.slow
def test_compare_names_the_sides_it_leaves_out_of_a_three_party_meeting(capsys):
    release = SEED.parent / "multiparty" / "br-ar-cl-foreign-ministers-2024-06-12.txt"
    assert main(["compare", str(release), "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["sides"] == ["Argentina", "Brazil"]
    assert "1 more side(s) spoke (Chile)" in captured.err and "claimcmp report" in captured.err
    assert main(["compare", str(release), "--format", "json", "--pair", "Chile", "Brazil", "--quiet"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["sides"] == ["Chile", "Brazil"]
    assert "more side" not in captured.err
