"""Labels name content, never speakers, titles, countries or reporting verbs (issue #21, point 3)."""

from claimcmp.model import Release, Statement
from claimcmp.topics import TopicModel
from claimcmp.topics._labels import alias_words, label_stop_words, participant_words

from .conftest import WordHashEmbedder


def _meeting() -> list[Statement]:
    sentences = [
        ("Putin", "Russia", "President Putin stressed that Russian grain exports through the Black Sea must continue."),
        ("Erdogan", "Turkey", "President Erdogan said Turkish ports are ready for grain exports from Odesa."),
        ("Putin", "Russia", "Putin noted that grain exports need safe corridors and inspection of grain ships."),
        ("Erdogan", "Turkey", "Erdogan stressed the Zaporizhzhia nuclear plant must be protected by inspectors."),
        ("Putin", "Russia", "Putin said the Zaporizhzhia nuclear plant is under constant shelling from outside."),
        ("Erdogan", "Turkey", "The Zaporizhzhia nuclear plant needs an agency mission, Erdogan noted today."),
    ]
    text = " ".join(s for _, _, s in sentences)
    release = Release(id="m1", text=text)
    out, start = [], 0
    for speaker, side, sentence in sentences:
        s = text.index(sentence, start)
        out.append(Statement.from_span(release, s, s + len(sentence), speaker=speaker, side=side))
        start = s + len(sentence)
    return out


def test_labels_leave_out_speakers_titles_countries_and_reporting_verbs():
    statements = _meeting()
    model = TopicModel(2, embedder=WordHashEmbedder()).fit(statements)
    banned = {"putin", "erdogan", "president", "russia", "russian", "turkey", "turkish", "stressed", "said",
              "noted", "today"}
    labels = " ".join(t.label for t in model.topics_)
    words = {w for t in model.topics_ for k in t.keywords for w in k.split()} | set(labels.replace(",", " ").split())
    assert not words & banned, words & banned
    assert "nuclear plant" in labels  # a multi-word content phrase, where the text has one
    assert all(any(" " in k for k in t.keywords) for t in model.topics_)


def test_label_stop_words_come_from_the_list_the_gazetteer_and_the_names():
    stop = label_stop_words(["Boris Johnson", "UK", None])
    assert {"boris", "johnson", "uk", "british", "britain", "said", "president", "readout", "the"} <= stop
    assert "nato" not in stop and "grain" not in stop  # organisations and content stay
    assert "taiwan" not in stop and "france" not in stop  # countries that are not participants are subjects
    assert {"american", "america", "states"} <= participant_words(["United States"])


def test_words_of_a_sides_longer_name_label_nothing_where_the_text_uses_them_as_its_name():
    texts = ["The Russian Federation informed the Secretariat about toxic chemicals.",
             "The Russian Federation and Ukraine are States Parties.",
             "All Member States are committed to the norm."]
    stop = alias_words(["Russia", "OPCW"], texts)
    assert "federation" in stop and "russian" in stop
    # "states" is the United States' word only where the text mostly says "United States"
    assert "states" not in alias_words(["United States"], texts + ["The United States said so."])
    assert "states" in alias_words(["United States"], ["The United States said so.", "the United States"])
    assert alias_words(["Russia"], []) == frozenset() and alias_words(["Atlantis"], texts) == frozenset()
    assert "federation" in label_stop_words(["Russia"], texts) and "federation" not in label_stop_words(["Russia"])



def test_participant_names_count_with_and_without_accents():
    words = participant_words(["Alberto Fernández", "Recep Tayyip Erdoğan"])
    assert {"fernández", "fernandez", "erdoğan", "erdogan", "alberto"} <= words


def test_persons_named_in_a_meeting_label_nothing():
    from claimcmp.topics._labels import PERSONS_UP_TO, person_words

    texts = ["The President met Prime Minister Denys Shmyhal to discuss grain exports.",
             "Grace was said for the delegation before the talks on grain exports."]
    assert {"shmyhal", "denys"} <= person_words(texts) and "grace" not in person_words(texts)
    assert {"shmyhal", "denys"} <= label_stop_words(["Ukraine"], texts)
    many = texts * (PERSONS_UP_TO // 2 + 1)  # past one meeting: no name search
    assert "shmyhal" not in label_stop_words(["Ukraine"], many)
