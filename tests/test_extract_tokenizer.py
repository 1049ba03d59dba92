"""kg.extract.tokenizer cuts windows into jieba's own tokens, with and without its HMM."""
from __future__ import annotations

import random
from pathlib import Path

import pytest

from kg.extract.tokenizer import _cut, _jieba, tokens

FIXTURES = Path(__file__).parent / "fixtures" / "docs"
# Windows of the kinds the finders ask about, and the edges of jieba's own splitting:
# Latin letters and digits (re_eng), spaces and line breaks (re_skip), brackets and
# full-width forms outside its blocks, unknown names its HMM cuts, empty windows.
WINDOWS = ["", " ", "\t\n", "a b", "质量 奖\r\n二", "ABC公司", "x-y.z 100%", "AB12质量cd", "１２３ＡＢＣ",
           "中国(集团)公司", "大连华锐重工", "常州天和科技", "杭州福斯达深冷装备", "会议由市质监局", "提炼绍兴黄酒",
           "湖北永恒太阳能", "南通师范学校第二附属小学", "2021年某市市长质量奖授予某某有限公司。", "张三丰收"]


def _fixture_windows(count: int) -> list[str]:
    texts = [path.read_text(encoding="utf-8", errors="replace") for path in sorted(FIXTURES.glob("*.txt"))]
    texts = [text for text in texts if text]
    pick = random.Random(14)
    windows = []
    for _ in range(count):
        text = pick.choice(texts)
        start = pick.randrange(len(text))
        windows.append(text[start:start + pick.randint(1, 30)])
    return windows


@pytest.mark.parametrize("hmm", [True, False])
def test_the_cutter_gives_jiebas_tokens(hmm):
    tokenizer, _ = _jieba()  # jieba's own Tokenizer, its cut unchanged
    cut = _cut()
    for window in WINDOWS + _fixture_windows(3000):
        assert cut(window, hmm) == tokenizer.lcut(window, HMM=hmm), window


def test_tokens_are_a_tuple_of_the_window():
    assert tokens("常州天和科技股份有限公司") == tuple(_jieba()[0].lcut("常州天和科技股份有限公司"))
    assert "".join(tokens("A、B 公司")) == "A、B 公司"


def _run(code: str) -> str:
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return done.stdout.strip()


def test_jieba_is_loaded_without_pkg_resources():
    """jieba's _compat imports pkg_resources (0.1 s) only to open its own files; it opens them by path."""
    assert _run("import sys\nfrom kg.extract.tokenizer import tokens\ntokens('质量')\n"
                "print('pkg_resources' in sys.modules)") == "False"


def test_jieba_builds_its_dictionary_from_its_own_file_without_pkg_resources(tmp_path):
    code = ("import jieba\nfrom kg.extract.tokenizer import _import_jieba\n_import_jieba()\n"
            f"tokenizer = jieba.Tokenizer()\ntokenizer.tmp_dir = {str(tmp_path)!r}\ntokenizer.initialize()\n"
            "print(tokenizer.FREQ['质量'] > 0)")
    assert _run(code) == "True"
