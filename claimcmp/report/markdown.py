"""The Markdown report: the HTML report's content as tables, for terminals and code hosts.

Cells are kept on one line: ``|`` is escaped, newlines become spaces and
``<``/``>``/``&`` are written as entities so that no release text turns into
markup when a code host renders the file.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ._view import Limits, build_view

if TYPE_CHECKING:  # pragma: no cover
    from ..analysis import Analysis

__all__ = ["Raw", "cell", "render_markdown", "table"]

_ESCAPES = str.maketrans({"|": "\\|", "<": "&lt;", ">": "&gt;", "&": "&amp;", "`": "\\`", "\\": "\\\\"})


class Raw(str):
    """A cell already escaped (and marked up) by the caller: :func:`cell` keeps it as is."""


def cell(value: Any, width: int | None = None) -> str:
    """One table cell: a single line, escaped, optionally cut to ``width`` characters."""
    if isinstance(value, Raw):
        return str(value)
    text = "" if value is None else " ".join(str(value).split())
    if width is not None and len(text) > width:
        text = text[: width - 1] + "…"
    return text.translate(_ESCAPES)


def table(header: Sequence[str], rows: Sequence[Sequence[Any]], numeric: Sequence[int] = ()) -> list[str]:
    """A pipe table (``numeric`` columns right-aligned)."""
    align = ["---:" if i in numeric else "---" for i in range(len(header))]
    lines = ["| " + " | ".join(cell(h) for h in header) + " |", "| " + " | ".join(align) + " |"]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return lines


def _who(s: dict[str, Any]) -> str:
    parts = [s["side"] or "no side"]
    if s["speaker"]:
        parts.append(s["speaker"])
    return " · ".join(parts)


def _source(s: dict[str, Any]) -> str:
    return f"{s['release_title']} ({s['release_date']})" if s["release_date"] else s["release_title"]


def _evidence(s: dict[str, Any]) -> Raw:
    """The statement with its evidence words in bold."""
    pieces = []
    for piece, hit in s["segments"]:
        text = re.sub(r"\s+", " ", piece).translate(_ESCAPES)
        pieces.append(f"**{text}**" if hit and text.strip() else text)
    return Raw("".join(pieces).strip())


def _more(block: dict[str, Any], what: str) -> list[str]:
    if not block["more"]:
        return []
    return ["", f"… and {block['more']} more {what} (of {block['total']}; all are in the JSON report)."]


def render_markdown(analysis: Analysis, limits: Limits | None = None) -> str:
    """The Markdown report text (ends with a newline)."""
    v = build_view(analysis, limits)
    sm = v["summary"]
    pair = sm["pair"]
    out: list[str] = []
    title = f"{pair[0]} vs {pair[1]}" if pair else "statements"
    out += [f"# claimcmp report: {cell(title)}", ""]
    span = ""
    if sm["first_date"]:
        span = f", {sm['first_date']}" + (f" to {sm['last_date']}" if sm["last_date"] != sm["first_date"] else "")
    out += [f"{sm['releases']} release(s){span} · {sm['statements']} statements · {sm['topics']} topics", ""]
    out += [f"> {cell(n)}" for n in v["notes"]] + ([""] if v["notes"] else [])

    out += ["## Summary per side", ""]
    out += table(
        ["Side", "Statements", "Releases", "Topics", "Kinds", "Speakers"],
        [[s["side"], s["statements"], s["releases"], s["topics"],
          ", ".join(f"{k.replace('_', ' ')} {n}" for k, n in s["kinds"].items()),
          ", ".join(s["speakers"][:5]) + (f" +{len(s['speakers']) - 5}" if len(s["speakers"]) > 5 else "")]
         for s in sm["sides"]],
        numeric=(1, 2, 3),
    )
    out += [""] + table(
        ["Agreements", "Counter-claims", "One-sided topics", "Themes", "Repeated claims"],
        [[sm["agreements"], sm["counter_claims"], sm["one_sided_topics"], sm["themes"], sm["claims"]]],
        numeric=(0, 1, 2, 3, 4),
    )

    sim = v["similarity"]
    out += ["", "## Cross-side similarity", ""]
    if sim is None:
        out.append("No similarity matrix: it needs statements of two sides.")
    else:
        out.append(f"Cosine similarity, rows: {cell(sim.sides[0])} {sim.kind}, columns: {cell(sim.sides[1])} {sim.kind}.")
        out.append("")
        cols = list(sim.col_labels[:12])
        out += table([""] + [f"{j + 1}" for j in range(len(cols))],
                     [[cell(label, 50)] + [f"{x:.2f}" for x in row[:12]] for label, row in zip(sim.row_labels, sim.values, strict=True)],
                     numeric=tuple(range(1, len(cols) + 1)))
        out += [""] + [f"{j + 1}. {cell(label, 80)}" for j, label in enumerate(cols)]

    for key, heading, word in (("counter_claims", "Counter-claims", "counter-claims"), ("agreements", "Agreements", "agreements")):
        block = v[key]
        out += ["", f"## {heading}", ""]
        if not block["items"]:
            out.append("None found.")
            continue
        rows = []
        for r in block["items"]:
            cue = r["cue"].replace("_", " ") + (f" ({r['cue_detail']})" if r["cue_detail"] else "")
            rows.append([f"{r['score']:.2f}", cue, _who(r["a"]), _evidence(r["a"]), _who(r["b"]), _evidence(r["b"]),
                         "" if r["topic"] is None else r["topic"]])
        header = ["p", "Cue", "Side A", "Statement A", "Side B", "Statement B", "Topic"]
        out += table(header, rows, numeric=(0,)) + _more(block, word)

    out += ["", "## Topics, side by side", ""]
    columns = [c["side"] for c in v["columns"]]
    if v["topics"]["items"]:
        rows = []
        for t in v["topics"]["items"]:
            cells = []
            for c in t["cells"]:
                texts = [cell(s["text"], 160) for s in c["statements"]]
                if c["more"]:
                    texts.append(f"… +{c['more']}")
                cells.append(Raw("<br>".join(texts)))
            rows.append((f"{t['id']}: {cell(t['label'])}", t["size"], cells))
        out.append("| Topic | Size | " + " | ".join(cell(c) for c in columns) + " |")
        out.append("| --- | ---: | " + " | ".join("---" for _ in columns) + " |")
        out += [f"| {label} | {size} | " + " | ".join(cells) + " |" for label, size, cells in rows]  # cells escaped above
    else:
        out.append("No topics.")
    out += _more(v["topics"], "topics")

    out += ["", "## Topics raised by one side only", ""]
    block = v["one_sided"]
    if block["items"]:
        out += table(["Side", "Topic", "Statements", "Example"],
                     [[t["side"], f"{t['topic']}: {t['label']}", t["count"],
                       cell(t["examples"][0]["text"], 160) if t["examples"] else ""] for t in block["items"]],
                     numeric=(2,))
    else:
        out.append("None found.")
    out += _more(block, "one-sided topics")

    out += ["", "## Themes over time", ""]
    block = v["themes"]
    if block["items"]:
        out += table(["Theme", "Trend", "First seen", "Last seen", "Releases", "Statements", "By side"],
                     [[f"{t['id']}: {t['label']}", t["trend"], t["first_seen"], t["last_seen"], t["releases"], t["size"],
                       ", ".join(f"{k}: {n}" for k, n in t["sides"].items())] for t in block["items"]],
                     numeric=(4, 5))
    else:
        out.append("No themes.")
    out += _more(block, "themes")
    timeline = [r for r in analysis.timeline]
    if timeline:
        out += ["", f"Timeline (statements per {v['theme_period'] or 'period'}, side and theme):", ""]
        shown = timeline[:200]
        out += table(["Period", "Side", "Theme", "Statements", "Releases"],
                     [[r.period, r.side, f"{r.theme_id}: {r.theme_label}", r.statements, r.releases]
                      for r in sorted(shown, key=lambda r: (r.period, r.side, r.theme_id))],
                     numeric=(3, 4))
        if len(timeline) > len(shown):
            out += ["", f"… and {len(timeline) - len(shown)} more timeline rows (all are in the JSON report)."]
    out += ["", "### Repeated claims", ""]
    block = v["claims"]
    if block["items"]:
        out += table(["Claim", "Releases", "Times", "Sides", "First"],
                     [[cell(c["text"], 200), c["releases"], c["occurrences"], ", ".join(c["sides"]), c["first_date"]]
                      for c in block["items"]], numeric=(1, 2))
    else:
        out.append("No claim is repeated across releases.")
    out += _more(block, "claims")

    out += ["", "## Releases", ""]
    out += table(["Release", "Date", "Issuer", "Statements", "Source"],
                 [[f"{r['id']}: {r['title']}", r["date"], r["issuer"], r["statements"], r["source"]]
                  for r in v["releases"]["items"]], numeric=(3,))
    out += _more(v["releases"], "releases")

    st = v["settings"]
    out += ["", "## Run settings", ""]
    rows = [["model", f"{st['model']} ({st['model_identity']})"],
            ["compared sides", " vs ".join(st["compared_sides"] or []) or "none"],
            ["sides file", "; ".join(f"{k}: {', '.join(x['aliases'])}" for k, x in (st["sides"] or {}).items()) or "none (inferred)"]]
    for step, params in st["parameters"].items():
        rows.append([step, ", ".join(f"{k}={x}" for k, x in params.items()) if isinstance(params, dict) else params])
    rows.append(["versions", ", ".join(f"{k} {x}" for k, x in st["versions"].items())])
    out += table(["Setting", "Value"], rows)
    return "\n".join(out) + "\n"
