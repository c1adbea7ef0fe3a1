import subprocess
import sys
from pathlib import Path

import pytest

from editor.cli.main import main
from editor.io import native
from editor.io.edgelist import load_table
from editor.io.graphformats import load_graph
from tests.helpers import seed_diagram

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def diagram_file(tmp_path):
    p = tmp_path / "seed.roundtrip"
    native.save(seed_diagram(), p)
    return p


@pytest.mark.parametrize("ext", ["graphml", "gexf", "csv", "xlsx", "roundtrip"])
def test_convert_native_to_each_format_and_back(tmp_path, diagram_file, capsys, ext):
    out = tmp_path / f"out.{ext}"
    assert main(["convert", str(diagram_file), str(out)]) == 0
    line = capsys.readouterr().out.strip()
    assert line.startswith(f"wrote {out}") and "3 companies, 3 flows" in line and "\n" not in line
    back = tmp_path / "back.roundtrip"
    assert main(["convert", str(out), str(back)]) == 0
    d = native.load(back)
    original = seed_diagram()
    assert d.companies() == original.companies() and d.flows() == original.flows()
    if ext in ("graphml", "xlsx", "roundtrip"):
        assert d == original  # these carry the whole document


def test_convert_csv_writes_companies_alongside(tmp_path, diagram_file, capsys):
    out = tmp_path / "deals.csv"
    assert main(["convert", str(diagram_file), str(out)]) == 0
    assert "deals-companies.csv" in capsys.readouterr().out
    assert load_table(out, tmp_path / "deals-companies.csv").companies() == seed_diagram().companies()


def test_export_to_data_formats(tmp_path, diagram_file, capsys):
    assert main(["export", str(diagram_file), str(tmp_path / "d.gexf"), "--title", "T"]) == 0
    captured = capsys.readouterr()
    assert "--title only applies to images" in captured.err
    assert load_graph(tmp_path / "d.gexf")[0].flows() == seed_diagram().flows()


@pytest.mark.parametrize("argv, expected", [
    (["convert", "{d}", "{t}/x.doc"], "cannot write files with '.doc'; supported: .roundtrip"),
    (["convert", "{t}/in.bmp", "{t}/x.csv"], "cannot read files with '.bmp'"),
    (["convert", "{t}/missing.csv", "{t}/x.gexf"], "no such file"),
    (["convert", "{d}", "{t}/x.png"], "use 'roundtrip export' for images"),
    (["convert", "{d}", "{d}"], "would overwrite the input"),
    (["convert", "{t}/bad.csv", "{t}/x.gexf"], "bad.csv: row 2, column 'amount': cannot read 'lots'"),
    (["convert", "{d}", "{t}/no/such/folder/x.csv"], "folder"),
    (["export", "{d}", "{t}/x.xyz"], "cannot write files with '.xyz'"),
    (["export", "{d}", "{t}/x.png", "--width", "0"], "--width: expected 16 to 20000"),
])
def test_bad_input_exit_2_with_one_error_line(tmp_path, diagram_file, capsys, argv, expected):
    (tmp_path / "bad.csv").write_text("source,target,amount\nA,B,lots\n")
    args = [a.format(d=diagram_file, t=tmp_path) for a in argv]
    assert main(args) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: ") and "\n" not in err and "Traceback" not in err
    assert expected in err


def test_encoding_fallback_is_reported_as_a_note(tmp_path, capsys):
    src = tmp_path / "latin.csv"
    src.write_bytes("source,target\nNestlé,Zürich\n".encode("cp1252"))
    assert main(["convert", str(src), str(tmp_path / "o.roundtrip")]) == 0
    assert "note: latin.csv: not UTF-8" in capsys.readouterr().err
    assert [c.name for c in native.load(tmp_path / "o.roundtrip").companies()] == ["Nestlé", "Zürich"]


def test_python_m_editor_convert_subprocess(tmp_path, diagram_file):
    out = tmp_path / "x.graphml"
    r = subprocess.run([sys.executable, "-m", "editor", "convert", str(diagram_file), str(out)],
                       cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("wrote ") and load_graph(out)[0] == seed_diagram()
    r = subprocess.run([sys.executable, "-m", "editor", "convert", str(out), str(tmp_path / "x.nope")],
                       cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert r.returncode == 2 and r.stderr.startswith("error: ") and r.stderr.count("\n") == 1
