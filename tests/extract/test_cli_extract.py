import json

from claimcmp.cli import main

from ._helpers import FIXTURES

SEED = FIXTURES / "opcw_seed.txt"


def test_extract_json_lists_statements_and_skipped(capsys):
    assert main(["extract", str(SEED), "--format", "json", "--skipped"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload[0]["release_id"] == "opcw-2024-11-29-arias-lysogorsky"
    kinds = {s["kind"] for s in payload[0]["statements"]}
    assert kinds == {"narration", "joint", "reported", "direct_quote"}
    assert any(k["reason"] == "heading" and k["text"] == "Background" for k in payload[0]["skipped"])


def test_extract_table_with_sides_file(capsys):
    code = main(["extract", str(SEED), "--sides", str(FIXTURES / "sides" / "opcw_seed.yaml")])
    out = capsys.readouterr().out
    assert code == 0
    assert "Kirill Lysogorsky" in out and "direct_quote" in out and "Russia" in out


def test_extract_bad_sides_file_exits_1(tmp_path, capsys):
    bad = tmp_path / "sides.yaml"
    bad.write_text("- not a mapping\n")
    assert main(["extract", str(SEED), "--sides", str(bad)]) == 1
    assert "E200" in capsys.readouterr().err
