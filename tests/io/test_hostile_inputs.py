"""The second hostile corpus: FIFOs, devices, huge numbers, lone surrogates, links, size limits.

Each case reproduces a defect found by probing with inputs the project's own samples
do not contain; every reader gets the same treatment.
"""
from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest

from editor.io import edgelist, graphformats, native, recovery
from editor.io.atomic import SaveError, write_atomic
from editor.io.errors import InputError
from editor.io.native import FormatError
from editor.io.safe_read import read_limited
from tests.helpers import seed_diagram

READERS = {
    "native": native.load,
    "table": edgelist.load_table,
    "graph": graphformats.load_graph,
    "recovery": recovery.load_recovery,
}
SUFFIX = {"native": ".roundtrip", "table": ".csv", "graph": ".graphml", "recovery": ".roundtrip"}


def _doc(flows_amount: str = "1", name: str = '"A"') -> str:
    return ('{"format": "roundtrip", "version": 1, "companies": [{"id": "a", "name": ' + name + '}, '
            '{"id": "b", "name": "B"}], "flows": [{"id": "f", "source": "a", "target": "b", '
            '"type": "venture", "amount": ' + flows_amount + '}]}')


def _with_timeout(call, seconds: float = 10.0):
    """Run ``call`` in a thread; fail (instead of hanging the suite) when it blocks."""
    box: dict[str, object] = {}

    def run() -> None:
        try:
            box["value"] = call()
        except BaseException as e:  # noqa: BLE001 - handed back to the test
            box["error"] = e

    t = threading.Thread(target=run, daemon=True)
    t.start()
    t.join(seconds)
    assert not t.is_alive(), "the reader blocked"
    return box


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
@pytest.mark.parametrize("reader", sorted(READERS))
def test_a_fifo_is_refused_without_blocking(tmp_path, reader):
    fifo = tmp_path / f"pipe{SUFFIX[reader]}"
    os.mkfifo(fifo)
    box = _with_timeout(lambda: READERS[reader](fifo))
    assert isinstance(box.get("error"), InputError), box
    assert "named pipe" in str(box["error"])


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero here")
@pytest.mark.parametrize("reader", sorted(READERS))
def test_a_device_is_refused_before_reading(tmp_path, reader):
    link = tmp_path / f"zero{SUFFIX[reader]}"  # a name every reader accepts, /dev/zero behind it
    link.symlink_to(Path("/dev/zero"))
    box = _with_timeout(lambda: READERS[reader](link))
    assert isinstance(box.get("error"), InputError), box
    assert "device" in str(box["error"])


def test_never_reads_more_than_the_limit_plus_one(tmp_path, monkeypatch):
    path = tmp_path / "grows.bin"
    path.write_bytes(b"x" * 50)
    real_read = os.read
    asked: list[int] = []

    def counting_read(fd: int, n: int) -> bytes:
        asked.append(n)
        return real_read(fd, n)

    monkeypatch.setattr(os, "read", counting_read)
    # The size check passes (stat says 50 bytes), then the file is longer than the limit.
    monkeypatch.setattr("editor.io.safe_read.check_regular", lambda *a, **k: 0)
    with pytest.raises(InputError, match="larger than 10 bytes"):
        read_limited(path, 10)
    assert sum(asked) <= 11


def test_a_symlink_to_a_fifo_is_refused(tmp_path):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    link = tmp_path / "looks.roundtrip"
    link.symlink_to(fifo)
    box = _with_timeout(lambda: native.load(link))
    assert isinstance(box.get("error"), FormatError)


@pytest.mark.parametrize("digits", [25, 401, 5000, 50_000])
def test_a_huge_whole_number_is_too_large_with_its_place(tmp_path, digits):
    path = tmp_path / "huge.roundtrip"
    path.write_text(_doc("9" * digits))
    with pytest.raises(FormatError) as info:
        native.load(path)
    message = str(info.value)
    assert "flows[0].amount:" in message and "is too large" in message
    assert "sys.set_int_max_str_digits" not in message
    assert len(message) < 300


@pytest.mark.parametrize("where", ["valuation", "x"])
def test_huge_numbers_in_other_fields(tmp_path, where):
    doc = json.loads(_doc())
    doc["companies"][0][where] = 1
    text = json.dumps(doc).replace(f'"{where}": 1', f'"{where}": ' + "7" * 401)
    with pytest.raises(FormatError, match=rf"companies\[0\]\.{where}: .* is too large"):
        native.loads(text.encode())


@pytest.mark.parametrize("name", [r'"\ud800bad"', r'"ok\udfff"', r'"\udc00"'])
def test_a_lone_surrogate_is_refused_with_its_place(tmp_path, name):
    path = tmp_path / "s.roundtrip"
    path.write_text(_doc(name=name))
    with pytest.raises(FormatError, match=r"companies\[0\].*lone surrogate"):
        native.load(path)


def test_a_surrogate_pair_is_a_real_character(tmp_path):
    path = tmp_path / "emoji.roundtrip"
    path.write_text(_doc(name=r'"money \ud83d\udcb0"'))
    diagram = native.load(path)
    assert diagram.company("a").name == "money \U0001f4b0"
    native.save(diagram, path)  # and it writes back
    assert native.load(path).company("a").name == "money \U0001f4b0"


def test_save_refuses_what_open_would_refuse(tmp_path, monkeypatch):
    path = tmp_path / "big.roundtrip"
    native.save(seed_diagram(), path)
    before = path.read_bytes()
    monkeypatch.setattr(native, "MAX_FILE_SIZE", 200)
    with pytest.raises(SaveError, match="reads diagrams up to 200 bytes"):
        native.save(seed_diagram(), path)
    assert path.read_bytes() == before


def test_every_recovery_file_written_can_be_restored(tmp_path, monkeypatch):
    written = recovery.write_recovery(seed_diagram(), key="k", original_path=None, display_name="d",
                                      folder=tmp_path)
    assert recovery.load_recovery(written)[0].companies()
    monkeypatch.setattr(recovery, "MAX_RECOVERY_SIZE", 100)
    with pytest.raises(SaveError, match="up to 100 bytes"):
        recovery.write_recovery(seed_diagram(), key="k2", original_path=None, display_name="d",
                                folder=tmp_path)
    # A diagram the native reader refuses for size is still restorable from its recovery copy.
    monkeypatch.setattr(recovery, "MAX_RECOVERY_SIZE", 10**6)
    monkeypatch.setattr(native, "MAX_FILE_SIZE", 100)
    with pytest.raises(SaveError):
        native.save(seed_diagram(), tmp_path / "refused.roundtrip")
    kept = recovery.write_recovery(seed_diagram(), key="k3", original_path=None, display_name="d",
                                   folder=tmp_path)
    assert len(recovery.load_recovery(kept)[0].companies()) == len(seed_diagram().companies())


def test_saving_through_a_symlink_keeps_the_link(tmp_path):
    real = tmp_path / "real.roundtrip"
    native.save(seed_diagram(), real)
    link = tmp_path / "link.roundtrip"
    link.symlink_to(real)
    write_atomic(link, b"new content")
    assert link.is_symlink()
    assert real.read_bytes() == b"new content"


def test_saving_a_hard_linked_file_keeps_the_links(tmp_path):
    first = tmp_path / "one.roundtrip"
    first.write_bytes(b"old")
    second = tmp_path / "two.roundtrip"
    os.link(first, second)
    write_atomic(second, b"new content")
    assert first.read_bytes() == b"new content"
    assert os.stat(first).st_ino == os.stat(second).st_ino
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_tables_refuse_fifo_before_openpyxl(tmp_path):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    fifo = tmp_path / "pipe.xlsx"
    os.mkfifo(fifo)
    box = _with_timeout(lambda: edgelist.read_table(fifo))
    assert isinstance(box.get("error"), InputError), box
