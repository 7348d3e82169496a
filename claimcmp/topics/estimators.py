"""The scikit-learn estimator contract without importing scikit-learn.

:func:`unfitted_copy` (like ``sklearn.base.clone``), :func:`params_of` /
:func:`apply_params` (``get_params`` / ``set_params`` with nested
``component__name`` keys), :func:`clusterer_tags` (``__sklearn_tags__``,
imports scikit-learn only when scikit-learn asks) and
:func:`embeddings_argument` (the positional second argument of ``fit``).
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from typing import Any

import numpy as np

from ..errors import ConfigurationError

__all__ = ["apply_params", "clusterer_tags", "embeddings_argument", "params_of", "unfitted_copy"]


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


def params_of(estimator: Any, names: Iterable[str], *, deep: bool) -> dict[str, Any]:
    """Constructor arguments by name; with ``deep``, also ``name__sub`` for arguments that are estimators."""
    params = {name: getattr(estimator, name) for name in names}
    if deep:
        for name, value in list(params.items()):
            if _is_estimator(value):
                params.update({f"{name}__{key}": sub for key, sub in value.get_params(deep=True).items()})
    return params


def apply_params(estimator: Any, names: Iterable[str], params: dict[str, Any]) -> None:
    """Set constructor arguments (``name`` or nested ``name__sub``); unknown names raise ConfigurationError."""
    valid = set(names)
    nested: dict[str, dict[str, Any]] = {}
    for key, value in params.items():
        name, _, sub = key.partition("__")
        if name not in valid:
            raise ConfigurationError(
                f"{type(estimator).__name__} has no parameter {name!r}.",
                fix=f"Use one of: {', '.join(sorted(valid))}.",
            )
        if sub:
            nested.setdefault(name, {})[sub] = value
        else:
            setattr(estimator, name, value)
    for name, sub_params in nested.items():
        component = getattr(estimator, name)
        if not _is_estimator(component):
            raise ConfigurationError(
                f"{type(estimator).__name__}.{name} is not an estimator, so {name}__... cannot be set.",
                fix=f"Set {name} itself.",
            )
        component.set_params(**sub_params)


def clusterer_tags(*, requires_fit: bool = True, non_deterministic: bool = False) -> Any:
    """scikit-learn ``Tags`` of a clusterer that takes an embedding matrix (or texts)."""
    from sklearn.utils import InputTags, Tags, TargetTags, TransformerTags

    return Tags(
        estimator_type="clusterer",
        target_tags=TargetTags(required=False),
        transformer_tags=TransformerTags(preserves_dtype=[]),  # transform gives topic ids, not features
        input_tags=InputTags(two_d_array=True, string=True),
        requires_fit=requires_fit,
        non_deterministic=non_deterministic,
    )


def embeddings_argument(y: Any, embeddings: Any, method: str) -> Any:
    """The embeddings to use when ``method(X, y, embeddings=...)`` was called.

    ``y`` is ignored (scikit-learn's convention), except a 2-D array: the
    embeddings used to be the second positional argument, so until 0.3 they
    are still taken from there, with a FutureWarning.
    """
    if isinstance(y, np.ndarray) and y.ndim == 2:
        if embeddings is not None:
            raise ConfigurationError(
                f"{method}() got embeddings twice: positionally and as embeddings=.",
                fix="Pass them once, as embeddings=.",
            )
        warnings.warn(
            f"Passing embeddings positionally to {method}() is deprecated and is removed in 0.3;"
            " pass embeddings= by keyword (the second positional argument is scikit-learn's y, ignored).",
            FutureWarning,
            stacklevel=3,
        )
        return y
    return embeddings


def _is_estimator(value: Any) -> bool:
    return hasattr(value, "get_params") and not isinstance(value, type)
