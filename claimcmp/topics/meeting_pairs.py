"""Do two statements of one meeting speak to the same agenda item? A learned pair probability.

The meeting path (:mod:`._agenda`) clusters the statements of one meeting
from this probability. A logistic regression, in numpy only, over features
of each pair of the meeting's *content* statements (those with at least
:data:`~claimcmp.topics._meeting.MIN_CONTENT_TERMS` distinct content words;
greetings and thanks are placed later by position):

- the cosine of the two unit sentence vectors, of the vectors centred on the
  meeting's mean, of the content-word TF-IDF rows and of the joined view
  (:func:`~claimcmp.topics._meeting.meeting_vectors`);
- the same three meeting-dependent cosines as z-scores over all pairs of the
  meeting, and how high each statement ranks the other among its neighbours
  (joined view; the better of the two ranks, 0 = nearest, 1 = farthest);
- where the two stand: content statements between them (log and as a share
  of the meeting), next to each other or not;
- same side, same speaker (both known and equal), and the meeting's size.

Trained on the hand-made agenda topics of real two-sided meetings
(``training/train_meeting_topics.py``; card in
``data/meeting_pairs.card.json``): each meeting weighs the same, pairs with a
statement outside every annotated item are left out.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ModelFileError
from ._meeting import clustered_rows, content_terms, meeting_vectors, tfidf_rows, unit_rows

__all__ = [
    "PAIR_FEATURES", "SHIPPED_MEETING_PAIRS", "MeetingPairs", "SameTopicModel", "meeting_pairs",
    "shipped_same_topic_model",
]

_VIEWS = ("cosine", "centred_cosine", "content_cosine", "joined_cosine")
#: The features of a pair, in column order.
PAIR_FEATURES: tuple[str, ...] = (
    *_VIEWS, "centred_z", "content_z", "joined_z",
    "neighbour_rank", "log_gap", "relative_gap", "adjacent", "same_side", "same_speaker", "log_statements",
)
#: The shipped model file.
SHIPPED_MEETING_PAIRS = Path(__file__).resolve().parent / "data" / "meeting_pairs.npz"


@dataclass(frozen=True)
class MeetingPairs:
    """The content statements of one meeting and the features of each pair of them.

    Attributes
    ----------
    rows : ndarray of shape (m,)
        Indices of the content statements in the meeting, increasing (all statements when fewer than three have
        content).
    left, right : ndarray of shape (m * (m - 1) / 2,)
        Each pair as positions in ``rows``, ``left < right``.
    features : ndarray of shape (n_pairs, len(PAIR_FEATURES))
    """

    rows: np.ndarray
    left: np.ndarray
    right: np.ndarray
    features: np.ndarray

    def alike(self) -> bool:
        """Whether no view tells any two statements apart (every pair has the same four cosines)."""
        views = self.features[:, : len(_VIEWS)]
        return bool(len(views) == 0 or np.all(np.ptp(views, axis=0) <= 1e-9))


def meeting_pairs(
    embeddings: np.ndarray, texts: Sequence[str], sides: Sequence[str | None], speakers: Sequence[str | None]
) -> MeetingPairs:
    """Pair features of one meeting's content statements (statements in release order).

    Parameters
    ----------
    embeddings : ndarray of shape (n, dim)
    texts, sides, speakers : sequences of length n
        Speakers may be empty (unknown).
    """
    n = len(texts)
    speakers = list(speakers) or [None] * n
    terms = content_terms(texts, [*sides, *speakers])
    rows = clustered_rows(terms)
    m = len(rows)
    left, right = np.triu_indices(m, 1)
    sentence = unit_rows(np.asarray(embeddings, dtype=np.float64))
    centred = unit_rows(sentence - sentence.mean(axis=0))[rows]
    content = tfidf_rows(terms)[rows]
    joined = unit_rows(meeting_vectors(embeddings, terms))[rows]
    sentence = sentence[rows]
    views = [view @ view.T for view in (sentence, centred, content, joined)]
    gap = (right - left).astype(np.float64)
    side = [sides[int(i)] for i in rows]
    speaker = [speakers[int(i)] for i in rows]
    columns = [
        *(sims[left, right] for sims in views),
        *(_z_scores(sims[left, right]) for sims in views[1:]),
        _neighbour_rank(views[3], left, right),
        np.log1p(gap), gap / m, (gap == 1).astype(np.float64),
        _same(side, left, right), _same(speaker, left, right), np.full(len(left), np.log(m)),
    ]
    features = np.column_stack(columns) if len(left) else np.zeros((0, len(PAIR_FEATURES)))
    return MeetingPairs(rows, left, right, features)


def _z_scores(values: np.ndarray) -> np.ndarray:
    if not len(values):
        return values
    scaled: np.ndarray = (values - values.mean()) / (values.std() + 1e-9)
    return scaled


def _neighbour_rank(sims: np.ndarray, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """The better of the two ranks each statement gives the other among its neighbours, scaled to [0, 1]."""
    m = sims.shape[0]
    ordered = sims.copy()
    np.fill_diagonal(ordered, -np.inf)
    order = np.argsort(-ordered, axis=1, kind="stable")
    rank = np.empty_like(order)
    rank[np.arange(m)[:, None], order] = np.arange(m)[None, :]
    best: np.ndarray = np.minimum(rank[left, right], rank[right, left]) / max(m - 1, 1)
    return best


def _same(values: list[str | None], left: np.ndarray, right: np.ndarray) -> np.ndarray:
    pairs = zip(left, right, strict=True)
    return np.array([values[a] is not None and values[a] == values[b] for a, b in pairs], dtype=np.float64)


@dataclass(frozen=True)
class SameTopicModel:
    """Logistic regression on standardised :data:`PAIR_FEATURES`: p(same agenda item) of a pair.

    Attributes
    ----------
    mean, scale : ndarray of shape (n_features,)
        Standardisation of each feature.
    coef : ndarray of shape (n_features,)
    intercept : float
    card : dict
        How it was trained (data, figures).
    """

    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float
    card: Mapping[str, Any] = field(default_factory=dict)

    def probabilities(self, pairs: MeetingPairs) -> np.ndarray:
        """p(same agenda item) of each pair, shape (n_pairs,)."""
        logits = ((pairs.features - self.mean) / self.scale) @ self.coef + self.intercept
        result: np.ndarray = 1.0 / (1.0 + np.exp(-logits))
        return result

    def similarity(self, pairs: MeetingPairs) -> np.ndarray:
        """The probabilities as a symmetric (m, m) matrix over ``pairs.rows``, ones on the diagonal."""
        m = len(pairs.rows)
        matrix = np.eye(m)
        p = self.probabilities(pairs)
        matrix[pairs.left, pairs.right] = p
        matrix[pairs.right, pairs.left] = p
        return matrix

    def save(self, path: str | Path) -> None:
        """Write the model to an ``.npz`` and its card to ``<stem>.card.json`` beside it."""
        path = Path(path)
        with path.open("wb") as handle:
            np.savez(handle, features=np.array(PAIR_FEATURES), mean=self.mean, scale=self.scale, coef=self.coef,
                     intercept=np.array([self.intercept]))
        card = json.dumps(dict(self.card), indent=1, sort_keys=True) + "\n"
        path.with_suffix(".card.json").write_text(card, encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path) -> SameTopicModel:
        """Read a model written by :meth:`save` (its card too, when present)."""
        path = Path(path)
        try:
            with np.load(path, allow_pickle=False) as data:
                names = tuple(str(name) for name in data["features"])
                arrays = {key: np.asarray(data[key], dtype=np.float64) for key in ("mean", "scale", "coef")}
                intercept = float(data["intercept"][0])
        except (OSError, KeyError, ValueError) as exc:
            raise ModelFileError(
                f"Cannot read a same-topic model from {path}: {exc}",
                fix="Pass the .npz written by training/train_meeting_topics.py, or leave the default.",
            ) from exc
        if names != PAIR_FEATURES:
            raise ModelFileError(
                f"The same-topic model {path} was trained on other features: {', '.join(names)}.",
                fix="Retrain it with training/train_meeting_topics.py for this version of claimcmp.",
            )
        card_path = path.with_suffix(".card.json")
        card = json.loads(card_path.read_text(encoding="utf-8")) if card_path.exists() else {}
        return cls(arrays["mean"], arrays["scale"], arrays["coef"], intercept, card)


@lru_cache(maxsize=1)
def shipped_same_topic_model() -> SameTopicModel:
    """The model that ships with claimcmp (read once)."""
    return SameTopicModel.load(SHIPPED_MEETING_PAIRS)
