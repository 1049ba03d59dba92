"""programs._NamedTwice answers text.count(part) >= 2, remembered per part and stopping at the second occurrence."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from kg.extract.programs import _NamedTwice


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab质量", max_size=14), st.lists(st.text(alphabet="ab质量", max_size=3), max_size=6))
def test_it_answers_as_count_does(text, parts):
    twice = _NamedTwice(text)
    for part in parts + parts:  # the second round reads the remembered answers
        assert twice(part) == (text.count(part) >= 2)


def test_overlapping_occurrences_count_once():
    assert not _NamedTwice("aaa")("aa")
    assert _NamedTwice("aaaa")("aa")
    assert _NamedTwice("质量月和质量月")("质量月")
