"""Who issued a release, when ``Release.issuer`` is not given.

Readouts loaded from files often carry no issuer, yet in a readout every
official introduced without a country ("National Security Advisor Jake
Sullivan", "The President") belongs to the issuer. Two clues, in order:

1. the web address the release came from (``Release.source`` or a
   ``source_url``/``url`` metadata field): a known official domain
   ("whitehouse.gov", "opcw.org", "mofa.go.jp"), else a US federal ``.gov``
   domain, else a country-code domain ("…gov.uk", "….fr");
2. the text itself (:func:`home_place`, used once the speakers are known):
   the country or organisation the release names most often, leaving out the
   places of the counterparts it introduces ("President Kais Saied of
   Tunisia") — the issuer's own side is mentioned without introduction
   ("U.S. commitment", "the United States’ support").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from ..gazetteer import gazetteer_pattern, lookup_place
from ..lang import records
from ..model import Release

__all__ = ["Principal", "home_place", "issuer_from_source", "principal_of"]

# registrable domain suffix -> gazetteer side; longest suffix wins
_DOMAINS = {
    "whitehouse.gov": "United States", "state.gov": "United States", "defense.gov": "United States",
    "usmission.gov": "United States", "usembassy.gov": "United States", "treasury.gov": "United States",
    "gov.uk": "United Kingdom", "europa.eu": "EU", "un.org": "UN", "unmissions.org": "UN", "opcw.org": "OPCW",
    "iaea.org": "IAEA", "nato.int": "NATO", "who.int": "WHO", "wto.org": "WTO", "imf.org": "IMF",
    "worldbank.org": "World Bank", "osce.org": "OSCE", "asean.org": "ASEAN", "au.int": "African Union",
    "coe.int": "Council of Europe", "oecd.org": "OECD", "icrc.org": "ICRC", "ctbto.org": "CTBTO",
    "kremlin.ru": "Russia", "mid.ru": "Russia", "fmprc.gov.cn": "China", "mfa.gov.cn": "China",
    "mofa.go.jp": "Japan", "kantei.go.jp": "Japan", "elysee.fr": "France", "diplomatie.gouv.fr": "France",
    "mea.gov.in": "India", "pmindia.gov.in": "India", "president.gov.ua": "Ukraine", "mfa.gov.ua": "Ukraine",
    "bundesregierung.de": "Germany", "auswaertiges-amt.de": "Germany", "canada.ca": "Canada",
    "pm.gc.ca": "Canada", "gc.ca": "Canada", "mofa.go.kr": "South Korea", "president.go.kr": "South Korea",
}
_COUNTRY_CODES = {
    "uk": "United Kingdom", "fr": "France", "de": "Germany", "jp": "Japan", "cn": "China", "ru": "Russia",
    "in": "India", "kr": "South Korea", "ua": "Ukraine", "au": "Australia", "ca": "Canada", "it": "Italy",
    "es": "Spain", "br": "Brazil", "mx": "Mexico", "il": "Israel", "tr": "Turkey", "lt": "Lithuania",
    "za": "South Africa", "nl": "Netherlands", "pl": "Poland", "se": "Sweden", "fi": "Finland", "no": "Norway",
    "dk": "Denmark", "be": "Belgium", "at": "Austria", "ch": "Switzerland", "ie": "Ireland", "pt": "Portugal",
    "gr": "Greece", "cz": "Czech Republic", "ro": "Romania", "hu": "Hungary", "ee": "Estonia", "lv": "Latvia",
    "nz": "New Zealand", "sg": "Singapore", "id": "Indonesia", "ph": "Philippines", "vn": "Vietnam",
    "th": "Thailand", "my": "Malaysia", "pk": "Pakistan", "eg": "Egypt", "sa": "Saudi Arabia",
    "ae": "United Arab Emirates", "qa": "Qatar", "ng": "Nigeria", "ke": "Kenya", "ar": "Argentina",
    "cl": "Chile", "co": "Colombia",
}
_HOST = re.compile(r"^(?:[a-z][a-z0-9+.-]*://)?(?:[^@/]*@)?([^/:?#\s]+)", re.IGNORECASE)


def _host(address: str) -> str | None:
    if not re.match(r"(?:[a-z][a-z0-9+.-]*://|www\.)", address.strip(), re.IGNORECASE):
        return None
    match = _HOST.match(address.strip())
    return match.group(1).lower().rstrip(".") if match else None


def _hosts(release: Release) -> list[str]:
    """The web hosts of the release's source address and ``source_url`` / ``url`` metadata fields."""
    found = []
    for address in (release.source, release.metadata.get("source_url"), release.metadata.get("url")):
        host = _host(address) if isinstance(address, str) else None
        if host:
            found.append(host)
    return found


def issuer_from_source(release: Release) -> str | None:
    """The issuer's side read off the release's web address, or None.

    Parameters
    ----------
    release : Release
        Its ``source`` and the ``source_url`` / ``url`` metadata fields are read.
    """
    for host in _hosts(release):
        side = _side_of_host(host)
        if side:
            return side
    return None


def _side_of_host(host: str) -> str | None:
    """The side of a web host: a known official domain, a US ``.gov``/``.mil`` one, a country-code domain."""
    labels = host.split(".")
    for size in range(len(labels), 1, -1):
        side = _DOMAINS.get(".".join(labels[-size:]))
        if side:
            return side
    if labels[-1] in ("gov", "mil"):
        return "United States"
    if labels[-1] in _COUNTRY_CODES and len(labels) >= 2:
        return _COUNTRY_CODES[labels[-1]]
    return None


def home_place(text: str, counterpart_places: Iterable[str | None]) -> str | None:
    """The place a text names most often, counterparts' places left out (ties: the first named).

    Parameters
    ----------
    text : str
    counterpart_places : iterable of str or None
        Places of the speakers introduced with an affiliation.

    Returns
    -------
    str or None
        None when no other place is named twice.
    """
    excluded = {p for p in counterpart_places if p}
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for match in gazetteer_pattern().finditer(text):
        place = lookup_place(match.group(0))
        if place is None or place in excluded:
            continue
        counts[place] += 1
        first.setdefault(place, match.start())
    if not counts:
        return None
    place, count = max(counts.items(), key=lambda item: (item[1], -first[item[0]]))
    return place if count >= 2 else None


@dataclass(frozen=True)
class Principal:
    """The person an issuing office speaks for ("President" Vladimir Putin for kremlin.ru), on the day of a release."""

    side: str
    office: str
    name: str


def principal_of(release: Release) -> Principal | None:
    """The principal of the office that issued ``release``, from its web address and date, or None.

    Read from ``claimcmp/lang/en/extract_principals.txt``: web domain, office, holder, term. None when the
    release has no web address of a listed domain, no ISO date, or a date outside every listed term.
    """
    day = (release.date or "")[:10]
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", day):
        return None
    for host in _hosts(release):
        for domain, office, name, start, *end in records("extract_principals"):
            side = _side_of_host(domain)
            if side and (host == domain or host.endswith("." + domain)) and start <= day and (not end or day < end[0]):
                return Principal(side, office, name)
    return None


def principal_names() -> list[str]:
    """The canonical names of every listed principal, in the list's order (once each)."""
    return list(dict.fromkeys(name for _domain, _office, name, *_term in records("extract_principals")))
