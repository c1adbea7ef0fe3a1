"""The analysis worker: debounced, off the GUI thread, stale results discarded."""
from __future__ import annotations

import multiprocessing
import os
import pickle
import threading
import time
from types import SimpleNamespace

import pytest
from hypothesis import given, settings

from editor.background.analysis_worker import ROUND_TRIP_BUDGET, AnalysisWorker, PackedSnapshot
from editor.editing.document import Document
from editor.model import Company
from tests.helpers import seed_diagram
from tests.strategies import diagrams


class Recorder:
    """A fake analysis: records what it was given and on which thread; optionally slow."""

    def __init__(self, delay: float = 0.0, fail: bool = False) -> None:
        self.delay, self.fail = delay, fail
        self.calls: list[tuple[int, dict]] = []
        self.threads: set[int] = set()

    def __call__(self, snapshot, **options):
        self.calls.append((len(snapshot.companies), options))
        self.threads.add(threading.get_ident())
        time.sleep(self.delay)
        if self.fail:
            raise RuntimeError("boom")
        return ("companies", len(snapshot.companies))


@pytest.fixture
def doc(qapp):
    return Document(seed_diagram())


def test_quick_requests_are_debounced_into_one_run(qtbot, doc):
    fake = Recorder()
    worker = AnalysisWorker(doc.diagram.snapshot, fake, delay_ms=80)
    results = []
    worker.resultReady.connect(results.append)
    for _ in range(5):
        worker.schedule()
    qtbot.waitUntil(lambda: bool(results), timeout=3000)
    assert len(fake.calls) == 1
    assert results == [("companies", 3)]
    assert threading.get_ident() not in fake.threads  # never on the GUI thread
    assert not worker.is_busy()
    worker.shutdown()


def test_stale_result_is_discarded_and_only_the_latest_applies(qtbot, doc):
    fake = Recorder(delay=0.4)
    worker = AnalysisWorker(doc.diagram.snapshot, fake, delay_ms=10)
    results = []
    worker.resultReady.connect(results.append)
    busy = []
    worker.busyChanged.connect(busy.append)
    worker.schedule()
    qtbot.waitUntil(lambda: len(fake.calls) == 1, timeout=2000)  # the first run is going
    doc.add_company("Microsoft", 10, 10)
    worker.schedule()
    doc.add_company("AMD", 20, 20)
    worker.schedule()
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    qtbot.wait(100)
    assert results == [("companies", 5)]           # the analysis of the diagram as it is now
    assert [n for n, _ in fake.calls] == [3, 5]     # the middle request never ran on its own
    assert worker.discarded == 1
    assert busy == [True, False]                    # busy the whole time, once
    worker.shutdown()


def test_failure_is_reported_not_raised(qtbot, doc):
    worker = AnalysisWorker(doc.diagram.snapshot, Recorder(fail=True), delay_ms=10)
    with qtbot.waitSignal(worker.failed, timeout=3000) as sig:
        worker.schedule()
    assert "boom" in sig.args[0]
    assert not worker.is_busy()
    worker.shutdown()


def test_options_reach_the_analysis_and_a_vanished_company_is_dropped(qtbot, doc):
    fake = Recorder()
    worker = AnalysisWorker(doc.diagram.snapshot, fake, delay_ms=10)
    with qtbot.waitSignal(worker.resultReady, timeout=3000):
        worker.set_options(max_loops=7, through="nvidia")
    assert fake.calls[-1][1] == {"max_loops": 7, "max_length": 12, "through": "nvidia",
                                 "round_trip_budget": ROUND_TRIP_BUDGET}
    doc.remove(["nvidia"])
    with qtbot.waitSignal(worker.resultReady, timeout=3000):
        worker.schedule()
    assert fake.calls[-1][1]["through"] is None
    worker.shutdown()


def test_real_analysis_runs_in_the_worker(qtbot, doc):
    worker = AnalysisWorker(doc.diagram.snapshot, delay_ms=10)
    with qtbot.waitSignal(worker.resultReady, timeout=10000) as sig:
        worker.run_now()
    result = sig.args[0]
    assert [loop.company_names for loop in result.loops] == [("NVIDIA", "OpenAI", "Oracle")]
    assert result.loops[0].bottleneck == 40
    worker.shutdown()


def test_no_results_after_shutdown(qtbot, doc):
    fake = Recorder(delay=0.2)
    worker = AnalysisWorker(doc.diagram.snapshot, fake, delay_ms=0)
    results = []
    worker.resultReady.connect(results.append)
    worker.run_now()
    worker.shutdown()
    qtbot.wait(400)
    assert results == []
    worker.schedule()  # ignored once shut down
    assert not worker._timer.isActive()
    doc.diagram.add_company(Company("x", "X"))


# ------------------------------------------------------------ in a process
def slow_count(snapshot, **options):
    """A picklable analysis stand-in: slow, and says which process ran it."""
    time.sleep(0.3)
    return ("companies", len(snapshot.companies), os.getpid())


def dies_in_a_child(snapshot, **options):
    """Kills the analysis process it runs in; in the app's own process it answers."""
    if multiprocessing.parent_process() is not None:
        os._exit(3)
    return ("companies", len(snapshot.companies), os.getpid())


def budget_echo(snapshot, **options):
    return SimpleNamespace(round_trip_complete=options["round_trip_budget"] is None,
                           budget=options["round_trip_budget"])


def test_process_worker_runs_elsewhere_and_discards_stale_results(qtbot, doc):
    worker = AnalysisWorker(doc.diagram.snapshot, slow_count, delay_ms=10, use_process=True)
    results = []
    worker.resultReady.connect(results.append)
    worker.schedule()
    qtbot.waitUntil(lambda: worker._running is not None, timeout=3000)  # the first run is going
    doc.add_company("Microsoft", 10, 10)
    worker.schedule()
    doc.add_company("AMD", 20, 20)
    worker.schedule()
    qtbot.waitUntil(lambda: bool(results) and not worker.is_busy(), timeout=30000)
    qtbot.wait(100)
    assert [r[:2] for r in results] == [("companies", 5)]   # only the analysis of the diagram as it is now
    assert results[0][2] != os.getpid()                     # computed in the analysis process
    assert worker.discarded == 1 and worker.use_process
    worker.shutdown()


def test_real_analysis_in_the_process_gets_the_interactive_budget(qtbot, doc):
    worker = AnalysisWorker(doc.diagram.snapshot, delay_ms=10)
    assert worker.use_process  # the default: the app's analysis never shares the GIL with the GUI
    with qtbot.waitSignal(worker.resultReady, timeout=30000) as sig:
        worker.run_now()
    result = sig.args[0]
    assert [loop.company_names for loop in result.loops] == [("NVIDIA", "OpenAI", "Oracle")]
    assert result.round_trip_complete  # a small diagram is done well within the budget
    worker.shutdown()


def test_a_dead_analysis_process_is_reported_not_rerun_in_the_app(qtbot, doc):
    worker = AnalysisWorker(doc.diagram.snapshot, dies_in_a_child, delay_ms=10, use_process=True)
    results: list = []
    worker.resultReady.connect(results.append)
    with qtbot.waitSignal(worker.failed, timeout=30000) as sig:
        worker.run_now()
    assert "analysis process stopped" in sig.args[0] and "3 companies" in sig.args[0]
    qtbot.wait(200)
    assert results == []  # never run again inside the app's own process
    assert worker.use_process and not worker.is_busy()
    worker.shutdown()
    # the next worker gets a fresh analysis process
    other = AnalysisWorker(doc.diagram.snapshot, slow_count, delay_ms=10, use_process=True)
    with qtbot.waitSignal(other.resultReady, timeout=30000) as sig:
        other.run_now()
    assert sig.args[0][2] != os.getpid()
    other.shutdown()


def test_compute_all_drops_the_budget_until_a_complete_result_is_shown(qtbot, doc):
    worker = AnalysisWorker(doc.diagram.snapshot, budget_echo, delay_ms=10, round_trip_budget=0.25)
    with qtbot.waitSignal(worker.resultReady, timeout=3000) as sig:
        worker.run_now()
    assert sig.args[0].budget == 0.25 and not sig.args[0].round_trip_complete
    with qtbot.waitSignal(worker.resultReady, timeout=3000) as sig:
        worker.compute_all()
    assert sig.args[0].budget is None and sig.args[0].round_trip_complete
    with qtbot.waitSignal(worker.resultReady, timeout=3000) as sig:
        worker.schedule()                       # the next edit: interactive again
    assert sig.args[0].budget == 0.25
    worker.shutdown()


@settings(max_examples=40, deadline=None)
@given(diagrams())
def test_a_packed_snapshot_unpickles_as_the_same_snapshot(diagram):
    snapshot = diagram.snapshot()
    copy = pickle.loads(pickle.dumps(PackedSnapshot(snapshot), protocol=pickle.HIGHEST_PROTOCOL))
    assert copy == snapshot and type(copy) is type(snapshot)
    assert [type(f) for f in copy.flows] == [type(f) for f in snapshot.flows]
    assert [c.to_dict() for c in copy.companies] == [c.to_dict() for c in snapshot.companies]


def test_the_analysis_process_ends_when_the_app_is_killed(tmp_path):
    """A crashed or killed app leaves no analysis process behind."""
    import subprocess
    import sys
    from pathlib import Path

    script = tmp_path / "app.py"
    script.write_text(
        "import os, sys\n"
        "from editor.background import analysis_worker\n"
        "if __name__ == '__main__':\n"
        "    pool = analysis_worker.analysis_pool()\n"
        "    open(sys.argv[1], 'w').write(str(pool.submit(os.getpid).result(timeout=60)))\n"
        "    os._exit(9)  # no clean-up at all, as after a crash or a kill\n")
    pid_file = tmp_path / "pid"
    subprocess.run([sys.executable, str(script), str(pid_file)], check=False, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, timeout=90, cwd=str(Path(__file__).resolve().parents[2]))
    child = int(pid_file.read_text())
    for _ in range(50):
        try:
            os.kill(child, 0)
        except ProcessLookupError:
            return
        time.sleep(0.1)
    raise AssertionError(f"analysis process {child} still running 5 s after its app was killed")
