"""The analysis worker: debounced, off the GUI thread, stale results discarded."""
from __future__ import annotations

import threading
import time

import pytest

from editor.analysis_worker import AnalysisWorker
from editor.document import Document
from editor.model import Company
from tests.helpers import seed_diagram


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
    assert fake.calls[-1][1] == {"max_loops": 7, "max_length": 12, "through": "nvidia"}
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
