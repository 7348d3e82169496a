"""Statement extraction: who said what, for which side.

:func:`extract_statements` turns a :class:`~claimcmp.model.Release` into
:class:`~claimcmp.model.Statement` objects; :func:`extract` also returns the
spans deliberately skipped, so that every non-space character of the body is
covered by exactly one statement or one skipped span.

Rules (details in ``docs/extraction.md``):

* Granularity: one statement per sentence. A direct quote's statements are
  the words inside the marks, one per sentence of the quote; the framing
  ("He stated:", "“…,” said Director-General Arias") is skipped as
  ``quote_frame`` unless it says something itself, when it becomes a
  ``reported`` statement of the same speaker.
* Kinds: ``direct_quote``, ``reported`` (a participant's speech act),
  ``joint`` ("the two sides", "both leaders", "they"), ``narration`` (the
  issuer's voice; side = issuer only where it takes a position).
* Speakers: the subject of the speech-act cue; later titles, names and
  pronouns are resolved to the speakers introduced before. Output names are
  canonical (the personal name, else the title).
* Sides: from ``sides=`` (a YAML file, mapping or :class:`Sides`), else
  inferred: a country or organisation named in the speaker's mention, else
  the issuer. Joint statements get side ``"joint"``.
* Skipped: headings, bylines, link and contact lines, datelines, end marks,
  speaker labels. Sentences under "Background"-like headings are narration
  with no side.
* Transcripts and first-person texts: a speaker label (``PRESIDENT BIDEN:``,
  ``Vladimir Putin:``) gives the floor to whom it names; every sentence of the
  turn is that speaker's ``direct_quote``; press questions are narration of no
  side. "Statement by X" / "Address by X" texts are X's own words.

Modules: ``_segment`` (blocks, sentences via syntok), ``_quotes``,
``_mentions``, ``_discourse`` (coreference), ``_sides`` (sides and aliases; the
built-in gazetteer is the public :mod:`claimcmp.gazetteer`), ``_lexicon`` (cues, roles), ``_boilerplate``,
``_attribute`` (rules per unit), ``_turns`` (speaker labels, signers),
``_floor`` (who holds the floor), ``_pipeline``, ``_result``, ``_names`` (one spelling per speaker across
releases: :func:`unify_speakers`, :func:`name_key`), ``_scene`` (scene-setting narration:
:func:`is_scene_setting`, used by theme tracking to keep "X met Y today" out of themes and repeated claims).
"""

from __future__ import annotations

from ._names import name_key, same_person, unify_speakers
from ._pipeline import extract, extract_statements
from ._result import Extraction, SkippedSpan
from ._scene import (
    is_list_header,
    is_scene_setting,
    lower_content_words,
    person_name_words,
    person_names,
    setting_vocabulary,
    substance_words,
    words_and_parts,
)
from ._segment import sentence_spans
from ._sides import Sides, load_sides

__all__ = [
    "Extraction",
    "Sides",
    "SkippedSpan",
    "extract",
    "extract_statements",
    "is_list_header",
    "is_scene_setting",
    "load_sides",
    "lower_content_words",
    "name_key",
    "person_name_words",
    "person_names",
    "same_person",
    "sentence_spans",
    "setting_vocabulary",
    "substance_words",
    "unify_speakers",
    "words_and_parts",
]
