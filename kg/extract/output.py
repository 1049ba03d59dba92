"""Write extracted facts files fast, in the format kg.factfile reads.

PyYAML's emitter (which ``kg.factfile.write_facts_file`` uses) costs more than
the extraction itself on large corpora. Facts files have a fixed, shallow
shape (``kg.factfile.facts_to_data``: mappings, lists of mappings, short flow
lists, scalars), so this writes that shape directly, in the same layout: a
string is written plain when it starts with a CJK character and holds only
characters that cannot mean anything to YAML, and double-quoted (JSON escapes,
which YAML shares) otherwise. Tests read every file back with kg.factfile.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from operator import attrgetter
from pathlib import Path

from kg.factfile import DOCUMENT_KEYS, EMPTY, FORMAT, SECTION_KEYS
from kg.model import DocumentFacts

_PLAIN = re.compile(
    r"[\u4e00-\u9fff][\u4e00-\u9fffA-Za-z0-9（）()《》“”‘’、·\-—_+/.。，；！？%…\u3000-\u303f\uff01-\uffef]*"
)
_PLAIN_ASCII = re.compile(r"[A-Za-z_][A-Za-z0-9._/-]*")
_YAML_WORDS = frozenset({"y", "n", "yes", "no", "on", "off", "true", "false", "null"})
# Characters YAML does not allow raw in a stream, or reads as line breaks.
_UNPRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def scalar(value) -> str:
    if isinstance(value, str):
        return _text(value)
    if isinstance(value, bool) or value is None:
        raise TypeError(f"facts files hold no {type(value).__name__} values")
    if isinstance(value, (int, float)):
        return repr(value)
    return _text(str(value))


def is_plain(text: str) -> bool:
    """Is ``text`` written as it is (a plain YAML scalar that reads back as the same text)?"""
    if _PLAIN.fullmatch(text) and not text.endswith((" ", "\u3000")):
        return True
    return _PLAIN_ASCII.fullmatch(text) is not None and text.lower() not in _YAML_WORDS


@lru_cache(maxsize=16384)
def _text(text: str) -> str:
    """A text as a YAML scalar (cached: names repeat across a document's facts)."""
    if is_plain(text):
        return text
    quoted = json.dumps(text, ensure_ascii=False)
    return _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}" if ord(m.group()) < 0x10000
                            else f"\\U{ord(m.group()):08x}", quoted)


def _flow(items) -> str:
    if type(items) is tuple and len(items) == 2 and type(items[0]) is int and type(items[1]) is int:
        return f"[{items[0]}, {items[1]}]"  # a span (evidence, mentions): the commonest list, at once
    parts = []
    for item in items:
        kind = type(item)
        if kind is str:
            parts.append(_text(item))
        elif kind is int:
            parts.append(repr(item))
        elif kind is list or kind is tuple:
            parts.append(_flow(item))
        else:
            parts.append(scalar(item))
    return "[" + ", ".join(parts) + "]"


def _value(value) -> str:
    kind = type(value)  # exact types first: most values are names, spans and confidences
    if kind is str:
        return _text(value)
    if kind is list or kind is tuple:
        return _flow(value)
    if kind is float or kind is int:  # confidences, years: scalar's own repr, without its checks
        return repr(value)
    if isinstance(value, dict):
        raise TypeError("facts files hold no mappings below a section's items")
    return scalar(value)


def dump(facts: DocumentFacts) -> str:
    """The YAML text of ``facts``.

    The shape is shallow (``kg.factfile.facts_to_data``): top-level scalars,
    the ``document`` mapping of scalars, and sections that are lists of flat
    mappings (scalars and short lists, written in flow style). The values are
    read off the facts directly, without building those mappings.
    """
    meta = facts.document
    out = ["format: " + _value(FORMAT), "document:"]
    for key in DOCUMENT_KEYS:
        value = getattr(meta, key)
        if value not in EMPTY:
            out.append("  " + key + ": " + _value(value))
    for section, (first, then), values_of in _SECTIONS:
        items = getattr(facts, section)
        if not items:
            continue
        out.append(section + ":")
        for item in items:
            heads = first  # "- key: " for the item's first key written, "  key: " after it
            for head, value in enumerate(values_of(item)):
                if value is None or value in EMPTY:
                    continue
                out.append(heads[head] + _value(value))
                heads = then
    return "\n".join(out) + "\n"


# Each section, the heads of its keys' lines (as an item's first line, and after it) and a function
# reading the item's values for them (in one call).
_SECTIONS = tuple((section, (tuple(f"- {key}: " for key, _ in keys), tuple(f"  {key}: " for key, _ in keys)),
                   attrgetter(*(attribute for _, attribute in keys)))
                  for section, keys in SECTION_KEYS.items())


def write_facts(facts: DocumentFacts, path: Path) -> None:
    """Write ``facts`` to ``path``; a file that fails half-way is removed, not left behind.

    (No temporary file and rename: on large corpora the rename costs as much as
    the writing, and a facts file is only ever written whole or not at all here.)
    """
    path = Path(path)
    text = dump(facts)
    try:
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
