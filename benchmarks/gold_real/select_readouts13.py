"""Draw the thirteenth batch of the real gold set (issues #20, #21): a sixth untouched two-sided split ``test13``.

Run from the repository root: ``python benchmarks/gold_real/select_readouts13.py`` (``--write`` also writes the draw
to ``readouts13.json``). Prints one line per drawn document: stratum, the split it joins (``test13``), its body's
word count and its path relative to ``../shared/datasets/real_readouts/raw``. Re-running gives the same draw.

``test12`` had its first and only untouched score taken on 2026-12-06, after which its errors were looked at, so
it can no longer stand for unseen text; cross-side relations (issue #20) and meeting-scale agenda topics (issue #21)
need a new batch that nobody has measured, again of documents in which both sides speak. The strata, exclusions
and top-up are those of ``select_readouts10.draw_two_sided`` (the pools of ``select_readouts9``):

Two White House transcripts, two Kremlin ones wanted (none drawn, see below), three of the Secretary's joint
remarks with a foreign counterpart and one top-up drawn last from what the three strata left (``select_readouts9.STRATA``).

Bodies run from 60 to 600 words, not 400 as for ``test12``. At 400 words the Kremlin pool was down to one candidate,
which ``test12`` took, and the White House pool to four; 600 words widens the White House and State pools (24 and 29
candidates) while keeping each document small enough to label every statement and every cross-side pair by hand.
It does not refill the Kremlin pool: every Kremlin two-sided transcript left unannotated is longer (the shortest run
to 768 and 771 words), so this batch has no Kremlin document and comes to six.

Candidates and exclusions: those of ``select_readouts10.draw_two_sided``. Every drawn document joins ``test13``;
the earlier draws ignore ``readouts13.json`` so they stay reproducible (``select_readouts3.later_files``), and
this draw ignores the draw files of later batches (``readouts<N>.json``, N above 13).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import select_readouts3  # noqa: E402  (the report)
import select_readouts10  # noqa: E402  (the two-sided draw: strata of select_readouts9, exclusions, top-up)

SEED = 20261215
RAW = select_readouts10.RAW
DRAWN, PART, draw = select_readouts10.two_sided_batch(SEED, 13)


if __name__ == "__main__":
    select_readouts3.report(draw(), DRAWN, sys.argv)
