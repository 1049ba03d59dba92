"""jieba, loaded once per process with the lexicon's words, for short windows only.

jieba runs at about 0.5 MB/s; the extractor finds candidates with regular
expressions and asks jieba only about the few characters around each one.
"""
from __future__ import annotations

import logging
import marshal
import os
import tempfile
from functools import lru_cache
from math import log
from pathlib import Path

from kg.extract.lexicon import Lexicon

_log = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def _jieba():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    if not _load_cached_dictionary(tokenizer):
        tokenizer.initialize()  # builds the dictionary and writes the cache for next time
    for word in Lexicon.default().user_words():
        tokenizer.add_word(word)
    if jieba.__version__ == _CALC_CHECKED_WITH:
        tokenizer.calc = _route_finder(tokenizer.FREQ, tokenizer.total)
    return tokenizer, word_tags(Path(jieba.__file__).parent / jieba.DEFAULT_DICT_NAME,
                                Path(tokenizer.tmp_dir or tempfile.gettempdir()))


_CALC_CHECKED_WITH = "0.42.1"  # the jieba whose Tokenizer.calc _route_finder computes exactly


def _route_finder(freq: dict[str, int], total: int):
    """jieba's Tokenizer.calc (the most probable path through a window's word graph), computed the same way.

    jieba takes a logarithm for every edge of every window's graph; a word's
    cost, log(frequency) - log(total), is the same each time, so it is kept.
    The arithmetic and the choice between equal paths are jieba's own, so the
    tokens are the same; the dictionary must not change afterwards (it does not:
    words are added before this is installed).
    """
    log_total = log(total)
    costs: dict[str, float] = {}

    def cost(word: str) -> float:
        value = costs.get(word)
        if value is None:
            value = costs[word] = log(freq.get(word) or 1) - log_total
        return value

    def calc(sentence: str, dag: dict[int, list[int]], route: dict[int, tuple[float, int]]) -> None:
        route[len(sentence)] = (0, 0)
        for start in range(len(sentence) - 1, -1, -1):
            best = None
            for end in dag[start]:
                candidate = (cost(sentence[start:end + 1]) + route[end + 1][0], end)
                if best is None or candidate > best:  # max() keeps the first of equals, so does this
                    best = candidate
            route[start] = best

    return calc


def _load_cached_dictionary(tokenizer) -> bool:
    """Load jieba's default dictionary from the cache jieba itself writes, as ``initialize`` would.

    jieba reads that cache with marshal.load on the open file, which takes
    0.7 s; marshal.loads on the file's bytes reads the same data in 0.2 s.
    """
    path = Path(tokenizer.tmp_dir or tempfile.gettempdir()) / "jieba.cache"
    try:
        tokenizer.FREQ, tokenizer.total = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return False
    tokenizer.initialized = True
    return True


def word_tags(dictionary: Path, cache_dir: Path) -> dict[str, str]:
    """The part-of-speech tag of each word of jieba's dictionary file, as jieba.posseg reads them.

    Importing jieba.posseg parses the 5 MB dictionary again for its tags (0.5 s
    in every run); the table is kept in ``cache_dir`` after the first run, keyed
    by the dictionary file's size and time, and read back with marshal (0.1 s).
    """
    stat = dictionary.stat()
    cached = cache_dir / f"qkg-jieba-tags.{stat.st_size}-{stat.st_mtime_ns}.cache"
    try:
        return marshal.loads(cached.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        pass
    tags = _parse_word_tags(dictionary)
    temporary = None
    try:
        handle, temporary = tempfile.mkstemp(dir=cache_dir, prefix=".qkg-jieba-tags.")
        with os.fdopen(handle, "wb") as out:
            out.write(marshal.dumps(tags))
        os.replace(temporary, cached)  # whole or not at all, should two processes write it at once
    except OSError as exc:
        _log.debug("cannot cache jieba's word tags in %s: %s", cache_dir, exc)
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
    return tags


def _parse_word_tags(dictionary: Path) -> dict[str, str]:
    """jieba.posseg's POSTokenizer.load_word_tag: lines "word frequency tag"; a later line wins."""
    tags = {}
    for line in dictionary.read_bytes().split(b"\n"):
        line = line.strip().decode("utf-8")
        if line:
            word, _, tag = line.split(" ")
            tags[word] = tag
    return tags


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
