"""The whole pipeline in one call: :func:`analyze` returns an :class:`Analysis`.

An :class:`Analysis` holds releases, statements (with their topic), topics,
cross-side relations, one-sided topics, themes, repeated claims, the
cross-side similarity matrix and the :class:`RunSettings` that reproduce it.
It renders itself as JSON, Markdown or HTML (:mod:`claimcmp.report`) and
round-trips through ``to_dict`` / ``from_dict``.
"""

from ._pairs import SIDE_PAIR_MODES, compared_pairs, default_pair, pair_scopes, ranked_sides
from ._pipeline import analyze, portable_sources
from ._result import Analysis, SideSummary
from ._schema import SCHEMA_VERSION, check_schema_version
from ._settings import RunSettings, library_versions
from ._similarity import SimilarityMatrix, cross_side_similarity

__all__ = [
    "SCHEMA_VERSION",
    "SIDE_PAIR_MODES",
    "Analysis",
    "RunSettings",
    "SideSummary",
    "SimilarityMatrix",
    "analyze",
    "check_schema_version",
    "compared_pairs",
    "cross_side_similarity",
    "default_pair",
    "library_versions",
    "pair_scopes",
    "portable_sources",
    "ranked_sides",
]
