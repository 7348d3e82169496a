"""The talks as the subject of a readout sentence, and the line that presents a joint statement (issue #22)."""

from __future__ import annotations

import pytest

from claimcmp.extract import extract_statements
from claimcmp.model import Release


def attribution(text: str, title: str = "", issuer: str | None = "Russia"):
    return [(s.kind.value, s.speaker, s.side) for s in extract_statements(Release(id="t", text=text, title=title,
                                                                                  issuer=issuer))]


@pytest.mark.parametrize("sentence", [
    "An exchange of views took place on possible ways to unblock the ports.",
    "During the meeting, an exchange of views took place on the energy market.",
    "There was a detailed exchange of views on the situation in Libya.",
    "Another topic discussed during the meeting was a cultural cluster on the cape.",
    "One issue raised at the talks was the transit of gas.",
])
def test_the_talks_told_as_their_topic_are_joint(sentence):
    assert attribution(sentence) == [("joint", None, "joint")]


def test_a_topic_of_one_speaker_stays_his():
    got = attribution("Vladimir Putin raised another topic: the transit of gas.")
    assert got[0][:2] == ("reported", "Vladimir Putin")


@pytest.mark.parametrize("line", [
    "The text of the following statement was released by the Governments of the United States and Uruguay:",
    "The following is the text of a joint statement released by the Governments of the United States and Turkey.",
])
def test_the_line_presenting_a_joint_statement_is_of_no_side(line):
    text = f"{line}\nThe two sides reviewed the bilateral relationship and agreed to meet again."
    got = attribution(text, title="Joint Statement on the Strategic Dialogue", issuer="United States")
    assert got[0] == ("narration", None, None)
    assert got[1] == ("joint", None, "joint")


def test_a_statement_presented_as_released_by_two_governments_is_in_their_joint_voice():
    text = ("The text of the following statement was released by the Governments of the United States and Uruguay:\n"
            "These updates can deepen commercial ties and improve the investment climate.")
    got = attribution(text, title="Statement by the Secretary and the Foreign Minister", issuer="United States")
    assert got[1] == ("joint", None, "joint")
