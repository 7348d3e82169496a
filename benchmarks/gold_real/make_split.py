"""Assign each annotated document to ``dev`` or ``test``, by document, stratified by house style.

Run from the repository root: ``python benchmarks/gold_real/make_split.py`` writes ``split.json``. Within
each source (White House, State Department, Kremlin, president.gov.ua) documents are ordered by the SHA-1
of their name and every third goes to ``test``; the order does not depend on which other documents exist,
so adding documents later never moves an existing one. The ``test`` part stays untouched until a report.
Documents of one ``pairs.gold.json`` pair always share a split (the first one's). Documents already marked
``test2`` in ``split.json`` (the fresh untouched split drawn by ``select_test2.py``) keep that mark and take no part
in the dev/test assignment.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from validate import GOLD_ROOT, source_of


def assign(names: list[str], pairs: list[list[str]]) -> dict[str, str]:
    """``{name: "dev" | "test"}``: every third document of each source by hash goes to test."""
    split: dict[str, str] = {}
    for source in sorted({source_of(name) for name in names}):
        members = sorted((n for n in names if source_of(n) == source), key=lambda n: hashlib.sha1(n.encode()).hexdigest())
        for rank, name in enumerate(members):
            split[name] = "test" if rank % 3 == 2 else "dev"
    for docs in pairs:
        for name in docs[1:]:
            split[name] = split[docs[0]]
    return dict(sorted(split.items()))


def main() -> None:
    split_path = GOLD_ROOT / "split.json"
    previous = json.loads(split_path.read_text(encoding="utf-8")) if split_path.exists() else {}
    fresh = {name for name, part in previous.items() if part == "test2"}
    names = [path.name.removesuffix(".gold.json") for path in (GOLD_ROOT / "gold").glob("*.gold.json")]
    names = [name for name in names if name not in fresh]
    pairs_path = GOLD_ROOT / "pairs.gold.json"
    pairs = [pair["docs"] for pair in json.loads(pairs_path.read_text(encoding="utf-8"))] if pairs_path.exists() else []
    split = dict(sorted({**assign(names, pairs), **dict.fromkeys(fresh, "test2")}.items()))
    (GOLD_ROOT / "split.json").write_text(json.dumps(split, indent=1) + "\n", encoding="utf-8")
    counts = {part: sum(1 for value in split.values() if value == part) for part in ("dev", "test", "test2")}
    print(f"{len(split)} documents: {counts}")


if __name__ == "__main__":
    main()
