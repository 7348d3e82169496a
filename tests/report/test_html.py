"""The HTML report's markup: self-contained, escaped, deterministic (no browser needed)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from claimcmp.analysis import Analysis
from claimcmp.report._view import Limits, evidence_terms, highlight, safe_url
from claimcmp.report.html import render_html
from tests.analysis.helpers import PWNED


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text of <title>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_title = tag == "title"

    def handle_endtag(self, tag: str) -> None:
        self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


def parse(html: str) -> Tags:
    parser = Tags()
    parser.feed(html)
    return parser


def assert_inert(html: str) -> None:
    """No script, frame, event handler or non-http(s) link; images only as inline data."""
    tags = parse(html).tags
    names = {t for t, _ in tags}
    assert not names & {"script", "iframe", "object", "embed", "svg", "form", "base", "link"}
    for tag, attrs in tags:
        assert not [a for a in attrs if a.startswith("on")], (tag, attrs)
        if "href" in attrs:
            href = attrs["href"] or ""
            assert href.startswith(("#", "https://", "http://")), href
        if tag == "img":
            assert (attrs.get("src") or "").startswith("data:image/svg+xml;base64,")
        if "style" in attrs:
            raise AssertionError(f"inline style attribute on {tag}")


def test_seed_report_has_every_section(seed_analysis: Analysis) -> None:
    html = seed_analysis.to_html()
    for anchor in ("summary", "heatmap", "counter-claims", "agreements", "topics", "one-sided", "themes",
                   "releases", "settings"):
        assert f'<section id="{anchor}">' in html
    assert html.count('<img src="data:image/svg+xml;base64,') == 2  # heatmap + timeline
    assert "Fernando Arias" in html and "Kirill Lysogorsky" in html


def test_report_is_self_contained_and_script_free(seed_analysis: Analysis) -> None:
    html = seed_analysis.to_html()
    assert_inert(html)
    assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", html.split("</nav>")[0])
    csp = next(a for t, a in parse(html).tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in (csp["content"] or "")
    assert "@media print" in html


def test_hostile_release_text_is_escaped(hostile_analysis: Analysis) -> None:
    html = hostile_analysis.to_html()
    assert_inert(html)
    parsed = parse(html)
    assert PWNED not in parsed.title
    assert "&lt;script&gt;" in html and "&lt;img src=x onerror=" in html
    assert "javascript:" not in " ".join(a.get("href") or "" for _, a in parsed.tags)
    assert 'href="https://example.org/release?a=1&amp;b=&lt;2&gt;"' not in html  # < > in a URL: not linked
    assert "Second &lt;b&gt;release&lt;/b&gt;" in html


def test_links_lead_back_to_releases_and_statements(seed_analysis: Analysis) -> None:
    html = seed_analysis.to_html()
    ids = {a["id"] for _, a in parse(html).tags if a.get("id")}
    targets = {a["href"][1:] for _, a in parse(html).tags if (a.get("href") or "").startswith("#")}
    assert targets <= ids
    assert "r-0" in ids and any(t.startswith("s-") for t in targets)


def test_html_is_deterministic(seed_analysis: Analysis) -> None:
    assert seed_analysis.to_html() == seed_analysis.to_html()


def test_limits_cut_lists_and_say_how_many_are_left(seed_analysis: Analysis) -> None:
    assert len(seed_analysis.topics) >= 2
    html = render_html(seed_analysis, Limits(relations=1, topics=1, release_text_chars=10), charts=False)
    longest, word = max((seed_analysis.agreements, "agreements"), (seed_analysis.counter_claims, "counter-claims"),
                        key=lambda item: len(item[0]))
    assert len(longest) >= 2
    assert f"and {len(longest) - 1} more {word}" in html
    assert re.search(r"and \d+ more topics \(of \d+;", html)
    assert "Full text is shown for 0 of 1 releases" in html
    assert "<img" not in html


def test_safe_url_accepts_only_http_links() -> None:
    assert safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    for bad in ("javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:x", "data:text/html,x", "//evil.org",
                "file:///etc/passwd", "https://", "https://x.org/\"onmouseover=", None, ""):
        assert safe_url(bad) is None, bad


def test_evidence_words_are_highlighted(seed_analysis: Analysis) -> None:
    rel = next(r for r in seed_analysis.relations if r.cue != "model")
    terms = evidence_terms(rel)
    assert terms
    pieces = highlight(rel.evidence.a.text, terms) + highlight(rel.evidence.b.text, terms)
    assert any(hit for _, hit in pieces)
    assert "".join(p for p, _ in highlight(rel.evidence.a.text, terms)) == rel.evidence.a.text
