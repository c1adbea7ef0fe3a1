"""Speed of image export to a 4K PNG, against Graphviz drawing the same picture.

    python benchmarks/export.py            # AI sample, 1,000/5,000 generated diagram
    python benchmarks/export.py --quick    # AI sample and a tiny diagram (CI)

Roundtrip: ``export_image(diagram, "x.png", width=3840)`` (scene, page layout,
rendering, PNG encoding, atomic write), with the QApplication already running
and after one untimed warm-up export of the AI sample (first-use costs: module
imports, font database, glyph caches); that first export is reported apart
("cold", in the notes) since a one-shot ``roundtrip export`` pays it.
Baseline, measured in the same run: Graphviz ``neato -n2 -Tpng`` on a DOT file
with the same positions (``pos="x,y!"``), circles sized like the canvas's,
edges with their colours, widths and amount labels, at the same width of 3840
pixels; the figure includes writing the DOT file. Both take the best of a few
runs. Graphviz runs in a subprocess with a timeout; a timed-out baseline is
reported as "> T" and its ratio is then an upper bound.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
for _p in (str(ROOT), str(HERE)):
    if _p not in sys.path:
        sys.path.insert(0, _p)

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.generate import generate  # noqa: E402
from editor.io.native import load  # noqa: E402

AI_SAMPLE = ROOT / "samples" / "ai-money-machine-2025.roundtrip"
WIDTH = 3840
SEED = 2025
SIZES = {"quick": (40, 150), "full": (1000, 5000)}
GRAPHVIZ_TIMEOUT = 300.0


def _dot_quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_dot(diagram, path: Path, width_px: int = WIDTH) -> None:
    """A DOT file drawing ``diagram`` at its canvas positions, ``width_px`` wide."""
    from editor.canvas.style import DEFAULT_STYLE, arrow_width, format_amount, node_radius, soft_fill

    companies = diagram.companies()
    max_value = max((c.valuation for c in companies if c.valuation is not None), default=None)
    max_amount = max((f.amount for f in diagram.flows() if f.amount is not None), default=None)
    radius = {c.id: node_radius(c, "valuation", max_value) for c in companies}
    unit = diagram.metadata.unit
    # size "W,H!" scales the drawing until it is W inches wide (H is no limit)
    lines = [f'digraph G {{ graph [dpi=96, size="{width_px / 96:.4f},1000!", outputorder=edgesfirst, '
             'bgcolor=white];',
             f'node [shape=circle, fixedsize=true, style=filled, fontname="{DEFAULT_STYLE.font_family}", '
             'fontsize=12, labelloc=b];',
             f'edge [fontname="{DEFAULT_STYLE.font_family}", fontsize=10.5, arrowsize=0.8];']
    for c in companies:
        color = diagram.category(c.category).color
        lines.append(f'{_dot_quote(c.id)} [pos="{c.x:.2f},{-c.y:.2f}!", width={2 * radius[c.id] / 72:.3f}, '
                     f'label={_dot_quote(c.name)}, fillcolor="{soft_fill(color).name()}", color="{color}"];')
    for f in diagram.flows():
        color = diagram.flow_type(f.type).color
        label = format_amount(f.amount, f.qualifier, f.unit or unit)
        lines.append(f'{_dot_quote(f.source)} -> {_dot_quote(f.target)} [color="{color}", '
                     f'penwidth={arrow_width(f.amount, max_amount):.2f}, label={_dot_quote(label)}, '
                     f'fontcolor="{color}"];')
    lines.append("}")
    path.write_text("\n".join(lines), encoding="utf-8")


def time_roundtrip(diagram, out: Path, repeat: int) -> float:
    from editor.canvas.export.image import export_image

    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        export_image(diagram, out, width=WIDTH)
        best = min(best, time.perf_counter() - t)
    return best


def time_graphviz(diagram, folder: Path, repeat: int,
                  timeout: float = GRAPHVIZ_TIMEOUT) -> tuple[float, bool]:
    """(best seconds, finished) of DOT writing plus ``neato -n2 -Tpng``."""
    neato = shutil.which("neato")
    if neato is None:
        raise FileNotFoundError("neato (Debian package graphviz) is not installed")
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        dot = folder / "g.dot"
        write_dot(diagram, dot)
        try:
            subprocess.run([neato, "-n2", "-Tpng", str(dot), "-o", str(folder / "g.png")], check=True,
                           capture_output=True, timeout=timeout)  # warnings on stderr
        except subprocess.TimeoutExpired:
            return timeout, False
        best = min(best, time.perf_counter() - t)
    return best, True


_COLD: list[float] = []


def warm_up(folder: Path) -> float:
    """Time of the first export in this process (once; later calls return it again)."""
    if not _COLD:
        from editor.canvas.export.image import ensure_app

        t = time.perf_counter()
        ensure_app()
        time_roundtrip(load(AI_SAMPLE), folder / "warm.png", 1)
        _COLD.append(time.perf_counter() - t)
    return _COLD[0]


def measure(name: str, diagram, repeat: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        cold = warm_up(folder)
        ours = time_roundtrip(diagram, folder / "r.png", repeat)
        size = (folder / "r.png").stat().st_size
        try:
            base, finished = time_graphviz(diagram, folder, repeat)
            error = ""
        except (FileNotFoundError, subprocess.CalledProcessError) as e:
            base, finished, error = None, False, str(e)
    return {"name": name, "seconds": ours, "cold": cold, "png_bytes": size, "graphviz": base,
            "finished": finished, "error": error, "companies": len(diagram.companies()),
            "flows": len(diagram.flows())}


def diagrams(quick: bool):
    n, m = SIZES["quick" if quick else "full"]
    yield "ai", "AI sample", load(AI_SAMPLE)
    yield "medium", f"{n:,}/{m:,}", generate(n, m, SEED)


def table_rows(quick: bool, out: Path) -> list[dict]:
    """Rows for benchmarks/run.py (its size keys "ai" and "medium")."""
    import bench_io as B

    rows = []
    for key, label, d in diagrams(quick):
        r = measure(label, d, 1 if quick else 3)
        if r["graphviz"] is None:
            rows.append(B.row(B.EXPORT, label, r["seconds"] * 1e3, "ms", size_key=key,
                              note=f"Graphviz baseline unavailable: {r['error']}"[:160]))
            continue
        rows.append(B.row(B.EXPORT, label, r["seconds"] * 1e3, "ms", size_key=key,
                          baseline_name="Graphviz neato -n2 -Tpng, same positions and width",
                          baseline=r["graphviz"] * 1e3, baseline_bound="" if r["finished"] else ">",
                          note=f"{WIDTH} px wide, PNG {r['png_bytes'] / 1e6:.1f} MB; first export in a fresh "
                               f"process (app start, imports, fonts) {r['cold'] * 1e3:,.0f} ms"))
    return rows


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="tiny sizes, one run each (CI)")
    ap.add_argument("--repeat", type=int, default=None, help="runs per measurement (best is kept)")
    args = ap.parse_args(argv)
    repeat = args.repeat or (1 if args.quick else 3)
    print(f"4K PNG export ({WIDTH} px wide), best of {repeat}")
    print(f"{'diagram':<14} {'Roundtrip':>10} {'Graphviz':>10} {'ratio':>7}  PNG size")
    for _key, label, d in diagrams(args.quick):
        r = measure(label, d, repeat)
        if r["graphviz"] is None:
            print(f"{label:<14} {r['seconds']:>9.2f}s {'n/a':>10} {'':>7}  ({r['error']})")
            continue
        bound = "" if r["finished"] else ">"
        ratio = r["seconds"] / r["graphviz"]
        print(f"{label:<14} {r['seconds']:>9.2f}s {bound + format(r['graphviz'], '.2f') + 's':>10} "
              f"{('<' if bound else '') + format(ratio, '.2f'):>7}  {r['png_bytes'] / 1e6:.1f} MB")
    print(f"first export in this process (QApplication, imports, fonts; AI sample): {_COLD[0]:.2f}s")
    print("ratio = Roundtrip / Graphviz (below 1: faster than Graphviz)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
