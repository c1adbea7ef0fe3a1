"""The SVG export's own escaping writes what xml.sax.saxutils would (whose import is slow)."""
from __future__ import annotations

from xml.sax.saxutils import escape as sax_escape
from xml.sax.saxutils import quoteattr as sax_quoteattr

from hypothesis import given
from hypothesis import strategies as st

from editor.canvas.export.svg import escape, quoteattr

texts = st.text(st.sampled_from(list("ab&<>\"'\n\r\t é;#")), max_size=24) | st.text(max_size=24)


@given(texts)
def test_escape_and_quoteattr_match_saxutils(text: str) -> None:
    assert escape(text) == sax_escape(text)
    assert quoteattr(text) == sax_quoteattr(text)
