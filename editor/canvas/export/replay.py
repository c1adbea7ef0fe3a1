"""Replay export: the deals of a diagram appearing in date order, as an animated GIF or PNG frames.

    export_replay(diagram, "replay.gif", step="deal", frames_dir=None, frame_ms=900, width=1200)

One frame per dated deal (``step="deal"``), or per month (``step="month"``:
every deal of the month at once); each frame shows the deals up to it, with
the date (and for one deal, who pays whom) stamped in the top corner, and the
last frame is held longer. Undated flows have no place in time: they are left
out, and the first frame says how many. The page (title, legend) is laid out
once for the whole diagram, so nothing moves from frame to frame; each frame
only hides the deals still to come (:meth:`DiagramScene.set_period_filter`).

``frames_dir``: also (or only, when ``out`` is None) a numbered PNG series
``frame-0001.png`` … that video tools take as they are (for example
``ffmpeg -framerate 1 -i frame-%04d.png replay.mp4``).

The GIF is written by Pillow (a well-kept imaging library, wheels for every
platform): Qt has no GIF writer, and Pillow's handles the palette per frame
and the per-frame durations an animation needs.
"""
from __future__ import annotations

import io
import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter

from editor.canvas.export.image import ExportOptions, ExportPage, render_png
from editor.canvas.export.png import encode_png
from editor.io.atomic import write_atomic
from editor.io.errors import InputError
from editor.model import Diagram, date_key

STEPS = ("deal", "month")
#: month names of the frame captions, translated into the interface language when drawn
MONTHS = (
    QT_TRANSLATE_NOOP("Replay", "January"),
    QT_TRANSLATE_NOOP("Replay", "February"),
    QT_TRANSLATE_NOOP("Replay", "March"),
    QT_TRANSLATE_NOOP("Replay", "April"),
    QT_TRANSLATE_NOOP("Replay", "May"),
    QT_TRANSLATE_NOOP("Replay", "June"),
    QT_TRANSLATE_NOOP("Replay", "July"),
    QT_TRANSLATE_NOOP("Replay", "August"),
    QT_TRANSLATE_NOOP("Replay", "September"),
    QT_TRANSLATE_NOOP("Replay", "October"),
    QT_TRANSLATE_NOOP("Replay", "November"),
    QT_TRANSLATE_NOOP("Replay", "December"),
)
#: Default frame width (pixels) of a replay: big enough to read, small enough for a GIF.
DEFAULT_WIDTH = 1200
#: The last frame stays this many times longer than the others (at least LAST_FRAME_MS).
LAST_FRAME_FACTOR = 4
LAST_FRAME_MS = 2500
#: More frames than this are refused (a GIF of thousands of frames helps nobody).
MAX_FRAMES = 2000


@dataclass(frozen=True)
class Frame:
    label: str                  # the date stamped on the frame
    detail: str                 # the deal it adds ("NVIDIA → OpenAI"), or how many
    shown: tuple[str, ...]      # flow ids drawn (the deals up to this frame)


def _tr(text: str) -> str:
    """``text`` (marked for the catalogue elsewhere) in the interface language; English on the
    command line, which installs no catalogue."""
    return QCoreApplication.translate("Replay", text)


def replay_frames(diagram: Diagram, step: str = "deal") -> tuple[list[Frame], int]:
    """The frames of a replay and the number of undated flows left out."""
    if step not in STEPS:
        raise InputError(f"replay step: expected 'deal' or 'month', got {step!r}")
    dated = []
    undated = 0
    for f in diagram.flows():
        key = date_key(f.date)
        if key is None:
            undated += 1
        else:
            dated.append((key, f.date, f.id, f))
    dated.sort(key=lambda r: (r[0], r[2]))
    frames: list[Frame] = []
    shown: list[str] = []
    if step == "deal":
        for _key, date, fid, f in dated:
            shown.append(fid)
            src, dst = diagram.company(f.source).name, diagram.company(f.target).name
            frames.append(Frame(date, f"{src} → {dst}", tuple(shown)))
    else:
        months: dict[tuple[int, int], list[str]] = {}
        for key, _date, fid, _f in dated:
            months.setdefault((key[0], key[1]), []).append(fid)
        for (year, month), fids in months.items():
            shown.extend(fids)
            name = _tr(str(MONTHS[month - 1]))
            deals = (QCoreApplication.translate("Replay", "1 deal") if len(fids) == 1
                     else QCoreApplication.translate("Replay", "{count} deals").format(count=len(fids)))
            label = QCoreApplication.translate("Replay", "{month} {year}").format(month=name, year=year)
            frames.append(Frame(label, deals, tuple(shown)))
    return frames, undated


def _stamp(img: QImage, frame: Frame, index: int, total: int, note: str) -> None:
    """The frame's date, big, in the top right corner, with the deal and the count under it."""
    p = QPainter(img)
    try:
        p.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        w = img.width()
        big = QFont()
        big.setPixelSize(max(14, w // 28))
        big.setBold(True)
        small = QFont()
        small.setPixelSize(max(10, w // 70))
        lines = [(big, frame.label, QColor("#1a1a1a")),
                 (small, frame.detail, QColor("#444444")),
                 (small, QCoreApplication.translate("Replay", "{index} of {total}").format(
                     index=index, total=total)
                  + (f" · {note}" if note else ""), QColor("#777777"))]
        margin = w / 60
        widths = [QFontMetricsF(font).horizontalAdvance(text) for font, text, _ in lines]
        heights = [QFontMetricsF(font).height() for font, _, _ in lines]
        box_w, box_h = max(widths) + 2 * margin, sum(heights) + 2 * margin
        box = QRectF(w - box_w - margin, margin, box_w, box_h)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(255, 255, 255, 235))
        p.drawRoundedRect(box, margin / 2, margin / 2)
        y = box.top() + margin
        for (font, text, color), h in zip(lines, heights, strict=True):
            p.setFont(font)
            p.setPen(color)
            p.drawText(QRectF(box.left() + margin, y, box_w - 2 * margin, h),
                       int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), text)
            y += h
    finally:
        p.end()


def _pil_image(img: QImage):
    from PIL import Image

    rgb = img.convertToFormat(QImage.Format.Format_RGB888)
    data = bytes(rgb.constBits())
    return Image.frombuffer("RGB", (rgb.width(), rgb.height()), data, "raw", "RGB", rgb.bytesPerLine(), 1)


def export_replay(diagram: Diagram, out: str | os.PathLike[str] | None, *, step: str = "deal",
                  frames_dir: str | os.PathLike[str] | None = None, frame_ms: int = 900,
                  width: int | None = None, title: str | None = None, subtitle: str | None = None,
                  legend: bool = True) -> int:
    """Write the replay as a GIF at ``out`` (if given) and/or PNG frames into ``frames_dir``;
    returns the number of frames. Raises InputError for bad options or nothing to replay,
    OSError when a file cannot be written (a GIF is written atomically)."""
    if out is None and frames_dir is None:
        raise InputError("replay: give a .gif file, a folder for the frames, or both")
    if out is not None and Path(out).suffix.lower() != ".gif":
        raise InputError(f"{Path(out).name}: a replay is written as a .gif (or as PNG frames with --frames)")
    if not 100 <= frame_ms <= 60000:
        raise InputError(f"frame time: expected 100 to 60000 ms, got {frame_ms}")
    width = DEFAULT_WIDTH if width is None else width
    if not 16 <= width <= 8000:
        raise InputError(f"replay width: expected 16 to 8000 pixels, got {width}")
    frames, undated = replay_frames(diagram, step)
    if not frames:
        raise InputError("nothing to replay: no flow has a date")
    if len(frames) > MAX_FRAMES:
        raise InputError(f"the replay would have {len(frames):,} frames (at most {MAX_FRAMES:,}); "
                         "try one frame per month, or a shorter period")
    folder = None if frames_dir is None else Path(frames_dir)
    if folder is not None:
        if folder.exists() and not folder.is_dir():
            raise InputError(f"{folder}: not a folder")
        folder.mkdir(parents=True, exist_ok=True)
    page = ExportPage(diagram, ExportOptions(title=title, subtitle=subtitle, legend=legend))
    if not undated:
        note = ""
    elif undated == 1:
        note = QCoreApplication.translate("Replay", "1 undated flow left out")
    else:
        note = QCoreApplication.translate("Replay", "{count} undated flows left out").format(count=undated)
    images = []
    try:
        for n, frame in enumerate(frames, 1):
            page.scene.set_period_filter(frame.shown, "hide")
            img = render_png(page, width)
            _stamp(img, frame, n, len(frames), note)
            if folder is not None:
                write_atomic(folder / f"frame-{n:04d}.png", encode_png(img))
            if out is not None:
                images.append(_pil_image(img))
    finally:
        page.close()
    if out is not None:
        durations = [frame_ms] * len(images)
        durations[-1] = max(LAST_FRAME_MS, frame_ms * LAST_FRAME_FACTOR)
        buf = io.BytesIO()
        images[0].save(buf, format="GIF", save_all=True, append_images=images[1:], duration=durations,
                       loop=0, disposal=1)
        write_atomic(out, buf.getvalue())
    return len(frames)
