"""jieba, loaded once per process with the lexicon's words, for short windows only.

jieba runs at about 0.5 MB/s; the extractor finds candidates with regular
expressions and asks jieba only about the few characters around each one.
"""
from __future__ import annotations

import logging
from functools import lru_cache

from kg.extract.lexicon import Lexicon


@lru_cache(maxsize=1)
def _jieba():
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    for word in Lexicon.default().user_words():
        tokenizer.add_word(word)
    return tokenizer, jieba.posseg.dt.word_tag_tab


@lru_cache(maxsize=16384)
def tokens(window: str, hmm: bool = True) -> tuple[str, ...]:
    """jieba's accurate-mode tokens of a short window (cached: windows repeat).

    ``hmm=False`` leaves words jieba does not know as single characters, which
    is faster and is all that finding where a name starts needs.
    """
    tokenizer, _ = _jieba()
    return tuple(tokenizer.lcut(window, HMM=hmm))


def dictionary_tag(word: str) -> str | None:
    """The part-of-speech jieba's dictionary gives ``word`` (None for unknown words)."""
    _, tags = _jieba()
    return tags.get(word)


def word_frequency(word: str) -> int:
    """How often jieba's dictionary has seen ``word`` (0 for words it does not know)."""
    tokenizer, _ = _jieba()
    return tokenizer.FREQ.get(word) or 0
