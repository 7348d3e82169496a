"""Draw the eleventh batch of the real gold set (issue #20): an untouched split ``test11`` of pairs of documents
that record one meeting, compared across the two documents (``pairs.gold.json``).

Run from the repository root: ``python benchmarks/gold_real/select_readouts11.py`` (``--write`` also writes the draw
to ``readouts11.json``). Prints the candidate pairs of both rules, then one line per drawn document: stratum, the
split it joins (``test11``), its body's word count and its path relative to ``../shared/datasets/real_readouts/raw``.
Re-running gives the same draw.

Wanted: two readouts of one meeting or call issued by two different sides (president.gov.ua's readout of
Zelenskyy's call with the Secretary or the President and the State Department's or White House's readout of the same
call; a Kremlin readout and another issuer's readout of one event). ``two_issuer_pairs`` looks for them: two
documents of different folders of ``raw/`` (``ua``, ``state``, ``wh_joint``, ``kremlin``), dated the same day or one
day apart, where the title of each names the other folder's principal (``SITE_SIDE``: Zelenskyy, his Office's
Head and Deputy Head, the Prime Minister or Foreign Minister of Ukraine; the Secretary, Deputy or Under Secretary of
State; Putin; Biden). **It finds none**, so the batch holds no two-issuer pair. Checked beyond the rule, by reading:

- the Kremlin and president.gov.ua folders cover 2021-10-25 to 2022-06-24 and the State folder has nothing from
  2021-08-15 to 2022-01-31, so the Secretary's visit to Kyiv (2022-01-19) and the meetings of 2021-11-11 are read out
  by president.gov.ua only; the State readouts of 2022 with a Ukrainian counterpart are of the Foreign Minister, the
  Prime Minister or a Deputy Foreign Minister, whose own sites are not in the corpus;
- the White House readouts of Biden's calls with Zelenskyy and Putin are not in ``raw/`` (``../wh_readouts`` has
  them, with no header of this format), and the days of both calls with Putin (2021-12-07, 2022-02-12) and of five
  with Zelenskyy are missing from the ``ua`` and ``kremlin`` folders altogether (on the days of three more calls, in
  March 2022, president.gov.ua has addresses but no readout): the corpus's ``SOURCE.txt`` says items dated within a
  day of certain meetings were left out on purpose for an independent evaluation, so they were not looked for
  elsewhere;
- a looser test (a title or the first 400 characters of the body naming the other side's principal) gives two
  pairs, both false: the State readout of the Secretary's meeting with Kuleba (2022-05-15) against president.gov.ua's
  readouts of Yermak's and Sybiha's meetings with Polish officials, which mention neither.

So, as ``select_readouts7`` found for ``test7``, the raw corpus holds no pair of this kind. In its place the batch
takes the nearest pairs that exist, ``one_meeting_pairs``: the State Department's two documents of one meeting of
the Secretary with a single foreign counterpart, **the readout** ("Secretary Blinken's Meeting with X": the US
account of the meeting, in the issuer's voice, no speaker labels) and **the transcript of the remarks both gave
at the start of that meeting** ("Secretary Antony J. Blinken and X Before Their Meeting": the counterpart's own
words), so that the US account of the meeting can be set against what the other side said. Unlike the wanted
pairs, both documents are one issuer's; like them, they are one meeting and the counterpart's side speaks only in
one of them. The rule:

- readout title ``READOUT_TITLE`` ("Secretary Blinken's Meeting with ...", or "The Secretary's Meeting with ..."),
  with no speaker label in its body; transcript title ``TRANSCRIPT_TITLE`` ("Secretary Antony J. Blinken and/with
  ... Before Their Meeting");
- the two dated the same day or one day apart, and the counterpart's surname (the last word of the readout's
  "with ..." phrase, a trailing "Jr." dropped) in the transcript's title;
- a single counterpart: exactly one speaker label of the transcript names a foreign office
  (``select_readouts9.STATE_FOREIGN``), so meetings with two or three foreign principals (Kosovo's President and
  Prime Minister, three Central American ministers) drop out; the rule on titles alone had let them in.

Candidates: none of the documents already in ``split.json`` (those drawn here excepted, so the draw does not change
once its documents are annotated) or in an earlier draw file (``readouts3.json`` to ``readouts9.json``,
``dev2.json``), none that is a source of the learned comparer's silver pairs (``training/silver_pairs.json``), none
quoted as a worked example in the annotation guide, and no meeting already measured: a pair is dropped when an
annotated State document has the same date as either of its documents and the counterpart's surname in its title
(the Kenyan, Qatari, Danish and Polish meetings), or when the parallel batch ``test10`` drew a document of that
meeting (``PARALLEL_TEST10``, its draw when this one was made: the Stoltenberg, Mirzoyan, Pham Minh Chinh and Colonna
meetings; ``readouts10.json`` itself is not held against this draw, so it stays the same once the two are merged).
Bodies of 60 to 600 words each (900 for the earlier batches; lowered so that every statement of both documents and
every cross-side relation, within the transcript and across the pair, can be labelled by hand in one session).

Draw: 4 pairs (8 documents), a seeded random sample of the sorted candidate pairs, then 1 more pair drawn last from
the candidates left (``TOP_UP``; about 5 pairs were wanted, and in two of the first four the readout is all joint
or the US side's one statement has no counterpart, so they carry no cross-document relation); drawing it last
leaves the first four unchanged. Every drawn document joins ``test11``; each pair is one entry of
``pairs.gold.json`` (pair id ``us-<counterpart>-<date>``). The earlier draws ignore ``readouts11.json`` so they stay
reproducible.
"""

from __future__ import annotations

import itertools
import json
import random
import re
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import select_readouts3  # noqa: E402  (the body reader, the speaker-label pattern and the report)
import select_readouts5  # noqa: E402  (the silver sources)
import select_readouts7  # noqa: E402  (title_of)
import select_readouts9  # noqa: E402  (the guide's examples and the foreign-office label pattern)

SEED = 20261213
GOLD_ROOT = Path(__file__).resolve().parent
RAW = select_readouts5.RAW
WORDS = (60, 600)
PAIRS_WANTED = 4
TOP_UP = 1
DRAWN = GOLD_ROOT / "readouts11.json"
EARLIER = ("readouts3.json", "readouts4.json", "readouts5.json", "dev2.json", "readouts6.json", "readouts7.json",
           "readouts8.json", "readouts9.json")
# The parallel batch test10's draw (readouts10.json on branch gold-test10) when this draw was made: its meetings are
# not measured twice.
PARALLEL_TEST10 = frozenset({
    "2023-04-20_wh-joint-remarks-by-president-biden-and-president-gustavo-petro-of-colombia-bef",
    "2023-07-13_wh-joint-remarks-by-president-biden-and-president-sauli-niinisto-of-the-republi",
    "2022-05-16_kremlin-conversation-with-president-of-kazakhstan-kassym-jomart-tokayev",
    "2022-05-16_kremlin-conversation-with-prime-minister-of-armenia-nikol-pashinyan",
    "2022-05-02_state-secretary-antony-j-blinken-and-armenian-foreign-minister-ararat-mirzoy",
    "2022-06-24_state-secretary-antony-j-blinken-and-french-foreign-minister-catherine-colon",
    "2022-04-06_state-secretary-antony-j-blinken-and-nato-secretary-general-jens-stoltenberg",
    "2022-05-13_state-secretary-antony-j-blinken-and-vietnamese-prime-minister-pham-minh-chi",
})
# How a title names the principals whose meetings each folder reads out.
SITE_SIDE = {
    "ua": r"Zelensk|Yermak|Zhovkva|Shmyhal|Kuleba|President of Ukraine|Ukrainian President|Head of the (?:President's )?Office",
    "state": r"Secretary of State|Blinken|Sherman|Nuland|Deputy Secretary|Under Secretary",
    "kremlin": r"Putin|President of Russia|Russian President",
    "wh_joint": r"Biden|President of the United States|U\.?S\.? President",
}
READOUT_TITLE = re.compile(r"^(?:The Secretary|Secretary Blinken)’s Meeting [Ww]ith (?P<who>.+)$")
TRANSCRIPT_TITLE = re.compile(r"^Secretary Antony J\. Blinken,? (?:[Aa]nd|[Ww]ith) (?P<who>.+) Before Their Meeting$")


def days_apart(a: Path, b: Path) -> int:
    return abs((date.fromisoformat(a.stem[:10]) - date.fromisoformat(b.stem[:10])).days)


def words(path: Path) -> int:
    return len(select_readouts3.body_of(path).split())


def two_issuer_pairs(excluded: set[str]) -> list[tuple[Path, Path]]:
    """Two issuers' documents of one meeting: different folders, at most a day apart, each title naming the other
    folder's principal. Sorted; none in the present corpus (see the module docstring)."""
    files = {folder: sorted((RAW / folder).glob("*.txt")) for folder in SITE_SIDE}
    pairs = []
    for first, second in itertools.combinations(sorted(SITE_SIDE), 2):
        for a in files[first]:
            if a.stem in excluded or not re.search(SITE_SIDE[second], select_readouts7.title_of(a)):
                continue
            for b in files[second]:
                if b.stem in excluded or days_apart(a, b) > 1:
                    continue
                if re.search(SITE_SIDE[first], select_readouts7.title_of(b)):
                    pairs.append((a, b))
    return pairs


def surname(who: str) -> str:
    """The counterpart's surname: the last word of the readout's "with ..." phrase, a trailing "Jr." dropped."""
    return re.sub(r",? Jr\.?$", "", who.strip()).split()[-1].strip(",.")


def foreign_labels(path: Path) -> set[str]:
    """The transcript's speaker labels that name a foreign office (their last line)."""
    labels = {match.group().strip(" .?!:\n").splitlines()[-1]
              for match in select_readouts3.LABEL.finditer(select_readouts3.body_of(path))}
    return {label for label in labels if select_readouts9.STATE_FOREIGN.match(label)}


def one_meeting_pairs(excluded: set[str], measured: set[tuple[str, str]]) -> list[tuple[Path, Path]]:
    """(readout, transcript) of one State meeting with a single foreign counterpart. Sorted by readout."""
    state = sorted((RAW / "state").glob("*.txt"))
    transcripts = [path for path in state if TRANSCRIPT_TITLE.match(select_readouts7.title_of(path))]
    pairs = []
    for readout in state:
        match = READOUT_TITLE.match(select_readouts7.title_of(readout))
        if not match or select_readouts3.LABEL.search(select_readouts3.body_of(readout)):
            continue
        name = surname(match.group("who"))
        for transcript in transcripts:
            if days_apart(readout, transcript) > 1 or name not in select_readouts7.title_of(transcript):
                continue
            if len(foreign_labels(transcript)) != 1:
                continue
            if {readout.stem, transcript.stem} & excluded:
                continue
            if {(readout.stem[:10], name), (transcript.stem[:10], name)} & measured:
                continue
            if all(WORDS[0] <= words(path) <= WORDS[1] for path in (readout, transcript)):
                pairs.append((readout, transcript))
    return pairs


def _exclusions() -> tuple[set[str], set[tuple[str, str]]]:
    drawn_here = set(json.loads(DRAWN.read_text(encoding="utf-8"))) if DRAWN.exists() else set()
    annotated = set(json.loads((GOLD_ROOT / "split.json").read_text(encoding="utf-8"))) - drawn_here
    annotated -= select_readouts3.later_draws("readouts10.json")  # drawn in parallel; PARALLEL_TEST10 stands for it
    annotated -= select_readouts3.later_draws(*select_readouts3.later_files(11))  # drawn after this batch
    for earlier in EARLIER:
        annotated |= set(json.loads((GOLD_ROOT / earlier).read_text(encoding="utf-8")))
    excluded = annotated | select_readouts5.silver_sources() | select_readouts9.GUIDE_EXAMPLES | PARALLEL_TEST10
    measured = set()
    for path in sorted((RAW / "state").glob("*.txt")):
        if path.stem in annotated | PARALLEL_TEST10:
            title = select_readouts7.title_of(path)
            measured |= {(path.stem[:10], word.strip(",.’")) for word in title.split()}
    return excluded, measured


def pair_id(readout: Path) -> str:
    match = READOUT_TITLE.match(select_readouts7.title_of(readout))
    assert match is not None
    return f"us-{surname(match.group('who')).lower()}-{readout.stem[:10]}"


def drawn_pairs() -> list[tuple[Path, Path]]:
    """The drawn (readout, transcript) pairs, in draw order."""
    excluded, measured = _exclusions()
    pairs = one_meeting_pairs(excluded, measured)
    rng = random.Random(SEED)
    picked = rng.sample(pairs, min(PAIRS_WANTED, len(pairs)))
    left = [pair for pair in pairs if pair not in picked]
    return picked + rng.sample(left, min(TOP_UP, len(left)))


def draw() -> list[tuple[str, str, Path]]:
    """(stratum, split, path) of the drawn documents, two per pair; no document is drawn twice."""
    excluded, _ = _exclusions()
    chosen = [("two-issuer pair", "test11", path) for pair in two_issuer_pairs(excluded) for path in pair]
    for readout, transcript in drawn_pairs():
        chosen += [("one meeting: readout", "test11", readout), ("one meeting: transcript", "test11", transcript)]
    return chosen


if __name__ == "__main__":
    excluded, measured = _exclusions()
    print(f"two-issuer pairs: {len(two_issuer_pairs(excluded))}")
    candidates = one_meeting_pairs(excluded, measured)
    print(f"one-meeting pairs (readout + transcript): {len(candidates)}")
    for readout, transcript in candidates:
        print(f"  {words(readout)}+{words(transcript)}\t{readout.stem} | {transcript.stem}")
    print("drawn:")
    select_readouts3.report(draw(), DRAWN, sys.argv)
