"""SPARQL query text as far as qkg reads it: strings, IRIs and comments told apart from the query's own words."""
from __future__ import annotations

import re

# What the query text holds, token by token as far as binding needs: strings and IRIs (inside
# which nothing is a placeholder or a comment), comments, placeholder blocks, and a group's start.
TOKENS = re.compile(
    r'(?P<string>"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n\r]|\\.)*"|\'(?:[^\'\\\n\r]|\\.)*\')'
    r'|(?P<iri><[^<>"{}|^`\\\x00-\x20]*>)'
    r'|(?P<comment>#[^\n\r]*)'
    r'|(?P<placeholder>VALUES\s+[?$](?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*\{\s*UNDEF\s*\})'
    r'|(?P<open>\{)'
    r'|(?P<word>(?<![\w?$:])[A-Za-z]+(?![\w:]))',
    re.IGNORECASE,
)


def uses_keyword(text: str, keyword: str) -> bool:
    """Whether ``keyword`` (e.g. SERVICE) is one of the query's words: not inside a string, an IRI,
    a comment, a variable or a prefixed name."""
    return any(match["word"] and match["word"].upper() == keyword.upper() for match in TOKENS.finditer(text))
