"""Word lists and other language data, one data file per list under ``claimcmp/lang/<language>/``.

Every list the package uses is read here, so a list can be reviewed, extended or translated without
touching code. Three file shapes:

- a **word set** (:func:`word_set`): words separated by white space;
- **records** (:func:`records`): one record per line, fields separated by ``|``;
- **sections** (:func:`sections`): records grouped under ``[name]`` headers.

In every file a ``#`` starts a comment and blank lines are ignored. Also here: :func:`unaccented`, the one accent
fold of names and words.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from importlib import resources

from ..errors import ConfigurationError

__all__ = ["LANGUAGES", "available", "records", "sections", "unaccented", "word_set"]

#: Languages with a data folder.
LANGUAGES = ("en",)


def _lines(name: str, lang: str) -> list[str]:
    if lang not in LANGUAGES:
        raise ConfigurationError(f"No language data for {lang!r}.", fix=f"Use one of: {', '.join(LANGUAGES)}.")
    path = resources.files(__name__).joinpath(lang, f"{name}.txt")
    if not path.is_file():
        raise ConfigurationError(
            f"No word list {name!r} for {lang!r}.", fix=f"Use one of: {', '.join(available(lang))}."
        )
    out = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return out


def available(lang: str = "en") -> tuple[str, ...]:
    """Names of the lists shipped for ``lang``, sorted."""
    folder = resources.files(__name__).joinpath(lang)
    return tuple(sorted(p.name[:-4] for p in folder.iterdir() if p.name.endswith(".txt")))


@cache
def word_set(name: str, lang: str = "en") -> frozenset[str]:
    """The words of list ``name`` (white-space separated)."""
    return frozenset(word for line in _lines(name, lang) for word in line.split())


@cache
def records(name: str, lang: str = "en") -> tuple[tuple[str, ...], ...]:
    """One tuple of ``|``-separated, stripped fields per line of list ``name``, in file order."""
    return tuple(tuple(field.strip() for field in line.split("|") if field.strip()) for line in _lines(name, lang))


@cache
def sections(name: str, lang: str = "en") -> dict[str, tuple[tuple[str, ...], ...]]:
    """Records of list ``name`` grouped by their ``[section]`` header, in file order."""
    out: dict[str, list[tuple[str, ...]]] = {}
    current: list[tuple[str, ...]] | None = None
    for line in _lines(name, lang):
        if line.startswith("[") and line.endswith("]"):
            current = out.setdefault(line[1:-1].strip(), [])
        elif current is None:
            raise ConfigurationError(
                f"Word list {name!r} has a record before its first [section].", fix="Add a header."
            )
        else:
            current.append(tuple(field.strip() for field in line.split("|") if field.strip()))
    return {key: tuple(rows) for key, rows in out.items()}


def unaccented(text: str) -> str:
    """``text`` without its combining accents, case kept ("Fernández" -> "Fernandez", "António" -> "Antonio")."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
