"""Read source documents: find them, decode them, take their metadata.

A ``SourceDocument`` carries ``text`` (what evidence offsets point into) and
``matchable`` (the same text, character for character, in the form matchers
use). ``.txt`` and ``.md`` keep the whole decoded file as text, front matter
included, so offsets stay offsets into the file; HTML keeps its main text.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from kg.errors import QkgError
from kg.htmltext import HtmlPage, parse_page
from kg.layout import dateline_date, find_title, signature_date
from kg.textnorm import matchable as matchable_form, strip_pinyin_glosses

log = logging.getLogger(__name__)

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
HTML_SUFFIXES = (".html", ".htm")
UTF8_BOM = b"\xef\xbb\xbf"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# Control bytes that text files do not hold (tab, newlines, form feed and ESC are allowed).
CONTROL_BYTES = bytes(byte for byte in range(0x20) if byte not in b"\t\n\r\f\v\x1b") + b"\x7f"
BINARY_SAMPLE = 65536
MAX_CONTROL_SHARE = 0.02  # text files hold next to no control characters

FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)
MARKDOWN_HEADING = re.compile(r"#{1,2}[ \t]+(\S.*)")
# A plain text's first line is its title when it is short and ends no sentence or clause.
TITLE_LINE_MAX = 60
NOT_TITLE_ENDINGS = tuple("。，,；;：:！!？?、")
FULL_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
YEAR_MONTH = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})(?!\d)")
YEAR_ONLY = re.compile(r"\A(\d{4})(?:年)?\Z")
# A byline such as "2020-09-02 09:40 来源：某某日报"; only lines that say 来源/发布 count.
BYLINE = re.compile(r"来源|发布时间|发布日期|发稿时间")
BYLINE_SOURCE = re.compile(r"来源\s*[:：]\s*([^\s|｜/丨]{2,30})")
BYLINE_SCAN_LINES = 30
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: ~10x faster

TITLE_KEYS = ("og:title", "title", "dc.title", "headline")
DATE_KEYS = (
    "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
    "publish_date", "dc.date.issued", "dc.date", "date", "og:release_date",
)
PUBLISHER_KEYS = ("publisher", "source", "og:site_name", "sitename", "site_name", "dc.publisher", "author")
URL_KEYS = ("url", "link", "permalink", "source_url", "og:url")


class UnreadableDocument(QkgError):
    """A document that cannot be read: missing, empty, binary or undecodable."""

    def __init__(self, path, reason: str):
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{path}: {reason}")


@dataclass
class SourceDocument:
    path: Path
    text: str  # offsets refer to this: the decoded file (BOM removed), or an HTML page's main text
    matchable: str  # same length as text: simplified, half-width, for matching
    title: str | None
    date: str | None  # YYYY, YYYY-MM or YYYY-MM-DD when it could be read so, else as given
    publisher: str | None
    url: str | None
    encoding: str  # 'utf-8', 'utf-8-sig' or 'gb18030'
    sha256: str  # of text.encode('utf-8')
    body_start: int = 0  # offset where the text after any front matter begins


def find_documents(paths) -> list[Path]:
    """Files named, plus supported files under folders named (recursively); sorted, without repeats.

    A file named explicitly is kept whatever its suffix, so that reading it
    reports it rather than dropping it silently.
    """
    found: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for folder, _, names in os.walk(path):
                for name in names:
                    if name.lower().endswith(SUPPORTED_SUFFIXES) and not name.startswith("."):
                        found.add(Path(folder) / name)
        elif path.exists():
            found.add(path)
        else:
            raise UnreadableDocument(path, "no such file or folder")
    return sorted(found)


def read_document(path) -> SourceDocument:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise UnreadableDocument(path, f"unsupported file type '{suffix or path.name}'")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableDocument(path, (exc.strerror or str(exc)).lower()) from exc
    decoded, encoding = decode(path, data)
    if suffix in HTML_SUFFIXES:
        page = parse_page(decoded)
        if not page.text.strip():
            raise UnreadableDocument(path, "no main text in the HTML page")
        text, body_start = strip_pinyin_glosses(page.text), 0
        metadata = _html_metadata(page)
        if metadata.get("title"):
            metadata["title"] = strip_pinyin_glosses(metadata["title"])
    else:
        text = strip_pinyin_glosses(decoded)
        metadata, body_start = _front_matter(path, text)
        if "title" not in metadata:
            body = text[body_start:]
            heading = _first_heading(body) or (find_title(body) if suffix == ".txt" else None)
            if heading:
                metadata["title"] = heading
    if not text.strip():
        raise UnreadableDocument(path, "empty file")
    _fill_from_byline(text[body_start:], metadata)
    if "date" not in metadata and (found := dateline_date(text[body_start:]) or signature_date(text[body_start:])):
        metadata["date"] = found
    return SourceDocument(
        path=path,
        text=text,
        matchable=matchable_form(text),
        title=metadata.get("title"),
        date=metadata.get("date"),
        publisher=metadata.get("publisher"),
        url=metadata.get("url"),
        encoding=encoding,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        body_start=body_start,
    )


def decode(path, data: bytes) -> tuple[str, str]:
    """Decode strictly: UTF-8 (with or without BOM), else GB18030; reject empty and binary data."""
    if not data:
        raise UnreadableDocument(path, "empty file")
    if data.startswith(UTF16_BOMS):
        raise UnreadableDocument(path, "UTF-16 text is not supported (save it as UTF-8)")
    sample = data[:BINARY_SAMPLE]
    control = len(sample) - len(sample.translate(None, CONTROL_BYTES))
    if b"\x00" in data or control > MAX_CONTROL_SHARE * len(sample):
        raise UnreadableDocument(path, "binary file")
    if data.startswith(UTF8_BOM):
        try:
            return data[len(UTF8_BOM):].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise UnreadableDocument(path, "cannot decode as UTF-8 despite its byte order mark") from exc
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise UnreadableDocument(path, "cannot decode as UTF-8 or GB18030")


def normalize_date(value) -> str | None:
    """YYYY-MM-DD, YYYY-MM or YYYY from a date, datetime or text; None when there is none."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int) and 1000 <= value <= 9999:
        return str(value)
    if not isinstance(value, str):
        return None
    value = value.strip()
    if match := FULL_DATE.search(value):
        year, month, day = (int(part) for part in match.groups())
        if 1 <= month <= 12 and 1 <= day <= 31:
            return f"{year:04d}-{month:02d}-{day:02d}"
    if match := YEAR_MONTH.search(value):
        year, month = (int(part) for part in match.groups())
        if 1 <= month <= 12:
            return f"{year:04d}-{month:02d}"
    if match := YEAR_ONLY.match(value):
        return match.group(1)
    return None


def _first_value(mapping: dict, keys) -> str | None:
    for key in keys:
        value = mapping.get(key)
        if value not in (None, ""):
            return value if isinstance(value, (dt.date, int)) else str(value).strip()
    return None


def _front_matter(path: Path, text: str) -> tuple[dict[str, str], int]:
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, 0
    try:
        fields = yaml.load(match.group(1), Loader=YAML_LOADER)
    except yaml.YAMLError:
        log.warning("%s: front matter is not valid YAML; ignoring it", path)
        return {}, 0
    if not isinstance(fields, dict):
        return {}, 0
    fields = {str(key).lower(): value for key, value in fields.items()}
    metadata = {}
    if title := _first_value(fields, ("title",)):
        metadata["title"] = str(title)
    if date := normalize_date(_first_value(fields, ("date", "published", "pubdate"))):
        metadata["date"] = date
    if publisher := _first_value(fields, ("publisher", "source", "author")):
        metadata["publisher"] = str(publisher)
    if url := _first_value(fields, URL_KEYS):
        metadata["url"] = str(url)
    return metadata, match.end()


def _first_heading(body: str) -> str | None:
    """A Markdown heading on the first non-blank line ('# Title', also with a full-width ＃)."""
    for line in body.splitlines():
        line = line.strip()
        if line:
            heading = MARKDOWN_HEADING.match(matchable_form(line))
            return line[heading.start(1):].strip() if heading else None
    return None


def _title_line(text: str) -> str | None:
    """A plain text's first non-blank line, when it reads as a title (short, no sentence's end)."""
    for line in text.splitlines():
        line = line.strip()
        if line:
            plain = matchable_form(line)
            looks_like_title = len(line) <= TITLE_LINE_MAX and not plain.endswith(NOT_TITLE_ENDINGS)
            return line if looks_like_title else None
    return None


def _html_metadata(page: HtmlPage) -> dict[str, str]:
    metadata = {}
    title = _first_value(page.meta, TITLE_KEYS)
    if not title and page.headline and page.title and page.headline in page.title:
        title = page.headline  # <title> usually adds the site's name to the headline
    if title := title or page.title or page.headline:
        metadata["title"] = title
    if date := normalize_date(_first_value(page.meta, DATE_KEYS) or page.time):
        metadata["date"] = date
    if publisher := _first_value(page.meta, PUBLISHER_KEYS):
        metadata["publisher"] = publisher
    if url := page.canonical or _first_value(page.meta, ("og:url", "url")):
        metadata["url"] = url
    return metadata


def _fill_from_byline(body: str, metadata: dict[str, str]) -> None:
    """Take a missing date or publisher from a byline near the top ("2020-09-02 来源：某报")."""
    if "date" in metadata and "publisher" in metadata:
        return
    for line in body.splitlines()[:BYLINE_SCAN_LINES]:
        line = matchable_form(line)  # "來源：" in traditional script is a byline too
        if not BYLINE.search(line):
            continue
        if "date" not in metadata and (date := normalize_date(line)) and len(date) == 10:
            metadata["date"] = date
        if "publisher" not in metadata and (source := BYLINE_SOURCE.search(line)):
            metadata["publisher"] = source.group(1)
        return
