"""A query's answer as people read it: chosen columns, headers and values in one language, typed cells.

The table and the Excel workbook show this; CSV and JSON keep the answer as
the query gives it (machine-readable, the same in every language), but for the
columns chosen. A column ``X_zh`` that holds the Chinese names of ``X``'s
values (``level_zh`` beside ``level``) is not shown: ``X`` itself is shown in
the reader's language, so that no column mixes ``ProvincialLevel`` with 省级.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import pyoxigraph as ox

from kg.errors import QkgError
from kg.i18n import cell_texts, column_header
from kg.namespace import XSD
from kg.queries import QueryResult

_NUMBERS = {str(XSD.integer), str(XSD.gYear), str(XSD.int), str(XSD.long), str(XSD.nonNegativeInteger)}
_DECIMALS = {str(XSD.decimal), str(XSD.double), str(XSD.float)}


class UnknownColumn(QkgError):
    """--columns names a column the answer does not have."""


@dataclass
class Shown:
    variables: list[str]
    headers: list[str]
    rows: list[list[object]]  # str, int or float; None where unbound


def choose_columns(result: QueryResult, columns: Sequence[str] | None, lang: str = "en") -> QueryResult:
    """The answer with only ``columns`` (variables or their headers in either language), in that order."""
    if not columns:
        return result
    indexes = []
    for wanted in columns:
        wanted = wanted.strip()
        found = [i for i, v in enumerate(result.variables) if wanted in (v, column_header(v, "zh"), column_header(v, lang))]
        if not found:
            known = ", ".join(result.variables)
            raise UnknownColumn(f"unknown column {wanted!r} (columns: {known})")
        indexes.append(found[0])
    return QueryResult([result.variables[i] for i in indexes], [[row[i] for i in indexes] for row in result.rows])


def _value(term) -> object:
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        try:
            if datatype in _NUMBERS:
                return int(term.value)
            if datatype in _DECIMALS:
                return float(term.value)
        except ValueError:
            pass  # an ill-typed literal is shown as written
    return term.value.replace("\n", " ")


def present(result: QueryResult, lang: str = "en") -> Shown:
    """Headers and cells in ``lang``, numbers as numbers, without the ``X_zh`` twins of shown columns."""
    shown = set(result.variables)
    keep = [i for i, v in enumerate(result.variables) if not (v.endswith("_zh") and v[:-3] in shown)]
    variables = [result.variables[i] for i in keep]
    texts = [(i, cell_texts(v, lang)) for i, v in zip(keep, variables)]
    rows = []
    for row in result.rows:
        cells = []
        for i, text in texts:
            value = _value(row[i])
            cells.append(text(value) if isinstance(value, str) else value)
        rows.append(cells)
    return Shown(variables, [column_header(v, lang) for v in variables], rows)


def cell_string(value: object) -> str:
    return "" if value is None else str(value)
