"""Draw the attribution check batch of the real gold set (issue #22): 27 readouts and statements that join ``dev``.

Run from the repository root: ``python benchmarks/gold_real/select_dev2.py`` prints the draw (``--write`` also writes
``dev2.json``). Re-running gives the same draw.

Drawn on 2026-12-06 for the attribution work (branch ``attr-fix``), when ``dev`` was nearly saturated, so that the
changes could be checked on real documents nobody had run claimcmp on: the documents were labelled by hand from the
text before the extractor was run on them (the extractor's first score on them is in ``README.md``), then joined
``dev``. Candidates: none of the documents in ``split.json`` before this batch, none of the plausible draws of the
next untouched batch (the strata of ``select_readouts4.py`` under seed 20261208, at one to four times their counts
and bodies of up to 320, 450 or 600 words), bodies of 60 to 260 words (300 for the Office's officials, 230 for the
second draw) with no speaker labels in their slug's format (``select_readouts3.candidates``). The later batches
(``readouts5.json`` and after, ``select_readouts3.later_files``) are not held against the draw, so it stays the same
once they are in ``split.json``. The raw corpus has no president.gov.ua, Kremlin or State document dated 2023 or
later, so no date filter applies.

First draw (seed 777): president.gov.ua readouts 6, Kremlin readouts 5, State readouts 2, State joint statements 2,
readouts of the President's Office officials (Head, Deputy Head) 3. Second draw (seed 778): president.gov.ua
readouts and the Office's officials 5, Kremlin telephone conversations 4.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import select_readouts3 as s3  # noqa: E402
import select_readouts4 as s4  # noqa: E402

GOLD_ROOT = Path(__file__).resolve().parent
DRAWN = GOLD_ROOT / "dev2.json"
NEXT_SEED = 20261208
KREMLIN_READOUT = r"telephone-conversation|phone-call|telephone-call|meeting-with|talks-with"
OFFICE = r"head-of-the|yermak|deputy-head|office"


def _before(annotated: set[str]) -> set[str]:
    """Plausible draws of the next untouched batch, left out of this one."""
    likely: set[str] = set()
    for scale in (1, 2, 3, 4):
        for words in ((60, 320), (60, 450), (60, 600)):
            rng = random.Random(NEXT_SEED)
            for _, folder, wanted, unwanted, count, _ in s4.STRATA:
                pool = s3.candidates(folder, wanted, unwanted, annotated, words)
                likely.update(p.stem for p in rng.sample(pool, min(count * scale, len(pool))))
    return likely


def draw() -> list[Path]:
    drawn_here = set(json.loads(DRAWN.read_text(encoding="utf-8"))) if DRAWN.exists() else set()
    annotated = set(json.loads((GOLD_ROOT / "split.json").read_text(encoding="utf-8"))) - drawn_here
    annotated -= s3.later_draws(*s3.later_files(4))  # drawn later
    likely = _before(annotated)

    def pool(folder: str, wanted: str, unwanted: str, words: tuple[int, int], taken: set[str]) -> list[Path]:
        return [p for p in s3.candidates(folder, wanted, unwanted, annotated, words)
                if p.stem not in likely and p.stem not in taken]

    chosen: list[Path] = []
    rng = random.Random(777)
    for folder, wanted, unwanted, count in (
        ("ua", s4.READOUT, r"address|speech|statement", 6),
        ("kremlin", KREMLIN_READOUT, r"press-statements|news-conference", 5),
        ("state", s4.READOUT, r"remarks|statement|press|interview|before-", 2),
        ("state", r"statement", r"remarks|press-availability|interview", 2),
    ):
        chosen += rng.sample(pool(folder, wanted, unwanted, (60, 260), set()), count)
    rng = random.Random(777)
    chosen += rng.sample(pool("ua", OFFICE, r"address|speech", (60, 300), set()), 3)
    rng = random.Random(778)
    first = {p.stem for p in chosen}
    for folder, wanted, unwanted, count in (
        ("ua", s4.READOUT + "|head-of-the|yermak|zhovkva", r"address|speech|statement", 5),
        ("kremlin", r"telephone-conversation|phone-call|telephone-call", r"^$", 4),
    ):
        chosen += rng.sample(pool(folder, wanted, unwanted, (60, 230), first), count)
    return chosen


if __name__ == "__main__":
    paths = draw()
    for path in paths:
        print(path.relative_to(s3.RAW))
    if "--write" in sys.argv:
        DRAWN.write_text(json.dumps([p.stem for p in paths], indent=1) + "\n", encoding="utf-8")
