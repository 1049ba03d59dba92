"""Newspapers and news sites: 报 and 网 are no organisation suffixes (年报, 通报; 网络, 电网), so a paper or
a site is known by its ending or its context: a byline's source ("来源：荆楚网"), a dateline ("中国江苏网3月28日讯")."""
from __future__ import annotations

import re

from kg.extract.mentions import Mention
from kg.extract.occurrences import matches_from, starts_of

# Endings only newspapers have; a bare "…报" counts only before a reporter or a dateline ("某报记者", "某报讯").
_PAPER_ENDING = "(?:日报|晚报|早报|晨报|时报|商报|都市报|青年报|导报)"
_PAPER = re.compile(r"《(?P<titled>[\u4e00-\u9fff]{2,10}报)》|《(?P<title>[\u4e00-\u9fff]{2,10})》报(?![道告送名批备])"
                    rf"|(?P<named>[\u4e00-\u9fff]{{2,8}}?{_PAPER_ENDING})(?!社)"
                    r"|(?P<bare>[\u4e00-\u9fff]{2,6}?报)(?=记者|讯|报道|刊发|刊登|头版|[\u4e00-\u9fff]{2,3}讯)")
# Words that end a newspaper's name on its left, or make the match no name ("本报", "据报道").
_LEFT_STOPS = re.compile("[据在于和与及、的是了由从向为将把被对见]|来源|转载|刊登|刊发|报道|记者|返回|查看|点击|阅读|订阅")
# A pronoun opening it, or a common word in 报 (海报, 上报, 日报): the character alone opens papers' names too
# (海滨日报, 日新商报), the word does not.
_NOT_A_PAPER = re.compile(r"^(?:本|该|此|各|这|那|我|(?:上|下|日|晚|早|年|月|周|快|简|通|申|汇|举|情|电|公|画|海|预|警|捷)报)")


def find_newspapers(text: str) -> list[Mention]:
    found = []
    seen = set()
    for match in _around_each_bao(text):
        if match.span() in seen:
            continue
        seen.add(match.span())
        if match.group("title"):  # "《某某》报": the paper's name in brackets, its kind after them
            title = match.group("title")
            found.append(Mention("Organization", title + "报", match.start(), match.end(),
                                 {"surface": title + "报", "aliases": [title]}))
            continue
        group = next(g for g in ("titled", "named", "bare") if match.group(g))
        start, end = match.span(group)
        last_stop = None
        for last_stop in _LEFT_STOPS.finditer(text, start, end - 2):
            pass
        if last_stop is not None:
            start = last_stop.end()
        name = text[start:end]
        if len(name) < 3 or _NOT_A_PAPER.match(name) or name.endswith(("报报", "通报", "简报", "年报", "快报")):
            continue
        found.append(Mention("Organization", name, start, end, {"surface": name}))
    return found


def _around_each_bao(text: str):
    """Matches of _PAPER holding an occurrence of 报, searched only near it (few texts hold many)."""
    position = text.find("报")
    while position >= 0:
        match = _PAPER.search(text, max(0, position - 12), position + 6)
        while match is not None and match.end() <= position:
            match = _PAPER.search(text, match.end(), position + 6)
        if match is not None and match.start() <= position:
            yield match
        position = text.find("报", position + 1)


# "来源：荆楚网", "中国江苏网3月28日讯", "据红网报道": a news site (or a broadcaster) named where a source is.
_MEDIA_ENDING = r"(?:网|电视台|广播电台|广播电视台|客户端|新闻|报|信息港|融媒)"
_SITE = re.compile(rf"(?:来源|来自|稿源|转自)\s*[:：]\s*(?P<source>[\u4e00-\u9fff]{{1,10}}?{_MEDIA_ENDING})"
                   r"(?=[\s　|｜,，。”\"]|$)"
                   r"|据(?P<reported>[\u4e00-\u9fff]{1,8}?(?:网|电视台))(?:报道|消息)"
                   # "2023-01-10 16:00:22 中国质量报": a byline's time, then its source closing the line
                   r"|(?<=\d:\d\d)\s+(?P<byline>[\u4e00-\u9fff]{2,10}?(?:网|报))\s*(?=\n|$)"
                   # "某某网3月28日讯", "某某网天津频道讯"
                   r"|(?P<dateline>[\u4e00-\u9fff]{2,8}?(?:网|信息港))(?=\s*(?:[\u4e00-\u9fff]{2,4}频道)?\s*(?:\d{1,2}月\d{1,2}日)?\s*"
                   r"(?:讯|消息|报道))"
                   # "(某某网 转载请注明出处)": a site that asks to be named when its text is reprinted
                   r"|(?P<reprint>[\u4e00-\u9fff]{2,10}?网)(?=\s*转载)"
                   # "某某新闻客户端": a news app
                   r"|(?P<app>[\u4e00-\u9fff]{2,8}?客户端)"
                   # "某某网版权所有", "© 某某网 网站版权所有": a page's owner
                   r"|(?P<owner>[\u4e00-\u9fff]{1,10}?(?:网|报社|电视台))\s*(?:网站)?版权所有"
                   # "某某社北京9月6日电": a news agency's dateline
                   r"|(?P<agency>[\u4e00-\u9fff]{2,6}?社)(?=[\u4e00-\u9fff]{2,4}\d{1,2}月\d{1,2}日电)"
                   # "某某网 > 即时新闻 > 地方": a site's name opening its page's breadcrumbs
                   r"|(?<![^\n])[ \t]*(?P<crumb>[\u4e00-\u9fff]{2,10}?网)(?=[ \t]*>|[ \t]*\n[ \t]*您?当前位置)")


_APP_VERBS = re.compile(r"下载|打开|登录|关注|使用|扫码|进入|点击|安装|的")
# (Its colon first: the engine finds a character it names faster than a digit; only its end is used.)
_BYLINE_TIME = re.compile(r":(?<=\d:)\d\d(?=\s)")


def _site_starts(text: str) -> list[int]:
    """Every offset a match of _SITE can start at: a source's label, 据, a byline's time's end, up to 10
    characters before 网, or a few before 版权所有 and 日电."""
    starts = [start for word in ("来源", "来自", "稿源", "转自", "据") for start in starts_of(text, word)]
    for word in ("信息港", "客户端"):
        for position in starts_of(text, word):
            starts.extend(range(max(0, position - 10), position))
    starts.extend(time.end() for time in _BYLINE_TIME.finditer(text))
    for position in starts_of(text, "网"):
        starts.extend(range(max(0, position - 10), position))
    for word, reach in (("版权所有", 16), ("日电", 18)):
        for position in starts_of(text, word):
            starts.extend(range(max(0, position - reach), position))
    return sorted(set(starts))


def find_news_sites(text: str) -> list[Mention]:
    """News sites and broadcasters named as a text's source."""
    found = []
    for match in matches_from(_SITE, text, _site_starts(text)):
        group = next(g for g in ("source", "reported", "byline", "dateline", "owner", "agency", "crumb", "reprint", "app")
                     if match.group(g))
        start, end = match.span(group)
        if group == "app":
            for verb in _APP_VERBS.finditer(text, start, end):
                start = verb.end()  # "打开某某客户端": the app's name starts after the verb
        name = text[start:end]
        if _NOT_A_PAPER.match(name) or name.endswith(("上网", "联网", "电网", "管网")) \
                or group == "app" and len(name) < len("某某客户端"):
            continue
        found.append(Mention("Organization", name, start, end, {"surface": name}))
    return found
