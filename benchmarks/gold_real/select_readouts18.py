"""Draw the eighteenth batch of the real gold set (issues #20, #21): an eleventh untouched two-sided split ``test18``.

Run from the repository root: ``python benchmarks/gold_real/select_readouts18.py`` (``--write`` also writes the draw
to ``readouts18.json``). Prints one line per drawn document: stratum, the split it joins (``test18``), its body's
word count and its path relative to ``../shared/datasets/real_readouts/raw``. Re-running gives the same draw.

``test17`` had its first score (``test17_score.json``), its errors were looked at and the same-agenda-item model was
retrained on it, so it can no longer stand for unseen text: this batch is drawn and annotated the same way, as the
next untouched measurement of cross-side relations (issue #20) and meeting-scale agenda topics (issue #21), again of
documents in which both sides speak. The strata, exclusions and top-up are those of
``select_readouts10.draw_two_sided`` (the pools of ``select_readouts9``):

Two White House transcripts, two Kremlin ones wanted (none drawn, see below), three of the Secretary's joint
remarks with a foreign counterpart and one top-up drawn last from what the three strata left
(``select_readouts9.STRATA``).

Bodies run from 60 to 600 words, as for ``test13`` to ``test17``. With ``test17``'s six documents excluded too, the
600-word pools still hold 14 White House and 9 State candidates (those drawn here included), enough for the batch, so
the range was not widened. Widening would refill the Kremlin stratum only with the two transcripts ``test13`` to
``test17`` could not take (the meetings with Pashinyan on 2021-11-26 and Tokayev on 2022-02-10, 768 and 771 words; at
800 words the pools would hold 48 White House and 15 State candidates, at 900 words 57 and 19), and longer documents
could not be labelled statement by statement and cross-side pair by cross-side pair by hand within the session; at 600
words this seed draws six documents of 3,093 words. So this batch, like ``test13`` to ``test17``, has no Kremlin
document and comes to six; after it the 600-word pools hold 12 White House and 5 State candidates.

Candidates and exclusions: those of ``select_readouts10.draw_two_sided``. Every drawn document joins ``test18``;
the earlier draws ignore ``readouts18.json`` so they stay reproducible (``select_readouts3.later_files``), and
this draw ignores the draw files of later batches (``readouts<N>.json``, N above 18).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import select_readouts3  # noqa: E402  (the report)
import select_readouts10  # noqa: E402  (the two-sided draw: strata of select_readouts9, exclusions, top-up)

SEED = 20261220
RAW = select_readouts10.RAW
DRAWN, PART, draw = select_readouts10.two_sided_batch(SEED, 18)


if __name__ == "__main__":
    select_readouts3.report(draw(), DRAWN, sys.argv)
