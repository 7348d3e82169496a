"""Draw the third batch of the real gold set (issue #22): plain readouts of calls and meetings.

Run from the repository root: ``python benchmarks/gold_real/select_readouts3.py`` (``--write`` also writes the
draw to ``readouts3.json``). Prints one line per drawn
document: stratum, the split it joins (``dev`` or ``test3``), its body's word count and its path relative to
``../shared/datasets/real_readouts/raw``. Re-running gives the same draw.

Readouts (third-person accounts of a call or a meeting, no speaker labels) were the weakest format on the
untouched splits and the thinnest in ``dev``, so this draw takes only them, from every house style of the raw
corpus: none of the documents already in ``split.json`` (so the draw does not change once its documents are
annotated), bodies of 60 to 450 words (short enough to annotate every statement by hand), no transcript speaker
labels in the body, and within each stratum a seeded random sample of sorted candidate paths. In each stratum the
first drawn document joins the untouched split ``test3`` and the others join ``dev``; one more document of the
largest pool (``state``) goes to ``test3``:

- Kremlin, telephone conversation readout: 4 (1 ``test3``)
- president.gov.ua, readout of a call or meeting: 4 (1 ``test3``)
- State Department, readout of the Secretary's call or meeting: 4 (2 ``test3``)

A second round from the same seeded generator, drawn after the first twelve were annotated, adds two documents
per stratum, the first of each to ``test3``: 18 documents, 11 ``dev`` and 7 ``test3``. A third round, drawn once
development on those had begun (and ``dev`` readouts scored well above the untouched ones), adds three more
``dev`` documents per stratum: in all 27 documents, 20 ``dev`` and 7 ``test3``.

The White House readouts of ``../shared/datasets/wh_readouts`` are not drawn: their files carry a YAML front
matter without ``license`` or ``issuing_side``, so they cannot be byte copies in the ``docs/`` format, and they
already have their own gold (``wh_readouts.json``, scored by ``bench_extraction.py``).
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

SEED = 20261206
GOLD_ROOT = Path(__file__).resolve().parent
RAW = GOLD_ROOT.parents[1] / ".." / "shared" / "datasets" / "real_readouts" / "raw"
MIN_WORDS, MAX_WORDS = 60, 450
# What this script drew, written by ``--write``: its documents are in ``split.json`` now, and are not held against
# the draw (so the draw does not change once they are annotated).
DRAWN = GOLD_ROOT / "readouts3.json"
EXTRA = 2  # second-round documents per stratum: one untouched, one for development
DEV_ROUND = 3  # third-round documents per stratum, all for development
LABEL = re.compile(r"(?:^|[.?!]\s)(?:[A-Z][\w.'-]*\s){0,5}[A-Z][\w.'-]*\s?:\s", re.M)
# (stratum, folder, pattern on the slug, pattern the slug must not match, count, how many go to test3)
STRATA = (
    ("kremlin phone call", "kremlin", r"telephone-conversation|phone-call|telephone-call", r"^$", 4, 1),
    ("ua readout", "ua", r"conversation|met-with|meeting|held-a|had-a|talks?-with|phone",
     r"address|speech|joint-statement|statement", 4, 1),
    ("state readout", "state", r"call-with|meeting-with|s-call|s-meeting|meets-with|meet-with",
     r"remarks|joint-statement|press|interview|before-", 4, 2),
)


def body_of(path: Path) -> str:
    return path.read_text(encoding="utf-8").partition("\n---\n")[2]


def draw() -> list[tuple[str, str, Path]]:
    """(stratum, split, path) of the drawn documents, in stratum order; no document is drawn twice."""
    drawn_here = set(json.loads(DRAWN.read_text(encoding="utf-8"))) if DRAWN.exists() else set()
    annotated = set(json.loads((GOLD_ROOT / "split.json").read_text(encoding="utf-8"))) - drawn_here
    annotated -= later_draws("dev2.json", *later_files(3))  # the batches drawn after this one
    rng = random.Random(SEED)
    chosen = []
    pools = {stratum: candidates(folder, wanted, unwanted, annotated)
             for stratum, folder, wanted, unwanted, _, _ in STRATA}
    for stratum, _, _, _, count, untouched in STRATA:
        for rank, path in enumerate(rng.sample(pools[stratum], min(count, len(pools[stratum])))):
            chosen.append((stratum, "test3" if rank < untouched else "dev", path))
    # A second round, drawn after the first was annotated: two more per stratum, the first of them untouched.
    taken = {path for _, _, path in chosen}
    for stratum, *_ in STRATA:
        pool = [path for path in pools[stratum] if path not in taken]
        for rank, path in enumerate(rng.sample(pool, min(EXTRA, len(pool)))):
            chosen.append((stratum, "test3" if rank == 0 else "dev", path))
    # A third round, drawn after development on the first two had begun: development readouts only.
    taken = {path for _, _, path in chosen}
    for stratum, *_ in STRATA:
        pool = [path for path in pools[stratum] if path not in taken]
        chosen += [(stratum, "dev", path) for path in rng.sample(pool, min(DEV_ROUND, len(pool)))]
    return chosen


def later_files(batch: int) -> list[str]:
    """The draw files of the batches after batch number ``batch`` (``readouts<N>.json``, N above it), as they exist
    now: a new batch's file joins every earlier draw's list without editing it."""
    return sorted(path.name for path in GOLD_ROOT.glob("readouts*.json")
                  if path.stem.removeprefix("readouts").isdigit() and int(path.stem.removeprefix("readouts")) > batch)


def _number(name: str) -> int | None:
    stem = Path(name).stem.removeprefix("readouts")
    return int(stem) if name.startswith("readouts") and stem.isdigit() else None


def earlier_files(batch: int) -> list[str]:
    """The draw files of the batches before batch number ``batch``: ``readouts<N>.json`` with N below it, and
    ``dev2.json``, drawn after the fifth batch."""
    names = sorted((path.name for path in GOLD_ROOT.glob("readouts*.json")
                    if (n := _number(path.name)) is not None and n < batch), key=lambda name: _number(name) or 0)
    return names + (["dev2.json"] if batch > 5 else [])


def later_draws(*after: str) -> set[str]:
    """Documents in the draw files named (those of the batches drawn after a batch): not held against its draw, so it
    stays the same."""
    names: set[str] = set()
    for file in after:
        later = GOLD_ROOT / file
        names |= set(json.loads(later.read_text(encoding="utf-8"))) if later.exists() else set()
    return names


def candidates(
    folder: str, wanted: str, unwanted: str, annotated: set[str], words: tuple[int, int] = (MIN_WORDS, MAX_WORDS)
) -> list[Path]:
    """Sorted readouts of one folder whose slug matches, of ``words`` (min, max) length, with no speaker labels."""
    pool = []
    for path in sorted((RAW / folder).glob("*.txt")):
        slug = path.stem.split("_", 1)[1]
        if path.stem in annotated or not re.search(wanted, slug) or re.search(unwanted, slug):
            continue
        body = body_of(path)
        if words[0] <= len(body.split()) <= words[1] and not LABEL.search(body):
            pool.append(path)
    return pool


def report(drawn: list[tuple[str, str, Path]], target: Path, argv: list[str]) -> None:
    """Print one line per drawn document; with ``--write`` in ``argv`` also write the draw to ``target``."""
    for stratum, split, path in drawn:
        print(f"{stratum}\t{split}\t{len(body_of(path).split())}\t{path.relative_to(RAW)}")
    if "--write" in argv:
        target.write_text(json.dumps({path.stem: split for _, split, path in drawn}, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    report(draw(), DRAWN, sys.argv)
