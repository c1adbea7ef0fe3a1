"""Peak memory with the largest benchmark diagram open, against an empty window.

Each figure comes from a fresh Python process that reads its own peak resident
set size (``VmHWM`` in /proc/self/status, else ``getrusage``):

* diagram: model (``Document.open``) + ``DiagramScene`` + ``DiagramView`` shown
  at 1280x800, zoomed to fit and painted once;
* baseline: the interpreter with PySide6 imported and an empty ``QMainWindow`` shown.

Run alone: ``python benchmarks/bench_memory.py [--quick]``.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
for _p in (str(ROOT), str(HERE)):
    if _p not in sys.path:
        sys.path.insert(0, _p)


def peak_rss_mb() -> float:
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def _show(widget) -> None:
    from PySide6.QtWidgets import QApplication
    widget.resize(1280, 800)
    widget.show()
    for _ in range(3):
        QApplication.processEvents()


def child_baseline() -> dict:
    from PySide6.QtWidgets import QApplication, QMainWindow
    app = QApplication.instance() or QApplication([])  # noqa: F841
    win = QMainWindow()
    _show(win)
    win.repaint()
    return {"peak_mb": peak_rss_mb()}


def child_diagram(path: str) -> dict:
    from PySide6.QtWidgets import QApplication
    app = QApplication.instance() or QApplication([])  # noqa: F841
    from editor.editing.document import Document
    doc = Document.open(path)
    model_mb = peak_rss_mb()
    try:
        from editor.canvas.scene import DiagramScene
        from editor.canvas.view import DiagramView
    except ImportError as e:
        return {"peak_mb": None, "model_mb": model_mb, "why": f"canvas not available ({e})"}
    scene = DiagramScene(doc.diagram)
    view = DiagramView(scene, doc)
    _show(view)
    view.zoom_to_fit()
    QApplication.processEvents()
    view.viewport().repaint()
    QApplication.processEvents()
    return {"peak_mb": peak_rss_mb(), "model_mb": model_mb,
            "companies": len(doc.diagram), "flows": len(doc.diagram.flows())}


def measure(kind: str, path: Path | None = None) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", kind] + ([str(path)] if path else [])
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300, env=env, check=False)
    if proc.returncode != 0:
        tail = (proc.stderr.strip().splitlines() or [f"exit status {proc.returncode}"])[-1]
        raise RuntimeError(f"{kind} process failed: {tail}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def run(quick: bool, paths: dict[str, Path]) -> list[dict]:
    import bench_io as B
    size = B.sizes(quick)["large"]
    label = B.size_label(size)
    try:
        base = measure("baseline")
        got = measure("diagram", paths["large"])
    except Exception as e:
        return [B.failed(B.MEMORY, label, "MB", e, size_key="large")]
    if got["peak_mb"] is None:
        return [B.unavailable(B.MEMORY, label, "MB", f"{got['why']}; model alone {got['model_mb']:.0f} MB",
                              size_key="large", baseline_name="PySide6 + empty window",
                              baseline=base["peak_mb"])]
    note = (f"model loaded: {got['model_mb']:.0f} MB; scene+view add "
            f"{got['peak_mb'] - got['model_mb']:.0f} MB")
    return [B.row(B.MEMORY, label, got["peak_mb"], "MB", size_key="large",
                  baseline_name="PySide6 + empty window", baseline=base["peak_mb"], note=note)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        result = child_baseline() if args.child[0] == "baseline" else child_diagram(args.child[1])
        print(json.dumps(result))
        return 0
    import bench_io as B
    paths, _ = B.write_files(args.quick)
    for r in run(args.quick, paths):
        print(r)
    return 0


if __name__ == "__main__":
    sys.exit(main())
