"""organizations.run_start: where the run of name characters before a suffix begins."""
from __future__ import annotations

import random

from kg.extract.organizations import _NAME_RUN, MAX_NAME, run_start


def _by_the_grammar(text: str, end: int, limit: int = MAX_NAME) -> int:
    """The run's start as the name grammar reads it, tried at each start of the window."""
    match = _NAME_RUN.search(text, max(0, end - limit), end)
    return match.start() if match else end


def test_examples():
    assert run_start("会议，黑牡丹(集团)股份", 12) == 3  # a bracketed part sits inside a name
    assert run_start("，A·B公司", 6) == 1
    assert run_start("，(原某厂)公司", 8) == 6  # a bracket that opens the run opens no name
    assert run_start("甲(某某某某某某某)乙", 11) == 10  # nor does one holding more than six characters
    assert run_start("某某", 0) == 0 and run_start("，，", 2) == 2


def test_the_same_start_as_the_grammar():
    pick = random.Random(14)
    alphabet = list("甲乙丙集团aZ09·()（）,，、 \n的") + ["\u9fff", "\u4e00", "\u3400", "Ａ"]
    for _ in range(20000):
        text = "".join(pick.choice(alphabet) for _ in range(pick.randint(0, 30)))
        end, limit = pick.randint(0, len(text)), pick.randint(0, MAX_NAME + 2)
        assert run_start(text, end, limit) == _by_the_grammar(text, end, limit), (text, end, limit)
