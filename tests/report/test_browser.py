"""The HTML report in headless Chromium: injected script never runs, and the page renders.

Chromium is installed by ``scripts/setup.sh`` (Debian package ``chromium``); the tests install
nothing and fail, saying how to install it, when it is missing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from claimcmp.analysis import Analysis
from tests.analysis.helpers import PWNED
from tests.report.test_html import assert_inert, parse

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-extensions", "--hide-scrollbars",
]


def _find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None


@pytest.fixture(scope="session")
def chromium() -> str:
    """Path of the Chromium binary that ``scripts/setup.sh`` installs; the test fails, saying so, without it."""
    found = _find_chromium()
    if found is None:
        pytest.fail(
            "Chromium is needed for the report security test and is not installed. "
            "Run scripts/setup.sh as root (it installs the Debian package 'chromium'), "
            "or install Chromium yourself and put it on PATH."
        )
    return found


def _run(chromium: str, tmp: Path, *args: str) -> subprocess.CompletedProcess[str]:
    profile = tmp / f"profile-{len(list(tmp.glob('profile-*')))}"
    return subprocess.run(
        [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True, text=True, timeout=120,
    )


def test_injected_script_never_runs(chromium: str, tmp_path: Path, hostile_analysis: Analysis) -> None:
    page = tmp_path / "hostile.html"
    html = hostile_analysis.to_html(page)
    expected_title = parse(html).title
    done = _run(chromium, tmp_path, "--virtual-time-budget=3000", "--dump-dom", page.as_uri())
    assert done.returncode == 0, done.stderr[-2000:]
    dom = done.stdout
    assert "<main>" in dom, "the page did not load"
    parsed = parse(dom)
    assert parsed.title == expected_title and "pwned" not in parsed.title
    assert_inert(dom)
    # the hostile text is there, as text
    assert f"&lt;script&gt;{PWNED}&lt;/script&gt;" in dom
    assert "body{display:none}" in dom  # shown as text, not applied as a style element


def test_the_dom_check_would_see_a_script_run(chromium: str, tmp_path: Path) -> None:
    """Control: the same check catches a page whose script does run."""
    page = tmp_path / "unsafe.html"
    page.write_text(f"<html><head><title>t</title></head><body><main><script>{PWNED}</script></main></body></html>")
    done = _run(chromium, tmp_path, "--virtual-time-budget=3000", "--dump-dom", page.as_uri())
    assert parse(done.stdout).title == "pwned"


def test_report_renders_on_screen(chromium: str, tmp_path: Path, seed_analysis: Analysis) -> None:
    from PIL import Image, ImageStat

    page = tmp_path / "seed.html"
    seed_analysis.to_html(page)
    shot = tmp_path / "seed.png"
    started = time.perf_counter()
    done = _run(chromium, tmp_path, "--window-size=1280,2000", f"--screenshot={shot}", page.as_uri())
    elapsed = time.perf_counter() - started
    assert done.returncode == 0 and shot.exists(), done.stderr[-2000:]
    keep = os.environ.get("CLAIMCMP_KEEP_SCREENSHOT")
    if keep:
        shutil.copy(shot, keep)
    with Image.open(shot) as image:
        assert image.size == (1280, 2000)
        gray = image.convert("L")
        stat = ImageStat.Stat(gray)
        assert stat.stddev[0] > 20, "screenshot is (nearly) blank"
        # the top band holds the dark heading text on a light page
        top = gray.crop((0, 0, 1280, 120))
        assert min(top.getdata()) < 80 and ImageStat.Stat(top).mean[0] > 180
    assert elapsed < 60
