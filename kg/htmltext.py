"""The main text and the metadata of an HTML page.

Boilerplate (scripts, navigation, headers, footers, share buttons, comment
widgets, forms) is dropped; the main block is the page's ``articleBody`` or
``<article>`` when it holds the text, else the element whose paragraphs carry
the most text (a simple text-density score in the manner of Readability).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

DROP_TAGS = (
    "script", "style", "noscript", "nav", "aside", "form", "iframe", "svg", "button", "select",
    "input", "textarea", "template", "object", "embed", "canvas", "video", "audio", "map",
)
# class/id words of boilerplate blocks (English and the pinyin that Chinese CMSs use).
BOILERPLATE = re.compile(
    r"(?:^|[-_\s])(?:share|bdshare|jiathis|social|comments?|reply|pinglun|nav|navbar|navigation|menu|"
    r"breadcrumbs?|crumbs?|sidebar|footer|topbar|toolbar|copyright|banquan|related|recommend|xiangguan|"
    r"advert|ads?|guanggao|banner|login|search|pager|pagination|qrcode|erweima|weixin|wechat)(?:$|[-_\s\d])",
    re.IGNORECASE,
)
BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "main", "td", "th", "tr", "li", "ul", "ol", "dl", "dt", "dd",
    "blockquote", "pre", "table", "h1", "h2", "h3", "h4", "h5", "h6", "center", "figure", "figcaption",
})
PARAGRAPH_TAGS = ("p", "pre", "blockquote", "td", "li", "dd")
WHITESPACE = re.compile(r"[ \t\r\n\f\v\u00a0\u3000]+")
XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")
MIN_ARTICLE_SHARE = 0.5  # an <article> must hold at least this share of the best block's text


@dataclass
class HtmlPage:
    text: str
    meta: dict[str, str] = field(default_factory=dict)  # lower-cased name/property/itemprop -> content
    title: str | None = None  # <title>
    headline: str | None = None  # the first <h1>
    time: str | None = None  # the first <time datetime=...>
    canonical: str | None = None  # <link rel="canonical">


def parse_page(markup: str) -> HtmlPage:
    """Parse ``markup`` (already decoded) and return its main text and metadata."""
    markup = XML_DECLARATION.sub("", markup, count=1)
    if not markup.strip():
        return HtmlPage(text="")
    try:
        # Plain etree, not lxml.html: its per-element class lookup doubles the cost.
        root = etree.fromstring(markup, etree.HTMLParser(remove_comments=True, remove_pis=True))
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return HtmlPage(text="")
    if root is None:
        return HtmlPage(text="")
    page = HtmlPage(text="")
    _read_metadata(root, page)
    _drop_boilerplate(root)
    main = _main_block(root)
    lines = _lines(main) if main is not None else []
    if page.headline and main is not None and not any(page.headline in line for line in lines[:3]):
        lines.insert(0, page.headline)
    page.text = "\n".join(lines)
    return page


def _clean(text: str | None) -> str:
    return WHITESPACE.sub(" ", text or "").strip()


def _text_of(element) -> str:
    return "".join(element.itertext())


def _visible_length(text: str) -> int:
    """Characters other than whitespace (cheaper than _clean for scoring)."""
    return sum(map(len, text.split()))


def _drop(element) -> None:
    """Remove ``element`` and its subtree, keeping its tail text in place."""
    parent = element.getparent()
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def _read_metadata(root, page: HtmlPage) -> None:
    for meta in root.iter("meta"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop")
        content = _clean(meta.get("content"))
        if key and content:
            page.meta.setdefault(key.strip().lower(), content)
    title = root.find(".//title")
    if title is not None:
        page.title = _clean(_text_of(title)) or None
    headline = root.find(".//h1")
    if headline is not None:
        page.headline = _clean(_text_of(headline)) or None
    for time in root.iter("time"):
        stamp = _clean(time.get("datetime") or _text_of(time))
        if stamp:
            page.time = stamp
            break
    for link in root.iter("link"):
        if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
            page.canonical = link.get("href").strip()
            break


def _holds_article(element) -> bool:
    return element.tag in ("html", "body") or next(element.iter("article", "main"), None) is not None


def _is_boilerplate(element) -> bool:
    if element.tag in DROP_TAGS or element.tag == "footer":
        return True
    if element.tag == "header":
        return not any(ancestor.tag in ("article", "main") for ancestor in element.iterancestors())
    if element.get("role") in ("navigation", "banner", "contentinfo", "complementary", "search"):
        return True
    marks = f"{element.get('class', '')} {element.get('id', '')}"
    return bool(marks.strip()) and BOILERPLATE.search(marks) is not None


def _drop_boilerplate(root) -> None:
    doomed = [
        element for element in root.iter()
        if isinstance(element.tag, str) and _is_boilerplate(element) and not _holds_article(element)
    ]
    for element in doomed:
        if element.getparent() is not None:
            _drop(element)


def _own_text_length(element) -> int:
    """Length of the text in ``element`` outside links."""
    total = _visible_length(_text_of(element))
    linked = sum(_visible_length(_text_of(link)) for link in element.iter("a"))
    return max(total - linked, 0)


def _densest_block(root):
    scores: dict = {}
    for paragraph in root.iter(*PARAGRAPH_TAGS):
        length = _own_text_length(paragraph)
        if length < 10:
            continue
        parent = paragraph.getparent()
        if parent is None:
            continue
        scores[parent] = scores.get(parent, 0) + length
        grandparent = parent.getparent()
        if grandparent is not None:
            scores[grandparent] = scores.get(grandparent, 0) + length / 2
    # Pages that separate paragraphs with <br> in one <div>: score such divs by their own text.
    for block in root.iter("div", "section", "td"):
        direct = _visible_length(" ".join(block.xpath("text()")))
        if direct >= 10:
            scores[block] = scores.get(block, 0) + direct
    if not scores:
        return None, 0
    best = max(scores, key=scores.get)
    return best, scores[best]


def _main_block(root):
    body = root.find("body")
    body = body if body is not None else root
    marked = root.xpath("//*[@itemprop='articleBody']")
    if marked:
        return max(marked, key=_own_text_length)
    best, _ = _densest_block(body)
    containers = list(body.iter("article")) or list(body.iter("main"))
    if containers:
        article = max(containers, key=_own_text_length)
        best_length = _own_text_length(best) if best is not None else 0
        if _own_text_length(article) >= MIN_ARTICLE_SHARE * best_length:
            return article
    return best if best is not None else body


def _lines(element) -> list[str]:
    """The element's text, one line per block element or <br>, blank lines dropped."""
    pieces: list[str] = []

    def walk(node) -> None:
        if not isinstance(node.tag, str):
            return
        block = node.tag in BLOCK_TAGS
        if block or node.tag == "br":
            pieces.append("\n")
        if node.text:
            pieces.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                pieces.append(child.tail)
        if block:
            pieces.append("\n")

    walk(element)
    lines = (_clean(line) for line in "".join(pieces).split("\n"))
    return [line for line in lines if line]
