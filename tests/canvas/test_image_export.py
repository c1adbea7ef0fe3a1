"""Image export: PNG/SVG/PDF pages checked by real readers (rsvg-convert, poppler)."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from defusedxml import ElementTree

from editor.canvas.export.sources import number_sources, short_url
from editor.io.native import load
from editor.model import Company, Flow
from tests.helpers import seed_diagram

ROOT = Path(__file__).resolve().parents[2]
AI_SAMPLE = ROOT / "samples" / "ai-money-machine-2025.roundtrip"
AS_OF = "2026-11-28"


def need(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.skip(f"{tool} is not installed (Debian: librsvg2-bin / poppler-utils)")
    return path


@pytest.fixture(scope="module")
def qapp():
    from editor.canvas.export.image import ensure_app

    return ensure_app()


@pytest.fixture(scope="module")
def ai():
    return load(AI_SAMPLE)


def unicode_diagram():
    d = seed_diagram()
    d.add_company(Company("softbank", "ソフトバンク", "investor", x=420, y=160))
    d.add_flow(Flow("f4", "softbank", "openai", "venture", 22.5, url="https://www.example.jp/ニュース/softbank-openai"))
    d.set_metadata(title="循環取引 — round trips", subtitle="Seed loop with a Japanese investor")
    return d


def image_stats(path: Path):
    from PySide6.QtGui import QImage

    img = QImage(str(path))
    assert not img.isNull(), f"{path} does not load as an image"
    small = img.scaled(240, 240)
    colours = {small.pixel(x, y) for x in range(small.width()) for y in range(small.height())}
    return img, colours


# ----------------------------------------------------------------- sources
def test_short_url_keeps_host_and_telling_part():
    assert short_url("https://www.reuters.com/tech/nvidia") == "reuters.com/tech/nvidia"
    long = ("https://techstartups.com/2025/09/22/nvidia-to-invest-100-billion-in-openai-to-build-"
            "10gw-ai-infrastructure-for-superintelligence")
    s = short_url(long, limit=50)
    assert s.startswith("techstartups.com/…/nvidia-to-invest") and len(s) <= 50 and s.endswith("…")
    assert short_url("https://www.nextplatform.com/?p=146311") == "nextplatform.com/?p=146311"
    assert (short_url("https://a.com/news/2025/story-about-things/story", 36)
            == "a.com/news/…/story-about-things/…")
    assert (short_url("Form 10-K filed with the SEC, page 12 of the annual report", 20)
            == "Form 10-K filed wit…")


def test_sources_numbered_in_order_and_deduplicated():
    d = seed_diagram()
    d.add_flow(Flow("f4", "openai", "nvidia", "purchase", 1, url="https://example.com/a/"))  # same as f1
    d.add_flow(Flow("f5", "oracle", "openai", "service", 2, url="https://example.com/b"))
    notes = number_sources(d.flows())
    assert notes.markers == {"f1": "1", "f4": "1", "f5": "2"}   # f2, f3 have no link: no number
    assert [(e.number, e.text) for e in notes.entries] == [(1, "example.com/a"), (2, "example.com/b")]
    capped = number_sources(d.flows(), max_sources=1)
    assert capped.markers == {"f1": "1", "f4": "1"} and capped.left_out == 1


# ------------------------------------------------------------------ layout
def test_page_layout_blocks_stack_without_overlap(qapp, ai):
    from editor.canvas.export.image import ExportOptions, ExportPage

    page = ExportPage(ai, ExportOptions(sources=True, as_of=AS_OF))
    try:
        b = page.layout.blocks
        assert b["title"].bottom() <= b["diagram"].top()
        if page.layout.legend_side == "bottom":
            assert b["diagram"].bottom() <= b["legend"].top() and b["legend"].bottom() <= b["footer"].top()
        else:
            assert b["legend"].left() >= b["diagram"].right()
        assert b["footer"].bottom() <= page.size.height()
        texts = page.layout.texts()
        assert ai.metadata.title in texts and f"Sources (as of {AS_OF})" in texts
        assert "Made with Roundtrip" in texts
        used = {ai.flow_type(f.type).name for f in ai.flows()}
        assert used <= set(texts)
        # title about twice the body size, subtitle lighter than the title
        assert page.layout.f_title.pixelSize() >= 2 * page.layout.f_body.pixelSize()
    finally:
        page.close()


def test_tall_diagram_gets_the_legend_on_the_right(qapp):
    from editor.canvas.export.image import ExportOptions, ExportPage

    d = seed_diagram()
    d.move_companies({"oracle": (150, 1200)})
    page = ExportPage(d, ExportOptions(legend=True))
    try:
        assert page.layout.legend_side == "right"
    finally:
        page.close()
    page = ExportPage(d, ExportOptions(legend=False, sources=False, title="", subtitle=""))
    try:
        assert page.layout.legend_side == "none" and "legend" not in page.layout.blocks
        assert "title" not in page.layout.blocks
        assert not any(t.startswith("Sources") for t in page.layout.texts())
    finally:
        page.close()


def test_selection_draws_only_selected_items(qapp, ai):
    from editor.canvas.export.image import ExportOptions, ExportPage

    flow = next(f for f in ai.flows() if f.url)
    page = ExportPage(ai, ExportOptions(selection=((), [flow.id]), sources=True, as_of=AS_OF))
    try:
        s = page.scene
        shown_companies = {c.id for c in ai.companies() if s.company_item(c.id).isVisible()}
        shown_flows = {f.id for f in ai.flows() if s.flow_item(f.id).isVisible()}
        assert shown_companies == {flow.source, flow.target} and shown_flows == {flow.id}
        assert not any(s.flow_item(f.id).label.isVisible() for f in ai.flows() if f.id != flow.id)
        ftype = ai.flow_type(flow.type)
        assert page.layout.content.flow_types == [(ftype.name, ftype.color)]
        assert [e.number for e in page.layout.content.sources.entries] == [1]
        whole = s.diagram_rect()
        assert page.source_rect.width() < whole.width() or page.source_rect.height() < whole.height()
    finally:
        page.close()


# ----------------------------------------------------------------- formats
def test_png_has_requested_size_and_is_not_blank(qapp, tmp_path):
    from editor.canvas.export.image import DEFAULT_PNG_WIDTH, export_image

    d = seed_diagram()
    out = tmp_path / "seed.png"
    export_image(d, out, title="Seed loop")
    img, colours = image_stats(out)
    assert img.width() == DEFAULT_PNG_WIDTH and img.height() > 300
    assert len(colours) > 20, "a blank or nearly blank picture"
    assert img.pixelColor(2, 2).name() == "#ffffff" and not img.hasAlphaChannel()

    export_image(d, out, width=800)
    assert image_stats(out)[0].width() == 800
    export_image(d, out, scale=0.5)
    from editor.canvas.export.image import ExportPage

    page = ExportPage(d)
    expected = round(page.size.width() * 0.5)
    page.close()
    assert image_stats(out)[0].width() == expected


def test_transparent_png_has_a_clear_background(qapp, tmp_path):
    from editor.canvas.export.image import export_image

    out = tmp_path / "t.png"
    export_image(seed_diagram(), out, width=600, transparent=True)
    img, colours = image_stats(out)
    assert img.hasAlphaChannel() and img.pixelColor(2, 2).alpha() == 0 and len(colours) > 10


def test_svg_is_xml_with_text_and_renders(qapp, tmp_path):
    from editor.canvas.export.image import export_image

    out = tmp_path / "u.svg"
    export_image(unicode_diagram(), out, sources=True, as_of=AS_OF)
    root = ElementTree.parse(out).getroot()
    texts = "".join("".join(e.itertext()) for e in root.iter() if e.tag.endswith("text"))
    assert "循環取引 — round trips" in texts and "ソフトバンク" in texts
    assert "Sources (as of 2026-11-28)" in texts
    png = tmp_path / "u.png"
    subprocess.run([need("rsvg-convert"), "-w", "600", str(out), "-o", str(png)], check=True, timeout=60)
    assert len(image_stats(png)[1]) > 10


def test_pdf_has_one_page_with_extractable_text(qapp, tmp_path):
    from editor.canvas.export.image import export_image

    out = tmp_path / "u.pdf"
    export_image(unicode_diagram(), out, sources=True, as_of=AS_OF)
    info = subprocess.run([need("pdfinfo"), str(out)], capture_output=True, text=True, check=True,
                          timeout=60).stdout
    assert any(line.split() == ["Pages:", "1"] for line in info.splitlines())
    text = subprocess.run([need("pdftotext"), str(out), "-"], capture_output=True, text=True, check=True,
                          timeout=60).stdout
    for expected in ("round trips", "ソフトバンク", "NVIDIA", "Sources (as of 2026-11-28)", "example.com/a",
                     "Made with Roundtrip"):
        assert expected in text, f"{expected!r} not found in the PDF text"
    prefix = tmp_path / "page"
    subprocess.run([need("pdftoppm"), "-png", "-r", "40", "-singlefile", str(out), str(prefix)], check=True,
                   timeout=60)
    assert len(image_stats(prefix.with_suffix(".png"))[1]) > 10


def test_bad_options_are_clear_errors_and_leave_files_alone(qapp, tmp_path):
    from editor.canvas.export.image import export_image
    from editor.io.errors import InputError

    d = seed_diagram()
    out = tmp_path / "keep.png"
    out.write_bytes(b"old")
    cases = [(dict(width=5), "width"), (dict(width=100, scale=2), "either"), (dict(scale=0), "scale"),
             (dict(selection=(["nope"], [])), "nope"), (dict(selection=([], [])), "nothing is selected")]
    for kwargs, words in cases:
        with pytest.raises(InputError, match=words):
            export_image(d, out, **kwargs)
    with pytest.raises(InputError, match=r"\.png, \.svg, \.pdf"):
        export_image(d, tmp_path / "x.bmp")
    assert out.read_bytes() == b"old"


# ------------------------------------------------------------ png encoder
def test_png_encoder_round_trips_exactly(qapp):
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtGui import QColor, QImage, QPainter

    from editor.canvas.export.png import deflate, encode_png

    for fmt in (QImage.Format.Format_RGB32, QImage.Format.Format_ARGB32_Premultiplied):
        img = QImage(301, 157, fmt)
        img.fill(Qt.GlobalColor.transparent)
        p = QPainter(img)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setBrush(QColor(200, 30, 90, 128))
        p.drawEllipse(QPoint(150, 80), 120, 60)
        p.end()
        back = QImage.fromData(encode_png(img), "PNG")
        assert back.size() == img.size()
        argb = QImage.Format.Format_ARGB32
        assert back.convertToFormat(argb) == img.convertToFormat(argb)
    data = os.urandom(50_000) + bytes(3_000_000)
    for parts in (1, 2, 3):
        assert zlib.decompress(deflate(data, parts=parts)) == data


# ------------------------------------------------------------- headless
def test_cli_export_works_without_a_display(tmp_path):
    out = tmp_path / "ai.png"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    proc = subprocess.run([sys.executable, "-m", "editor", "export", str(AI_SAMPLE), str(out),
                           "--width", "640", "--sources", "--title", "Headless"],
                          cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    from editor.canvas.export.image import ensure_app

    ensure_app()
    img, colours = image_stats(out)
    assert img.width() == 640 and len(colours) > 20


# ---------------------------------------------------------------- dialog
def test_export_dialog_previews_and_exports(qtbot, tmp_path, monkeypatch):
    from editor.dialogs.export_dialog import ExportImageDialog

    d = seed_diagram()
    d.set_metadata(title="Seed loop")
    dialog = ExportImageDialog(d, selection=(["nvidia"], ["f1"]), directory=tmp_path)
    qtbot.addWidget(dialog)
    assert dialog.path() == tmp_path / "seed-loop.png"
    dialog.refresh_preview()
    assert dialog._preview.pixmap() is not None and not dialog._preview.pixmap().isNull()
    assert "pixels" in dialog._size_note.text()

    dialog._format.setCurrentIndex(dialog._format.findData(".svg"))
    assert dialog.path().suffix == ".svg" and not dialog._width.isEnabled()
    dialog._format.setCurrentIndex(dialog._format.findData(".png"))
    dialog._width.setValue(700)
    dialog._only_selection.setChecked(True)
    dialog._sources.setChecked(True)
    dialog._title.setText("Only one deal")
    assert dialog.options()["theme"] == "light"
    dialog._colours.setCurrentIndex(dialog._colours.findData("dark"))
    opts = dialog.options()
    assert opts["selection"] == (["nvidia"], ["f1"]) and opts["width"] == 700 and opts["sources"]
    assert opts["theme"] == "dark" and dialog._page().layout.background == "#1c1d20"
    assert dialog.export()
    img, colours = image_stats(tmp_path / "seed-loop.png")
    assert img.width() == 700 and len(colours) > 10

    warnings = []
    monkeypatch.setattr("editor.dialogs.export_dialog.warn", lambda *a: warnings.append(a[2]))
    dialog = ExportImageDialog(d, directory=tmp_path / "missing-folder")
    qtbot.addWidget(dialog)
    assert not dialog._only_selection.isEnabled()
    assert not dialog.export() and "Could not write" in warnings[-1]


def test_footnote_says_how_many_sources_were_left_out(qapp):
    from PySide6.QtCore import QSizeF

    from editor.canvas.export.layout import PageContent, PageLayout

    d = seed_diagram()
    for i in range(4):
        d.add_flow(Flow(f"x{i}", "openai", "nvidia", "purchase", 1, url=f"https://example.com/deal/{i}"))
    notes = number_sources(d.flows(), max_sources=2)
    layout = PageLayout(PageContent(title="T", sources=notes, as_of=AS_OF), QSizeF(600, 400))
    texts = layout.texts()
    assert "… and 3 more source links, listed in the diagram file" in texts
    assert [t for t in texts if t.startswith("example.com/")] == ["example.com/a", "example.com/deal/0"]
