"""The tag table of jieba's dictionary, read without jieba.posseg and cached between runs."""
from __future__ import annotations

import marshal
from pathlib import Path

from kg.extract.tokenizer import _jieba, dictionary_tag, word_tags


def _dictionary(folder: Path, lines: list[str]) -> Path:
    path = folder / "dict.txt"
    path.write_bytes("\n".join(lines).encode("utf-8"))
    return path


def test_the_table_is_the_one_jieba_posseg_reads():
    import jieba.posseg

    _, tags = _jieba()
    assert tags == jieba.posseg.dt.word_tag_tab


def test_a_later_line_wins_and_blank_lines_are_skipped(tmp_path):
    dictionary = _dictionary(tmp_path, ["质量 10 n", "", "认证 5 vn\r", "质量 3 a"])
    assert word_tags(dictionary, tmp_path) == {"质量": "a", "认证": "vn"}


def test_the_second_run_reads_the_cache(tmp_path):
    dictionary = _dictionary(tmp_path, ["质量 10 n"])
    word_tags(dictionary, tmp_path)
    [cached] = tmp_path.glob("qkg-jieba-tags.*.cache")
    cached.write_bytes(marshal.dumps({"质量": "cached"}))
    assert word_tags(dictionary, tmp_path) == {"质量": "cached"}


def test_a_changed_dictionary_is_read_again(tmp_path):
    dictionary = _dictionary(tmp_path, ["质量 10 n"])
    word_tags(dictionary, tmp_path)
    _dictionary(tmp_path, ["质量 10 n", "标准 4 n"])
    assert word_tags(dictionary, tmp_path) == {"质量": "n", "标准": "n"}


def test_a_broken_cache_is_rebuilt(tmp_path):
    dictionary = _dictionary(tmp_path, ["质量 10 n"])
    word_tags(dictionary, tmp_path)
    [cached] = tmp_path.glob("qkg-jieba-tags.*.cache")
    cached.write_bytes(b"\x00 not marshal")
    assert word_tags(dictionary, tmp_path) == {"质量": "n"}
    assert marshal.loads(cached.read_bytes()) == {"质量": "n"}


def test_an_unwritable_cache_folder_still_gives_the_table(tmp_path):
    dictionary = _dictionary(tmp_path, ["质量 10 n"])
    missing = tmp_path / "no" / "such" / "folder"
    assert word_tags(dictionary, missing) == {"质量": "n"}
    assert not missing.exists()


def test_dictionary_tag_reads_the_table():
    assert dictionary_tag("质量") == "n"
    assert dictionary_tag("没有这个词语啊") is None
