"""The interface in Chinese or English (issue 12, item 3), as users meet it through the CLI."""
from __future__ import annotations

import re

import click
import pytest

from kg import i18n
from kg.cli import cli

_CJK = re.compile(r"[\u4e00-\u9fff]")
LEVEL_NAMES = {"NationalLevel", "ProvincialLevel", "MunicipalLevel", "CountyLevel"}


@pytest.fixture
def run(qkg):
    return qkg


def _commands():
    yield "", cli
    for name, command in cli.commands.items():
        yield name, command
        for sub_name, sub in getattr(command, "commands", {}).items():
            yield f"{name} {sub_name}", sub


def test_every_command_and_option_has_chinese_help():
    commands = i18n.catalog()["commands"]
    for key, command in _commands():
        assert key in commands, f"no Chinese help for {key!r}"
        assert _CJK.search(commands[key]["help"])
        for param in command.params:
            if isinstance(param, click.Option) and param.help and param.name not in ("version", "help"):
                assert i18n.option_help(key, param.name, None, "zh"), f"no Chinese help for {key} --{param.name}"


@pytest.mark.parametrize("args", [["--lang", "zh", "query", "--help"], ["query", "--help", "--lang", "zh"],
                                  ["query", "--lang=zh", "--help"]])
def test_help_in_chinese_with_lang(run, args):
    result = run(*args)
    assert result.exit_code == 0
    assert result.output.startswith("用法：qkg query")
    assert "在图谱上运行已保存的查询" in result.output and "查询参数的值（可重复）。" in result.output
    assert "Run a saved query" not in result.output


def test_the_locale_chooses_the_language_and_lang_overrides_it(run):
    assert run("query", "--help", env={"LANG": "zh_CN.UTF-8"}).output.startswith("用法：")
    assert run("query", "--help", env={"LANG": "en_US.UTF-8"}).output.startswith("Usage:")
    assert run("--lang", "en", "query", "--help", env={"LANG": "zh_CN.UTF-8"}).output.startswith("Usage:")
    assert run("--lang", "zh", "query", "--help", env={"LANG": "C"}).output.startswith("用法：")


def test_messages_in_chinese(run, default_graph):
    data = ["--data", str(default_graph)]
    ambiguous = run("--lang", "zh", "query", "award-history", "-p", "name=科技", *data)
    assert ambiguous.exit_code == 1
    assert ambiguous.output.startswith("错误：'科技' 匹配 6 个实体，您要找的是：")
    assert "中天科技集团（企业）" in ambiguous.output and "Enterprise" not in ambiguous.output
    missing = run("--lang", "zh", "query", "award-history", "-p", "name=不存在", *data)
    assert missing.output == "错误：没有匹配 '不存在' 的实体：没有实体的名称或别名是它或包含它\n"
    needs = run("--lang", "zh", "query", "award-history", *data)
    assert needs.output == "错误：查询 'award-history' 需要参数 --param name=值\n"
    english = run("--lang", "en", "query", "award-history", *data)
    assert english.output == "Error: query 'award-history' needs --param name=VALUE\n"


def test_headers_and_values_in_one_language(run, default_graph):
    args = ["query", "award-history", "-p", "name=上上电缆", "--data", str(default_graph)]
    chinese = run("--lang", "zh", *args).output
    header = chinese.splitlines()[0].split()
    assert header == ["实体", "年份", "奖项", "级别", "所属正奖", "文档数"]
    assert "省级" in chinese and not any(name in chinese for name in LEVEL_NAMES)
    assert chinese.rstrip().endswith("（共 6 行）")
    english = run("--lang", "en", *args).output
    assert english.splitlines()[0].split() == ["entity", "year", "award", "level", "nomination_for", "documents"]
    assert "provincial" in english and "省级" not in english and not any(name in english for name in LEVEL_NAMES)


@pytest.mark.parametrize("lang, unwanted", [("zh", re.compile(r"\b(award|mention|position)\b")), ("en", _CJK)])
def test_bilingual_cells_show_one_language(run, default_graph, lang, unwanted):
    result = run("--lang", lang, "query", "entity-sources", "-p", "name=星宇", "--columns", "fact",
                 "--data", str(default_graph))
    assert result.exit_code == 0, result.output
    cells = result.output.splitlines()[2:-1]
    assert cells and not any(unwanted.search(cell) for cell in cells)


def test_csv_is_the_same_in_both_languages(run, default_graph):
    args = ["query", "award-history", "-p", "name=上上电缆", "--format", "csv", "--data", str(default_graph)]
    assert run("--lang", "zh", *args).output == run("--lang", "en", *args).output


def test_a_build_reports_in_chinese(run, small_facts, tmp_path):
    chinese = run("--lang", "zh", "build", "--facts", small_facts, "--out", tmp_path / "zh").output.splitlines()
    assert chinese[0].startswith("实体：13（") and "2 城市" in chinese[0]
    assert chinese[1] == "获奖：3 次，职务：1 个，制度实施：1 项"
    assert chinese[-1] == f"已写入 14 个文件到 {tmp_path / 'zh'}"
    english = run("--lang", "en", "build", "--facts", small_facts, "--out", tmp_path / "en").output.splitlines()
    assert english[1] == "conferrals: 3, positions: 1, adoptions: 1"
