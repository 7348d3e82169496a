"""The learned comparer's evidence: the content words a pair shares, named in its ``model`` cue (issue #20)."""

from __future__ import annotations

import re

from claimcmp.compare import compare_sides
from claimcmp.compare.cues import Cue
from claimcmp.compare.learned import SHARED_WORDS_LABEL, SHARED_WORDS_SHOWN, with_shared_words
from claimcmp.extract import extract_statements
from claimcmp.ingest import load_releases
from claimcmp.report._view import evidence_terms

from ..conftest import SEED

MULTIPARTY = SEED.parent / "multiparty" / "br-ar-cl-foreign-ministers-2024-06-12.txt"


def _model(detail: str = "learned comparer p(agreement)=0.85, cosine 0.61") -> Cue:
    return Cue("model", detail, "agreement")


def test_shared_words_are_named_rarest_first_then_alphabetically_and_capped():
    content = [
        frozenset({"grain", "exports", "region", "talks", "black", "sea", "ports", "corridor"}),
        frozenset({"grain", "exports", "region", "talks", "black", "sea", "ports", "corridor", "safe"}),
        frozenset({"region", "talks"}),
        frozenset({"talks"}),
    ]
    other = Cue("negation", "not", "counter_claim")
    cues = with_shared_words([[other, _model()]], ([0], [1]), content, members=[0, 1, 2, 3])
    detail = cues[0][1].detail
    assert detail.startswith("learned comparer p(agreement)=0.85, cosine 0.61; " + SHARED_WORDS_LABEL)
    words = detail.split(SHARED_WORDS_LABEL)[1].split(", ")
    # each word of the pair once among the others: by name; "region" (3) and "talks" (4) are the commonest
    assert words == ["black", "corridor", "exports", "grain", "ports"][:SHARED_WORDS_SHOWN]
    assert cues[0][0] == other  # only the model cue is touched


def test_a_pair_sharing_no_content_word_keeps_its_detail():
    content = [frozenset({"grain"}), frozenset({"energy"})]
    cues = with_shared_words([[_model()]], ([0], [1]), content, members=[0, 1])
    assert cues[0][0].detail == _model().detail


def test_the_report_highlights_the_shared_words_and_not_the_probability_text():
    from claimcmp.compare.result import Evidence, Relation, StatementRef

    ref = StatementRef("s", "r", 0, 5, "A", "grain exports")
    cue = _model("learned comparer p(agreement)=0.85, cosine 0.61; shared words: grain, exports")
    relation = Relation("agreement", 0.85, {"agreement": 0.85, "counter_claim": 0.05, "unrelated": 0.1}, None,
                        Evidence(ref, ref, (cue,), 0.61))
    assert evidence_terms(relation) == ["exports", "grain"]
    bare = Relation("agreement", 0.85, relation.probabilities, None, Evidence(ref, ref, (_model(),), 0.61))
    assert evidence_terms(bare) == []


def test_learned_relations_on_real_statements_name_words_both_statements_hold():
    """Real embedder and shipped model, the three-party fixture: every learned relation that names shared words
    names words found in both statements; the labels are those of the comparer (evidence only)."""
    release = load_releases(MULTIPARTY)[0]
    statements = extract_statements(release)
    result = compare_sides(statements, ("Argentina", "Chile"), comparer="learned", include_unrelated=True)
    named = 0
    for relation in result.relations:
        model = next(c for c in relation.evidence.cues if c.name == "model")
        if SHARED_WORDS_LABEL not in model.detail:
            continue
        named += 1
        words = model.detail.split(SHARED_WORDS_LABEL)[1].split(", ")
        assert 1 <= len(words) <= SHARED_WORDS_SHOWN
        for word in words:
            for text in (relation.evidence.a.text, relation.evidence.b.text):
                assert re.search(rf"\b{re.escape(word)}\b", text, re.IGNORECASE), (word, text)
    assert named >= 3  # the ministers share words on lithium, export duties and crime
