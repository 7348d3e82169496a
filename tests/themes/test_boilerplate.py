"""Closing lines, list headers and persons' names (issue #21): learned from the series, not listed."""

from __future__ import annotations

from claimcmp.extract import is_list_header, lower_content_words, person_names
from claimcmp.model import Release
from claimcmp.themes import ThemeTracker
from claimcmp.themes._boilerplate import (
    closing_rows,
    closing_words,
    edge_themes,
    link_words,
    mostly_capitalised,
    person_name_words,
)

from .conftest import TopicalEmbedder, dated_release, narration_extractor

GRAIN = "They discussed grain exports through the Black Sea ports and the price of wheat."
POWER = "They discussed repairs to the power grid before the winter and the supply of gas turbines."
CLOSING = "The two leaders agreed to remain in close contact over the coming days."
HEADER = "State legislative leaders from today's meeting included:"




def _series() -> list[Release]:
    return [dated_release(d, f"{GRAIN if d % 2 else POWER} {CLOSING}") for d in range(8)]


def test_list_headers_and_content_words() -> None:
    assert is_list_header(HEADER)
    assert is_list_header("The Task Force membership is comprised of the following officials:")
    assert not is_list_header("They discussed grain exports.")
    long = "To maximize the benefits of this provision, the White House urged state leaders to act on three steps:"
    assert not is_list_header(long)  # more than 15 words: it says something itself
    assert lower_content_words(CLOSING) == ["remain", "close", "contact", "coming", "days"]
    assert person_names("The President congratulated Prime Minister Meloni on her election.") == ["Meloni"]


def test_closing_words_are_those_of_the_last_statements() -> None:
    releases = [f"r{i}" for i in range(6) for _ in range(3)]
    words = [["grain"], ["power"], ["touch", "stay"]] * 6
    closing = closing_words(releases, words)
    assert closing == {"touch", "stay"}  # at the end of every release; the others never
    rows = [["stay", "touch"], ["grain", "touch"], [], ["close", "stay", "touch"], ["close", "grain", "stay", "touch"]]
    assert closing_rows(rows, closing) == [0, 3]  # one word the statistic misses may ride along; not two
    assert closing_words(releases[:6], words[:6]) == frozenset()  # two releases: too few for a statistic


def test_name_words_need_most_of_their_occurrences_in_a_name() -> None:
    texts = [
        "The President congratulated Prime Minister Meloni on her election.",
        "Prime Minister Meloni discussed the climate with the President.",
        "They discussed the climate crisis and the climate transition.",
    ]
    assert person_name_words(texts, {"meloni", "climate"}) == {"meloni"}
    caps = ["They met in Italy and discussed cooperation.", "Asia Pacific Economic Cooperation is a forum.",
            "Italy and France agreed on cooperation.", "Both praised cooperation with Italy."]
    assert mostly_capitalised(caps, {"italy", "cooperation"}) == {"italy"}


def test_a_closing_line_is_in_no_theme_and_no_claim_and_its_words_label_nothing() -> None:
    tracker = ThemeTracker(embedder=TopicalEmbedder(), extractor=narration_extractor).fit(_series())  # type: ignore[arg-type]
    rows = list(zip(tracker.statements_, tracker.theme_ids_.tolist(), tracker.claim_ids_, strict=True))
    assert sum(s.text == CLOSING for s, _, _ in rows) == 8  # kept as statements
    for statement, theme, claim in rows:
        assert (theme == -1 and claim is None) == (statement.text == CLOSING)
    series = tracker.result()
    assert {c.text for c in series.claims} == {GRAIN, POWER}
    labels = " ".join(t.label for t in series.themes)
    assert "contact" not in labels and "coming" not in labels
    tracker.partial_fit([dated_release(20, f"{GRAIN} {CLOSING} {HEADER}")])
    assert tracker.theme_ids_[-3:].tolist()[1:] == [-1, -1] and tracker.theme_ids_[-3] >= 0
    loaded = ThemeTracker.from_dict(tracker.to_dict(), embedder=TopicalEmbedder())
    again = loaded.transform([dated_release(30, f"{POWER} {CLOSING}")])
    assert again[0] >= 0 and again[1] == -1


def test_words_of_web_addresses_label_nothing() -> None:
    texts = [
        "Read the [report](https://example.gov/wp-content/uploads/2024/report.pdf) on funding.",
        "The [plan](https://example.gov/wp-content/uploads/plan.pdf) adds funding.",
        "Funding for the content of the plan.",
    ]
    assert link_words(texts, {"wp", "uploads", "funding", "content"}) == {"wp", "uploads", "content"}


def test_a_theme_of_names_only_is_administrative_and_listed_last() -> None:
    meet = (
        "Director Alpha Omega and Advisor Gamma Delta welcomed Ambassador Zeta Kappa"
        " and Governor Theta Sigma of Lambda."
    )
    names = "Alpha Omega, Gamma Delta, Zeta Kappa and Theta Sigma of Lambda attended too."
    releases = [dated_release(d, f"{GRAIN if d % 2 else POWER} {meet} {names} {CLOSING}") for d in range(8)]
    tracker = ThemeTracker(embedder=TopicalEmbedder(), extractor=narration_extractor).fit(releases)  # type: ignore[arg-type]
    series = tracker.result()
    last = series.themes[-1]
    # the names line is in (nearly) every release, the others in half, yet it comes last: who met, not a subject
    assert last.administrative and tracker.administrative_themes_ == {last.id}
    assert len(last.release_ids) > max(len(t.release_ids) for t in series.themes[:-1])
    assert not any(w in last.label for w in ("alpha", "omega", "zeta", "lambda"))  # its own lower-case words
    loaded = ThemeTracker.from_dict(tracker.to_dict(), embedder=TopicalEmbedder())
    assert loaded.administrative_themes_ == tracker.administrative_themes_
    assert [t.to_dict() for t in loaded.result().themes] == [t.to_dict() for t in series.themes]


def test_themes_at_the_edges_of_releases_are_about_the_meeting() -> None:
    releases = [f"r{i}" for i in range(6) for _ in range(4)]
    # theme 0 always opens, theme 3 always closes, themes 1 and 2 share the middle
    themes = [0, 1, 2, 3] * 6
    assert edge_themes(releases, themes) == {0, 3}
    mixed = [1, 0, 2, 3, 0, 1, 3, 2, 2, 3, 0, 1, 3, 1, 2, 0, 0, 2, 1, 3, 1, 3, 0, 2]  # every theme everywhere
    assert edge_themes(releases, mixed) == set()
    assert edge_themes(releases[:8], themes[:8]) == set()  # two releases: too few


def test_a_theme_born_in_partial_fit_is_labelled_as_fit_labels_its_themes() -> None:
    power = "Repairs to the power grid and the supply of gas turbines before the winter were discussed."
    tracker = ThemeTracker(embedder=TopicalEmbedder(), extractor=narration_extractor)  # type: ignore[arg-type]
    tracker.fit([dated_release(d, GRAIN) for d in range(6)])
    tracker.partial_fit([dated_release(10 + d, power) for d in range(3)])
    born = [t for t in tracker.result().themes if "grid" in " ".join(t.keywords)]
    assert len(born) == 1, "the new statements form one new theme"
    label, keywords = born[0].label, born[0].keywords
    parts = label.split(", ")
    assert " / " not in label and 1 <= len(parts) <= 3 and set(parts) <= set(keywords)
    words = [w for part in parts for w in part.split()]
    assert len(words) == len(set(words))  # fit's rule: the picked keywords share no word
