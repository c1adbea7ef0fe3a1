"""The window on a real X display (Xvfb, xcb): the canvas keeps its width across documents, Ctrl+Y redoes.

Offscreen Qt binds Ctrl+Y to Redo where X11 does not, and it lays out docks without a
window manager: these checks run the app's window under xcb, where users meet it.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.system.test_smoke_xvfb import xvfb  # noqa: F401  (fixture)

ROOT = Path(__file__).resolve().parents[2]


def test_canvas_width_and_redo_keys_under_xcb(xvfb, tmp_path):  # noqa: F811
    env = dict(os.environ, DISPLAY=xvfb, QT_QPA_PLATFORM="xcb", ROUNDTRIP_SETTINGS="xvfb-window",
               ROUNDTRIP_RECOVERY_DIR=str(tmp_path / "recovery"), PYTHONPATH=str(ROOT))
    run = subprocess.run([sys.executable, "-m", "tests.system.xvfb_window_probe", str(tmp_path)], cwd=ROOT,
                         env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    out = json.loads(run.stdout.strip().splitlines()[-1])
    assert out["platform"] == "xcb"
    start = out["start"]
    assert start > 800, out
    for step in ("new", "open", "open_sample", "new_again"):
        assert out[step] >= start - 2, f"the canvas was squeezed after {step}: {out}"
    assert out["redo"] == {"Ctrl+Y": True, "Ctrl+Shift+Z": True}, out
