"""Word lists behind the lexical features and the relation cues.

Small, hand-written and English-only. Every list is a frozenset of lower-case
tokens (as produced by :func:`claimcmp.compare.text.tokenize`) or of token
pairs. Changing a list changes the features the shipped head was trained on:
retrain (``training/train_relation_model.py``) after editing the lists used by
:mod:`claimcmp.compare.features`.
"""

from __future__ import annotations

from ..gazetteer import actor_words
from ..lang import word_set

NEGATIONS = word_set("compare_negations")

#: Verbs and adjectives of denial or rejection ("X rejected the allegations").
DENIALS = word_set("compare_denials")

#: Words marking the speaker's favourable stance towards a proposal.
STANCE_POSITIVE = word_set("compare_stance_positive")

#: Words marking the speaker's unfavourable stance towards a proposal.
STANCE_NEGATIVE = word_set("compare_stance_negative")

#: Antonym pairs; a pair counts when one word is in each statement.
ANTONYMS = frozenset(
    {
        ("agree", "disagree"), ("support", "oppose"), ("accept", "reject"),
        ("allow", "ban"), ("allow", "forbid"), ("allow", "prohibit"), ("increase", "decrease"),
        ("increase", "reduce"), ("rise", "fall"), ("win", "lose"), ("open", "close"),
        ("open", "closed"), ("start", "stop"), ("begin", "end"), ("peace", "war"),
        ("success", "failure"), ("legal", "illegal"), ("safe", "dangerous"), ("good", "bad"),
        ("true", "false"), ("up", "down"), ("in", "out"), ("inside", "outside"), ("on", "off"),
        ("man", "woman"), ("boy", "girl"), ("men", "women"), ("young", "old"), ("big", "small"),
        ("large", "small"), ("tall", "short"), ("fast", "slow"), ("happy", "sad"),
        ("sitting", "standing"), ("day", "night"), ("wet", "dry"), ("empty", "full"),
        ("asleep", "awake"), ("sleeping", "running"), ("indoors", "outdoors"), ("black", "white"),
        ("escalation", "deescalation"), ("strengthen", "weaken"), ("expand", "reduce"),
        ("welcome", "condemn"), ("praise", "criticize"), ("praise", "criticise"),
        ("benefit", "harm"), ("beneficial", "harmful"), ("mandatory", "voluntary"),
        ("abandon", "keep"), ("abolish", "keep"), ("cooperation", "confrontation"),
        ("stability", "instability"), ("defensive", "offensive"), ("lawful", "unlawful"),
        ("legitimate", "illegitimate"), ("victim", "aggressor"), ("withdraw", "deploy"),
    }
)

#: Nouns naming a harmful or blameworthy act; the object of counter-accusations.
BLAME_ACTS = word_set("compare_blame_acts")

#: Nouns of framing: who is said to escalate, provoke or threaten.
FRAMING_NOUNS = word_set("compare_framing_nouns")

#: Words of concern or accusation: the statement blames someone for something.
CONCERN_WORDS = word_set("compare_concern_words")

#: Words reporting an outcome reached together.
JOINT_OUTCOME = word_set("compare_joint_outcome")

#: One-word actor names (demonyms, short forms, capitals) -> the actor they name, from the shared gazetteer.
DEMONYMS = actor_words()

#: Words that may follow an actor word to name its agents ("Ukrainian armed forces").
AGENT_HEADS = word_set("compare_agent_heads")

#: Prepositions after which an actor is a place, target or victim, not an agent.
PLACE_PREPOSITIONS = word_set("compare_place_prepositions")

#: Nouns of acts: a possessive actor just before one is the doer ("in response to Russia's actions").
OWNED_ACTS = word_set("compare_owned_acts")

#: Words before "on"/"against" + actor that make the actor the one addressed or punished, not a
#: victim ("called on Russia to", "impose severe costs on Russia", "sanctions against Iran").
ADDRESSING = word_set("compare_addressing")

#: Month names (full and abbreviated): a number next to one is a date, not a quantity.
MONTHS = word_set("compare_months")

#: Function words ignored when measuring content overlap: the shared stop-word list, less the
#: function words that can carry a difference between two claims.
STOPWORDS = word_set("stopwords") - word_set("compare_kept_function_words")

# ---------------------------------------------------------------------------
# Cue-only lists: read by claimcmp.compare.cues, not by the trained features,
# so they can grow without retraining.

#: Further antonym pairs for the ``antonym`` cue.
CUE_ANTONYMS = frozenset(
    {
        ("respected", "violated"), ("respect", "violate"), ("honoured", "breached"), ("honored", "breached"),
        ("complied", "violated"), ("observed", "violated"), ("progress", "stalemate"), ("results", "stalled"),
        ("lift", "maintain"), ("lifting", "maintaining"), ("extend", "end"), ("renewed", "terminated"),
        ("unprovoked", "response"), ("invasion", "liberation"), ("invasion", "operation"),
    }
)

#: Non-state doers named after "by" ("staged by terrorist groups").
GENERIC_AGENTS = {
    "terrorist": "armed groups", "terrorists": "armed groups", "militants": "armed groups",
    "rebels": "armed groups", "insurgents": "armed groups", "jihadists": "armed groups",
    "extremists": "armed groups", "separatists": "separatists", "opposition": "opposition",
    "regime": "government", "government": "government", "authorities": "government",
}

#: Verbs that report an outcome reached (the ``joint_outcome`` cue needs one in each statement; the nouns
#: of JOINT_OUTCOME, "agreement", "accord", name treaties as often as outcomes).
CUE_OUTCOME_VERBS = word_set("compare_cue_outcome_verbs")
