"""Topics: cluster statements into labelled topics whose ids stay stable.

:class:`TopicModel` is the estimator (scikit-learn contract); :class:`Topic`
is one result. The clustering backends are usable alone:
:class:`CosineAgglomerative` (exact average linkage, small corpora) and
:class:`CentroidAgglomerative` (spherical k-means cells, then average linkage
over the cells, large corpora) and :class:`SphericalKMeans` (a given number of
topics: spherical k-means on neighbour-smoothed vectors).
"""

from ._backends import CentroidAgglomerative, CosineAgglomerative
from ._estimator import TopicModel
from ._kmeans import SphericalKMeans
from ._result import Topic

__all__ = ["CentroidAgglomerative", "CosineAgglomerative", "SphericalKMeans", "Topic", "TopicModel"]
