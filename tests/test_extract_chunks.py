"""Long documents are extracted in chunks: the same facts as whole, offsets into the whole text, progress."""
from __future__ import annotations

from pathlib import Path

from kg.extract import extract_facts
from kg.extract.chunks import chunk_spans, extract_in_chunks
from kg.factfile import check_references
from kg.reader import read_document

PARAGRAPHS = [
    "宜昌市人民政府决定授予宜昌长风机电有限公司2022年度宜昌市市长质量奖。",
    "湖北三峡新能电力有限公司董事长王建国出席会议。",
    "市政府决定授予湖北夷陵食品有限公司2021年度宜昌市市长质量奖提名奖。",
]


def long_text(repeats: int) -> str:
    return "\n\n".join(PARAGRAPHS[i % len(PARAGRAPHS)] for i in range(repeats)) + "\n"


def test_chunks_cover_the_text_and_end_at_paragraph_breaks():
    text = long_text(200)
    spans = chunk_spans(text, size=1000)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))
    assert all(text[end - 2:end] == "\n\n" for _, end in spans[:-1])


def test_a_long_document_in_chunks_has_the_facts_of_the_whole(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text(long_text(300), encoding="utf-8")
    document = read_document(path)
    whole = extract_facts(document)
    reported = []
    chunked = extract_in_chunks(document, extract_facts, on_chunk=reported.append, size=500)
    check_references(chunked)
    key = lambda facts: {(c.recipient, c.award, c.year) for c in facts.conferrals}  # noqa: E731
    assert key(chunked) == key(whole) and key(whole)
    assert {(p.person, p.role, p.organization) for p in chunked.positions} == \
        {(p.person, p.role, p.organization) for p in whole.positions}
    assert sum(reported) == len(document.text) and len(reported) > 10
    for conferral in chunked.conferrals:  # evidence offsets point into the whole text
        start, end = conferral.evidence
        assert conferral.recipient in document.text[start:end] or conferral.award[:2] in document.text[start:end]


def test_the_progress_bar_counts_bytes_and_moves_within_a_long_file(tmp_path, monkeypatch):
    from kg import batch
    from kg.extract import run
    from kg.extract.chunks import CHUNK_CHARS

    path = tmp_path / "long.txt"
    path.write_text(long_text(300), encoding="utf-8")
    monkeypatch.setattr(run, "LONG_DOCUMENT", 1000)  # a short text taken as long, so that it is chunked
    monkeypatch.setattr("kg.extract.chunks.CHUNK_CHARS", 500)
    seen = []
    real_advance = batch._BarShare.advance

    def spy(share, fraction):
        seen.append(fraction)
        real_advance(share, fraction)

    monkeypatch.setattr(batch._BarShare, "advance", spy)
    summary = run.extract_paths([path], tmp_path / "out", jobs=1, progress=True)
    assert summary.extracted == 1
    assert len(seen) > 10 and abs(sum(seen[:-1]) - 1.0) < 0.01  # each chunk, then the rest (none) at the end
    assert CHUNK_CHARS > 500  # the module's own setting is untouched
