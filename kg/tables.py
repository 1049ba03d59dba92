"""An answer as a text table: fitted to a terminal's width, or complete for a pipe or a file.

Fitted, the widest columns give way first (every column keeps a few
characters) and a cell too long for its column ends in "…". Complete, nothing
is cut. Widths are terminal cells, as rich measures them: a wide (CJK)
character takes two. The layout is done here rather than by rich's Table,
which takes 13 s for an answer of 20,000 rows (bench/table_bench.py); rich's
cell functions measure and cut the text.
"""
from __future__ import annotations

from rich.cells import cell_len, set_cell_size

from kg.i18n import rows_line
from kg.present import Shown, cell_string

GAP = "  "
RULE = "─"
ELLIPSIS = "…"
# The narrowest a column gets when a table is fitted (its header's first character and an ellipsis).
NARROWEST = 4


def _fit(natural: list[int], narrowest: list[int], budget: int) -> list[int]:
    """Column widths within ``budget``: every column capped at one width, the highest cap that fits."""
    if sum(natural) <= budget:
        return natural
    low, high = 0, max(natural)
    while low < high:  # the highest cap at which the columns fit
        cap = (low + high + 1) // 2
        if sum(min(n, max(cap, m)) for n, m in zip(natural, narrowest)) <= budget:
            low = cap
        else:
            high = cap - 1
    return [min(n, max(low, m)) for n, m in zip(natural, narrowest)]


def _cut(text: str, width: int, length: int) -> str:
    """``text`` (``length`` cells) in exactly ``width`` cells: cut with an ellipsis, or padded."""
    if length <= width:
        return text + " " * (width - length)
    return set_cell_size(text, width - 1) + ELLIPSIS


def render_table(shown: Shown, lang: str = "en", width: int | None = None) -> str:
    """The table and a count of rows; fitted to ``width`` cells, or complete when ``width`` is None."""
    columns = len(shown.headers)
    cells = [[cell_string(value).replace("\n", " ") for value in row] for row in shown.rows]
    lengths = [[cell_len(text) for text in row] for row in cells]
    header_lengths = [cell_len(header) for header in shown.headers]
    natural = [max([header_lengths[i]] + [row[i] for row in lengths]) for i in range(columns)]
    widths = natural
    if width is not None and columns:
        narrowest = [min(n, NARROWEST) for n in natural]
        widths = _fit(natural, narrowest, max(width - len(GAP) * (columns - 1), sum(narrowest)))
    numeric = [bool(shown.rows) and all(isinstance(row[i], (int, float)) or row[i] is None for row in shown.rows)
               for i in range(columns)]

    last = columns - 1

    def line(texts: list[str], measured: list[int]) -> str:
        parts = []
        for i, (text, length) in enumerate(zip(texts, measured)):
            if numeric[i] and length <= widths[i]:
                fitted = " " * (widths[i] - length) + text  # numbers to the right
            elif i == last and length <= widths[i]:
                fitted = text  # no padding for the line's end to strip again (a complete table's widest cell: 20k cells on every line)
            else:
                fitted = _cut(text, widths[i], length)
            parts.append(fitted)
        return GAP.join(parts).rstrip()

    lines = [line(shown.headers, header_lengths), GAP.join(RULE * w for w in widths)]
    lines += [line(row, measured) for row, measured in zip(cells, lengths)]
    lines.append(rows_line(len(shown.rows), lang))
    return "\n".join(lines) + "\n"
