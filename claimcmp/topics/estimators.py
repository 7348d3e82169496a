"""Unfitted copies of estimators, without importing scikit-learn."""

from __future__ import annotations

from typing import Any

__all__ = ["unfitted_copy"]


def unfitted_copy(estimator: Any) -> Any:
    """A new, unfitted estimator with the same constructor arguments.

    Like scikit-learn's ``clone``: arguments that are estimators themselves
    (they have ``get_params``) are copied the same way; any other argument
    (an embedder, a number, a string) is passed on as it is.
    """
    params = estimator.get_params(deep=False)
    return type(estimator)(
        **{name: unfitted_copy(value) if _is_estimator(value) else value for name, value in params.items()}
    )


def _is_estimator(value: Any) -> bool:
    return hasattr(value, "get_params") and not isinstance(value, type)
