"""Tables that fit the terminal, --columns, complete piped output, and Excel workbooks (issue 12, items 2 and 7)."""
from __future__ import annotations

import io

import openpyxl
import pytest
from rich.cells import cell_len

from kg import cli as cli_module
from kg.present import present
from kg.queries import run_query, saved_queries
from kg.results import term_text
from kg.store import memory_store
from kg.tables import render_table

import pyoxigraph as ox

PARAMETERS = {"award-history": {"name": "上上电缆"}, "entity-sources": {"name": "星宇"}}


@pytest.fixture(scope="module")
def answers(default_graph):
    store = memory_store(default_graph.read_bytes(), ox.RdfFormat.TURTLE)
    return {q.name: run_query(store, q, PARAMETERS.get(q.name, {})) for q in saved_queries()}


@pytest.fixture
def run(qkg, default_graph):
    return lambda *args: qkg("--lang", "en", *args, "--data", default_graph)


@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_saved_query_fits_the_terminal(answers, width, lang):
    for name, answer in answers.items():
        shown = present(answer, lang)
        lines = render_table(shown, lang, width).splitlines()
        assert max(cell_len(line) for line in lines) <= width, name
        # Every column keeps its place: each header shows at least its first character.
        assert all(header[0] in lines[0] for header in shown.headers), name


def test_the_widest_answer_was_wider_than_any_terminal(answers):
    complete = render_table(present(answers["awards-by-city-level-year"]))
    assert max(cell_len(line) for line in complete.splitlines()) > 300  # what a pipe still gets in full


def test_piped_output_is_complete(run, answers):
    result = run("query", "awards-by-city-level-year")
    assert result.exit_code == 0
    answer = answers["awards-by-city-level-year"]
    for row in answer.rows:
        for recipient in term_text(row[answer.variables.index("recipients")]).split("、"):
            assert recipient in result.output  # never shortened with …
    assert "…" not in result.output
    assert result.output.splitlines()[-1] == f"({len(answer.rows)} rows)"


def test_on_a_terminal_the_table_fits_its_width(run, monkeypatch, answers):
    monkeypatch.setattr(cli_module, "_terminal_width", lambda: 100)
    result = run("query", "awards-by-city-level-year")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert max(cell_len(line) for line in lines) <= 100 and "…" in result.output
    assert lines[-1] == f"({len(answers['awards-by-city-level-year'].rows)} rows)"


def test_columns_choose_and_order_the_columns(run):
    result = run("query", "repeat-winners", "--columns", "awards,recipient", "--format", "csv")
    assert result.exit_code == 0
    assert result.output.splitlines()[0] == "\ufeffawards,recipient"
    chinese = run("query", "repeat-winners", "--columns", "获奖者,获奖次数", "--lang", "zh")
    assert chinese.output.splitlines()[0].split() == ["获奖者", "获奖次数"]
    unknown = run("query", "repeat-winners", "--columns", "colour")
    assert unknown.exit_code == 1
    assert unknown.output.startswith("Error: unknown column 'colour' (columns: recipient, recipient_type, ")


def test_xlsx_has_typed_cells_a_header_and_frozen_panes(run, tmp_path):
    out = tmp_path / "history.xlsx"
    result = run("query", "award-history", "-p", "name=上上电缆", "--format", "xlsx", "--out", str(out))
    assert result.exit_code == 0 and result.output == ""
    sheet = openpyxl.load_workbook(out).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("entity", "year", "award", "level", "nomination_for", "documents")
    assert ("江苏上上电缆集团有限公司", 2013, "江苏省省长质量奖提名奖", "provincial", "江苏省省长质量奖", 1) in rows
    assert all(isinstance(row[1], int) for row in rows[1:] if row[1] is not None)  # years as numbers
    assert sheet.freeze_panes == "A2" and sheet["A1"].font.bold
    assert sheet.column_dimensions["A"].width >= 24 + 2  # the widest name, at two columns a character
    assert sheet.column_dimensions["B"].width < 10


def test_xlsx_in_chinese_and_to_a_pipe(run):
    result = run("query", "repeat-winners", "--format", "xlsx", "--lang", "zh")
    assert result.exit_code == 0
    sheet = openpyxl.load_workbook(io.BytesIO(result.stdout_bytes)).active
    assert [c.value for c in sheet[1]][:3] == ["获奖者", "获奖者类型", "获奖次数"]
    assert sheet["B2"].value == "企业" and isinstance(sheet["C2"].value, int)


def test_xlsx_neutralises_formulas(run, write_facts, tmp_path):
    from kg.present import Shown
    from kg.workbook import workbook_bytes
    data = workbook_bytes(Shown(["a"], ["a"], [["=HYPERLINK(\"http://x\")"], ["-1"], ["ok\x01"]]))
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    assert [sheet[f"A{i}"].value for i in (2, 3, 4)] == ["'=HYPERLINK(\"http://x\")", "'-1", "ok"]
    assert sheet["A2"].data_type == "s"


def test_xlsx_to_a_terminal_is_refused_and_an_unwritable_out_is_one_line(run, monkeypatch, tmp_path):
    monkeypatch.setattr(cli_module, "_terminal_width", lambda: 100)
    refused = run("query", "repeat-winners", "--format", "xlsx")
    assert refused.exit_code == 2 and "give --out FILE" in refused.output
    missing = tmp_path / "no-such-folder" / "a.xlsx"
    failed = run("query", "repeat-winners", "--format", "xlsx", "--out", str(missing))
    assert failed.exit_code == 1
    assert failed.output == f"Error: {missing}: cannot write: No such file or directory\n"
    assert not missing.parent.exists()


def test_analytics_as_one_workbook(qkg, default_graph, tmp_path):
    result = qkg("analyze", "--data", default_graph, "--out", tmp_path / "a", "--xlsx")
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(tmp_path / "a" / "analytics.xlsx")
    assert book.sheetnames == ["centrality", "communities", "components", "firm_network", "award_ladder"]
    centrality = book["centrality"]
    assert [c.value for c in centrality[1]][:4] == ["entity", "type", "degree", "degree_centrality"]
    assert isinstance(centrality["C2"].value, int) and isinstance(centrality["D2"].value, float)
    assert all(sheet.freeze_panes == "A2" and sheet["A1"].font.bold for sheet in book)
    # The same rows as the CSV file beside it.
    csv_rows = (tmp_path / "a" / "analytics" / "award_ladder.csv").read_text(encoding="utf-8-sig").splitlines()
    assert book["award_ladder"].max_row == len(csv_rows)
    assert not (tmp_path / "b").exists()
    assert qkg("analyze", "--data", default_graph, "--out", tmp_path / "b").exit_code == 0
    assert not (tmp_path / "b" / "analytics.xlsx").exists()  # only when asked
