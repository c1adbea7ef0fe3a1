"""The command line with other tools' files: analyze reads what convert reads; the decimal mark option."""
import json
from pathlib import Path

import pytest

from editor.cli.main import main
from editor.io.formats import readable_extensions
from editor.io.native import save
from tests.helpers import seed_diagram

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


@pytest.mark.parametrize("ext", [".graphml", ".yed.graphml", ".gexf", ".kumu.xlsx", ".xlsx", ".csv"])
def test_analyze_reads_every_format_convert_writes(tmp_path, capsys, ext):
    src = tmp_path / "seed.roundtrip"
    save(seed_diagram(), src)
    out = tmp_path / f"seed{ext}"
    assert main(["convert", str(src), str(out)]) == 0
    capsys.readouterr()
    assert main(["analyze", str(out), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["companies"] == 3 and data["flows"] == 3 and len(data["loops"]) == 1


def test_every_readable_extension_is_accepted_by_analyze_and_convert():
    assert {".graphml", ".gexf", ".yed.graphml", ".kumu.xlsx"} <= set(readable_extensions())


def test_ambiguous_decimal_mark_is_refused_with_the_option_named(capsys):
    path = CORPUS / "spreadsheets" / "ambiguous_thousands.csv"
    assert main(["analyze", str(path)]) == 2
    err = capsys.readouterr().err
    assert "--decimal-mark" in err and "'amount'" in err
    assert main(["analyze", str(path), "--decimal-mark", ",", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["metrics"]["total_amount"] == 3750


def test_convert_takes_the_decimal_mark(tmp_path, capsys):
    out = tmp_path / "t.roundtrip"
    path = CORPUS / "spreadsheets" / "ambiguous_thousands.csv"
    assert main(["convert", str(path), str(out), "--decimal-mark", "."]) == 0
    assert main(["analyze", str(out), "--json"]) == 0
    capsys.readouterr()
    assert main(["convert", str(path), str(tmp_path / "u.roundtrip")]) == 2
    assert "--decimal-mark" in capsys.readouterr().err
