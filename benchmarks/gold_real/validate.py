"""Check the hand-annotated real gold set against the conventions of ``ANNOTATION.md``.

Run from the repository root: ``python benchmarks/gold_real/validate.py``. Prints one line per problem and
exits non-zero when there is any. The same checks run in ``tests/benchmarks/test_gold_real.py``.

Checked for every ``gold/<name>.gold.json``: a matching ``docs/<name>.txt`` exists with a header ending in a
``---`` line and naming its source and licence; every statement text is an exact substring of the body that
occurs exactly once; statements are in document order and do not overlap; kinds and sides are valid; every
relation index resolves and joins two different, non-joint, non-null sides; ambiguity keys resolve. For
``pairs.gold.json``: every document exists and every ``{doc, index}`` end resolves. ``split.json`` puts every
document in exactly one of ``dev``, ``test``, ``test2``, ``test3``, ``test4``, ``test5``, ``test6``, ``test7``,
``test8``, ``test9``, ``test10``, ``test11``, ``test12``, ``test13``, ``test14``, ``test15``, ``test16``, ``test17``
and ``test18``. For every ``topics/<name>.topics.json`` (agenda-item topics of a two-sided meeting): ``doc`` names a
document of the split with a gold file, every topic has a non-empty label and a list of statements, and every
statement index of that document appears exactly once, in one topic or in ``unassigned``.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

GOLD_ROOT = Path(__file__).resolve().parent
KINDS = frozenset({"direct_quote", "reported", "joint", "narration"})
RELATIONS = frozenset({"agreement", "counter_claim"})
SPLITS = ("dev", "test", "test2", "test3", "test4", "test5", "test6", "test7", "test8", "test9", "test10", "test11",
          "test12", "test13", "test14", "test15", "test16", "test17", "test18")
REQUIRED_HEADER = ("title", "date", "source_url", "license")


@dataclass(frozen=True)
class GoldDocument:
    """One annotated document: its header fields, its body and its gold labels."""

    name: str
    header: dict[str, str]
    body: str
    gold: dict


def source_of(name: str) -> str:
    """The house style a document name comes from (``wh-joint``, ``state``, ``kremlin``, ``ua``)."""
    match = re.match(r"\d{4}-\d{2}-\d{2}_(wh-joint|state|kremlin|ua)-", name)
    return match.group(1) if match else "other"


def split_document(text: str) -> tuple[dict[str, str], str]:
    """Split a ``docs/*.txt`` file into its header fields and its body (the text after the ``---`` line)."""
    head, separator, body = text.partition("\n---\n")
    if not separator:
        raise ValueError("no '---' line between header and body")
    header = {}
    for line in head.splitlines():
        key, colon, value = line.partition(":")
        if colon:
            header[key.strip()] = value.strip()
    return header, body


def load_documents(root: Path = GOLD_ROOT) -> list[GoldDocument]:
    """Every gold file with its document, sorted by name."""
    documents = []
    for gold_path in sorted((root / "gold").glob("*.gold.json")):
        name = gold_path.name.removesuffix(".gold.json")
        header, body = split_document((root / "docs" / f"{name}.txt").read_text(encoding="utf-8"))
        documents.append(GoldDocument(name, header, body, json.loads(gold_path.read_text(encoding="utf-8"))))
    return documents


def statement_problems(document: GoldDocument) -> list[str]:
    """Span, order, kind and side problems of one document's statements."""
    problems = []
    cursor = 0
    for index, statement in enumerate(document.gold.get("statements", [])):
        where = f"{document.name} statement {index}"
        text = statement.get("text", "")
        count = document.body.count(text) if text else 0
        if count != 1:
            problems.append(f"{where}: text occurs {count} times in the body (must be exactly once): {text[:60]!r}")
            continue
        start = document.body.index(text)
        if start < cursor:
            problems.append(f"{where}: starts before the end of the previous statement (order or overlap)")
        cursor = max(cursor, start + len(text))
        kind, side, speaker = statement.get("kind"), statement.get("side"), statement.get("speaker")
        if kind not in KINDS:
            problems.append(f"{where}: kind {kind!r} is not one of {sorted(KINDS)}")
        if side is not None and (not isinstance(side, str) or not side):
            problems.append(f"{where}: side must be a non-empty string or null")
        if kind == "joint" and (side != "joint" or speaker is not None):
            problems.append(f"{where}: a joint statement has side 'joint' and speaker null")
        if kind in {"direct_quote", "reported"} and side is None:
            problems.append(f"{where}: a {kind} statement needs a side")
    return problems


def relation_problems(document: GoldDocument) -> list[str]:
    """Index, side and label problems of one document's relations and ambiguities."""
    statements = document.gold.get("statements", [])
    problems = []
    for number, relation in enumerate(document.gold.get("relations", [])):
        where = f"{document.name} relation {number}"
        ends = [relation.get("a"), relation.get("b")]
        if not all(isinstance(end, int) and 0 <= end < len(statements) for end in ends):
            problems.append(f"{where}: index out of range: {ends}")
            continue
        problems.extend(_side_problems(where, [statements[end].get("side") for end in ends]))
        problems.extend(_label_problems(where, relation))
    for key in document.gold.get("ambiguities", {}):
        if key != "_doc" and not (key.isdigit() and int(key) < len(statements)):
            problems.append(f"{document.name} ambiguity key {key!r} does not resolve")
    return problems


def _side_problems(where: str, sides: list[object]) -> list[str]:
    if any(side in (None, "joint") for side in sides) or sides[0] == sides[1]:
        return [f"{where}: relations join two different, non-joint sides, got {sides}"]
    return []


def _label_problems(where: str, relation: dict) -> list[str]:
    problems = []
    if relation.get("relation") not in RELATIONS:
        problems.append(f"{where}: relation {relation.get('relation')!r} is not one of {sorted(RELATIONS)}")
    if not relation.get("rationale"):
        problems.append(f"{where}: a rationale is required")
    return problems


def header_problems(document: GoldDocument) -> list[str]:
    """Missing header fields, or a gold ``doc`` field that names another document."""
    problems = [f"{document.name}: header lacks {field!r}" for field in REQUIRED_HEADER if field not in document.header]
    if document.gold.get("doc", document.name) != document.name:
        problems.append(f"{document.name}: gold 'doc' is {document.gold.get('doc')!r}")
    return problems


def pair_problems(documents: list[GoldDocument], root: Path = GOLD_ROOT) -> list[str]:
    """Problems of ``pairs.gold.json``: unknown documents, unresolved ends, same-side relations."""
    path = root / "pairs.gold.json"
    if not path.exists():
        return []
    by_name = {document.name: document for document in documents}
    problems = []
    for pair in json.loads(path.read_text(encoding="utf-8")):
        pair_id = pair.get("pair_id")
        problems.extend(f"pair {pair_id}: unknown doc {name!r}" for name in pair.get("docs", []) if name not in by_name)
        for number, relation in enumerate(pair.get("relations", [])):
            where = f"pair {pair_id} relation {number}"
            sides = []
            for end in (relation.get("a", {}), relation.get("b", {})):
                document = by_name.get(end.get("doc"))
                index = end.get("index")
                if document is None or end.get("doc") not in pair.get("docs", []):
                    problems.append(f"{where}: end names a document outside the pair: {end}")
                elif not (isinstance(index, int) and 0 <= index < len(document.gold["statements"])):
                    problems.append(f"{where}: index does not resolve: {end}")
                else:
                    sides.append(document.gold["statements"][index].get("side"))
            if len(sides) == 2:
                problems.extend(_side_problems(where, sides))
            problems.extend(_label_problems(where, relation))
    return problems


def split_problems(documents: list[GoldDocument], root: Path = GOLD_ROOT) -> list[str]:
    """Every document in exactly one of the ``SPLITS`` in ``split.json``, and nothing else listed there."""
    path = root / "split.json"
    if not path.exists():
        return ["split.json is missing (run benchmarks/gold_real/make_split.py)"] if documents else []
    split = json.loads(path.read_text(encoding="utf-8"))
    names = {document.name for document in documents}
    problems = [f"split.json lacks {name!r}" for name in sorted(names - split.keys())]
    problems += [f"split.json names {name!r}, which has no gold file" for name in sorted(split.keys() - names)]
    problems += [f"split.json: {name!r} is {part!r}, not one of {', '.join(SPLITS)}"
                 for name, part in split.items() if part not in SPLITS]
    return problems


def topic_problems(documents: list[GoldDocument], root: Path = GOLD_ROOT) -> list[str]:
    """Problems of ``topics/*.topics.json``: unknown documents, empty labels, indices out of range, missing or repeated."""
    split_path = root / "split.json"
    split = json.loads(split_path.read_text(encoding="utf-8")) if split_path.exists() else {}
    by_name = {document.name: document for document in documents}
    problems = []
    for path in sorted((root / "topics").glob("*.topics.json")):
        where = path.name
        topics = json.loads(path.read_text(encoding="utf-8"))
        name = topics.get("doc")
        if path.name != f"{name}.topics.json":
            problems.append(f"{where}: 'doc' is {name!r}, not the file's name")
        if name not in split or name not in by_name:
            problems.append(f"{where}: doc {name!r} is not a gold document of split.json")
            continue
        count = len(by_name[name].gold["statements"])
        seen: list[int] = []
        for number, topic in enumerate(topics.get("topics", [])):
            label = topic.get("label")
            if not isinstance(label, str) or not label.strip():
                problems.append(f"{where} topic {number}: the label must be a non-empty string")
            members = topic.get("statements")
            if not isinstance(members, list) or not members:
                problems.append(f"{where} topic {number}: 'statements' must be a non-empty list")
                continue
            seen.extend(members)
        unassigned = topics.get("unassigned", [])
        if not isinstance(unassigned, list):
            problems.append(f"{where}: 'unassigned' must be a list")
            unassigned = []
        seen.extend(unassigned)
        bad = [index for index in seen if not (isinstance(index, int) and 0 <= index < count)]
        if bad:
            problems.append(f"{where}: indices out of range 0..{count - 1}: {bad}")
        repeated = sorted({index for index in seen if seen.count(index) > 1})
        if repeated:
            problems.append(f"{where}: indices listed more than once: {repeated}")
        missing = sorted(set(range(count)) - set(seen))
        if missing:
            problems.append(f"{where}: statements in no topic and not unassigned: {missing}")
    return problems


def all_problems(root: Path = GOLD_ROOT) -> list[str]:
    """Every problem in the gold set under ``root``."""
    documents = load_documents(root)
    problems = []
    for document in documents:
        problems.extend(header_problems(document))
        problems.extend(statement_problems(document))
        problems.extend(relation_problems(document))
    return (problems + pair_problems(documents, root) + split_problems(documents, root)
            + topic_problems(documents, root))


def main() -> int:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else GOLD_ROOT
    problems = all_problems(root)
    for problem in problems:
        print(problem)
    print(f"{len(load_documents(root))} documents, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
