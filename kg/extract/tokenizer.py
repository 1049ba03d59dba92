"""jieba, loaded once per process with the lexicon's words, for short windows only.

jieba runs at about 0.5 MB/s; the extractor finds candidates with regular
expressions and asks jieba only about the few characters around each one.
"""
from __future__ import annotations

import logging
import marshal
import os
import sys
import tempfile
from functools import lru_cache
from math import log
from pathlib import Path

from kg.extract.lexicon import Lexicon

_log = logging.getLogger(__name__)


def _import_jieba():
    """jieba, imported without setuptools' pkg_resources.

    jieba's _compat module imports pkg_resources (0.1 s in every run) only to
    open jieba's own data files, and opens them by their path when it cannot.
    """
    if "pkg_resources" in sys.modules:
        import jieba
        return jieba
    sys.modules["pkg_resources"] = None  # an import of it fails
    try:
        import jieba
    finally:
        del sys.modules["pkg_resources"]
    return jieba


@lru_cache(maxsize=1)
def _jieba():
    jieba = _import_jieba()
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()

    def frequencies() -> tuple[dict[str, int], int]:
        if not _load_cached_dictionary(tokenizer):
            tokenizer.initialize()  # builds the dictionary and writes jieba's cache
        return tokenizer.FREQ, tokenizer.total

    tokenizer.FREQ, tokenizer.total, tags = dictionary_tables(Path(jieba.__file__).parent / jieba.DEFAULT_DICT_NAME,
                                                              Path(tokenizer.tmp_dir or tempfile.gettempdir()),
                                                              frequencies)
    tokenizer.initialized = True
    for word in Lexicon.default().user_words():
        tokenizer.add_word(word)
    return tokenizer, tags


@lru_cache(maxsize=1)
def _cut():
    """The function that cuts a window: ``_cutter`` for the jieba it was checked with, else jieba's own."""
    tokenizer, _ = _jieba()
    if _import_jieba().__version__ == _CUT_CHECKED_WITH:
        return _cutter(tokenizer.FREQ, tokenizer.total)
    return lambda window, hmm: tokenizer.lcut(window, HMM=hmm)


_CUT_CHECKED_WITH = "0.42.1"  # the jieba whose Tokenizer.cut _cutter computes exactly


def _cutter(freq: dict[str, int], total: int):
    """jieba's accurate-mode ``Tokenizer.lcut(window, HMM=hmm)``, computed the same way, in one function.

    jieba builds a dictionary of each window's words (get_DAG), then finds the
    most probable path through them (calc), taking a logarithm for every edge;
    for the short windows the extractor asks about, its generators and
    attribute look-ups cost as much as the work. This does both steps in one
    pass from the window's end, keeping each word's cost, log(frequency) -
    log(total), which is the same each time. The arithmetic, the choice
    between equal paths (the later end wins, as comparing jieba's tuples
    does) and the treatment of unknown runs (jieba's HMM, finalseg.cut) are
    jieba's own, so the tokens are the same (tests/test_extract_tokenizer_cache.py
    compares them with jieba's). The dictionary must not change afterwards
    (it does not: words are added before this is made).
    """
    jieba = _import_jieba()
    finalseg = jieba.finalseg

    log_total = log(total)
    costs: dict[str, float] = {}
    known, known_cost = freq.get, costs.get
    blocks, spaces, latin = jieba.re_han_default, jieba.re_skip_default, jieba.re_eng

    @lru_cache(maxsize=4096)
    def unknown_run(run: str) -> tuple[str, ...]:
        """finalseg.cut's words (cached: an unknown run, a name or a brand, recurs in many windows)."""
        return tuple(finalseg.cut(run))

    def cost(word: str) -> float:
        value = costs.get(word)
        if value is None:
            value = costs[word] = log(known(word) or 1) - log_total
        return value

    def route(sentence: str) -> list[int]:
        """For each start, the end (exclusive) of the word the best path takes from it."""
        size = len(sentence)
        scores = [0.0] * (size + 1)
        ends = [0] * size
        for start in range(size - 1, -1, -1):
            best_score, best_end = None, start
            end, word = start, sentence[start]
            while True:  # the words of the dictionary that start here: every prefix of one is in it too
                count = known(word)
                if count is None:
                    break
                if count:
                    value = known_cost(word)  # cost(word), inline: this is the innermost loop
                    if value is None:
                        value = costs[word] = log(count) - log_total
                    score = value + scores[end + 1]
                    if best_score is None or score >= best_score:  # (score, end) compared: a later end wins ties
                        best_score, best_end = score, end
                end += 1
                if end == size:
                    break
                word = sentence[start:end + 1]
            if best_score is None:  # no word starts here: the character alone
                best_score = cost(sentence[start]) + scores[start + 1]
            scores[start] = best_score
            ends[start] = best_end + 1
        return ends

    def with_hmm(sentence: str, out: list[str]) -> None:
        ends = route(sentence)
        size, start, run = len(sentence), 0, ""
        while start < size:
            end = ends[start]
            if end - start == 1:
                run += sentence[start]
            else:
                if run:
                    _unknown(run, out)
                    run = ""
                out.append(sentence[start:end])
            start = end
        if run:
            _unknown(run, out)

    def _unknown(run: str, out: list[str]) -> None:
        """A run of single characters: one character, a word after all, or the HMM's words."""
        if len(run) == 1:
            out.append(run)
        elif not known(run):
            out.extend(unknown_run(run))
        else:
            out.extend(run)

    def without_hmm(sentence: str, out: list[str]) -> None:
        ends = route(sentence)
        size, start, letters = len(sentence), 0, ""
        while start < size:
            end = ends[start]
            word = sentence[start:end]
            if end - start == 1 and latin.match(word):
                letters += word
            else:
                if letters:
                    out.append(letters)
                    letters = ""
                out.append(word)
            start = end
        if letters:
            out.append(letters)

    def cut(window: str, hmm: bool) -> list[str]:
        block = with_hmm if hmm else without_hmm
        out: list[str] = []
        if blocks.fullmatch(window):  # the usual window: one block of name characters
            block(window, out)
            return out
        for part in blocks.split(window):
            if not part:
                continue
            if blocks.match(part):
                block(part, out)
                continue
            for piece in spaces.split(part):
                if spaces.match(piece):
                    out.append(piece)
                else:
                    out.extend(piece)
        return out

    return cut


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


def dictionary_tables(dictionary: Path, cache_dir: Path, frequencies) -> tuple[dict[str, int], int, dict[str, str]]:
    """jieba's word frequencies (its FREQ and total, from ``frequencies()``) and the part-of-speech
    tag of each word of its dictionary file, as jieba.posseg reads them.

    Importing jieba.posseg parses the 5 MB dictionary again for its tags (0.5 s
    in every run). The three are kept together in one file in ``cache_dir``
    after the first run, keyed by the dictionary file's size and time, a word
    of both tables stored once, and read back with one marshal.loads: 0.25 s,
    against 0.4 s for jieba's own cache and a table of tags apart.
    """
    stat = dictionary.stat()
    cached = cache_dir / f"qkg-jieba.{stat.st_size}-{stat.st_mtime_ns}.cache"
    try:
        frequency, total, tags = marshal.loads(cached.read_bytes())
        return frequency, total, tags
    except (OSError, ValueError, EOFError, TypeError):
        pass
    frequency, total = frequencies()
    words = {word: word for word in frequency}
    tags = {words.get(word, word): tag for word, tag in _parse_word_tags(dictionary).items()}
    temporary = None
    try:
        handle, temporary = tempfile.mkstemp(dir=cache_dir, prefix=".qkg-jieba.")
        with os.fdopen(handle, "wb") as out:
            out.write(marshal.dumps((frequency, total, tags)))
        os.replace(temporary, cached)  # whole or not at all, should two processes write it at once
    except OSError as exc:
        _log.debug("cannot cache jieba's dictionary in %s: %s", cache_dir, exc)
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
    return frequency, total, tags


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
    return tuple(_cut()(window, hmm))


def dictionary_tag(word: str) -> str | None:
    """The part-of-speech jieba's dictionary gives ``word`` (None for unknown words)."""
    _, tags = _jieba()
    return tags.get(word)


def word_frequency(word: str) -> int:
    """How often jieba's dictionary has seen ``word`` (0 for words it does not know)."""
    tokenizer, _ = _jieba()
    return tokenizer.FREQ.get(word) or 0
