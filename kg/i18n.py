"""The user's language (Chinese or English) and the Chinese words of the interface.

The language is ``--lang`` when given, else the locale (``LANGUAGE``,
``LC_ALL``, ``LC_MESSAGES``, ``LANG``, in gettext's order): Chinese when it
starts with ``zh``, English otherwise. The Chinese words live in
``kg/data/messages.zh.yaml``: the help of every command and option, the
library's messages (by error class, or by the pattern of an English message),
column headers and the values that queries give in both languages.
"""
from __future__ import annotations

import functools
import os
import re
from typing import Mapping

LANGS = ("zh", "en")
CATALOG_FILE = "messages.zh.yaml"


def language_from_locale(environ: Mapping[str, str] | None = None) -> str:
    """``zh`` when the first locale variable that is set names Chinese, else ``en``."""
    environ = os.environ if environ is None else environ
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(variable)
        if value:
            return "zh" if value.split(":")[0].lower().startswith("zh") else "en"
    return "en"


@functools.cache
def catalog() -> dict:
    """The Chinese words, read once (and only when the language is Chinese or a table is shown)."""
    import yaml

    from kg import resources

    text = resources.data_file(CATALOG_FILE).read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    # Help texts mark click's unwrapped paragraphs with a line "\b", which YAML keeps as two characters.
    for command in data["commands"].values():
        command["help"] = command["help"].replace("\\b", "\b")
    return data


def command_help(command: str, english: str | None, lang: str) -> str | None:
    if lang != "zh":
        return english
    return catalog()["commands"].get(command, {}).get("help", english)


def option_help(command: str, option: str, english: str | None, lang: str) -> str | None:
    if lang != "zh":
        return english
    commands = catalog()["commands"]
    # Options every command shares (--lang) are described once, with the group's.
    return commands.get(command, {}).get("options", {}).get(option) or commands[""]["options"].get(option, english)


def word(english: str, lang: str) -> str:
    """One of click's words or a short phrase of the CLI (``Usage:``, ``Options``, ``Error``)."""
    return catalog()["words"].get(english, english) if lang == "zh" else english


def rows_line(count: int, lang: str) -> str:
    if lang == "zh":
        return catalog()["words"]["rows"].format(count=count)
    return f"({count} row{'s' if count != 1 else ''})"


def error_text(error: Exception, lang: str) -> str:
    """An error's message in ``lang``: first line only."""
    english = str(error).splitlines()[0] if str(error) else type(error).__name__
    if lang != "zh":
        return english
    messages = catalog()["messages"]
    template = messages["by_class"].get(type(error).__name__)
    fields = getattr(error, "fields", None)
    if template and fields is not None:
        return template.format(**_localized_fields(fields, lang))
    for pattern in messages["patterns"]:
        match = re.fullmatch(pattern["en"], english)
        if match:
            return pattern["zh"].format(**match.groupdict())
    return english


def _localized_fields(fields: Mapping, lang: str) -> dict:
    from kg.vocab import type_name  # rdflib's namespaces load only when a message needs a type's name

    localized = dict(fields)
    if "kinds" in fields:
        kinds = tuple(fields["kinds"])
        localized["kinds"] = "实体" if fields.get("any_kind") else "或".join(type_name(k, lang) for k in kinds)
    if "candidates" in fields:
        candidates = fields["candidates"]
        shown = [f"{c.label}（{type_name(c.type, lang)}）" for c in candidates[: fields["shown"]]]
        more = len(candidates) - len(shown)
        localized["listing"] = "；".join(shown) + (f"；……另有 {more} 个" if more > 0 else "")
    return localized


def column_header(variable: str, lang: str) -> str:
    return catalog()["columns"].get(variable, variable) if lang == "zh" else variable


def cell_text(variable: str, value: str, lang: str) -> str:
    """A cell's value in ``lang``: levels, types, and the cells that queries give in both languages."""
    return cell_texts(variable, lang)(value)


def cell_texts(variable: str, lang: str):
    """``cell_text`` for one column: a function of the value, looked up once for all of its cells
    (20k rows of 6 columns: ~0.1 s less than a lookup per cell)."""
    from kg.vocab import award_level_name, type_name

    values = catalog()["values"]
    if variable in values["bilingual"]:
        return lambda value: _one_language(value, lang) if value else value
    if variable in values["levels"]:
        return lambda value: award_level_name(value, lang) if value else value
    if variable in values["types"]:
        return lambda value: type_name(value, lang) if value else value
    named = values["named"].get(variable)
    if named and lang == "zh":
        return lambda value: named.get(value, value) if value else value
    return lambda value: value


_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def _one_language(value: str, lang: str) -> str:
    """``award 获奖`` or ``提名奖→正奖 nomination→award``: the words of one language."""
    words = value.split(" ")
    chinese = [w for w in words if _CJK.search(w)]
    english = [w for w in words if not _CJK.search(w)]
    if not chinese or not english:
        return value
    return " ".join(chinese if lang == "zh" else english)


def summary_lines(summary, lang: str) -> list[str]:
    """A build's summary (kg.builder.BuildSummary) in ``lang``."""
    if lang != "zh":
        return summary.lines()
    from kg.vocab import type_name

    entities = "、".join(f"{n} {type_name(t, lang)}" for t, n in summary.entities_by_type.items())
    return [
        f"实体：{sum(summary.entities_by_type.values())}（{entities}）",
        f"获奖：{summary.conferrals} 次，职务：{summary.positions} 个，制度实施：{summary.adoptions} 项",
        f"文档：{summary.documents} 份，三元组：{summary.triples} 个",
    ]
