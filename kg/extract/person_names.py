"""A person's name at a position: a surname from the lexicon and one or two more characters,
jieba deciding where the name ends (used by the finders of people and of their employers)."""
from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.lexicon import Lexicon
from kg.extract.mentions import is_cjk
from kg.extract.tokenizer import dictionary_tag, tokens

NAME_WINDOW = 8
CONJUNCTIONS = ("和", "与", "及")
SPEECH_VERBS = ("说", "表示", "介绍", "指出", "强调", "认为", "坦言", "透露")
GLUED_VERBS = ("获",)
# 作 of "作了讲话", "作报告": glued by jieba to a name before what is made.
MAKE = "作"
MADE = frozenset(("了", "报告", "讲话", "发言", "主题", "专题", "重要", "题为", "交流", "总结", "动员", "工作报告"))
NAME_CLOSERS = "，,、。；;等"
# What a list of people closed by 等 goes on to call them ("李俊|美等|领导出席": 美 is the name's)
LISTED_PEOPLE_NOUNS = frozenset(("领导", "同志", "嘉宾", "专家", "代表", "负责人", "一行", "人员", "企业家", "市领导", "省领导"))
# Words for kinds of organisation that open with a surname's character: never a name, even after a role
# ("副会长单位、": the firm holds the role)
ORGANISATION_KINDS = frozenset(("单位", "企业", "公司", "集团", "组织", "机构", "集体", "团体"))
# What follows a person who opens a sentence as its subject ("张三是…", "张三曾获…", "张三带领…"), not
# the one who speaks of it ("张三说")
# Surnames that are far more often function words (和 and, 由 by, 应 should, 全 all): jieba cutting one off
# alone before a common word (和|质量, 应|熟悉, 由|质量, 和|其他) reads a phrase, not a name; a given name
# that is an adjective or a name of its own (和|平安) is still one.
FUNCTION_SURNAMES = frozenset("和由应全于向但都那时来")
COMMON_WORD_TAGS = frozenset(("n", "v", "vn", "vd", "r", "d", "p", "c", "u", "m", "q", "f"))
SUBJECT_VERB = re.compile(r"是|曾|先后|多次|长期|一直|始终|从事|现任|作为|被|荣获|获得|带领|参加工作|出生|毕业")


# A name of two parts joined by a middle dot (Uyghur, Kazakh and foreign names: 艾山·买买提), read after a
# role; its second part ends before what follows a leader's name (出席, 主持, 、) or the text's run of
# characters ("艾山·买买提出席": 提出 is no verb here).
DOTS = "·•・‧"
DOTTED_NAME = re.compile(r"[\u4e00-\u9fff]{1,6}[%s][\u4e00-\u9fff]{2,8}" % DOTS)
DOTTED_PART_MAX = 6
_AFTER_A_NAME = re.compile(r"出席|主持|讲话|致辞|表示|指出|强调|介绍|说|参加|陪同|宣读|颁奖|带队|一行|一同|会见|在|为|等|同志")


def person_name_at(text: str, position: int, lexicon: Lexicon, after_role: bool = False) -> int | None:
    """The end of a person's name starting at ``position``, or None.

    ``after_role``: a role stands right before, so a name that closes its clause ("总经理安进，") is one
    even when the dictionary knows the characters as a word of its own, and a name of two parts joined by
    a middle dot is one."""
    if after_role:
        dotted = DOTTED_NAME.match(text, position)
        if dotted is not None:
            return _dotted_name_end(text, dotted)
    window = text[position:position + NAME_WINDOW]
    length = _default_name_length(window, after_role) if lexicon is Lexicon.default() \
        else _name_length(window, lexicon, after_role)
    return None if length is None else position + length


def _dotted_name_end(text: str, dotted: re.Match) -> int | None:
    """Where the second part of a dotted name ends: the shortest of two characters or more that what follows
    a name comes after, or the end of the run of characters."""
    dot = max(text.rfind(c, dotted.start(), dotted.end()) for c in DOTS)
    for end in range(dot + 3, min(dotted.end(), dot + 1 + DOTTED_PART_MAX) + 1):
        if end == dotted.end() or _AFTER_A_NAME.match(text, end):
            return end
    return None


@lru_cache(maxsize=16384)
def _default_name_length(window: str, after_role: bool) -> int | None:
    """(Cached: the finders ask about a few windows many times, the same names recurring.)"""
    return _name_length(window, Lexicon.default(), after_role)


def _name_length(window: str, lexicon: Lexicon, after_role: bool = False) -> int | None:
    """The length of the person's name that opens ``window``, or None."""
    if window[:2] in lexicon.name_words and window[2:4] in lexicon.name_words:
        return 4  # "次仁罗布": a Tibetan name, two of the few dozen words such names are made of
    compound = next((s for s in lexicon.surnames_compound if window.startswith(s)), None) \
        if window.startswith(lexicon.surnames_compound) else None
    if not window or not (compound or window[0] in lexicon.surnames):
        return None
    parts = []
    for token in tokens(window):
        if not all(is_cjk(c) for c in token):
            break
        parts.append(token)
    if not parts:
        return None
    name = parts[0]
    rest = parts[1:]
    limit = 4 if compound else 3
    if len(name) > limit:  # jieba glued the next word's first character on ("张三来")
        tag = dictionary_tag(name)
        if tag is not None and not tag.startswith("nr"):
            return None  # "齐聚一堂": a word of the dictionary longer than a name is that word
        name, rest = name[:limit], [name[limit:], *rest]
    surname_length = len(compound) if compound else 1
    if len(name) == surname_length:
        if not rest or rest[0] in lexicon.name_followers:
            return None
        following = rest.pop(0)
        if len(following) == 2 and following[1] == "等":  # "张|三等|人": the list's 等 glued on
            following, rest = following[0], ["等", *rest]
        name += following
    if len(name) == surname_length + 1 and rest and len(rest[0]) == 1 and rest[0] not in lexicon.name_followers:
        name += rest.pop(0)
    elif len(name) == surname_length + 1 and rest and len(rest[0]) == 2 and rest[0][1] == "等" \
            and (len(rest) == 1 or not all(is_cjk(c) for c in rest[1][:1]) or rest[1] in LISTED_PEOPLE_NOUNS):
        name += rest.pop(0)[0]  # "杜亚|中等|5人": jieba glued the list's 等 to the name's last character
    elif len(name) == surname_length + 1 and len(rest) >= 2 and len(rest[0]) == 2 and rest[0][1] == MAKE \
            and rest[1] in MADE:
        name += rest.pop(0)[0]  # "宋艺|光作|动员讲话": jieba glued 作 to the name's last character
    elif len(name) == surname_length + 1 and rest and len(rest[0]) == 2 and rest[0][1] in GLUED_VERBS:
        name += rest.pop(0)[0]  # "刘源|张获|中国质量奖": jieba glued the verb to the name's last character
    elif len(name) == surname_length + 1 and len(rest) >= 2 and rest[0] in CONJUNCTIONS \
            and rest[1] in SPEECH_VERBS:
        name += rest.pop(0)  # "李咸和说": 和 is the name's, nothing is joined to a verb of speech
    if len(name) == surname_length + 2 and name[-1] in GLUED_VERBS and not parts[1:2] == [name[-1]]:
        name = name[:-1]  # "张海获个人奖": jieba glued the verb 获 to a two-character name
    elif len(name) == surname_length + 2 and name[-1] == MAKE and rest and rest[0] in MADE and parts[0] == name:
        name = name[:-1]  # "周斌作了讲话", "周斌作报告": jieba glued 作 to a two-character name
    if not 2 <= len(name) <= limit:
        return None
    tag = dictionary_tag(name)
    closes_clause = after_role and window[len(name):len(name) + 1] in NAME_CLOSERS
    if tag is not None and not tag.startswith("nr") and not closes_clause:
        return None
    if len(name) == 3 and not compound and name[0] in FUNCTION_SURNAMES and parts[0] == name[0] \
            and dictionary_tag(name[1:]) in COMMON_WORD_TAGS:
        return None  # "负责人和质量人物": a function word before a common word
    if name in lexicon.name_followers or name in lexicon.roles or name in lexicon.conferral_verbs \
            or name in ORGANISATION_KINDS:
        return None  # "企业家荣膺…": 荣 is a surname, 荣膺 a verb
    return len(name)
