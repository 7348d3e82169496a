"""Draw the fourth batch of the real gold set (issue #22): readouts and statements, a fresh untouched split ``test4``.

Run from the repository root: ``python benchmarks/gold_real/select_readouts4.py`` (``--write`` also writes the draw
to ``readouts4.json``). Prints one line per drawn document: stratum, the split it joins (``test4`` or ``dev``), its
body's word count and its path relative to ``../shared/datasets/real_readouts/raw``. Re-running gives the same draw.

``test3`` had been scored once when this batch was drawn, so the batch gives the next untouched measurement. The
weak house styles on ``test3`` were president.gov.ua and the State Department, so they get most documents; the
Kremlin keeps a share. Candidates: none of the documents already in ``split.json`` (those drawn here and in
later batches excepted, so the draw does not change once they are annotated), bodies of 60 to 320 words (short
enough to annotate every statement by hand), no transcript speaker labels in the body, and within each stratum a
seeded random sample of sorted candidate paths; the first ``untouched`` drawn documents of a stratum join
``test4``, the others ``dev``:

- president.gov.ua, readout of a call or meeting: 4 (3 ``test4``)
- State Department, readout of a call or meeting: 3 (2 ``test4``)
- Kremlin, readout of a telephone conversation or meeting: 2 (1 ``test4``)
- State Department, statement (spokesperson's, Secretary's or joint): 2 (1 ``test4``)
- president.gov.ua, statement, joint statement or address (first-person texts): 1 (``test4``)

In all 12 documents: 8 ``test4`` and 4 ``dev``.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import select_readouts3  # noqa: E402  (the third batch's candidate filter and report)

SEED = 20261207
GOLD_ROOT = Path(__file__).resolve().parent
RAW = GOLD_ROOT.parents[1] / ".." / "shared" / "datasets" / "real_readouts" / "raw"
MIN_WORDS, MAX_WORDS = 60, 320
DRAWN = GOLD_ROOT / "readouts4.json"
READOUT = r"conversation|met-with|meeting|held-a|had-a|talks?-with|phone|call-with|s-call|meets-with|meet-with"
# (stratum, folder, pattern on the slug, pattern the slug must not match, count, how many go to test4)
STRATA = (
    ("ua readout", "ua", READOUT, r"address|speech|statement", 4, 3),
    ("state readout", "state", READOUT, r"remarks|statement|press|interview|before-", 3, 2),
    ("kremlin readout", "kremlin", r"telephone-conversation|phone-call|telephone-call|meeting-with|talks-with",
     r"press-statements|news-conference", 2, 1),
    ("state statement", "state", r"statement", r"remarks|press-availability|interview", 2, 1),
    ("ua statement or address", "ua", r"statement|address|speech", r"^$", 1, 1),
)


body_of = select_readouts3.body_of


def draw() -> list[tuple[str, str, Path]]:
    """(stratum, split, path) of the drawn documents, in stratum order; no document is drawn twice."""
    drawn_here = set(json.loads(DRAWN.read_text(encoding="utf-8"))) if DRAWN.exists() else set()
    annotated = set(json.loads((GOLD_ROOT / "split.json").read_text(encoding="utf-8"))) - drawn_here
    # drawn after this batch
    annotated -= select_readouts3.later_draws("dev2.json", *select_readouts3.later_files(4))
    rng = random.Random(SEED)
    chosen: list[tuple[str, str, Path]] = []
    for stratum, folder, wanted, unwanted, count, untouched in STRATA:
        taken = {path for _, _, path in chosen}
        pool = [path for path in candidates(folder, wanted, unwanted, annotated) if path not in taken]
        for rank, path in enumerate(rng.sample(pool, min(count, len(pool)))):
            chosen.append((stratum, "test4" if rank < untouched else "dev", path))
    return chosen


def candidates(folder: str, wanted: str, unwanted: str, annotated: set[str]) -> list[Path]:
    """Sorted documents of one folder whose slug matches, of this batch's length, with no speaker labels."""
    return select_readouts3.candidates(folder, wanted, unwanted, annotated, (MIN_WORDS, MAX_WORDS))


if __name__ == "__main__":
    select_readouts3.report(draw(), DRAWN, sys.argv)
