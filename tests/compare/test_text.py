from claimcmp.compare.text import profile, tokenize

from .conftest import SEED_A, SEED_B


def test_tokenize_splits_contractions_into_not():
    assert tokenize("He isn't here and can't stay") == ["he", "is", "not", "here", "and", "can", "not", "stay"]


def test_possessive_is_stripped():
    assert tokenize("Russia's escalation") == ["russia", "escalation"]


def test_seed_statements_roles():
    a, b = profile(SEED_A), profile(SEED_B)
    assert a.places == {"ukraine"} and not a.agents
    assert "ukraine" in b.agents
    assert {"toxic", "chemicals"} <= b.blame_acts
    assert "concern" in a.concern


def test_negations_counted():
    assert profile("Nobody is not here").n_negations == 2
    assert profile("A man is playing").n_negations == 0


def test_united_states_detected_case_sensitively():
    assert "united states" in profile("The US rejected it").actors
    assert "united states" not in profile("He told us about it").actors
