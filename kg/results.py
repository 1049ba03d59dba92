"""A query's answer as a text table, as CSV for Excel, or as SPARQL 1.1 JSON results."""
from __future__ import annotations

import csv
import io
import json
import re
import unicodedata

import pyoxigraph as ox

from kg.namespace import RDF, XSD
from kg.queries import QueryResult

FORMATS = ("table", "csv", "json")
# Excel reads a CSV file as UTF-8 only when it starts with a byte-order mark.
UTF8_BOM = "\ufeff"

_PLAIN_DATATYPES = {str(XSD.string), str(RDF.langString)}
# OWASP's rule against CSV injection: a cell that starts with one of these is a formula to
# Excel (quoted or not), so it gets a leading apostrophe, which makes it text. defusedcsv
# was tried: it leaves tab and CR alone. Plain numbers (-3, +0.5) are no formulas and stay.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def term_text(term) -> str:
    """The value a person reads: an IRI, a literal's lexical form, a blank node's id; empty when unbound."""
    if term is None:
        return ""
    return term.value


def _safe_row(row) -> list:
    """The row as Excel should show it: a text that Excel would run as a formula gets a leading ``'``."""
    return [("'" + cell) if (isinstance(cell, str) and cell.startswith(FORMULA_STARTS) and not _NUMBER.fullmatch(cell)) else cell
            for cell in row]


def csv_text(header: list[str], rows) -> str:
    """CSV that Excel opens with Chinese text intact (a BOM first, CRLF line ends) and runs nothing from."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(_safe_row(header))
    writer.writerows(map(_safe_row, rows))
    return UTF8_BOM + buffer.getvalue()


def to_csv(result: QueryResult) -> str:
    """The values, one column per variable; empty where unbound."""
    return csv_text(result.variables, ([term_text(term) for term in row] for row in result.rows))


def json_term(term) -> dict:
    """One RDF term in the SPARQL 1.1 Query Results JSON format."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        encoded = {"type": "literal", "value": term.value}
        if term.language:
            encoded["xml:lang"] = term.language
        elif term.datatype.value not in _PLAIN_DATATYPES:
            encoded["datatype"] = term.datatype.value
        return encoded
    raise TypeError(f"cannot encode {term!r} as a SPARQL JSON term")


def to_json(result: QueryResult) -> str:
    """The answer in the SPARQL 1.1 Query Results JSON format; unbound variables are left out of a binding."""
    bindings = [
        {variable: json_term(term) for variable, term in zip(result.variables, row) if term is not None}
        for row in result.rows
    ]
    document = {"head": {"vars": result.variables}, "results": {"bindings": bindings}}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def display_width(text: str) -> int:
    """Columns a terminal gives ``text``: wide (CJK) characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - display_width(text))


def to_table(result: QueryResult) -> str:
    """An aligned text table for the terminal, with a count of rows at the end."""
    cells = [[term_text(term).replace("\n", " ") for term in row] for row in result.rows]
    widths = [display_width(name) for name in result.variables]
    for row in cells:
        widths = [max(width, display_width(cell)) for width, cell in zip(widths, row)]
    lines = [
        "  ".join(_pad(name, width) for name, width in zip(result.variables, widths)).rstrip(),
        "  ".join("-" * width for width in widths),
    ]
    lines += ["  ".join(_pad(cell, width) for cell, width in zip(row, widths)).rstrip() for row in cells]
    count = len(cells)
    lines.append(f"({count} row{'s' if count != 1 else ''})")
    return "\n".join(lines) + "\n"


def render(result: QueryResult, fmt: str) -> str:
    return {"table": to_table, "csv": to_csv, "json": to_json}[fmt](result)
