"""Reading documents: encodings, metadata, HTML main text, offsets, bad input."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from kg.reader import (
    SUPPORTED_SUFFIXES,
    UnreadableDocument,
    find_documents,
    normalize_date,
    read_document,
)
from kg.textnorm import matchable

DOCS = Path(__file__).resolve().parent / "fixtures" / "docs"
CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def assert_offsets_hold(doc) -> None:
    assert len(doc.matchable) == len(doc.text)
    assert doc.sha256 == hashlib.sha256(doc.text.encode("utf-8")).hexdigest()


def test_gbk_file_is_decoded_as_gb18030():
    raw = (DOCS / "gbk_decision.txt").read_bytes()
    doc = read_document(DOCS / "gbk_decision.txt")
    assert doc.encoding == "gb18030"
    assert doc.text == raw.decode("gbk")
    assert "宁波市市长质量奖提名奖" in doc.text
    assert_offsets_hold(doc)


def test_utf8_bom_is_removed_and_reported():
    doc = read_document(DOCS / "bom_news.txt")
    assert doc.encoding == "utf-8-sig"
    assert doc.text.startswith("合肥讯")
    assert doc.text == (DOCS / "bom_news.txt").read_bytes()[3:].decode("utf-8")
    assert_offsets_hold(doc)


def test_traditional_text_stays_evidence_while_matchable_is_simplified():
    doc = read_document(DOCS / "traditional_news.txt")
    assert_offsets_hold(doc)
    start = doc.matchable.index("佛山市政府质量奖")
    assert doc.text[start:start + 8] == "佛山市政府質量獎"
    assert "集团有限公司" in doc.matchable and "集團有限公司" in doc.text


def test_full_width_forms_match_half_width():
    doc = read_document(DOCS / "fullwidth_list.md")
    assert_offsets_hold(doc)
    start = doc.matchable.index("(1)ABC电子科技")
    assert doc.text[start:start + 3] == "（１）"
    assert "2022年度昆山市市长质量奖" in doc.matchable
    assert doc.title == "昆山市２０２２年度质量奖获奖名单"  # a full-width ＃ heading counts


def test_matchable_changes_length_of_nothing():
    sample = "臺灣　ＡＢＣ１２３，（甲）\u00a0乙。後來"
    assert len(matchable(sample)) == len(sample)
    assert matchable(sample) == "台湾 ABC123,(甲) 乙。后来"


def test_markdown_front_matter_gives_metadata_and_offsets_into_whole_file():
    path = DOCS / "profile.md"
    doc = read_document(path)
    assert doc.text == path.read_text(encoding="utf-8")  # front matter included
    assert doc.title == "寅卯汽车零部件有限公司简介"
    assert doc.date == "2021-06-30"
    assert doc.publisher == "某某企业网"
    assert doc.url == "https://example.org/companies/yinmao"
    assert doc.text[doc.body_start:].startswith("# 寅卯汽车零部件有限公司")


def test_text_without_front_matter_has_no_invented_metadata():
    doc = read_document(DOCS / "gbk_decision.txt")
    # the first line reads as a title (short, no sentence's end): it is the title, nothing else is invented
    assert doc.title == "宁波市人民政府关于表彰2023年度宁波市市长质量奖获奖组织的决定"
    assert (doc.publisher, doc.url) == (None, None)
    assert doc.date == "2024-01-15"  # the date the decision was signed, on its last line
    assert doc.body_start == 0


def test_html_main_text_excludes_boilerplate():
    doc = read_document(DOCS / "news_page.html")
    assert_offsets_hold(doc)
    assert "株洲辰巳轨道交通装备有限公司榜上有名" in doc.text
    assert "午未硬质合金有限公司获得湖南省省长质量奖提名奖" in doc.text
    for boilerplate in ("统计代码", "要闻", "当前位置", "分享到", "热门推荐", "网友评论", "发表评论", "版权所有", "责任编辑", "color"):
        assert boilerplate not in doc.text, boilerplate
    paragraphs = doc.text.split("\n")
    assert paragraphs[0] == "株洲两家企业获省长质量奖"
    assert any(p.startswith("日前，湖南省人民政府") for p in paragraphs)


def test_html_metadata_from_meta_tags():
    doc = read_document(DOCS / "news_page.html")
    assert doc.title == "株洲两家企业获省长质量奖"
    assert doc.date == "2022-11-08"
    assert doc.publisher == "株洲新闻网"
    assert doc.url == "https://news.example.org/2022/11/08/zhuzhou.html"
    assert doc.encoding == "utf-8"


def test_gbk_html_with_br_paragraphs_and_byline_date():
    doc = read_document(DOCS / "nested" / "gbk_page.htm")
    assert doc.encoding == "gb18030"
    assert doc.title == "泉州市质量工作会议召开"
    assert doc.date == "2021-03-02"
    assert doc.text.split("\n")[1].startswith("会议对获得2020年度泉州市政府质量奖")
    assert "网站首页" not in doc.text and "主办单位" not in doc.text


def test_html_without_article_tag_picks_densest_block(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><body><div class='menu'><a href='/'>首页</a><a href='/x'>栏目一</a></div>"
        "<div class='links'><p><a href='/1'>链接标题甲甲甲甲甲甲甲甲甲甲</a></p></div>"
        "<div class='txt'><p>正文第一段内容，长度足够被当作段落来计算。</p><p>正文第二段内容，同样足够长。</p></div>"
        "<div class='bottom'><p>友情链接 联系我们 关于本站</p></div></body></html>",
        encoding="utf-8",
    )
    doc = read_document(page)
    assert doc.text == "正文第一段内容，长度足够被当作段落来计算。\n正文第二段内容，同样足够长。"
    assert doc.title is None


@pytest.mark.parametrize(
    "name, reason",
    [
        ("empty.txt", "empty file"),
        ("blank.md", "empty file"),
        ("binary.txt", "binary file"),
        ("undecodable.txt", "cannot decode as UTF-8 or GB18030"),
    ],
)
def test_bad_files_are_refused_with_a_one_line_reason(name, reason):
    with pytest.raises(UnreadableDocument) as caught:
        read_document(DOCS / name)
    assert caught.value.reason == reason
    assert "\n" not in str(caught.value)
    assert str(caught.value).endswith(reason)


def test_control_characters_mark_a_binary_file(tmp_path):
    path = tmp_path / "control.txt"
    path.write_bytes(("质量" * 20).encode("utf-8") + bytes([1, 2, 3, 4, 5, 6, 7, 8]) * 10)
    with pytest.raises(UnreadableDocument, match="binary file"):
        read_document(path)


def test_utf16_is_refused_clearly(tmp_path):
    path = tmp_path / "utf16.txt"
    path.write_bytes("质量奖".encode("utf-16"))
    with pytest.raises(UnreadableDocument, match="UTF-16"):
        read_document(path)


def test_missing_and_unsupported_files(tmp_path):
    with pytest.raises(UnreadableDocument, match="no such file"):
        find_documents([tmp_path / "absent"])
    with pytest.raises(UnreadableDocument, match="no such file"):
        read_document(tmp_path / "absent.txt")
    with pytest.raises(UnreadableDocument, match="unsupported file type '.pdf'"):
        read_document(DOCS / "nested" / "deeper" / "ignored.pdf")


def test_find_documents_recurses_sorts_and_filters():
    found = find_documents([DOCS])
    assert found == sorted(found)
    assert DOCS / "nested" / "deeper" / "notes.markdown" in found
    assert DOCS / "nested" / "gbk_page.htm" in found
    assert all(path.suffix.lower() in SUPPORTED_SUFFIXES for path in found)
    # a file named explicitly is kept, so that reading it reports it
    explicit = find_documents([DOCS / "nested" / "deeper" / "ignored.pdf", DOCS / "profile.md", DOCS])
    assert DOCS / "nested" / "deeper" / "ignored.pdf" in explicit
    assert explicit.count(DOCS / "profile.md") == 1


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2022-03-28 08:04:31 +0800", "2022-03-28"),
        ("2020年9月2日", "2020-09-02"),
        ("2021/3/2", "2021-03-02"),
        ("2019年11月", "2019-11"),
        ("2018", "2018"),
        ("yesterday", None),
        (None, None),
    ],
)
def test_normalize_date(value, expected):
    assert normalize_date(value) == expected


def test_corpus_documents_read_with_offsets_intact():
    if not CORPUS.is_dir():
        pytest.skip(f"the shared corpus is not at {CORPUS}")
    paths = find_documents([CORPUS])
    assert paths
    for path in paths:
        doc = read_document(path)
        assert_offsets_hold(doc)
        assert doc.text == path.read_bytes().decode(doc.encoding)
    with_front_matter = [read_document(p) for p in paths if p.read_text(encoding="utf-8").startswith("---")]
    for doc in with_front_matter:
        assert doc.title and doc.date and doc.body_start > 0


def test_plain_text_title_is_its_first_line_when_it_reads_as_one(tmp_path):
    titled = tmp_path / "titled.txt"
    titled.write_text("\n某某县召开质量大会\n\n正文第一句。\n", encoding="utf-8")
    assert read_document(titled).title == "某某县召开质量大会"
    sentence = tmp_path / "sentence.txt"
    sentence.write_text("近日，某某县召开质量大会。\n正文。\n", encoding="utf-8")
    assert read_document(sentence).title is None
    addressed = tmp_path / "addressed.txt"
    addressed.write_text("各区人民政府：\n正文。\n", encoding="utf-8")
    assert read_document(addressed).title is None
    long_line = tmp_path / "long.txt"
    long_line.write_text("某" * 61 + "\n", encoding="utf-8")
    assert read_document(long_line).title is None


def test_plain_text_markdown_heading_still_wins(tmp_path):
    path = tmp_path / "heading.txt"
    path.write_text("# 某某市质量奖名单\n正文。\n", encoding="utf-8")
    assert read_document(path).title == "某某市质量奖名单"
