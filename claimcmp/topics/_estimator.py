"""The :class:`TopicModel` estimator."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ConfigurationError, NotFittedError, ShapeMismatchError
from ._agenda import meeting_topics
from ._backends import CentroidAgglomerative, CosineAgglomerative
from ._describe import describe_topics, keywords_from_rows, topic_geometry
from ._hierarchy import cut_hierarchy, topic_hierarchy
from ._incremental import fold_geometry, fold_members
from ._inputs import Corpus, read_input
from ._kmeans import SphericalKMeans
from ._meeting import content_statements
from ._result import Topic
from .estimators import apply_params, clusterer_tags, embeddings_argument, params_of
from .meeting_pairs import SameTopicModel, shipped_same_topic_model

__all__ = ["TopicModel"]

logger = logging.getLogger(__name__)

#: Average similarity a new statement needs to join a topic when the fit gives no rule (one statement).
_FALLBACK_MIN_SIMILARITY = 0.3

_PARAMS = (
    "n_topics",
    "distance_threshold",
    "min_similarity_new",
    "large_corpus_threshold",
    "meeting_max_statements",
    "n_centres",
    "n_keywords",
    "n_representatives",
    "random_state",
)
_ALL_PARAMS = _PARAMS + ("clusterer", "embedder", "vectorizer", "meeting_pair_model")


class TopicModel:
    """Cluster statements into labelled topics with stable ids.

    Parameters
    ----------
    n_topics : int, optional
        Number of topics to find, by spherical k-means on neighbour-smoothed
        vectors (:class:`SphericalKMeans`). Default: automatic, the cut of
        the average-linkage tree with the highest modularity on the
        statements' nearest-neighbour graph below ``large_corpus_threshold``
        statements, with the lowest von Mises-Fisher BIC from there on
        (then a few Lloyd rounds to the nearest topic mean); for inputs of up
        to ``meeting_max_statements``, one meeting's agenda items (below).
    distance_threshold : float, optional
        Average-linkage cosine distance (1 - average similarity between two
        groups) below which groups are merged; exclusive with ``n_topics``.
    clusterer : estimator, optional
        Any object with ``fit(X)`` and ``labels_`` (label -1 = noise) used on
        the unit embeddings instead of the built-in backends; ``n_topics``
        and ``distance_threshold`` must then be left unset. Noise points are
        placed like new statements in :meth:`transform`.
    embedder : object, optional
        Anything with ``encode(list[str]) -> ndarray``; default a
        :class:`claimcmp.embed.Embedder` built at the first fit.
    min_similarity_new : float, optional
        A new statement joins its closest topic when its average cosine
        similarity to the topic's members reaches this, else it starts a new
        topic. Default: ``1 - distance_threshold_`` (the fit's own merge rule).
    large_corpus_threshold : int, default=4000
        From this many statements on, the scalable backend is used
        (spherical k-means to ``n_centres`` cells, then average linkage over
        cells) instead of exact average linkage over all statements.
    meeting_max_statements : int, default=200
        In automatic mode (no ``n_topics``, ``distance_threshold`` or
        ``clusterer``), inputs of 3 to this many statements are taken as one
        meeting and clustered into agenda items (:mod:`._agenda`: statements
        with little content follow the statement before them, the others are
        grouped by average linkage on ``meeting_pair_model``'s probability
        that two statements share an item, cut where the silhouette is best).
        0 turns it off.
    meeting_pair_model : "shipped", SameTopicModel, path or None, default="shipped"
        The same-agenda-item model of the meeting path
        (:mod:`claimcmp.topics.meeting_pairs`): the shipped one, another
        (or the ``.npz`` :meth:`SameTopicModel.save` wrote), or None for the
        cosine of centred sentence vectors joined with content-word TF-IDF.
    n_centres : int, default=1000
        K-means cells of the scalable backend.
    vectorizer : scikit-learn vectorizer, optional
        Counts terms for keywords; default English stop words, words and bigrams.
    n_keywords : int, default=8
    n_representatives : int, default=3
    random_state : int, default=0

    Attributes
    ----------
    labels_ : ndarray of shape (n_statements,)
        Topic id of each fitted statement (every statement has one).
    topics_ : list of Topic
        Indexed by id.
    centroids_ : ndarray of shape (n_topics, dim)
        Unit mean embedding of each topic.
    cohesion_ : ndarray of shape (n_topics,)
        Norm of each topic's mean embedding (its square is the average
        similarity between members).
    distance_threshold_ : float or None
    min_similarity_new_ : float
    backend_ : str
        ``"kmeans"`` (a count given), ``"meeting"`` (a small input, automatic mode), ``"agglomerative"``,
        ``"centroid-agglomerative"`` or ``"custom"``.

    n_features_in_ : int
        Embedding dimension seen in :meth:`fit`.

    Notes
    -----
    scikit-learn contract: ``__init__`` stores its arguments; :meth:`fit`
    learns; :meth:`transform` (alias :meth:`predict`) is pure, giving the
    closest existing topic or -1; :meth:`partial_fit` is the one method that
    changes a fitted model: it places new statements, *adds* topics for those
    far from every existing one, and folds them in (sizes, side counts,
    centroids, keywords and representatives recomputed over everything seen;
    with ``describe=False`` at the cost of the batch only, :meth:`describe`
    catching up later). ``sklearn.base.clone`` works.
    """

    labels_: np.ndarray
    topics_: list[Topic]
    centroids_: np.ndarray
    cohesion_: np.ndarray
    _corpus: Corpus | None

    def __init__(
        self,
        n_topics: int | None = None,
        *,
        distance_threshold: float | None = None,
        clusterer: Any = None,
        embedder: Any = None,
        min_similarity_new: float | None = None,
        large_corpus_threshold: int = 4000,
        meeting_max_statements: int = 200,
        meeting_pair_model: Any = "shipped",
        n_centres: int = 1000,
        vectorizer: Any = None,
        n_keywords: int = 8,
        n_representatives: int = 3,
        random_state: int = 0,
    ) -> None:
        self.n_topics = n_topics
        self.distance_threshold = distance_threshold
        self.clusterer = clusterer
        self.embedder = embedder
        self.min_similarity_new = min_similarity_new
        self.large_corpus_threshold = large_corpus_threshold
        self.meeting_max_statements = meeting_max_statements
        self.meeting_pair_model = meeting_pair_model
        self.n_centres = n_centres
        self.vectorizer = vectorizer
        self.n_keywords = n_keywords
        self.n_representatives = n_representatives
        self.random_state = random_state

    def __repr__(self) -> str:
        shown = ", ".join(f"{p}={getattr(self, p)!r}" for p in ("n_topics", "distance_threshold", "random_state"))
        return f"TopicModel({shown})"

    def get_params(self, deep: bool = True) -> dict[str, Any]:
        """Constructor arguments (with ``deep``, also ``clusterer__...`` etc. of estimator arguments)."""
        return params_of(self, _ALL_PARAMS, deep=deep)

    def set_params(self, **params: Any) -> TopicModel:
        """Set constructor arguments (nested ``clusterer__n_clusters=5`` too); returns self."""
        apply_params(self, _ALL_PARAMS, params)
        return self

    def __sklearn_tags__(self) -> Any:
        """scikit-learn tags: a clusterer of embedding rows (or texts)."""
        return clusterer_tags()

    def __sklearn_is_fitted__(self) -> bool:
        return hasattr(self, "topics_")

    # ------------------------------------------------------------------ fitting

    def fit(self, X: Any, y: Any = None, *, embeddings: np.ndarray | None = None) -> TopicModel:
        """Cluster statements into topics.

        Parameters
        ----------
        X : sequence of Statement or str, or ndarray of shape (n, dim)
            Statements (text, side and id are used), plain texts, or
            embeddings alone (topics then have no keywords).
        y : ignored
            scikit-learn's convention. (A 2-D array here is taken as the
            embeddings, with a FutureWarning: the old positional place.)
        embeddings : ndarray of shape (n, dim), optional
            Precomputed embeddings of ``X``'s texts.

        Returns
        -------
        self
        """
        embeddings = embeddings_argument(y, embeddings, "fit")
        corpus = read_input(X, embeddings, self.embedder)
        self._adopt(corpus, self._cluster(corpus.embeddings, corpus))
        return self

    def _adopt(self, corpus: Corpus, raw: np.ndarray) -> None:
        """Set every fitted attribute from the statements and a clustering of them (-1: noise)."""
        self.n_features_in_ = int(corpus.embeddings.shape[1])
        labels = _stable_numbering(raw)
        n_topics = int(labels.max()) + 1 if (labels >= 0).any() else 0
        self.centroids_, self.cohesion_ = topic_geometry(
            corpus.embeddings, np.where(labels < 0, n_topics, labels), n_topics + 1
        )
        self.centroids_, self.cohesion_ = self.centroids_[:n_topics], self.cohesion_[:n_topics]
        self.min_similarity_new_ = self._min_similarity(corpus.embeddings)
        self.topics_ = []
        noise = np.flatnonzero(labels < 0)
        if len(noise):
            # every statement gets a topic: noise joins its closest topic or forms new ones
            logger.info("placing %d noise statements", len(noise))
            labels[noise] = self._place_vectors(corpus.embeddings[noise])
            labels = _stable_numbering(labels)
        self._corpus = corpus
        self._refresh(labels)

    @property
    def hierarchy_(self) -> np.ndarray:
        """Average-linkage merges of the topics, ndarray of shape (n_topics - 1, 4), SciPy's linkage format.

        Row ``i`` merges two nodes (a topic id, or ``n_topics + j`` for the
        node of row ``j``) at a cosine distance (1 - average similarity
        between their statements), with the number of topics under the new node.
        Computed from the topics' centroids, cohesion and sizes (no statement
        is compared again); :meth:`reduce_topics` cuts it.
        """
        self._check_fitted()
        sizes = np.array([t.size for t in self.topics_], dtype=np.float64)
        return topic_hierarchy(self.centroids_, self.cohesion_, sizes)

    def reduce_topics(self, n_topics: int) -> TopicModel:
        """A new fitted model with ``n_topics`` topics, without embedding anything again.

        Fewer topics: the first merges of :attr:`hierarchy_` are made (the
        closest topics join, as average linkage would join them), then the
        topics are numbered and described afresh. More topics: the held
        statements' embeddings are clustered again with ``n_topics`` given
        (:class:`SphericalKMeans`). This model is left unchanged.

        Parameters
        ----------
        n_topics : int
            At least 1; at most the number of statements.

        Returns
        -------
        TopicModel
        """
        self._check_fitted()
        corpus = self._corpus
        if corpus is None:
            raise ConfigurationError(
                "This TopicModel was loaded without its statements, so its topics cannot be regrouped.",
                fix="Fit a model on the statements, then call reduce_topics().",
            )
        n_topics = int(n_topics)
        if not 1 <= n_topics <= len(corpus):
            raise ConfigurationError(
                f"reduce_topics needs 1 <= n_topics <= {len(corpus)} statements, got {n_topics}.",
                fix="Pass a number of topics in that range.",
            )
        from .estimators import unfitted_copy

        model: TopicModel = unfitted_copy(self)
        model.set_params(n_topics=n_topics, distance_threshold=None, clusterer=None)
        if n_topics > len(self.topics_):
            model._adopt(corpus, model._cluster(corpus.embeddings))
            return model
        hierarchy = self.hierarchy_
        groups = cut_hierarchy(hierarchy, len(self.topics_), n_topics)
        done = len(self.topics_) - n_topics
        model.backend_ = self.backend_
        model.distance_threshold_ = float(hierarchy[done, 2]) if done < len(hierarchy) else 2.0
        model._adopt(corpus, groups[self.labels_])
        return model

    def fit_transform(self, X: Any, y: Any = None, *, embeddings: np.ndarray | None = None) -> np.ndarray:
        """Fit, then return a copy of ``labels_``."""
        return self.fit(X, y, embeddings=embeddings).labels_.copy()

    def fit_predict(self, X: Any, y: Any = None, *, embeddings: np.ndarray | None = None) -> np.ndarray:
        """Same as :meth:`fit_transform` (scikit-learn's name for clusterers)."""
        return self.fit_transform(X, y, embeddings=embeddings)

    def transform(self, X: Any, y: Any = None, *, embeddings: np.ndarray | None = None) -> np.ndarray:
        """Topic id of each new statement; the model does not change.

        A statement gets the topic whose members it is most similar to on
        average when that similarity reaches ``min_similarity_new_``, and -1
        otherwise (:meth:`partial_fit` would start a new topic for it).

        Parameters
        ----------
        X, y, embeddings : as in :meth:`fit`

        Returns
        -------
        ndarray of shape (n,) of int
        """
        self._check_fitted()
        embeddings = embeddings_argument(y, embeddings, "transform")
        new = read_input(X, embeddings, self.embedder, id_offset=len(self.labels_))
        self._check_dimension(new.embeddings)
        return self._closest_topics(new.embeddings)

    def predict(self, X: Any, y: Any = None, *, embeddings: np.ndarray | None = None) -> np.ndarray:
        """Same as :meth:`transform`."""
        return self.transform(X, y, embeddings=embeddings)

    def partial_fit(
        self, X: Any, y: Any = None, *, embeddings: np.ndarray | None = None, describe: bool = True
    ) -> TopicModel:
        """Add statements to the model (fits when not fitted yet); returns self.

        The one method that changes a fitted model. Each statement joins
        its closest topic as in :meth:`transform`; the others are grouped
        among themselves (the same merge rule) into **new** topics with ids
        ``len(topics_)``, ``len(topics_) + 1``, ... All are folded in:
        ``labels_`` grows, and sizes, side counts and centroids take them
        in. Existing ids never change.

        Parameters
        ----------
        X, y, embeddings : as in :meth:`fit`
        describe : bool, default=True
            True: keywords, labels and representatives of every topic are
            computed again over all statements seen (needs them: not for a
            loaded model; cost grows with everything seen). False: sizes,
            side counts, centroids and cohesion are updated from running sums
            (exactly, at the cost of the batch alone); existing topics keep
            their keywords, label and representatives, and new topics are
            described from this batch. Works on a loaded model;
            :meth:`describe` catches up later when the statements are held.
        """
        embeddings = embeddings_argument(y, embeddings, "partial_fit")
        if not hasattr(self, "labels_"):
            return self.fit(X, embeddings=embeddings)
        if describe and self._corpus is None:
            raise ConfigurationError(
                "This TopicModel was loaded without its statements, so its topics cannot be described again.",
                fix="Use partial_fit(..., describe=False) on a loaded model, or fit a new one on all statements.",
            )
        new = read_input(X, embeddings, self.embedder, id_offset=len(self.labels_))
        self._check_dimension(new.embeddings)
        n_old = len(self.topics_)
        sizes = np.array([t.size for t in self.topics_], dtype=np.float64)
        ids = self._place_vectors(new.embeddings)
        labels = np.concatenate([self.labels_, ids])
        if self._corpus is not None:
            self._corpus = self._corpus.extend(new)
        if describe:
            self._refresh(labels)
            return self
        joined = ids < n_old
        centroids, cohesion = fold_geometry(
            self.centroids_[:n_old], self.cohesion_[:n_old], sizes, new.embeddings[joined], ids[joined]
        )
        self.centroids_[:n_old], self.cohesion_[:n_old] = centroids, cohesion
        sides = [side for side, keep in zip(new.sides, joined.tolist(), strict=True) if keep]
        self.topics_ = fold_members(self.topics_, ids[joined], sides)
        added = list(range(n_old, len(self.centroids_)))
        if added:
            self.topics_.extend(self._describe_new(new, ids, added, describe=False))
        self.labels_ = labels
        return self

    def describe(self) -> TopicModel:
        """Compute keywords, labels and representatives of every topic again over all statements seen.

        For a model updated with ``describe=False``; needs the statements
        (not available on a loaded model). Returns self.
        """
        self._check_fitted()
        if self._corpus is None:
            raise ConfigurationError(
                "This TopicModel was loaded without its statements, so its topics cannot be described again.",
                fix="Fit a new model on all statements to describe them afresh.",
            )
        self._refresh(self.labels_)
        return self

    # --------------------------------------------------------------- accessors

    def topic(self, topic_id: int) -> Topic:
        """The topic with this id."""
        self._check_fitted()
        if not 0 <= topic_id < len(self.topics_):
            raise ConfigurationError(
                f"No topic {topic_id}; ids run from 0 to {len(self.topics_) - 1}.", fix="Use an id from topics_."
            )
        return self.topics_[topic_id]

    def to_dict(self) -> dict[str, Any]:
        """Parameters and fitted topics as a JSON-compatible dict (no statements or embeddings of them)."""
        self._check_fitted()
        return {
            "params": {name: getattr(self, name) for name in _PARAMS},
            "backend": self.backend_,
            "distance_threshold": self.distance_threshold_,
            "min_similarity_new": self.min_similarity_new_,
            "labels": self.labels_.tolist(),
            "topics": [topic.to_dict() for topic in self.topics_],
            "centroids": self.centroids_.tolist(),
            "cohesion": self.cohesion_.tolist(),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, embedder: Any = None) -> TopicModel:
        """A fitted model from :meth:`to_dict`.

        It can :meth:`transform` and ``partial_fit(..., describe=False)``
        (sizes, side counts and centroids stay exact); it cannot describe
        topics again over the statements it was fitted on, which it lacks.
        """
        model = cls(embedder=embedder, **data["params"])
        model.backend_ = str(data["backend"])
        threshold = data.get("distance_threshold")
        model.distance_threshold_ = None if threshold is None else float(threshold)
        model.min_similarity_new_ = float(data["min_similarity_new"])
        model.labels_ = np.asarray(data["labels"], dtype=np.intp)
        model.topics_ = [Topic.from_dict(t) for t in data["topics"]]
        model.centroids_ = np.asarray(data["centroids"], dtype=np.float32).reshape(len(model.topics_), -1)
        model.cohesion_ = np.asarray(data["cohesion"], dtype=np.float64)
        model.n_features_in_ = int(model.centroids_.shape[1])
        model._corpus = None
        return model

    # ---------------------------------------------------------------- internals

    def _check_fitted(self) -> None:
        if not hasattr(self, "topics_"):
            raise NotFittedError(
                "This TopicModel is not fitted yet.", fix="Call fit() with statements before using it."
            )

    def _check_dimension(self, vectors: np.ndarray) -> None:
        expected = int(self.centroids_.shape[1]) if self.centroids_.ndim == 2 else vectors.shape[1]
        if len(self.centroids_) and vectors.shape[1] != expected:
            raise ShapeMismatchError(
                f"X has {vectors.shape[1]} features, but TopicModel is expecting {expected} features as input.",
                fix="Embed new statements with the model the topics were fitted with.",
            )

    def _cluster(self, vectors: np.ndarray, corpus: Corpus | None = None) -> np.ndarray:
        n = vectors.shape[0]
        if corpus is not None and self._is_meeting(n):
            self.backend_ = "meeting"
            self.distance_threshold_ = None  # set from the topics in _min_similarity
            logger.info("clustering %d statements as one meeting", n)
            return meeting_topics(corpus, self._pair_model())
        if self.clusterer is not None:
            if self.n_topics is not None or self.distance_threshold is not None:
                raise ConfigurationError(
                    "n_topics / distance_threshold cannot be combined with a custom clusterer.",
                    fix="Set the number of clusters on the clusterer itself.",
                )
            from sklearn.base import clone

            backend = clone(self.clusterer)
            self.backend_ = "custom"
        elif n < 2:
            self.backend_ = "agglomerative"
            self.distance_threshold_ = self.distance_threshold
            if self.distance_threshold is None:
                self.distance_threshold_ = 1.0 - _FALLBACK_MIN_SIMILARITY
            return np.zeros(n, dtype=np.intp)
        elif self.n_topics is not None and self.distance_threshold is None:
            backend = SphericalKMeans(min(int(self.n_topics), n), random_state=self.random_state)
            self.backend_ = "kmeans"
        else:
            n_topics = None if self.n_topics is None else min(int(self.n_topics), n)
            if n >= self.large_corpus_threshold:
                backend = CentroidAgglomerative(
                    n_topics,
                    distance_threshold=self.distance_threshold,
                    n_centres=self.n_centres,
                    random_state=self.random_state,
                )
                self.backend_ = "centroid-agglomerative"
            else:
                backend = CosineAgglomerative(
                    n_topics, distance_threshold=self.distance_threshold, random_state=self.random_state
                )
                self.backend_ = "agglomerative"
        logger.info("clustering %d statements with the %s backend", n, self.backend_)
        backend.fit(vectors)
        self.distance_threshold_ = getattr(backend, "distance_threshold_", None)
        labels = np.asarray(backend.labels_)
        if labels.shape != (n,):
            raise ConfigurationError(
                f"The clusterer gave labels of shape {labels.shape} for {n} statements.",
                fix="Pass a clusterer whose fit(X) sets labels_ with one label per row.",
            )
        return labels.astype(np.intp)

    def _pair_model(self) -> SameTopicModel | None:
        """The same-agenda-item model ``meeting_pair_model`` names."""
        chosen = self.meeting_pair_model
        if chosen is None or isinstance(chosen, SameTopicModel):
            return chosen
        if isinstance(chosen, str) and chosen == "shipped":
            return shipped_same_topic_model()
        if isinstance(chosen, (str, Path)) and str(chosen).endswith(".npz"):
            return SameTopicModel.load(chosen)
        raise ConfigurationError(
            f"meeting_pair_model must be 'shipped', None, a SameTopicModel or an .npz path, got {chosen!r}.",
            fix="Leave the default, or pass None for the cosine of the joined view.",
        )

    def _is_meeting(self, n: int) -> bool:
        """Automatic mode on an input small enough to be one meeting (see ``meeting_max_statements``)."""
        automatic = self.clusterer is None and self.n_topics is None and self.distance_threshold is None
        return automatic and 3 <= n <= int(self.meeting_max_statements)

    def _min_similarity(self, vectors: np.ndarray) -> float:
        if self.min_similarity_new is not None:
            return float(self.min_similarity_new)
        if self.backend_ in ("kmeans", "meeting"):
            # as for a cut tree: the distance of the first merge not made (the two closest topics)
            self.distance_threshold_ = 1.0 - _closest_topics_similarity(self.centroids_, self.cohesion_)
        threshold = self.distance_threshold_
        if threshold is None:
            # custom clusterer: the built-in automatic cut's threshold on the same vectors
            if vectors.shape[0] < 3:
                return _FALLBACK_MIN_SIMILARITY
            threshold = CosineAgglomerative(random_state=self.random_state).fit(
                _subsample(vectors, self.large_corpus_threshold, self.random_state)
            ).distance_threshold_
        return float(1.0 - threshold)

    def _closest_topics(self, vectors: np.ndarray) -> np.ndarray:
        """Closest topic of each unit vector by average similarity to its members; -1 below the bar."""
        ids = np.full(len(vectors), -1, dtype=np.intp)
        if len(self.centroids_):
            avg_sim = (vectors @ self.centroids_.T) * self.cohesion_[None, :]
            best = np.argmax(avg_sim, axis=1)
            close = avg_sim[np.arange(len(vectors)), best] >= self.min_similarity_new_
            ids[close] = best[close]
        return ids

    def _place_vectors(self, vectors: np.ndarray) -> np.ndarray:
        """Ids for unit vectors: closest topic, or new topics (appended to centroids_/cohesion_)."""
        n_old = len(self.centroids_)
        ids = self._closest_topics(vectors)
        far = np.flatnonzero(ids < 0)
        if len(far):
            groups: CosineAgglomerative | CentroidAgglomerative = CosineAgglomerative(
                distance_threshold=1.0 - self.min_similarity_new_
            )
            if len(far) >= self.large_corpus_threshold:
                groups = CentroidAgglomerative(
                    distance_threshold=1.0 - self.min_similarity_new_,
                    n_centres=self.n_centres,
                    random_state=self.random_state,
                )
            raw = groups.fit(vectors[far]).labels_ if len(far) > 1 else np.zeros(1, dtype=np.intp)
            local = _stable_numbering(np.asarray(raw, dtype=np.intp))
            ids[far] = n_old + local
            n_new = int(local.max()) + 1
            centroids, cohesion = topic_geometry(vectors[far], local, n_new)
            self.centroids_ = np.vstack([self.centroids_.reshape(n_old, vectors.shape[1]), centroids])
            self.cohesion_ = np.concatenate([self.cohesion_, cohesion])
        return ids

    def _describe_new(self, new: Corpus, ids: np.ndarray, added: list[int], describe: bool) -> list[Topic]:
        """Topics for ids in ``added`` (members: rows of ``new`` only), keywords against all or the batch."""
        if describe and self._corpus is not None:
            both, labels = _join_for_keywords(self._corpus, new), np.concatenate([self.labels_, ids])
        else:
            both, labels = new, ids
        return describe_topics(
            both,
            labels,
            added,
            self.centroids_,
            n_keywords=self.n_keywords,
            n_representatives=self.n_representatives,
            vectorizer=self.vectorizer,
        )

    def _refresh(self, labels: np.ndarray) -> None:
        """Set labels_ and recompute every topic that has members in the corpus."""
        corpus = self._corpus
        assert corpus is not None
        n_topics = len(self.centroids_)
        counts = np.bincount(labels, minlength=n_topics)
        centroids, cohesion = topic_geometry(corpus.embeddings, labels, n_topics)
        present = counts > 0
        self.centroids_ = np.where(present[:, None], centroids, self.centroids_).astype(np.float32)
        self.cohesion_ = np.where(present, cohesion, self.cohesion_)
        described = describe_topics(
            corpus,
            labels,
            [int(i) for i in np.flatnonzero(present)],
            self.centroids_,
            n_keywords=self.n_keywords,
            n_representatives=self.n_representatives,
            vectorizer=self.vectorizer,
        )
        if self.backend_ == "meeting":  # labels from the content statements, not the courtesies after them
            described = keywords_from_rows(corpus, labels, described, content_statements(corpus),
                                           n_keywords=self.n_keywords, vectorizer=self.vectorizer)
        topics: list[Topic | None] = list(getattr(self, "topics_", [])) + [None] * n_topics
        topics = topics[:n_topics]
        for topic in described:
            topics[topic.id] = topic
        assert all(t is not None for t in topics)
        self.topics_ = [t for t in topics if t is not None]
        self.labels_ = labels


def _stable_numbering(raw: np.ndarray) -> np.ndarray:
    """Renumber clusters 0.. by decreasing size, ties by earliest member; -1 stays -1."""
    labels = np.full(raw.shape, -1, dtype=np.intp)
    valid = raw >= 0
    if not valid.any():
        return labels
    values, first, counts = np.unique(raw[valid], return_index=True, return_counts=True)
    positions = np.flatnonzero(valid)[first]
    order = np.lexsort((positions, -counts))
    new_id = np.empty(len(values), dtype=np.intp)
    new_id[order] = np.arange(len(values))
    labels[valid] = new_id[np.searchsorted(values, raw[valid])]
    return labels


def _closest_topics_similarity(centroids: np.ndarray, cohesion: np.ndarray) -> float:
    """Average similarity between the members of the two closest topics (the next average-linkage merge)."""
    if len(centroids) < 2:
        return _FALLBACK_MIN_SIMILARITY
    means = centroids.astype(np.float64) * cohesion[:, None]
    sims = means @ means.T
    np.fill_diagonal(sims, -np.inf)
    return float(sims.max())


def _subsample(vectors: np.ndarray, limit: int, random_state: int) -> np.ndarray:
    if vectors.shape[0] <= limit:
        return vectors
    keep = np.sort(np.random.default_rng(random_state).choice(vectors.shape[0], limit, replace=False))
    return vectors[keep]


def _join_for_keywords(base: Corpus, new: Corpus) -> Corpus:
    texts = None
    if new.texts is not None:
        texts = (base.texts or [""] * len(base)) + new.texts
    return Corpus(texts, base.sides + new.sides, base.ids + new.ids, np.vstack([base.embeddings, new.embeddings]))
