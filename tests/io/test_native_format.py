import json
import os

import pytest
from hypothesis import HealthCheck, given, settings

from editor.io import native
from editor.io.native import FormatError
from tests.helpers import seed_diagram
from tests.strategies import diagrams


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(diagrams())
def test_load_save_round_trip(d):
    assert native.loads(native.dumps(d)) == d


def test_saved_file_is_stable_readable_json(tmp_path):
    path = tmp_path / "seed.roundtrip"
    native.save(seed_diagram(), path)
    text = path.read_text("utf-8")
    data = json.loads(text)
    assert data["format"] == "roundtrip" and data["version"] == native.FORMAT_VERSION
    assert list(data) == ["format", "version", "metadata", "flow_types", "categories", "companies", "flows"]
    assert '\n  "companies": [' in text  # indented, one key per line
    native.save(native.load(path), path)
    assert path.read_text("utf-8") == text  # saving again changes nothing


def _doc(**overrides):
    data = native.to_dict(seed_diagram())
    data.update(overrides)
    return data


@pytest.mark.parametrize("mutate, expected", [
    (lambda d: d["flows"][2].update(amount="lots"), "flows[2].amount: expected a number, got \"lots\""),
    (lambda d: d["flows"][0].update(source="ghost"), "flows[0].source: 'ghost' is not a company"),
    (lambda d: d["flows"][1].update(amount=-3), "flows[1].amount: must not be negative"),
    (lambda d: d["flows"][1].pop("id"), "flows[1].id: missing"),
    (lambda d: d["companies"][1].update(id="nvidia"), "companies[1].id: 'nvidia' is already used"),
    (lambda d: d["companies"][0].update(x="left"), "companies[0].x: expected a number"),
    (lambda d: d["flows"][0].update(date="Sept 2025"), "flows[0].date: expected YYYY"),
    (lambda d: d["flows"][0].update(colour="red"), "flows[0].colour: unknown field"),
    (lambda d: d.update(version=99), "newer Roundtrip"),
    (lambda d: d.update(format="other"), "not a Roundtrip diagram"),
    (lambda d: d.pop("companies"), "companies: missing"),
])
def test_bad_documents_name_what_and_where(mutate, expected):
    data = _doc()
    mutate(data)
    with pytest.raises(FormatError) as info:
        native.from_dict(data)
    assert any(expected in p for p in info.value.problems), info.value.problems


@pytest.mark.parametrize("raw, expected", [
    (b"", "empty"),
    (b"   \n", "empty"),
    (b"\xff\xfe\x00garbage\x00", "not UTF-8"),
    (b'{"format": "roundtrip", "version": 1, "companies": [', "not valid JSON"),
    (b'{"format": "roundtrip", "version": 1, "companies": [], "flows": [{"amount": NaN}]}', "NaN"),
    (b"[" * 100000 + b"]" * 100000, "nested too deeply"),
    (b"[1, 2]", "expected a Roundtrip document"),
])
def test_unreadable_bytes_give_clear_messages(raw, expected):
    with pytest.raises(FormatError, match=expected):
        native.loads(raw)


def test_bom_is_accepted():
    text = native.dumps(seed_diagram())
    assert native.loads("\ufeff".encode() + text.encode()) == seed_diagram()


def test_many_problems_are_listed_with_a_cap():
    data = _doc()
    for f in data["flows"]:
        f["amount"] = "x"
    with pytest.raises(FormatError) as info:
        native.from_dict(data)
    assert len(info.value.problems) == 3
    assert "and 2 more" in str(info.value)


def test_save_is_atomic_and_keeps_permissions(tmp_path):
    path = tmp_path / "a.roundtrip"
    path.write_text("old")
    os.chmod(path, 0o640)
    native.save(seed_diagram(), path)
    assert oct(os.stat(path).st_mode & 0o777) == oct(0o640)
    assert [p.name for p in tmp_path.iterdir()] == ["a.roundtrip"]


def test_failed_save_leaves_old_file(tmp_path):
    from editor.io.atomic import SaveError

    path = tmp_path / "a.roundtrip"
    native.save(seed_diagram(), path)
    before = path.read_bytes()
    with pytest.raises(SaveError, match="does not exist"):
        native.save(seed_diagram(), tmp_path / "gone" / "a.roundtrip")
    if os.geteuid() != 0:  # root ignores folder permissions
        os.chmod(tmp_path, 0o500)
        try:
            with pytest.raises(SaveError):
                native.save(seed_diagram(), path)
        finally:
            os.chmod(tmp_path, 0o700)
    assert path.read_bytes() == before


def test_oversized_file_is_refused_before_parsing(tmp_path, monkeypatch):
    monkeypatch.setattr(native, "MAX_FILE_SIZE", 100)
    path = tmp_path / "big.roundtrip"
    path.write_text(native.dumps(seed_diagram()))
    with pytest.raises(FormatError, match="opens diagrams up to"):
        native.load(path)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(diagrams())
def test_fast_writer_matches_plain_indented_json(d):
    # dumps() uses json's C encoder with newline separators; the text must stay
    # exactly what json.dumps(indent=2) writes (whole numbers without ".0").
    plain = json.dumps(native._clean_floats(native.to_dict(d)), indent=2, ensure_ascii=False,
                       allow_nan=False) + "\n"
    assert native.dumps(d) == plain
