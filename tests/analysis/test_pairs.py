"""Which pairs of sides ``analyze()`` compares, and what a meeting of more than two parties gets."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest

from claimcmp.analysis import SIDE_PAIR_MODES, Analysis, analyze, compared_pairs, default_pair, pair_scopes
from claimcmp.cli import build_parser
from claimcmp.errors import ConfigurationError
from claimcmp.model import Statement, StatementKind
from claimcmp.report.json_report import load_schema
from tests.analysis.helpers import fast_options, seed_path

MULTIPARTY = Path(__file__).resolve().parents[2] / "fixtures" / "multiparty"
TRILATERAL = MULTIPARTY / "br-ar-cl-foreign-ministers-2024-06-12.txt"


def _statement(release: str, side: str | None, n: int) -> Statement:
    text = f"statement {n:02d}"
    start = 20 * n
    return Statement(id=f"{release}@{start}-{start + len(text)}", release_id=release, text=text, start=start,
                     end=start + len(text),
                     speaker=None, side=side, kind=StatementKind.REPORTED)


def _statements(spec: list[tuple[str, str | None]]) -> list[Statement]:
    return [_statement(release, side, n) for n, (release, side) in enumerate(spec)]


# A series: r1 is a meeting of A, B and C; r2 a bilateral of A and D; r3 has D alone; joint and no side ignored.
SERIES = _statements([
    ("r1", "A"), ("r1", "A"), ("r1", "A"), ("r1", "B"), ("r1", "B"), ("r1", "C"), ("r1", "joint"), ("r1", None),
    ("r2", "A"), ("r2", "D"), ("r3", "D"), ("r3", "D"),
])


def test_sides_are_ranked_by_statements_and_the_main_pair_is_the_two_largest() -> None:
    # A 4, B 2, D 3, C 1: joint and None never count as sides
    assert default_pair(SERIES) == ("A", "D")


def test_together_adds_every_pair_that_speaks_in_one_release_after_the_main_pair() -> None:
    assert compared_pairs(SERIES, None, None) == (("A", "D"), ("A", "B"), ("A", "C"), ("B", "C"))
    assert compared_pairs(SERIES, None, "together") == compared_pairs(SERIES, None, None)


def test_together_compares_the_other_pairs_within_the_releases_where_both_speak() -> None:
    scopes = dict(pair_scopes(SERIES, None, None))
    assert scopes == {("A", "D"): None, ("A", "B"): {"r1"}, ("A", "C"): {"r1"}, ("B", "C"): {"r1"}}
    # the main pair, "all" and named pairs are compared over every release
    assert all(scope is None for _, scope in pair_scopes(SERIES, None, "all"))
    assert all(scope is None for _, scope in pair_scopes(SERIES, None, [("B", "C"), ("A", "D")]))
    assert pair_scopes(SERIES, ("B", "C"), "together")[0] == (("B", "C"), None)
    assert pair_scopes(_statements([("r1", "A")]), None, None) == ()


def test_largest_and_all() -> None:
    assert compared_pairs(SERIES, None, "largest") == (("A", "D"),)
    everything = compared_pairs(SERIES, None, "all")
    assert everything[0] == ("A", "D")
    assert set(everything) == {("A", "D"), ("A", "B"), ("A", "C"), ("D", "B"), ("D", "C"), ("B", "C")}
    assert len(everything) == 6  # each pair once, the higher-ranked side first


def test_a_given_pair_is_compared_alone_unless_side_pairs_asks_for_more() -> None:
    assert compared_pairs(SERIES, ("B", "C"), None) == (("B", "C"),)
    assert compared_pairs(SERIES, ("C", "B"), "together") == (("C", "B"), ("A", "D"), ("A", "B"), ("A", "C"))


def test_named_pairs_are_taken_as_given_in_order_without_repeats() -> None:
    assert compared_pairs(SERIES, None, [("B", "C"), ("A", "B"), ("B", "C")]) == (("B", "C"), ("A", "B"))
    assert compared_pairs(SERIES, ("A", "D"), [("B", "C")]) == (("A", "D"), ("B", "C"))


@pytest.mark.parametrize("bad", [[("A", "A")], [("A",)], ["AB"]])
def test_a_malformed_pair_is_a_configuration_error_with_a_fix(bad: list) -> None:
    with pytest.raises(ConfigurationError, match="two different sides") as info:
        compared_pairs(SERIES, None, bad)
    assert info.value.fix


def test_an_unknown_mode_is_a_configuration_error_naming_the_modes() -> None:
    with pytest.raises(ConfigurationError, match="not a mode") as info:
        compared_pairs(SERIES, None, "every")  # type: ignore[arg-type]
    assert "together" in info.value.fix


def test_fewer_than_two_sides_compare_nothing() -> None:
    one_side = _statements([("r1", "A"), ("r1", "joint"), ("r1", None)])
    for mode in SIDE_PAIR_MODES:
        assert compared_pairs(one_side, None, mode) == ()


def test_the_cli_offers_the_same_modes() -> None:
    report = next(p for sub in build_parser()._subparsers._group_actions  # type: ignore[union-attr]
                  for name, p in sub.choices.items() if name == "report")
    action = next(a for a in report._actions if a.dest == "side_pairs")
    assert tuple(action.choices) == SIDE_PAIR_MODES


def _listing_options() -> dict:
    """Fake embedder and random head, every cross pair listed (unrelated ones too): each pair leaves a trace."""
    options = fast_options()
    options["compare_options"] = {**options["compare_options"], "include_unrelated": True}
    return options


@pytest.fixture(scope="module")
def trilateral() -> Analysis:
    return analyze(TRILATERAL, reuse=False, **_listing_options())


def test_a_meeting_of_three_parties_compares_its_three_pairs(trilateral: Analysis) -> None:
    pairs = trilateral.settings.compared_pairs
    assert len(pairs) == 3
    assert {frozenset(p) for p in pairs} == {
        frozenset(p) for p in [("Argentina", "Brazil"), ("Argentina", "Chile"), ("Brazil", "Chile")]
    }
    assert pairs[0] == trilateral.compared_sides
    pair_of = {frozenset((r.evidence.a.side, r.evidence.b.side)) for r in trilateral.relations}
    assert pair_of <= {frozenset(p) for p in pairs}
    assert len(pair_of) == 3  # every cross pair is listed (unrelated included), so each compared pair shows


def test_each_pair_reads_as_it_does_when_compared_alone(trilateral: Analysis) -> None:
    for pair in trilateral.settings.compared_pairs:
        alone = analyze(TRILATERAL, pair=pair, reuse=False, **_listing_options())
        assert alone.settings.compared_pairs == (pair,)
        expected = [(r.relation, r.evidence.a.id, r.evidence.b.id, r.score) for r in alone.relations]
        got = [(r.relation, r.evidence.a.id, r.evidence.b.id, r.score) for r in trilateral.relations
               if (r.evidence.a.side, r.evidence.b.side) == pair]
        assert got == expected
        assert len(expected) == 9  # 3 x 3 statements: the check is not vacuous


def test_the_main_pair_reads_the_same_with_or_without_the_other_pairs(trilateral: Analysis) -> None:
    main_only = analyze(TRILATERAL, reuse=False, side_pairs="largest", **_listing_options())
    main = set(trilateral.compared_sides or ())
    ours = [(r.relation, r.evidence.a.id, r.evidence.b.id, r.score) for r in trilateral.relations
            if {r.evidence.a.side, r.evidence.b.side} == main]
    theirs = [(r.relation, r.evidence.a.id, r.evidence.b.id, r.score) for r in main_only.relations]
    assert ours == theirs
    assert main_only.settings.compared_pairs == (main_only.compared_sides,)
    assert trilateral.topics == main_only.topics  # topics do not depend on the pairs


def test_relations_of_all_pairs_are_ordered_counter_claims_first_then_by_score(trilateral: Analysis) -> None:
    rank = {"counter_claim": 0, "agreement": 1, "unrelated": 2}
    keys = [(rank[r.relation], -r.score) for r in trilateral.relations]
    assert keys == sorted(keys)
    assert len({r.relation for r in trilateral.relations}) >= 2  # the order is tested across labels


def test_one_sided_topics_name_the_side_of_their_pair_that_said_nothing(trilateral: Analysis) -> None:
    pairs = {frozenset(p) for p in trilateral.settings.compared_pairs}
    assert len({frozenset((t.side, t.other)) for t in trilateral.one_sided_topics}) == 3  # one per pair at least
    for t in trilateral.one_sided_topics:
        assert t.other is not None and t.other != t.side
        assert frozenset((t.side, t.other)) in pairs


def test_the_json_report_records_every_pair_validates_and_round_trips(trilateral: Analysis) -> None:
    data = json.loads(trilateral.to_json())
    jsonschema.validate(data, load_schema())
    assert data["schema_version"] == "1.1"
    assert [tuple(p) for p in data["settings"]["compared_pairs"]] == list(trilateral.settings.compared_pairs)
    back = Analysis.from_dict(data)
    assert back.settings.compared_pairs == trilateral.settings.compared_pairs
    assert back.to_json() == trilateral.to_json()


def test_a_report_of_schema_1_0_is_read_with_its_one_pair() -> None:
    seed = analyze(seed_path(), reuse=False, **fast_options())
    data = json.loads(seed.to_json())
    data["schema_version"] = "1.0"
    del data["settings"]["compared_pairs"]
    for t in data["one_sided_topics"]:
        del t["other"]
    back = Analysis.from_dict(data)
    assert back.settings.compared_pairs == (seed.compared_sides,)
    assert all(t.other is None for t in back.one_sided_topics)


def test_the_markdown_and_html_reports_list_every_compared_pair(trilateral: Analysis) -> None:
    markdown = trilateral.to_markdown()
    settings_row = next(line for line in markdown.splitlines() if line.startswith("| compared sides"))
    for a, b in trilateral.settings.compared_pairs:
        assert f"{a} vs {b}" in settings_row

    class Text(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.chunks: list[str] = []
            self.headers: list[str] = []
            self._in_th = False

        def handle_starttag(self, tag: str, attrs: list) -> None:
            self._in_th = tag == "th"

        def handle_endtag(self, tag: str) -> None:
            self._in_th = False

        def handle_data(self, data: str) -> None:
            self.chunks.append(data)
            if self._in_th:
                self.headers.append(data.strip())

    page = Text()
    page.feed(trilateral.to_html())
    text = " ".join(" ".join(page.chunks).split())
    assert "and 2 more pairs" in text
    assert "Not raised by" in page.headers


def test_the_real_model_reports_an_agreement_outside_the_two_largest_sides() -> None:
    """Default embedder and comparer: Argentina and Chile agree on organised crime; Argentina and Brazil, the
    two largest sides (ties by name), are the main pair, which was all ``analyze()`` compared before."""
    analysis = analyze(TRILATERAL, reuse=False)
    assert analysis.compared_sides == ("Argentina", "Brazil")
    assert len(analysis.settings.compared_pairs) == 3
    crime = [r for r in analysis.agreements
             if {r.evidence.a.side, r.evidence.b.side} == {"Argentina", "Chile"} and "crime" in r.evidence.a.text]
    assert crime and "crime" in crime[0].evidence.b.text
    main_only = analyze(TRILATERAL, reuse=False, side_pairs="largest")
    assert not any({r.evidence.a.side, r.evidence.b.side} == {"Argentina", "Chile"} for r in main_only.relations)


def test_the_html_header_names_at_most_five_other_pairs(trilateral: Analysis) -> None:
    import dataclasses

    main = trilateral.settings.compared_pairs[0]
    many = (main, *((f"S{k}", f"T{k}") for k in range(7)))
    analysis = dataclasses.replace(trilateral, settings=dataclasses.replace(trilateral.settings, compared_pairs=many))
    page = analysis.to_html()
    assert "and 7 more pairs" in page
    header = page[page.index("<header"):page.index("</header>")]
    assert "S4 vs T4" in header and "S5 vs T5" not in header and "; …)" in header
    settings = page[page.index('id="settings"'):]
    assert all(f"S{k} vs T{k}" in settings for k in range(7))  # the settings list every pair
