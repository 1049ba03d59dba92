"""jieba's dictionary and the tag table of its words, read without jieba.posseg and cached together between runs."""
from __future__ import annotations

import marshal
from pathlib import Path

from kg.extract.tokenizer import _jieba, dictionary_tables, dictionary_tag


def _dictionary(folder: Path, lines: list[str]) -> Path:
    path = folder / "dict.txt"
    path.write_bytes("\n".join(lines).encode("utf-8"))
    return path


def _frequencies(calls: list | None = None):
    def frequencies():
        if calls is not None:
            calls.append(1)
        return {"质量": 10, "质": 0, "认证": 5, "认": 0}, 15
    return frequencies


def _tags(dictionary: Path, folder: Path, calls: list | None = None) -> dict[str, str]:
    return dictionary_tables(dictionary, folder, _frequencies(calls))[2]


def test_the_table_is_the_one_jieba_posseg_reads():
    import jieba.posseg

    _, tags = _jieba()
    assert tags == jieba.posseg.dt.word_tag_tab


def test_the_frequencies_are_jiebas_own():
    import jieba

    from kg.extract.lexicon import Lexicon

    tokenizer, _ = _jieba()
    reference = jieba.Tokenizer()
    reference.initialize()
    for word in Lexicon.default().user_words():
        reference.add_word(word)
    assert (tokenizer.FREQ, tokenizer.total) == (reference.FREQ, reference.total)


def test_a_later_line_wins_and_blank_lines_are_skipped(tmp_path):
    dictionary = _dictionary(tmp_path, ["质量 10 n", "", "认证 5 vn\r", "质量 3 a"])
    assert _tags(dictionary, tmp_path) == {"质量": "a", "认证": "vn"}


def test_the_second_run_reads_the_cache(tmp_path):
    dictionary = _dictionary(tmp_path, ["质量 10 n"])
    calls = []
    _tags(dictionary, tmp_path, calls)
    [cached] = tmp_path.glob("qkg-jieba.*.cache")
    cached.write_bytes(marshal.dumps(({"质量": 1}, 1, {"质量": "cached"})))
    assert dictionary_tables(dictionary, tmp_path, _frequencies(calls)) == ({"质量": 1}, 1, {"质量": "cached"})
    assert len(calls) == 1  # jieba's dictionary built once, in the first run


def test_a_changed_dictionary_is_read_again(tmp_path):
    dictionary = _dictionary(tmp_path, ["质量 10 n"])
    _tags(dictionary, tmp_path)
    _dictionary(tmp_path, ["质量 10 n", "标准 4 n"])
    assert _tags(dictionary, tmp_path) == {"质量": "n", "标准": "n"}


def test_a_broken_cache_is_rebuilt(tmp_path):
    dictionary = _dictionary(tmp_path, ["质量 10 n"])
    _tags(dictionary, tmp_path)
    [cached] = tmp_path.glob("qkg-jieba.*.cache")
    for broken in (b"\x00 not marshal", marshal.dumps({"质量": "an older cache's shape"})):
        cached.write_bytes(broken)
        assert _tags(dictionary, tmp_path) == {"质量": "n"}
        assert marshal.loads(cached.read_bytes())[2] == {"质量": "n"}


def test_a_word_of_both_tables_is_stored_once(tmp_path):
    dictionary = _dictionary(tmp_path, ["质量 10 n", "认证 5 vn"])
    _tags(dictionary, tmp_path)
    [cached] = tmp_path.glob("qkg-jieba.*.cache")
    frequency, _, tags = marshal.loads(cached.read_bytes())
    words = {word: word for word in frequency}
    assert all(word is words[word] for word in tags)


def test_an_unwritable_cache_folder_still_gives_the_tables(tmp_path):
    dictionary = _dictionary(tmp_path, ["质量 10 n"])
    missing = tmp_path / "no" / "such" / "folder"
    assert _tags(dictionary, missing) == {"质量": "n"}
    assert not missing.exists()


def test_dictionary_tag_reads_the_table():
    assert dictionary_tag("质量") == "n"
    assert dictionary_tag("没有这个词语啊") is None
