"""Draw the seventh batch of the real gold set (issues #20, #21): an untouched split ``test7`` of two-sided meetings.

Run from the repository root: ``python benchmarks/gold_real/select_readouts7.py`` (``--write`` also writes the draw
to ``readouts7.json``). Prints one line per drawn document: stratum, the split it joins (``test7``), its body's word
count and its path relative to ``../shared/datasets/real_readouts/raw``. Re-running gives the same draw.

Every earlier split (``dev``, ``test``, ``test2`` to ``test6``) had been scored when this batch was drawn, so nothing
untouched was left to report cross-side relations (issue #20) and meeting-scale agenda topics (issue #21) on. Both
need two sides, so this batch is weighted entirely to documents in which both sides speak, or to two sides' readouts
of one meeting:

- two-readout pairs: one meeting or call read out by two different sides' sites (president.gov.ua and the State
  Department, the Kremlin and the State Department or the White House, president.gov.ua and the White House), found
  by ``cross_site_pairs``: two documents of different folders dated within a day of each other, where the title of
  each names the other site's principal (the President of Ukraine or his Office, the Secretary or Deputy Secretary
  of State, the President of Russia, the President of the United States). Up to 3 pairs were wanted; none exists in
  the raw corpus. The Kremlin and president.gov.ua folders cover 2021-10-25 to 2022-06-24; the State Department
  folder has no document from 2021-08-15 to 2022-01-31 (so none for the Secretary's visit to Kyiv on 2022-01-19 or
  the Under Secretary's on 2021-11-11, both read out by president.gov.ua); the White House transcripts with
  Zelenskyy fall outside that window (2021-09-01, and from 2022-12-21 on); the State Department's Ukrainian
  counterpart is the Foreign Minister, whose ministry's site is not in the corpus; and the White House's readouts of
  calls with Putin are not in ``raw/``. The function is kept so the claim can be
  re-checked, and the stratum draws nothing;
- White House, short transcript in which the President and a foreign leader both speak: 3;
- Kremlin, talks transcript, press statements or news conference in which Putin and a foreign leader both speak: 2;
- in place of the missing two-site pairs, up to 3 pairs of two White House transcripts of one visit
  (``same_visit_pairs``: same date, the same foreign leader named in both titles, the titles different, so not two
  versions of one transcript), both two-sided and of the candidates' length; exactly 3 such pairs exist (Yoon Suk
  Yeol in Seoul 2022-05-21 and in Washington 2023-04-26, William Ruto 2024-05-23), so all are drawn, in a seeded
  order. Like the Kremlin's talks and press statements with Argentina already in ``pairs.gold.json``, both documents
  of a pair are one side's publication, but each has both sides speaking and they are about one visit, so their
  cross-document relations can be listed exhaustively. Drawn last, so the strata above do not depend on them.

Candidates: none of the documents already in ``split.json`` (those drawn here excepted, so the draw does not change
once its documents are annotated), none that is a source of the learned comparer's silver pairs
(``training/silver_pairs.json``), bodies of 60 to 900 words (short enough to label every statement and every
cross-side relation by hand), at least two different speaker labels of which one is neither the host leader
(``PRESIDENT BIDEN``, ``Vladimir Putin``) nor the press (``Q``); within each stratum a seeded random sample of
sorted candidate paths (``select_readouts5.candidates``). Every drawn document joins ``test7``; the earlier draws
ignore it so they stay reproducible, and this draw ignores the draw files of the later batches
(``select_readouts3.later_files``).
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
import select_readouts5  # noqa: E402  (the candidate filter and the silver sources)

SEED = 20261210
GOLD_ROOT = Path(__file__).resolve().parent
RAW = select_readouts5.RAW
WORDS = (60, 900)
DRAWN = GOLD_ROOT / "readouts7.json"
HOSTS = re.compile(r"^(?:PRESIDENT BIDEN|THE PRESIDENT|Vladimir Putin|Q|MODERATOR)$", re.I)
KREMLIN_TWO_SIDED = (r"press-statements|statements-for-the-press|news-conference-following|talks-with|-talks$"
                     r"|meeting-with-(?:president|prime-minister|king|emir|crown-prince|chancellor)")
KREMLIN_NOT = r"^on-|annual|union-of|academy|commissioner|security-council|will-hold|will-meet|will-have|cis-heads"
# How a title names the principals whose meetings each folder reads out (the President of Ukraine and his Office;
# the Secretary and Deputy Secretary of State; the President of Russia; the President of the United States).
SITE_SIDE = {
    "ua": r"Zelensk|Yermak|Zhovkva|President of Ukraine|Ukrainian President|Head of the (?:President's )?Office",
    "state": r"Secretary of State|Blinken|Sherman|Deputy Secretary",
    "kremlin": r"Putin|President of Russia|Russian President",
    "wh_joint": r"Biden|President of the United States|U\.S\. President",
}
# (stratum, folders, pattern on the slug, pattern the slug must not match, count)
STRATA: tuple[tuple[str, tuple[str, ...], str, str, int], ...] = (
    ("wh short transcript, both leaders speak", ("wh_joint",), r".", r"^$", 3),
    ("kremlin talks or press statements, both leaders speak", ("kremlin",), KREMLIN_TWO_SIDED, KREMLIN_NOT, 2),
)
PAIRS_WANTED = 3
SAME_VISIT_PAIRS = 3


def title_of(path: Path) -> str:
    head = path.read_text(encoding="utf-8").partition("\n---\n")[0]
    return next((line[6:].strip() for line in head.splitlines() if line.startswith("title:")), "")


def cross_site_pairs(excluded: set[str]) -> list[tuple[Path, Path]]:
    """Two sides' documents of one meeting: different folders, dated within a day, each title naming the other
    site's principal. Sorted; none in the present corpus (see the module docstring)."""
    files = {folder: sorted((RAW / folder).glob("*.txt")) for folder in SITE_SIDE}
    pairs = []
    for first, second in (("ua", "state"), ("ua", "wh_joint"), ("ua", "kremlin"), ("kremlin", "state"),
                          ("kremlin", "wh_joint")):
        for a in files[first]:
            for b in files[second]:
                days = abs((date.fromisoformat(a.stem[:10]) - date.fromisoformat(b.stem[:10])).days)
                if days > 1 or a.stem in excluded or b.stem in excluded:
                    continue
                if re.search(SITE_SIDE[second], title_of(a)) and re.search(SITE_SIDE[first], title_of(b)):
                    pairs.append((a, b))
    return pairs


def same_visit_pairs(pool: list[Path]) -> list[tuple[Path, Path]]:
    """Two White House transcripts of one visit among ``pool``: same date, same foreign leader named in both
    titles, different titles. Sorted."""
    def leader(path: Path) -> str:
        match = re.search(r"President Biden and (.+?) (?:of|at|in|before|during) ", title_of(path))
        return match.group(1) if match else title_of(path)

    pairs = []
    for a, b in itertools.combinations(sorted(pool), 2):
        if a.stem[:10] == b.stem[:10] and leader(a) == leader(b) and title_of(a) != title_of(b):
            pairs.append((a, b))
    return pairs


def foreign_speaks(body: str) -> bool:
    """Whether some speaker label is neither the host leader nor the press."""
    labels = {match.group().strip(" .?!:\n") for match in select_readouts3.LABEL.finditer(body)}
    return any(not HOSTS.match(label) for label in labels)


def draw() -> list[tuple[str, str, Path]]:
    """(stratum, split, path) of the drawn documents, in stratum order; no document is drawn twice."""
    drawn_here = set(json.loads(DRAWN.read_text(encoding="utf-8"))) if DRAWN.exists() else set()
    annotated = set(json.loads((GOLD_ROOT / "split.json").read_text(encoding="utf-8"))) - drawn_here
    # drawn after this batch
    annotated -= select_readouts3.later_draws(*select_readouts3.later_files(7))
    excluded = annotated | select_readouts5.silver_sources()
    rng = random.Random(SEED)
    chosen: list[tuple[str, str, Path]] = []
    pairs = cross_site_pairs(excluded)
    for a, b in rng.sample(pairs, min(PAIRS_WANTED, len(pairs))):
        chosen += [("two-readout pair", "test7", a), ("two-readout pair", "test7", b)]
    for stratum, folders, wanted, unwanted, count in STRATA:
        taken = {path for _, _, path in chosen}
        pool = [path for path in select_readouts5.candidates(folders, wanted, unwanted, 2, excluded, WORDS)
                if path not in taken and foreign_speaks(select_readouts3.body_of(path))]
        chosen += [(stratum, "test7", path) for path in rng.sample(pool, min(count, len(pool)))]
    if len(pairs) < PAIRS_WANTED:
        taken = {path for _, _, path in chosen}
        pool = [path for path in select_readouts5.candidates(("wh_joint",), r".", r"^$", 2, excluded, WORDS)
                if path not in taken and foreign_speaks(select_readouts3.body_of(path))]
        visits = same_visit_pairs(pool)
        for a, b in rng.sample(visits, min(SAME_VISIT_PAIRS, len(visits))):
            chosen += [("one visit, two wh transcripts", "test7", a), ("one visit, two wh transcripts", "test7", b)]
    return chosen


if __name__ == "__main__":
    select_readouts3.report(draw(), DRAWN, sys.argv)
