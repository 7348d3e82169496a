"""The :class:`ThemeTracker` estimator: themes and repeated claims over a series."""

from __future__ import annotations

import base64
import dataclasses
import logging
import warnings
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np

from ..errors import ConfigurationError, NotFittedError
from ..model import Release, Statement, StatementKind
from ..topics.estimators import apply_params, params_of
from ._boilerplate import (
    closing_rows,
    closing_words,
    edge_themes,
    link_words,
    mostly_capitalised,
    person_name_words,
)
from ._claims import ClaimGrouper
from ._keywords import TermStats, label_terms, scene_names, setting_words
from ._results import ThemeSeries
from ._sides import ReleaseInfo, SideOf, release_side, series_order
from ._statements import Extractor, release_statements
from ._summary import SeriesState, summarise

__all__ = ["ThemeTracker"]

logger = logging.getLogger(__name__)

_PARAMS = (
    "period",
    "claim_threshold",
    "min_claim_words",
    "min_theme_size",
    "max_words",
    "window_words",
    "skip_scene_setting",
    "random_state",
)
#: Words of a theme's own statements looked at when none of its topic keywords can label it.
_DEEP_KEYWORDS = 40
_ALL_PARAMS = ("embedder", "sides", "side_of", "extractor", "topic_model") + _PARAMS


class ThemeTracker:
    """Follow themes and repeated claims over a series of releases.

    Each release is cut into statements (:func:`claimcmp.extract.extract_statements`,
    long statements windowed), the statements are embedded, clustered into
    themes by a :class:`claimcmp.topics.TopicModel`, and grouped into claims
    (near-duplicates and paraphrases). :meth:`partial_fit` adds releases without
    re-clustering: new statements join the closest existing theme (or form
    new ones, with the next free ids) and the claim of their nearest earlier
    neighbour. Ids are never renumbered.

    Parameters
    ----------
    embedder : object, optional
        Anything with ``encode(list[str]) -> ndarray``; default a
        :class:`claimcmp.embed.Embedder` (cached: only unseen texts are embedded).
    sides : optional
        Sides passed to the extractor (a :class:`~claimcmp.extract` sides file,
        mapping or object).
    side_of : callable or mapping, optional
        Side of a whole release (``release -> side``, or a dict by release id
        or issuer); overrides the statements' own sides. Use it where the side
        is a property of the issuer (a party, a government).
    extractor : callable, optional
        ``extractor(release, sides=...) -> list[Statement]``; default the real extraction.
    topic_model : TopicModel, optional
        An unfitted model to cluster with (cloned); default ``TopicModel(random_state=random_state)``.
    period : {"auto", "day", "week", "month", "quarter"}, default="auto"
        Bucket of the timeline; "auto" chooses by the span of the series.
    claim_threshold : float, default=0.85
        Cosine similarity from which two statements count as the same claim.
    min_claim_words : int, default=6
        Shorter statements (headings, sign-offs) are not grouped into claims.
    min_theme_size : int, default=2
        Themes with fewer statements are kept (ids stay) but not reported.
    max_words, window_words : int, default=60, 40
        Statements longer than ``max_words`` words are cut into windows of
        about ``window_words`` words (text without punctuation).
    skip_scene_setting : bool, default=True
        Statements that only set the scene ("President Biden spoke today with Prime Minister Meloni of
        Italy.", "Participants included:", a participant's name and title; see
        :func:`claimcmp.extract.is_scene_setting`) take no part in themes and claims: they stay in
        ``statements_`` with theme -1 and no claim. So do list headers ("Participants included:",
        :func:`claimcmp.extract.is_list_header`) and closing lines ("The two leaders agreed to remain in close
        contact."), whose words are learned from the series (``docs/themes.md``). Direct quotes are never
        skipped.
    random_state : int, default=0

    Attributes
    ----------
    releases_ : dict of str to ReleaseInfo
        Every release tracked, in the order added.
    statements_ : list of Statement
        Every statement, in series order within each fit/update.
    theme_ids_ : ndarray of shape (n_statements,)
        Theme of each statement (-1: scene-setting, list header or closing line, in no theme).
    administrative_themes_ : set of int
        Themes about the meeting itself, not a subject: none of their keywords is left once setting words are
        taken away (who met whom: participants, offices, places), or their statements open or close their
        releases far more often than chance (greetings, staying in touch); :meth:`result` lists them after
        the others (``Theme.administrative``).
    claim_ids_ : list of str or None
        Claim of each statement (None: too short to be a claim).
    topic_model_ : TopicModel
        The fitted topic model (its topic ids are the theme ids).
    """

    def __init__(
        self,
        *,
        embedder: Any = None,
        sides: Any = None,
        side_of: SideOf = None,
        extractor: Extractor | None = None,
        topic_model: Any = None,
        period: str = "auto",
        claim_threshold: float = 0.85,
        min_claim_words: int = 6,
        min_theme_size: int = 2,
        max_words: int = 60,
        window_words: int = 40,
        skip_scene_setting: bool = True,
        random_state: int = 0,
    ) -> None:
        self.embedder = embedder
        self.sides = sides
        self.side_of = side_of
        self.extractor = extractor
        self.topic_model = topic_model
        self.period = period
        self.claim_threshold = claim_threshold
        self.min_claim_words = min_claim_words
        self.min_theme_size = min_theme_size
        self.max_words = max_words
        self.window_words = window_words
        self.skip_scene_setting = skip_scene_setting
        self.random_state = random_state

    def __repr__(self) -> str:
        shown = ", ".join(f"{p}={getattr(self, p)!r}" for p in ("period", "claim_threshold", "random_state"))
        return f"ThemeTracker({shown})"

    # ------------------------------------------------------------------ fitting

    def fit(
        self,
        releases: Iterable[Release],
        *,
        statements: Sequence[Statement] | None = None,
        embeddings: np.ndarray | None = None,
    ) -> ThemeTracker:
        """Track a whole series from scratch.

        Parameters
        ----------
        releases : iterable of Release
            Any order; the series is ordered by date (undated last).
        statements : sequence of Statement, optional
            Precomputed statements of these releases (used instead of
            extraction; releases without any get none).
        embeddings : ndarray of shape (len(statements), dim), optional
            Precomputed embeddings of ``statements``.

        Returns
        -------
        self
        """
        self._check_params()
        infos, stmts, vectors = self._prepare(list(releases), statements, embeddings, known=set())
        if not stmts:
            raise ConfigurationError(
                "No statements were found in the releases given.",
                fix="Pass releases with body text, or statements=.",
            )
        from ..topics import TopicModel

        if self.topic_model is None:
            model = TopicModel(random_state=self.random_state)
        else:
            from ..topics.estimators import unfitted_copy

            model = unfitted_copy(self.topic_model)
        keep, self._closing = self._themed_rows(stmts)
        if not keep:  # nothing but scene-setting: better themes of it than none
            keep = list(range(len(stmts)))
        model.fit([stmts[i] for i in keep], embeddings=vectors[keep])
        self.topic_model_ = model
        self.releases_ = {info.id: info for info in infos}
        self.statements_ = list(stmts)
        self.theme_ids_ = np.full(len(stmts), -1, dtype=np.intp)
        self.theme_ids_[keep] = np.asarray(model.labels_, dtype=np.intp)
        self._terms = TermStats()
        self._terms.add(stmts[i].text for i in keep)
        self._describe_themes(model, keep)
        self._grouper = ClaimGrouper(self.claim_threshold, vectors.shape[1])
        self.claim_ids_: list[str | None] = []
        self.link_similarity_: list[float] = []
        self._vectors: list[np.ndarray] = [vectors]
        self._group_claims(stmts, vectors, keep)
        return self

    def partial_fit(
        self,
        releases: Iterable[Release],
        *,
        statements: Sequence[Statement] | None = None,
        embeddings: np.ndarray | None = None,
    ) -> ThemeTracker:
        """Add releases without renumbering any theme or claim (fits when not fitted yet); returns self.

        The one method that changes a fitted tracker. Releases already
        tracked (same id) are skipped. Only the new statements are embedded.
        Parameters as in :meth:`fit`.
        """
        if not hasattr(self, "releases_"):
            return self.fit(releases, statements=statements, embeddings=embeddings)
        infos, stmts, vectors = self._prepare(list(releases), statements, embeddings, known=set(self.releases_))
        self._add(infos, stmts, vectors)
        return self

    def update(
        self,
        releases: Iterable[Release],
        *,
        statements: Sequence[Statement] | None = None,
        embeddings: np.ndarray | None = None,
    ) -> ThemeTracker:
        """Deprecated alias of :meth:`partial_fit` (removed in 0.3)."""
        warnings.warn(
            "ThemeTracker.update() is deprecated and is removed in 0.3; use partial_fit() (same arguments).",
            FutureWarning,
            stacklevel=2,
        )
        return self.partial_fit(releases, statements=statements, embeddings=embeddings)

    def fit_transform(
        self,
        releases: Iterable[Release],
        *,
        statements: Sequence[Statement] | None = None,
        embeddings: np.ndarray | None = None,
    ) -> np.ndarray:
        """Fit, then return a copy of ``theme_ids_`` (the theme of each statement, in ``statements_`` order)."""
        return self.fit(releases, statements=statements, embeddings=embeddings).theme_ids_.copy()

    def transform(
        self,
        releases: Iterable[Release],
        *,
        statements: Sequence[Statement] | None = None,
        embeddings: np.ndarray | None = None,
    ) -> np.ndarray:
        """Theme of each statement of ``releases``; the tracker does not change.

        Statements come in series order (as :meth:`fit` orders them),
        releases already tracked included. A statement far from every theme
        gets -1 (:meth:`partial_fit` would start a new theme for it).
        Parameters as in :meth:`fit`.

        Returns
        -------
        ndarray of shape (n_statements,) of int
        """
        self._check_fitted()
        _, stmts, vectors = self._prepare(list(releases), statements, embeddings, known=set())
        ids = np.full(len(stmts), -1, dtype=np.intp)
        keep, _ = self._themed_rows(stmts, self._closing)
        if keep:
            ids[keep] = np.asarray(self.topic_model_.transform(vectors[keep]), dtype=np.intp)
        return ids

    def get_params(self, deep: bool = True) -> dict[str, Any]:
        """Constructor arguments (with ``deep``, also ``topic_model__...``)."""
        return params_of(self, _ALL_PARAMS, deep=deep)

    def set_params(self, **params: Any) -> ThemeTracker:
        """Set constructor arguments (nested ``topic_model__n_topics=12`` too); returns self."""
        apply_params(self, _ALL_PARAMS, params)
        return self

    def __sklearn_is_fitted__(self) -> bool:
        return hasattr(self, "releases_")

    def merge(self, other: ThemeTracker) -> ThemeTracker:
        """A new tracker: this one plus the releases of ``other`` it lacks.

        This tracker's ids are kept; ``other``'s statements are added as by
        :meth:`partial_fit` (its embeddings reused, nothing re-embedded when it
        has them), so its themes and claims join this tracker's where they
        match and get new ids otherwise.
        """
        self._check_fitted()
        other._check_fitted()
        merged = ThemeTracker.from_dict(self.to_dict(), embedder=self.embedder)
        for name in ("sides", "side_of", "extractor", "topic_model"):
            setattr(merged, name, getattr(self, name))
        new_ids = [rid for rid in other.releases_ if rid not in merged.releases_]
        infos = [other.releases_[rid] for rid in new_ids]
        keep = set(new_ids)
        rows = [i for i, s in enumerate(other.statements_) if s.release_id in keep]
        stmts = [other.statements_[i] for i in rows]
        vectors = other._all_vectors()[rows] if rows else np.zeros((0, merged._dim()), dtype=np.float32)
        order = series_order(infos)
        infos = [infos[i] for i in order]
        rank = {info.id: k for k, info in enumerate(infos)}
        within = sorted(range(len(stmts)), key=lambda i: (rank[stmts[i].release_id], stmts[i].start, stmts[i].end))
        merged._add(infos, [stmts[i] for i in within], vectors[within])
        return merged

    # ---------------------------------------------------------------- results

    def result(self, period: str | None = None) -> ThemeSeries:
        """Themes, repeated claims and the side x period x theme timeline.

        Parameters
        ----------
        period : str, optional
            Override the tracker's ``period`` for this summary.
        """
        self._check_fitted()
        state = SeriesState(
            list(self.releases_.values()),
            self.statements_,
            self.theme_ids_,
            self.claim_ids_,
            self.link_similarity_,
            self.theme_info_,
            frozenset(self.administrative_themes_),
        )
        return summarise(
            state,
            period=period or self.period,
            min_theme_size=self.min_theme_size,
        )

    def to_dataframe(self, kind: str = "timeline", period: str | None = None, **deprecated: Any) -> Any:
        """The timeline (or ``kind="themes"`` / ``"claims"`` / ``"statements"``) as a pandas DataFrame.

        ``what=`` is the deprecated name of ``kind=`` (one name across the API, as ``Analysis.to_dataframe``).
        """
        from ._export import statements_frame, to_dataframe

        kind = _renamed_keyword(deprecated, "what", "kind", kind, default="timeline")
        self._check_fitted()
        if kind == "statements":
            return statements_frame(self)
        return to_dataframe(self.result(period), kind)

    # ----------------------------------------------------------- serialising

    def to_dict(self, *, include_embeddings: bool = True) -> dict[str, Any]:
        """A JSON-compatible dict of the fitted tracker.

        With ``include_embeddings=False`` the vectors are left out (much
        smaller); a loaded tracker then re-embeds the statements' texts (from
        the cache) at its first update.
        """
        self._check_fitted()
        data: dict[str, Any] = {
            "params": {name: getattr(self, name) for name in _PARAMS},
            "releases": [info.to_dict() for info in self.releases_.values()],
            "statements": [s.to_dict() for s in self.statements_],
            "theme_ids": self.theme_ids_.tolist(),
            "themes": {
                str(k): {"label": v[0], "keywords": list(v[1]), "administrative": k in self.administrative_themes_}
                for k, v in sorted(self.theme_info_.items())
            },
            "claim_ids": list(self.claim_ids_),
            "link_similarity": [round(x, 6) for x in self.link_similarity_],
            "topic_model": self.topic_model_.to_dict(),
            "closing_words": sorted(self._closing),
        }
        if include_embeddings:
            vectors = np.ascontiguousarray(self._all_vectors(), dtype="<f4")
            data["embeddings"] = {"shape": list(vectors.shape), "base64": base64.b64encode(vectors.tobytes()).decode()}
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, embedder: Any = None, side_of: SideOf = None) -> ThemeTracker:
        """Inverse of :meth:`to_dict`; the tracker can be updated further."""
        from ..topics import TopicModel

        tracker = cls(embedder=embedder, side_of=side_of, **data["params"])
        tracker.topic_model_ = TopicModel.from_dict(data["topic_model"], embedder=embedder)
        tracker.releases_ = {d["id"]: ReleaseInfo.from_dict(d) for d in data["releases"]}
        tracker.statements_ = [Statement.from_dict(s) for s in data["statements"]]
        tracker.theme_ids_ = np.asarray(data["theme_ids"], dtype=np.intp)
        tracker.theme_info_ = {int(k): (v["label"], tuple(v["keywords"])) for k, v in data["themes"].items()}
        tracker.administrative_themes_ = {int(k) for k, v in data["themes"].items() if v.get("administrative")}
        tracker.claim_ids_ = list(data["claim_ids"])
        tracker.link_similarity_ = [float(x) for x in data["link_similarity"]]
        tracker._closing = frozenset(data.get("closing_words", ()))
        keywords = [v[1] for v in tracker.theme_info_.values()]
        tracker._setting = _setting_of(tracker.statements_, tracker.theme_ids_, keywords, tracker._closing)
        tracker._terms = TermStats()
        themed = zip(tracker.statements_, tracker.theme_ids_.tolist(), strict=True)
        tracker._terms.add(s.text for s, t in themed if t >= 0)
        if "embeddings" in data:
            shape = tuple(data["embeddings"]["shape"])
            raw = base64.b64decode(data["embeddings"]["base64"])
            vectors = np.frombuffer(raw, dtype="<f4").reshape(shape).astype(np.float32)
        else:
            vectors = tracker._encode([s.text for s in tracker.statements_])
        tracker._vectors = [vectors]
        rows = [i for i, c in enumerate(tracker.claim_ids_) if c is not None]
        tracker._grouper = ClaimGrouper.restore(
            tracker.claim_threshold,
            vectors[rows],
            [tracker.claim_ids_[i] for i in rows],  # type: ignore[misc]
            [tracker.link_similarity_[i] for i in rows],
        )
        return tracker

    # ---------------------------------------------------------------- internals

    def _check_fitted(self) -> None:
        if not hasattr(self, "releases_"):
            raise NotFittedError("This ThemeTracker is not fitted yet.", fix="Call fit(releases) first.")

    def _check_params(self) -> None:
        if not 0.0 < float(self.claim_threshold) <= 1.0:
            raise ConfigurationError(
                f"claim_threshold must be in (0, 1], got {self.claim_threshold}.", fix="Pass e.g. claim_threshold=0.85."
            )
        if int(self.window_words) < 1 or int(self.max_words) < int(self.window_words):
            raise ConfigurationError(
                f"Need 1 <= window_words <= max_words, got {self.window_words} and {self.max_words}.",
                fix="Pass e.g. max_words=60, window_words=40.",
            )

    def _dim(self) -> int:
        return int(self._vectors[0].shape[1])

    def _all_vectors(self) -> np.ndarray:
        if len(self._vectors) > 1:
            self._vectors = [np.vstack(self._vectors)]
        return self._vectors[0]

    def _encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        embedder = self.embedder
        if embedder is None:  # the default embedder, built once (the parameter stays None)
            embedder = getattr(self, "_default_embedder", None)
            if embedder is None:
                from ..embed import Embedder

                embedder = self._default_embedder = Embedder()
        vectors = np.asarray(embedder.encode(texts), dtype=np.float32)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.where(norms > 0, norms, 1.0)

    def _prepare(
        self,
        releases: list[Release],
        statements: Sequence[Statement] | None,
        embeddings: np.ndarray | None,
        known: set[str],
    ) -> tuple[list[ReleaseInfo], list[Statement], np.ndarray]:
        """Release facts, statements (series order, sides applied) and their unit vectors."""
        fresh, infos = self._new_releases(releases, known)
        if embeddings is not None and statements is None:
            raise ConfigurationError(
                "embeddings= needs statements=.", fix="Pass the statements the embeddings belong to."
            )
        if statements is not None:
            rows, stmts = _given_in_series_order(fresh, statements)
        else:
            rows, stmts = [], [
                s
                for release in fresh
                for s in release_statements(
                    release,
                    sides=self.sides,
                    extractor=self.extractor,
                    max_words=self.max_words,
                    window_words=self.window_words,
                )
            ]
        release_sides = {info.id: info.side for info in infos}
        stmts = [
            dataclasses.replace(s, side=release_sides[s.release_id]) if release_sides.get(s.release_id) else s
            for s in stmts
        ]
        if embeddings is not None:
            vectors = _given_vectors(embeddings, rows, len(statements or ()))
        else:
            vectors = self._encode([s.text for s in stmts])
        return infos, stmts, vectors

    def _new_releases(self, releases: list[Release], known: set[str]) -> tuple[list[Release], list[ReleaseInfo]]:
        """The releases not tracked yet (first of each id), with their facts, in series order."""
        for release in releases:
            if not isinstance(release, Release):
                raise ConfigurationError(
                    f"Expected Release objects, got {type(release).__name__}.",
                    fix="Load releases with claimcmp.load_releases(paths).",
                )
        fresh: list[Release] = []
        seen: set[str] = set(known)
        for release in releases:
            if release.id in seen:
                logger.info("release %s is already tracked; skipped", release.id)
                continue
            seen.add(release.id)
            fresh.append(release)
        infos = [ReleaseInfo.of(r, release_side(r, self.side_of)) for r in fresh]
        order = series_order(infos)
        return [fresh[i] for i in order], [infos[i] for i in order]

    def _themed_rows(
        self, stmts: Sequence[Statement], closing: frozenset[str] | None = None
    ) -> tuple[list[int], frozenset[str]]:
        """Rows of the statements that take part in themes and claims, and the series' closing words.

        All but scene-setting lines, list headers and closing lines (direct quotes are always kept). The
        closing words are ``closing`` when given (an update keeps the fitted ones), else learned from these
        statements (:func:`closing_words`).
        """
        if not self.skip_scene_setting:
            return list(range(len(stmts))), frozenset() if closing is None else closing
        from ..extract import is_list_header, is_scene_setting, lower_content_words

        quote = [s.kind is StatementKind.DIRECT_QUOTE for s in stmts]
        keep = [
            i for i, s in enumerate(stmts) if quote[i] or not (is_scene_setting(s.text) or is_list_header(s.text))
        ]
        words = [lower_content_words(stmts[i].text) for i in keep]
        if closing is None:
            closing = closing_words([stmts[i].release_id for i in keep], words)
        ending = {keep[j] for j in closing_rows(words, closing)}
        return [i for i in keep if quote[i] or i not in ending], closing

    def _describe_themes(self, model: Any, keep: list[int]) -> None:
        """Setting words, administrative themes and labels of the themes of a fitted topic model."""
        topics = model.topics_
        self._setting = _setting_of(self.statements_, self.theme_ids_, [t.keywords for t in topics], self._closing)
        self.administrative_themes_ = {t.id for t in topics if not label_terms(t.keywords, self._setting)}
        self.administrative_themes_ |= edge_themes(
            [self.statements_[i].release_id for i in keep], self.theme_ids_[keep].tolist()
        )
        self.theme_info_ = {t.id: (self._label(t.id, t.keywords, t.label), tuple(t.keywords)) for t in topics}

    def _label(self, theme_id: int, keywords: Sequence[str], fallback: str) -> str:
        """Label of a fitted theme: its keywords without setting words, else its statements' own words."""
        label = _theme_label(keywords, self._setting, "")
        if label:
            return label
        # every topic keyword names a participant, an office or a place (an administrative theme: who met):
        # describe it by its own statements' words that are not names either
        members = [s.text for s, t in zip(self.statements_, self.theme_ids_.tolist(), strict=True) if t == theme_id]
        deep = self._terms.keywords(members, n=_DEEP_KEYWORDS)
        names = mostly_capitalised((s.text for s in self.statements_), {w for k in deep for w in k.split("-")})
        return _theme_label(deep, self._setting | names, fallback)

    def _group_claims(self, stmts: list[Statement], vectors: np.ndarray, keep: list[int]) -> None:
        themed = set(keep)
        eligible = [
            i for i, s in enumerate(stmts) if i in themed and len(s.text.split()) >= int(self.min_claim_words)
        ]
        ids = self._grouper.add(vectors[eligible], [stmts[i].id for i in eligible]) if eligible else []
        sims = self._grouper.link_similarity[len(self._grouper) - len(eligible) :]
        claim_of: dict[int, tuple[str, float]] = {i: (c, s) for i, c, s in zip(eligible, ids, sims, strict=True)}
        for i in range(len(stmts)):
            claim, sim = claim_of.get(i, (None, 1.0))
            self.claim_ids_.append(claim)
            self.link_similarity_.append(sim)

    def _add(self, infos: list[ReleaseInfo], stmts: list[Statement], vectors: np.ndarray) -> None:
        self._check_fitted()
        for info in infos:
            self.releases_[info.id] = info
        if not stmts:
            return
        if vectors.shape[1] != self._dim():
            raise ConfigurationError(
                f"New embeddings have {vectors.shape[1]} dimensions, the tracker {self._dim()}.",
                fix="Use the same embedding model for every update.",
            )
        n_before = len(self.topic_model_.topics_)
        keep, _ = self._themed_rows(stmts, self._closing)
        ids = self._place_in_themes(stmts, vectors, keep)
        for theme_id in sorted(set(ids.tolist()) - {-1}):
            if theme_id >= n_before and theme_id not in self.theme_info_:
                members = [s.text for s, t in zip(stmts, ids.tolist(), strict=True) if t == theme_id]
                keywords = self._terms.keywords(members)
                if not label_terms(keywords, self._setting):
                    self.administrative_themes_.add(theme_id)
                self.theme_info_[theme_id] = (_theme_label(keywords, self._setting, members[0][:60]), keywords)
        self.statements_.extend(stmts)
        self.theme_ids_ = np.concatenate([self.theme_ids_, ids])
        self._vectors.append(vectors)
        self._group_claims(stmts, vectors, keep)

    def _place_in_themes(self, stmts: list[Statement], vectors: np.ndarray, keep: list[int]) -> np.ndarray:
        """Theme of each new statement by the topic model's partial fit (-1 for the rows not in ``keep``)."""
        ids = np.full(len(stmts), -1, dtype=np.intp)
        if keep:
            self.topic_model_.partial_fit([stmts[i] for i in keep], embeddings=vectors[keep], describe=False)
            ids[keep] = np.asarray(self.topic_model_.labels_[-len(keep) :], dtype=np.intp)
            self._terms.add(stmts[i].text for i in keep)
        return ids


def _setting_of(
    statements: Sequence[Statement],
    theme_ids: np.ndarray,
    keywords: Iterable[Iterable[str]],
    closing: frozenset[str],
) -> frozenset[str]:
    """Words no theme label holds.

    The names used by the scene-setting statements (theme -1), titles, label noise, the closing words of the
    series and the keywords' words that are persons' names, or parts of web addresses, in most of their
    occurrences.
    """
    scene = scene_names(s.text for s, t in zip(statements, theme_ids.tolist(), strict=True) if t < 0)
    scene = mostly_capitalised((s.text for s in statements), scene)
    candidates = {w for kws in keywords for k in kws for w in k.split()}
    names = person_name_words((s.text for s in statements), candidates)
    links = link_words((s.text for s in statements), candidates)
    return setting_words(scene) | closing | names | links


def _theme_label(keywords: Sequence[str], setting: frozenset[str], fallback: str) -> str:
    """Up to three keywords that share no word and hold no setting word, joined; else the topic's own label."""
    picked: list[str] = []
    used: set[str] = set()
    for term in label_terms(keywords, setting):
        if used.isdisjoint(term.split()):
            picked.append(term)
            used.update(term.split())
    return ", ".join(picked[:3]) if picked else fallback


def _renamed_keyword(given: dict[str, Any], old: str, new: str, value: Any, *, default: Any) -> Any:
    """``value``, or the value passed under the deprecated keyword ``old`` (with a ``FutureWarning``)."""
    if not given:
        return value
    unknown = set(given) - {old}
    if unknown:
        raise TypeError(f"unexpected keyword argument(s): {', '.join(sorted(unknown))}")
    if value != default:
        raise TypeError(f"pass {new}= only; {old}= is its deprecated name")
    warnings.warn(f"{old}= is deprecated; use {new}= (removed in 0.3).", FutureWarning, stacklevel=3)
    return given[old]


def _given_in_series_order(
    releases: Sequence[Release], statements: Sequence[Statement]
) -> tuple[list[int], list[Statement]]:
    """The given statements of ``releases``, release by release and in text order, with their row numbers."""
    by_release: dict[str, list[tuple[int, Statement]]] = {}
    for i, s in enumerate(statements):
        by_release.setdefault(s.release_id, []).append((i, s))
    rows: list[int] = []
    stmts: list[Statement] = []
    for release in releases:
        for i, s in sorted(by_release.get(release.id, []), key=lambda p: (p[1].start, p[1].end)):
            rows.append(i)
            stmts.append(s)
    return rows, stmts


def _given_vectors(embeddings: np.ndarray, rows: Sequence[int], n_statements: int) -> np.ndarray:
    """The unit vectors of the rows kept, from the embeddings given with the statements."""
    matrix = np.asarray(embeddings, dtype=np.float32)
    if matrix.ndim != 2 or matrix.shape[0] != n_statements:
        raise ConfigurationError(
            f"embeddings have shape {matrix.shape} for {n_statements} statements.",
            fix="Pass one row per statement.",
        )
    vectors = matrix[list(rows)] if rows else matrix[:0]
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    unit: np.ndarray = (vectors / np.where(norms > 0, norms, 1.0)).astype(np.float32)
    return unit
