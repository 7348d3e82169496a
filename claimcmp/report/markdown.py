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


def _heading(view: dict[str, Any]) -> list[str]:
    """The title, the counts line and the run's notes."""
    sm = view["summary"]
    pair = sm["pair"]
    title = f"{pair[0]} vs {pair[1]}" if pair else "statements"
    out = [f"# claimcmp report: {cell(title)}", ""]
    span = ""
    if sm["first_date"]:
        span = f", {sm['first_date']}" + (f" to {sm['last_date']}" if sm["last_date"] != sm["first_date"] else "")
    out += [f"{sm['releases']} release(s){span} · {sm['statements']} statements · {sm['topics']} topics", ""]
    out += [f"> {cell(n)}" for n in view["notes"]] + ([""] if view["notes"] else [])
    return out


def _summary_section(summary: dict[str, Any]) -> list[str]:
    """Statements, releases, topics, kinds and speakers per side; then the relation and theme counts."""
    out = ["## Summary per side", ""]
    out += table(
        ["Side", "Statements", "Releases", "Topics", "Kinds", "Speakers"],
        [[s["side"], s["statements"], s["releases"], s["topics"],
          ", ".join(f"{k.replace('_', ' ')} {n}" for k, n in s["kinds"].items()),
          ", ".join(s["speakers"][:5]) + (f" +{len(s['speakers']) - 5}" if len(s["speakers"]) > 5 else "")]
         for s in summary["sides"]],
        numeric=(1, 2, 3),
    )
    out += [""] + table(
        ["Agreements", "Counter-claims", "One-sided topics", "Themes", "Repeated claims"],
        [[summary["agreements"], summary["counter_claims"], summary["one_sided_topics"], summary["themes"],
          summary["claims"]]],
        numeric=(0, 1, 2, 3, 4),
    )
    return out


def _similarity_section(sim: Any) -> list[str]:
    """The cross-side cosine matrix (first 12 columns, numbered and listed below it)."""
    out = ["", "## Cross-side similarity", ""]
    if sim is None:
        out.append("No similarity matrix: it needs statements of two sides.")
        return out
    out.append(f"Cosine similarity, rows: {cell(sim.sides[0])} {sim.kind}, columns: {cell(sim.sides[1])} {sim.kind}.")
    out.append("")
    cols = list(sim.col_labels[:12])
    out += table([""] + [f"{j + 1}" for j in range(len(cols))],
                 [[cell(label, 50)] + [f"{x:.2f}" for x in row[:12]]
                  for label, row in zip(sim.row_labels, sim.values, strict=True)],
                 numeric=tuple(range(1, len(cols) + 1)))
    out += [""] + [f"{j + 1}. {cell(label, 80)}" for j, label in enumerate(cols)]
    return out


def _relations_section(block: dict[str, Any], heading: str, word: str) -> list[str]:
    """Counter-claims or agreements: probability, deciding cue and both statements."""
    out = ["", f"## {heading}", ""]
    if not block["items"]:
        out.append("None found.")
        return out
    rows = []
    for r in block["items"]:
        cue = r["cue"].replace("_", " ") + (f" ({r['cue_detail']})" if r["cue_detail"] else "")
        rows.append([f"{r['score']:.2f}", cue, _who(r["a"]), _evidence(r["a"]), _who(r["b"]), _evidence(r["b"]),
                     "" if r["topic"] is None else r["topic"]])
    header = ["p", "Cue", "Side A", "Statement A", "Side B", "Statement B", "Topic"]
    return out + table(header, rows, numeric=(0,)) + _more(block, word)


def _topics_section(view: dict[str, Any]) -> list[str]:
    """The topics side by side, one column of statements per side."""
    out = ["", "## Topics, side by side", ""]
    columns = [c["side"] for c in view["columns"]]
    if view["topics"]["items"]:
        rows: list[tuple[str, Any, list[Raw]]] = []
        for t in view["topics"]["items"]:
            cells = []
            for c in t["cells"]:
                texts = [cell(s["text"], 160) for s in c["statements"]]
                if c["more"]:
                    texts.append(f"… +{c['more']}")
                cells.append(Raw("<br>".join(texts)))
            rows.append((f"{t['id']}: {cell(t['label'])}", t["size"], cells))
        out.append("| Topic | Size | " + " | ".join(cell(c) for c in columns) + " |")
        out.append("| --- | ---: | " + " | ".join("---" for _ in columns) + " |")
        # cells are escaped above
        out += [f"| {label} | {size} | " + " | ".join(cells) + " |" for label, size, cells in rows]
    else:
        out.append("No topics.")
    return out + _more(view["topics"], "topics")


def _one_sided_section(block: dict[str, Any]) -> list[str]:
    """Topics raised by one side only, with an example statement."""
    out = ["", "## Topics raised by one side only", ""]
    if block["items"]:
        out += table(["Side", "Not raised by", "Topic", "Statements", "Example"],
                     [[t["side"], t["other"] or "", f"{t['topic']}: {t['label']}", t["count"],
                       cell(t["examples"][0]["text"], 160) if t["examples"] else ""] for t in block["items"]],
                     numeric=(3,))
    else:
        out.append("None found.")
    return out + _more(block, "one-sided topics")


def _themes_section(block: dict[str, Any]) -> list[str]:
    """Themes over time: trend, first and last seen, counts by side."""
    out = ["", "## Themes over time", ""]
    if block["items"]:
        out += table(["Theme", "Trend", "First seen", "Last seen", "Releases", "Statements", "By side"],
                     [[f"{t['id']}: {t['label']}", t["trend"], t["first_seen"], t["last_seen"], t["releases"],
                       t["size"], ", ".join(f"{k}: {n}" for k, n in t["sides"].items())] for t in block["items"]],
                     numeric=(4, 5))
    else:
        out.append("No themes.")
    return out + _more(block, "themes")


def _timeline_section(timeline: Sequence[Any], period: str | None) -> list[str]:
    """Statements per period, side and theme (the first 200 rows)."""
    if not timeline:
        return []
    out = ["", f"Timeline (statements per {period or 'period'}, side and theme):", ""]
    shown = timeline[:200]
    out += table(["Period", "Side", "Theme", "Statements", "Releases"],
                 [[r.period, r.side, f"{r.theme_id}: {r.theme_label}", r.statements, r.releases]
                  for r in sorted(shown, key=lambda r: (r.period, r.side, r.theme_id))],
                 numeric=(3, 4))
    if len(timeline) > len(shown):
        out += ["", f"… and {len(timeline) - len(shown)} more timeline rows (all are in the JSON report)."]
    return out


def _claims_section(block: dict[str, Any]) -> list[str]:
    """Claims repeated across releases."""
    out = ["", "### Repeated claims", ""]
    if block["items"]:
        out += table(["Claim", "Releases", "Times", "Sides", "First"],
                     [[cell(c["text"], 200), c["releases"], c["occurrences"], ", ".join(c["sides"]), c["first_date"]]
                      for c in block["items"]], numeric=(1, 2))
    else:
        out.append("No claim is repeated across releases.")
    return out + _more(block, "claims")


def _releases_section(block: dict[str, Any]) -> list[str]:
    """The releases read, with their statement counts."""
    out = ["", "## Releases", ""]
    out += table(["Release", "Date", "Issuer", "Statements", "Source"],
                 [[f"{r['id']}: {r['title']}", r["date"], r["issuer"], r["statements"], r["source"]]
                  for r in block["items"]], numeric=(3,))
    return out + _more(block, "releases")


def _settings_section(st: dict[str, Any]) -> list[str]:
    """The model, the sides, every step's parameters and the library versions of the run."""
    out = ["", "## Run settings", ""]
    sides = "; ".join(f"{k}: {', '.join(x['aliases'])}" for k, x in (st["sides"] or {}).items())
    rows = [["model", f"{st['model']} ({st['model_identity']})"],
            ["compared sides", "; ".join(" vs ".join(p) for p in st["compared_pairs"]) or "none"],
            ["sides file", sides or "none (inferred)"]]
    for step, params in st["parameters"].items():
        rows.append([step, ", ".join(f"{k}={x}" for k, x in params.items()) if isinstance(params, dict) else params])
    rows.append(["versions", ", ".join(f"{k} {x}" for k, x in st["versions"].items())])
    return out + table(["Setting", "Value"], rows)


def render_markdown(analysis: Analysis, limits: Limits | None = None) -> str:
    """The Markdown report text (ends with a newline)."""
    v = build_view(analysis, limits)
    out = _heading(v) + _summary_section(v["summary"]) + _similarity_section(v["similarity"])
    out += _relations_section(v["counter_claims"], "Counter-claims", "counter-claims")
    out += _relations_section(v["agreements"], "Agreements", "agreements")
    out += _topics_section(v) + _one_sided_section(v["one_sided"]) + _themes_section(v["themes"])
    out += _timeline_section(list(analysis.timeline), v["theme_period"])
    out += _claims_section(v["claims"]) + _releases_section(v["releases"]) + _settings_section(v["settings"])
    return "\n".join(out) + "\n"
