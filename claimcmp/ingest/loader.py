"""Loading releases from files and folders.

Supported extensions: ``.txt``/``.text`` (optional ``key: value`` header ended
by ``---``), ``.md``/``.markdown`` (YAML front matter), ``.html``/``.htm``,
``.jsonl`` (one release object per line) and ``.json`` (one object or a list).
Folders are walked recursively in sorted order; hidden files and files of
other extensions inside a folder are ignored (a file named explicitly with an
unknown extension is an error).
"""

from __future__ import annotations

import json
import logging
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, overload

from ..errors import (
    ConfigurationError,
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
from ..model import Release
from .dates import normalize_date
from .htmlfile import parse_html
from .markdown import parse_markdown
from .textfile import parse_text

__all__ = ["LoadResult", "SUPPORTED_EXTENSIONS", "load_releases", "load_release_file"]

logger = logging.getLogger(__name__)

SUPPORTED_EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".json": "json",
}
_FIELDS = ("id", "title", "date", "issuer", "source")
_BODY_KEYS = ("text", "body", "content")
_ID_UNSAFE = re.compile(r"\s+")


@dataclass(frozen=True)
class _Entry:
    path: Path
    default_id: str


@dataclass
class LoadResult(Sequence[Release]):
    """The releases that loaded, in order, plus the errors of those that did not.

    Behaves as a list of :class:`~claimcmp.Release`; ``errors`` holds one
    :class:`~claimcmp.errors.IngestError` per file (or JSON Lines record)
    skipped with ``on_error="skip"``.
    """

    releases: list[Release] = field(default_factory=list)
    errors: list[IngestError] = field(default_factory=list)

    @overload
    def __getitem__(self, index: int) -> Release: ...

    @overload
    def __getitem__(self, index: slice) -> list[Release]: ...

    def __getitem__(self, index: int | slice) -> Release | list[Release]:
        return self.releases[index]

    def __len__(self) -> int:
        return len(self.releases)

    def __iter__(self) -> Iterator[Release]:
        return iter(self.releases)

    def by_id(self) -> dict[str, Release]:
        """The releases keyed by id."""
        return {r.id: r for r in self.releases}


def load_releases(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    on_error: Literal["raise", "skip"] = "raise",
    encoding: str = "utf-8",
) -> LoadResult:
    """Read releases from files and folders.

    Parameters
    ----------
    paths : path or iterable of paths
        Files and folders (walked recursively, in sorted order).
    on_error : {"raise", "skip"}, default="raise"
        "raise" stops at the first bad file; "skip" loads every good file
        and returns the errors in ``result.errors``.
    encoding : str, default="utf-8"
        Text encoding of the files (a UTF-8 byte-order mark is accepted).

    Returns
    -------
    LoadResult
        A list-like of :class:`~claimcmp.Release` with an ``errors`` list.

    Raises
    ------
    IngestError
        With ``on_error="raise"``: the first problem, naming the file and the fix.
    """
    if on_error not in ("raise", "skip"):
        raise ConfigurationError(f"on_error must be 'raise' or 'skip', got {on_error!r}.", fix="Pass on_error='skip'.")
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    result = LoadResult()
    seen: dict[str, str] = {}
    for entry_or_error in _walk(paths):
        if isinstance(entry_or_error, IngestError):
            _fail(result, entry_or_error, on_error)
            continue
        try:
            loaded = load_release_file(entry_or_error.path, default_id=entry_or_error.default_id, encoding=encoding)
        except IngestError as error:
            _fail(result, error, on_error)
            continue
        _add_releases(result, seen, entry_or_error.path, loaded, on_error)
    return result


def _fail(result: LoadResult, error: IngestError, on_error: str) -> None:
    """Raise ``error``, or (``on_error="skip"``) log it and keep it in ``result.errors``."""
    if on_error == "raise":
        raise error
    logger.warning("skipped %s", error.one_line())
    result.errors.append(error)


def _add_releases(
    result: LoadResult, seen: dict[str, str], path: Path, loaded: Sequence[Release | IngestError], on_error: str
) -> None:
    """Add one file's releases to ``result``; its bad records and already used ids fail (see :func:`_fail`)."""
    for release_or_error in loaded:
        if isinstance(release_or_error, IngestError):
            _fail(result, release_or_error, on_error)
            continue
        release = release_or_error
        if release.id in seen:
            _fail(
                result,
                DuplicateIdError(
                    f"release id {release.id!r} is already used by {seen[release.id]}.",
                    path=path,
                    fix="Give one of the two releases another 'id' in its header.",
                ),
                on_error,
            )
            continue
        seen[release.id] = str(path)
        result.releases.append(release)


def _walk(paths: Iterable[str | os.PathLike[str]]) -> Iterator[_Entry | IngestError]:
    for raw in paths:
        path = Path(raw).expanduser()
        if path.is_dir():
            files = sorted(
                (p for p in path.rglob("*") if p.is_file()),
                key=lambda p: p.relative_to(path).as_posix(),
            )
            for file in files:
                rel = file.relative_to(path)
                if any(part.startswith(".") for part in rel.parts):
                    continue
                if file.suffix.lower() not in SUPPORTED_EXTENSIONS:
                    logger.info("ignoring %s: not a release file type", file)
                    continue
                yield _Entry(file, rel.with_suffix("").as_posix())
        elif path.is_file():
            yield _Entry(path, path.stem)
        else:
            yield ReleaseNotFoundError(
                "no such file or folder.",
                path=path,
                fix="Check the path; pass release files (.txt, .md, .html, .jsonl, .json) or folders of them.",
            )


def load_release_file(
    path: str | os.PathLike[str], *, default_id: str | None = None, encoding: str = "utf-8"
) -> list[Release | IngestError]:
    """Read one file; a JSON Lines file may hold many releases.

    Returns the releases read, with one error in place of each bad JSON Lines
    record (whole-file problems are raised).
    """
    path = Path(path)
    kind = SUPPORTED_EXTENSIONS.get(path.suffix.lower())
    if kind is None:
        raise UnsupportedFormatError(
            f"unsupported file type {path.suffix or '(none)'!r}.",
            path=path,
            fix="Use one of " + ", ".join(sorted(SUPPORTED_EXTENSIONS)) + ", or convert the file.",
        )
    if not path.exists():
        raise ReleaseNotFoundError("no such file.", path=path, fix="Check the path.")
    text = _read(path, encoding)
    default_id = default_id or path.stem
    if kind in ("jsonl", "json"):
        return _records(path, text, kind, default_id)
    parser = {"text": parse_text, "markdown": parse_markdown, "html": parse_html}[kind]
    fields, line_numbers, body = parser(text, path)
    return [_build(path, fields, line_numbers, body, default_id)]


def _read(path: Path, encoding: str) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReleaseNotFoundError(
            f"cannot read the file ({exc.strerror or exc}).", path=path, fix="Check the file's permissions."
        ) from exc
    if encoding.replace("-", "").lower() == "utf8" and data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DecodeError(
            f"byte {exc.start} is not valid {encoding} ({exc.reason}).",
            path=path,
            line=line,
            fix="Re-save the file as UTF-8, or pass encoding= (e.g. 'cp1252') if it uses another encoding.",
        ) from None
    if "\x00" in text:
        raise DecodeError(
            "the file holds NUL bytes: it is binary, or UTF-16 text.",
            path=path,
            fix="Convert it to UTF-8 text.",
        )
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _records(path: Path, text: str, kind: str, default_id: str) -> list[Release | IngestError]:
    out: list[Release | IngestError] = []
    if kind == "json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise MalformedRecordError(
                f"not valid JSON ({exc.msg}).", path=path, line=exc.lineno, fix="Fix the JSON syntax."
            ) from None
        items = data if isinstance(data, list) else [data]
        numbered: list[tuple[int | None, Any]] = [(None, item) for item in items]
    else:
        numbered = []
        for number, line in enumerate(text.split("\n"), start=1):
            if not line.strip():
                continue
            try:
                numbered.append((number, json.loads(line)))
            except json.JSONDecodeError as exc:
                out.append(
                    MalformedRecordError(
                        f"not valid JSON ({exc.msg}).",
                        path=path,
                        line=number,
                        fix="Write one JSON object per line (JSON Lines).",
                    )
                )
        if not numbered and not out:
            raise EmptyReleaseError("the JSON Lines file holds no records.", path=path, fix="Add one release per line.")
    for index, (record_line, item) in enumerate(numbered, start=1):
        record_id = f"{default_id}-{record_line if record_line is not None else index}"
        try:
            out.append(_record(path, record_line, item, record_id))
        except IngestError as error:
            out.append(error)
    return out


def _record(path: Path, number: int | None, item: Any, default_id: str) -> Release:
    if not isinstance(item, dict):
        raise MalformedRecordError(
            f"a record must be a JSON object, not {type(item).__name__}.",
            path=path,
            line=number,
            fix='Write each release as {"id": ..., "title": ..., "date": ..., "text": ...}.',
        )
    fields = {str(k).lower(): v for k, v in item.items()}
    body_key = next((k for k in _BODY_KEYS if k in fields), None)
    if body_key is None:
        raise MalformedRecordError(
            "the record has no 'text' field.",
            path=path,
            line=number,
            fix="Put the release body in a 'text' field.",
        )
    body = fields.pop(body_key)
    if not isinstance(body, str):
        raise MalformedRecordError(
            f"'{body_key}' must be a string.", path=path, line=number, fix="Put the release body in a string."
        )
    lines = {key: number for key in fields} if number is not None else {}
    return _build(path, fields, lines, body, default_id, record_line=number)


def _build(
    path: Path,
    fields: dict[str, Any],
    line_numbers: dict[str, int],
    body: str,
    default_id: str,
    record_line: int | None = None,
) -> Release:
    if not body.strip():
        raise EmptyReleaseError(
            "the release has no body text.",
            path=path,
            line=record_line,
            fix="Add the release text (after the header's '---' line, or in the 'text' field).",
        )
    try:
        date = normalize_date(fields.get("date"))
    except ValueError as exc:
        raise DateError(
            f"cannot read the date: {exc}.",
            path=path,
            line=line_numbers.get("date", record_line),
            fix="Write the date as YYYY-MM-DD (e.g. 2024-11-29).",
        ) from None
    release_id = fields.get("id")
    if release_id is None or str(release_id).strip() == "":
        release_id = default_id
    release_id = _ID_UNSAFE.sub("_", str(release_id).strip())
    for key in ("title", "issuer", "source"):
        value = fields.get(key)
        if value is not None and not isinstance(value, (str, int, float)):
            raise HeaderError(
                f"'{key}' must be a single value, not {type(value).__name__}.",
                path=path,
                line=line_numbers.get(key, record_line),
                fix=f"Write '{key}' as plain text.",
            )
    if fields.get("source") is None:
        fields["source"] = next((fields[k] for k in ("source_url", "url", "link") if fields.get(k)), None)
    metadata = {k: _jsonable(v) for k, v in fields.items() if k not in _FIELDS}
    return Release(
        id=release_id,
        text=body,
        title=str(fields.get("title") or "").strip(),
        date=date,
        issuer=_opt_str(fields.get("issuer")),
        source=_opt_str(fields.get("source")) or str(path),
        metadata=metadata,
    )


def _opt_str(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _jsonable(value: Any) -> Any:
    """Metadata values as JSON-compatible data (YAML may yield dates)."""
    try:
        json.dumps(value)
        return value
    except TypeError:
        if isinstance(value, dict):
            return {str(k): _jsonable(v) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [_jsonable(v) for v in value]
        return str(value)
