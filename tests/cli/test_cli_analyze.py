"""``roundtrip analyze``: text and JSON output, limits, errors (in-process and as a process)."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from editor.cli.main import main
from editor.io.native import save
from tests.helpers import seed_diagram

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def seed_file(tmp_path):
    path = tmp_path / "seed.roundtrip"
    save(seed_diagram(), path)
    return path


def _json(capsys, *args):
    assert main(["analyze", *map(str, args), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_json_output_contract(seed_file, capsys):
    data = _json(capsys, seed_file)
    assert data["companies"] == 3 and data["flows"] == 3
    (loop,) = data["loops"]
    assert loop["companies"] == ["NVIDIA", "OpenAI", "Oracle"]
    assert loop["bottleneck"] == 40 and loop["pattern"] == "vendor financing"
    assert loop["date_ordered"] is True and loop["flow_ids"] == ["f1", "f2", "f3"]
    assert data["loops_truncated"] is False and data["skipped_for_time"] == []
    assert data["circular_companies"] == ["NVIDIA", "OpenAI", "Oracle"]
    m = data["metrics"]
    assert m["total_amount"] == 440 and m["circulating_amount"] == pytest.approx(120)
    assert m["circular_share"] == pytest.approx(120 / 440)
    assert m["unknown_amount_flows"] == 0
    assert m["by_type"] == {"Equity investment": 100, "Chip / hardware purchase": 40,
                            "Compute / service contract": 300}
    nv = m["companies"]["NVIDIA"]
    assert (nv["inflow"], nv["outflow"], nv["net"]) == (40, 100, -60)
    assert nv["round_trip_capacity"] == pytest.approx(40) and nv["round_trip_ratio"] == pytest.approx(0.4)


def test_text_report(seed_file, capsys):
    assert main(["analyze", str(seed_file)]) == 0
    out = capsys.readouterr().out
    assert "NVIDIA -> OpenAI -> Oracle -> NVIDIA" in out
    assert "vendor financing" in out and "USD bn" in out
    assert "Companies by round-trip ratio" in out


def test_limits_and_through(tmp_path, capsys):
    d = seed_diagram()
    from editor.model import Flow

    d.add_flow(Flow("f4", "openai", "nvidia", "revenue", 5))
    path = tmp_path / "two.roundtrip"
    save(d, path)
    assert len(_json(capsys, path)["loops"]) == 2
    capped = _json(capsys, path, "--max-loops", 1)
    assert [lp["bottleneck"] for lp in capped["loops"]] == [40] and capped["loops_truncated"]
    assert len(_json(capsys, path, "--max-loops", 0)["loops"]) == 2
    short = _json(capsys, path, "--max-length", 2)
    assert [lp["companies"] for lp in short["loops"]] == [["NVIDIA", "OpenAI"]]
    through = _json(capsys, path, "--through", "oracle")  # names match case-insensitively
    assert [lp["companies"] for lp in through["loops"]] == [["NVIDIA", "OpenAI", "Oracle"]]


@pytest.mark.parametrize("args, words", [
    (["--through", "Nobody"], "Nobody"),
    (["--max-length", "-3"], "--max-length"),
    (["--max-length", "1"], "--max-length"),
    (["--max-loops", "-1"], "--max-loops"),
])
def test_bad_arguments(seed_file, capsys, args, words):
    assert main(["analyze", str(seed_file), *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error:") and words in err and "Traceback" not in err


def test_bad_files(tmp_path, capsys):
    missing = tmp_path / "missing.roundtrip"
    assert main(["analyze", str(missing)]) == 2
    assert "missing.roundtrip" in capsys.readouterr().err
    broken = tmp_path / "broken.roundtrip"
    broken.write_text('{"format": "roundtrip", "version": 1, "flows": [')
    assert main(["analyze", str(broken)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error:") and "broken.roundtrip" in err and "line" in err


def _run(*args):
    return subprocess.run([sys.executable, "-m", "editor", "analyze", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def test_subprocess_success_and_error(seed_file, tmp_path):
    ok = _run(seed_file, "--json")
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["loops"][0]["bottleneck"] == 40
    bad = _run(tmp_path / "nope.roundtrip")
    assert bad.returncode == 2
    assert bad.stderr.startswith("error:") and len(bad.stderr.strip().splitlines()) == 1
    assert "Traceback" not in bad.stderr


def test_csv_edge_list(tmp_path, capsys):
    pytest.importorskip("editor.io.edgelist")
    path = tmp_path / "deals.csv"
    path.write_text("source,target,type,amount,date\n"
                    "NVIDIA,OpenAI,equity,100,2025-09\nOpenAI,Oracle,service,300,2025-09\n"
                    "Oracle,NVIDIA,purchase,40,2025-05\n", encoding="utf-8")
    data = _json(capsys, path)
    assert data["loops"][0]["companies"] == ["NVIDIA", "OpenAI", "Oracle"]
    assert data["loops"][0]["bottleneck"] == 40


def test_bad_csv_edge_list(tmp_path):
    pytest.importorskip("editor.io.edgelist")
    path = tmp_path / "bad.csv"
    path.write_text("source,target,amount\nA,B,lots\n", encoding="utf-8")
    result = _run(path)
    assert result.returncode == 2
    assert result.stderr.startswith("error:") and "bad.csv" in result.stderr and "row 2" in result.stderr


def test_analyze_reads_every_format_convert_reads(seed_file, tmp_path, capsys):
    """One reader for both commands: every readable data format gives the same analysis."""
    from editor.analysis import analyze_for_export
    from editor.io.formats import FORMATS, write_any

    expected = _json(capsys, seed_file)
    readable = [f for f in FORMATS if f.reader and f.writer]
    assert {".graphml", ".gexf", ".csv", ".xlsx", ".roundtrip"} <= {e for f in readable for e in f.extensions}
    for fmt in readable:
        path = tmp_path / f"copy{fmt.extensions[0]}"
        write_any(seed_diagram(), path, analyze=analyze_for_export)
        assert _json(capsys, path) == expected, fmt.name


def test_python_m_editor_runs_the_command_line(seed_file):
    r = subprocess.run([sys.executable, "-m", "editor", "analyze", str(seed_file), "--json"],
                       cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and json.loads(r.stdout)["companies"] == 3
    code = ("import sys, editor.cli.main, editor.__main__;"
            "sys.exit(1 if [m for m in sys.modules if m.startswith(('PySide6', 'editor.app'))] else 0)")
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, timeout=120)
    assert r.returncode == 0  # the command line imports neither Qt nor the app
