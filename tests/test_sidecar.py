"""The build's side process: the same results forked or inline, failures that come back whole,
and a build whose side steps fail leaves the exports untouched."""
from __future__ import annotations

import os
import time

import pytest

import kg.pipeline as pipeline
from kg.errors import DataNotFound, GraphInvalid, QkgError
from kg.sidecar import Sidecar, SidecarError, fork_available
from kg.validate import Violation

needs_fork = pytest.mark.skipif(not fork_available(), reason="this platform has no safe fork")
MODES = [pytest.param(True, marks=needs_fork, id="forked"), pytest.param(False, id="inline")]


class Unpicklable(Exception):
    def __init__(self, handle, text):
        super().__init__(text)
        self.handle = handle  # a lambda: pickle refuses it

    def __reduce__(self):
        raise TypeError("not picklable")


def _raise(exc):
    raise exc


@pytest.mark.parametrize("fork", MODES)
def test_results_come_back_by_name_and_in_any_order_of_asking(fork):
    values = {"a": [1, 2], "b": {"x": "质量"}}
    with Sidecar([(name, lambda v=v: v) for name, v in values.items()], fork=fork) as side:
        assert side.forked is fork
        assert side.result("b") == {"x": "质量"}
        assert side.result("a") == [1, 2]
        assert side.result("a") == [1, 2]  # asked twice, answered twice
        with pytest.raises(KeyError):
            side.result("c")


@pytest.mark.parametrize("fork", MODES)
def test_a_failing_step_raises_its_own_error_and_later_steps_do_not_answer(fork):
    steps = [("first", lambda: _raise(DataNotFound("no such thing"))), ("second", lambda: "late")]
    with Sidecar(steps, fork=fork) as side:
        with pytest.raises(DataNotFound, match="no such thing"):
            side.result("first")
        if fork:  # the child stops at the first failure
            with pytest.raises(SidecarError, match="after step first failed"):
                side.result("second")


@needs_fork
def test_the_child_sees_the_parents_memory_without_pickling_it():
    shared = {"payload": lambda: "a lambda cannot be pickled"}  # the step closes over it
    with Sidecar([("read", lambda: shared["payload"]())], fork=True) as side:
        assert side.result("read") == "a lambda cannot be pickled"


@needs_fork
def test_an_error_that_cannot_travel_becomes_a_one_line_sidecar_error():
    with Sidecar([("odd", lambda: _raise(Unpicklable(lambda: None, "odd failure")))], fork=True) as side:
        with pytest.raises(SidecarError, match="Unpicklable: odd failure"):
            side.result("odd")


@needs_fork
def test_a_child_that_dies_gives_an_error_not_a_hang():
    with Sidecar([("die", lambda: os._exit(3))], fork=True) as side:
        with pytest.raises(SidecarError, match="exit code 3"):
            side.result("die")


@needs_fork
def test_leaving_stops_a_child_still_at_work():
    side = Sidecar([("slow", lambda: time.sleep(600))], fork=True)
    process = side._process
    side.close()
    assert not process.is_alive()


# The build with its side steps.

def _snapshot(folder):
    return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@needs_fork
def test_forked_and_inline_builds_write_the_same_bytes(small_facts, tmp_path):
    pipeline.build_exports([small_facts], tmp_path / "forked", fork=True)
    pipeline.build_exports([small_facts], tmp_path / "inline", fork=False)
    forked, inline = _snapshot(tmp_path / "forked"), _snapshot(tmp_path / "inline")
    assert "graph.html" in {str(p) for p in forked}
    assert forked == inline


@pytest.mark.parametrize("fork", MODES)
def test_shape_violations_found_beside_the_exports_stop_the_build(small_facts, tmp_path, monkeypatch, fork):
    out = tmp_path / "out"
    pipeline.build_exports([small_facts], out, fork=fork)
    before = _snapshot(out)
    broken = Violation(focus="某公司", path="qgov:year", value='"19"', message="not a year", severity="Violation")
    monkeypatch.setattr(pipeline, "shape_violations", lambda graph: [broken])
    with pytest.raises(GraphInvalid) as raised:
        pipeline.build_exports([small_facts], out, fork=fork)
    assert raised.value.violations == [broken]
    assert _snapshot(out) == before
    assert not [p for p in out.iterdir() if p.name.startswith(".qkg-staging")]


@pytest.mark.parametrize("fork", MODES)
def test_a_page_that_fails_in_the_side_process_leaves_the_exports_untouched(small_facts, tmp_path, monkeypatch,
                                                                             fork):
    out = tmp_path / "out"
    pipeline.build_exports([small_facts], out, fork=fork)
    before = _snapshot(out)

    def failing_page(graph, staged):
        staged.write_bytes("graph.html", b"half a page")
        raise QkgError("the page could not be laid out")

    monkeypatch.setattr(pipeline, "_stage_page_files", failing_page)
    with pytest.raises(QkgError, match="could not be laid out"):
        pipeline.build_exports([small_facts], out, fork=fork)
    assert _snapshot(out) == before
