"""Every reader refuses bad input with InputError (what and where), or returns a valid diagram.

Readers: native ``.roundtrip`` (editor.io.native), CSV/XLSX tables
(editor.io.edgelist.load_table), GraphML/GEXF (editor.io.graphformats). The
only exception a reader may raise is an :class:`editor.io.errors.InputError`
subclass; no traceback, no half-loaded document. Hand-written hostile cases,
hypothesis fuzzing (random bytes, mutated valid files, random JSON values in a
valid structure) and a replay of ``tests/corpus/`` (inputs that once failed).
"""
from __future__ import annotations

import builtins
import io
import json
import os
import pathlib
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.io import edgelist, graphformats, native, tableexport, tables
from editor.io.errors import InputError
from editor.model import Diagram
from tests.conftest import long_mode
from tests.helpers import seed_diagram

CORPUS = Path(__file__).parents[1] / "corpus"
HUNDRED_MB = 100 * 1024 * 1024


# ------------------------------------------------------------------ readers
def read_native(path: Path) -> Diagram:
    return native.load(path)


def read_table(path: Path) -> Diagram:
    return edgelist.load_table(path)


def read_graph(path: Path) -> Diagram:
    return graphformats.load_graph(path)[0]


READERS = {".roundtrip": read_native, ".csv": read_table, ".tsv": read_table, ".xlsx": read_table,
           ".graphml": read_graph, ".gexf": read_graph}


def assert_valid(d: Diagram) -> None:
    """A whole, consistent diagram: the strict native validator accepts it unchanged."""
    assert isinstance(d, Diagram)
    assert native.loads(native.dumps(d)) == d
    ids = {c.id for c in d.companies()}
    assert set(d.graph.nodes) == ids
    assert all(f.source in ids and f.target in ids for f in d.flows())
    assert d.graph.number_of_edges() == len(d.flows())


def outcome(path: Path, reader=None) -> str:
    """Run the reader for ``path``; 'ok' (valid diagram) or 'refused' (InputError). Anything else fails."""
    reader = reader or READERS[path.suffix.lower()]
    try:
        d = reader(path)
    except InputError as e:
        message = str(e)
        assert message.strip() and "Traceback" not in message
        assert path.name in message, f"the message does not say which file: {message!r}"
        return "refused"
    assert_valid(d)
    return "ok"


def refused(path: Path) -> str:
    result = outcome(path)
    assert result == "refused", f"{path.name} was accepted"
    return result


# ----------------------------------------------------------- valid samples
def native_bytes() -> bytes:
    return native.dumps(seed_diagram()).encode("utf-8")


def csv_bytes() -> bytes:
    return tables.csv_bytes(*tableexport.flow_rows(seed_diagram()))


def xlsx_bytes() -> bytes:
    d = seed_diagram()
    sheets = [("flows", *tableexport.flow_rows(d)), ("companies", *tableexport.company_rows(d))]
    return tables.xlsx_bytes(sheets)[0]


def graphml_bytes() -> bytes:
    return graphformats.graphml_bytes(seed_diagram())[0]


def gexf_bytes() -> bytes:
    return graphformats.gexf_bytes(seed_diagram())[0]


VALID = {".roundtrip": native_bytes, ".csv": csv_bytes, ".xlsx": xlsx_bytes, ".graphml": graphml_bytes,
         ".gexf": gexf_bytes}


@pytest.mark.parametrize("ext", sorted(VALID))
def test_valid_samples_load(tmp_path, ext):
    p = tmp_path / f"sample{ext}"
    p.write_bytes(VALID[ext]())
    assert outcome(p) == "ok"


# ------------------------------------------------------- hand-written cases
GARBAGE = bytes(range(256)) * 8
NATIVE_CASES = {
    "empty": b"",
    "whitespace": b"  \n\t ",
    "garbage": GARBAGE,
    "truncated": native_bytes()[: len(native_bytes()) // 2],
    "not_an_object": b"[1, 2, 3]",
    "wrong_format": b'{"format": "excalidraw", "version": 1}',
    "unknown_version": native_bytes().replace(b'"version": 1', b'"version": 99'),
    "version_text": native_bytes().replace(b'"version": 1', b'"version": "1"'),
    "missing_flows": json.dumps({"format": "roundtrip", "version": 1, "companies": []}).encode(),
    "utf16": native_bytes().decode().encode("utf-16"),
    "latin1": native_bytes().replace(b"NVIDIA", "NVIDIÄ".encode("latin-1")),
    "nan": native_bytes().replace(b'"amount": 300', b'"amount": NaN'),
    "infinity": native_bytes().replace(b'"amount": 300', b'"amount": Infinity'),
    "huge_exponent": native_bytes().replace(b'"amount": 300', b'"amount": 1e400'),
    "huge_amount": native_bytes().replace(b'"amount": 300', b'"amount": 1e300'),
    "huge_int": native_bytes().replace(b'"amount": 300', b'"amount": ' + b"9" * 5000),
    "negative": native_bytes().replace(b'"amount": 300', b'"amount": -300'),
    "bool_amount": native_bytes().replace(b'"amount": 300', b'"amount": true'),
    "bad_date": native_bytes().replace(b'"date": "2025-05"', b'"date": "2025-13"'),
    "not_a_date": native_bytes().replace(b'"date": "2025-05"', b'"date": "last spring"'),
    "duplicate_id": native_bytes().replace(b'"id": "f2"', b'"id": "f1"'),
    "company_id_as_flow_id": native_bytes().replace(b'"id": "f2"', b'"id": "nvidia"'),
    "missing_company": native_bytes().replace(b'"target": "oracle"', b'"target": "ghost"'),
    "missing_type": native_bytes().replace(b'"type": "equity"', b'"type": "ghost"'),
    "id_number": native_bytes().replace(b'"id": "f2"', b'"id": 2'),
    "name_null": native_bytes().replace(b'"name": "Oracle"', b'"name": null'),
    "deep_nesting": (b'{"format": "roundtrip", "version": 1, "metadata": '
                     + b"[" * 100000 + b"]" * 100000 + b"}"),
    "deep_nesting_open": b"[" * 1_000_000,
    "duplicate_keys": b'{"format": "roundtrip", "format": "x", "version": 1, "companies": [], "flows": []}',
    "lone_surrogate": native_bytes().replace(b'"NVIDIA"', b'"\\ud800"'),
    "nul_in_text": native_bytes().replace(b'"NVIDIA"', b'"NV\\u0000IDIA"'),
}
NATIVE_ACCEPTED = {"utf8_bom": b"\xef\xbb\xbf" + native_bytes(), "lone_surrogate": None, "nul_in_text": None,
                   "huge_amount": None}


@pytest.mark.parametrize("name", sorted(NATIVE_CASES))
def test_native_hostile_cases(tmp_path, name):
    p = tmp_path / f"{name}.roundtrip"
    p.write_bytes(NATIVE_CASES[name])
    result = outcome(p)
    if name not in NATIVE_ACCEPTED:
        assert result == "refused"


def _native_result(raw: bytes):
    try:
        return "ok", native.loads(raw, "f.roundtrip").state()
    except native.FormatError as e:
        return "refused", e.problems


@pytest.mark.parametrize("name", sorted(NATIVE_CASES) + ["valid", "bom_twice", "null", "empty"])
def test_native_fast_parser_gives_what_the_json_module_gives(name, monkeypatch):
    """Files are parsed by orjson; every outcome, message included, must be the one of the
    json module (which parses again whatever orjson refuses). (Small files skip orjson: here
    every file goes through it first.)"""
    monkeypatch.setattr(native, "ORJSON_FROM_BYTES", 0)
    raw = {"valid": native_bytes(), "bom_twice": b"\xef\xbb\xbf" * 2 + native_bytes(), "null": b"null",
           "empty": b""}.get(name) or NATIVE_CASES[name]
    fast = _native_result(raw)
    monkeypatch.setattr(native, "_fast_parse", lambda raw: native._UNPARSED)  # the json module only
    assert fast == _native_result(raw)


def test_native_bom_is_accepted(tmp_path):
    p = tmp_path / "bom.roundtrip"
    p.write_bytes(b"\xef\xbb\xbf" + native_bytes())
    assert outcome(p) == "ok" and native.load(p) == seed_diagram()


def test_native_messages_say_where(tmp_path):
    p = tmp_path / "m.roundtrip"
    p.write_bytes(NATIVE_CASES["missing_company"])
    with pytest.raises(native.FormatError, match=r"flows\[1\]\.target: 'ghost' is not a company"):
        native.load(p)
    p.write_bytes(NATIVE_CASES["truncated"])
    with pytest.raises(native.FormatError, match=r"line \d+, column \d+"):
        native.load(p)


CSV_CASES = {
    "empty": b"",
    "garbage": GARBAGE,
    "header_only": b"source,target,amount\n",
    "no_target_column": b"source,amount\nA,3\n",
    "negative": b"source,target,amount\nA,B,-3\n",
    "nan": b"source,target,amount\nA,B,nan\n",
    "inf": b"source,target,amount\nA,B,inf\n",
    "huge": b"source,target,amount\nA,B,1e400\n",
    "words": b"source,target,amount\nA,B,lots\n",
    "bad_date": b"source,target,date\nA,B,2025-02-30\n",
    "missing_source": b"source,target\n,B\n",
    "bad_quote": b'source,target\n"A,B\n',
    "nul": b"source,target\nA\x00,B\n",
    "zip_as_csv": xlsx_bytes(),
    "duplicate_header": b"source,target,source\nA,B,C\n",
}
CSV_OK = {"bom": b"\xef\xbb\xbfsource,target,amount\nA,B,3\n",
          "cp1252": "source,target\nNestlé,Bär\n".encode("cp1252"),
          "utf16": "source,target\nA,B\n".encode("utf-16")}


@pytest.mark.parametrize("name", sorted(CSV_CASES))
def test_csv_hostile_cases(tmp_path, name):
    p = tmp_path / f"{name}.csv"
    p.write_bytes(CSV_CASES[name])
    outcome(p)  # refused, or a valid diagram (e.g. a lenient date): never anything else
    if name in ("empty", "garbage", "no_target_column", "words", "zip_as_csv", "nan", "inf",
                "negative", "bad_quote"):
        assert outcome(p) == "refused"


@pytest.mark.parametrize("name", sorted(CSV_OK))
def test_csv_encodings_are_read(tmp_path, name):
    p = tmp_path / f"{name}.csv"
    p.write_bytes(CSV_OK[name])
    assert outcome(p) == "ok"


def _workbook(build) -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    build(wb.active)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _merged(ws):
    ws.append(["source", "target", "amount"])
    ws.append(["A", "B", 3])
    ws.append([None, "C", 4])
    ws.merge_cells("A2:A3")


def _formula(ws):
    ws.append(["source", "target", "amount"])
    ws.append(["A", "B", "=1+2"])  # no cached result: openpyxl does not compute formulas


def _types(ws):
    ws.append(["source", "target", "amount", "date"])
    ws.append([3.5, True, "lots", "yesterday"])


@pytest.mark.parametrize("name, build", [("merged", _merged), ("formula", _formula), ("types", _types)])
def test_xlsx_hostile_cases(tmp_path, name, build):
    p = tmp_path / f"{name}.xlsx"
    p.write_bytes(_workbook(build))
    result = outcome(p)
    if name == "merged":
        assert result == "ok" and len(edgelist.load_table(p).flows()) == 2  # merged source fills both rows
    else:
        assert result == "refused"


@pytest.mark.parametrize("content", [b"", GARBAGE, b"PK\x03\x04" + GARBAGE, xlsx_bytes()[:500]])
def test_xlsx_damaged(tmp_path, content):
    p = tmp_path / "damaged.xlsx"
    p.write_bytes(content)
    refused(p)


LAUGHS = (b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
          + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
                     for i in range(1, 10))
          + b']>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="directed">'
          + b'<node id="a"><data key="label">&lol9;</data></node></graph></graphml>')
EXTERNAL = (b'<?xml version="1.0"?><!DOCTYPE g [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            b'<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
            b'<graph><node id="&x;"/></graph></graphml>')
GRAPH_CASES = {
    "empty": b"",
    "garbage": GARBAGE,
    "billion_laughs": LAUGHS,
    "external_entity": EXTERNAL,
    "external_dtd": b'<?xml version="1.0"?><!DOCTYPE graphml SYSTEM "http://example.com/x.dtd"><graphml/>',
    "deep_nesting": b"<graphml>" + b"<a>" * 50000 + b"</a>" * 50000 + b"</graphml>",
    "truncated": graphml_bytes()[: len(graphml_bytes()) // 2],
    "not_graph": b"<html><body>hi</body></html>",
    "edge_to_missing_node": (b'<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
                             b'<graph edgedefault="directed">'
                             b'<node id="a"/><edge source="a" target="ghost"/></graph></graphml>'),
    "nan_weight": (b'<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><key id="w" for="edge" '
                   b'attr.name="weight" attr.type="double"/><graph edgedefault="directed"><node id="a"/>'
                   b'<node id="b"/><edge source="a" target="b"><data key="w">NaN</data></edge></graph>'
                   b'</graphml>'),
    "negative_weight": (b'<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><key id="w" for="edge" '
                        b'attr.name="weight" attr.type="double"/><graph edgedefault="directed"><node id="a"/>'
                        b'<node id="b"/><edge source="a" target="b"><data key="w">-5</data></edge></graph>'
                        b'</graphml>'),
    "duplicate_nodes": (b'<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
                        b'<graph edgedefault="directed">'
                        b'<node id="a"/><node id="a"/></graph></graphml>'),
}
GRAPH_MUST_REFUSE = {"empty", "garbage", "billion_laughs", "external_entity", "external_dtd", "deep_nesting",
                     "truncated", "not_graph"}


@pytest.mark.parametrize("ext", [".graphml", ".gexf"])
@pytest.mark.parametrize("name", sorted(GRAPH_CASES))
def test_graph_hostile_cases(tmp_path, name, ext):
    p = tmp_path / f"{name}{ext}"
    p.write_bytes(GRAPH_CASES[name])
    result = outcome(p)
    if name in GRAPH_MUST_REFUSE:
        assert result == "refused"


# ------------------------------------------------------- 100 MB: refused unread
@pytest.mark.parametrize("ext", sorted(READERS))
def test_100_mb_file_is_refused_without_reading_it(tmp_path, monkeypatch, ext):
    p = tmp_path / f"huge{ext}"
    with open(p, "wb") as fh:
        fh.truncate(HUNDRED_MB)  # sparse: no disk used
    reads = []
    real_open, real_read_bytes = builtins.open, pathlib.Path.read_bytes

    def spy_open(file, *a, **k):
        if str(file) == str(p):
            reads.append("open")
        return real_open(file, *a, **k)

    def spy_read_bytes(self):
        if str(self) == str(p):
            reads.append("read_bytes")
        return real_read_bytes(self)

    monkeypatch.setattr(builtins, "open", spy_open)
    monkeypatch.setattr(io, "open", spy_open)
    monkeypatch.setattr(pathlib.Path, "read_bytes", spy_read_bytes)
    refused(p)
    assert reads == [], f"the reader opened the 100 MB file: {reads}"
    with pytest.raises(InputError, match="MB"):
        READERS[ext](p)


# ---------------------------------------------------------------- fuzzing
FUZZ = settings(max_examples=2000 if long_mode() else 60, deadline=None, derandomize=not long_mode(),
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
FUZZ_SLOW = settings(FUZZ, max_examples=400 if long_mode() else 15)


@st.composite
def mutated(draw, original: bytes):
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 8))):
        op = draw(st.sampled_from(["flip", "insert", "delete", "cut"]))
        pos = draw(st.integers(0, max(len(data) - 1, 0)))
        if op == "flip" and data:
            data[pos] ^= 1 << draw(st.integers(0, 7))
        elif op == "insert":
            data[pos:pos] = draw(st.binary(min_size=1, max_size=8))
        elif op == "delete" and data:
            del data[pos:pos + draw(st.integers(1, 16))]
        elif op == "cut":
            del data[pos:]
    return bytes(data)


def _write_and_check(folder: Path, ext: str, data: bytes) -> None:
    p = folder / f"fuzz{ext}"
    p.write_bytes(data)
    try:
        outcome(p)
    except BaseException:
        _save_failure(ext, data)
        raise


def _save_failure(ext: str, data: bytes) -> None:
    """Keep a failing input for the corpus (when ROUNDTRIP_SAVE_CORPUS is set)."""
    if os.environ.get("ROUNDTRIP_SAVE_CORPUS"):
        import hashlib

        folder = CORPUS / ext.lstrip(".")
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{hashlib.sha1(data).hexdigest()[:12]}{ext}").write_bytes(data)


@pytest.fixture(scope="module")
def fuzz_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("fuzz")


@FUZZ
@given(data=st.binary(max_size=2000))
def test_fuzz_native_random_bytes(fuzz_dir, data):
    _write_and_check(fuzz_dir, ".roundtrip", data)


@FUZZ
@given(data=mutated(native_bytes()))
def test_fuzz_native_mutated(fuzz_dir, data):
    _write_and_check(fuzz_dir, ".roundtrip", data)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8)


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _paths(v, prefix + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _paths(v, prefix + (i,))


@FUZZ
@given(data=st.data())
def test_fuzz_native_random_values_in_valid_structure(fuzz_dir, data):
    doc = native.to_dict(seed_diagram())
    for _ in range(data.draw(st.integers(1, 3))):
        where = data.draw(st.sampled_from([p for p in _paths(doc) if p]))
        parent = doc
        for key in where[:-1]:
            parent = parent[key]
        action = data.draw(st.sampled_from(["set", "delete"]))
        if action == "delete" and isinstance(parent, dict):
            del parent[where[-1]]
        else:
            parent[where[-1]] = data.draw(json_values)
    _write_and_check(fuzz_dir, ".roundtrip", json.dumps(doc).encode())


@FUZZ
@given(data=st.one_of(st.binary(max_size=500), mutated(csv_bytes()),
                      st.text(st.characters(blacklist_categories=("Cs",)), max_size=300).map(
                          lambda t: ("source,target,amount,date\n" + t).encode())))
def test_fuzz_csv(fuzz_dir, data):
    _write_and_check(fuzz_dir, ".csv", data)


@FUZZ_SLOW
@given(data=mutated(xlsx_bytes()))
def test_fuzz_xlsx_mutated(fuzz_dir, data):
    _write_and_check(fuzz_dir, ".xlsx", data)


@FUZZ
@given(data=st.one_of(st.binary(max_size=500), mutated(graphml_bytes())))
def test_fuzz_graphml(fuzz_dir, data):
    _write_and_check(fuzz_dir, ".graphml", data)


@FUZZ
@given(data=st.one_of(st.binary(max_size=500), mutated(gexf_bytes())))
def test_fuzz_gexf(fuzz_dir, data):
    _write_and_check(fuzz_dir, ".gexf", data)


# ------------------------------------------------------------- the corpus
def corpus_files() -> list[Path]:
    return sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.suffix.lower() in READERS)


def test_corpus_is_not_empty():
    assert corpus_files(), "tests/corpus/ holds the inputs that once broke a reader"


@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_corpus_replay(tmp_path, path):
    copy = tmp_path / path.name  # read a copy: some readers look for sibling files
    copy.write_bytes(path.read_bytes())
    outcome(copy)


# ------------------------------------------------------ no code from a file
def test_no_reader_runs_code_from_a_file():
    """No pickle, eval, exec or unsafe YAML anywhere in the program."""
    pattern = re.compile(r"\b(import pickle|from pickle|pickle\.loads?|cPickle|marshal\.loads?|shelve|"
                         r"(?<![\w.])eval\(|(?<![\w.])exec\(|yaml\.load\(|yaml\.unsafe_load|"
                         r"__import__\()")
    # The analysis worker talks to its own child process through multiprocessing, which
    # pickles; it may import pickle for that (dumps, PicklingError) but never loads
    # anything itself, and nothing read from a file ever reaches it.
    ipc_only = {"analysis_worker.py": {"import pickle"}}
    hits = []
    for path in (Path(__file__).parents[2] / "editor").rglob("*.py"):
        for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            code = line.split("#", 1)[0]
            m = pattern.search(code)
            if m and m.group(1) not in ipc_only.get(path.name, ()):
                hits.append(f"{path.name}:{n}: {line.strip()}")
    assert hits == []


def test_native_small_files_skip_orjson_and_large_ones_use_it(monkeypatch):
    used = []
    real = native._fast_parse

    def spy(raw):
        result = real(raw)
        used.append(result is not native._UNPARSED)
        return result

    monkeypatch.setattr(native, "_fast_parse", spy)
    raw = native_bytes()
    small = native.loads(raw, "f.roundtrip")
    monkeypatch.setattr(native, "ORJSON_FROM_BYTES", len(raw))
    large = native.loads(raw, "f.roundtrip")
    assert used == [False, True] and small == large
