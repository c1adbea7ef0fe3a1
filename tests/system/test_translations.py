"""The Japanese catalogue (resources/translations/roundtrip_ja.ts): complete, current, consistent.

Fails on unfinished or vanished entries, on placeholders that differ between a
source text and its translation, when fewer than 95 % of the messages are
translated, and when the code holds texts the catalogue lacks (run
``python resources/translations/update.py``). Also: the command line's JSON is
the same under a Japanese locale (keys are never translated).
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "roundtrip_ja.ts"
PLACEHOLDER = re.compile(r"%n|%L?\d+|\{[A-Za-z_][A-Za-z0-9_]*(?::[^}]*)?\}")


def messages(path: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(path).getroot()
    return [(ctx.findtext("name") or "", m.findtext("source") or "", m.find("translation"))
            for ctx in root.iter("context") for m in ctx.iter("message")]


def test_no_unfinished_or_vanished_entries():
    bad = [(c, s, t.get("type")) for c, s, t in messages(TS)
           if t.get("type") in ("unfinished", "vanished", "obsolete")]
    assert not bad, f"run resources/translations/update.py and translate or drop: {bad[:10]}"


def test_placeholders_agree():
    wrong = [(c, s, t.text) for c, s, t in messages(TS)
             if t.text and sorted(PLACEHOLDER.findall(s)) != sorted(PLACEHOLDER.findall(t.text))]
    assert not wrong, wrong


def test_placeholder_pattern_catches_a_mismatch():
    # the check above can fail: a dropped or renamed placeholder is seen
    assert sorted(PLACEHOLDER.findall("{name} saved")) != sorted(PLACEHOLDER.findall("保存しました"))
    assert PLACEHOLDER.findall("%1 of %n") == ["%1", "%n"]


def test_at_least_95_percent_translated():
    all_ = messages(TS)
    done = [1 for _, _, t in all_ if t.text and t.get("type") is None]
    assert len(all_) > 50
    assert len(done) / len(all_) >= 0.95, f"{len(done)} of {len(all_)} translated"


def test_glossary_texts_are_in_the_catalogue():
    from editor.analysis.glossary import GLOSSARY

    glossary = {s for c, s, _ in messages(TS) if c == "Glossary"}
    assert set(GLOSSARY.values()) <= glossary, set(GLOSSARY.values()) - glossary
    from editor.analysis.stress import CAVEAT

    assert ("Stress", CAVEAT) in {(c, s) for c, s, _ in messages(TS)}


def _update_module():
    sys.path.insert(0, str(ROOT / "resources" / "translations"))
    try:
        import update
    finally:
        sys.path.pop(0)
    return update


def test_every_message_of_the_qt_free_layers_is_translated():
    """Every msg(...) template of editor/model, editor/io and editor/analysis is in the catalogue
    (context "Messages") with a finished translation: a new English message cannot slip in."""
    found = _update_module().message_templates()
    not_literal = [where for template, where in found if not template]
    assert not not_literal, f"msg() needs a literal template (the catalogue cannot see others): {not_literal}"
    templates = {template for template, _ in found}
    assert "{what}: must not be empty" in templates and len(templates) > 150   # the walk finds them
    done = {s for c, s, t in messages(TS) if c == "Messages" and t.text and t.get("type") is None}
    missing = sorted(templates - done)
    assert not missing, f"untranslated messages (run update.py, then translate): {missing[:10]}"


def test_catalogue_is_current_with_the_code(tmp_path):
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    if not lupdate.exists() and shutil.which("pyside6-lupdate") is None:
        pytest.skip("pyside6-lupdate is not installed")
    update = _update_module()
    runtime = tmp_path / "_runtime_strings.py"
    runtime.write_text(update.runtime_source(), "utf-8")
    fresh = tmp_path / "fresh.ts"
    files = [str(p) for p in update.sources()] + [str(runtime)]
    subprocess.run([str(lupdate if lupdate.exists() else "pyside6-lupdate"), "-silent", *files,
                    "-ts", str(fresh)], check=True, capture_output=True, timeout=120)
    in_code = {(c, s) for c, s, _ in messages(fresh)}
    in_catalogue = {(c, s) for c, s, _ in messages(TS)}
    assert in_code - in_catalogue == set(), "new texts: run resources/translations/update.py"
    assert in_catalogue - in_code == set(), "vanished texts: run update.py --drop-vanished"


def test_cli_json_is_the_same_under_a_japanese_locale():
    sample = ROOT / "editor" / "data" / "samples" / "ai-money-machine-2025.roundtrip"
    outs = []
    for lang in ("C", "ja_JP.UTF-8"):
        env = dict(os.environ, LANG=lang, PYTHONPATH=str(ROOT))
        done = subprocess.run([sys.executable, "-m", "editor", "analyze", str(sample), "--json"], env=env,
                              capture_output=True, text=True, timeout=120, cwd=ROOT)
        assert done.returncode == 0, done.stderr
        outs.append(json.loads(done.stdout))
    assert outs[0] == outs[1]
    assert {"companies", "flows", "loops"} <= set(outs[0])


def test_cli_errors_stay_english_under_a_japanese_locale(tmp_path):
    broken = tmp_path / "broken.roundtrip"
    broken.write_text('{"format": "roundtrip", "version": 1, "companies": [], "flows": [{"id": 3}]}', "utf-8")
    env = dict(os.environ, LANG="ja_JP.UTF-8", PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-m", "editor", "analyze", str(broken)], env=env,
                          capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.returncode != 0
    assert "error:" in done.stderr and "flows[0]" in done.stderr, done.stderr
    assert not any("\u3040" <= ch <= "\u30ff" for ch in done.stderr), done.stderr   # no kana
