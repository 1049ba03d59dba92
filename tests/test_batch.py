"""The batch runner: every file accounted for, in order, on one or many processes."""
from __future__ import annotations

import re

import functools
import importlib.util
import os
import threading
from pathlib import Path

import pytest

from kg.batch import Processed, Skipped, Tally, extract_many
from kg.reader import find_documents, read_document

DOCS = Path(__file__).resolve().parent / "fixtures" / "docs"
BAD = {"empty.txt": "empty file", "blank.md": "empty file", "binary.txt": "binary file",
       "undecodable.txt": "cannot decode as UTF-8 or GB18030"}


def length_of_text(path: Path) -> tuple[int, int]:
    """A worker: read the document, return its length and the worker's process id."""
    return len(read_document(path).text), os.getpid()


def fail_on_profiles(path: Path) -> str:
    if path.name == "profile.md":
        raise RuntimeError("boom\non two lines")
    return path.name


def unpicklable_result(path: Path):
    return threading.Lock()


def remember_initialised(marker: str) -> None:
    os.environ["QKG_TEST_INITIALISED"] = marker


def report_initialised(path: Path) -> str:
    return os.environ.get("QKG_TEST_INITIALISED", "")


@pytest.fixture(scope="module")
def documents() -> list[Path]:
    return find_documents([DOCS])


@pytest.mark.parametrize("jobs", [1, 2])
def test_every_file_comes_back_once_in_input_order(documents, jobs):
    outcomes = list(extract_many(documents, length_of_text, jobs=jobs, progress=False))
    assert [outcome.path for outcome in outcomes] == documents
    skipped = {o.path.name: o.reason for o in outcomes if isinstance(o, Skipped)}
    assert skipped == BAD
    for outcome in outcomes:
        if isinstance(outcome, Processed):
            assert outcome.result[0] == len(read_document(outcome.path).text)


def test_several_processes_are_used(documents):
    outcomes = list(extract_many(documents * 4, length_of_text, jobs=2, progress=False))
    pids = {o.result[1] for o in outcomes if isinstance(o, Processed)}
    assert os.getpid() not in pids
    assert len(outcomes) == 4 * len(documents)


def test_one_job_runs_in_this_process(documents):
    outcomes = list(extract_many(documents, length_of_text, jobs=1, progress=False))
    assert {o.result[1] for o in outcomes if isinstance(o, Processed)} == {os.getpid()}


@pytest.mark.parametrize("jobs", [1, 2])
def test_unexpected_errors_become_one_line_skips(documents, jobs):
    outcomes = list(extract_many(documents, fail_on_profiles, jobs=jobs, progress=False))
    failed = [o for o in outcomes if isinstance(o, Skipped)]
    assert [o.path.name for o in failed] == ["profile.md"]
    assert failed[0].reason == "unexpected error: RuntimeError: boom on two lines"


def test_unpicklable_result_skips_the_file_not_the_run(documents):
    outcomes = list(extract_many(documents[:3], unpicklable_result, jobs=2, progress=False))
    assert len(outcomes) == 3
    assert all(isinstance(o, Skipped) and o.reason.startswith("result cannot be pickled") for o in outcomes)


def test_missing_file_is_skipped_with_reason(tmp_path):
    outcomes = list(extract_many([tmp_path / "gone.txt"], length_of_text, jobs=1, progress=False))
    assert outcomes == [Skipped(tmp_path / "gone.txt", "no such file or directory")]


@pytest.mark.parametrize("jobs", [1, 2])
def test_initializer_runs_in_the_workers(documents, jobs, monkeypatch):
    monkeypatch.setenv("QKG_TEST_INITIALISED", "")  # restored after the test
    worker = functools.partial(report_initialised)
    outcomes = list(extract_many(documents[:4], worker, jobs=jobs, progress=False,
                                 initializer=remember_initialised, initargs=("yes",)))
    assert [o.result for o in outcomes] == ["yes"] * 4


def test_progress_bar_goes_to_stderr(documents, capsys):
    list(extract_many(documents, length_of_text, jobs=1, progress=True))
    captured = capsys.readouterr()
    assert captured.out == ""
    assert re.search(r"100%.* [\d.]+k/[\d.]+k .*B/s", captured.err), captured.err  # bytes: "4.43k/4.43k … kB/s"


def test_no_files_is_an_empty_run():
    assert list(extract_many([], length_of_text, progress=False)) == []


def test_tally_summarises_reasons(documents):
    tally = Tally()
    for outcome in extract_many(documents, length_of_text, jobs=2, progress=False):
        tally.add(outcome)
    readable = len(documents) - len(BAD)
    assert tally.summary() == (
        f"{len(documents)} files: {readable} read, 4 skipped "
        "(2 empty file; 1 binary file; 1 cannot decode as UTF-8 or GB18030)"
    )


def encoding_of(path: Path) -> str:
    return read_document(path).encoding


def test_synthetic_corpus_is_read_whole(tmp_path):
    """bench/make_corpus.py writes mixed styles and encodings; every file comes back, the bad ones skipped."""
    script = Path(__file__).resolve().parents[1] / "bench" / "make_corpus.py"
    spec = importlib.util.spec_from_file_location("make_corpus", script)
    make_corpus = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_corpus)
    counts = make_corpus.write_corpus(tmp_path / "corpus", megabytes=0.3, seed=1, bad=3)
    files = find_documents([tmp_path / "corpus"])
    assert len(files) == sum(count for style, count in counts.items() if style != "bytes")
    tally = Tally()
    encodings = set()
    for outcome in extract_many(files, encoding_of, jobs=2, progress=False):
        tally.add(outcome)
        if isinstance(outcome, Processed):
            encodings.add(outcome.result)
    assert len(tally.skipped) == 3 and tally.processed == len(files) - 3
    assert encodings == {"utf-8", "utf-8-sig", "gb18030"}
    assert {path.suffix for path in files} == {".txt", ".md", ".html"}
