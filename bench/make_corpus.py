"""Write a large synthetic corpus of mixed styles and encodings for benchmarks.

It perturbs real documents read at run time (../shared/corpus beside the
repository, and the test documents in tests/fixtures/docs): place names are
swapped for other divisions from the gazetteer, years shifted, paragraphs
shuffled and documents joined; each copy is written in one of several styles
(plain UTF-8, UTF-8 with BOM, GB18030, Markdown with front matter, an HTML
page with navigation, scripts and share buttons, traditional characters,
full-width digits). Nothing is written inside the repository by default.

Usage:  python bench/make_corpus.py --mb 50 --out /tmp/qkg-bench-corpus [--seed 7] [--bad 5]
"""
from __future__ import annotations

import argparse
import html
import random
import re
import shutil
import sys
from collections import Counter
from functools import lru_cache
from pathlib import Path

from kg.gazetteer import Gazetteer
from kg.reader import UnreadableDocument, find_documents, read_document
from kg.textnorm import opencc_characters

REPO = Path(__file__).resolve().parents[1]
SOURCES = (REPO.parent / "shared" / "corpus", REPO / "tests" / "fixtures" / "docs")
DEFAULT_OUT = Path("/tmp/qkg-bench-corpus")
FILES_PER_FOLDER = 500
YEAR = re.compile(r"(?<!\d)(19[89]\d|20[0-2]\d)(?!\d)")
STYLES = ("txt-utf8", "txt-bom", "txt-gb18030", "md-front-matter", "html-page", "txt-traditional", "txt-fullwidth")

HTML_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{title}_新闻网</title>
<meta property="og:title" content="{title}"><meta name="pubdate" content="{date}">
<script>var stats = {{page: "{number}"}};</script><style>body {{ margin: 0 }}</style></head>
<body><div class="header"><a href="/">首页</a> <a href="/news">新闻</a> <a href="/city">城市</a></div>
<nav><ul><li><a href="/1">要闻</a></li><li><a href="/2">经济</a></li></ul></nav>
<div class="main"><h1>{title}</h1><div class="info">{date} 来源：新闻网</div>
<div class="content">{paragraphs}</div>
<div class="share"><a>分享到微信</a> <a>分享到微博</a></div>
<div id="comments">网友评论</div></div>
<div class="footer">版权所有 新闻网</div><script src="/share.js"></script></body></html>
"""


@lru_cache(maxsize=1)
def simplified_to_traditional() -> dict[int, str]:
    return opencc_characters("STCharacters.txt")


FULL_WIDTH_DIGITS = {ord(digit): chr(ord(digit) + 0xFEE0) for digit in "0123456789"}


def load_sources() -> list[str]:
    bodies = []
    for folder in SOURCES:
        if not folder.is_dir():
            print(f"note: {folder} not found, skipped", file=sys.stderr)
            continue
        for path in find_documents([folder]):
            try:
                doc = read_document(path)
            except UnreadableDocument:
                continue  # the fixtures include bad files on purpose
            bodies.append(doc.text[doc.body_start:])
    if not bodies:
        sys.exit("no source documents found")
    return bodies


class Perturber:
    def __init__(self, rng: random.Random):
        self.rng = rng
        gazetteer = Gazetteer.default()
        self.prefectures = [d for d in gazetteer if d.level == "prefecture" and d.short != d.name]
        self.places = [d for d in gazetteer if d.level in ("province", "prefecture") and d.short != d.name]

    def swap_places(self, text: str) -> str:
        present = [d for d in self.places if d.name in text]
        for division in present:
            other = self.rng.choice(self.prefectures if division.level == "prefecture" else self.places)
            text = text.replace(division.name, other.name).replace(division.short, other.short)
        return text

    def shift_years(self, text: str) -> str:
        shift = self.rng.randint(-3, 3)
        return YEAR.sub(lambda match: str(int(match.group()) + shift), text)

    def document(self, bodies: list[str]) -> tuple[str, list[str]]:
        parts = [self.rng.choice(bodies) for _ in range(self.rng.choice((1, 1, 1, 2, 3)))]
        paragraphs = [line for part in parts for line in part.splitlines() if line.strip()]
        head, rest = paragraphs[0], paragraphs[1:]
        self.rng.shuffle(rest)
        text = self.shift_years(self.swap_places("\n".join([head, *rest])))
        lines = text.split("\n")
        return lines[0].strip("# ")[:40] or "新闻", lines


def render(style: str, title: str, lines: list[str], number: int, rng: random.Random) -> tuple[str, bytes]:
    date = f"20{rng.randint(10, 23)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    body = "\n\n".join(lines) + "\n"
    if style == "txt-utf8":
        return ".txt", body.encode("utf-8")
    if style == "txt-bom":
        return ".txt", b"\xef\xbb\xbf" + body.encode("utf-8")
    if style == "txt-gb18030":
        return ".txt", body.encode("gb18030")
    if style == "md-front-matter":
        front = f'---\ntitle: "{title}"\ndate: {date}\nsource: 新闻网\nurl: https://example.org/{number}\n---\n'
        return ".md", (front + f"# {title}\n\n" + body).encode("utf-8")
    if style == "html-page":
        paragraphs = "".join(f"<p>{html.escape(line)}</p>\n" for line in lines)
        page = HTML_PAGE.format(title=html.escape(title), date=date, number=number, paragraphs=paragraphs)
        return ".html", page.encode("utf-8")
    if style == "txt-traditional":
        return ".txt", body.translate(simplified_to_traditional()).encode("utf-8")
    if style == "txt-fullwidth":
        return ".txt", body.translate(FULL_WIDTH_DIGITS).encode("utf-8")
    raise ValueError(style)


BAD_FILES = (
    (".txt", b""),
    (".txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))),
    (".txt", "质量".encode("utf-8") + b"\x80\xff\xfe\x80"),
)


def write_corpus(out: Path, megabytes: float, seed: int, bad: int) -> Counter:
    rng = random.Random(seed)
    bodies = load_sources()
    perturber = Perturber(rng)
    if out.exists():
        shutil.rmtree(out)
    target = int(megabytes * 1_000_000)
    written, number, counts = 0, 0, Counter()
    while written < target:
        style = STYLES[number % len(STYLES)]
        title, lines = perturber.document(bodies)
        suffix, data = render(style, title, lines, number, rng)
        path = out / f"part{number // FILES_PER_FOLDER:04d}" / f"doc{number:07d}{suffix}"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written += len(data)
        counts[style] += 1
        number += 1
    for index in range(bad):
        suffix, data = BAD_FILES[index % len(BAD_FILES)]
        path = out / "bad" / f"bad{index:04d}{suffix}"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        counts["bad"] += 1
    counts["bytes"] = written
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=50.0, help="megabytes (10^6 bytes) of documents to write")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--bad", type=int, default=0, help="also write this many empty/binary/undecodable files")
    args = parser.parse_args()
    counts = write_corpus(args.out, args.mb, args.seed, args.bad)
    size = counts.pop("bytes")
    total = sum(counts.values())
    styles = ", ".join(f"{style} {count}" for style, count in sorted(counts.items()))
    print(f"wrote {total} files, {size / 1e6:.1f} MB, to {args.out} ({styles})")


if __name__ == "__main__":
    main()
