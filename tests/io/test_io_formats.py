import ast
import subprocess
import sys
from pathlib import Path

import pytest

from editor.analysis import analyze_for_export
from editor.io.errors import InputError
from editor.io.formats import FORMATS, format_for, read_any, readable_extensions, write_any
from editor.model.layout import HEIGHT, WIDTH, layout_positions
from tests.helpers import seed_diagram

ROOT = Path(__file__).resolve().parents[2]
MINE = ["editor/model/amounts.py", "editor/io/tables.py", "editor/io/edgelist.py",
        "editor/io/graphformats.py", "editor/io/formats.py", "editor/cli/convert.py",
        "editor/model/layout.py"]


def test_table_and_graph_modules_import_no_qt():
    for rel in MINE:
        tree = ast.parse((ROOT / rel).read_text("utf-8"))
        names = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
        names += [n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module]
        assert not [n for n in names if n.split(".")[0] in ("PySide6", "shiboken6")], rel
    code = ("import sys, editor.io.formats, editor.cli.convert, editor.io.edgelist, editor.io.graphformats;"
            "sys.exit(1 if [m for m in sys.modules if m.startswith('PySide6')] else 0)")
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT).returncode == 0


@pytest.mark.parametrize("name, mode, expected", [
    ("a.ROUNDTRIP", "read", "Roundtrip diagram"), ("a.csv", "write", "CSV edge list"),
    ("a.xlsx", "read", "Excel workbook"), ("a.GraphML", "write", "GraphML"),
    ("a.gexf", "read", "GEXF (Gephi)"),
    ("a.svg", "write", "SVG image"),
])
def test_format_for(name, mode, expected):
    assert format_for(name, mode).name == expected


@pytest.mark.parametrize("name, mode", [("a.png", "read"), ("a.docx", "write"), ("noext", "read")])
def test_unknown_formats_list_the_supported_ones(name, mode):
    with pytest.raises(InputError) as info:
        format_for(name, mode)
    assert "supported: .roundtrip" in str(info.value)


def test_every_data_format_writes_what_it_reads(tmp_path):
    d = seed_diagram()
    for f in FORMATS:
        if f.reader and f.writer:
            path = tmp_path / f"x{f.extensions[0]}"
            write_any(d, path, analyze=analyze_for_export)
            back, _ = read_any(path)
            assert back.flows() == d.flows(), f.name
    assert ".txt" in readable_extensions()


def test_layout_is_deterministic_fits_the_box_and_keeps_others():
    d = seed_diagram()
    ids = [c.id for c in d.companies()]
    pos = layout_positions(d, ids)
    assert pos == layout_positions(d, ids)
    assert all(0 <= x <= WIDTH and 0 <= y <= HEIGHT for x, y in pos.values())
    assert len(set(pos.values())) == 3
    from editor.model import Company, Flow
    d.add_company(Company("amd", "AMD"))
    d.add_flow(Flow("f9", "openai", "amd", "purchase", 1))
    new = layout_positions(d, ["amd"])
    assert list(new) == ["amd"] and new["amd"] not in {(c.x, c.y) for c in d.companies()}
