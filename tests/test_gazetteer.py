"""The shared gazetteer and the word-list registry it is read through."""

from __future__ import annotations

import pytest

from claimcmp import lang
from claimcmp.errors import ConfigurationError
from claimcmp.gazetteer import AMBIGUOUS, GAZETTEER, actor_words, lookup_place


def test_lookup_maps_aliases_and_demonyms_to_one_canonical_name() -> None:
    assert lookup_place("Russian") == "Russia"
    assert lookup_place("the Kremlin's") == "Russia"
    assert lookup_place("Republic of Korea") == "South Korea"
    assert lookup_place("Nowhere Land") is None


def test_ambiguous_aliases_name_nothing_alone() -> None:
    assert {"Washington", "Georgia", "Korean"} <= AMBIGUOUS
    assert lookup_place("Washington") is None
    assert lookup_place("Korean") is None  # South or North: never one Korea by default
    assert lookup_place("Georgia") == "Georgia"  # the canonical name itself still counts


def test_claim_actor_words_agree_with_the_gazetteer() -> None:
    words = actor_words()
    for word, actor in words.items():
        canonical = lookup_place(word.capitalize())
        if canonical is not None:
            assert canonical.lower() == actor, word
    assert words["russian"] == "russia" and words["moscow"] == "russia"
    assert "korean" not in words
    assert "us" not in words and "who" not in words  # acronyms that lower-case to English words


def test_every_gazetteer_entry_lists_its_canonical_name_first() -> None:
    assert len(GAZETTEER) > 150
    assert all(aliases[0] == name for name, aliases in GAZETTEER.items())


def test_registry_reads_the_shipped_lists_and_names_the_missing_one() -> None:
    assert "gazetteer" in lang.available()
    assert set(lang.sections("gazetteer")) >= {"countries", "organisations", "ambiguous", "claim_actors"}
    with pytest.raises(ConfigurationError, match="No word list 'nope'"):
        lang.word_set("nope")
    with pytest.raises(ConfigurationError, match="No language data"):
        lang.records("gazetteer", lang="xx")


def test_every_shipped_list_is_read_by_the_package_and_is_not_empty() -> None:
    from pathlib import Path

    package = Path(lang.__file__).resolve().parents[1]
    source = "\n".join(p.read_text(encoding="utf-8") for p in package.rglob("*.py"))
    for name in lang.available():
        assert f'"{name}"' in source, f"{name}.txt is shipped but never read"
        assert lang.word_set(name), name


def test_the_comparer_lists_are_the_data_files() -> None:
    from claimcmp.compare import _lexicon

    assert _lexicon.NEGATIONS == lang.word_set("compare_negations")
    assert {"not", "never", "no"} <= _lexicon.NEGATIONS
