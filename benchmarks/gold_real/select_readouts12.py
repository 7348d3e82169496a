"""Draw the twelfth batch of the real gold set (issues #20, #21): a fifth untouched two-sided split ``test12``.

Run from the repository root: ``python benchmarks/gold_real/select_readouts12.py`` (``--write`` also writes the draw
to ``readouts12.json``). Prints one line per drawn document: stratum, the split it joins (``test12``), its body's
word count and its path relative to ``../shared/datasets/real_readouts/raw``. Re-running gives the same draw.

``test10`` and ``test11`` were scored once, so a fresh batch in which both sides speak is needed to report cross-side
relations (issue #20) and meeting-scale agenda topics (issue #21) untouched again. The pools are those of
``select_readouts9`` / ``select_readouts10``, with bodies of 60 to 400 words (900 there), so that the batch could be
annotated by hand, exhaustively, within the session's deadline; the Kremlin pool then holds a single candidate:

- White House, short transcript in which the President and a foreign leader both speak: 2;
- Kremlin, talks, meeting or conversation with a foreign leader in which Putin and that leader both speak: 2 wanted,
  1 drawn (the pool holds one);
- State Department, the Secretary's joint remarks with a foreign counterpart in which both speak (a turn labelled
  with a foreign office, ``select_readouts9.STATE_FOREIGN``): 3;
- top-up: 1 more document drawn last from what the three strata left (all pools together); drawing it last leaves
  the strata's draw unchanged.

Candidates: none of the documents already in ``split.json`` (those drawn here excepted, so the draw does not change
once its documents are annotated) or in an earlier draw file (``readouts3.json`` to ``readouts11.json``,
``dev2.json``), none that is a source of the learned comparer's silver pairs (``training/silver_pairs.json``), none
quoted as a worked example in the annotation guide (``select_readouts9.GUIDE_EXAMPLES``), none of the same date and
counterpart as an already annotated document (another record of a meeting already measured); within each stratum a
seeded random sample of sorted candidate paths. Every drawn document joins ``test12``; the earlier draws ignore
``readouts12.json`` so they stay reproducible, and this draw ignores the draw files of later batches
(``readouts<N>.json``, N above 12).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import select_readouts3  # noqa: E402  (the report)
import select_readouts10  # noqa: E402  (the two-sided draw: strata of select_readouts9, exclusions, top-up)

SEED = 20261214
GOLD_ROOT = Path(__file__).resolve().parent
RAW = select_readouts10.RAW
WORDS = (60, 400)
DRAWN = GOLD_ROOT / "readouts12.json"
PART = "test12"


def draw() -> list[tuple[str, str, Path]]:
    """(stratum, split, path) of the drawn documents, in stratum order; no document is drawn twice."""
    return select_readouts10.draw_two_sided(SEED, WORDS, PART, 12)


if __name__ == "__main__":
    select_readouts3.report(draw(), DRAWN, sys.argv)
