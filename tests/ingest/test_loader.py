"""Reading releases from every supported format, and every error path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimcmp import Release, load_releases
from claimcmp.errors import (
    ClaimcmpError,
    DateError,
    DecodeError,
    DuplicateIdError,
    EmptyReleaseError,
    HeaderError,
    IngestError,
    MalformedRecordError,
    ReleaseNotFoundError,
    UnsupportedFormatError,
)

from ..conftest import SEED


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_seed_release_header_and_body() -> None:
    (release,) = load_releases(SEED)
    assert release.id == "opcw-2024-11-29-arias-lysogorsky"
    assert release.date == "2024-11-29"
    assert release.issuer == "OPCW"
    assert release.title.startswith("OPCW Director-General meets")
    assert release.text.startswith("THE HAGUE, Netherlands—29 November 2024—")
    seed_body = (SEED.parents[2] / "shared" / "seeds" / "000_a7c544744de14609.txt")
    if seed_body.exists():
        assert release.text == seed_body.read_text(encoding="utf-8")


def test_text_header_unknown_keys_go_to_metadata(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "id: r1\ntitle: T\ndate: 5 March 2023\nlocation: Geneva\n---\nBody text.\n")
    (release,) = load_releases(path)
    assert (release.id, release.title, release.date) == ("r1", "T", "2023-03-05")
    assert release.metadata == {"location": "Geneva"}
    assert release.text == "Body text.\n"


def test_text_without_header_uses_path_for_id(tmp_path: Path) -> None:
    path = write(tmp_path / "plain-release.txt", "Note: the ministers met.\nThey talked.\n")
    (release,) = load_releases(path)
    assert release.id == "plain-release"
    assert release.text.startswith("Note: the ministers met.")
    assert release.date is None


def test_crlf_is_normalised(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", b"id: x\r\n---\r\nLine one.\r\nLine two.\r\n")
    (release,) = load_releases(path)
    assert release.text == "Line one.\nLine two.\n"


def test_markdown_front_matter_and_unwrapped_body(tmp_path: Path) -> None:
    path = write(
        tmp_path / "m.md",
        "---\ndate: '2022-04-15'\ntitle: \"Readout of a Call\"\nsource_url: https://example.org/r\n---\n"
        "# Heading\n\nThe President spoke\ntoday with the **Prime Minister**.  \n \n"
        "See [the statement](https://example.org/s).\n\n- first item\n- second item\n\n\\###\n",
    )
    (release,) = load_releases(path)
    assert release.date == "2022-04-15"
    assert release.title == "Readout of a Call"
    assert release.source == "https://example.org/r"
    assert release.text.split("\n\n") == [
        "Heading",
        "The President spoke today with the Prime Minister.",
        "See the statement.",
        "first item",
        "second item",
        "###",
    ]


def test_html_main_text_without_navigation(tmp_path: Path) -> None:
    html = """<html><head><title>Minister meets counterpart | Ministry</title>
    <meta property="og:title" content="Minister meets counterpart">
    <meta property="article:published_time" content="2023-07-07T10:00:00+02:00"></head>
    <body><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
    <article><h1>Minister meets counterpart</h1>
    <p>The Minister met her counterpart in Vienna on Friday to discuss energy security and the situation in the region.</p>
    <p>She stressed the importance of diversifying supply routes and of close coordination between the two governments.</p>
    <p>The two sides agreed to meet again before the end of the year to review progress on the joint work plan.</p>
    </article><footer>Copyright Ministry. Privacy policy. Contact us.</footer></body></html>"""
    path = write(tmp_path / "page.html", html)
    (release,) = load_releases(path)
    assert release.title == "Minister meets counterpart"
    assert release.date == "2023-07-07"
    assert "She stressed the importance of diversifying supply routes" in release.text
    assert "Privacy policy" not in release.text
    assert "Home" not in release.text.split()


def test_jsonl_one_release_per_line(tmp_path: Path) -> None:
    lines = [
        {"id": "a", "title": "A", "date": "2024-01-02", "issuer": "X", "text": "First body.", "tags": ["t"]},
        {"title": "B", "text": "Second body."},
    ]
    path = write(tmp_path / "feed.jsonl", "\n".join(json.dumps(x) for x in lines) + "\n")
    result = load_releases(path)
    assert [r.id for r in result] == ["a", "feed-2"]
    assert result[0].metadata == {"tags": ["t"]}
    assert result[0].issuer == "X"


def test_json_round_trip_of_release() -> None:
    (release,) = load_releases(SEED)
    again = Release.from_dict(json.loads(json.dumps(release.to_dict())))
    assert again == release
    assert again.metadata == release.metadata


def test_folder_is_walked_recursively_in_stable_order(tmp_path: Path) -> None:
    write(tmp_path / "b" / "2.txt", "Two.")
    write(tmp_path / "a.txt", "One.")
    write(tmp_path / "b" / "1.md", "Three.")
    write(tmp_path / ".hidden" / "x.txt", "Hidden.")
    write(tmp_path / "notes.csv", "ignored,in,folders")
    result = load_releases(tmp_path)
    assert [r.id for r in result] == ["a", "b/1", "b/2"]
    assert list(load_releases(tmp_path)) == list(result)


@pytest.mark.parametrize(
    ("name", "content", "error", "needle"),
    [
        ("empty.txt", "id: e\n---\n   \n", EmptyReleaseError, "no body"),
        ("bytes.txt", b"id: b\n---\nCaf\xe9 au lait\n", DecodeError, "not valid utf-8"),
        ("utf16.txt", "Hello".encode("utf-16"), DecodeError, "utf"),
        ("header.txt", "id: h\ntitle: T\nthis line is not a header\n---\nBody.\n", HeaderError, "not 'key: value'"),
        ("twice.txt", "id: h\nid: g\n---\nBody.\n", HeaderError, "appears twice"),
        ("date.txt", "id: d\ndate: the day after\n---\nBody.\n", DateError, "date"),
        ("ambiguous.txt", "id: d\ndate: 03/04/2024\n---\nBody.\n", DateError, "ambiguous"),
        ("front.md", "---\ntitle: [unclosed\n---\nBody.\n", HeaderError, "YAML"),
        ("open.md", "---\ntitle: x\nBody.\n", HeaderError, "never closed"),
        ("file.pdf", "%PDF-1.4", UnsupportedFormatError, ".pdf"),
    ],
)
def test_bad_input_names_file_and_fix(
    tmp_path: Path, name: str, content: str | bytes, error: type[IngestError], needle: str
) -> None:
    path = write(tmp_path / name, content)
    with pytest.raises(error) as info:
        load_releases(path)
    message = str(info.value)
    assert str(path) in message
    assert needle.lower() in message.lower()
    assert "Fix:" in message
    assert isinstance(info.value, ClaimcmpError)
    assert info.value.path == str(path)


def test_error_carries_line_number(tmp_path: Path) -> None:
    path = write(tmp_path / "d.txt", "id: d\ntitle: T\ndate: Smarch 40\n---\nBody.\n")
    with pytest.raises(DateError) as info:
        load_releases(path)
    assert info.value.line == 3
    assert f"{path}:3" in str(info.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ReleaseNotFoundError, match="no such file"):
        load_releases(tmp_path / "nope.txt")


def test_duplicate_ids_name_both_files(tmp_path: Path) -> None:
    first = write(tmp_path / "a.txt", "id: same\n---\nOne.")
    second = write(tmp_path / "b.txt", "id: same\n---\nTwo.")
    with pytest.raises(DuplicateIdError) as info:
        load_releases([first, second])
    assert str(first) in str(info.value) and str(second) in str(info.value)


def test_jsonl_bad_line_reports_line(tmp_path: Path) -> None:
    path = write(tmp_path / "f.jsonl", '{"id": "a", "text": "ok"}\n{not json}\n[1, 2]\n{"id": "c"}\n')
    result = load_releases(path, on_error="skip")
    assert [r.id for r in result] == ["a"]
    assert [(type(e), e.line) for e in result.errors] == [
        (MalformedRecordError, 2),
        (MalformedRecordError, 3),
        (MalformedRecordError, 4),
    ]
    with pytest.raises(MalformedRecordError):
        load_releases(path)


def test_skip_keeps_every_good_file(tmp_path: Path) -> None:
    write(tmp_path / "1-good.txt", "id: g1\n---\nGood one.")
    write(tmp_path / "2-bad.txt", b"\xff\xfe\x00bad")
    write(tmp_path / "3-empty.md", "---\ntitle: x\n---\n\n")
    write(tmp_path / "4-good.md", "---\ntitle: Good\n---\nGood two.")
    write(tmp_path / "5-dup.txt", "id: g1\n---\nDuplicate.")
    result = load_releases([tmp_path, tmp_path / "missing.txt"], on_error="skip")
    assert [r.id for r in result] == ["g1", "4-good"]
    kinds = sorted(type(e).__name__ for e in result.errors)
    assert kinds == ["DecodeError", "DuplicateIdError", "EmptyReleaseError", "ReleaseNotFoundError"]
    assert all(e.path for e in result.errors)


def test_on_error_must_be_known() -> None:
    with pytest.raises(ClaimcmpError, match="on_error"):
        load_releases(SEED, on_error="ignore")  # type: ignore[arg-type]
