"""A query's answer in the format asked for, as bytes: a table for people, CSV, JSON or an Excel workbook."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Sequence

from kg import results
from kg.errors import QkgError
from kg.present import choose_columns, present
from kg.queries import QueryResult
from kg.tables import render_table

FORMATS = ("table", "csv", "json", "xlsx")
BINARY_FORMATS = ("xlsx",)


def answer_bytes(answer: QueryResult, fmt: str, *, lang: str = "en", width: int | None = None,
                 columns: Sequence[str] | None = None, title: str = "qkg") -> bytes:
    """``answer`` as ``fmt``, with only ``columns`` when given. A table is fitted to ``width`` when
    given (a terminal) and complete otherwise; CSV and JSON are the answer as the query gives it."""
    answer = choose_columns(answer, columns, lang)
    if fmt == "xlsx":
        # Imported here: openpyxl (and the numpy it loads) take ~0.15 s to import, on every
        # `qkg query` that writes a table, CSV or JSON.
        from kg.workbook import workbook_bytes

        return workbook_bytes(present(answer, lang), title)
    if fmt == "table":
        return render_table(present(answer, lang), lang, width).encode("utf-8")
    return results.render(answer, fmt).encode("utf-8")


class OutputError(QkgError):
    """An answer cannot be written where asked."""


def save(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all: a temporary file beside it, renamed into place."""
    path = Path(path)
    temporary = None
    try:
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.name}.", delete=False) as file:
            temporary = Path(file.name)
            file.write(data)
        os.replace(temporary, path)
    except OSError as exc:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
        raise OutputError(f"{path}: cannot write: {exc.strerror or exc}") from None
