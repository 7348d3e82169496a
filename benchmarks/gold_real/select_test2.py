"""Draw the fresh untouched ``test2`` documents of the real gold set (issue #22) from the shared raw readouts.

Run from the repository root: ``python benchmarks/gold_real/select_test2.py``. Prints one line per drawn document:
stratum and the path relative to ``../shared/datasets/real_readouts/raw``. Re-running gives the same draw.

The old ``test`` split had been looked at, so this draws documents nobody on the team has annotated or scored:
none of the documents of the ``dev`` and ``test`` splits of ``split.json`` (so the draw does not change once the
``test2`` documents are annotated), bodies of 60 to 1,000 words (short enough to
annotate every statement by hand), and within each stratum a seeded random sample of sorted candidate paths:

- Kremlin, two-sided transcript (``talks with`` / ``press statements`` / ``news conference`` / ``meeting with``
  a president or prime minister, with ``Vladimir Putin:`` speaker labels in the body): 2
- Kremlin, telephone conversation readout: 2
- State Department readout of a call or meeting: 1; remarks, interview, briefing or press availability (Q&A or
  first-person words): 1; a spokesperson's or the Secretary's own statement (not a joint statement): 1
- president.gov.ua: an address or speech: 1; a readout of a call or meeting: 1; a joint statement: 1
- White House ``wh_joint`` transcript (both leaders speak): 2
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

SEED = 20261205
GOLD_ROOT = Path(__file__).resolve().parent
RAW = GOLD_ROOT.parents[1] / ".." / "shared" / "datasets" / "real_readouts" / "raw"
MIN_WORDS, MAX_WORDS = 60, 1000
# (stratum, folder, pattern on the slug, pattern the slug must not match, pattern the body must hold, count)
STRATA = (
    ("kremlin two-sided transcript", "kremlin",
     r"talks-with|press-statements|news-conference|meeting-with-(?:president|prime-minister)", r"^$", r"Vladimir Putin:", 2),
    ("kremlin phone call", "kremlin", r"telephone-conversation|phone-call|telephone-call", r"^$", r"", 2),
    ("state readout", "state", r"call-with|meeting-with|s-call|s-meeting|meets-with|meet-with", r"^$", r"", 1),
    ("state Q&A / remarks", "state", r"remarks|interview|press-briefing|press-availability|television|gaggle",
     r"^$", r"", 1),
    ("state first-person statement", "state", r"statement", r"joint-statement", r"", 1),
    ("ua address", "ua", r"address|speech", r"joint-statement", r"", 1),
    ("ua readout", "ua", r"conversation|met-with|meeting|held-a|had-a|discussed|talks?-with|phone",
     r"address|speech|joint-statement", r"", 1),
    ("ua joint statement", "ua", r"joint-statement", r"^$", r"", 1),
    ("wh_joint transcript", "wh_joint", r".", r"^$", r"", 2),
)


def body_of(path: Path) -> str:
    return path.read_text(encoding="utf-8").partition("\n---\n")[2]


def draw() -> list[tuple[str, Path]]:
    """(stratum, path) of the drawn documents, in stratum order; no document is drawn twice."""
    split = json.loads((GOLD_ROOT / "split.json").read_text(encoding="utf-8"))
    annotated = {name for name, part in split.items() if part in ("dev", "test")}
    rng = random.Random(SEED)
    taken: set[Path] = set()
    chosen = []
    for stratum, folder, wanted, unwanted, holds, count in STRATA:
        pool = []
        for path in sorted((RAW / folder).glob("*.txt")):
            slug = path.stem.split("_", 1)[1]
            if path.stem in annotated or path in taken or not re.search(wanted, slug) or re.search(unwanted, slug):
                continue
            body = body_of(path)
            if MIN_WORDS <= len(body.split()) <= MAX_WORDS and re.search(holds, body):
                pool.append(path)
        for path in rng.sample(pool, min(count, len(pool))):
            taken.add(path)
            chosen.append((stratum, path))
    return chosen


if __name__ == "__main__":
    for stratum, path in draw():
        print(f"{stratum}\t{len(body_of(path).split())}\t{path.relative_to(RAW)}")
