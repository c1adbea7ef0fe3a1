"""Smoke test: the real app in a real X window (Xvfb), so a missing system library is caught.

Runs ``python -m editor samples/ai-money-machine-2025.roundtrip`` with the xcb
platform; the app grabs its own window to a PNG once shown and analysed
(``ROUNDTRIP_SMOKE_SCREENSHOT``) and quits. The picture must not be blank.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "ai-money-machine-2025.roundtrip"


def _free_display() -> int:
    for n in range(140, 400):
        if not Path(f"/tmp/.X11-unix/X{n}").exists() and not Path(f"/tmp/.X{n}-lock").exists():
            return n
    pytest.skip("no free X display number")


@pytest.fixture
def xvfb():
    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb is not installed (apt-get install xvfb); CI installs it")
    n = _free_display()
    proc = subprocess.Popen(["Xvfb", f":{n}", "-screen", "0", "1400x900x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while not Path(f"/tmp/.X11-unix/X{n}").exists():
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.skip("Xvfb did not start")
        time.sleep(0.05)
    yield f":{n}"
    proc.terminate()
    try:
        proc.wait(5)
    except subprocess.TimeoutExpired:
        proc.kill()


def test_app_shows_the_sample_in_a_real_window(xvfb, tmp_path):
    out = tmp_path / "window.png"
    env = dict(os.environ, DISPLAY=xvfb, QT_QPA_PLATFORM="xcb", ROUNDTRIP_SMOKE_SCREENSHOT=str(out),
               ROUNDTRIP_SETTINGS="smoke", ROUNDTRIP_RECOVERY_DIR=str(tmp_path / "recovery"))
    run = subprocess.run([sys.executable, "-m", "editor", str(SAMPLE)], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr[-2000:]
    assert out.exists(), f"no screenshot written; stderr: {run.stderr[-2000:]}"

    from PySide6.QtGui import QImage

    img = QImage(str(out))
    assert img.width() >= 800 and img.height() >= 500
    colours = set()
    for y in range(0, img.height(), 7):
        for x in range(0, img.width(), 7):
            colours.add(img.pixel(x, y))
    assert len(colours) > 50, f"the window looks blank ({len(colours)} colours)"
