"""Which pairs of sides a run compares: the main pair, and the others a meeting of more than two parties has."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from itertools import combinations
from typing import Any, Literal

from ..errors import ConfigurationError
from ..model import JOINT_SIDE, Statement

__all__ = ["SIDE_PAIR_MODES", "SidePairs", "compared_pairs", "default_pair", "pair_scopes", "ranked_sides"]

#: ``"together"``: the main pair, then every other pair of sides that both speak in one release (a trilateral
#: meeting's three pairs; in a series of bilateral readouts, one side against each counterpart), each compared
#: within the releases in which both speak. ``"largest"``: the main pair only. ``"all"``: every pair of sides,
#: over all releases.
SIDE_PAIR_MODES = ("together", "largest", "all")
SidePairs = Literal["together", "largest", "all"] | Sequence[Sequence[str]]


def ranked_sides(statements: Sequence[Statement]) -> list[str]:
    """Sides with statements (``joint`` and none left out), most statements first, ties by name."""
    counts = Counter(s.side for s in statements if s.side and s.side != JOINT_SIDE)
    return [side for side, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def default_pair(statements: Sequence[Statement]) -> tuple[str, str] | None:
    """The two sides with most statements (ties by name; ``joint`` excluded), or None."""
    ranked = ranked_sides(statements)
    return (ranked[0], ranked[1]) if len(ranked) >= 2 else None


def _releases_of(statements: Sequence[Statement]) -> defaultdict[str, set[str]]:
    """Side -> the releases in which it has a statement."""
    spoken: defaultdict[str, set[str]] = defaultdict(set)
    for s in statements:
        if s.side:
            spoken[s.side].add(s.release_id)
    return spoken


def _checked_pair(pair: Sequence[str], what: str) -> tuple[str, str]:
    if isinstance(pair, str) or len(pair) != 2 or pair[0] == pair[1]:
        raise ConfigurationError(
            f"{what} must name two different sides, got {pair!r}.", fix='Pass a pair such as ("US", "China").'
        )
    return (str(pair[0]), str(pair[1]))


def _mode(pair: Sequence[str] | None, side_pairs: SidePairs | None) -> Any:
    return side_pairs if side_pairs is not None else ("largest" if pair else "together")


def pair_scopes(
    statements: Sequence[Statement], pair: Sequence[str] | None, side_pairs: SidePairs | None
) -> tuple[tuple[tuple[str, str], frozenset[str] | None], ...]:
    """Each compared pair (as :func:`compared_pairs` gives them) with the releases it is compared in.

    None means every release: the main pair, and every pair of ``"all"`` or of a given list. The other pairs
    of ``"together"`` are compared within the releases in which both of their sides speak, so that in a series
    one side meets each counterpart in their own readouts, not in every release of the series.
    """
    pairs = compared_pairs(statements, pair, side_pairs)
    if pairs and (side_pairs is None or isinstance(side_pairs, str)) and _mode(pair, side_pairs) == "together":
        spoken = _releases_of(statements)
        return ((pairs[0], None), *((p, frozenset(spoken[p[0]] & spoken[p[1]])) for p in pairs[1:]))
    return tuple((p, None) for p in pairs)


def compared_pairs(
    statements: Sequence[Statement], pair: Sequence[str] | None, side_pairs: SidePairs | None
) -> tuple[tuple[str, str], ...]:
    """The pairs of sides to compare, the main one first (it orders the report and draws its heatmap).

    Parameters
    ----------
    statements : sequence of Statement
    pair : (str, str) or None
        The main pair; default the two sides with most statements.
    side_pairs : {"together", "largest", "all"}, sequence of pairs, or None
        Which pairs besides the main one (see :data:`SIDE_PAIR_MODES`); a sequence names them all, the
        first being the main pair unless ``pair`` is given. None: ``"largest"`` when ``pair`` is given,
        else ``"together"``.

    Returns
    -------
    tuple of (str, str)
        Empty when fewer than two sides have statements and no pair is given.
    """
    if side_pairs is not None and not isinstance(side_pairs, str):
        named = [_checked_pair(p, "Each of side_pairs") for p in side_pairs]
        main = [_checked_pair(pair, "pair")] if pair else []
        return tuple(dict.fromkeys(main + named))  # order kept, repeats dropped
    mode = _mode(pair, side_pairs)
    if mode not in SIDE_PAIR_MODES:
        raise ConfigurationError(
            f"side_pairs={mode!r} is not a mode.", fix=f"Use one of {', '.join(SIDE_PAIR_MODES)} or a list of pairs."
        )
    main_pair = _checked_pair(pair, "pair") if pair else default_pair(statements)
    if main_pair is None:
        return ()
    if mode == "largest":
        return (main_pair,)
    spoken = _releases_of(statements)
    others = [
        (a, b) for a, b in combinations(ranked_sides(statements), 2)
        if {a, b} != set(main_pair) and (mode == "all" or spoken[a] & spoken[b])
    ]
    return (main_pair, *others)
