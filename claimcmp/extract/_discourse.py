"""Speakers across a release: entities, and the coreference of later mentions.

A full mention ("the Deputy Minister of Industry and Trade of the Russian
Federation, H.E. Mr Kirill Lysogorsky") creates an :class:`Entity`. Later
mentions find it again:

* names by their words ("Director-General Arias" -> Fernando Arias);
* roles by title and place ("the Deputy Minister"; "the President of Russia"),
  preferring, for a bare title, the speaker with no foreign affiliation —
  in a readout "the President" is the issuer's own;
* "he" / "she" resolve to the most recent speaker or sentence subject of
  compatible gender, else to the most recent compatible person mentioned;
* the issuer's principal (:func:`~claimcmp.extract._issuer.principal_of`: the
  President of Russia for kremlin.ru) holds every unnamed title of his office
  that is not placed at another side ("the President", "the Head of State",
  "the President of Russia"), and his name gives him the issuer's side.

Entities are mutable while a release is read (a later mention may add a name
or a gender); canonical names are read once at the end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lang import unaccented, word_set
from ._issuer import Principal
from ._lexicon import HEAD_TITLES, ROLE_PATTERN
from ._mentions import Mention
from ._sides import SideResolver

__all__ = ["Discourse", "Entity"]

_SUFFIX = re.compile(r",?\s+(?:Jr|Sr)\.?$|\s+I{2,3}$")


def _named(full: str, name: str) -> bool:
    """Whether ``name`` names the person called ``full`` ("Putin", "Vladimir Putin" for "Vladimir Putin"; case and
    accents aside: "ANTONIO" for "Tete António")."""
    mine = {unaccented(word).casefold() for word in _name_words(full)}
    theirs = _name_words(name)
    return bool(theirs) and all(unaccented(word).casefold() in mine for word in theirs)


@lru_cache(maxsize=4096)
def _name_words(name: str) -> tuple[str, ...]:
    words = _SUFFIX.sub("", name).split()
    return tuple(w for w in words if not re.fullmatch(r"[A-Z]\.", w))


@dataclass
class Entity:
    """One speaker (a person or a collective body) in one release."""

    key: int
    kind: str
    name: str | None
    role: str | None
    place: str | None
    gender: str | None
    side: str | None
    last_seen: int = 0
    address: str | None = None  # the style of address it was introduced with ("highness", "excellency")
    text: str = ""  # the words it was introduced with ("Head of the Regional Administration Oleksandr Starukh")
    # another holder of the issuing principal's own office ("President Bolsonaro" in a White House readout): a guest,
    # never the issuer's own official even where no place is given
    guest: bool = False

    @property
    def canonical(self) -> str:
        """The name shown in output: the personal name, else the role (with its place), else the place."""
        if self.name:
            return _SUFFIX.sub("", self.name) if self.name.endswith((" Jr", " Jr.", " Sr", " Sr.")) else self.name
        if self.role:
            return f"{self.role} of {self.place}" if self.place else self.role
        return self.place or "unknown"

    def matches_name(self, name: str) -> bool:
        return self.name is not None and _named(self.name, name)  # case-blind: "SAEKI Ryota" is "Minister Saeki"


#: Titles of a head of state or government, and the generic titles that stand for them.
_HEADS = frozenset(HEAD_TITLES).union(*HEAD_TITLES.values())


def _may_hold(title: Entity, person: Entity, heard: bool) -> bool:
    """Whether a named person may be the holder of an unnamed title of the same side (see ``name_titles``)."""
    if person.role is None:
        # someone of no known office who spoke can hold a head office placed at a side ("the President of
        # Russia" ... "Vladimir Putin noted")
        return heard and title.side is not None and title.role in _HEADS
    assert title.role is not None
    if title.side is not None and person.side is None:
        return False  # "the President of Ukraine" is not "President Macron", whose side is unknown
    return title_fits(title.role, person.role)


def title_fits(title: str, office: str) -> bool:
    """Whether a title can name the holder of an office: the same, its head word ("Minister" for "Foreign
    Minister"), its first words ("Secretary" for "Secretary of State"), a part of a double title, or a generic
    title standing for it ("Head of State" for "President")."""
    if office.endswith((" " + title, "-" + title)):
        # the head word, unless a lower rank stands before it: "the President" is not the Vice President
        return office[: -len(title) - 1].rsplit(None, 1)[-1] not in _LOWER_RANKS
    return (
        title == office or office.startswith((title + " of ", title + " for ")) or office in _parts(title)
        or _stands_for(title, office)
    )


_LOWER_RANKS = word_set("extract_lower_ranks")


def _stands_for(title: str, office: str) -> bool:
    """Whether a generic title can name the holder of an office ("Head of State", "Leader" -> "President")."""
    return office in HEAD_TITLES.get(title, ()) or title in HEAD_TITLES.get(office, ())


def _parts(role: str) -> tuple[str, ...]:
    """The titles of a hyphenated double title ("Crown Prince-Prime Minister"), else ()."""
    parts = tuple(re.split(r"-(?=[A-Z])", role))
    return parts if len(parts) == 2 and all(ROLE_PATTERN.fullmatch(p) for p in parts) else ()


class Discourse:
    """The speakers of one release and who "he", "she", "the Minister" refer to.

    Parameters
    ----------
    resolver : SideResolver
        Gives each new entity its side.
    principal : Principal or None, default=None
        The issuing office's principal, who holds its unnamed titles.
    """

    def __init__(self, resolver: SideResolver, principal: Principal | None = None) -> None:
        self.resolver = resolver
        self.principal = principal
        self._principal_entity: Entity | None = None
        self._lent_name = False  # the principal's name comes from the list, not (yet) from the text
        self.entities: list[Entity] = []
        self.speakers: list[Entity] = []
        self.focus: list[Entity] = []  # speakers and sentence subjects, most recent last
        self._clock = 0
        self._names_key: tuple[str, ...] = ()
        self._names: tuple[str, ...] = ()
        # keys of the unnamed signers of a first-person text ("Speech by the President of Ukraine"): someone the
        # speech names by the same title ("President Macron") is another person, not the signer
        self.signers: set[int] = set()

    def body_names(self) -> tuple[str, ...]:
        """Bodies named in the sides file, which speak as collective speakers."""
        sides = self.resolver.sides
        return () if sides is None else sides.body_aliases

    def role_names(self) -> tuple[str, ...]:
        """Office holders named in the sides file by roles the built-in titles do not know."""
        sides = self.resolver.sides
        return () if sides is None else sides.role_aliases

    def known_names(self) -> tuple[str, ...]:
        """Full names and name words of every named entity, for finding bare-name mentions."""
        key = tuple(entity.name for entity in self.entities if entity.name)
        if key != self._names_key:
            names: set[str] = set()
            for name in key:
                names.add(_SUFFIX.sub("", name))
                words = [w for w in _name_words(name) if len(w) > 2]
                names.update(words)
                names.update(w.capitalize() for w in words if w.isupper())  # "SAEKI Ryota", later "Saeki"
            self._names_key, self._names = key, tuple(sorted(names, key=lambda n: (-len(n), n)))
        return self._names

    def _touch(self, entity: Entity) -> Entity:
        self._clock += 1
        entity.last_seen = self._clock
        return entity

    def _new(self, mention: Mention, text: str) -> Entity:
        side = self.resolver.for_mention(text, mention.place, mention.name)
        entity = Entity(
            key=len(self.entities), kind=mention.kind, name=mention.name, role=mention.role,
            place=mention.place, gender=mention.gender, side=side, address=mention.address, text=text,
        )
        principal = self.principal
        if (
            principal is not None and self._principal_entity is None and mention.kind == "person"
            and (self._principal_title(mention) or (mention.name and _named(principal.name, mention.name)))
        ):
            self._lent_name = entity.name is None
            entity.name = entity.name or principal.name
            entity.role = entity.role or principal.office
            entity.side = entity.side or principal.side
            self._principal_entity = entity
        elif principal is not None and mention.kind == "person" and mention.place is None and mention.name:
            entity.guest = mention.role == principal.office and not _named(principal.name, mention.name)
        self.entities.append(entity)
        return self._touch(entity)

    def _principal_title(self, mention: Mention) -> bool:
        """Whether an unnamed mention is a title of the issuer's principal: his office or a title for it, not
        placed at another side ("the President", "the Head of State", "the President of Russia" in a Kremlin
        readout; not "the President of France")."""
        principal = self.principal
        if principal is None or mention.name or not mention.role or not title_fits(mention.role, principal.office):
            return False
        return mention.place is None or self.resolver.for_place(mention.place) == principal.side

    def _update(self, entity: Entity, mention: Mention, text: str) -> Entity:
        lent = self._lent_name and entity is self._principal_entity
        if mention.name and (entity.name is None or lent or len(mention.name) > len(entity.name)):
            entity.name = mention.name  # the fullest name the text gives, before the one lent by the list
            self._lent_name = self._lent_name and not lent
        entity.role = entity.role or mention.role
        entity.gender = entity.gender or mention.gender
        entity.address = entity.address or mention.address
        if entity.place is None and mention.place:
            entity.place = mention.place
        if entity.side is None:
            entity.side = self.resolver.for_mention(text, mention.place, mention.name)
        return self._touch(entity)

    def resolve(self, mention: Mention, text: str) -> Entity | None:
        """The entity a person, pronoun or collective mention refers to (created if new).

        Parameters
        ----------
        mention : Mention
        text : str
            The mention's text (for sides-file alias matching).

        Returns
        -------
        Entity or None
            None for joint mentions and unresolvable pronouns.
        """
        if mention.kind == "pronoun":
            return self._resolve_pronoun(mention)
        if mention.kind == "joint":
            return None
        if mention.kind == "collective":
            for entity in self.entities:
                if entity.kind == "collective" and entity.place == mention.place:
                    return self._touch(entity)
            return self._new(mention, text)
        if mention.address and not mention.name and not mention.role:
            return self._resolve_address(mention, text)
        found = None
        if mention.name:
            named = [e for e in self.entities if e.kind == "person" and e.matches_name(mention.name)]
            found = max(named, key=lambda e: e.last_seen) if named else None
            if found is None and not mention.role:
                found = self._introduced_with(mention.name)
        if found is None and self._principal_title(mention):
            if self._principal_entity is None:
                return self._new(mention, text)
            found = self._principal_entity
        if found is None and mention.role:
            found = self._by_role(mention, unnamed_only=bool(mention.name))
            if found is not None and self._sides_disagree(found, text):
                found = None  # the sides file puts this holder of the title on another side
        if found is None and mention.role and not mention.name:
            found = self._named_at_end(text)
        if found is None:
            return self._new(mention, text)
        return self._update(found, mention, text)

    def _by_role(self, mention: Mention, *, unnamed_only: bool) -> Entity | None:
        role = mention.role or ""
        issuer = self.resolver.issuer_side
        candidates = []
        for entity in self.entities:
            if entity.kind != "person" or not entity.role:
                continue
            if unnamed_only and (entity.name or entity.key in self.signers):
                continue
            if mention.place and entity.place and mention.place != entity.place:
                continue
            held_by = entity.side or issuer  # an unplaced holder speaks for the issuer
            if mention.place and entity.place is None and held_by and held_by != self.resolver.for_place(mention.place):
                continue  # "the Venezuelan Foreign Minister" is not the issuer's unplaced foreign minister
            if (
                mention.place and entity.place is None and entity.role == role
                and entity.last_seen == self._clock and self._foreign(mention.place)
            ):
                continue  # "The President spoke with the President of China": two holders of one title
            if entity.role == role:
                rank = 2
            elif title_fits(role, entity.role):
                rank = 1
            else:
                continue
            # the holder without a foreign affiliation: none, or the issuer's own ("IAEA Director General" in an
            # IAEA release)
            home = 1 if mention.place is None and (entity.place is None or not self._foreign(entity.place)) else 0
            # a bare title ("The Minister") in a side's own release is its own official before the counterpart
            own = 1 if mention.place is None and issuer is not None and entity.side == issuer else 0
            # "the Turkish Minister": the holder placed there first
            placed = 1 if mention.place is not None and entity.place == mention.place else 0
            # a bare title is the issuer's own holder before a closer title of another side ("The Minister"
            # after Thailand's "Minister of Defence" and Cambodia's "Minister of National Defence")
            candidates.append((placed, home, rank, own, entity.last_seen, entity))
        if not candidates:
            return None
        return max(candidates, key=lambda c: c[:5])[5]

    def _named_at_end(self, text: str) -> Entity | None:
        """A person met by name alone whose name ends an unnamed title's words, which the title-finding took for
        part of an affiliation ("Andriy Yermak" of the release title, then "Head of the President's Office Andriy
        Yermak")."""
        for entity in reversed(self.entities):
            if (
                entity.kind == "person" and entity.name and entity.role is None and " " in entity.name
                and re.search(rf"(?<!\w){re.escape(entity.name)}$", text)
            ):
                return entity
        return None

    def _introduced_with(self, name: str) -> Entity | None:
        """An unnamed person whose introduction ends with this name, which the title-finding missed ("Head of the
        Zaporizhzhia Regional Military Administration Oleksandr Starukh", then "Oleksandr Starukh reported")."""
        pattern = re.compile(rf"(?<!\w){re.escape(name)}$")
        # the introduction may end with the first name only, where a particle stopped it ("Crown Prince of Abu Dhabi
        # Mohamed", then "Mohamed bin Zayed Al Nahyan stated")
        words = name.split()
        opening = re.compile(rf"\s{re.escape(words[0])}$") if len(words) >= 3 else None
        for entity in reversed(self.entities):
            if entity.kind != "person" or entity.name is not None:
                continue
            if pattern.search(entity.text) or (opening is not None and opening.search(entity.text)):
                return entity
        return None

    def name_titles(self) -> None:
        """Give an unnamed title the name of the one named person who can hold it on its side.

        A readout often brings its principal in by title and names him later ("The Russian President
        emphasised …", then "Vladimir Putin confirmed …"), and "the Head of State" follows "President of
        Ukraine Volodymyr Zelenskyy". Where the issuing office's principal is known, someone of no known side and
        no office never holds a title. Call once the whole release is read: a title takes the name of the one named
        person who speaks for the same side (the issuer's when none is known) and holds the same office or an
        office the title can stand for (the one who spoke or was a sentence's subject, else the one named in
        full), or, for a head's title placed at a side, a person of no known office who spoke.
        """
        issuer = self.resolver.issuer_side
        heard = {id(e) for e in self.focus} | {id(e) for e in self.speakers}
        named = [e for e in self.entities if e.kind == "person" and e.name]
        for entity in self.entities:
            if entity.kind != "person" or entity.name or not entity.role:
                continue
            side = entity.side or issuer
            holders = [
                other for other in named
                if (other.side or issuer) == side and side is not None and self._sided(other)
                and _may_hold(entity, other, id(other) in heard)
            ]
            # those who spoke or were a subject first; else the one named in full
            spoke = [other for other in holders if id(other) in heard]
            full = [other for other in holders if len(_name_words(other.name or "")) >= 2]
            for pool in (spoke, full):
                if pool:
                    if len(pool) == 1:
                        entity.name = pool[0].name
                    break

    def _sided(self, person: Entity) -> bool:
        """Whether a named person may hold a title of a side: with the issuing office's principal known, only
        someone whose side is known or who holds an office ("Jacob Kiefer" of no known side and office is a guest,
        not the Head of the President's Office); without it, anyone (the issuer's side is the default)."""
        return self.principal is None or person.side is not None or person.role is not None

    def _sides_disagree(self, entity: Entity, text: str) -> bool:
        """Whether the sides file's aliases give ``text`` a side other than ``entity``'s."""
        sides = self.resolver.sides
        side = sides.side_of(text) if sides is not None else None
        return side is not None and entity.side is not None and side != entity.side

    def _foreign(self, place: str) -> bool:
        """Whether a place belongs to a side other than the release issuer's (False when the issuer is unknown)."""
        issuer = self.resolver.issuer_side
        return issuer is not None and self.resolver.for_place(place) != issuer

    def _resolve_address(self, mention: Mention, text: str) -> Entity:
        """ "His Highness" alone: the latest person introduced as His Highness, else the latest speaker of
        the issuer's side, else as "he" would be."""
        styled = [e for e in self.entities if e.kind == "person" and e.address == mention.address]
        if styled:
            return self._touch(max(styled, key=lambda e: e.last_seen))
        # a readout styles its own principal so: the latest speaker at home, before the counterpart
        home = [
            e for e in self.speakers
            if e.kind == "person" and (e.place is None or not self._foreign(e.place))
            and not self._sides_disagree(e, text)
        ]
        if home and self.resolver.issuer_side is not None:
            return self._touch(home[-1])
        return self._resolve_pronoun(mention) or self._new(mention, text)

    def _resolve_pronoun(self, mention: Mention) -> Entity | None:
        def fits(entity: Entity) -> bool:
            return entity.kind == "person" and entity.gender in (None, mention.gender)

        for entity in reversed(self.focus):
            if fits(entity):
                break
        else:
            people = [e for e in self.entities if fits(e)]
            entity = max(people, key=lambda e: e.last_seen) if people else None  # type: ignore[assignment]
        if entity is not None:
            # the pronoun tells the gender only when no other person of unknown gender could be meant ("X invited
            # Y to Ukraine, after which she arrived": "she" may be Y, so X learns no gender from it)
            rivals = [e for e in self.entities if e is not entity and e.kind == "person" and e.gender is None]
            if not rivals:
                entity.gender = entity.gender or mention.gender
            self._touch(entity)
        return entity

    def note_speaker(self, entity: Entity) -> None:
        """Record that ``entity`` just spoke (pronouns prefer recent speakers and subjects)."""
        self.note_subject(entity)
        if self.speakers and self.speakers[-1] is entity:
            return
        self.speakers.append(entity)

    def note_subject(self, entity: Entity) -> None:
        """Record that ``entity`` is the subject of the sentence just read ("X met Y": X, not Y, is "he" next)."""
        if not (self.focus and self.focus[-1] is entity):
            self.focus.append(entity)
        self._touch(entity)

    def last_speaker(self) -> Entity | None:
        """The most recent speaker, or None."""
        return self.speakers[-1] if self.speakers else None
