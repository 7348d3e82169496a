"""Draw the eighth batch of the real gold set (issues #20, #21): a second untouched two-sided split ``test8``.

Run from the repository root: ``python benchmarks/gold_real/select_readouts8.py`` (``--write`` also writes the draw
to ``readouts8.json``). Prints one line per drawn document: stratum, the split it joins (``test8``), its body's word
count and its path relative to ``../shared/datasets/real_readouts/raw``. Re-running gives the same draw.

``test7`` was scored once, so a fresh batch in which both sides speak is needed to report cross-side relations
(issue #20) and meeting-scale agenda topics (issue #21) untouched again. Strata:

- White House, short transcript in which the President and a foreign leader both speak: 3 (the pool of
  ``select_readouts7``: at least two speaker labels, one neither the host nor the press);
- Kremlin, talks, meeting or conversation with a foreign leader in which Putin and that leader both speak: 3. The
  Kremlin pages often glue the foreign leader's label to his title ("President of Kyrgyzstan Sadyr Japarov Japarov
  SadyrPresident of the Kyrgyz Republic:"), which ``select_readouts3.LABEL`` misses, so a document counts as
  two-sided when that pattern finds a foreign speaker or when a label naming a foreign office (``FOREIGN_LABEL``: a
  President, Prime Minister, ... of somewhere other than Russia, up to its colon) occurs in the body; the slugs are
  those of ``select_readouts7`` plus conversations with a president or prime minister and "Russian-X talks";
- one visit, two documents: up to one pair of candidates of one folder with the same date and the same counterpart
  (``one_visit_pairs``), both two-sided, drawn last from what the strata left. None exists among the candidates:
  the White House's three such pairs went to ``test7``; the nearest, Macron's arrival ceremony on 2022-12-01 (917
  words) and the Kremlin's news conference after the Russian-Belarusian talks of 2022-02-18 (3,974 words), are
  longer than the candidates may be. The stratum is kept so the claim can be re-checked, and draws nothing.

Candidates: none of the documents already in ``split.json`` (those drawn here excepted, so the draw does not change
once its documents are annotated) or in an earlier draw file (``readouts*.json``, ``dev2.json``), none that is a
source of the learned comparer's silver pairs (``training/silver_pairs.json``), bodies of 60 to 900 words; within
each stratum a seeded random sample of sorted candidate paths. Every drawn document joins ``test8``; the earlier
draws ignore ``readouts8.json`` so they stay reproducible, and this draw ignores the draw files of the later
batches (``select_readouts3.later_files``).
"""

from __future__ import annotations

import itertools
import json
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import select_readouts3  # noqa: E402  (the body reader, the speaker-label pattern and the report)
import select_readouts5  # noqa: E402  (the candidate filter and the silver sources)
import select_readouts7  # noqa: E402  (the White House pool's tests and the Kremlin slug patterns)

SEED = 20261211
GOLD_ROOT = Path(__file__).resolve().parent
RAW = select_readouts5.RAW
WORDS = (60, 900)
DRAWN = GOLD_ROOT / "readouts8.json"
EARLIER = ("readouts3.json", "readouts4.json", "readouts5.json", "dev2.json", "readouts6.json", "readouts7.json")
KREMLIN_TWO_SIDED = (select_readouts7.KREMLIN_TWO_SIDED
                     + r"|conversation-with-(?:president|prime-minister)|russian-[a-z]+-talks")
FOREIGN_LABEL = re.compile(
    r"(?:President|Prime Minister|Chancellor|King|Emir|Crown Prince|Chairman|Secretary-General)\b"
    r"(?:(?!Russia)[^.:!?\n]){0,90}:"
)
# (stratum, folder, pattern on the slug, pattern the slug must not match, count)
STRATA: tuple[tuple[str, str, str, str, int], ...] = (
    ("wh short transcript, both leaders speak", "wh_joint", r".", r"^$", 3),
    ("kremlin talks, meeting or conversation, both leaders speak", "kremlin", KREMLIN_TWO_SIDED,
     select_readouts7.KREMLIN_NOT, 3),
)
VISIT_PAIRS = 1


def two_sided(path: Path) -> bool:
    """Whether a foreign speaker's label occurs in the body (either pattern; see the module docstring)."""
    body = select_readouts3.body_of(path)
    if select_readouts7.foreign_speaks(body):
        return True
    return path.parent.name == "kremlin" and FOREIGN_LABEL.search(body) is not None


def pool(folder: str, wanted: str, unwanted: str, excluded: set[str]) -> list[Path]:
    """Sorted two-sided candidates of one folder."""
    return [path for path in select_readouts5.candidates((folder,), wanted, unwanted, None, excluded, WORDS)
            if two_sided(path)]


def counterpart(path: Path) -> str:
    """Who the host meets, from the title: the White House's "President Biden and X of ...", the Kremlin's
    "... with X" or "Russian-X talks"."""
    title = select_readouts7.title_of(path)
    for pattern in (r"President Biden and (.+?) (?:of|at|in|before|during) ", r" with (.+)$", r"Russian-(\w+)"):
        match = re.search(pattern, title)
        if match:
            return match.group(1)
    return title


def one_visit_pairs(paths: list[Path]) -> list[tuple[Path, Path]]:
    """Two candidates of one folder with the same date and counterpart and different titles. Sorted."""
    pairs = []
    for a, b in itertools.combinations(sorted(paths), 2):
        same = a.parent == b.parent and a.stem[:10] == b.stem[:10] and counterpart(a) == counterpart(b)
        if same and select_readouts7.title_of(a) != select_readouts7.title_of(b):
            pairs.append((a, b))
    return pairs


def draw() -> list[tuple[str, str, Path]]:
    """(stratum, split, path) of the drawn documents, in stratum order; no document is drawn twice."""
    drawn_here = set(json.loads(DRAWN.read_text(encoding="utf-8"))) if DRAWN.exists() else set()
    annotated = set(json.loads((GOLD_ROOT / "split.json").read_text(encoding="utf-8"))) - drawn_here
    annotated -= select_readouts3.later_draws(*select_readouts3.later_files(8))  # drawn after this batch
    for earlier in EARLIER:
        annotated |= set(json.loads((GOLD_ROOT / earlier).read_text(encoding="utf-8")))
    excluded = annotated | select_readouts5.silver_sources()
    rng = random.Random(SEED)
    chosen: list[tuple[str, str, Path]] = []
    left: list[Path] = []
    for stratum, folder, wanted, unwanted, count in STRATA:
        candidates = pool(folder, wanted, unwanted, excluded)
        picked = rng.sample(candidates, min(count, len(candidates)))
        chosen += [(stratum, "test8", path) for path in picked]
        left += [path for path in candidates if path not in picked]
    visits = one_visit_pairs(left)
    for a, b in rng.sample(visits, min(VISIT_PAIRS, len(visits))):
        chosen += [("one visit, two documents", "test8", a), ("one visit, two documents", "test8", b)]
    return chosen


if __name__ == "__main__":
    select_readouts3.report(draw(), DRAWN, sys.argv)
