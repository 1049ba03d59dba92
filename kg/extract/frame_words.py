"""The words and patterns of conferral frames (kg/extract/conferrals.py): verbs' company, lists' cues,
counts, headings, year cues. Each is named for what it recognises, with an example."""
from __future__ import annotations

import re

from kg.extract.years import RANGE_JOINER

YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)(?=\s*(?:年|—|-|\)|、|届|首|\(|“|\"|[\u4e00-\u9fff]))")
YEAR_LINE = re.compile(r"\s*((?:19|20)\d{2})(?:\s*[—–-]\s*(?:19|20)\d{2})?\s*年?\s*[:：]?\s*$")
BRACKET_YEARS = re.compile(r"\s*\(((?:\s*(?:19|20)\d{2}\s*年?\s*[、,，和及]?)+)\)")
# Words of a list's heading: "决定授予以下企业…", "…获奖名单如下", "获奖单位".
# "获得X奖的组织包括：", "…的个人为：": the award named before the list in the line that introduces it.
LIST_HEADING = re.compile(r"以下|如下|名单|获奖|授予|表彰|获得者|荣获|"
                          r"^获得.*的(?:\d+|[一二三四五六七八九十两]+)?[家个名位]?(?:组织|企业|单位|集体|个人)"
                          r"(?:[或和及](?:组织|企业|单位|集体|个人))?(?:主要)?(?:包括|为|有|是)(?:\([^()]*\))?$")
# The title of a decision that confers ("某市人民政府关于表彰X获奖企业的通报"): it heads the roll after it.
DECISION_TITLE = re.compile(r"\s*[^，。；;！!？?\n]{0,30}?关于(?:表彰|授予|命名|公布)[^，。；;！!？?\n]{2,60}?"
                            r"(?:的)?(?:决定|通报|通知|公告)\s*")
# A line of nothing but a list's words ("获奖企业名单", "名单如下：", "↓↓↓").
# A roll's line that is a name: name characters only, an organisation's or a unit's ending.
NAME_LINE = re.compile(r"[\u4e00-\u9fff〇A-Za-z0-9()·“”\"-]{4,40}")
NOT_IN_NAME_LINES = re.compile(r"[的了是在将获]|授予|颁发|名单|公告|评选|会议|大会|决定|通知")
UNIT_ENDINGS = "司厂局院所校馆会社心站队组部行店场园团处室"
# "(崇川)", "(海安)": a short note after a listed organisation, its district as a roll gives it.
SHORT_NOTE = re.compile(r"\([\u4e00-\u9fff]{2,4}\)")
# "2010年：", "2013年度:" opening a line: the year of the winners listed after it.
YEAR_LABEL = re.compile(r"\s*((?:19|20)\d{2})\s*年度?(?:\s*[:：]\s*|[ \t\u3000]+)")
LIST_WORDS_LINE = re.compile(r"\s*(?:获奖|表彰)?(?:企业|组织|单位|个人|集体)?(?:名单|名录)(?:如下)?\s*[:：]?\s*|\s*[↓⬇]+\s*")
HEADING_NOISE = re.compile(r"^[\s\d年度第届首:：\-—()获奖名单企业个人组织单位家项“”\"]*$")
# A heading's section number or Markdown marks and its notes in brackets ("一、X奖（组织，4家，排名不分先后）").
HEADING_EXTRAS = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|#{1,6})|\([^()]{0,24}\)")
NUMBER = r"(?:\d+|[一二三四五六七八九十两几多数]+)\s*"
# "34家企业获奖", "7个组织获…": a count of recipients, no named one.
COUNTED_AGENTS = re.compile(NUMBER + r"(?:家|名|位|批|个(?:企业|组织|单位|集体|个人|城市|地区))")
# "台上的5家企业，均获得了X": a count closing the clause before its verb's, the subject of both
COUNTED_SUBJECT = re.compile(NUMBER + r"(?:家|名|位|个)(?:企业|单位|组织|集体|个人|获奖者)?\s*[，,]\s*$")
# "多项创新应用获…", "3个产品荣获…": things of the organisation the paragraph is about.
COUNTED_THINGS = re.compile(NUMBER + r"(?:项|个|种|件|款)")
OWN_CITY = re.compile(r"我市|本市|全市")
# "A、B、C等10个组织", "A和B两家企业": the total that closes an enumeration of named recipients.
ENUMERATION_TOTAL = re.compile(r"^\s*(?:在内的|等|共|这|计|总计|合计|共计)*\s*" + NUMBER + r"(?:家|名|位|个|所|人)?"
                               r"(?:企业|组织|单位|集体|个人|公司|机构|团队|项目|医院|学校|班组|小组|QC小组)?(?:和个人|及个人)?\s*")
# "我公司荣获…", "本集团获评…": the firm whose own text this is.
OWN_FIRM = re.compile(r"(?:我|本)(?:公司|集团|厂)")
# A line of a firm's timeline before its verb: a year (and month), then blanks or a dash ("2016年　荣获…").
TIMELINE_ENTRY = re.compile(r"\s*(?:19|20)\d{2}\s*年(?:\s*\d{1,2}\s*月)?[\s　:：.、\-—]*")
# "…，公司获得…", "该公司": the firm the paragraph is about (not "子公司", "分公司", nor the end of "有限公司").
BARE_FIRM = re.compile(r"(?<![子母分总限份本我])(?:公司|集团)")
# "经评审、公示，A获得…", "通过现场评审，A荣获…": the steps a conferral went through, no cue that it is only planned.
PROCESS_CLAUSE = re.compile(r"\s*(?:经过|通过|经(?![营济理费验典历常]))")
# Verbs that give a title: a quoted phrase after them is one ("获评“优秀首席质量官”").
TITLE_VERBS = ("获评", "被评为", "评为", "被授予", "被命名为", "荣膺", "荣获", "喜获")
# A column of a list after its recipient, past a gap of blanks ("某公司　灭菌乳　Q/XX 001-2023"): no clause.
COLUMNS_AFTER = re.compile(r"[ \t\u3000]+[^，,。；;！？!?]*$")
TITLE_LINE = 60  # a first line this short that ends no sentence is the document's title
# "完成了年度目标", "实现了计划": a plan met, no longer a cue that the honour is only planned.
ACHIEVED = re.compile(r"完成|实现|达成|达到|超额")
# "A公司的3个产品荣获…", "A公司的“某某”模式入选…": the organisation's own things honoured stand for it.
OWN_THINGS = re.compile(r"的[^，,。；;的]{0,24}?(?:产品|模式|项目|案例|经验|做法|成果|技术|品牌|商标)$")
# "获奖组织(3个)", "二、获奖个人", "提名奖": a section of a decision's list, under the award it named before.
SECTION_HEADING = re.compile(r"\s*(获奖(?:组织|单位|企业|集体|个人)|(?:组织|个人)奖|[\u4e00-\u9fff]{2,3}奖)"
                             r"\s*(?:\(\s*\d+\s*[个名家位项]\s*\))?\s*[:：]?\s*")
SECTION_REACH = 1500  # how far before its sections a decision names the award
# "张三(某公司董事长)": the bracket after a listed person says where the person works.
PERSON_BRACKET = re.compile(r"\([^()]{0,30}\)")
# "另有", "今年已有": between a place and the recipient after it, the place only frames the sentence.
EXISTENTIAL = re.compile(r"[\u4e00-\u9fff\d]{0,6}?(?:另|还|已|也|又|共)有")
# Between a subject and its verb only a few words may stand ("再次", "先后", "分别").
MAX_GAP = 6
# "…周素明等10位质量领域的杰出人物荣膺X": a count of the list before it, described, as the verb's subject.
COUNTED_PEERS = re.compile(r"^\s*(?:等\s*)?(?P<count>" + NUMBER + r")[位名家个]\s*[^，,。；;]{0,24}?"
                           r"(?:人物|企业家|个人|同志|人士|代表|企业|单位|组织|集体)\s*$")
# Words that may stand between a subject and its verb without counting against MAX_GAP (and a short name's
# note: "A公司(以下简称“A”)榜上有名").
SHORT_NAME_NOTE = r"[(（](?:以下简称|下称|简称)[^()（）]{1,12}[)）]"
GAP_WORDS = re.compile(SHORT_NAME_NOTE + r"|(?:曾于|曾在|于|在)?\d{4}年度?|曾经|先后|再次|再度|更是|又|也|还|均|分别|已经|已|相继|连续|成功|首次|曾|携手|一举|同时|共同")
CLAUSE_BREAKS = "，,；;：:。！？!?\n"
# "9家…奖企业", "5个X奖": a count right before an award's name, then its list
COUNT_BEFORE_AWARD = re.compile(NUMBER + r"[家个名位项]\s*[“\"]?(?:\d{4}\s*年度?|第[一二三四五六七八九十\d]+届|首届)?$")
# "、桂林市象山景区管理处等8家单位": one more item of a list, then its total
LAST_ITEM = re.compile(r"、([\u4e00-\u9fffA-Za-z0-9()]{4,30}?)(?=等\s*(?:\d+|[一二三四五六七八九十两几多]+)\s*[家个名位所])")
# "“巴渝工匠”称号": the honour's own name, without its quotes and the word for a title
QUOTED_NAME = re.compile(r"^[“\"]?([^“”\"]+?)[”\"]?(?:荣誉称号|称号|荣誉)?$")
WINNERS_CUE = re.compile(r"获奖(?:企业|单位|组织|集体|者)(?:名单)?(?:分别为|分别是|依次为|为|是|如下)\s*[:：]")
# "被命名为“X”的有10人，分别为A、B", "获得X的企业有A、B", "X获得者分别为：A、B": the holders of the award
# named right before, listed after (a verb of winning before the award says they hold it)
HOLDERS_AFTER = re.compile(r"[”\"]?\s*(?:称号|荣誉称号|荣誉|奖项)?\s*(?:(?:获得者|获奖者)(?=分别|依次|为|是|有|包括)"
                           r"|的(?:企业|单位|人员|个人|组织|集体|同志)?(?=有|是|为|包括|分别))"
                           r"(?:分别|依次)?(?:有|是|为|包括)\s*"
                           r"(?:" + NUMBER + r"[家人名位个]\s*(?:企业|单位)?\s*[,，]?\s*(?:(?:分别|依次)(?:为|是)|包括)?)?\s*[:：]?\s*")
LIST_CUE = re.compile(r"分别是|分别为|依次为|包括|[:：]")
COUNT_AFTER_AWARD = re.compile(r"[”\"]?\s*(?:共|有|包括|共有)?\s*" + NUMBER + r"[家个名位项](?:企业|单位|组织|个人)?\s*[,，]?\s*"
                               r"(?:(?:分别为|分别是|依次为|为|是|包括)\s*[:：]?|[:：])")
# Words of the present event in a sentence before its verb ("本次有A获…", "今年A荣获…"): the document's year.
# "其中，A荣获X" opening a sentence: a breakdown of what the text just announced, the same event;
# "12月27日，…" opening one: the day of the news, a date without its year
PRESENT = re.compile(r"本次|本届|此次|这次|今年|今天|当天|日前|近日|会上|大会|仪式上|会议(?:表彰|授予|颁发|上)"
                     r"|(?:(?<=\n)|(?<=。)|^)\s*(?:其中|\d{1,2}月\d{1,2}日\s*[,，])")
# "曾先后7次获得X": a clause of the past, whatever frames the sentence
PAST = re.compile(r"曾|先后|累计|历年|历届|此前|以往|过去|多次|\d+次")
# After a counted statement's award, the cue of its list ("，分别是", "：", "（")
COUNTED_LIST_AFTER = re.compile(r"[”\"]?(?:荣誉称号|称号)?\s*(?:[,，]\s*(?:其中[^，。：:]{0,12}?)?"
                                r"(?:分别是|分别为|依次为|包括|即)\s*[:：]?|[:：]|\()\s*")
# A sentence that counts a statement's recipients again and lists them ("3家福建企业分别是：")
# (a clause may stand between the count and the cue, "这四家企业均为制造业企业，分别为", but no
# statement of its own: "其中3家企业获“X”，分别是" lists X's winners)
COUNTED_LIST_SENTENCE = re.compile(r"\s*(?:其中)?[^，。：:\n]{0,12}?" + NUMBER + r"[家个名位][^。：:\n获授“”\"]{0,16}?"
                                   r"(?:分别是|分别为|依次为|包括)\s*[:：]?\s*")
# Cues naming a step every conferral goes through: in an earlier clause they say how, not that it is planned
# ("开展了第一届X奖评审工作，共有A、B等10家企业荣获X奖").
PROCESS_CUES = ("评审", "评选")
# Steps after an application in the same clause ("申报、经专家评审"): the application is one step of them.
LATER_STEPS = re.compile(r"评审|评选|审核|审定|公示|推荐")
# "2012年和2014年": years listed together, each of another event
YEAR_LIST = re.compile(r"(?:19|20)\d{2}\s*年?\s*(?:和|、|及|与)\s*(?:19|20)\d{2}\s*年")
# Between an award and the verb that grants it ("X奖分别授予", "X奖”称号授予"): a few words, no clause.
GRANTED_GAP = re.compile(r"[”\"]?(?:称号|荣誉称号)?\s*(?:分别|正式|已|最终)?\s*(?:于\s*(?:19|20)\d{2}\s*年度?)?\s*")
# A verb that lists recipients without naming the award ("3家企业上榜"), at the end of its clause.
# ("…等两家企业获奖。": 获奖 closing its clause, without an object, is such a verb too)
LISTED_VERB = re.compile(r"(?:上榜|榜上有名|名列其中|光荣上榜|脱颖而出|获奖|获此殊荣|获此荣誉|入选)(?=\s*[，,。；;！!\n]|$)")
# "市领导为A、B和C3家获奖企业颁奖": whom a ceremony's presenter hands the award to
PRESENTED_TO = re.compile(r"(?:为|向)(?P<listed>[^。；;！!？?\n为向]{2,240}?)(?:颁奖|颁发奖牌|颁发证书|颁发奖杯|授牌)")
# "市长为A、B颁发X奖牌": the same, with the award named after the verb
PRESENTED_NAMED = re.compile(r"(?:为|向)(?P<listed>[^。；;！!？?\n为向]{2,240}?)(?:颁发|授予|颁授)(?:了)?")
# What may close such a list before the verb: its total and the kind of recipients ("3家获奖企业")
PRESENTED_TOTAL = re.compile(r"^\s*(?:等\s*)?(?:" + NUMBER + r"[家个名位])?\s*(?:获奖|受表彰的?)?"
                             r"(?:企业|单位|组织|集体|个人|代表|企业代表)?(?:代表)?\s*$")
# "A、B五家企业从上千个竞争者中脱颖而出": whom the list stood out from, between it and its verb
STOOD_OUT_FROM = re.compile(r"从[^，,。；;]{1,12}?中")
# The words that announce an award's list of recipients ("X奖获奖名单出炉", "X奖评选结果揭晓")
# (verb first too: "公布了2020年X遴选结果", the award inside it)
LIST_ANNOUNCED = re.compile(r"(?:获奖|表彰|评选|评审)?(?:名单|结果)\s*(?:正式)?(?:出炉|揭晓|公布|发布|公示)"
                            r"|(?:公布|发布|揭晓)了?[^，,。；;\n]{2,30}?(?:获奖|表彰|评选|评审|遴选)?(?:名单|结果)")
# "获得过X奖的A公司": an award, then 的 and the recipient it describes
RELATIVE_AFTER_AWARD = re.compile(r"[”\"]?(?:荣誉称号|称号)?的")
# "授予A、B等三家企业为X": after a decision's list, its count, then the title it is granted
GRANTED_AS = re.compile(r"\s*(?:等\s*" + NUMBER + r"[家个名位]?[\u4e00-\u9fff]{0,4}?)?\s*为\s*[“\"]?"
                        r"(?P<title>[^，,。；;\n“”\"]{3,30}?)[”\"]?(?:荣誉)?(?:称号)?\s*(?=[，,。；;\n]|$)")
# "获授X的5家企业分别是A、B": the described recipients counted, then listed
COUNTED_DESCRIBED = re.compile(NUMBER + r"[家个名位](?:企业|单位|组织|集体|个人)?\s*(?:分别是|分别为|依次为|为|是|有|包括)\s*[:：]?\s*")
# "获得A、B、C等荣誉称号": honours listed after a verb, closed by 等 and the word for titles
HONOUR_LIST = re.compile(r"\s*(?:了|过)?(?P<items>[^，,。；;！？!?：:()]{2,30}?(?:、[^，,。；;！？!?：:()、]{2,30}?)+)"
                         r"等(?:多项|多个|\d+项|[一二三四五六七八九十]+项)?(?:荣誉称号|称号|荣誉)")
# "2021年，…", "2023年经…批准": a year that dates what the sentence tells (not "2020年全省质量工作考核")
# A year (or a range of years, counted as its last) opening a sentence, or followed by what a date is
STATEMENT_DATE = re.compile(r"(?<!\d)(?P<first>(?:19|20)\d{2})\s*年?(?:" + RANGE_JOINER + r"(?P<last>(?:19|20)\d{2}))?"
                            r"\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?\s*")
STATEMENT_FOLLOWS = re.compile(r"[，,经在由](?!来)|开展|举办|启动|组织|评选|颁")
# Lines of a roll that name no one: a row's number alone ("1", "12."), a note in brackets ("(排名不分先后)",
# "(以下为新申报企业)"), a category ("大中型企业", "医疗行业", "再次获奖组织"); at most a few in a row.
# What a row may hold besides its recipients and its award: a number, cell walls and wide spaces
ROW_FILLER = re.compile(r"[\s|｜\u3000]*(?:\d{1,3}\s*[.、]?)?[\s|｜\u3000]*")
ROLL_NUMBER_OR_NOTE = re.compile(r"\s*(?:\d{1,3}\s*[.、]?|\([^()]{1,24}\))\s*")
# "序号 姓名 工作单位 职务": a roll's column headings, words of its columns apart by blanks
COLUMN_HEADINGS = re.compile(r"\s*(?:(?:序号|编号|姓名|名称|单位|单位名称|工作单位|企业名称|所在单位|职务|职称|岗位|工种|所在地|地区|"
                             r"性别|民族|年龄|备注|荣誉|奖项)[ \t\u3000|｜]*){2,}\s*")
CATEGORY_LABEL = re.compile(r"\s*[\u4e00-\u9fff]{2,8}\s*[:：]?\s*")
MAX_ROLL_FURNITURE = 3
# "生产的“塞北雪”牌挂面和": a firm's product named after it, then the list's joiner
PRODUCT_OF = re.compile(r"(?:生产|出品|研制|开发)的[^，,。；;、]{1,30}?(?:和|、|及|与|以及)?")
# "命名A为X", "认定A、B为X": verbs that make their objects what the award names
NAMING_VERB = re.compile(r"命名|认定|授予(?=[^，,。；;]{2,60}?为[“\"])")
# "获此殊荣的还有", "获此殊荣的是": the award named before, its other recipients listed after
ANAPHOR_LIST = re.compile(r"(?:此|该|这一)(?:项)?(?:殊荣|荣誉称号|荣誉|奖项|称号|奖)的(?:还)?(?:有|是|包括)\s*[:：]?\s*")
# "A和B分别获得X和Y": between the subjects and their verb, the word that pairs them with the awards in order
RESPECTIVELY = re.compile(r"分别|依次")
# "X奖最终由A摘得": between an award opening the clause and its winners
WON_BY = re.compile(r"[”\"]?(?:称号)?\s*(?:最终|最后|则|均|分别)?\s*由\s*")
# "会上为5家企业颁发了“X”，其中A、B、C榜上有名": an award given earlier in the sentence announces its list
AWARD_GIVEN = re.compile(r"(?:颁发了?|授予了?|表彰了?)\s*[“\"]?")
# "表彰了2010年度X": a verb that gives an award, right before its designation
AWARD_GIVEN_BEFORE = re.compile(r"(?:颁发了?|授予了?|表彰了?)\s*[“\"]?\s*(?:(?:19|20)\d{2}\s*年度?[^，。；\n]{0,4})?$")
# "获奖" with no award named: the verb and its object in one word
WON_UNNAMED = re.compile(r"奖(?=[，,:：。；;])")
# "获此殊荣", "获得该奖", "荣获这一称号": the award the text named just before
ANAPHOR = re.compile(r"\s*(?:了)?(?:此|该|这一|这项|这个|此项|这些)(?:项)?(?:殊荣|荣誉称号|荣誉|奖项|大奖|奖|称号)\s*")
LIST_CONTINUATIONS = 2
MAX_AWARD_NAME = 40
# "被某市人民政府授予": the granter between 被 and the verb, a body's or a place's name
PASSIVE_AGENT = re.compile(r"[\u4e00-\u9fff（）()]{2,24}?(?:政府|委员会|总局|局|厅|部|协会|学会|总工会|联合会|组委会)(?:正式)?")
ADDRESSING = ("对", "向", "为", "给")  # "对A授予X": the preposition that names whom a decision grants
SUBJECT_JOINERS = ("、", "和", "与", "及", "以及", ",", "，")
SENTENCE_BREAKS = "。！？!?；;\n"
LIST_BREAKS = "。！？!?\n"  # a counted list runs on over semicolons ("分别是：…张三；…李四。")
LIST_JOINERS = "、和与及,，"
TIMELINE_RESET = 80  # a prose line this long ends a timeline's year heading
SOFT_BREAK_LINE = 40  # a line this long that stops mid-sentence continues on the next one
AWARD_REACH = 12  # how far after its verb an award may be named ("获得第四届…")
AWARD_JOINERS = "、和及与“”\"' "
SUBJECT_LOOKBACK = 150  # how far back an omitted subject may have been named
TIER_LOOKBACK = 300  # how far back the award of a bare tier ("荣获金奖") may have been named
