"""Draw the sixth batch of the real gold set (issue #22): an untouched split ``test6`` weighted to weak attribution.

Run from the repository root: ``python benchmarks/gold_real/select_readouts6.py`` (``--write`` also writes the draw
to ``readouts6.json``). Prints one line per drawn document: stratum, the split it joins (``test6``), its body's word
count and its path relative to ``../shared/datasets/real_readouts/raw``. Re-running gives the same draw.

``test5`` had been scored once when this batch was drawn; attribution (issue #22) was weakest in the
president.gov.ua and Kremlin house styles and in readouts of officials other than the leader, so this batch leans to
those: readouts of the President's and his Office's calls and meetings, a domestic meeting, Kremlin telephone
conversations, the Secretary's and Deputy Secretary's calls, and two short White House transcripts in which both
leaders speak (relations and agenda topics). Candidates: none of the documents already in ``split.json`` (those drawn
here excepted, so the draw does not change once its documents are annotated), none that is a source of the learned
comparer's silver pairs (``training/silver_pairs.json``), bodies of 60 to 700 words, at least two different speaker
labels for the transcripts and none for the readouts; within each stratum a seeded random sample of sorted
candidate paths (``select_readouts5.candidates``). Every drawn document joins ``test6``:

- president.gov.ua, readout of a call or meeting of the President or of the Head or Deputy Head of his Office: 2
- president.gov.ua, readout of a domestic meeting (the President or his Office with Ukrainian officials): 1
- president.gov.ua, joint statement or address: 1
- Kremlin, telephone-conversation readout: 2
- Kremlin, meeting readout or short meeting transcript: 1
- State Department, readout of a call or meeting of the Secretary or the Deputy Secretary: 2
- State Department, joint statement: 1
- White House, short transcript in which the President and a foreign leader both speak: 2

In all 12 documents, all ``test6``.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import select_readouts3  # noqa: E402  (the body reader and the report)
import select_readouts5  # noqa: E402  (the candidate filter and the silver sources)

SEED = 20261209
GOLD_ROOT = Path(__file__).resolve().parent
RAW = select_readouts5.RAW
WORDS = (60, 700)
DRAWN = GOLD_ROOT / "readouts6.json"
UA_PRINCIPAL = r"president|zelenskyy|head-of-the-office|deputy-head|yermak|zhovkva|tymoshenko|smirnov"
UA_FOREIGN = (r"(?:met-with|meeting-with|meets-with|phone-conversation-with|phone-call-with|conversation-with"
              r"|call-with|talks-with|spoke-with|discussed-with)-(?:the-|a-)?(?:president|prime|chancellor|king"
              r"|queen|emir|secretary|minister|foreign|head|leaders?-|ambassador|adviser|advisor|national|un-|eu-|us-"
              r"|european|nato|state|deputy|delegation|members|senator|speaker|chair|director|special|g7)")
UA_DOMESTIC = (r"held-a-meeting|conference-call|selector|staff-meeting|meeting-of-the-(?:council|staff|headquarters)"
               r"|meeting-on-|meeting-with-the-(?:leadership|heads|government|command|military|regional|mayors)"
               r"|held-a-meeting-with-the-leadership")
KREMLIN_MEETING = r"meeting-with|talks-with|-talks$|meets-with"
STATE_PRINCIPAL_READOUT = (r"(?:secretary|deputy-secretary).*(?:call-with|meeting-with|s-call|s-meeting|meets-with"
                           r"|meet-with)")
# (stratum, folders, pattern on the slug, pattern the slug must not match, labels, count); ``labels`` 2 keeps only
# bodies with at least two different speaker labels, 0 only bodies with none, None either.
STRATA: tuple[tuple[str, tuple[str, ...], str, str, int | None, int], ...] = (
    ("ua readout of a call or meeting", ("ua",), rf"(?:{UA_PRINCIPAL}).*(?:{UA_FOREIGN})",
     r"address|speech|statement", 0, 2),
    ("ua domestic meeting", ("ua",), UA_DOMESTIC, rf"address|speech|statement|{UA_FOREIGN}", 0, 1),
    ("ua joint statement or address", ("ua",), r"joint-statement|joint-declaration|address", r"^$", None, 1),
    ("kremlin phone call", ("kremlin",), r"telephone-conversation|phone-call|telephone-call", r"^$", 0, 2),
    ("kremlin meeting readout or short transcript", ("kremlin",), KREMLIN_MEETING,
     r"^on-|annual|union-of|academy|commissioner|red-cross|socioeconomic|security-council|press-statements"
     r"|news-conference|will-hold|will-meet|will-have", None, 1),
    ("state readout of the secretary or deputy secretary", ("state",), STATE_PRINCIPAL_READOUT,
     r"remarks|statement|press|interview|before-", 0, 2),
    ("state joint statement", ("state",), r"joint-statement", r"^$", None, 1),
    ("wh short transcript, both leaders speak", ("wh_joint",), r".", r"^$", 2, 2),
)


def draw() -> list[tuple[str, str, Path]]:
    """(stratum, split, path) of the drawn documents, in stratum order; no document is drawn twice."""
    drawn_here = set(json.loads(DRAWN.read_text(encoding="utf-8"))) if DRAWN.exists() else set()
    annotated = set(json.loads((GOLD_ROOT / "split.json").read_text(encoding="utf-8"))) - drawn_here
    # drawn after this batch
    annotated -= select_readouts3.later_draws(*select_readouts3.later_files(6))
    excluded = annotated | select_readouts5.silver_sources()
    rng = random.Random(SEED)
    chosen: list[tuple[str, str, Path]] = []
    for stratum, folders, wanted, unwanted, labels, count in STRATA:
        taken = {path for _, _, path in chosen}
        pool = [path for path in select_readouts5.candidates(folders, wanted, unwanted, labels, excluded, WORDS)
                if path not in taken]
        chosen += [(stratum, "test6", path) for path in rng.sample(pool, min(count, len(pool)))]
    return chosen


if __name__ == "__main__":
    select_readouts3.report(draw(), DRAWN, sys.argv)
