"""A fast PNG encoder for rendered diagrams.

Qt's PNG writer lets libpng try every row filter on every row, which costs
most of a 4K export (about 0.7 s of 0.9 s for the AI sample). Antialiased
flat colour on white compresses best with no row filter at all (measured
against "Sub" and "Up"), so rows only get their filter byte and the
data is deflated on all cores: pieces compressed in threads (zlib releases
the GIL), each but the last ended by a sync flush so they join into one
valid stream, as pigz does. About four times faster than Qt, and smaller.
"""
from __future__ import annotations

import os
import struct
import zlib
from concurrent.futures import ThreadPoolExecutor

ZLIB_LEVEL = 6


def _chunk(kind: bytes, data: bytes) -> bytes:
    crc = struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return struct.pack(">I", len(data)) + kind + data + crc


def deflate(data: bytes, level: int = ZLIB_LEVEL, parts: int | None = None) -> bytes:
    """zlib-format compression of ``data``, in ``parts`` pieces compressed in parallel."""
    if parts is None:
        parts = max(1, min(4, os.cpu_count() or 1, len(data) // (4 << 20)))
    if parts == 1:
        return zlib.compress(data, level)
    view = memoryview(data)
    bounds = [len(data) * i // parts for i in range(parts + 1)]

    def piece(i: int) -> bytes:
        c = zlib.compressobj(level, zlib.DEFLATED, -15)   # raw deflate, no header
        out = c.compress(view[bounds[i]:bounds[i + 1]])
        return out + c.flush(zlib.Z_FINISH if i == parts - 1 else zlib.Z_SYNC_FLUSH)

    with ThreadPoolExecutor(parts) as pool:
        pieces = list(pool.map(piece, range(parts)))
    return b"\x78\x9c" + b"".join(pieces) + struct.pack(">I", zlib.adler32(data) & 0xFFFFFFFF)


def encode_png(image, dpi: float = 96.0) -> bytes:
    """PNG bytes of a QImage: 8-bit RGB when opaque, RGBA (straight alpha) when it has alpha."""
    from PySide6.QtGui import QImage

    alpha = image.hasAlphaChannel()
    fmt = QImage.Format.Format_RGBA8888 if alpha else QImage.Format.Format_RGB888
    img = image.convertToFormat(fmt)
    w, h, channels = img.width(), img.height(), 4 if alpha else 3
    bits, bpl, row = memoryview(img.constBits()), img.bytesPerLine(), w * channels
    parts = []
    for y in range(h):           # filter type "None" (0) before every row
        parts.append(b"\x00")
        parts.append(bits[y * bpl: y * bpl + row])
    raw = b"".join(parts)
    ppm = round(dpi / 0.0254)
    header = struct.pack(">IIBBBBB", w, h, 8, 6 if alpha else 2, 0, 0, 0)
    return b"".join((b"\x89PNG\r\n\x1a\n", _chunk(b"IHDR", header),
                     _chunk(b"pHYs", struct.pack(">IIB", ppm, ppm, 1)),
                     _chunk(b"IDAT", deflate(raw)),
                     _chunk(b"IEND", b"")))
