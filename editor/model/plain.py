"""User text shown literally where Qt would read markup (no Qt here).

Qt shows tool tips, and labels or message boxes left on automatic format, as
rich text when the text merely looks like HTML, and rich text loads images:
a company named ``<img src="/dev/zero">`` would make it read that file. Names,
notes, paths and messages quoting them come from files other people wrote, so
widgets set them as plain text; where only rich text is possible (tool tips,
item tool tips), :func:`plain_tip` escapes the text and marks it as rich text
so that it is shown exactly as written.
"""
from __future__ import annotations

import html

#: Longest text a tool tip shows; a 120 KB cell is cut.
MAX_TIP_LENGTH = 1000


def plain_tip(text: str, limit: int = MAX_TIP_LENGTH) -> str:
    """``text`` as a tool tip that Qt shows literally (escaped, cut to ``limit`` characters)."""
    text = str(text)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    escaped = html.escape(text, quote=False).replace("\n", "<br>")
    return f"<qt>{escaped}</qt>"
