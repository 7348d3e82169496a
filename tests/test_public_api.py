"""The public API is exactly ``__all__``, and importing claimcmp stays light."""

from __future__ import annotations


import claimcmp

from .conftest import python_output

EXPECTED = {
    "JOINT_SIDE",
    "ClaimcmpError",
    "Embedder",
    "EmbeddingCache",
    "LoadResult",
    "Release",
    "Statement",
    "StatementKind",
    "__version__",
    "load_releases",
    "extract_statements",
    "Extraction",
    "SkippedSpan",
    "Sides",
    "load_sides",
    "analyze",
    "Analysis",
    "TopicModel",
    "Topic",
    "compare_sides",
    "SideComparer",
    "SideComparison",
    "Relation",
    "OneSidedTopic",
    "track_themes",
    "ThemeTracker",
    "ThemeSeries",
    "Theme",
    "Claim",
}


def test_all_is_the_public_api() -> None:
    assert set(claimcmp.__all__) == EXPECTED
    assert len(claimcmp.__all__) == len(set(claimcmp.__all__))


def test_every_public_name_resolves() -> None:
    for name in claimcmp.__all__:
        assert getattr(claimcmp, name) is not None, name


def test_public_names_not_in_all_are_private() -> None:
    public = {n for n in dir(claimcmp) if not n.startswith("_")}
    submodules = {"errors", "model", "ingest", "embed", "cli", "extract", "topics", "compare", "themes", "report", "analysis", "distributed", "gazetteer", "lang"}
    assert public - submodules - set(claimcmp.__all__) == set()


def test_unknown_attribute_raises_attribute_error() -> None:
    try:
        claimcmp.no_such_name  # noqa: B018
    except AttributeError as exc:
        assert "no_such_name" in str(exc)
    else:  # pragma: no cover
        raise AssertionError("expected AttributeError")


def test_import_does_not_load_torch_or_sentence_transformers() -> None:
    code = (
        "import sys, claimcmp, claimcmp.cli; claimcmp.cli.build_parser();"
        "from claimcmp import load_releases, Embedder;"
        "heavy = [m for m in ('torch', 'sentence_transformers', 'transformers', 'sklearn', 'matplotlib') if m in sys.modules];"
        "print(','.join(heavy))"
    )
    assert python_output(code) == ""
