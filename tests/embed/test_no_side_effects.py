"""Loading and running the models leaves the process environment as it found it."""

from __future__ import annotations

import json
import os

import pytest

from ..conftest import python_output

CODE = """
import json, os
before = dict(os.environ)
from claimcmp.embed import Embedder
for backend in ("torch", "onnx"):
    Embedder(backend=backend, cache_dir=None).encode(["The two sides exchanged views."])
from claimcmp.compare import compare_sides
after = dict(os.environ)
changed = {k for k in set(before) | set(after) if before.get(k) != after.get(k)}
# torch sets a few of its own (KMP_*, TORCHINDUCTOR_*) on import; claimcmp must set none.
changed = {k for k in changed if not k.startswith(("KMP_", "TORCH", "OMP_"))}
print(json.dumps({k: after.get(k) for k in sorted(changed)}))
"""


@pytest.mark.slow
def test_embedding_with_every_backend_sets_no_environment_variable() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HF_", "TRANSFORMERS_"))}
    assert "HF_HUB_OFFLINE" not in env
    changed = json.loads(python_output(CODE, env=env))
    assert changed == {}
