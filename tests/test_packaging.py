"""The built wheel carries the files claimcmp needs at run time."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_holds_model_templates_and_schema(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path)],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("claimcmp-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in (
        "claimcmp/compare/data/relation_head.npz",
        "claimcmp/compare/data/relation_head.card.json",
        "claimcmp/compare/data/relation_cross_encoder.onnx",
        "claimcmp/compare/data/relation_cross_encoder.card.json",
        "claimcmp/report/templates/report.html.j2",
        "claimcmp/report/templates/report.css",
        "claimcmp/schema/report.schema.json",
        "claimcmp/py.typed",
    ):
        assert required in names, required
    assert not any(n.startswith(("tests/", "fixtures/", "benchmarks/")) for n in names)
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "claimcmp = claimcmp.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()
