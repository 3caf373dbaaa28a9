"""Headline targets: the items of the 主要预期目标 paragraph, fiscal figures, stated goals.

A work report states its targets in a recognisable way: one paragraph "今年发展主要预期目标是：…"
lists the items (quantitative like 国内生产总值增长5.5%左右, qualitative like 国际收支基本平衡),
then the forward-looking parts of the report quantify more of them (赤字率拟按2.8%左右安排,
拟安排地方政府专项债券3.65万亿元). Conference news states goals as slogans ("冲刺万亿大关").
The rules below were written from the 1998–2022 national reports of the background corpus and
the 2025 provincial reports, not from any annotation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from policy_cli.core.normalize import arabic_digits
from policy_cli.models import Document, Paragraph, Target

MAIN_SECTION = "主要预期目标"
NOT_SET = "未设定"

# -- numbers ---------------------------------------------------------------------------------
_NUM = r"\d+(?:\.\d+)?"
_UNIT = (
    r"(?:\s?[%％]|个百分点|(?:万亿|千亿|亿|万|千)?(?:美元|元|斤|吨|人次|人|个|户|亩|公里|千米|"
    r"套|所|家|项|岁|年|千瓦|平方米|间|辆|台|座|条|张|处|头|只|次|小时|天)(?:/人|/年)?|"
    r"(?:万亿|千亿|亿|万))"
)
_QTY = rf"{_NUM}{_UNIT}"
# a value: optional prefix modifier, a quantity (or a range, or a list "13.5%、18%"), suffix
_VALUE = re.compile(
    rf"(?P<pre>不低于|不超过|不高于|不少于|低于|高于|超过|突破|超|约|近|达)?"
    rf"(?P<qty>(?:{_NUM}{_UNIT}?\s?[－—\-~～至到]\s?)?{_QTY}(?:[、和]{_QTY})*)"
    rf"(?P<suf>左右|以上|以内|以下|上下|之内|之间)?"
)
_MODIFIERS = ("不低于", "不超过", "不高于", "不少于", "低于", "高于", "超过", "突破", "超", "约", "近")

# verbs between an indicator and its value: "保持在", "控制在" say nothing about the value
_LINK_VERBS = (
    "全年控制在", "控制在", "保持在", "稳定在", "提高到", "提升到", "增加到", "降低到", "下降到",
    "降到", "减少到", "提高至", "提升至", "增加至", "降低至", "下降至", "降至", "扩大至", "扩大到",
    "达到", "设定为", "定为", "设定", "都", "将", "拟按", "按", "安排", "为", "在", "达",
)
# verbs that say which way the value moves belong to the value: 能耗降低3%左右
_DELTA_VERBS = (
    "分别再增加", "分别再提高", "分别降低", "分别下降", "分别提高", "分别增加",
    "再提高", "再增加", "再降低", "再降", "降低", "下降", "减少", "提高", "增加", "扩大",
    "压减", "压缩", "减免", "减", "降",
)
_LEADING = re.compile(
    r"^(?:\d{4}年(?:底|末)?|努力实现|实现|今年|全年|明年|当年|拟安排|安排|力争|确保|争取|努力|同时|并且|并|其中|要|将|拟|预计|另外|此外|"
    r"全省|全市|全区|全县|我省|我市|我区|全国|进一步|继续|再|和|及|与|还要|还)+"
)
_TRAILING = re.compile(
    r"(?:目标|指标|预期目标|的预期目标|总体上|保持|实现|力争|确保|比去年|比上年|继续|要|今年要|分别)+$"
)
_BARE_VERB = re.compile(
    r"^(?:增长|增加|提高|下降|降低|增幅|达到|占|共|约|超过|其中)$|^比|^[^\u4e00-\u9fff]*$"
)
_ACTION = re.compile(r"^(?:新建|新开工|新增|建设|改造|发行|完成|开工|培训|将)$")

# -- qualitative predicates of the 主要预期目标 items ------------------------------------------
_QUAL_START = re.compile(
    r"(?:与|和|同)[^，；]{1,12}(?:基本)?同步"
    r"|基本|稳步|持续|进一步|继续|保持|稳中|量稳|保稳|回稳|有所|不断|明显|逐步|显著|总体|"
    r"取得|得到|完成|高于|快于|低于|不低于|同步|稳定|实现|在“|在\""
)

_QUAL_END = re.compile(r"(?:改善|优化|增强|下降|减少|提高|增加|平衡|稳定|好转)$")
_NOT_QUAL = re.compile(
    r"争取|更好结果|更好的结果|考虑|必要|可以|经过努力|这|我们|能够|^(?:全面|坚决|按照[^|]*)\|"
)

# -- where targets are stated ----------------------------------------------------------------
_MAIN_LEAD = re.compile(
    r"(?:主要预期目标|预期目标|主要目标|调控目标|预期)(?:建议)?(?:是|为|定为)[：:，]?"
)
_GENERIC_SUBJECT = re.compile(
    r"^(?:(?:今年|全年|明年)?的?(?:国民)?(?:经济社会|经济和社会|国民经济和社会|国民经济)?"
    r"(?:发展|宏观调控)?的?|[^\u4e00-\u9fff]*)$"
)
_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|第[一二三四五六七八九十]+部分)")
_RETRO_HEADING = re.compile(r"回顾|过去[一五]年|工作总结|成效|成就|取得")
_PLAN_HEADING = re.compile(r"目标|任务|要求|安排|建议|思路|部署|重点工作")
_RETRO_PARAGRAPH = re.compile(r"^(?:过去|一年来|五年来|去年|回顾|[一两三四五]年来|这[一五]年)")
_PAST = re.compile(r"去年|上年|过去|同比|累计|已经|已|了|实现了|达到了|超过了")
_COMPARE = re.compile(r"(?:比|高于|低于|大于|小于|快于|多于|少于|从)(?:去年|上年)的?")
_NO_NUMBER = re.compile(r"统筹考核|不设|不再设|不作(?:具体)?要求")
_NO_LONGER = re.compile(r"不再(?P<verb>发行|安排|设立|征收|保留)(?P<what>[^，。；、]{2,12})")
_FORWARD = re.compile(r"力争|确保|争取|到20\d\d年|目标|计划|拟|预计|要|将|今年|明年|全年|新增|新建")
_BY_YEAR = re.compile(r"到(20\d\d年)(?:底|末)?")
_FIVE_YEAR = re.compile(r"“?十[一二三四五六七八九]五”?时期|“?十[一二三四五六七八九]五”?规划|今后五年|五年规划")
_NO_TARGET = re.compile(
    r"(?:没有|未|不再|不)(?:提出|设定|设置|设|定)(?P<what>[^，。；]{0,16}?)(?:具体|量化|数值)?(?:目标|指标)"
)
_SLOGAN = re.compile(
    r"[“\"](?P<goal>(?:冲刺|突破|迈上|跨越|迈向|挺进|站上|跃上|剑指|决战)[^”\"，。]{0,8}"
    r"(?:大关|台阶|级|亿元|万亿|千亿|百亿|万人|翻番))[”\"]"
)

# general aliases so that different years (and provinces) share one label
_ALIASES: tuple[tuple[str, str], ...] = (
    (r"^单位(?:国内|地区)?生产总值能耗(?:强度)?(?:降低|下降)?$", "能耗强度"),
    (r"^能耗强度(?:目标)?$", "能耗强度"),
    (r"^居民消费价格(?:总水平)?(?:涨幅|上涨幅度)$", "居民消费价格涨幅"),
    (r"^(?:城乡|城镇|全体)?居民(?:人均)?(?:可支配)?收入(?:增长)?$", "居民收入增长"),
    (r"^国际收支(?:状况)?$", "国际收支"),
    (r"^主要污染物排放(?:量)?$", "主要污染物排放量"),
    (r"^(?:城镇新增就业|新增城镇就业)(?:人数)?$", "城镇新增就业"),
    (r"^(?:财政)?赤字率$", "赤字率"),
    (r"^地方(?:政府)?专项债(?:券)?$", "地方政府专项债券"),
    (r"^经济增速$|^(?:年均)?经济增长(?:速度)?$|^国内生产总值增长率$", "国内生产总值增长"),
    (r"^(?:外贸)?进出口(?:总额)?$", "进出口"),
    (r"^粮食(?:总)?产量$", "粮食产量"),
)
_SECTIONS: tuple[tuple[str, str], ...] = (
    ("研发|科技|研究", "科技"),
    ("赤字|债券|国债|财政|支出|转移支付|预算", "财政"),
    ("税|费|扣除", "税费"),
    ("投资", "投资"),
    ("贷款|融资|金融|银行", "金融"),
    ("就业|失业", "就业"),
    ("粮食|农田|农业|耕地", "农业"),
    ("能耗|排放|污染|清洁|森林|碳", "环境"),
    ("养老|医保|教育|住房|小区|卫生|寿命|收入", "民生"),
)


_FULLWIDTH = str.maketrans("０１２３４５６７８９．％", "0123456789.%")


@dataclass(frozen=True)
class _Clause:
    text: str
    offset: int


def extract_targets(document: Document) -> list[Target]:
    """Extract the targets a document states, headline ones first.

    Args:
        document: a loaded document.

    Returns:
        Targets of the 主要预期目标 paragraph (in the order stated), explicit "no target"
        statements, then other quantified targets of the forward-looking parts (fiscal
        figures first), then goal slogans such as "冲刺万亿大关". Every target carries the
        offset of its text in `document.text`.
    """
    text = document.text
    out: list[Target] = []
    seen: set[tuple[str, str, str | None]] = set()

    def add(target: Target) -> None:
        key = (target.indicator, target.value, target.period)
        if key in seen or not target.indicator or not target.value:
            return
        seen.add(key)
        out.append(target)

    main_spans: list[tuple[int, int]] = []
    for start, end, subject, subject_at in _main_target_spans(document):
        main_spans.append((start, end))
        for n, clause in enumerate(_clauses(text, start, end)):
            target = None
            if n == 0 and subject:
                # the subject was named before the lead: 经济增长预期目标为 | 7%左右
                target = _parse_clause(clause, section=MAIN_SECTION, subject=subject)
                if target is not None:
                    whole = text[subject_at : clause.offset + len(clause.text)]
                    target = replace(target, text=whole, offset=subject_at)
            if target is None:
                target = _parse_clause(clause, section=MAIN_SECTION, qualitative=True)
            if target is not None and _NO_NUMBER.search(target.value):
                # 能耗强度目标在“十四五”规划期内统筹考核: the item is kept, without a number
                target = replace(target, note="no annual number set")
            if target is not None:
                add(_with(target, core=True, period=_lead_period(document, start)))

    for m in _NO_TARGET.finditer(text):
        what = _clean_indicator(m.group("what")) or "经济增长"
        sent = document.sentence_at(m.start())
        note = sent.text if sent else m.group()
        add(
            Target(
                indicator=_normalise(what),
                value=NOT_SET,
                text=m.group(),
                offset=m.start(),
                section=MAIN_SECTION,
                note=f"no target set: {note}",
                core=True,
            )
        )

    secondary: list[Target] = []
    first_main = min((s for s, _ in main_spans), default=None)
    forward = _forward_paragraphs(document, first_main)
    for para, period in forward:
        for clause in _clauses(text, para.start, para.end):
            if any(s <= clause.offset < e for s, e in main_spans):
                continue
            target = _parse_clause(clause, section=None, qualitative=False)
            stop = _NO_LONGER.search(clause.text)
            if target is None and stop is not None:
                target = Target(
                    indicator=_normalise(stop.group("what")),
                    value="不再" + stop.group("verb"),
                    text=clause.text,
                    offset=clause.offset,
                    section=_topic(stop.group("what")),
                )
            if target is None or _is_past(clause.text):
                continue
            sentence = document.sentence_at(clause.offset)
            before = text[sentence.start : clause.offset + len(clause.text)] if sentence else ""
            if not main_spans and not _FORWARD.search(before):
                continue  # without a target list, only goals said to be goals
            year = _BY_YEAR.search(before)
            when = period or (year.group(1) if year else None)
            core = when is None and target.indicator in ("赤字率", "地方政府专项债券")
            secondary.append(_with(target, core=core, period=when))
    secondary.sort(key=lambda t: (not t.core, t.period is not None, t.offset))
    for target in secondary:
        add(target)

    for target in _stage_goals(text, [para for para, _ in forward]):
        add(target)

    for m in _SLOGAN.finditer(text):
        subject = _slogan_subject(text, m.start())
        at = m.start() - len(subject) if text[: m.start()].endswith(subject) else m.start()
        add(
            Target(
                indicator=subject or "目标",
                value=m.group("goal"),
                text=text[at : m.end()],
                offset=at,
                section="口号目标",
            )
        )
    return out


# -- stage goals (Party congress reports, long-range plans) -------------------------------------
# Years are often written in Chinese numerals there: 到二〇三五年, 到二○二○年, 比二0一0年.
_CN_YEAR = r"(?:二[〇○0零][〇○0零一二三四五六七八九]{2}|20\d\d)年"
_STAGE_LEAD = re.compile(rf"到(?P<when>{_CN_YEAR}(?:底|末)?|本世纪中叶)(?:的?时候)?")
_GOAL_VERB = re.compile(
    r"^(?:力争|确保|努力|要|将|再奋斗[^，。；]{1,4}，?)*"
    r"(?:把(?P<whom>[^，。；]{1,10}?))?"
    r"(?P<verb>基本实现|全面实现|全面建成|基本建成|建成|实现|基本形成|形成)"
    r"(?P<what>[^，。；]{2,30})$"
)
_DOUBLING = re.compile(rf"(?P<what>[^，。；：]{{2,24}}?)比(?P<base>{_CN_YEAR})翻(?P<n>一|两|二)番")


def _stage_goals(text: str, paragraphs: list[Paragraph]) -> list[Target]:
    """Goals set for a year or a stage (到二〇三五年基本实现社会主义现代化, 比二〇一〇年翻一番).

    A clause opening "在…基础上" or "再奋斗十五年" is passed over: the goal is the clause that
    follows. Only the forward-looking `paragraphs` are read, and only a clause that states the goal
    with a verb of achieving (基本实现, 全面建成, 建成…).
    """
    out: list[Target] = []
    for para in paragraphs:
        body = text[para.start : para.end]
        for lead in _STAGE_LEAD.finditer(body):
            sent_end = min((k for k in (body.find(ch, lead.end()) for ch in "。；") if k >= 0),
                           default=len(body))
            pos = lead.end()
            for clause in re.split(r"[，：]", body[lead.end() : sent_end]):
                at = para.start + pos
                pos += len(clause) + 1
                if not clause or clause.startswith("在") or re.match(r"^再奋斗|^从", clause):
                    continue
                m = _GOAL_VERB.match(clause)
                if m is None:
                    break  # the first clause that says something else ends the goal
                what = _clean_indicator(re.sub(r"的?(?:宏伟|奋斗)?目标$", "", m.group("what")))
                if len(what) < 2 or _is_past(clause):
                    break
                when = lead.group("when")
                out.append(
                    Target(
                        indicator=what,
                        value=m.group("verb"),
                        text=clause,
                        offset=at,
                        section="阶段目标",
                        period=arabic_digits(when) if when.endswith(("年", "底", "末")) else when,
                    )
                )
                break
        for m in _DOUBLING.finditer(body):
            what = re.sub(r"^.*(?:实现|确保|力争)", "", m.group("what"))
            by = _STAGE_LEAD.search(what)  # 到2020年国内生产总值…, 人均国内生产总值到二〇二〇年
            if by is not None:
                what = what[: by.start()] + what[by.end() :]
            what = _clean_indicator(what)
            if len(what) < 2 or _is_past(m.group()):
                continue
            out.append(
                Target(
                    indicator=_normalise(what),
                    value=f"比{arabic_digits(m.group('base'))}翻{m.group('n')}番",
                    text=m.group(),
                    offset=para.start + m.start(),
                    section="阶段目标",
                    period=arabic_digits(by.group("when")) if by is not None else None,
                )
            )
    return out


# -- locating ----------------------------------------------------------------------------------
def _main_target_spans(document: Document) -> list[tuple[int, int, str, int]]:
    """Spans listing the 主要预期目标 items, with the subject named before the lead, if any.

    "今年经济增长预期目标为7%左右" names its one indicator before the lead (经济增长);
    "今年发展主要预期目标是：…" names none.
    """
    spans: list[tuple[int, int, str, int]] = []
    paras = document.paragraphs
    for i, para in enumerate(paras):
        m = _MAIN_LEAD.search(para.text)
        if m is None:
            continue
        start = para.start + m.end()
        end = para.end
        if start >= end - 1 and i + 1 < len(paras):  # "主要预期目标是：" on a line of its own
            start, end = paras[i + 1].start, paras[i + 1].end
        end = _list_end(document, start, end)
        if end > start and _looks_like_list(document.text[start:end]):
            head = re.split(r"[，。；：！？]", para.text[: m.start()])[-1]
            subject = re.sub(r"^.*(?:提出|确定|明确|期间|时期)", "", head)
            subject = _clean_indicator(re.sub(r"^的|的$", "", _clean_indicator(subject)))
            subject = "" if _GENERIC_SUBJECT.match(subject) else subject
            spans.append((start, end, subject, para.start + m.start() - len(head)))
    return spans


def _list_end(document: Document, start: int, end: int) -> int:
    """End the list after its first full sentence, or later lines that still list values."""
    pos = start
    closed = False  # the first 。-terminated sentence of the list has been read
    for sent in document.sentences:
        if sent.end <= start or sent.start >= end:
            continue
        if closed:
            if re.match(r"^(?:这里|确定|上述|总的|综合|实现|以上|这|同时)", sent.text):
                break
            if not _VALUE.search(sent.text.replace("“", "").replace("”", "")):
                break
        pos = sent.end
        if not sent.text.endswith(("；", "，")):
            closed = True
    return min(max(pos, start), end)


def _looks_like_list(span: str) -> bool:
    return bool(_VALUE.search(span)) or span.count("；") + span.count("，") >= 2


def _forward_paragraphs(
    document: Document, main_start: int | None
) -> list[tuple[Paragraph, str | None]]:
    """Paragraphs outside the retrospective parts of a report, with their plan period.

    A part whose heading reviews the past (回顾, 过去五年) is skipped, and so is a paragraph
    opening on the past (过去一年…); a part whose heading names a five-year plan (十四五) gives
    its paragraphs that period unless they speak of this year. A report without part headings
    is taken to review the past until its 主要预期目标 paragraph (`main_start`).
    """
    out: list[tuple[Paragraph, str | None]] = []
    retro = False
    period: str | None = None
    tops = [
        i for i, p in enumerate(document.paragraphs)
        if re.match(r"^[一二三四五六七八九十]+、", p.text.lstrip()) and len(p.text.strip()) <= 60
    ]
    parts = bool(tops)
    for i, para in enumerate(document.paragraphs):
        body = para.text.lstrip()
        if _HEADING.match(body) and len(body) <= 60:
            if i in tops:
                nxt = [j for j in tops if j > i]
                part_end = document.paragraphs[nxt[0]].start if nxt else len(document.text)
                plan = bool(_PLAN_HEADING.search(body))
                before_main = main_start is not None and part_end <= main_start
                retro = not plan and (bool(_RETRO_HEADING.search(body)) or before_main)
                period = _plan_period(body) if "目标" in body else None
            continue
        if retro or _RETRO_PARAGRAPH.match(body):
            continue
        if not parts and main_start is not None and para.end <= main_start:
            continue
        out.append((para, None if "今年" in body else period))
    return out


def _lead_period(document: Document, offset: int) -> str | None:
    """The plan period of a 主要目标 list when its lead sentence names one (今后五年…)."""
    sent = document.sentence_at(max(0, offset - 1))
    return _plan_period(document.text[sent.start : offset]) if sent else None


def _plan_period(text: str) -> str | None:
    found = list(_FIVE_YEAR.finditer(text))
    if not found:
        return None
    m = found[-1]  # "“十三五”时期发展成就和“十四五”时期主要目标任务": the plan ahead
    inner = re.search(r"十[一二三四五六七八九]五", m.group())
    return inner.group() if inner else "五年"


def _clauses(text: str, start: int, end: int) -> list[_Clause]:
    """Split text[start:end] into clauses at ；，：。 (a clause opening with 并 stays joined)."""
    out: list[_Clause] = []
    pos = start
    quote = 0
    for i in range(start, end + 1):
        ch = text[i] if i < end else "。"
        if ch in "“‘":
            quote += 1
        elif ch in "”’":
            quote = max(0, quote - 1)
        if (ch in "；，：。！？\n" and not quote) or i == end:
            piece = text[pos:i]
            if piece.strip():
                if out and re.match(r"^(?:并|且|并且)", piece) and text[pos - 1] == "，":
                    prev = out[-1]
                    out[-1] = _Clause(text[prev.offset : i], prev.offset)
                else:
                    lead = len(piece) - len(piece.lstrip())
                    out.append(_Clause(piece.strip(), pos + lead))
            pos = i + 1
    return out


# -- parsing -----------------------------------------------------------------------------------
def _parse_clause(
    clause: _Clause, *, section: str | None, qualitative: bool = False, subject: str = ""
) -> Target | None:
    """Read one clause as indicator + value (+ modifier); None when it states no target."""
    plain = clause.text.replace(" ", "").replace("\u3000", "").translate(_FULLWIDTH)
    plain = re.sub(r"^在[^，；]{0,24}(?:基础上|前提下)", "", plain)
    if subject:
        if not re.match(r"^(?:年均)?(?:增长)?[\d约近]", plain):
            return None
        plain = subject + plain
    m = _find_value(plain)
    if m is not None:
        return _quantitative(clause, plain, m, section)
    if qualitative:
        return _qualitative(clause, plain, section)
    return None


def _find_value(text: str) -> re.Match[str] | None:
    for m in _VALUE.finditer(text):
        qty = m.group("qty")
        # a bare year ("2035年") or an ordinal is not a value
        if re.fullmatch(r"(?:19|20)\d\d年", qty) or re.fullmatch(r"\d+(?:个|项|条|次)", qty):
            if not m.group("suf"):
                continue
        if m.start() > 0 and text[m.start() - 1] in "第“\"《（(×*":
            continue
        if re.fullmatch(r"(?:19|20)\d\d[－—\-~～至到](?:19|20)\d\d年", qty):
            continue  # a period such as 2021—2023年
        return m
    return None


def _quantitative(
    clause: _Clause, text: str, m: re.Match[str], section: str | None
) -> Target | None:
    head = text[: m.start()]
    tail = text[m.end() :]
    # "从去年的2.1%提高到2.3%", "从月销售额10万元提高到15万元": the target is the value after 到
    origin = re.search(r"(?:从|由)[^，；从由]{0,12}$", head)
    later = re.match(r"^(?:提高|提升|增加|降低|下降|减少|扩大|调整|降|上调|下调)?(?:到|至)", tail)
    if origin is not None and later is not None:
        m2 = _VALUE.match(tail, later.end())
        if m2 is not None:
            head, m, tail = head[: origin.start()], m2, tail[m2.end() :]
    qty = m.group("qty")
    if re.search(r"(?:万亿|千亿|亿|万)$", qty) and not m.group("suf"):
        return None  # "14亿多中国人": a magnitude, not a target
    delta = ""
    indicator = head
    for verb in _DELTA_VERBS:
        if indicator.endswith(verb):
            delta, indicator = verb, indicator[: -len(verb)]
            break
    indicator = _strip_links(indicator)
    if not delta:
        for verb in _DELTA_VERBS:
            if indicator.endswith(verb) and len(indicator) > len(verb) + 1:
                delta, indicator = verb, indicator[: -len(verb)]
                break
    action = re.sub(r"^(?:今年|全年|力争|确保|争取|要|拟|再|同时|并)+", "", indicator)
    indicator = _clean_indicator(indicator)
    rest = re.split(r"[，；、（(]", tail, maxsplit=1)[0]
    if _ACTION.match(action) or (not indicator and delta):
        # "新建1亿亩高标准农田", "将2.8万亿元中央财政资金纳入直达机制"
        if action == "将" and not qty.endswith("元"):
            return None
        obj = re.sub(r"^的", "", rest)[:16]
        if not re.match(r"[\u4e00-\u9fff]{2}", obj):
            return None
        indicator = _clean_indicator(("" if action == "将" else action) + obj)
    elif re.match(r"[\u4e00-\u9fff]", tail) and not re.match(r"(?:安排|目标)", tail):
        return None  # the number qualifies a noun ("30年整县试点"): not a target
    if len(indicator) < 2 or len(indicator) > 40 or _BARE_VERB.match(indicator):
        return None
    pre = m.group("pre") or ""
    suf = m.group("suf") or ""
    value = f"{delta}{pre}{m.group('qty')}{suf}".replace(" ", "")
    modifier = suf or (pre if pre in _MODIFIERS else None)
    return Target(
        indicator=_normalise(indicator),
        value=value,
        text=clause.text,
        offset=clause.offset,
        modifier=modifier or None,
        section=section or _topic(indicator),
    )


def _qualitative(clause: _Clause, text: str, section: str | None) -> Target | None:
    text = _LEADING.sub("", text)
    m = _QUAL_START.search(text, 2)
    split = m.start() if m else -1
    if m is None:
        end = _QUAL_END.search(text)
        split = end.start() if end else -1
    if split < 2:
        return None
    indicator = _clean_indicator(text[:split])
    value = text[split:]
    if len(indicator) < 2 or len(value) < 2 or len(indicator) > 30:
        return None
    if _NOT_QUAL.search(indicator + "|" + value) or value.endswith("的"):
        return None
    return Target(
        indicator=_normalise(indicator),
        value=value,
        text=clause.text,
        offset=clause.offset,
        modifier=None,
        section=section,
    )


def _strip_links(indicator: str) -> str:
    changed = True
    while changed:
        changed = False
        for verb in _LINK_VERBS:
            if indicator.endswith(verb) and len(indicator) > len(verb):
                indicator = indicator[: -len(verb)]
                changed = True
    return indicator


def _clean_indicator(text: str) -> str:
    text = text.strip(" 　，；：、“”\"")
    text = re.sub(r"^\d+[.．、]", "", text)  # list numbering "59."
    text = re.sub(r"^.*\d[^、，\d]{0,3}、", "", text)  # "改造老旧小区1291个、各类管网"
    text = re.sub(r"今年要?|全年", "", text)
    text = re.sub(r"(?<![日年人])均$", "", text)  # "增幅均超过10%", but 日均, 年均, 人均 stay
    prev = None
    while prev != text:
        prev = text
        text = _LEADING.sub("", text)
        text = _TRAILING.sub("", text)
        text = re.sub(r"^(?:要|将|拟|在|把|使|让|对)?", "", text) if len(text) > 3 else text
    return text.strip(" 　，；：、“”\"")


def _normalise(indicator: str) -> str:
    """Map an indicator to the label shared across years (单位国内生产总值能耗 -> 能耗强度)."""
    for pattern, label in _ALIASES:
        if re.search(pattern, indicator):
            return label
    return indicator


def _topic(indicator: str) -> str:
    for pattern, label in _SECTIONS:
        if re.search(pattern, indicator):
            return label
    return "其他"


def _is_past(clause: str) -> bool:
    return bool(_PAST.search(_COMPARE.sub("", clause)))


def _slogan_subject(text: str, pos: int) -> str:
    """The few words before a quoted goal: 文化产业“冲刺万亿大关” -> 文化产业."""
    head = text[max(0, pos - 16) : pos]
    head = re.split(r"[，。；：、！？”\s]", head)[-1]
    return _clean_indicator(re.sub(r"^.*(?:打造|推动|实现|力争|确保|助力|推进|发布)", "", head))


def _with(target: Target, *, core: bool, period: str | None) -> Target:
    return replace(target, core=core, period=period)
