"""Sides: who is on which side, from a YAML file or inferred from the release.

A sides file maps each side's user-facing name to aliases — names, roles,
organisations, countries — that identify its speakers::

    OPCW:
      aliases: [Fernando Arias, Director-General, Technical Secretariat]
    Russia:
      aliases: [Kirill Lysogorsky, Russian Federation, Deputy Minister]

``Russia: [Kirill Lysogorsky, Russian Federation]`` (a bare list) and a
top-level ``sides:`` key holding the same mapping are accepted too. Without a
file, :class:`SideResolver` infers sides from the built-in gazetteer
("of the Russian Federation" -> ``"Russia"``) and the release's issuer.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ..errors import SidesFileError
from ..gazetteer import GAZETTEER, gazetteer_pattern, lookup_place

__all__ = ["Sides", "SideResolver", "load_sides"]


_SINGLE_NAME = re.compile(r"[A-Z][\w'’-]+")
_ABBREVIATION = re.compile(r"\b[A-Z]{2,}\b")
_COLLECTIVE_TAIL = re.compile(r"\b(?:side|sides|delegation|troops|forces|army|navy|people|government)$", re.IGNORECASE)
_BODY_WORD = re.compile(
    r"\b(?:Government|Ministry|Office|Council|Commission|Organi[sz]ation|Agency|Department|Embassy|Mission"
    r"|Secretariat|Parliament|Assembly|Authority|Authorities|Administration|Cabinet|Presidency|Party|Movement"
    r"|Front|Forces|Union|League|Alliance|Coalition|Committee|Bank|Court|Fund)\b"
)


@dataclass(frozen=True)
class Sides:
    """Side name -> aliases that identify its speakers.

    Parameters
    ----------
    aliases : mapping of str to sequence of str
        Each side's aliases. The side name itself always counts as an alias.
    source : str or None, default=None
        Where the sides came from (a file path), for messages.
    """

    aliases: Mapping[str, tuple[str, ...]]
    source: str | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        clean: dict[str, tuple[str, ...]] = {}
        for side, names in dict(self.aliases).items():
            if not isinstance(side, str) or not side.strip():
                raise SidesFileError(
                    f"Side name {side!r} is not a non-empty string.", path=self.source,
                    fix="Use a text key for every side, e.g. 'Russia:'.",
                )
            if isinstance(names, str) or not all(isinstance(n, str) for n in names):
                raise SidesFileError(
                    f"Aliases of side {side!r} must be a list of strings.", path=self.source,
                    fix="Write them as a YAML list: aliases: [Name, Role, Country].",
                )
            ordered = [side.strip(), *(n.strip() for n in names if n.strip())]
            clean[side.strip()] = tuple(dict.fromkeys(ordered))
        object.__setattr__(self, "aliases", MappingProxyType(clean))

    @property
    def names(self) -> tuple[str, ...]:
        """The side names, in file order."""
        return tuple(self.aliases)

    @cached_property
    def body_aliases(self) -> tuple[str, ...]:
        """Aliases that name a body that can speak, not a person or a role.

        A capitalised single word ("Borealis", "Hamas") or a name holding a word
        such as Government, Ministry or Council ("Ministry of Industry and
        Trade"), unless it opens with an office ("Union Minister for Social Welfare,
        Relief and Resettlement"); aliases the built-in gazetteer knows are found
        without them.
        Longest first.
        """
        from ._lexicon import ROLE_PATTERN

        found = {  # not an office: "Union Minister for Social Welfare, Relief and Resettlement" is a person
            alias for names in self.aliases.values() for alias in names
            if alias[:1].isupper() and lookup_place(alias) is None
            and (_SINGLE_NAME.fullmatch(alias) or _BODY_WORD.search(alias))
            and not (ROLE_PATTERN.match(alias) and " " in alias)
        }
        return tuple(sorted(found, key=lambda a: (-len(a), a)))

    @cached_property
    def role_aliases(self) -> tuple[str, ...]:
        """Aliases that name an office holder by an abbreviated role the built-in titles do not know
        ("Indian DGMO"): two words or more, capitalised, one of them an abbreviation, neither a body
        nor a place nor a side or delegation ("Indian side"). Found as persons. Titles the built-in
        list knows ("Chief Negotiator") and personal names are found without them. Longest first."""
        from ._lexicon import ROLE_PATTERN

        bodies = set(self.body_aliases)
        found = {
            alias for names in self.aliases.values() for alias in names
            if alias[:1].isupper() and " " in alias and _ABBREVIATION.search(alias) and alias not in bodies
            and lookup_place(alias) is None and not _COLLECTIVE_TAIL.search(alias) and not ROLE_PATTERN.search(alias)
        }
        return tuple(sorted(found, key=lambda a: (-len(a), a)))

    @classmethod
    def from_mapping(cls, data: Any, source: str | None = None) -> Sides:
        """Build from parsed YAML/JSON (see the module docstring for the accepted shapes)."""
        if isinstance(data, Mapping) and set(data) == {"sides"}:
            data = data["sides"]
        if not isinstance(data, Mapping) or not data:
            raise SidesFileError(
                "A sides file must map side names to aliases.", path=source,
                fix="Write e.g. 'Russia: {aliases: [Russian Federation, Kirill Lysogorsky]}'.",
            )
        aliases: dict[str, tuple[str, ...]] = {}
        for side, value in data.items():
            if isinstance(value, Mapping):
                value = value.get("aliases", [])
            if value is None:
                value = []
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, Sequence):
                raise SidesFileError(
                    f"Aliases of side {side!r} must be a list.", path=source,
                    fix="Write them as a YAML list: aliases: [Name, Role, Country].",
                )
            aliases[str(side) if isinstance(side, (int, float)) else side] = tuple(value)
        return cls(aliases, source=source)

    @classmethod
    def from_yaml(cls, path: str | Path) -> Sides:
        """Read a YAML sides file."""
        import yaml

        path = Path(path)
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise SidesFileError(
                "The sides file does not exist.", path=path, fix="Check the path passed as sides= / --sides."
            ) from None
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
            raise SidesFileError(
                f"The sides file cannot be read: {exc}", path=path, fix="Save it as UTF-8 YAML."
            ) from None
        return cls.from_mapping(data, source=str(path))

    def to_dict(self) -> dict[str, Any]:
        """A JSON-compatible dict ``{side: {"aliases": [...]}}``."""
        return {side: {"aliases": list(names[1:])} for side, names in self.aliases.items()}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Sides:
        """Inverse of :meth:`to_dict`."""
        return cls.from_mapping(data)

    @cached_property
    def _pattern(self) -> tuple[re.Pattern[str], dict[str, str]]:
        index: dict[str, str] = {}
        for side, names in self.aliases.items():
            for alias in names:
                index.setdefault(alias.casefold(), side)
        body = "|".join(re.escape(a) for a in sorted(index, key=len, reverse=True))
        return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE), index

    def side_of(self, *phrases: str | None) -> str | None:
        """The side whose longest alias occurs in any of ``phrases``, else None."""
        pattern, index = self._pattern
        best: tuple[int, str] | None = None
        for phrase in phrases:
            if not phrase:
                continue
            for match in pattern.finditer(phrase):
                side = index[match.group(0).casefold()]
                if best is None or len(match.group(0)) > best[0]:
                    best = (len(match.group(0)), side)
        return None if best is None else best[1]


def load_sides(sides: Sides | str | Path | Mapping[str, Any] | None) -> Sides | None:
    """Accept what users pass as ``sides=``: None, a YAML path, a mapping or a :class:`Sides`."""
    if sides is None or isinstance(sides, Sides):
        return sides
    if isinstance(sides, (str, Path)):
        return Sides.from_yaml(sides)
    if isinstance(sides, Mapping):
        return Sides.from_mapping(sides)
    raise SidesFileError(
        f"sides= got a {type(sides).__name__}.", fix="Pass None, a path to a YAML file, a mapping or a Sides object."
    )


class SideResolver:
    """Turns what a mention says about its speaker into a side name.

    Parameters
    ----------
    sides : Sides or None
        User-given sides; without them sides come from the gazetteer.
    issuer : str or None
        The release's issuer, the side of speakers with no other affiliation.
    """

    def __init__(self, sides: Sides | None, issuer: str | None) -> None:
        self.sides = sides
        self.issuer = issuer
        self.issuer_side = self._issuer_side(issuer)

    def _issuer_side(self, issuer: str | None) -> str | None:
        if not issuer or not issuer.strip():
            return None
        if self.sides is not None:
            side = self.sides.side_of(issuer)
            if side:
                return side
        place = lookup_place(issuer) or _first_place(issuer)
        if place:
            return self.for_place(place)
        return issuer.strip()

    def for_place(self, place: str) -> str:
        """The side of a gazetteer place, renamed to a user side when an alias matches."""
        if self.sides is not None:
            side = self.sides.side_of(*GAZETTEER.get(place, (place,)))
            if side:
                return side
        return place

    def for_mention(self, text: str, place: str | None, name: str | None = None) -> str | None:
        """The side of a mention, or None when nothing in it tells (callers fall back to the issuer)."""
        if self.sides is not None:
            side = self.sides.side_of(name, text)
            if side:
                return side
        if place:
            return self.for_place(place)
        return None


def _first_place(text: str) -> str | None:
    match = gazetteer_pattern().search(text)
    return lookup_place(match.group(0)) if match else None
