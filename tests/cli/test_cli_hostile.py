"""The command line under hostile input: huge numbers, huge cells, strict encodings, odd paths, FIFOs."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from editor.cli.main import MAX_ERROR_LENGTH, error_line, main
from editor.io import native
from tests.helpers import seed_diagram

ROOT = Path(__file__).resolve().parents[2]


def _doc(amount: str) -> str:
    return ('{"format": "roundtrip", "version": 1, "companies": [{"id": "a", "name": "A"}, '
            '{"id": "b", "name": "B"}], "flows": [{"id": "f", "source": "a", "target": "b", '
            '"type": "venture", "amount": ' + amount + '}]}')


@pytest.mark.parametrize("digits", [401, 5000])
def test_a_huge_integer_amount_is_exit_2_with_its_place(tmp_path, capsys, digits):
    path = tmp_path / "huge.roundtrip"
    path.write_text(_doc("4" * digits))
    assert main(["analyze", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "flows[0].amount:" in err and "is too large" in err
    assert "Traceback" not in err and "set_int_max_str_digits" not in err


def test_an_error_quoting_a_huge_cell_is_cut_to_one_readable_line(tmp_path, capsys):
    csv = tmp_path / "flows.csv"
    csv.write_text("source,target,amount\nA,B," + "9x" * 60_000 + "\n")
    assert main(["analyze", str(csv)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1
    assert len(err) <= MAX_ERROR_LENGTH + len("error: ") + 1


def test_error_line_keeps_short_messages_whole():
    assert error_line("bad  thing\nsecond line") == "error: bad thing"
    assert len(error_line("x" * 10**6)) == MAX_ERROR_LENGTH + len("error: ")


@pytest.mark.skipif(sys.platform != "linux", reason="non-UTF-8 file names need a byte-path file system")
def test_convert_to_a_non_utf8_path_with_a_strict_stdout(tmp_path):
    src = tmp_path / "in.roundtrip"
    native.save(seed_diagram(), src)
    out = os.fsencode(tmp_path) + b"/caf\xe9.csv"  # Latin-1 bytes: not UTF-8
    env = {**os.environ, "PYTHONIOENCODING": "ascii:strict", "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-m", "editor", "convert", os.fsencode(src), out],
                          capture_output=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert b"wrote " in proc.stdout and b"\\udce9" in proc.stdout
    assert os.path.exists(out)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_does_not_hang_the_cli(tmp_path):
    fifo = tmp_path / "pipe.roundtrip"
    os.mkfifo(fifo)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-m", "editor", "analyze", str(fifo)], capture_output=True,
                          text=True, env=env, timeout=60)
    assert proc.returncode == 2 and "named pipe" in proc.stderr


def test_no_cap_still_lists_at_most_the_cli_cap(tmp_path, capsys, monkeypatch):
    import json

    from benchmarks.generate import generate
    from editor.cli import analyze as cli_analyze

    path = tmp_path / "map.roundtrip"
    native.save(generate(30, 150, 2), path)
    monkeypatch.setattr(cli_analyze, "CLI_MAX_LOOPS", 3)
    assert main(["analyze", str(path), "--json", "--max-loops", "0"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["loops"]) == 3 and data["loops_truncated"] and data["loops_cap"] == 3


def test_the_time_budget_bounds_the_whole_run(tmp_path, capsys, monkeypatch):
    import json

    from benchmarks.generate import generate
    from editor.cli import analyze as cli_analyze

    path = tmp_path / "dense.roundtrip"
    native.save(generate(300, 6000, 5), path)
    monkeypatch.setattr(cli_analyze, "CLI_TIME_BUDGET", 0.0)
    assert main(["analyze", str(path), "--json", "--max-loops", "0"]) == 0
    data = json.loads(capsys.readouterr().out)
    # every phase is cut short, and says so; the rest of the report is there
    assert data["loops"] == [] and data["loops_timed_out"] and data["loops_truncated"]
    assert data["round_trip_complete"] is False
    assert data["companies"] == 300
    # what was not computed is said so, never given as a zero
    assert data["skipped_for_time"] == ["circulation", "round trips", "loops"]
    assert data["metrics"]["circulating_amount"] is None and data["metrics"]["circular_share"] is None
    assert main(["analyze", str(path), "--max-loops", "0"]) == 0
    text = capsys.readouterr().out
    assert "Circulating amount:  not computed: the map is too large for the time budget" in text
    assert "0 listed (not computed: the map is too large for the time budget)" in text


def test_loops_not_described_within_the_budget_are_left_out_and_said(tmp_path, capsys, monkeypatch):
    import json

    from benchmarks.generate import generate
    from editor.cli import analyze as cli_analyze

    path = tmp_path / "dense.roundtrip"
    native.save(generate(300, 6000, 5), path)
    assert main(["analyze", str(path), "--json", "--max-loops", "40"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert len(found["loops"]) == 40 and not found["loops_timed_out"]
    monkeypatch.setattr(cli_analyze, "ANALYSIS_SHARE", 0.0)   # the whole run's budget: none left for loops
    assert main(["analyze", str(path), "--json", "--max-loops", "40"]) == 0
    cut = json.loads(capsys.readouterr().out)
    assert cut["loops"] == [] and cut["loops_timed_out"] and cut["loops_truncated"]
    assert "loops" in cut["skipped_for_time"]
    assert main(["analyze", str(path), "--max-loops", "40"]) == 0
    assert "0 listed (not computed: the map is too large for the time budget)" in capsys.readouterr().out
