"""Speaker labels, transcripts and first-person texts (``_turns``, ``_floor``, and ``extract`` on them)."""

from __future__ import annotations

import pytest

from claimcmp.extract import extract
from claimcmp.extract._turns import find_labels, label_mention, signer_mention, title_case
from claimcmp.model import Release


def _extract(text: str, title: str | None = None, issuer: str | None = None):
    return extract(Release(id="t", text=text, title=title, issuer=issuer))


def _rows(text: str, title: str | None = None, issuer: str | None = None):
    return [(s.text, s.kind.value, s.speaker, s.side) for s in _extract(text, title, issuer).statements]


def test_title_case_keeps_connectors_and_short_acronyms():
    assert title_case("PRIME MINISTER OF THE UK") == "Prime Minister of the UK"
    assert title_case("SECRETARY-GENERAL GUTERRES") == "Secretary-General Guterres"
    assert title_case("MS PORTER") == "Ms Porter"
    assert title_case("Vladimir Putin") == "Vladimir Putin"


@pytest.mark.parametrize(
    ("designation", "role", "name"),
    [
        ("Question", "press", None),
        ("Q", "press", None),
        ("Audience Member", "press", None),
        ("Operator", "procedure", None),
        ("President Biden", "speaker", "Biden"),
        ("Ms Porter", "speaker", "Porter"),
        ("President of Russia Vladimir Putin", "speaker", "Vladimir Putin"),
    ],
)
def test_label_mention_names_press_procedure_and_people(designation, role, name):
    found = label_mention(designation)
    assert found is not None
    assert found[0] == role
    assert (found[1].name if found[1] is not None else None) == name


def test_label_mention_rejects_what_names_no_one():
    assert label_mention("Vessel Name")[2] is True  # type: ignore[index]  # a bare name at best: weak
    assert label_mention("Addressing Root Causes of Gender-Based Violence") is None
    assert label_mention("The first contract has now been virtually fulfilled") is None


def test_bare_name_label_is_weak_and_role_label_is_not():
    assert label_mention("Alberto Fernandez")[2] is True  # type: ignore[index]
    assert label_mention("Senior State Department Official One")[0] == "speaker"  # type: ignore[index]


def test_find_labels_line_start_and_inline():
    text = (
        "PRESIDENT BIDEN: Welcome, everyone.\n\nQ  Mr. President, will you go?\n\n"
        "Talks went well. * * * President of Russia Vladimir Putin: Thank you. Welcome. "
        "Alberto Fernandez (retranslated): Thank you, Mr Putin. Vladimir Putin: Me too."
    )
    labels = find_labels(text, 0, len(text))
    assert [(text[lab.start : lab.trimmed_end(text)], lab.role) for lab in labels] == [
        ("PRESIDENT BIDEN:", "speaker"),
        ("Q", "press"),
        ("President of Russia Vladimir Putin:", "speaker"),
        ("Alberto Fernandez (retranslated):", "speaker"),
        ("Vladimir Putin:", "speaker"),
    ]


def test_find_labels_ignores_sentences_ending_in_a_colon_and_lone_forms():
    text = "The first contract has now been virtually fulfilled: almost 15 million doses were shipped."
    assert find_labels(text, 0, len(text)) == []
    form = "Question: what is the fee?\nQuestion: where do I apply?"
    assert find_labels(form, 0, len(form)) == []  # press roles and no speaker: a form, not a transcript
    begin = "Ned Price said so. Begin Text: the text begins here and the text ends here."
    assert find_labels(begin, 0, len(begin)) == []
    sheet = "The vessel is sanctioned.\nVESSEL NAME: Sea Star\nVESSEL FLAG: Panama"
    assert find_labels(sheet, 0, len(sheet)) == []  # "vessel" is a common word of the text, not a name


def test_signer_from_title_and_from_byline():
    signer = signer_mention("Statement by President Joseph R. Biden, Jr. on the Attack in Kabul", None)
    assert signer is not None and signer.name is not None and "Biden" in signer.name
    address = signer_mention("Address by President Volodymyr Zelenskyy to the citizens", None)
    assert address is not None and address.name == "Volodymyr Zelenskyy"
    byline = signer_mention("Statement on the Hack of the ICRC", "Ned Price, Department Spokesperson")
    assert byline is not None and byline.name == "Ned Price"
    assert signer_mention("Joint Statement by the United States and Turkey", None) is None
    assert signer_mention("Readout of President Biden's Call with Chancellor Scholz", None) is None
    assert signer_mention("Statement on the Hack of the ICRC", "Office of the Spokesperson") is None
    prefixed = signer_mention("U.S. Statement on the Hack of the ICRC", "Ned Price, Department Spokesperson")
    assert prefixed is not None and prefixed.name == "Ned Price"
    assert signer_mention("Joint Statement on the Strategic Mechanism", "Ned Price, Department Spokesperson") is None


def test_transcript_turns_are_the_labelled_speakers_own_words():
    text = (
        "Oval Office\n\n"
        "PRESIDENT BIDEN: Welcome, everyone. Germany is one of America's closest allies.\n\n"
        "CHANCELLOR SCHOLZ: Thank you for having me here. We are closest allies.\n\n"
        "Q  Mr. President, will sanctions follow?\n\n"
        "PRESIDENT BIDEN: Yes, they will."
    )
    title = "Remarks by President Biden and Chancellor Scholz of the Federal Republic of Germany"
    result = _extract(text, title, issuer="United States")
    rows = [(s.text, s.kind.value, s.speaker, s.side) for s in result.statements]
    assert rows == [
        ("Welcome, everyone.", "direct_quote", "Biden", "United States"),
        ("Germany is one of America's closest allies.", "direct_quote", "Biden", "United States"),
        ("Thank you for having me here.", "direct_quote", "Scholz", "Germany"),
        ("We are closest allies.", "direct_quote", "Scholz", "Germany"),
        ("Mr. President, will sanctions follow?", "narration", None, None),
        ("Yes, they will.", "direct_quote", "Biden", "United States"),
    ]
    labels = [k.text for k in result.skipped if k.reason == "speaker_label"]
    assert labels == ["PRESIDENT BIDEN:", "CHANCELLOR SCHOLZ:", "Q", "PRESIDENT BIDEN:"]


def test_unaffiliated_guest_takes_the_one_foreign_side_of_the_title():
    text = "PRESIDENT BIDEN: Welcome, Prime Minister.\n\nPRIME MINISTER ALBANESE: Thank you, Mr. President."
    title = "Remarks by President Biden and Prime Minister Albanese at Signing of the Australia-U.S. Statement"
    rows = _rows(text, title, issuer="United States")
    assert [(r[2], r[3]) for r in rows] == [("Biden", "United States"), ("Albanese", "Australia")]


def test_a_guest_named_with_a_nickname_and_two_slashed_offices_takes_the_titles_country():
    text = ("FOREIGN MINISTER KOWALCZYK: Good morning and welcome.\n"
            "DEPUTY PRIME MINISTER OKAFOR: Thank you. We came to talk about the port project.")
    title = ("Foreign Minister Anna Kowalczyk And Nigerian Deputy Prime Minister/Finance Minister Chidi "
             "“Chi-Chi” Okafor Before Their Meeting")
    rows = _rows(text, title, issuer="Poland")
    assert [(r[2], r[3]) for r in rows] == [("Anna Kowalczyk", "Poland")] + [("Chidi “Chi-Chi” Okafor", "Nigeria")] * 2


def test_a_quoted_nickname_stays_inside_the_name_and_a_suffix_stop_before_the_country():
    from claimcmp.extract._mentions import find_mentions

    text = 'Talks with President Jean "Jojo" Dupont Jr. of the Philippines today.'
    (mention,) = [m for m in find_mentions(text, 0, len(text)) if m.kind == "person"]
    assert mention.name == 'Jean "Jojo" Dupont Jr' and mention.place == "Philippines"
    text = "Talks with Deputy Prime Minister/Minister of Trade Jean Dupont today."
    (mention,) = [m for m in find_mentions(text, 0, len(text)) if m.kind == "person"]
    assert mention.name == "Jean Dupont" and mention.role == "Deputy Prime Minister"
    # quotes that hold a word of their own are no nickname: "Welcome" does not join a name
    text = "The banner read “Welcome” and Minister Lavrov smiled."
    assert [m.name for m in find_mentions(text, 0, len(text)) if m.kind == "person"] == ["Lavrov"]


def test_kremlin_inline_turns_after_narration():
    text = (
        "Vladimir Putin held talks with President of Argentina Alberto Fernandez. * * * "
        "Vladimir Putin: Mr President, it is a pleasure to see you. Welcome to Russia. "
        "Alberto Fernandez: Thank you. Argentina is grateful to Russia."
    )
    rows = _rows(text, "Talks with President of Argentina Alberto Fernandez", issuer="Russia")
    assert rows[0][1] == "narration"
    assert [r for r in rows if r[1] == "direct_quote"] == [
        ("Mr President, it is a pleasure to see you.", "direct_quote", "Vladimir Putin", "Russia"),
        ("Welcome to Russia.", "direct_quote", "Vladimir Putin", "Russia"),
        ("Thank you.", "direct_quote", "Alberto Fernandez", "Argentina"),
        ("Argentina is grateful to Russia.", "direct_quote", "Alberto Fernandez", "Argentina"),
    ]


def test_aide_reports_a_third_person_and_talks_about_interlocutors():
    text = (
        "MS PORTER: Good afternoon. Secretary Blinken spoke with Foreign Minister Kuleba of Ukraine today. "
        "Foreign Minister Kuleba stressed the need for more air defence.\n\n"
        "QUESTION: Did they discuss sanctions?\n\n"
        "MS PORTER: I will not go beyond the readout."
    )
    rows = _rows(text, "Department Press Briefing", issuer="United States")
    kinds = {r[0]: (r[1], r[2], r[3]) for r in rows}
    assert kinds["Good afternoon."] == ("direct_quote", "Porter", "United States")
    assert kinds["Foreign Minister Kuleba stressed the need for more air defence."] == (
        "reported", "Kuleba", "Ukraine")
    assert kinds["Did they discuss sanctions?"] == ("narration", None, None)
    assert kinds["I will not go beyond the readout."] == ("direct_quote", "Porter", "United States")


def test_first_person_statement_is_the_signers_voice():
    text = (
        "Ned Price, Department Spokesperson\n\n"
        "The United States condemns the attack. We call for accountability."
    )
    rows = _rows(text, "Statement on the Attack on the Hospital", issuer="United States")
    assert rows == [
        ("The United States condemns the attack.", "direct_quote", "Ned Price", "United States"),
        ("We call for accountability.", "direct_quote", "Ned Price", "United States"),
    ]


def test_readout_without_labels_or_signer_is_unchanged():
    text = "President Biden spoke today with Chancellor Scholz of Germany. The President stressed unity."
    title = "Readout of President Biden's Call with Chancellor Scholz"
    with_title = _rows(text, title, issuer="United States")
    without = _rows(text, None, issuer="United States")
    assert with_title == without
    assert with_title[1][1] == "reported"


def test_a_headline_before_address_by_still_names_the_signer():
    title = "It was another day that brought us all closer to victory - address by President Volodymyr Zelenskyy"
    mention = signer_mention(title, None)
    assert mention is not None and mention.name == "Volodymyr Zelenskyy"
    assert signer_mention("Russia - Ukraine talks: statement on the results", None) is None
    assert signer_mention("Peace now - Joint Statement by Boris Johnson and Justin Trudeau", None) is None


def test_a_title_that_reports_an_address_names_a_signer_only_for_a_first_person_body() -> None:
    from claimcmp.extract._turns import signer_mention, speaks_in_first_person

    title = "President of Ukraine Volodymyr Zelenskyy addressed the plenary session of the summit"
    account = (
        "The President of Ukraine addressed the participants of the summit. He noted that the partnership had "
        "grown. \u201cWe are grateful to our friends,\u201d the Head of State said. He called for more support."
    )
    address = "Dear friends! I am grateful to all of you. We will defend our land, and our friends are with us."
    assert not speaks_in_first_person(account)  # its one "we" is inside a quote
    assert speaks_in_first_person(address)
    assert signer_mention(title, None, account) is None
    signer = signer_mention(title, None, address)
    assert signer is not None and signer.name == "Volodymyr Zelenskyy"
    # "Address by X" is the address itself, whatever its body
    assert signer_mention("Address by President Volodymyr Zelenskyy", None, account) is not None


def test_in_a_turn_a_report_tells_a_past_speech_act_and_a_vocative_is_no_speaker():
    text = (
        "MS PORTER: Foreign Minister Kuleba stressed the need for more air defence. "
        "President Biden is very much looking forward to seeing President Duda in July. "
        "According to Foreign Minister Kuleba, the attacks continued.\n\n"
        "QUESTION: What about the OAS?"
    )
    kinds = {r[0]: (r[1], r[2]) for r in _rows(text, "Department Press Briefing", issuer="United States")}
    assert kinds["Foreign Minister Kuleba stressed the need for more air defence."] == ("reported", "Kuleba")
    # what another person is doing now or will do is the aide's own statement
    assert kinds["President Biden is very much looking forward to seeing President Duda in July."] == (
        "direct_quote", "Porter")
    assert kinds["According to Foreign Minister Kuleba, the attacks continued."] == ("reported", "Kuleba")
    vocative = (
        "PRIME MINISTER NETANYAHU: Mr. President, you are meeting with our war cabinet. "
        "This will be a different kind of war.\n\n"
        "PRESIDENT BIDEN: Thank you, Mr. Prime Minister."
    )
    title = "Remarks by President Biden and Prime Minister Netanyahu of Israel Before a Meeting"
    rows = _rows(vocative, title, issuer="United States")
    assert rows[0][1:] == ("direct_quote", "Netanyahu", "Israel")


def test_in_a_turn_a_comment_clause_credits_a_source_but_the_sentence_is_the_turn_speakers():
    text = (
        "SECRETARY BLINKEN: Thank you all for coming.\n\n"
        "FOREIGN MINISTER ALVAREZ: We firmly believe, as President Biden said last night, that freedom will "
        "triumph over tyranny. As the President said, we stand together. "
        "President Biden said last night that the alliance would grow.\n\n"
        "SECRETARY BLINKEN: Thank you, Roberto."
    )
    title = "Secretary Antony J. Blinken with Dominican Foreign Minister Roberto Alvarez Before Their Meeting"
    kinds = {r[0]: (r[1], r[2]) for r in _rows(text, title, issuer="United States")}
    assert kinds["We firmly believe, as President Biden said last night, that freedom will triumph over tyranny."] == (
        "direct_quote", "Roberto Alvarez")
    assert kinds["As the President said, we stand together."] == ("direct_quote", "Roberto Alvarez")
    # a past speech act told in the turn's own sentence stays a report of its speaker
    assert kinds["President Biden said last night that the alliance would grow."] == ("reported", "Biden")


def test_in_a_readout_a_comment_clause_still_names_the_speaker():
    text = ("President Biden spoke today with Chancellor Scholz of Germany. "
            "The third initiative, as the Chancellor noted, lies in energy.")
    rows = _rows(text, "Readout of President Biden's Call with Chancellor Scholz", issuer="United States")
    assert rows[1] == ("The third initiative, as the Chancellor noted, lies in energy.", "reported", "Scholz", "Germany")


_BLINKEN_ANTONIO = "Secretary Antony J. Blinken and Angolan Foreign Minister Tete António Before Their Meeting"
_BLINKEN_RETNO = "Secretary Antony J. Blinken and Indonesian Foreign Minister Retno Marsudi Before Their Meeting"
_BIDEN_STARMER = "Remarks by President Biden and Prime Minister Starmer of the United Kingdom Before Their Meeting"
_BIDEN_VDL = "Remarks by President Biden and European Commission President Ursula von der Leyen Before Their Meeting"
_BIDEN_YOON = "Remarks by President Biden and President Yoon Suk Yeol of the Republic of Korea at a State Dinner"
_STARMER_TEXT = (
    "PRESIDENT BIDEN: Welcome back to the White House. We have a great deal to discuss.\n\n"
    "Q Sir —\n\n"
    "PRIME MINISTER STARMER: Thank you\n\n"
    "It is very good to be back in Washington with you."
)


@pytest.mark.parametrize(
    ("text", "title", "row", "expected"),
    [
        pytest.param(
            "SECRETARY BLINKEN: Welcome, Minister. We have much to discuss on trade and health.\n"
            "FOREIGN MINISTER ANTONIO: Thank you. It is an honour to be invited here in Washington.",
            _BLINKEN_ANTONIO, -1, ("direct_quote", "Tete António", "Angola"), id="label-without-the-accents",
        ),
        pytest.param(
            "SECRETARY BLINKEN: Welcome, Minister. We have much to discuss on trade and health.\n"
            "FOREIGN MINISTER ANTONIO: Thank you. It is an honour to be invited here in Washington.",
            _BLINKEN_ANTONIO, 0, ("direct_quote", "Antony J. Blinken", "United States"), id="host-keeps-his-side",
        ),
        pytest.param(
            "SECRETARY BLINKEN: It is a pleasure to have Foreign Minister Retno here and to launch a dialogue – "
            "something that was agreed upon some years ago.\nFOREIGN MINISTER MARSUDI: Thank you, Secretary.",
            _BLINKEN_RETNO, 0, ("direct_quote", "Antony J. Blinken", "United States"),
            id="stance-participle-in-a-relative-clause",
        ),
        pytest.param(_STARMER_TEXT, _BIDEN_STARMER, 2, ("narration", None, None), id="press-line-cut-off"),
        pytest.param(
            _STARMER_TEXT, _BIDEN_STARMER, -1, ("direct_quote", "Starmer", "United Kingdom"),
            id="short-labelled-line-is-a-turn",
        ),
        pytest.param(
            "PRESIDENT BIDEN: Madam President, welcome back to the White House.\n\n"
            "PRESIDENT VON DER LEYEN: Thank you very much. The European Union and the United States are good "
            "friends.",
            _BIDEN_VDL, -1, ("direct_quote", "Ursula von der Leyen", "EU"), id="name-with-two-particles",
        ),
        pytest.param(
            "PRESIDENT YOON: It is an honor to welcome you here tonight.\n\n"
            "At today’s talks, Mr. President and I reaffirmed our enduring commitment to the alliance.",
            _BIDEN_YOON, -1, ("direct_quote", "Yoon Suk Yeol", "South Korea"),
            id="report-whose-subject-joins-the-turn-speaker",
        ),
    ],
)
def test_a_transcript_line_goes_to_its_speaker(text, title, row, expected):
    assert _rows(text, title=title, issuer="US")[row][1:] == expected


def test_a_title_and_a_name_with_particles_make_one_label():
    assert label_mention("President von der Leyen")[1].name == "von der Leyen"  # type: ignore[index, union-attr]


def test_a_label_after_a_heading_run_into_the_paragraph_opens_a_turn():
    text = (
        "The talks focused on trade and the situation in the region.*** Beginning of Russian-Palestinian talks "
        "President of Russia Vladimir Putin: Mr President, I am glad to see you. We should meet regularly. "
        "President of Palestine Mahmoud Abbas (retranslated): Thank you for the invitation."
    )
    labels = find_labels(text, 0, len(text))
    assert [label.designation for label in labels][:1] == ["President of Russia Vladimir Putin"]
    rows = _rows(text, title="Meeting with President of Palestine Mahmoud Abbas", issuer="Russia")
    assert ("We should meet regularly.", "direct_quote", "Vladimir Putin", "Russia") in rows


def test_a_capitalised_phrase_with_a_colon_in_a_sentence_after_the_mark_is_no_label():
    text = "*** The President then made the following remark in his talks with several Minister Putin: welcome."
    assert find_labels(text, 0, len(text)) == []


def test_a_run_in_heading_that_names_the_guest_leaves_the_label_to_the_last_role_and_name():
    text = (
        "The leaders discussed cooperation.*** Beginning of talks with President of Mongolia Ukhnaagiin Khurelsukh "
        "President of Russia Vladimir Putin: Mr President, thank you for accepting the invitation."
    )
    assert [label.designation for label in find_labels(text, 0, len(text))] == ["President of Russia Vladimir Putin"]
