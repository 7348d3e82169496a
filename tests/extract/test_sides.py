import pytest

from claimcmp.errors import ClaimcmpError, SidesFileError
from claimcmp.extract import Sides, extract_statements, load_sides
from claimcmp.ingest import load_releases

from ._helpers import FIXTURES, release


def test_seed_sides_file_loads_and_names_sides():
    sides = load_sides(FIXTURES / "sides" / "opcw_seed.yaml")
    assert sides.names == ("OPCW", "Russia")
    assert sides.side_of("H.E. Mr Kirill Lysogorsky") == "Russia"
    assert sides.side_of("nothing here") is None
    assert Sides.from_dict(sides.to_dict()) == sides


def test_sides_file_renames_inferred_sides():
    seed = load_releases([FIXTURES / "releases" / "us-jp-kr-trilateral-2023-08-20.txt"])[0]
    statements = extract_statements(seed, sides=FIXTURES / "sides" / "indo_pacific_trilateral.yaml")
    by_speaker = {s.speaker: s.side for s in statements if s.speaker}
    assert by_speaker == {"Antony J. Blinken": "USA", "Park Jin": "Seoul", "Yoshimasa Hayashi": "Tokyo"}


def test_sides_accepts_mapping_and_list_shorthand():
    text = "Minister Anna Berg said the plan was sound. Ambassador Omar Diallo noted the risks."
    sides = {"North": ["Anna Berg"], "South": {"aliases": ["Omar Diallo"]}}
    assert [s.side for s in extract_statements(release(text), sides=sides)] == ["North", "South"]


@pytest.mark.parametrize(
    "content", ["- just\n- a list\n", "North: 3\n", "{unclosed: [\n", "", "North:\n  aliases: [1, 2]\n"]
)
def test_malformed_sides_files_raise_sides_file_error(tmp_path, content):
    path = tmp_path / "sides.yaml"
    path.write_text(content)
    with pytest.raises(SidesFileError) as info:
        load_sides(path)
    assert str(path) in str(info.value)


def test_missing_sides_file_and_wrong_type():
    with pytest.raises(SidesFileError):
        load_sides("/nonexistent/sides.yaml")
    with pytest.raises(ClaimcmpError):
        load_sides(42)  # type: ignore[arg-type]


def test_bodies_named_in_the_sides_file_speak_for_their_side():
    from claimcmp.extract import Sides, extract_statements
    from claimcmp.model import Release

    sides = Sides.from_mapping({
        "Borealis": ["Government of Borealis"],
        "Atlantis": ["Atlantis", "Kai Doran", "Foreign Minister"],
    })
    assert sides.body_aliases == ("Government of Borealis", "Atlantis", "Borealis")  # no person, no role
    text = (
        "Borealis said the steel tariffs protect its industry. "
        "The Government of Borealis insisted that its patrols are lawful. "
        "The fishing boats of Atlantis must respect the quotas."
    )
    got = [(s.kind.value, s.speaker, s.side) for s in extract_statements(
        Release(id="r", text=text, issuer="Ministry of Foreign Affairs of Atlantis"), sides=sides)]
    assert got[:2] == [("reported", None, "Borealis"), ("reported", None, "Borealis")]  # bodies: no speaker
    assert got[2][0] == "narration"
