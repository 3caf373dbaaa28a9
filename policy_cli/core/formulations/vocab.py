"""The words, characters and patterns the formulation stages share."""

from __future__ import annotations

import re
from functools import lru_cache

from policy_cli import data

HAN = "\u4e00-\u9fff"
NUM = "一二两三四五六七八九十百千万双"
DIGIT_NUM = "一二三四五六七八九十"
CN_VALUE = {"一": 1, "二": 2, "两": 2, "双": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
             "八": 8, "九": 9, "十": 10}

# A quoted span: “…” (the normaliser turns ASCII "..." around Chinese into “…”), 「…」, 『…』.
QUOTED = re.compile(r"“([^“”\n]{1,40})”|「([^「」\n]{1,40})」|『([^『』\n]{1,40})』")
SENTENCE_END = re.compile(r"[。！？!?；;：:]")
CODE = re.compile(r"^(?=.*\d)[0-9A-Za-z]+(?:[+＋][0-9A-Za-z]+)*(?:条|号)?$")
UNQUOTED_CODE = re.compile(
    r"(?<![0-9A-Za-z.+＋%])(\d{1,3}(?:[+＋](?:\d{1,3}|[XN]))+)(?![0-9A-Za-z.%+＋])"
)
COUNT_START = re.compile(rf"^第?[{NUM}]")

# Numbered patterns that need no lexicon: plans, congresses and plenums, multi-year campaigns.
PLAN = re.compile(r"(?<![一二三四五六七八九十])十[一二三四五六七八九]五(?:规划)?(?![一二三四五六七八九十])")
PLENUM = re.compile(
    r"(?:党的)?(?:十[一二三四五六七八九]|二十[一二三四五六七八九]?)届"
    r"[一二三四五六七八九]中全会"
)
CONGRESS = re.compile(
    r"(?:党的)?(?<![一二三四五六七八九十第])(?:十[二三四五六七八九]|二十[一二三四五六七八九]?)大"
    r"(?=精神|胜利|召开|报告|和|以来|代表|、|，|。|；|”)"
)
CAMPAIGN = re.compile(
    r"[一二三四五六七八九十]年"
    r"(?:专项整治行动|攻坚行动|行动计划|行动方案|攻坚方案|攻坚战|规划|行动|禁渔)"
)
# 18亿亩耕地红线: a quantity that names a line not to cross
QUANTITY_LINE = re.compile(rf"\d+(?:\.\d+)?[亿万]亩[{HAN}]{{0,4}}(?:红线|底线)")
# 三重压力, 三大攻坚战, 两个毫不动摇: a count word and a measure word open the name
COUNTED = re.compile(r"(?<![一二三四五六七八九十百千万第\d])([两三四五六七八九十双])(个|大|重|孩|项|种)")
ORDINAL_SET = re.compile(rf"第[{DIGIT_NUM}]+个[{HAN}]{{2,8}}?(?:奋斗目标|历史决议|决议)")
# 两新一重, 三贯通一融合, 一馆四中心, 两廊两带两区, 两增一稳: count words alternating with
# short heads, the whole set being the formulation.
COMPOUND = re.compile(rf"[{NUM}][{HAN}]{{1,3}}?(?:[{NUM}][{HAN}]{{1,3}}?){{1,3}}(?![{HAN}])")

PARALLEL_SEP = "、"
# Head words that close a doctrine, strategy or campaign name. A short hand list of general
# Chinese policy vocabulary (思想, 精神, 战略, 攻坚战...), not taken from any annotation; each head
# has its own guard below against the generic uses of running prose.
DOCTRINE_HEADS = (
    "思想", "精神", "倡议", "理念", "格局", "意识", "共同体", "攻坚战", "保卫战", "总基调",
    "大市场", "共同价值", "自由贸易港", "经济圈", "交易所", "保障基金", "伙伴关系协定", "投资协定",
    "冬奥会", "战略",
    "大盘", "基本盘",
)
# 战略 names a strategy only with a real modifier of its own (全面节约战略, 乡村振兴战略); the
# modifiers below make the generic "national / regional / major strategy" of running prose.
GENERIC_STRATEGY = ("国家", "区域", "重大", "发展", "领域", "规划", "省", "市", "军事", "工业")
WORD_INTERNAL_HEADS = ("精神", "思想", "意识", "共同体", "理念", "倡议", "战略")
# Generic doctrine phrases: the spirit of a meeting or a speech (会议精神, 讲话精神), the
# virtues of a trade (企业家精神): not names. Checked on the modifier's last character.
GENERIC_MODIFIER_END = frozenset("会话示议家")

LAUNCH_VERBS = ("实施", "开展", "启动", "完成", "制定", "出台", "印发", "落实", "组织", "新一轮")


def launches(word: str) -> bool:
    return word.endswith(LAUNCH_VERBS)  # 如期完成 is one token


GENERIC_COUNTED = ("方面", "问题", "部分", "阶段", "时期", "环节", "领域", "地区", "国家", "方向",
                    "重点", "目标", "措施", "任务", "要求", "原则", "举措", "成果", "人", "代表",
                    "作用", "工作", "区", "市", "县", "省", "次", "家")

COUNT_NOUNS = frozenset("个年月日次批些项条种份倍家人元亿斤吨户名位")


# people who have a spirit or an awareness: 人民群众首创精神 names no doctrine
PEOPLE = re.compile(r"人民|群众|干部|人员|全党|党员|职工|农民|青年|同志")


# 以人民为中心的 / 以人为核心的: a fixed frame that opens the name of a doctrine
CENTRED = re.compile(rf"以[{HAN}]{{1,4}}为(?:中心|核心)的")


FUNCTION_WORDS = frozenset("的和与及是对把将为从以于在了等并而其各上中向同也都又就所被让使已来去要才再还到")
# words that end a noun phrase on their left (作为一个生命共同体)
PHRASE_BREAKS = frozenset({"作为", "成为", "一个", "这个", "我们", "以及", "通过", "按照", "根据",
                            "围绕", "实现", "形成", "构建", "建设", "筹办", "加快", "坚持",
                            "弘扬", "贯彻", "落实", "学习", "推进", "推动", "推出", "尊重",
                            "参与", "融入", "清理", "妨碍", "配合", "编制", "力争", "运用", "深度",
                            "一些", "结束", "签署", "达成", "加入", "参加", "举办", "办好", "开展",
                            "实施", "完成", "健全", "完善", "深化", "确立", "领悟", "执行"})
CLAUSE_EDGE = "，。；：、“”‘’（）()《》！？\n "


@lru_cache(maxsize=1)
def clause_word_set() -> frozenset[str]:
    return frozenset(clause_words())


# 统筹发展和安全, 统筹疫情防控和经济社会发展: "balance A and B" filling a whole clause is a
# standing instruction; inside a longer clause (统筹X和Y工作) it is running prose.
BALANCE = re.compile(rf"统筹([{HAN}]{{2,5}}?)和([{HAN}]{{2,6}})(?=[，。；])")
# 房子是用来住的、不是用来炒的: a clause and its negation sharing a frame (是用来…的).
NEGATED_PAIR = re.compile(rf"([{HAN}]{{3,10}})、(不[{HAN}]{{3,10}})")
# 跨周期和逆周期调节: two modifiers sharing their last two characters, then one head.
SHARED_HEAD_PAIR = re.compile(rf"([{HAN}])([{HAN}]{{2}})和([{HAN}])\2([{HAN}]{{2,4}})")
# 完整、准确、全面贯彻新发展理念: adverbs listed before one verb phrase, a whole clause
MANNER_LIST = re.compile(
    rf"(?<=[，。；：\n“])((?:[{HAN}]{{2}}、){{2,}})([{HAN}]{{2}})([{HAN}]{{2}})"
    rf"[{HAN}]{{2,8}}(?=[，。；”])"
)
# A repeated first character that is a generic modifier or quantifier makes a list, not a
# motto: 新业态新模式, 最关心最直接, 各地区各部门, 大发展大变革.
REPEAT_AT_2_OR_3 = re.compile(rf"([{HAN}])[{HAN}]{{1,2}}\1")
LIST_PREFIXES = frozenset("新最大各全不有多一更好老小高低")


# A short piece (conference news) that says the same long phrase three times is repeating its
# slogan (为勇闯中国式现代化市域实践新路子开好局起好步, said in the title and twice in the body);
# a long report repeats boilerplate (以习近平同志为核心的党中央), so only short texts are read.
SHORT_TEXT = 6000
MIN_REPEATED = 9
NOT_A_SLOGAN = re.compile(r"习近平|委员会|人民政府|办公室|办公厅|关于|会议|大会|同志")


NAME_HEADS = ("工程", "行动", "计划", "战略", "体系", "集群", "部署", "任务", "项目", "政策",
               "品牌", "平台", "规划", "目标", "方案", "改革", "产业", "中心")

def is_verb(word: str) -> bool:
    return word in clause_word_set() or word in PHRASE_BREAKS


# Words that set the scope of a name (the national / provincial instance of it), not its name.
SCOPE_WORDS = ("国家", "全国", "全省", "全市", "全区", "我国", "我省", "我市", "我区")


EXCLUDED = frozenset(
    {"一些", "一批", "一系列", "一定", "一体", "一流", "一般", "十分", "两年", "三年", "一年"}
)


@lru_cache(maxsize=1)
def clause_words() -> tuple[str, ...]:
    """Words that open a clause (加快, 推进, 坚持...), learnt from the background corpus."""
    return tuple(sorted(data.lines("formulations_clause_words.txt"), key=len, reverse=True))


@lru_cache(maxsize=1)
def watchword_list() -> tuple[str, ...]:
    """Today's national watchwords, learnt by scripts/build_formulations.py."""
    return tuple(data.lines("formulations_new.txt"))


@lru_cache(maxsize=1)
def idioms() -> frozenset[str]:
    """Four-character idioms and figures of speech that are not formulations (一马当先)."""
    return frozenset(data.lines("formulations_idioms.txt"))
