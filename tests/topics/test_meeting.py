"""The meeting-scale path: agenda items of one meeting (claimcmp.topics._meeting)."""

from __future__ import annotations

import re

import numpy as np
import pytest

from claimcmp.model import Release, Statement
from claimcmp.topics import TopicModel
from claimcmp.topics._inputs import read_input
from claimcmp.topics._agenda import meeting_topics
from claimcmp.topics._meeting import content_terms, silhouette
from claimcmp.topics.meeting_pairs import shipped_same_topic_model

from .conftest import WordHashEmbedder

# Three agenda items, each a contiguous run in the readout; both sides speak on each; courtesy lines
# (too little content to cluster) sit between them. Every content line names its speaker with a
# reporting verb, so speaker words alone would group statements by side, not by item.
ITEMS = {
    "grain": [
        "President Alpha stressed that grain exports through the Black Sea corridor must resume.",
        "President Beta noted that grain exports and the Black Sea corridor depend on safe ports.",
        "President Alpha added that grain exports from Black Sea ports feed importing countries.",
        "President Beta said grain exports need insurance for ships in the Black Sea corridor.",
    ],
    "nuclear": [
        "President Beta stressed that the Zaporizhzhia nuclear plant needs agency inspectors.",
        "President Alpha noted that the Zaporizhzhia nuclear plant must keep reactor cooling power.",
        "President Beta said agency inspectors should stay at the Zaporizhzhia nuclear plant.",
        "President Alpha added that shelling threatens the Zaporizhzhia nuclear plant reactor.",
    ],
    "energy": [
        "President Alpha said gas and electricity prices hurt households this winter.",
        "President Beta noted that gas storage will lower electricity prices this winter.",
        "President Alpha stressed that households need help with gas and electricity prices.",
        "President Beta added that gas storage and electricity links protect households this winter.",
    ],
}
COURTESY = ["Thank you.", "Welcome, my friend.", "Good to see you."]


def _statements(sentences: list[str], release_id: str) -> list[Statement]:
    """The sentences as one release's statements; the side follows the speaker named in the sentence."""
    text = " ".join(sentences)
    release = Release(id=release_id, text=text)
    statements, start = [], 0
    for sentence in sentences:
        at = text.index(sentence, start)
        side = "Beta" if "Beta" in sentence else "Alpha"
        statements.append(Statement.from_span(release, at, at + len(sentence), speaker=f"President {side}", side=side))
        start = at + len(sentence)
    return statements


def meeting() -> list[Statement]:
    """The items in order, a courtesy line before each item; sides follow the speaker."""
    sentences: list[str] = []
    for courtesy, lines in zip(COURTESY, ITEMS.values(), strict=True):
        sentences.append(courtesy)
        sentences.extend(lines)
    return _statements(sentences, "m1")


def item_rows() -> list[list[int]]:
    rows, at = [], 0
    for lines in ITEMS.values():
        at += 1  # the courtesy line
        rows.append(list(range(at, at + len(lines))))
        at += len(lines)
    return rows


def test_contiguous_agenda_items_form_one_topic_each():
    statements = meeting()
    model = TopicModel(embedder=WordHashEmbedder()).fit(statements)
    assert model.backend_ == "meeting"
    groups = [set(model.labels_[rows].tolist()) for rows in item_rows()]
    assert all(len(g) == 1 for g in groups)  # each item is one topic
    assert len(set.union(*groups)) == 3  # and the items are different topics
    assert len(model.topics_) == 3


def test_courtesy_lines_follow_the_statement_before_them():
    statements = meeting()
    model = TopicModel(embedder=WordHashEmbedder()).fit(statements)
    rows = item_rows()
    # the courtesy line before item 2 and 3 joins the item before it; the first joins the first item
    assert model.labels_[0] == model.labels_[rows[0][0]]
    assert model.labels_[rows[1][0] - 1] == model.labels_[rows[0][-1]]
    assert model.labels_[rows[2][0] - 1] == model.labels_[rows[1][-1]]
    assert not any(t.is_singleton for t in model.topics_)


def test_labels_name_the_items_not_the_speakers():
    model = TopicModel(embedder=WordHashEmbedder()).fit(meeting())
    words = {w for t in model.topics_ for k in t.keywords for w in k.split()}
    assert not words & {"president", "alpha", "beta", "stressed", "noted", "said", "added"}
    labels = " | ".join(t.label for t in model.topics_)
    assert "grain" in labels and "nuclear" in labels and ("gas" in labels or "electricity" in labels)


def test_meeting_path_is_deterministic():
    statements = meeting()
    first = TopicModel(embedder=WordHashEmbedder()).fit(statements)
    again = TopicModel(embedder=WordHashEmbedder()).fit(list(statements))
    np.testing.assert_array_equal(first.labels_, again.labels_)
    assert [t.to_dict() for t in first.topics_] == [t.to_dict() for t in again.topics_]


def test_meeting_path_only_in_automatic_mode_on_small_inputs():
    statements = meeting()
    embedder = WordHashEmbedder()
    assert TopicModel(3, embedder=embedder).fit(statements).backend_ == "kmeans"
    assert TopicModel(distance_threshold=0.5, embedder=embedder).fit(statements).backend_ == "agglomerative"
    assert TopicModel(meeting_max_statements=0, embedder=embedder).fit(statements).backend_ == "agglomerative"
    assert TopicModel(meeting_max_statements=len(statements) - 1, embedder=embedder).fit(
        statements
    ).backend_ == "agglomerative"
    assert TopicModel(embedder=embedder).get_params()["meeting_max_statements"] == 200


def test_embeddings_alone_use_the_centred_vectors():
    statements = meeting()
    vectors = WordHashEmbedder().encode([s.text for s in statements])
    model = TopicModel().fit(vectors)
    assert model.backend_ == "meeting"
    assert model.labels_.shape == (len(statements),)
    assert 1 <= len(model.topics_) <= len(statements) // 2


def test_transform_places_a_member_in_its_own_topic():
    statements = meeting()
    model = TopicModel(embedder=WordHashEmbedder()).fit(statements)
    rows = item_rows()
    again = model.transform([statements[rows[1][2]].text])
    assert again[0] == model.labels_[rows[1][2]]
    assert 0.0 < model.min_similarity_new_ < 1.0


def test_content_terms_leave_out_names_reporting_verbs_and_plurals():
    terms = content_terms(
        ["President Alpha stressed that sanctions on countries remain.", "Thank you."], ["Alpha", "President Alpha"]
    )
    assert terms == [["sanction", "country", "remain"], ["thank"]]


@pytest.mark.parametrize("pair_model", [shipped_same_topic_model(), None], ids=["learned", "cosine"])
def test_one_topic_when_nothing_separates(pair_model):
    corpus = read_input(["Grain exports resume through the corridor today."] * 6, None, WordHashEmbedder())
    assert meeting_topics(corpus, pair_model).tolist() == [0] * 6


def test_silhouette_matches_scikit_learn():
    metrics = pytest.importorskip("sklearn.metrics")
    rng = np.random.default_rng(0)
    points = rng.standard_normal((12, 3))
    labels = np.array([0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3])  # a group of one scores 0, as in scikit-learn
    distances = np.linalg.norm(points[:, None] - points[None, :], axis=2)
    expected = metrics.silhouette_score(distances, labels, metric="precomputed")
    assert silhouette(distances, labels) == pytest.approx(expected, abs=1e-12)


def _with_thanks(thanks: str) -> list[Statement]:
    """The meeting with a short thanks (too little content to cluster) after every content line."""
    sentences: list[str] = []
    for lines in ITEMS.values():
        for line in lines:
            sentences += [line, thanks]
    return _statements(sentences, "m2")


def test_labels_come_from_the_content_statements_not_the_courtesies_that_follow_them():
    model = TopicModel(embedder=WordHashEmbedder()).fit(_with_thanks("Thank you, dear friend."))
    assert model.backend_ == "meeting"
    words = {w for t in model.topics_ for k in t.keywords for w in k.split()}
    assert not words & {"thank", "dear", "friend"}
    labels = " | ".join(t.label for t in model.topics_)
    assert "grain" in labels and "nuclear" in labels


def test_a_meeting_of_courtesies_only_is_labelled_by_them():
    release = Release(id="m3", text="Thank you, dear friend. Welcome, my friend. Good to see you, my friend.")
    statements = [Statement.from_span(release, m.start(), m.end(), speaker="President Alpha", side="Alpha")
                  for m in re.finditer(r"[^.]+\.", release.text)]
    model = TopicModel(embedder=WordHashEmbedder()).fit(statements)
    assert model.backend_ == "meeting"
    assert all(t.keywords for t in model.topics_)  # no content statement: the keywords come from all of them
