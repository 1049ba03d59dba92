"""Table output benchmark: qkg's table (kg/tables.py), complete and fitted to 80 columns, beside rich's
Table on the same rows (the reason kg/tables.py lays out the columns itself).

Rows like those of awards-by-city-level-year at 1M triples (about 20,000, with Chinese names).

    python bench/table_bench.py --rows 2000 20000
"""
from __future__ import annotations

import argparse
import io
import time

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from kg.present import Shown, cell_string
from kg.tables import render_table


def _rows(count: int) -> Shown:
    rows = [[f"常州市第{i}号精密制造有限公司", "provincial", 2000 + i % 20, "江苏省省长质量奖", i % 7,
             "、".join(f"某某集团{j}有限公司" for j in range(i % 6 + 1))] for i in range(count)]
    names = ["recipient_city", "award_level", "award_year", "award", "conferrals", "recipients"]
    return Shown(names, names, rows)


def _rich(shown: Shown, width: int) -> str:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for header in shown.headers:
        table.add_column(Text(header, no_wrap=True, overflow="ellipsis"), overflow="ellipsis")
    for row in shown.rows:
        table.add_row(*(Text(cell_string(v), no_wrap=True, overflow="ellipsis") for v in row))
    console = Console(file=io.StringIO(), width=width, color_system=None)
    console.print(table)
    return console.file.getvalue()


def _seconds(function, *args, **kwargs) -> float:
    started = time.perf_counter()
    function(*args, **kwargs)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[2000, 20000])
    args = parser.parse_args()
    print(f"{'rows':>7}  {'complete':>9}  {'fitted 80':>9}  {'rich Table 80':>13}")
    for count in args.rows:
        shown = _rows(count)
        print(f"{count:>7}  {_seconds(render_table, shown):>8.2f}s  {_seconds(render_table, shown, width=80):>8.2f}s"
              f"  {_seconds(_rich, shown, 80):>12.2f}s")


if __name__ == "__main__":
    main()
