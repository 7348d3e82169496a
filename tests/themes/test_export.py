import pytest

from claimcmp.errors import ConfigurationError
from claimcmp.model import Release
from claimcmp.themes import ThemeTracker, timeline_table
from claimcmp.topics import TopicModel

from .conftest import TopicalEmbedder, sentence_extractor, side_by_issuer


@pytest.fixture
def tracker(series: list[Release]) -> ThemeTracker:
    return ThemeTracker(
        embedder=TopicalEmbedder(),
        side_of=side_by_issuer,
        extractor=sentence_extractor,
        topic_model=TopicModel(distance_threshold=0.7),
    ).fit(series)


def test_timeline_dataframe_is_side_by_time_by_theme(tracker: ThemeTracker) -> None:
    df = tracker.to_dataframe()
    assert list(df.columns) == ["theme_id", "theme_label", "period", "side", "statements", "releases"]
    result = tracker.result()
    assert len(df) == len(result.timeline)
    assert df["statements"].sum() == sum(t.size for t in result.themes)
    pivot = df.pivot_table(index="theme_id", columns="side", values="statements", aggfunc="sum", fill_value=0)
    top = result.themes[0]
    assert pivot.loc[top.id].to_dict() == top.side_totals


def test_other_frames(tracker: ThemeTracker) -> None:
    themes = tracker.to_dataframe("themes")
    assert len(themes) == len(tracker.result().themes) and "trend" in themes.columns
    claims = tracker.to_dataframe("claims")
    assert set(claims["claim_id"]) == {c.id for c in tracker.result().claims}
    statements = tracker.to_dataframe("statements")
    assert len(statements) == len(tracker.statements_)
    with pytest.raises(ConfigurationError):
        tracker.to_dataframe("nope")


def test_what_is_the_deprecated_name_of_kind(tracker: ThemeTracker) -> None:
    with pytest.warns(FutureWarning, match="what= is deprecated"):
        old = tracker.to_dataframe(what="themes")
    assert old.equals(tracker.to_dataframe(kind="themes"))
    with pytest.raises(TypeError, match="kind= only"):
        tracker.to_dataframe(kind="claims", what="themes")
    with pytest.raises(TypeError, match="unexpected"):
        tracker.to_dataframe(kinds="themes")


def test_text_table(tracker: ThemeTracker) -> None:
    text = timeline_table(tracker.result(), top=3)
    lines = text.splitlines()
    assert lines[0].split()[:2] == ["theme", "side"] and "2024-01" in lines[0] and "2024-06" in lines[0]
    assert any("Borealis" in line for line in lines[2:])
