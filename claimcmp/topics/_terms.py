"""Word and bigram counts for topic keywords, without scikit-learn.

:class:`TermCounter` has the part of the scikit-learn vectorizer interface
that :func:`~claimcmp.topics._keywords.topic_keywords` uses
(``fit_transform`` and ``get_feature_names_out``), so a user's own
vectorizer can still take its place. Counting here keeps the report path
free of the scikit-learn import (about a second on a small machine).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

from ..lang import word_set

__all__ = ["STOP_WORDS", "TermCounter"]

#: English function words left out of keywords: the package's one stop-word list
#: (``claimcmp/lang/en/stopwords.txt``). Words of substance (even frequent ones such as
#: "said" or "minister") are kept, because the class-based weighting already discounts words
#: every topic uses.
STOP_WORDS: frozenset[str] = word_set("stopwords")

# 2+ word characters with at least one letter (numbers alone are not terms)
_TOKEN = re.compile(r"\b(?=\w*[^\W\d_])\w\w+\b")
# contractions: a negated auxiliary as a whole ("don't", "can't"), else the clitic ("we've" -> "we");
# otherwise the tokenizer would keep their pieces ("ve", "re", "ll", "don") as terms
_CONTRACTION = re.compile(r"\w+n['’]t\b|['’](?:ve|re|ll|d|m|s)\b")


def words(text: str, stop_words: frozenset[str] = STOP_WORDS) -> list[str]:
    """Lower-cased terms of ``text`` that are not stop words, in order (contractions' pieces left out)."""
    return [w for w in _TOKEN.findall(_CONTRACTION.sub(" ", text.lower())) if w not in stop_words]


class TermCounter:
    """Counts words and two-word phrases per text (stop words removed first).

    Parameters
    ----------
    min_df : int, default=1
        A term must occur in at least this many texts.
    bigrams : bool, default=True
        Count adjacent word pairs too (adjacent once stop words are removed).
    stop_words : iterable of str, optional
        Default :data:`STOP_WORDS`.
    """

    def __init__(self, min_df: int = 1, bigrams: bool = True, stop_words: Iterable[str] | None = None) -> None:
        self.min_df = min_df
        self.bigrams = bigrams
        self.stop_words = stop_words

    def get_params(self, deep: bool = True) -> dict[str, Any]:
        return {"min_df": self.min_df, "bigrams": self.bigrams, "stop_words": self.stop_words}

    def fit_transform(self, texts: Sequence[str]) -> Any:
        """Counts as a sparse matrix of shape (n_texts, n_terms), terms in alphabetical order.

        Raises
        ------
        ValueError
            No text has a term (the vectorizer contract ``topic_keywords`` relies on).
        """
        from scipy import sparse

        stop = STOP_WORDS if self.stop_words is None else frozenset(self.stop_words)
        index: dict[str, int] = {}
        rows: list[int] = []
        cols: list[int] = []
        for row, text in enumerate(texts):
            tokens = words(text, stop)
            terms = tokens + [f"{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False)] if self.bigrams else tokens
            for term in terms:
                col = index.setdefault(term, len(index))
                cols.append(col)
            rows.extend([row] * len(terms))
        if not index:
            raise ValueError("empty vocabulary: the texts hold only stop words or numbers")
        counts = sparse.csr_matrix(
            (np.ones(len(cols), dtype=np.int64), (np.asarray(rows, dtype=np.intp), np.asarray(cols, dtype=np.intp))),
            shape=(len(texts), len(index)),
        )
        counts.sum_duplicates()
        names = np.asarray(list(index), dtype=object)
        order = np.argsort(names.astype(str), kind="stable")
        counts = counts[:, order]
        names = names[order]
        if self.min_df > 1:
            doc_freq = np.bincount(counts.indices, minlength=counts.shape[1])
            keep = np.flatnonzero(doc_freq >= self.min_df)
            if keep.size == 0:
                raise ValueError("empty vocabulary: no term reaches min_df")
            counts, names = counts[:, keep], names[keep]
        self.vocabulary_ = {str(n): i for i, n in enumerate(names)}
        self._names = names
        return counts.tocsr()

    def get_feature_names_out(self) -> np.ndarray:
        """The terms, in column order."""
        return self._names
