"""People named in a document, with their titles as stated, and the organisations it names.

Chinese news and reports name officials in a fixed way: the titles first, joined by 、, then
the name ("市委常委、区委书记刘颖"), or the name then one title ("习近平总书记", "王坚院士"),
or a list of names closed by a group title ("朱红丹、梅建胜等区四套班子领导"). The rules
anchor on those title words and on the common surnames; jieba's part-of-speech tags alone
(nr) are too noisy on policy text (they tag 高水平 and 余杭 as names) to be trusted without
a title beside them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from policy_cli.core.chars import CN_NUMERALS, HAN
from policy_cli.core.occurrences import containers, find_all, non_overlapping
from policy_cli.core.segment import default_tagger
from policy_cli.core.tokens import Segmentation, segment_document
from policy_cli.models import Document, Person

# common single-character and compound surnames (general knowledge, not document-specific)
_SURNAMES_1 = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶"
    "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺"
    "顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧"
    "耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙"
    "鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆司卓古吉缪简车项连芦麦褚娄窦戚岑景宫费卜冷晏席卫习"
    "米柏宗瞿桂佟臧闵苟邬边卞姬仇栾隋刁巫寇桑郎甄丛仲虞敖巩佘池苑迟邝"
)
_SURNAMES_2 = ("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "令狐", "慕容", "公孙", "长孙")
_NAME = rf"(?:{'|'.join(_SURNAMES_2)}|[{_SURNAMES_1}])[{HAN}]{{1,2}}"

# words that end a title ("区委书记", "之江实验室主任", "中国工程院院士")
_TITLE_WORDS = (
    "总书记|副书记|书记|常委|委员长|委员|副主任|主任|院士|副主席|主席|副总理|总理|国务委员|"
    "部长|省长|市长|区长|县长|州长|镇长|乡长|局长|厅长|处长|主任委员|董事长|总经理|秘书长|"
    "首席科学家|科学家|教授|研究员|院长|校长|会长|理事长|行长|总裁|政委|司令员|组长|代表|"
    "负责人|总编辑|社长|(?:[省市区县镇乡局部厅委院校]|班子)领导"
)
_TITLE_UNIT = rf"[^，。；：、,;:\s“”\"（）()]{{0,16}}?(?:{_TITLE_WORDS})"
# what follows a name: a verb of the news report, a separator, or the end of the clause
_FOLLOW_WORDS = (
    r"(?:[，。；：、,;:\s（(）)]|$|出席|主持|指出|强调|表示|讲话|在|等|参加|说|介绍|致辞|发言|宣读|"
    r"作(?:报告|讲话|重要|政府|工作|动员|部署|总结|发言|批示|指示)|"
    r"同志|会见|调研|参观|带队|一行|为|对|和|与|及|分别|先后|同|向|代表|就|到|来|赴|率|也|要求|"
    r"宣布|出任|当选|主讲|点评|部署|总结|通报|传达|提出|希望|充分|肯定|寄语|将)"
)
_FOLLOW = rf"(?={_FOLLOW_WORDS})"
_FOLLOW_START = re.compile(rf"^{_FOLLOW_WORDS}")
_TITLED = re.compile(
    rf"(?P<titles>(?:{_TITLE_UNIT}、)*{_TITLE_UNIT})\s?(?P<names>{_NAME}(?:、{_NAME})*){_FOLLOW}"
)
_NAME_TITLE = re.compile(
    rf"(?P<name>{_NAME})"
    r"(?P<title>总书记|委员长|院士|副主席|主席|副总理|总理|书记|省长|市长|区长|县长|部长|教授|同志)"
)
_GROUP = re.compile(
    rf"(?:^|(?<=[，。；：,;:\s]))(?P<names>{_NAME}(?:、{_NAME})+)等"
    r"(?P<title>[^，。；：、,\s]{0,12}?(?:领导|负责人|同志|代表|专家|院士))"
)
_NAME_LINE = re.compile(rf"^{_NAME}$")
# a title unit may open on the end of a clause ("会议上安徽省人民政府省长"): cut it there
_TITLE_LEAD = re.compile(r"^.*(?:会议上|大会上|会上|上午|下午|晚上|期间|日|在|由|经|并|是|的|为)")
_HONORIFIC = ("同志",)
_NOT_NAMES = frozenset(
    "高水平 高质量 高标准 高效 高新 高校 高端 高速 高层 万亿 万家 万人 文明 文化 安全 安排 "
    "任务 方面 方式 方案 常委 常态 应对 应急 全面 全省 全市 全区 全国 全体 全力 明确 明显 "
    "和谐 和平 强化 强调 江南 金融 时代 时期 时间 平安 平台 项目 成效 成果 成功 于是 于此 "
    "向好 向前 连续 关键 关于 党委 党中央 党组 党员 康养 程度 齐心 甘肃 海南 宁夏 宁波 "
    "从严 杜绝 单位 单项 司法 司长 农业 农村 林业 林地 石油 石化 包括 黄河 长江 长期 "
    "长效 周边 周年 华北 华南 华东 华中 华为 易地 路径 路线 龙头 雷锋 阳光 温暖 "
    "温室 邓小平理论".split()
)

_ORG_SUFFIX = (
    "集团|公司|实验室|研究院|研究所|研究中心|大学|学院|银行|医院|委员会|协会|学会|基金会|"
    "交易所|出版社|日报|电视台|科学院|工程院|国新院|人民政府|政府|法院|检察院"
)
_ORG_END = re.compile(
    rf"(?:{_ORG_SUFFIX}|院|部|局|厅|委|署|办公室|办公厅|组织|政协|党|团|军|人大|常委会|党中央|国务院|联合国)$"
)
_NOT_ORG = re.compile(
    rf"^(?:[{CN_NUMERALS}两几多]|新一轮|各|全(?!国))|^[^省市区县州镇乡中人]*政府$|"
    r"(?:格局|布局|大局|全局|结局|开局|当局|残局|新局|社团|集团化|共同体|干部|[东西南北中内外全局]部|"
    r"通办|全党全军|党政军)$"
)
_VERB_LIKE = frozenset("深化 推进 加强 加快 推动 支持 发挥 建设 完善 健全 实施".split())
_SUFFIX_WORD = re.compile(rf"(?:{_ORG_SUFFIX}|院)")
# a word that opens a name of the units it places: 驻渝解放军, 驻华使馆
_NAME_OPENERS = frozenset({"驻"})
# administrative levels that open a department's name (省|财政厅, 自治区|国资委)
_LEVELS = frozenset({"省", "市", "区", "县", "州", "乡", "镇", "村", "自治区", "自治州", "自治县"})
_NOUN_TAGS = frozenset({"n", "nz", "nt", "j", "ng"})  # not ns/nr: the tagger calls 新建 ns
_PROPER_TAGS = frozenset({"ns", "nr", "nz", "j", "nrt"})
_DEPARTMENT_END = re.compile(r"(?:厅|局|委|办|署)$")
_SHARED_HEAD_TAGS = frozenset({"ns", "nr", "nz", "nt", "j"})
_FUNCTION_TAGS = frozenset({"p", "c", "u", "uj", "ul", "uz", "ug", "uv", "ud", "d", "r", "m", "q",
                            "x", "f", "v", "vn", "vd", "a", "ad", "an", "y", "e", "o", "k", "h"})
_HAN_WORD = re.compile(rf"[{HAN}]+")
_MAX_ORG_CHARS = 20
_ORG_TAGS = frozenset({"nt", "ns", "nz", "j", "nrt", "eng"})
_GENERIC_ORGS = frozenset(
    "科研院所 金融机构 各大院校 公司 集团 银行 大学 学院 政府 人民政府 委员会 实验室 "
    "研究院 医院 协会 省政府 市政府 区政府 县政府 各级政府 地方政府 暨 上市公司 控股集团 "
    "商业银行 中小银行 公立医院 卫生院 交易所 常委会 团组织 党组织 党支部 人大常委会".split()
)


@dataclass(frozen=True)
class PeopleOptions:
    """How a person's titles are chosen."""

    # a title is shown when the text gives it at this share of the mentions where it addresses
    # the person (by a title or as 同志): 习近平 is not "主席" from one mention in a report that
    # says 习近平同志 seven times
    title_min_share: float = 0.25


DEFAULT_PEOPLE_OPTIONS = PeopleOptions()


@dataclass
class _Found:
    name: str
    titles: list[str] = field(default_factory=list)
    first: int = -1
    given: dict[int, set[str]] = field(default_factory=dict)  # mention offset -> titles there

    def supported(self, title: str) -> int:
        return sum(1 for g in self.given.values() if any(x in title or title in x for x in g))


def extract_people(
    document: Document,
    *,
    options: PeopleOptions = DEFAULT_PEOPLE_OPTIONS,
    segmentation: Segmentation | None = None,
) -> list[Person]:
    """List the people a document names, with the titles the text gives them.

    Args:
        document: a loaded document.
        options: how titles are chosen (a title the text gives a person once, where it
            mostly calls them otherwise, is not theirs).
        segmentation: the document's one segmentation (made here when not given).

    Returns:
        People in order of first mention; `count` is how often the name occurs in the text.
    """
    text = document.text
    seg = segmentation or segment_document(document)
    found: dict[str, _Found] = {}

    def note(name: str, offset: int, titles: list[str], *, honorific: bool = False) -> None:
        if name in _NOT_NAMES or _contains_title(name) or re.search(rf"[{CN_NUMERALS}两百千万亿]", name):
            return
        if not _plausible_name(seg, offset, name):
            return
        entry = found.setdefault(name, _Found(name))
        if entry.first < 0 or offset < entry.first:
            entry.first = offset
        if titles or honorific:
            entry.given.setdefault(offset, set()).update(titles)
        for title in titles:
            if title and not any(title in t for t in entry.titles):
                entry.titles = [t for t in entry.titles if t not in title] + [title]

    for m in _TITLED.finditer(text):
        titles = _split_titles(m.group("titles"))
        if not titles:
            continue
        pos = m.start("names")
        names = m.group("names").split("、")
        last = names[-1]
        if len(last) == 3 and _FOLLOW_START.match(last[2] + text[m.end() : m.end() + 3]):
            names[-1] = last[:2]  # "魏伟等参加": the name is 魏伟
        for name in names:
            note(name, pos, titles)
            pos += len(name) + 1
    for m in _GROUP.finditer(text):
        pos = m.start("names")
        for name in m.group("names").split("、"):
            note(name, pos, [m.group("title")])
            pos += len(name) + 1
    for m in _NAME_TITLE.finditer(text):
        name, title = m.group("name"), m.group("title")
        if len(name) == 3 and name[:2] in found:
            name = name[:2]
        elif len(name) == 3 and name[1:] in found:  # "聘任王坚院士": 任 is not part of the name
            name = name[1:]
        if name in found or _tagged_name(name):
            if title in _HONORIFIC:
                note(name, m.start("name"), [], honorific=True)
            else:
                note(name, m.start("name"), [title])
    for para in document.paragraphs[:8]:
        body = para.text.strip()
        if _NAME_LINE.match(body) and _tagged_name(body):  # a byline: "李克强"
            note(body, para.start + para.text.index(body), [])

    # every name counted in one pass over the text (not one scan per name)
    counts = {
        name: len(non_overlapping(starts, len(name)))
        for name, starts in find_all(text, found).items()
    }
    # a two-character reading that is the head of a three-character name found elsewhere
    # ("施惠" of 施惠芳) is the same person
    heads: dict[str, str] = {}
    for n in found:
        if len(n) == 3:
            heads.setdefault(n[:2], n)
    for short in [n for n in found if len(n) == 2]:
        longer = heads.get(short)
        if longer is not None and counts[short] == counts[longer]:
            del found[short]

    people = [
        Person(
            name=f.name,
            titles=tuple(
                t for t in f.titles
                if f.supported(t) >= options.title_min_share * max(1, len(f.given))
            ),
            count=counts[f.name],
            first_offset=f.first,
        )
        for f in found.values()
    ]
    people.sort(key=lambda p: (p.first_offset, p.name))
    return people


def extract_organizations(
    document: Document, *, segmentation: Segmentation | None = None
) -> list[str]:
    """List the organisations a document names (institutions, companies, government bodies).

    Args:
        document: a loaded document.
        segmentation: the document's one segmentation (made here when not given).

    Returns:
        Organisation names in order of first mention, without repeats.
    """
    seen: dict[str, int] = {}
    for start, name in _org_chunks(document, segmentation or segment_document(document)):
        if name not in seen and name not in _GENERIC_ORGS and len(name) >= 3:
            seen[name] = start
    # keep the longest form: "国新院" is part of "北航国新院"
    held = containers(seen)
    names = [n for n in seen if n not in held]
    return sorted(names, key=lambda n: (seen[n], n))


def _org_chunks(document: Document, seg: Segmentation) -> Iterator[tuple[int, str]]:
    for sent in document.sentences:
        tokens = seg.tagged(sent.index)
        start: int | None = None
        for k, (_pos, word, tag) in enumerate(tokens):
            if tag in _ORG_TAGS or (start is not None and _SUFFIX_WORD.fullmatch(word)):
                if start is None:
                    start = k
                continue
            if start is not None:
                yield from _close_run(tokens, start, k)
                start = None
        if start is not None:
            yield from _close_run(tokens, start, len(tokens))


def _close_run(tokens: list[tuple[int, str, str]], a: int, b: int) -> Iterator[tuple[int, str]]:
    """The organisation a run of name tokens ends in, with the words before it that belong to it."""
    while b - a > 1 and (tokens[a][1] in _VERB_LIKE or tokens[a][1] in ("暨", "上同")):
        a += 1
    name = "".join(w for _, w, _ in tokens[a:b])
    if not _ORG_END.search(name):
        return
    # a generic kind after an organisation ("交易所上市公司"): companies listed there, not a name
    if (
        b - a > 1
        and tokens[b - 1][1] in _GENERIC_ORGS
        and _ORG_END.search("".join(w for _, w, _ in tokens[a : b - 1]))
    ):
        return
    start = _name_start(tokens, a, b)
    if start is None:
        return
    if name in _GENERIC_ORGS and not any(
        t in _PROPER_TAGS or w in _LEVELS for _, w, t in tokens[start:a]
    ):
        return  # a kind with its modifiers (国家|公立医院, 县级|公立医院), not a name
    name = "".join(w for _, w, _ in tokens[start:b])
    if _NOT_ORG.search(name):
        return
    yield tokens[start][0], name
    # a head shared by a list: "嘉陵江、明月湖实验室" names 嘉陵江实验室 too
    head = tokens[b - 1][1]
    if b - start > 1 and _SUFFIX_WORD.fullmatch(head) and start >= 2 and tokens[start - 1][1] == "、":
        pos, word, tag = tokens[start - 2]
        before = tokens[start - 3] if start >= 3 else None
        if (
            tag in _SHARED_HEAD_TAGS
            and len(word) >= 2
            and not _ORG_END.search(word)
            and (before is None or not _is_name_part(before))
        ):
            yield pos, word + head


def _name_start(tokens: list[tuple[int, str, str]], a: int, b: int) -> int | None:
    """Move the start of a name left over the words glued in front of it that belong to it.

    A name opens after the word that places it (驻|渝解放军, 驻|鄂人民解放军), keeps a single
    character glued in front (鹏|瑞利医院, 省|财政厅) unless a number makes it a measure word
    (30项|省委), and a one-character place needs what precedes it (明月|湖实验室). An institution
    named by a place (海河|实验室, 天津|医院) and a department (建设厅, 国资委) keep the nouns in
    front of them up to their level (低维电子材料海河实验室, 协和医学院天津医院, 省住房城乡建设厅,
    自治区国资委). Verbs, prepositions, numbers and punctuation end a name.

    Returns:
        The index of the name's first token, or None when the name is cut and cannot be
        completed ("在|沪实验室" names laboratories in Shanghai, not one).
    """
    first_tag = tokens[a][2]
    by_nouns = first_tag in _PROPER_TAGS or bool(_DEPARTMENT_END.search(tokens[b - 1][1]))
    length = sum(len(w) for _, w, _ in tokens[a:b])
    while a > 0 and length < _MAX_ORG_CHARS:
        _pos, word, tag = tokens[a - 1]
        if word in _NAME_OPENERS:
            return a - 1
        if not _HAN_WORD.fullmatch(word) or tag in _FUNCTION_TAGS or word in _VERB_LIKE:
            break
        if len(word) == 1 and _is_name_part(tokens[a - 1]):
            if a >= 2 and tokens[a - 2][1][-1:].isdigit():
                break  # "30项省委": a measure word
            a, length = a - 1, length + 1
            continue
        if len(tokens[a][1]) == 1 and tokens[a][1] not in _LEVELS:
            a, length = a - 1, length + len(word)  # "明月|湖实验室"
            continue
        if by_nouns and tag in _NOUN_TAGS:  # not b (同级|人大, 大型|商业银行) nor t
            a, length = a - 1, length + len(word)
            if word in _LEVELS:
                break  # the level opens the name: 自治区|国资委
            continue
        break
    if len(tokens[a][1]) == 1 and tokens[a][1] not in _LEVELS and a < b - 1:
        if a == 0 or tokens[a - 1][1] not in _NAME_OPENERS:
            prev = tokens[a - 1] if a > 0 else None
            if prev is not None and _HAN_WORD.fullmatch(prev[1]):
                return None  # "在|沪实验室", "住|鲁两院": a place abbreviation cut from its phrase
    return a


def _is_name_part(token: tuple[int, str, str]) -> bool:
    _pos, word, tag = token
    return bool(_HAN_WORD.fullmatch(word)) and (tag[:1] == "n" or tag in ("j", "ng"))


def _split_titles(chunk: str) -> list[str]:
    out = []
    for unit in chunk.split("、"):
        unit = _TITLE_LEAD.sub("", unit).strip()
        if len(unit) >= 2 and re.search(rf"(?:{_TITLE_WORDS})$", unit):
            out.append(unit)
    return out


def _plausible_name(seg: Segmentation, offset: int, name: str) -> bool:
    """Tell whether `name` at `offset` reads as a name, not as the edge of other words.

    The tokenizer must not glue the name to the word before it ("理解|毛主席" has no 解毛)
    nor read it as one ordinary word ("任期制") or as a preposition and a word ("向|全党");
    and it must end a word where the name ends, unless it tags the name alone as a name.
    """
    tags = default_tagger().tag(name, True)
    if len(tags) == 1 and not tags[0][1].startswith("nr"):
        return False
    if len(tags) == 2 and not any(t.startswith("nr") for _, t in tags):
        if not all(len(w) == 1 for w, _ in tags):
            return False
    if offset > 0 and not seg.starts_word(offset):
        return False
    return _word_boundary(seg, offset, name) or _tagged_name(name)


def _word_boundary(seg: Segmentation, offset: int, name: str) -> bool:
    """Tell whether the segmentation ends a word where the name ends ("农村工|作" fails)."""
    pos = 0
    for word in seg.words(offset, offset + len(name) + 4):
        pos += len(word)
        if pos == len(name):
            return True
        if pos > len(name):
            return False
    return True


def _contains_title(name: str) -> bool:
    return bool(re.search(r"书记|主任|院士|主席|总理|省长|市长|区长|县长|部长|领导|委员", name))


@lru_cache(maxsize=4096)
def _tagged_name(name: str) -> bool:
    """Tell whether the tagger reads `name` as a person's name (nr) on its own."""
    tags = default_tagger().tag(name, True)
    return len(tags) == 1 and tags[0][1].startswith("nr") or (
        len(tags) == 2 and tags[0][1].startswith("nr") and len(tags[0][0]) == 2 and len(name) == 3
    )
