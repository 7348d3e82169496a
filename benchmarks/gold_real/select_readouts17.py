"""Draw the seventeenth batch of the real gold set (issues #20, #21): a tenth untouched two-sided split ``test17``.

Run from the repository root: ``python benchmarks/gold_real/select_readouts17.py`` (``--write`` also writes the draw
to ``readouts17.json``). Prints one line per drawn document: stratum, the split it joins (``test17``), its body's
word count and its path relative to ``../shared/datasets/real_readouts/raw``. Re-running gives the same draw.

``test15`` and ``test16`` had their first scores on 2026-12-07 (``test15_score.json``, ``test16_score.json``), and
their errors were looked at and the same-agenda-item model retrained on them, so they can no longer stand for unseen
text: this batch is drawn and annotated the same way, as the next untouched measurement of cross-side relations
(issue #20) and meeting-scale agenda topics (issue #21), again of documents in which both sides speak. The strata,
exclusions and top-up are those of ``select_readouts10.draw_two_sided`` (the pools of ``select_readouts9``):

Two White House transcripts, two Kremlin ones wanted (none drawn, see below), three of the Secretary's joint
remarks with a foreign counterpart and one top-up drawn last from what the three strata left
(``select_readouts9.STRATA``).

Bodies run from 60 to 600 words, as for ``test13`` to ``test16``. With ``test16``'s six documents excluded too, the
600-word pools still hold 16 White House and 13 State candidates, enough for the batch, so the range was not widened.
Widening would refill the Kremlin stratum only with the two transcripts ``test13`` to ``test16`` could not take (the
meetings with Pashinyan on 2021-11-26 and Tokayev on 2022-02-10, 768 and 771 words; at 800 words the pools would hold
50 White House and 19 State candidates, at 900 words 59 and 23), and longer documents could not be labelled statement
by statement and cross-side pair by cross-side pair by hand within the session; at 600 words this seed draws six
documents of 2,414 words. So this batch, like ``test13`` to ``test16``, has no Kremlin document and comes to six.

Candidates and exclusions: those of ``select_readouts10.draw_two_sided``. Every drawn document joins ``test17``;
the earlier draws ignore ``readouts17.json`` so they stay reproducible (``select_readouts3.later_files``), and
this draw ignores the draw files of later batches (``readouts<N>.json``, N above 17).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import select_readouts3  # noqa: E402  (the report)
import select_readouts10  # noqa: E402  (the two-sided draw: strata of select_readouts9, exclusions, top-up)

SEED = 20261219
RAW = select_readouts10.RAW
DRAWN, PART, draw = select_readouts10.two_sided_batch(SEED, 17)


if __name__ == "__main__":
    select_readouts3.report(draw(), DRAWN, sys.argv)
