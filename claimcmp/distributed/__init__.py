"""Extraction and embedding across the workers of a Dask cluster (optional).

Install with ``pip install 'claimcmp[distributed]'``. :class:`DaskBackend`
maps statement extraction over batches of releases and embedding over chunks
of distinct, not yet cached texts, on any ``dask.distributed`` cluster (a
``LocalCluster`` on one machine, or a scheduler address on many). The results
are the same statements and vectors the local calls give, so they feed the
same analysis: pass :meth:`DaskBackend.embedder` as ``embedder=`` to
:func:`claimcmp.analysis.analyze`, or use the statements and vectors with the
estimators directly. Dask is imported only when a backend is used.
"""

from ._backend import DaskBackend, DaskEmbedder

__all__ = ["DaskBackend", "DaskEmbedder"]
