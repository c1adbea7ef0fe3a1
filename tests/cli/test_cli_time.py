"""``roundtrip analyze --from/--to/--date-ordered/--within`` and ``roundtrip export --from/--to``,
and the replay export (GIF and PNG frames)."""
import json
from pathlib import Path

import pytest

from editor.analysis import analyze
from editor.analysis.temporal import find_date_ordered_loops, period_filter
from editor.cli.main import main
from editor.io.native import load, save
from editor.model import Company, Diagram, Flow

ROOT = Path(__file__).resolve().parents[2]
AI = ROOT / "editor" / "data" / "samples" / "ai-money-machine-2025.roundtrip"


def _json(capsys, *args):
    assert main(["analyze", *map(str, args), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def _error(capsys, *args) -> str:
    assert main([*map(str, args)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error: ")
    return err[0]


@pytest.fixture
def dated_file(tmp_path):
    """A loop A -> B -> C -> A dated in order (2025-01, 2025-02, 2025-03), a way back B -> A
    dated before, and an undated flow."""
    d = Diagram.build(
        companies=[Company(id=i, name=i.upper(), x=k * 100.0) for k, i in enumerate("abc")],
        flows=[Flow(id="f1", source="a", target="b", type="equity", amount=10, date="2025-01"),
               Flow(id="f2", source="b", target="c", type="equity", amount=20, date="2025-02-15"),
               Flow(id="f3", source="c", target="a", type="equity", amount=30, date="2025-03"),
               Flow(id="f4", source="b", target="a", type="equity", amount=5, date="2024-06"),
               Flow(id="f5", source="a", target="c", type="equity", amount=1)])
    path = tmp_path / "dated.roundtrip"
    save(d, path)
    return path


def test_period_keeps_the_flows_within_and_counts_the_rest(dated_file, capsys):
    data = _json(capsys, dated_file, "--from", "2025", "--to", "2025-03")
    assert data["flows"] == 3
    assert data["period"] == {"from": "2025", "to": "2025-03", "flows_left_out": 1, "flows_outside": 1}
    assert [loop["companies"] for loop in data["loops"]] == [["A", "B", "C"]]
    # --to 2025-02 is the first day of February: f2 (15 February) is outside
    data = _json(capsys, dated_file, "--to", "2025-02")
    assert data["flows"] == 2 and data["period"]["from"] is None
    assert [loop["companies"] for loop in data["loops"]] == [["A", "B"]]      # f4 and f1


def test_without_a_period_the_json_is_as_before(dated_file, capsys):
    data = _json(capsys, dated_file)
    assert "period" not in data and "date_ordered_only" not in data and data["flows"] == 5


def test_date_ordered_lists_only_the_loops_read_in_date_order(dated_file, capsys):
    every = _json(capsys, dated_file)
    assert len(every["loops"]) == 3          # A-B-C, A-B (B->A dated before A->B), A-C (undated A->C)
    data = _json(capsys, dated_file, "--date-ordered")
    # A-C is out (its A -> C is undated); A-B reads in order from B: f4 (2024-06), then f1 (2025-01)
    assert [loop["companies"] for loop in data["loops"]] == [["A", "B", "C"], ["A", "B"]]
    assert all(loop["date_ordered"] for loop in data["loops"])
    assert data["date_ordered_only"]["readings"] == [["f1", "f2", "f3"], ["f4", "f1"]]
    # f1 (1 January) to f3 (1 March) is 59 days; f4 to f1 is 214
    within = _json(capsys, dated_file, "--date-ordered", "--within", "59")
    assert [loop["companies"] for loop in within["loops"]] == [["A", "B", "C"]]
    assert _json(capsys, dated_file, "--date-ordered", "--within", "58")["loops"] == []


def test_date_ordered_matches_the_search_and_combines_with_the_limits(capsys):
    d = load(AI)
    found = find_date_ordered_loops(d.snapshot(), max_loops=3, max_length=3, within_days=120)
    data = _json(capsys, AI, "--date-ordered", "--within", "120", "--max-loops", "3", "--max-length", "3")
    assert [tuple(loop["company_ids"]) for loop in data["loops"]] == [x.company_ids for x in found.loops]
    assert data["loops_truncated"] == found.truncated
    through = _json(capsys, AI, "--date-ordered", "--through", "Oracle", "--from", "2025-01")
    assert through["loops"] and all("Oracle" in loop["companies"] for loop in through["loops"])
    kept, _ = period_filter(d.snapshot(), "2025-01", None)
    oracle = d.find_company("Oracle").id
    expected = find_date_ordered_loops(kept, through=oracle, time_budget=10)
    assert [tuple(x["company_ids"]) for x in through["loops"]] == [x.company_ids for x in expected.loops]


def test_period_analysis_equals_the_analysis_of_the_kept_flows(capsys):
    d = load(AI)
    data = _json(capsys, AI, "--from", "2025-09", "--to", "2025-10-31")
    kept, info = period_filter(d.snapshot(), "2025-09", "2025-10-31")
    plain = analyze(kept)
    assert data["flows"] == info.flows_kept == 23
    assert [loop["company_ids"] for loop in data["loops"]] == [list(x.company_ids) for x in plain.loops]
    assert data["metrics"]["total_amount"] == pytest.approx(plain.totals.total_amount)


def test_text_report_says_the_period_and_the_kind_of_loops(dated_file, capsys):
    assert main(["analyze", str(dated_file), "--from", "2025", "--date-ordered", "--within", "90"]) == 0
    out = capsys.readouterr().out
    assert "Period from 2025: 3 flows kept, 1 dated outside it and 1 undated left out" in out
    assert "Date-ordered loops within 90 days, largest bottleneck first: 1 listed" in out


@pytest.mark.parametrize("args, message", [
    (["--from", "2025-13"], "--from: month 13"),
    (["--to", "2025-02-30"], "--to:"),
    (["--from", "25"], "--from:"),
    (["--from", "2025-10", "--to", "2025-09"], "--from 2025-10 is after --to 2025-09"),
    (["--date-ordered", "--within", "-1"], "--within: expected 0 or more days"),
    (["--within", "30"], "give it with --date-ordered"),
])
def test_bad_period_or_window_exits_2_with_one_line(dated_file, capsys, args, message):
    assert message in _error(capsys, "analyze", dated_file, *args)


def test_export_draws_the_period_with_it_in_the_caption(dated_file, tmp_path, capsys, monkeypatch):
    seen = {}

    def fake_export(diagram, path, **options):
        seen.update(flows=[f.id for f in diagram.flows()], **options)
        Path(path).write_bytes(b"png")

    monkeypatch.setattr("editor.cli.convert.write_image", fake_export)
    out = tmp_path / "p.png"
    assert main(["export", str(dated_file), str(out), "--from", "2025-02", "--to", "2025-12-31"]) == 0
    assert seen["flows"] == ["f2", "f3"]
    assert seen["subtitle"] == "Period 2025-02 to 2025-12-31: 2 of 5 flows; 1 undated left out"
    assert "2 flows" in capsys.readouterr().out
    assert "--from" in _error(capsys, "export", dated_file, tmp_path / "q.png", "--from", "2025-00")


def test_export_of_a_period_to_a_table_keeps_only_its_flows(dated_file, tmp_path):
    out = tmp_path / "p.roundtrip"
    assert main(["export", str(dated_file), str(out), "--to", "2025-01-31"]) == 0
    assert sorted(f.id for f in load(out).flows()) == ["f1", "f4"]


def test_replay_gif_and_frames(dated_file, tmp_path, capsys):
    from PIL import Image

    gif, frames = tmp_path / "r.gif", tmp_path / "frames"
    assert main(["export", str(dated_file), str(gif), "--frames", str(frames), "--width", "300",
                 "--frame-ms", "500"]) == 0
    assert "4 frames (one per deal)" in capsys.readouterr().out
    assert sorted(p.name for p in frames.iterdir()) == [f"frame-{n:04d}.png" for n in range(1, 5)]
    with Image.open(gif) as im:
        assert im.n_frames == 4 and im.size[0] == 300
        durations = []
        for k in range(im.n_frames):
            im.seek(k)
            durations.append(im.info["duration"])
    assert durations[:-1] == [500] * 3 and durations[-1] >= 2000   # the last frame is held longer
    # per month: 2024-06, 2025-01, 2025-02, 2025-03; the frames differ as deals appear
    assert main(["export", str(dated_file), str(tmp_path / "m"), "--frames", str(tmp_path / "m"),
                 "--step", "month", "--width", "300"]) == 0
    shots = sorted((tmp_path / "m").iterdir())
    assert len(shots) == 4
    assert shots[0].read_bytes() != shots[-1].read_bytes()


def test_replay_errors(dated_file, tmp_path, capsys):
    assert "a replay is written as a .gif" in _error(capsys, "export", dated_file, tmp_path / "r.mp4",
                                                     "--frames", tmp_path / "f")
    undated = tmp_path / "undated.roundtrip"
    save(Diagram.build(companies=[Company(id="a", name="A")]), undated)
    assert "no flow has a date" in _error(capsys, "export", undated, tmp_path / "r.gif")
