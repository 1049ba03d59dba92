"""An answer as a text table (rich): fitted to a terminal's width, or complete for a pipe or a file.

Fitted, the widest columns give way first and a cell too long for its column
ends in "…"; every column keeps at least a few characters. Complete, nothing
is cut. Either way wide (CJK) characters count two columns.
"""
from __future__ import annotations

import io

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from kg.i18n import rows_line
from kg.present import Shown, cell_string

# Wide enough that no answer is ever cut: the complete table's width is its content's.
_UNLIMITED = 1_000_000


def _table(shown: Shown) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, collapse_padding=True)
    for header, variable in zip(shown.headers, shown.variables):
        numeric = all(isinstance(row[len(table.columns)], (int, float)) or row[len(table.columns)] is None
                      for row in shown.rows) and bool(shown.rows)
        table.add_column(Text(header, no_wrap=True, overflow="ellipsis"), justify="right" if numeric else "left",
                         overflow="ellipsis", min_width=min(4, max(len(header), 1)))
    for row in shown.rows:
        table.add_row(*(Text(cell_string(value), no_wrap=True, overflow="ellipsis") for value in row))
    return table


def render_table(shown: Shown, lang: str = "en", width: int | None = None) -> str:
    """The table and a count of rows; ``width`` None for the complete table."""
    console = Console(file=io.StringIO(), width=width or _UNLIMITED, color_system=None, force_terminal=False,
                      force_jupyter=False, soft_wrap=False, legacy_windows=False)
    console.print(_table(shown))
    lines = [line.rstrip() for line in console.file.getvalue().splitlines()]
    return "\n".join(lines + [rows_line(len(shown.rows), lang)]) + "\n"
