"""Property tests (hypothesis) for the readers and the CSV writers (issue 11).

Whatever bytes, encodings or YAML shapes come in, the facts reader and the
document reader give a correct result or one clean error, and no CSV cell
that a writer makes from any name is a formula to Excel. Each case runs
under a time limit of its own (``CASE_SECONDS``), so a hang fails the case
instead of stopping the suite. The examples are derandomized: CI sees the
same cases every run (raise ``QKG_HYPOTHESIS_EXAMPLES`` to look further).
"""
from __future__ import annotations

import contextlib
import csv
import faulthandler
import io
import json
import os
import re
import signal
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.analytics import analyse, analytics_files
from kg.errors import FactsError
from kg.factfile import read_facts_file
from kg.pipeline import build_graph
from kg.reader import SUPPORTED_SUFFIXES, UnreadableDocument, read_document
from kg.results import csv_text

from conftest import SMALL_FACTS

pytestmark = pytest.mark.faults

CASE_SECONDS = 10
EXAMPLES = int(os.environ.get("QKG_HYPOTHESIS_EXAMPLES", "200"))
PROPERTIES = settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                      suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


@contextlib.contextmanager
def time_limit(seconds: float = CASE_SECONDS):
    """Fail the case (TimeoutError) when it runs longer than ``seconds``.

    The alarm reaches Python code only; a case stuck in C code (expanding a
    nested structure in ``str()``) is stopped by faulthandler's watchdog,
    which prints where it was and ends the run, at three times the limit.
    """
    def expired(*_):
        raise TimeoutError(f"a case ran past {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    faulthandler.dump_traceback_later(3 * seconds, exit=True)
    try:
        yield
    finally:
        faulthandler.cancel_dump_traceback_later()
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _one_line(error: Exception) -> str:
    message = str(error)
    assert message and "\n" not in message.strip(), message
    return message


# -- the facts reader ---------------------------------------------------------

scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**12, 10**12), st.floats(allow_nan=True),
                    st.text(max_size=20), st.dates(), st.sampled_from(["2021", "City", "甲市", "", "~", "[0, 5]"]))
shapes = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=5), st.dictionaries(st.text(max_size=10) | st.sampled_from(
        ["name", "type", "aliases", "entities", "document", "conferrals", "id", "title", "evidence"]), inner,
        max_size=5)), max_leaves=30)


@st.composite
def shared_shapes(draw):
    """A shape whose parts repeat (PyYAML writes them as anchors and aliases), nested a few times."""
    part = draw(shapes)
    for _ in range(draw(st.integers(0, 6))):
        part = [part] * draw(st.integers(1, 9))
    return part


def _facts_with(section: str, value) -> str:
    data = yaml.safe_load(SMALL_FACTS)
    if section == "document":
        data["document"][sorted(data["document"])[0]] = value
    elif isinstance(data.get(section), list) and data[section]:
        data[section][0][sorted(data[section][0])[0]] = value
    else:
        data[section] = value
    return yaml.safe_dump(data, allow_unicode=True)


def _read_facts_text(tmp_path: Path, data: bytes):
    path = tmp_path / "case.yaml"
    path.write_bytes(data)
    with time_limit():
        try:
            facts = read_facts_file(path)
        except FactsError as error:
            assert str(path) in _one_line(error)
            return None
    assert facts.document.id and facts.document.title
    return facts


@PROPERTIES
@given(data=st.binary(max_size=3000))
def test_facts_reader_on_random_bytes(tmp_path, data):
    _read_facts_text(tmp_path, data)


@PROPERTIES
@given(text=st.text(max_size=500), encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16", "latin-1"]))
def test_facts_reader_on_random_text_in_any_encoding(tmp_path, text, encoding):
    try:
        data = (SMALL_FACTS + text).encode(encoding)
    except UnicodeEncodeError:
        data = (SMALL_FACTS + text).encode(encoding, errors="replace")
    _read_facts_text(tmp_path, data)


@PROPERTIES
@given(shape=shared_shapes(), section=st.sampled_from(["document", "entities", "conferrals", "positions",
                                                         "adoptions", "locations", "format", "extra"]))
def test_facts_reader_on_random_yaml_shapes(tmp_path, shape, section):
    _read_facts_text(tmp_path, _facts_with(section, shape).encode("utf-8"))


@PROPERTIES
@given(depth=st.integers(1, 12), width=st.integers(2, 12), where=st.sampled_from(["top", "aliases", "document"]))
def test_facts_reader_on_nested_aliases(tmp_path, depth, width, where):
    anchors = "".join(f"x{n}: &x{n} [{', '.join([f'*x{n - 1}'] * width)}]\n" for n in range(1, depth + 1))
    text = "x0: &x0 [lol]\n" + anchors if where == "top" else SMALL_FACTS.replace(
        "    aliases: [甲]\n", "    aliases: &x0 [甲]\n").replace(
        "conferrals:\n", "".join(f"  - name: 某{n}\n    type: Person\n    aliases: &x{n} [{', '.join([f'*x{n - 1}'] * width)}]\n"
                                 for n in range(1, depth + 1)) + "conferrals:\n") if where == "aliases" else \
        SMALL_FACTS.replace("  title: 测试文件甲\n", "  title: &x0 [测试]\n" + "".join(
            f"  t{n}: &x{n} [{', '.join([f'*x{n - 1}'] * width)}]\n" for n in range(1, depth + 1)))
    assert _read_facts_text(tmp_path, text.encode("utf-8")) is None


# -- the document reader ------------------------------------------------------

@PROPERTIES
@given(data=st.binary(max_size=3000), suffix=st.sampled_from(SUPPORTED_SUFFIXES))
def test_document_reader_on_random_bytes(tmp_path, data, suffix):
    _read_document_bytes(tmp_path / f"case{suffix}", data)


@PROPERTIES
@given(text=st.text(max_size=800), suffix=st.sampled_from(SUPPORTED_SUFFIXES),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "gbk", "big5", "utf-16", "latin-1"]),
       damage=st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), max_size=3))
def test_document_reader_on_random_text_in_any_encoding(tmp_path, text, suffix, encoding, damage):
    data = bytearray(text.encode(encoding, errors="replace"))
    for offset, byte in damage:
        if data:
            data[offset % len(data)] = byte
    document = _read_document_bytes(tmp_path / f"case{suffix}", bytes(data))
    if document is not None and not damage and encoding in ("utf-8", "utf-8-sig") and suffix not in (".html", ".htm"):
        assert document.text == text.removeprefix("\ufeff") or document.text == text  # read as written
        assert document.warnings == ()


@PROPERTIES
@given(depth=st.integers(1, 12), width=st.integers(2, 12),
       key=st.sampled_from(["title", "date", "publisher", "source", "url", "author", "published"]))
def test_document_reader_on_nested_front_matter_aliases(tmp_path, depth, width, key):
    anchors = "".join(f"x{n}: &x{n} [{', '.join([f'*x{n - 1}'] * width)}]\n" for n in range(1, depth + 1))
    text = f"---\nx0: &x0 [lol]\n{anchors}{key}: *x{depth}\n---\n# 甲市质量强市\n甲市推行首席质量官制度。\n"
    document = _read_document_bytes(tmp_path / "case.md", text.encode("utf-8"))
    assert document is not None and document.title == "甲市质量强市"  # the front matter's list is no metadata


@PROPERTIES
@given(fields=st.dictionaries(st.sampled_from(["title", "date", "publisher", "source", "url", "link", "author"])
                              | st.text(max_size=8), shared_shapes(), max_size=5))
def test_document_reader_on_random_front_matter(tmp_path, fields):
    text = "---\n" + yaml.safe_dump(fields, allow_unicode=True) + "---\n甲市推行首席质量官制度。\n"
    document = _read_document_bytes(tmp_path / "case.md", text.encode("utf-8"))
    assert document is not None
    for value in (document.title, document.date, document.publisher, document.url):
        assert value is None or isinstance(value, str)


def _read_document_bytes(path: Path, data: bytes):
    path.write_bytes(data)
    with time_limit():
        try:
            document = read_document(path)
        except UnreadableDocument as error:
            assert str(path) in _one_line(error)
            return None
    assert document.text.strip() and len(document.matchable) == len(document.text)
    assert document.id == read_document(path).id  # the same file, the same id
    for warning in document.warnings:
        assert str(path) in warning and "byte offset" in warning and "\n" not in warning
    return document


# -- the CSV writers ----------------------------------------------------------

names = st.one_of(st.text(max_size=30), st.builds(lambda start, rest: start + rest,
                                                  st.sampled_from([*FORMULA_STARTS, "'", '"', " "]),
                                                  st.text(max_size=30)))


def excel_cells(data: str) -> list[list[str]]:
    assert data.startswith("\ufeff")
    return list(csv.reader(io.StringIO(data[1:], newline="")))


def _assert_no_formulas(cells: list[list[str]]) -> None:
    for row in cells:
        for cell in row:
            assert not cell.startswith(FORMULA_STARTS) or _NUMBER.fullmatch(cell), repr(cell)


@PROPERTIES
@given(header=st.lists(names, min_size=1, max_size=4), rows=st.lists(st.lists(names, min_size=1, max_size=4),
                                                                    max_size=6))
def test_csv_text_keeps_every_value_and_runs_none(header, rows):
    with time_limit():
        written = excel_cells(csv_text(header, rows))
    _assert_no_formulas(written)
    assert len(written) == 1 + len(rows)
    for original, cells in zip([header, *rows], written):
        # Each value as it was, or after the apostrophe that makes it text.
        assert all(cell in (value, "'" + value) for cell, value in zip(cells, original)), (original, cells)


chinese_names = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs", "Cc", "Zl", "Zp"]),
                        min_size=1, max_size=12).filter(lambda n: n.strip() == n and n.strip())


@settings(PROPERTIES, max_examples=max(10, EXAMPLES // 6))
@given(firm=st.builds(lambda start, rest: start + rest, st.sampled_from([*FORMULA_STARTS[:4], ""]), chinese_names),
       person=st.builds(lambda start, rest: start + rest, st.sampled_from([*FORMULA_STARTS[:4], ""]), chinese_names))
def test_analytics_tables_of_any_names_run_nothing(tmp_path, firm, person):
    if firm == person:
        return
    text = re.sub(r"(?m)(: )丙科技股份有限公司$", lambda m: m.group(1) + json.dumps(firm, ensure_ascii=False), SMALL_FACTS)
    text = re.sub(r"(?m)(: )张三$", lambda m: m.group(1) + json.dumps(person, ensure_ascii=False), text)
    folder = tmp_path / "facts"
    folder.mkdir(exist_ok=True)
    (folder / "doc.yaml").write_text(text, encoding="utf-8")
    with time_limit(60):
        try:
            graph = build_graph([folder])
        except FactsError as error:  # a name the facts format refuses (e.g. one that clashes with an alias)
            _one_line(error)
            return
        files = analytics_files(analyse(graph.triples()))
    for name, content in files.items():
        if name.endswith(".csv"):
            _assert_no_formulas(excel_cells(content if isinstance(content, str) else content.decode("utf-8")))
