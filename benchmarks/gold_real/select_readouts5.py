"""Draw the fifth batch of the real gold set (issues #20, #21, #22): a fresh untouched split ``test5`` of every format.

Run from the repository root: ``python benchmarks/gold_real/select_readouts5.py`` (``--write`` also writes the draw
to ``readouts5.json``). Prints one line per drawn document: stratum, the split it joins (``test5``), its body's word
count and its path relative to ``../shared/datasets/real_readouts/raw``. Re-running gives the same draw.

``test4`` had been scored once when this batch was drawn, and it held readouts and statements only, so this batch
measures attribution, relations and agenda topics together: it covers every house style and the two-sided formats
(transcripts in which both leaders speak, press statements after talks, press availabilities) as well as
readouts, addresses and joint statements. Candidates: none of the documents already in ``split.json`` (those drawn
here excepted, so the draw does not change once its documents are annotated), none that is a source of the
learned comparer's silver pairs (``training/silver_pairs.json``: read when labelling training data, so not
untouched), bodies of 60 to 900 words (short enough to annotate every statement by hand), speaker labels in the body
(at least two different ones) where the stratum is a transcript, Q&A or press availability, and none where it is a
readout; within each stratum a seeded random sample of
sorted candidate paths. Every drawn document joins ``test5``:

- White House, transcript in which the President and a foreign leader both speak: 3
- Kremlin, speaker-labelled talks transcript or press statements following talks (both sides speak): 1
- Kremlin, telephone-conversation readout: 1
- president.gov.ua, readout of a call or meeting: 1
- president.gov.ua, address or first-person statement: 1
- president.gov.ua, joint statement: 1
- State Department, readout of a call or meeting: 1
- State Department, Q&A or press availability (press briefing, remarks to the press, the Secretary "with" a guest
  or an interviewer), two speakers or more: 1
- State Department, joint statement: 1
- one more two-sided document of any source (White House, Kremlin talks or State press availability): 1

In all 12 documents, all ``test5``.
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import select_readouts3  # noqa: E402  (the third batch's body reader, speaker-label pattern and report)

SEED = 20261208
GOLD_ROOT = Path(__file__).resolve().parent
RAW = GOLD_ROOT.parents[1] / ".." / "shared" / "datasets" / "real_readouts" / "raw"
SILVER = GOLD_ROOT.parents[1] / "training" / "silver_pairs.json"
MIN_WORDS, MAX_WORDS = 60, 900
DRAWN = GOLD_ROOT / "readouts5.json"
READOUT = r"conversation|met-with|meeting|held-a|had-a|talks?-with|phone|call-with|s-call|meets-with|meet-with"
KREMLIN_TWO_SIDED = (r"press-statements|statements-for-the-press|news-conference-following|talks-with|-talks$"
                     r"|meeting-with-(?:president|prime-minister)")
STATE_QA = (r"press-briefing|press-availability|remarks-to-(?:the|traveling)-press|remarks-with|press-gaggle"
            r"|blinken-with-")
# (stratum, folder or folders, pattern on the slug, pattern the slug must not match, labels, count); ``labels`` 2
# keeps only bodies with at least two different speaker labels (an exchange: two leaders, or a speaker and the
# press), 0 only bodies with no speaker label, None either.
STRATA: tuple[tuple[str, tuple[str, ...], str, str, int | None, int], ...] = (
    ("wh transcript", ("wh_joint",), r".", r"^$", 2, 3),
    ("kremlin talks transcript or press statements", ("kremlin",), KREMLIN_TWO_SIDED,
     r"^on-|annual|union-of|academy|commissioner|red-cross|socioeconomic|security-council", 2, 1),
    ("kremlin phone call", ("kremlin",), r"telephone-conversation|phone-call|telephone-call", r"^$", 0, 1),
    ("ua readout", ("ua",), READOUT, r"address|speech|statement", 0, 1),
    ("ua address or statement", ("ua",), r"address|speech|statement", r"joint-statement", None, 1),
    ("ua joint statement", ("ua",), r"joint-statement|joint-declaration", r"^$", None, 1),
    ("state readout", ("state",), r"call-with|meeting-with|s-call|s-meeting|meets-with|meet-with",
     r"remarks|statement|press|interview|before-", 0, 1),
    ("state q&a or press availability", ("state",), STATE_QA, r"statement", 2, 1),
    ("state joint statement", ("state",), r"joint-statement", r"^$", None, 1),
    ("two-sided, any source", ("wh_joint", "kremlin", "state"),
     r"^wh-joint|press-statements|statements-for-the-press|news-conference-following|press-availability|remarks-with",
     r"^$", 2, 1),
)


body_of = select_readouts3.body_of


def silver_sources() -> set[str]:
    """Documents the silver pairs of the learned comparer were labelled from (they are not untouched)."""
    if not SILVER.exists():
        return set()
    return {source for group in json.loads(SILVER.read_text(encoding="utf-8"))["groups"] for source in group["sources"]}


def draw() -> list[tuple[str, str, Path]]:
    """(stratum, split, path) of the drawn documents, in stratum order; no document is drawn twice."""
    drawn_here = set(json.loads(DRAWN.read_text(encoding="utf-8"))) if DRAWN.exists() else set()
    annotated = set(json.loads((GOLD_ROOT / "split.json").read_text(encoding="utf-8"))) - drawn_here
    # labelled after this draw
    annotated -= select_readouts3.later_draws("dev2.json", *select_readouts3.later_files(5))
    excluded = annotated | silver_sources()
    rng = random.Random(SEED)
    chosen: list[tuple[str, str, Path]] = []
    for stratum, folders, wanted, unwanted, labels, count in STRATA:
        taken = {path for _, _, path in chosen}
        pool = [path for path in candidates(folders, wanted, unwanted, labels, excluded) if path not in taken]
        chosen += [(stratum, "test5", path) for path in rng.sample(pool, min(count, len(pool)))]
    return chosen


def speakers(body: str) -> int:
    """How many different transcript speaker labels (``SECRETARY BLINKEN:``, ``Vladimir Putin:``) the body has."""
    return len({match.group().strip(" .?!:\n").upper() for match in select_readouts3.LABEL.finditer(body)})


def candidates(
    folders: tuple[str, ...], wanted: str, unwanted: str, labels: int | None, excluded: set[str],
    words: tuple[int, int] = (MIN_WORDS, MAX_WORDS),
) -> list[Path]:
    """Sorted documents of the folders whose slug matches, of ``words`` (min, max) length (this batch's by default),
    with the wanted speaker labels."""
    pool = []
    for folder in folders:
        for path in sorted((RAW / folder).glob("*.txt")):
            slug = path.stem.split("_", 1)[1]
            if path.stem in excluded or not re.search(wanted, slug) or re.search(unwanted, slug):
                continue
            body = body_of(path)
            count = speakers(body)
            wanted_labels = labels is None or (count >= 2 if labels else not count)
            if words[0] <= len(body.split()) <= words[1] and wanted_labels:
                pool.append(path)
    return pool


if __name__ == "__main__":
    select_readouts3.report(draw(), DRAWN, sys.argv)
