"""Tables flattened to text: a header of column names (序号 / 单位名称 / 所在地), then rows.

An HTML table comes out of the reader one cell per line; a table pasted as
text keeps a row per line, its cells separated by tabs or runs of spaces. Both
are read into rows of cell spans, so that a list of winners can be read by
its columns: the name column holds the recipient, a place column is no
recipient, a column of work units holds a person's firm and role.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.segments import Span

# Column names of award lists, by what the column holds.
NAME_COLUMNS = frozenset({"单位名称", "企业名称", "组织名称", "名称", "获奖单位", "获奖企业", "单位", "企业", "姓名",
                          "获奖者", "获奖个人"})
PERSON_COLUMNS = frozenset({"姓名", "获奖者", "获奖个人"})
WORK_COLUMNS = frozenset({"工作单位及职务", "单位及职务", "工作单位", "所在单位", "职务", "单位职务"})
OTHER_COLUMNS = frozenset({"序号", "编号", "所在地", "所在地区", "地区", "属地", "行业", "所属行业", "类别", "获奖类别",
                           "奖项", "备注", "推荐单位",
                           # brand, team and standards lists: what the firm makes or runs is no recipient
                           "产品名称", "产品", "班组名称", "班组", "项目名称", "标准名称", "标准编号", "所在市"})
HEADER_WORDS = NAME_COLUMNS | WORK_COLUMNS | OTHER_COLUMNS
_HEADER_WORDS_TUPLE = tuple(sorted(HEADER_WORDS))
NUMBER_COLUMNS = frozenset({"序号", "编号"})
PLACE_COLUMNS = frozenset({"所在地", "所在地区", "地区", "属地", "所在市"})
# Cells end at a tab, a run of blanks or a Markdown table's bar ("| 1 | 某公司 | 某市 |").
_CELL = re.compile(r"[^\t|]+?(?=\t|\|| {2,}|\u3000|$)")
# A Markdown table's rule under its header ("|---|:---:|").
_MARKDOWN_RULE = re.compile(r"\s*\|?(?:\s*:?-{3,}:?\s*\|?)+\s*")
_NUMBER = re.compile(r"\d{1,4}\.?")


@dataclass
class Table:
    columns: list[str]
    rows: list[list[Span]]
    first_line: int  # index of the header's first line
    last_line: int  # index of the last line the table takes

    def cell(self, row: list[Span], names: frozenset[str]) -> Span | None:
        for column, span in zip(self.columns, row):
            if column in names:
                return span
        return None


def _each_cell(text: str, span: Span):
    start, end = span
    for match in _CELL.finditer(text, start, end):
        cell_start, cell_end = match.span()
        while cell_start < cell_end and text[cell_start].isspace():
            cell_start += 1
        while cell_end > cell_start and text[cell_end - 1].isspace():
            cell_end -= 1
        if cell_start < cell_end:
            yield cell_start, cell_end


def _cells(text: str, span: Span) -> list[Span]:
    return list(_each_cell(text, span))


def _header_cells(text: str, span: Span) -> list[str]:
    """The line's cells if every one is a column name, else none (most lines fail at their first cell)."""
    start, end = span
    if start < end and not text[start].isspace() and text[start] != "|" and \
            not text.startswith(_HEADER_WORDS_TUPLE, start, end):
        return []  # the first cell starts the line, so the line starts with a column name
    cells = []
    for start, end in _each_cell(text, span):
        cell = text[start:end]
        if cell not in HEADER_WORDS:
            return []
        cells.append(cell)
    return cells


def find_tables(text: str, lines: list[Span]) -> list[Table]:
    """The tables whose header names a numbering or name column and at least one other column."""
    tables = []
    index = 0
    while index < len(lines):
        columns, after = _header(text, lines, index)
        if columns and after < len(lines) and _MARKDOWN_RULE.fullmatch(text, *lines[after]):
            after += 1
        if len(columns) < 2 or not (set(columns) & (NAME_COLUMNS | NUMBER_COLUMNS)) or \
                not set(columns) & NAME_COLUMNS:
            index += 1
            continue
        rows, last = _rows(text, lines, after, columns)
        if rows:
            tables.append(Table(columns, rows, index, last))
            index = last + 1
        else:
            index = after
    return tables


def _header(text: str, lines: list[Span], index: int) -> tuple[list[str], int]:
    """Column names on the line at ``index`` and on the lines after it that hold only column names."""
    columns: list[str] = []
    while index < len(lines):
        cells = _header_cells(text, lines[index])
        if not cells:
            break
        columns += cells
        index += 1
    return columns, index


def _rows(text: str, lines: list[Span], index: int, columns: list[str]) -> tuple[list[list[Span]], int]:
    """Rows after a header: a row per line when a line holds every cell, else cells gathered line by line."""
    numbered = columns[0] in NUMBER_COLUMNS
    rows: list[list[Span]] = []
    pending: list[Span] = []
    last = index - 1
    while index < len(lines):
        cells = _cells(text, lines[index])
        if not cells or (len(cells) > 1 and len(cells) != len(columns)):
            break
        if numbered and not pending and not _NUMBER.fullmatch(text[slice(*cells[0])]):
            break  # the row does not start with its number: the table has ended
        pending += cells
        if len(pending) > len(columns):
            break
        if len(pending) == len(columns):
            rows.append(pending)
            pending = []
            last = index
        index += 1
    return rows, last
