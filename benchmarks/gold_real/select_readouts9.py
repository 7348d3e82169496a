"""Draw the ninth batch of the real gold set (issues #20, #21): a third untouched two-sided split ``test9``.

Run from the repository root: ``python benchmarks/gold_real/select_readouts9.py`` (``--write`` also writes the draw
to ``readouts9.json``). Prints one line per drawn document: stratum, the split it joins (``test9``), its body's word
count and its path relative to ``../shared/datasets/real_readouts/raw``. Re-running gives the same draw.

``test8`` was scored once, so a fresh batch in which both sides speak is needed to report cross-side relations
(issue #20) and meeting-scale agenda topics (issue #21) untouched again. Strata:

- White House, short transcript in which the President and a foreign leader both speak: 2 (the pool of
  ``select_readouts8``);
- Kremlin, talks, meeting or conversation with a foreign leader in which Putin and that leader both speak: 2 (the
  pool of ``select_readouts8``);
- State Department, the Secretary's joint remarks with a foreign counterpart (a minister, head of state or
  government, king, chancellor, or the head of an international organisation) in which both speak: 3. These
  transcripts label each turn (``SECRETARY BLINKEN:``, ``FOREIGN MINISTER KULEBA:``); a document counts when its slug
  names the Secretary "and" or "with" someone and one of its labels names a foreign office (``STATE_FOREIGN``).
  The gold has one document of this style so far (the Kenyan Cabinet Secretary, ``dev``) and no untouched split
  has any. president.gov.ua has no document with two speaker labels among the candidates, so it gives no stratum;
- top-up: 1 more document drawn last from what the three strata left (all pools together). The seven documents
  of the strata came to 187 statements, under the batch's aim of about 200; drawing the extra one last leaves
  their draw unchanged.

Candidates: none of the documents already in ``split.json`` (those drawn here excepted, so the draw does not change
once its documents are annotated) or in an earlier draw file (``readouts3.json`` to ``readouts8.json``,
``dev2.json``), none that is a source of the learned comparer's silver pairs (``training/silver_pairs.json``), none
quoted as a worked example in the annotation guide (``GUIDE_EXAMPLES``), none of the same date and counterpart as an
already annotated document (another record of a meeting already measured, such as the Kremlin's meeting with Orbán
beside ``test7``'s talks), bodies of 60 to 900 words; within each stratum a seeded random sample of sorted candidate
paths. Every drawn document joins ``test9``; the earlier draws ignore ``readouts9.json`` so they stay reproducible,
and this draw ignores the draw files of the later batches (``select_readouts3.later_files``).
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import select_readouts3  # noqa: E402  (the body reader, the speaker-label pattern and the report)
import select_readouts5  # noqa: E402  (the candidate filter and the silver sources)
import select_readouts7  # noqa: E402  (the Kremlin slug exclusions)
import select_readouts8  # noqa: E402  (the two-sided test, the Kremlin slug patterns and the counterpart)

SEED = 20261212
GOLD_ROOT = Path(__file__).resolve().parent
RAW = select_readouts5.RAW
WORDS = (60, 900)
DRAWN = GOLD_ROOT / "readouts9.json"
EARLIER = ("readouts3.json", "readouts4.json", "readouts5.json", "dev2.json", "readouts6.json", "readouts7.json",
           "readouts8.json")
# Documents whose first statements the annotation guide (ANNOTATION.md) labels as its worked examples.
GUIDE_EXAMPLES = frozenset({
    "2022-03-01_state-secretary-blinken-s-call-with-ukrainian-foreign-minister-kuleba",
    "2021-09-01_wh-joint-remarks-by-president-biden-and-president-zelenskyy-of-ukraine-before-b",
})
STATE_SLUG = r"^state-secretary-antony-j-blinken-(?:and|with)-"
STATE_FOREIGN = re.compile(
    r"^(?:(?:[A-Z-]+ )*MINISTER|(?:VICE )?PRESIDENT|KING|CHANCELLOR|SECRETARY GENERAL|HIGH REPRESENTATIVE"
    r"|FOREIGN SECRETARY)\b"
)
# (stratum, folder, pattern on the slug, pattern the slug must not match, count)
STRATA: tuple[tuple[str, str, str, str, int], ...] = (
    ("wh short transcript, both leaders speak", "wh_joint", r".", r"^$", 2),
    ("kremlin talks, meeting or conversation, both leaders speak", "kremlin", select_readouts8.KREMLIN_TWO_SIDED,
     select_readouts7.KREMLIN_NOT, 2),
    ("state joint remarks, the Secretary and a foreign counterpart speak", "state", STATE_SLUG, r"civil-society", 3),
)
TOP_UP = 1


def state_two_sided(path: Path) -> bool:
    """Whether a State Department transcript has a turn labelled with a foreign office (the label's last line)."""
    labels = {match.group().strip(" .?!:\n").splitlines()[-1] for match in
              select_readouts3.LABEL.finditer(select_readouts3.body_of(path))}
    return any(STATE_FOREIGN.match(label) for label in labels)


def two_sided(path: Path) -> bool:
    if path.parent.name == "state":
        return state_two_sided(path)
    return select_readouts8.two_sided(path)


def meeting(path: Path) -> tuple[str, str]:
    """(date, counterpart) of a document: two documents with the same key record one meeting."""
    return path.stem[:10], select_readouts8.counterpart(path).lower()


def draw() -> list[tuple[str, str, Path]]:
    """(stratum, split, path) of the drawn documents, in stratum order; no document is drawn twice."""
    drawn_here = set(json.loads(DRAWN.read_text(encoding="utf-8"))) if DRAWN.exists() else set()
    annotated = set(json.loads((GOLD_ROOT / "split.json").read_text(encoding="utf-8"))) - drawn_here
    annotated -= select_readouts3.later_draws(*select_readouts3.later_files(9))  # drawn after this batch
    for earlier in EARLIER:
        annotated |= set(json.loads((GOLD_ROOT / earlier).read_text(encoding="utf-8")))
    measured = {meeting(path) for path in RAW.glob("*/*.txt") if path.stem in annotated}
    excluded = annotated | select_readouts5.silver_sources() | GUIDE_EXAMPLES
    rng = random.Random(SEED)
    chosen: list[tuple[str, str, Path]] = []
    left: list[Path] = []
    for stratum, folder, wanted, unwanted, count in STRATA:
        candidates = [path for path in select_readouts5.candidates((folder,), wanted, unwanted, None, excluded, WORDS)
                      if two_sided(path) and meeting(path) not in measured]
        picked = rng.sample(candidates, min(count, len(candidates)))
        chosen += [(stratum, "test9", path) for path in picked]
        left += [path for path in candidates if path not in picked]
    chosen += [("top-up, any of the three pools", "test9", path) for path in rng.sample(left, min(TOP_UP, len(left)))]
    return chosen


if __name__ == "__main__":
    select_readouts3.report(draw(), DRAWN, sys.argv)
