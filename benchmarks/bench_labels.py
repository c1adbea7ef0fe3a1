"""Readable maps: label overlaps counted in SVG exports, the fitted zoom of the AI sample, and
the time to place every amount label.

    python benchmarks/bench_labels.py [--quick]

Overlaps are counted from the geometry written in each exported SVG (amount labels against
other labels and against companies' circles and names): every bundled sample, and an
imported 30-company / 80-flow CSV after Automatic Layout. The fitted zoom is that of a
canvas of 1400 x 900 and 1024 x 700 pixels showing the AI sample after Zoom to Fit, with the
height of the smallest text on screen.
"""
from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
for _p in (str(ROOT), str(HERE)):
    if _p not in sys.path:
        sys.path.insert(0, _p)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SAMPLES = ROOT / "editor" / "data" / "samples"
AI_SAMPLE = SAMPLES / "ai-money-machine-2025.roundtrip"
OVERLAPS = "label overlaps in the SVG export"
FIT = "zoom to fit, AI sample (%)"
PLACE = "place every amount label"
WINDOWS = ((1400, 900), (1024, 700))
#: The "size" column of these rows, by size key.
SIZE_LABELS = {"samples": "4 samples", "csv": "30/80 CSV"} | {f"{w}x{h}": f"{w}x{h}" for w, h in WINDOWS}


def write_company_csv(path: Path, companies: int = 30, flows: int = 80, seed: int = 5) -> Path:
    """An edge list of ``flows`` flows between ``companies`` companies with realistic names."""
    rnd = random.Random(seed)
    words = ["Atlas", "Borealis", "Cobalt", "Delta", "Ember", "Fjord", "Granite", "Helix", "Iris", "Juniper",
             "Krypton", "Lumen", "Meridian", "Nimbus", "Onyx", "Pioneer", "Quartz", "Radiant", "Summit",
             "Tundra", "Umbra", "Vertex", "Willow", "Xenon", "Yarrow", "Zenith"]
    kinds = ["Capital", "Systems", "Holdings", "Compute", "Networks", "Labs"]
    names = [f"{words[i % len(words)]} {kinds[i % len(kinds)]}"
             + (f" {i // len(words) + 1}" if i >= len(words) else "") for i in range(companies)]
    pairs: set[tuple[int, int]] = set()
    while len(pairs) < flows:
        a, b = rnd.sample(range(companies), 2)
        pairs.add((a, b))
    lines = ["source,target,type,amount"]
    for a, b in sorted(pairs):
        kind = rnd.choice(["equity", "purchase", "service", "loan"])
        lines.append(f"{names[a]},{names[b]},{kind},{rnd.choice([0.4, 2, 13.5, 120, 1500])}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def imported_after_layout(csv_path: Path):
    """The CSV read as a new diagram, then Automatic Layout of every company."""
    from editor.io.edgelist import load_table
    from editor.model.layout import layout_positions

    d = load_table(csv_path)
    d.move_companies(layout_positions(d, [c.id for c in d.companies()]))
    return d


def svg_overlaps(diagram, out: Path):
    from editor.canvas.export.image import export_image
    from editor.canvas.export.overlaps import count_overlaps

    export_image(diagram, out)
    return count_overlaps(out)


def overlap_counts(out_dir: Path) -> dict[str, int]:
    """Overlaps in the SVG export of every bundled sample and of the imported CSV."""
    from editor.io.native import load

    counts = {}
    for sample in sorted(SAMPLES.glob("*.roundtrip")):
        counts[sample.stem] = svg_overlaps(load(sample), out_dir / f"{sample.stem}.svg").total
    csv = write_company_csv(out_dir / "companies-30-80.csv")
    counts["imported 30/80 CSV"] = svg_overlaps(imported_after_layout(csv), out_dir / "csv.svg").total
    return counts


def fitted(size: tuple[int, int]) -> tuple[float, float]:
    """Zoom after Zoom to Fit of the AI sample on a canvas of ``size``, and the smallest text (px)."""
    from PySide6.QtWidgets import QApplication

    from editor.canvas import DiagramScene, DiagramView
    from editor.editing.document import Document
    from editor.io.native import load

    QApplication.instance() or QApplication([])
    doc = Document(load(AI_SAMPLE))
    scene = DiagramScene(doc.diagram)
    view = DiagramView(scene, doc)
    view.setFixedSize(*size)
    view.show()
    view.zoom_to_fit()
    zoom, text = view.zoom(), view.smallest_text_px()
    view.close()
    del scene
    return zoom, text


def placement_ms(n: int, m: int) -> float:
    from PySide6.QtWidgets import QApplication

    from benchmarks.generate import generate
    from editor.canvas import DiagramScene

    QApplication.instance() or QApplication([])
    scene = DiagramScene(generate(n, m, seed=7))
    t = time.perf_counter()
    scene.lanes.labels.place_all(now=True)
    return (time.perf_counter() - t) * 1000


def table_rows(quick: bool) -> list[dict]:
    """Rows for benchmarks/run.py."""
    import bench_io as B

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        counts = overlap_counts(Path(tmp))
    samples = {k: v for k, v in counts.items() if k != "imported 30/80 CSV"}
    rows.append(B.row(OVERLAPS, SIZE_LABELS["samples"], float(sum(samples.values())), "overlaps",
                      size_key="samples",
                      note=", ".join(f"{k}: {v}" for k, v in samples.items())))
    rows.append(B.row(OVERLAPS, SIZE_LABELS["csv"], float(counts["imported 30/80 CSV"]), "overlaps",
                      size_key="csv", note="imported CSV after Automatic Layout"))
    for w, h in WINDOWS:
        zoom, text = fitted((w, h))
        rows.append(B.row(FIT, f"{w}x{h}", zoom * 100, "%", size_key=f"{w}x{h}",
                          note=f"smallest text on screen {text:.1f} px"))
    for key in ("medium", "large"):
        n, m = B.sizes(quick)[key]
        rows.append(B.row(PLACE, B.size_label((n, m)), placement_ms(n, m), "ms", size_key=key))
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="small maps for the placement time")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        for name, count in overlap_counts(Path(tmp)).items():
            print(f"label overlaps in the SVG export, {name}: {count}")
    for size in WINDOWS:
        zoom, text = fitted(size)
        print(f"zoom to fit, AI sample at {size[0]}x{size[1]}: {zoom * 100:.0f} %, "
              f"smallest text {text:.1f} px")
    for n, m in ((400, 2000),) if args.quick else ((400, 2000), (2000, 10000)):
        print(f"placing every amount label at {n:,}/{m:,}: {placement_ms(n, m):.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
