"""Draw the tenth batch of the real gold set (issues #20, #21): a fourth untouched two-sided split ``test10``.

Run from the repository root: ``python benchmarks/gold_real/select_readouts10.py`` (``--write`` also writes the draw
to ``readouts10.json``). Prints one line per drawn document: stratum, the split it joins (``test10``), its body's
word count and its path relative to ``../shared/datasets/real_readouts/raw``. Re-running gives the same draw.

``test9`` was scored once, so a fresh batch in which both sides speak is needed to report cross-side relations
(issue #20) and meeting-scale agenda topics (issue #21) untouched again. The strata and pools are those of
``select_readouts9``:

- White House, short transcript in which the President and a foreign leader both speak: 2;
- Kremlin, talks, meeting or conversation with a foreign leader in which Putin and that leader both speak: 2;
- State Department, the Secretary's joint remarks with a foreign counterpart in which both speak (a turn labelled
  with a foreign office, ``select_readouts9.STATE_FOREIGN``): 3;
- top-up: 1 more document drawn last from what the three strata left (all pools together), toward the batch's aim
  of about 200 statements; drawing it last leaves the strata's draw unchanged.

Candidates: none of the documents already in ``split.json`` (those drawn here excepted, so the draw does not change
once its documents are annotated) or in an earlier draw file (``readouts3.json`` to ``readouts9.json``,
``dev2.json``), none that is a source of the learned comparer's silver pairs (``training/silver_pairs.json``), none
quoted as a worked example in the annotation guide (``select_readouts9.GUIDE_EXAMPLES``), none of the same date and
counterpart as an already annotated document (another record of a meeting already measured), bodies of 60 to 900
words; within each stratum a seeded random sample of sorted candidate paths. Every drawn document joins ``test10``;
the earlier draws ignore ``readouts10.json`` so they stay reproducible, and this draw ignores the draw files of later
batches (``readouts<N>.json``, N above 10).
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import select_readouts3  # noqa: E402  (the report and the later draws)
import select_readouts5  # noqa: E402  (the candidate filter and the silver sources)
import select_readouts9  # noqa: E402  (the strata, the two-sided test, the meeting key and the guide's examples)

SEED = 20261213
GOLD_ROOT = Path(__file__).resolve().parent
RAW = select_readouts5.RAW
WORDS = (60, 900)
DRAWN = GOLD_ROOT / "readouts10.json"
STRATA = select_readouts9.STRATA
TOP_UP = 1
PART = "test10"


def draw_two_sided(seed: int, words: tuple[int, int], part: str, batch: int) -> list[tuple[str, str, Path]]:
    """(stratum, split, path) of a two-sided batch drawn from :data:`STRATA` plus :data:`TOP_UP` documents, in stratum
    order; no document is drawn twice. ``batch``: its number; its own draw file is ``readouts<batch>.json``, the draw
    files of the batches before it are held against it (``select_readouts3.earlier_files``), those after it are
    not.

    Candidates: none of the documents already in ``split.json`` (those drawn here excepted, so the draw does not
    change once its documents are annotated) or in an earlier draw file, none that is a source of the learned
    comparer's silver pairs (``training/silver_pairs.json``), none quoted as a worked example in the annotation
    guide (``select_readouts9.GUIDE_EXAMPLES``), none of the same date and counterpart as an already annotated
    document (a second record of a meeting already measured); within each stratum a seeded random sample of sorted
    candidate paths. Every drawn document joins ``part``."""
    drawn = GOLD_ROOT / f"readouts{batch}.json"
    drawn_here = set(json.loads(drawn.read_text(encoding="utf-8"))) if drawn.exists() else set()
    annotated = set(json.loads((GOLD_ROOT / "split.json").read_text(encoding="utf-8"))) - drawn_here
    annotated -= select_readouts3.later_draws(*select_readouts3.later_files(batch))  # drawn after this batch
    for name in select_readouts3.earlier_files(batch):
        annotated |= set(json.loads((GOLD_ROOT / name).read_text(encoding="utf-8")))
    measured = {select_readouts9.meeting(path) for path in RAW.glob("*/*.txt") if path.stem in annotated}
    excluded = annotated | select_readouts5.silver_sources() | select_readouts9.GUIDE_EXAMPLES
    rng = random.Random(seed)
    chosen: list[tuple[str, str, Path]] = []
    left: list[Path] = []
    for stratum, folder, wanted, unwanted, count in STRATA:
        candidates = [path for path in select_readouts5.candidates((folder,), wanted, unwanted, None, excluded, words)
                      if select_readouts9.two_sided(path) and select_readouts9.meeting(path) not in measured]
        picked = rng.sample(candidates, min(count, len(candidates)))
        chosen += [(stratum, part, path) for path in picked]
        left += [path for path in candidates if path not in picked]
    chosen += [("top-up, any of the three pools", part, path) for path in rng.sample(left, min(TOP_UP, len(left)))]
    return chosen


def draw() -> list[tuple[str, str, Path]]:
    """(stratum, split, path) of the drawn documents, in stratum order; no document is drawn twice."""
    return draw_two_sided(SEED, WORDS, PART, 10)


def two_sided_batch(
    seed: int, batch: int, words: tuple[int, int] = (60, 600)
) -> tuple[Path, str, Callable[[], list[tuple[str, str, Path]]]]:
    """Draw file, split and ``draw()`` of the two-sided batch ``batch`` (split ``test<batch>``), drawn by
    :func:`draw_two_sided` with ``seed`` from bodies of ``words`` words: what a batch script exposes."""
    part = f"test{batch}"

    def draw_batch() -> list[tuple[str, str, Path]]:
        """(stratum, split, path) of the drawn documents, in stratum order; no document is drawn twice."""
        return draw_two_sided(seed, words, part, batch)

    return GOLD_ROOT / f"readouts{batch}.json", part, draw_batch


if __name__ == "__main__":
    select_readouts3.report(draw(), DRAWN, sys.argv)
