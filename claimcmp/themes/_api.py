"""The one-line form: :func:`track_themes`."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..model import Release
from ._results import ThemeSeries
from ._tracker import ThemeTracker

__all__ = ["track_themes"]


def track_themes(releases: Iterable[Release], **kwargs: Any) -> ThemeSeries:
    """Themes, repeated claims and the side x period timeline of a series.

    Parameters
    ----------
    releases : iterable of Release
    **kwargs
        ``statements=`` and ``embeddings=`` go to :meth:`ThemeTracker.fit`;
        everything else to the :class:`ThemeTracker` constructor.

    Returns
    -------
    ThemeSeries
    """
    fit_args = {k: kwargs.pop(k) for k in ("statements", "embeddings") if k in kwargs}
    return ThemeTracker(**kwargs).fit(releases, **fit_args).result()
