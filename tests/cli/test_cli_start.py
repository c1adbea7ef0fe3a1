"""The command line's first word, a missing display, and what each command imports."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from editor.__main__ import main, missing_display, unknown_command

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "editor" / "data" / "samples" / "teaching-loops.roundtrip"


def _run(args: list[str], env: dict[str, str] | None = None,
         timeout: float = 60) -> subprocess.CompletedProcess:
    full = dict(os.environ if env is None else env)
    full["PYTHONPATH"] = str(ROOT)
    return subprocess.run([sys.executable, "-m", "editor", *args], env=full, capture_output=True, text=True,
                          timeout=timeout)


def test_unknown_command_suggests_the_closest_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stres", "deals.csv"]) == 2
    err = capsys.readouterr().err
    assert "'stres' is not a command or a file" in err
    assert "did you mean 'roundtrip stress'?" in err
    assert len(err.strip().splitlines()) == 1


def test_unknown_word_without_a_close_command() -> None:
    message = unknown_command(["zzzz"])
    assert message is not None and "did you mean" not in message and "analyze" in message


@pytest.mark.parametrize("args", [["deals.csv"], ["missing.roundtrip"], ["some/dir/file"], ["--flag"], []])
def test_files_and_options_are_not_taken_for_commands(args: list[str]) -> None:
    assert unknown_command(args) is None


def test_an_existing_file_without_extension_opens(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "deals").write_text("x")
    monkeypatch.chdir(tmp_path)
    assert unknown_command(["deals"]) is None


def test_missing_display_is_reported_only_on_linux_without_any_display() -> None:
    assert missing_display({}, "linux") is not None
    assert missing_display({"DISPLAY": ":0"}, "linux") is None
    assert missing_display({"WAYLAND_DISPLAY": "wayland-0"}, "linux") is None
    assert missing_display({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert missing_display({}, "darwin") is None
    assert missing_display({}, "win32") is None


def test_no_display_says_so_in_one_line_and_exits_2() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    out = _run([str(SAMPLE)], env, timeout=30)
    assert out.returncode == 2
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and "needs a display" in lines[0] and "QT_QPA_PLATFORM=offscreen" in lines[0]


def test_unknown_command_in_a_real_process_returns_offscreen_too() -> None:
    out = _run(["stres", "deals.csv"], dict(os.environ, QT_QPA_PLATFORM="offscreen"), timeout=30)
    assert out.returncode == 2 and "roundtrip stress" in out.stderr


def test_analyze_imports_neither_qt_nor_scipy_nor_pandas() -> None:
    code = ("import sys; from editor.__main__ import main; import io, contextlib\n"
            "with contextlib.redirect_stdout(io.StringIO()): rc = main(['analyze', sys.argv[1]])\n"
            "print(rc, sorted(m for m in ('PySide6', 'scipy', 'pandas', 'openpyxl') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code, str(SAMPLE)],
                         env=dict(os.environ, PYTHONPATH=str(ROOT)), capture_output=True, text=True,
                         timeout=60)
    assert out.stdout.split() == ["0", "[]"], out.stderr


def test_glossary_texts_do_not_import_the_analysis() -> None:
    code = ("import sys; import editor.panels.glossary as g\n"
            "print(bool(g.GLOSSARY), [m for m in ('numpy', 'networkx', 'igraph', 'editor.analysis.engine')"
            " if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], env=dict(os.environ, PYTHONPATH=str(ROOT)),
                         capture_output=True, text=True, timeout=60)
    assert out.stdout.split() == ["True", "[]"], out.stderr


def test_a_command_process_keeps_no_cuts_and_prints_what_a_long_lived_one_does(tmp_path: Path) -> None:
    """``roundtrip analyze`` analyses once: it keeps no cuts for a next analysis (nor works them
    out), and prints exactly what an analysis that keeps them gives."""
    import contextlib
    import io

    from benchmarks.generate import generate
    from editor.analysis import analyze_for_export, cuts
    from editor.analysis.circulation import clear_cache
    from editor.io.formats import write_any

    path = tmp_path / "deals.csv"
    write_any(generate(150, 750, 4), path, analyze=analyze_for_export)
    clear_cache()
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        assert main(["analyze", "--json", str(path)]) == 0   # in this process: cuts are kept
    assert cuts.PREVIOUS.enabled and cuts.PREVIOUS.items
    code = ("import sys; from editor.__main__ import main; from editor.analysis import cuts\n"
            "sys.argv = ['roundtrip', 'analyze', '--json', sys.argv[1]]\n"
            "rc = main()\n"
            "print('kept', cuts.PREVIOUS.enabled, len(cuts.PREVIOUS.items), file=sys.stderr)\n"
            "sys.exit(rc)")
    out = subprocess.run([sys.executable, "-c", code, str(path)], env=dict(os.environ, PYTHONPATH=str(ROOT)),
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "kept False 0" in out.stderr
    assert out.stdout == buffer.getvalue()
