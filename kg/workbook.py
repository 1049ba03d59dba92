"""An answer as an Excel workbook (openpyxl): typed cells, a header row, frozen panes, fitted column widths."""
from __future__ import annotations

import csv
import io
import re

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from rich.cells import cell_len

from kg.present import Shown

# Excel's limit on a sheet's name, and the widest column worth giving (in characters).
_SHEET_NAME_LIMIT = 31
_WIDEST = 60
_ILLEGAL_IN_SHEET_NAMES = str.maketrans({c: "_" for c in "[]:*?/\\"})


def _safe(value: object) -> object:
    """Text that Excel must not read as a formula (OWASP's rule for CSV, the same for cells), without
    the control characters a workbook cannot hold."""
    if not isinstance(value, str):
        return value
    value = ILLEGAL_CHARACTERS_RE.sub("", value)
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def workbook_bytes(shown: Shown, sheet: str = "qkg") -> bytes:
    """One sheet: the headers in bold, frozen below them, each column as wide as its content (up to 60)."""
    return sheets_bytes({sheet: shown})


def sheets_bytes(sheets: dict[str, Shown]) -> bytes:
    """A workbook of one such sheet per table, in order."""
    book = Workbook()
    book.remove(book.active)
    for name, shown in sheets.items():
        _fill(book.create_sheet((name.translate(_ILLEGAL_IN_SHEET_NAMES) or "qkg")[:_SHEET_NAME_LIMIT]), shown)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


_INTEGER = re.compile(r"-?\d{1,15}")
_DECIMAL = re.compile(r"-?\d+\.\d+")


def _typed(text: str) -> object:
    if _INTEGER.fullmatch(text):
        return int(text)
    if _DECIMAL.fullmatch(text):
        return float(text)
    return text or None


def csv_sheet(text: str) -> Shown:
    """A table that qkg wrote as CSV (kg.results.csv_text), with numbers read back as numbers."""
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    if not rows:
        return Shown([], [], [])
    return Shown(rows[0], rows[0], [[_typed(cell) for cell in row] for row in rows[1:]])


def _fill(worksheet, shown: Shown) -> None:
    worksheet.append(shown.headers)
    for cell in worksheet[1]:
        cell.font = Font(bold=True)
    for row in shown.rows:
        worksheet.append([_safe(value) for value in row])
    worksheet.freeze_panes = "A2"
    for index, header in enumerate(shown.headers, start=1):
        widest = max([cell_len(header)] + [cell_len(str(row[index - 1])) for row in shown.rows if row[index - 1] is not None])
        worksheet.column_dimensions[get_column_letter(index)].width = min(widest + 2, _WIDEST)
    if shown.rows:
        worksheet.auto_filter.ref = worksheet.dimensions
