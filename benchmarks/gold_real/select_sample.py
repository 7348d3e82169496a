"""Draw the real-readout evaluation sample: a fixed-seed random sample of White House readouts.

Run from the repository root: ``python benchmarks/gold_real/select_sample.py``. Prints the chosen paths
(relative to the shared datasets folder) with their stratum and split. The sample is stratified over year
and over the kind of meeting, restricted to readouts of meetings and calls with a foreign counterpart
(domestic roundtables have no second side). Re-running gives the same sample.
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

SEED = 20250101
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
WH = ROOT / ".." / "shared" / "datasets" / "wh_readouts"

def _foreign_slugs() -> re.Pattern[str]:
    """Slug forms of every non-US country and organisation of the built-in gazetteer."""
    from claimcmp.gazetteer import GAZETTEER

    slugs = set()
    for canonical, aliases in GAZETTEER.items():
        if canonical == "United States":
            continue
        for alias in aliases:
            slug = re.sub(r"[^a-z0-9]+", "-", alias.lower().replace("’", "").replace("'", "")).strip("-")
            if len(slug) > 3:
                slugs.add(slug)
    body = "|".join(sorted(slugs, key=len, reverse=True))
    return re.compile(rf"(?:^|-)(?:{body})(?:-|$)")


def stratum(slug: str) -> str:
    """The kind of meeting a readout's file name describes."""
    if re.search(r"trilateral|quad|leaders|multilateral|summit|-and-(?:prime|president|chancellor|king)", slug):
        return "multi-party"
    if "vice-president" in slug:
        return "vice-president"
    if re.search(r"sullivan|national-security|secretary|envoy|deputy|advisor|adviser|coordinator", slug):
        return "official"
    if re.search(r"call|phone|speaks", slug):
        return "president-call"
    return "president-meeting"


def sample(n_per_stratum_year: int = 1) -> list[tuple[str, str, str, str]]:
    """(relative path, year, stratum, split) of the drawn readouts, in draw order."""
    foreign = _foreign_slugs()
    pool: dict[tuple[str, str], list[Path]] = {}
    for path in sorted(WH.rglob("*.md")):
        slug = path.stem
        if not slug.startswith("20") or not foreign.search(slug[11:]):
            continue
        year = slug[:4]
        pool.setdefault((year, stratum(slug)), []).append(path)
    rng = random.Random(SEED)
    chosen: list[tuple[str, str, str]] = []
    for key in sorted(pool):
        year, kind = key
        if year == "2025" and kind not in ("president-call", "president-meeting"):
            continue
        for path in rng.sample(pool[key], min(n_per_stratum_year, len(pool[key]))):
            chosen.append((str(path.relative_to(WH.parent)), year, kind))
    rng.shuffle(chosen)
    # 17 readouts: 12 for development, the last 5 drawn held out as the untouched test set
    chosen = chosen[:17]
    rows = [(p, y, k, "test" if i >= 12 else "dev") for i, (p, y, k) in enumerate(chosen)]
    # plus two readouts holding quotation marks (direct quotes are rare in readouts): one dev, one test
    taken = {row[0] for row in rows}
    quoted = [
        path for paths in pool.values() for path in paths
        if str(path.relative_to(WH.parent)) not in taken and "georgia" not in path.stem and _has_quote(path)
    ]  # "Georgia" in a White House slug is the US state
    for split, path in zip(("dev", "test"), random.Random(SEED + 1).sample(sorted(quoted), 2)):
        rows.append((str(path.relative_to(WH.parent)), path.stem[:4], "quoted", split))
    return rows


def _has_quote(path: Path) -> bool:
    """Whether the body holds a quotation of six words or more (not just a quoted name)."""
    body = path.read_text(encoding="utf-8").split("\n---\n", 1)[-1].replace('\\"', "")
    return re.search(r"[“\"](?:[^”\"\s]+\s+){5,}[^”\"]*[”\"]", body) is not None


if __name__ == "__main__":
    for row in sample():
        print("\t".join(row))
