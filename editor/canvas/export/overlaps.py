"""Counting label overlaps in an exported SVG, from the geometry written in the file.

Reads the ``label-<flow id>`` groups (their ``rect class="box"``) and the ``company-<id>``
groups (their circle and name ``rect``) that :mod:`editor.canvas.export.svg` writes, and counts
the amount labels that overlap another label or a company (all share the diagram's transform,
so the comparison is done in its coordinates). Used by the tests and the benchmarks.
"""
from __future__ import annotations

import math
import os
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

from defusedxml import ElementTree

SVG = "{http://www.w3.org/2000/svg}"
Box = tuple[float, float, float, float]
#: Overlaps smaller than this (square pixels) are rounding, not overlaps.
TOLERANCE = 0.01


@dataclass
class Overlaps:
    labels: int = 0
    label_label: list[tuple[str, str]] = field(default_factory=list)
    label_company: list[tuple[str, str]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.label_label) + len(self.label_company)


def _box(rect: Element) -> Box:
    x, y = float(rect.get("x", 0)), float(rect.get("y", 0))
    return x, y, x + float(rect.get("width", 0)), y + float(rect.get("height", 0))


def _area(a: Box, b: Box) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


def _meets_circle(box: Box, cx: float, cy: float, r: float) -> bool:
    nx, ny = min(max(cx, box[0]), box[2]), min(max(cy, box[1]), box[3])
    return math.hypot(nx - cx, ny - cy) < r - 0.05


def count_overlaps(svg: str | bytes | os.PathLike[str]) -> Overlaps:
    """Overlaps of amount labels with labels and companies in an SVG export."""
    if isinstance(svg, bytes) or (isinstance(svg, str) and svg.lstrip().startswith("<")):
        root = ElementTree.fromstring(svg)
    else:
        root = ElementTree.parse(svg).getroot()
    labels: list[tuple[str, Box]] = []
    circles: list[tuple[str, float, float, float]] = []
    names: list[tuple[str, Box]] = []
    for g in root.iter(SVG + "g"):
        gid = g.get("id", "")
        if gid.startswith("label-"):
            rect = g.find(SVG + "rect")
            if rect is not None:
                labels.append((gid, _box(rect)))
        elif gid.startswith("company-"):
            circle = g.find(SVG + "circle")
            if circle is not None:
                circles.append((gid, float(circle.get("cx", 0)), float(circle.get("cy", 0)),
                                float(circle.get("r", 0))))
            rect = g.find(SVG + "rect")
            if rect is not None:
                names.append((gid, _box(rect)))
    out = Overlaps(labels=len(labels))
    for i, (a, box) in enumerate(labels):
        for b, other in labels[i + 1:]:
            if _area(box, other) > TOLERANCE:
                out.label_label.append((a, b))
        for c, cx, cy, r in circles:
            if _meets_circle(box, cx, cy, r):
                out.label_company.append((a, c))
        for c, other in names:
            if _area(box, other) > TOLERANCE:
                out.label_company.append((a, c + " (name)"))
    return out
