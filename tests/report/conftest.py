from __future__ import annotations

import pytest

from claimcmp.analysis import Analysis, analyze
from tests.analysis.helpers import fast_options, seed_path


@pytest.fixture(scope="session")
def seed_analysis() -> Analysis:
    """The seed release through the whole pipeline (fake embedder, random head)."""
    return analyze(seed_path(), **fast_options())


@pytest.fixture(scope="session")
def hostile_analysis() -> Analysis:
    """Releases that try to inject script, through the whole pipeline."""
    from tests.analysis.helpers import hostile_releases

    return analyze(hostile_releases(), **fast_options())
