"""``roundtrip stress``: JSON shape, the text report, options, and one error line for bad input."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from editor.analysis.stress import CAVEAT
from editor.cli.main import main
from editor.io.native import save
from editor.model import Company, Diagram, Flow

ROOT = Path(__file__).resolve().parents[2]
AI_SAMPLE = ROOT / "editor" / "data" / "samples" / "ai-money-machine-2025.roundtrip"


def _chain() -> Diagram:
    """A owes B 10, B owes C 10 (and once more 4, already paid); B has 5 of its own, C shares B's name."""
    d = Diagram()
    d.add_company(Company("a", "A"))
    d.add_company(Company("b", "B", revenue=5.0))
    d.add_company(Company("c", "B"))
    d.add_flow(Flow("f1", "a", "b", "purchase", amount=10.0, status="committed"))
    d.add_flow(Flow("f2", "b", "c", "service", amount=10.0, status="announced"))
    d.add_flow(Flow("f3", "b", "c", "service", amount=4.0, status="paid"))
    d.add_flow(Flow("f4", "c", "a", "service", amount=None, status="committed"))
    return d


@pytest.fixture
def chain_file(tmp_path):
    path = tmp_path / "chain.roundtrip"
    save(_chain(), path)
    return path


def _json(capsys, *args):
    assert main(["stress", *map(str, args), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_json_shape(chain_file, capsys):
    data = _json(capsys, chain_file)
    assert set(data) == {"companies", "flows", "defaulted", "rounds", "total_shortfall"}
    assert list(data["companies"]) == ["A", "B (b)", "B (c)"]  # shared names get their id
    for entry in data["companies"].values():
        assert set(entry) == {"assets", "owed", "paid", "received", "shortfall", "defaulted", "round"}
    a, b = data["companies"]["A"], data["companies"]["B (b)"]
    assert a == {"assets": 0.0, "owed": 10.0, "paid": 0.0, "received": 0.0, "shortfall": 10.0,
                 "defaulted": True, "round": 1}
    assert b["paid"] == 5.0 and b["round"] == 2 and data["companies"]["B (c)"]["round"] is None
    assert data["flows"] == [{"id": "f1", "source": "A", "target": "B (b)", "due": 10.0, "paid": 0.0},
                             {"id": "f2", "source": "B (b)", "target": "B (c)", "due": 10.0, "paid": 5.0}]
    assert data["defaulted"] == ["A", "B (b)"] and data["rounds"] == 2 and data["total_shortfall"] == 15.0


def test_options_change_the_answer(chain_file, capsys):
    every = _json(capsys, chain_file, "--obligations", "all")
    assert [f["id"] for f in every["flows"]] == ["f1", "f2", "f3"]
    assert every["companies"]["B (b)"]["owed"] == 14.0
    saved = _json(capsys, chain_file, "--assets", "a=10")  # by id
    assert saved["defaulted"] == [] and saved["total_shortfall"] == 0.0
    shocked = _json(capsys, chain_file, "--assets", "A=10", "--shock", "a=0.5", "--shock", "B (b)=1")
    assert shocked["companies"]["A"]["assets"] == 5.0 and shocked["companies"]["B (b)"]["assets"] == 0.0
    assert shocked["companies"]["B (b)"]["paid"] == 5.0 and shocked["defaulted"] == ["A", "B (b)"]


def test_text_report(chain_file, capsys):
    assert main(["stress", str(chain_file)]) == 0
    out = capsys.readouterr().out
    assert "round 1: A" in out and "round 2: B (b)" in out
    assert out.index("round 1: A") < out.index("round 2: B (b)")
    assert "Total unpaid: 15" in out and CAVEAT in out and "1 flows without an amount" in out


def test_edge_list_is_read_like_analyze(tmp_path, capsys):
    path = tmp_path / "chain.csv"
    path.write_text("source,target,amount,status\nA,B,10,committed\nB,C,10,announced\nC,D,3,paid\n", "utf-8")
    data = _json(capsys, path)  # no revenues in an edge list: A and then B cannot pay
    assert data["defaulted"] == ["A", "B"] and data["rounds"] == 2
    assert [f["source"] for f in data["flows"]] == ["A", "B"]


def test_ai_sample_openai_pays_nothing(capsys):
    data = _json(capsys, AI_SAMPLE, "--shock", "OpenAI=1")
    assert set(data["defaulted"]) == {"OpenAI", "AMD", "Anthropic", "Meta"} and data["rounds"] == 1
    assert data["companies"]["OpenAI"]["paid"] == pytest.approx(139.15)
    assert data["total_shortfall"] == pytest.approx(526.65)


@pytest.mark.parametrize("args, message", [
    (["--assets", "Nobody=5"], "--assets: no company named 'Nobody'"),
    (["--shock", "Nobody=0.5"], "--shock: no company named 'Nobody'"),
    (["--assets", "A=-1"], "must not be negative"),
    (["--shock", "A=1.5"], "between 0 and 1"),
    (["--shock", "A=-0.2"], "between 0 and 1"),
    (["--assets", "A"], "expected NAME=AMOUNT"),
    (["--assets", "=5"], "expected NAME=AMOUNT"),
    (["--shock", "A=half"], "not a number"),
    (["--assets", "A=nan"], "finite"),
    (["--shock", "B=0.5"], "2 companies are named 'B'"),
    (["--obligations", "some"], "invalid choice"),
])
def test_bad_input_exits_2_with_one_error_line(chain_file, capsys, args, message):
    assert main(["stress", str(chain_file), *args]) == 2
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert lines[-1].startswith("error:") or lines[-1].startswith("roundtrip stress: error:")
    assert message in captured.err and captured.out == ""
    if args[0] != "--obligations":  # argparse adds its usage line; our own errors are one line
        assert len(lines) == 1


def test_missing_file_exits_2(tmp_path, capsys):
    assert main(["stress", str(tmp_path / "none.roundtrip")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error:")


def test_as_a_process(chain_file):
    proc = subprocess.run([sys.executable, "-m", "editor", "stress", str(chain_file), "--json"],
                          capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["rounds"] == 2
