"""Scene-setting narration takes no part in themes or repeated claims (issue #21); it stays a statement."""

from __future__ import annotations

from claimcmp.model import Release
from claimcmp.themes import ThemeTracker

from .conftest import TopicalEmbedder, dated_release, narration_extractor

OPENING = "President Alpha spoke today by phone with Prime Minister Beta of Italy."
GRAIN = "They discussed grain exports through the Black Sea ports and the price of wheat."
POWER = "They discussed repairs to the power grid before the winter and the supply of gas turbines."




def _series() -> list[Release]:
    return [dated_release(d, f"{OPENING} {GRAIN if d % 2 else POWER}") for d in range(6)]


def _tracker(**kwargs: object) -> ThemeTracker:
    return ThemeTracker(embedder=TopicalEmbedder(), extractor=narration_extractor, **kwargs).fit(_series())  # type: ignore[arg-type]


def test_a_scene_setting_line_is_in_no_theme_and_no_claim_but_stays_a_statement() -> None:
    tracker = _tracker()
    texts = [s.text for s in tracker.statements_]
    assert texts.count(OPENING) == 6  # kept: it is real narration
    rows = zip(tracker.statements_, tracker.theme_ids_.tolist(), tracker.claim_ids_, strict=True)
    for statement, theme, claim in rows:
        if statement.text == OPENING:
            assert theme == -1 and claim is None
        else:
            assert theme >= 0 and claim is not None  # a substantive narration line is a theme member
    series = tracker.result()
    assert all(OPENING not in (c.text,) for c in series.claims)
    assert {c.text for c in series.claims} == {GRAIN, POWER}
    assert all(OPENING not in t.label for t in series.themes)


def test_labels_leave_out_the_names_of_the_scene() -> None:
    series = _tracker().result()
    labels = " ".join(t.label for t in series.themes)
    assert "italy" not in labels and "beta" not in labels
    assert "grain" in labels or "wheat" in labels or "exports" in labels


def test_skipping_can_be_turned_off_and_transform_agrees() -> None:
    plain = _tracker(skip_scene_setting=False)
    assert (plain.theme_ids_ >= 0).all()
    tracker = _tracker()
    again = tracker.transform(_series())
    scene = [s.text == OPENING for s in tracker.statements_]
    assert ((again == -1) == scene).all()  # scene lines: -1; the others: their closest theme


def test_updates_and_round_trips_keep_scene_lines_out() -> None:
    tracker = _tracker()
    tracker.partial_fit([dated_release(9, f"{OPENING} {GRAIN}")])
    assert tracker.theme_ids_[-2] == -1 and tracker.claim_ids_[-2] is None
    assert tracker.theme_ids_[-1] >= 0
    loaded = ThemeTracker.from_dict(tracker.to_dict(), embedder=TopicalEmbedder())
    assert (loaded.theme_ids_ == tracker.theme_ids_).all()
    assert loaded.get_params()["skip_scene_setting"] is True
