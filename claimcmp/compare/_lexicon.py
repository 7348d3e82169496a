"""Word lists behind the lexical features and the relation cues.

Small, hand-written and English-only. Every list is a frozenset of lower-case
tokens (as produced by :func:`claimcmp.compare.text.tokenize`) or of token
pairs. Changing a list changes the features the shipped head was trained on:
retrain (``training/train_relation_model.py``) after editing the lists used by
:mod:`claimcmp.compare.features`.
"""

from __future__ import annotations

from ..gazetteer import actor_words

NEGATIONS = frozenset(
    "no not never nobody nothing none neither nor without cannot nowhere noone".split()
)

#: Verbs and adjectives of denial or rejection ("X rejected the allegations").
DENIALS = frozenset(
    """
    deny denies denied denying denial denials reject rejects rejected rejecting rejection
    refute refutes refuted refuting dismiss dismisses dismissed dismissing
    groundless baseless unfounded false falsely fabricated fabrication fabrications
    disinformation misinformation lies lie slander slanderous smear unsubstantiated
    repudiate repudiates repudiated rebuff rebuffed rebut rebutted
    """.split()
)

#: Words marking the speaker's favourable stance towards a proposal.
STANCE_POSITIVE = frozenset(
    """
    support supports supported supporting welcome welcomes welcomed welcoming
    endorse endorses endorsed endorsing favour favor favours favors favoured favored
    back backs backed backing approve approves approved approving accept accepts accepted
    agree agrees agreed benefit benefits beneficial good positive advantage safe helpful
    should must necessary important essential effective protect protects
    """.split()
)

#: Words marking the speaker's unfavourable stance towards a proposal.
STANCE_NEGATIVE = frozenset(
    """
    oppose opposes opposed opposing against object objects objected condemn condemns
    condemned condemning refuse refuses refused refusing veto vetoed disapprove
    harm harmful harms bad negative dangerous danger unsafe risk risks damage damaging
    wrong unacceptable ineffective ban banned abolish abolished
    """.split()
)

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
BLAME_ACTS = frozenset(
    """
    use attack attacks strike strikes shelling bombing bombardment violation violations
    aggression escalation provocation provocations buildup build expansion militarization
    militarisation incursion invasion occupation interference meddling sabotage
    chemical chemicals toxic weapons weapon atrocities atrocity crimes crime killing killings
    massacre genocide terrorism terrorist blockade sanctions coercion intimidation
    destabilization destabilisation deployment deployments encirclement hostilities
    """.split()
)

#: Nouns of framing: who is said to escalate, provoke or threaten.
FRAMING_NOUNS = frozenset(
    """
    aggression escalation provocation provocations buildup expansion militarization
    militarisation expansionism encirclement interference meddling threat threats
    hegemony coercion destabilization destabilisation invasion occupation
    """.split()
)

#: Words of concern or accusation: the statement blames someone for something.
CONCERN_WORDS = frozenset(
    """
    concern concerns concerned alarm alarmed condemn condemns condemned condemnation
    findings allegations allegation accuse accuses accused accusation accusations blame
    blames blamed responsibility responsible deplore deplores deplored denounce denounced
    violation violations culpability perpetrators
    """.split()
)

#: Words reporting an outcome reached together.
JOINT_OUTCOME = frozenset(
    """
    agreed agreement agreements signed sign signing concluded reached adopted joint
    jointly together both memorandum accord consensus committed commit
    """.split()
)

#: One-word actor names (demonyms, short forms, capitals) -> the actor they name, from the shared gazetteer.
DEMONYMS = actor_words()

#: Words that may follow an actor word to name its agents ("Ukrainian armed forces").
AGENT_HEADS = frozenset(
    """
    forces force army military troops militants regime government authorities side
    officials navy aircraft drones units soldiers fighters militia militias leadership
    """.split()
)

#: Prepositions after which an actor is a place, target or victim, not an agent.
PLACE_PREPOSITIONS = frozenset("in to on against into toward towards at inside over".split())

#: Nouns of acts: a possessive actor just before one is the doer ("in response to Russia's actions").
OWNED_ACTS = frozenset(
    """
    action actions activity activities conduct behaviour behavior policy policies decision decisions
    moves operation operations war campaign
    """.split()
)

#: Words before "on"/"against" + actor that make the actor the one addressed or punished, not a
#: victim ("called on Russia to", "impose severe costs on Russia", "sanctions against Iran").
ADDRESSING = frozenset(
    """
    call calls called calling urge urged urges urging costs cost consequences sanctions sanction
    penalties pressure measures impose imposed imposing restrictions tariffs
    """.split()
)

#: Month names (full and abbreviated): a number next to one is a date, not a quantity.
MONTHS = frozenset(
    """
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    """.split()
)

#: Function words ignored when measuring content overlap.
STOPWORDS = frozenset(
    """
    a an the and or but if of in on at to for from by with about as into over under
    is are was were be been being am do does did has have had having it its this that
    these those there here he she they them his her their him we our us you your i my me
    which who whom whose what when where how than then so such very also just can could
    would will shall may might must should other some any each all both more most
    while during after before between out up down off again further once same own
    """.split()
)

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
CUE_OUTCOME_VERBS = frozenset(
    """
    agreed signed sign signing concluded adopted reached committed decided established launched endorsed
    approved
    """.split()
)
