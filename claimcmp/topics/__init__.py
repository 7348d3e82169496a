"""Topics: cluster statements into labelled topics whose ids stay stable.

:class:`TopicModel` is the estimator (scikit-learn contract); :class:`Topic`
is one result. The clustering backends are usable alone:
:class:`CosineAgglomerative` (exact average linkage, small corpora) and
:class:`CentroidAgglomerative` (spherical k-means cells, then average linkage
over the cells, large corpora).
"""

from ._backends import CentroidAgglomerative, CosineAgglomerative
from ._estimator import TopicModel
from ._result import Topic

__all__ = ["CentroidAgglomerative", "CosineAgglomerative", "Topic", "TopicModel"]
