"""Every writer is fuzzed with whatever the readers accept: read-then-write can never raise.

Diagrams come from the wide strategy plus hostile text (markup, formula prefixes, control
characters, bidirectional marks, very long cells, astral characters); each goes through the
native reader first (what a user can open), then through every data writer.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.analysis import analyze_for_export
from editor.io import native
from editor.io.formats import formats_where, write_any
from editor.model import Company, Diagram
from tests.conftest import long_mode
from tests.strategies import rich_diagrams

HOSTILE_TEXTS = (
    '<img src="/dev/zero">', "=HYPERLINK(\"http://x\")", "+cmd|' /C calc'!A0", "@SUM(1)", "-1+1",
    "\t=1", "\r=1", "a\x00b", "\x1b[31mred", "\u202eevil\u202c", "\u200b", "\U0001f4b0" * 3,
    "x" * 70_000, "]]>", "<!DOCTYPE x>", "&amp;", "\ufeffbom", "\\\\server\\share", "${jndi:x}",
)
hostile = st.sampled_from(HOSTILE_TEXTS)


@st.composite
def hostile_diagrams(draw: st.DrawFn) -> Diagram:
    d = draw(rich_diagrams())
    for company in list(d.companies())[:3]:
        d.update_company(company.id, name=draw(hostile).strip() or "x", notes=draw(hostile))
    d.add_company(Company("hostile", draw(hostile).strip() or "y", d.categories()[0].id, notes=draw(hostile)))
    return d


WRITE_EXTENSIONS = [f.extensions[0] for f in formats_where("write", image=False)]


@settings(max_examples=200 if long_mode() else 12, deadline=None, derandomize=not long_mode(),
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(hostile_diagrams())
def test_what_the_reader_accepts_every_writer_writes(d):
    accepted = native.loads(native.dumps(d).encode("utf-8"))  # what a user can open
    with tempfile.TemporaryDirectory() as folder:
        for ext in WRITE_EXTENSIONS:
            written, _notes = write_any(accepted, Path(folder) / f"out{ext}", analyze=analyze_for_export)
            assert written and all(p.exists() and p.stat().st_size > 0 for p in written)
        again = native.load(Path(folder) / "out.roundtrip")
        assert native.dumps(again) == native.dumps(accepted)
