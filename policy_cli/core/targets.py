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
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import cache

from policy_cli.core.chars import CN_DIGITS, CN_NUMERALS, HAN, PLAN_PERIOD
from policy_cli.core.normalize import arabic_digits
from policy_cli.core.quantities import DASHES, NUMBER, arabic_numbers, read_quantity, target_words
from policy_cli.data import lines
from policy_cli.models import Document, Paragraph, Target

MAIN_SECTION = "主要预期目标"
STAGE_SECTION = "阶段目标"
NOT_SET = "未设定"
INDICATORS_FILE = "target_indicators.tsv"
TOPICS_FILE = "target_topics.tsv"
# the first plan period named by a number: 第三个五年计划 began in 1966, each lasts five years
_FIRST_NUMBERED_PLAN = (3, 1966)
_PLAN_NUMBER = f"{CN_DIGITS}"


@dataclass(frozen=True)
class _Rules:
    """The regexes built from the word lists of target_words.tsv (built once)."""

    value: re.Pattern[str]
    delta: re.Pattern[str]
    leading: re.Pattern[str]
    trailing: re.Pattern[str]
    qual_start: re.Pattern[str]
    keeps_pace: re.Pattern[str]
    joined_pace: re.Pattern[str]
    qual_end: re.Pattern[str]
    not_qual: re.Pattern[str]
    verb_first: re.Pattern[str]
    steer: re.Pattern[str]
    issue: re.Pattern[str]
    headline: re.Pattern[str]
    links: tuple[str, ...]
    modifiers: frozenset[str]


@cache
def _rules() -> _Rules:
    w = target_words()
    alt = w.alternation
    unit = rf"(?:\s?[%％]|(?:{alt('magnitude')})?(?:{alt('unit')})(?:/人|/年)?|(?:{alt('magnitude')}))"
    qty = rf"{NUMBER}{unit}"
    return _Rules(
        value=re.compile(
            rf"(?P<pre>{alt('prefix', 'plain')})?"
            rf"(?P<qty>(?:{NUMBER}{unit}?\s?[{DASHES}]\s?)?{qty}(?:[、和]{qty})*)"
            rf"(?P<suf>{alt('suffix')})?"
        ),
        delta=re.compile(rf"(?:{alt('again')})*(?:{alt('up', 'down')})$"),
        leading=re.compile(rf"^(?:\d{{4}}年(?:底|末)?|{alt('lead')})+"),
        trailing=re.compile(rf"(?:{alt('trail')})+$"),
        qual_start=re.compile(rf"{alt('qual')}|在“|在\""),
        # 与/同 name what a growth keeps pace with; 和 may only join two subjects
        keeps_pace=re.compile(rf"(?:与|同)[^，；与同]{{1,16}}(?:基本)?相?(?:{alt('match')})"),
        joined_pace=re.compile(rf"和[^，；和]{{1,16}}(?:基本)?相?(?:{alt('match')})"),
        qual_end=re.compile(rf"(?:{alt('qual_end')})$"),
        not_qual=re.compile(rf"{alt('not_qual')}|^(?:全面|坚决|按照[^|]*)\|"),
        verb_first=re.compile(rf"^(?P<verb>(?:{alt('adverb')})+(?:{alt('act')}))(?P<what>.{{2,30}})$"),
        steer=re.compile(rf"^(?:{alt('steer')})"),
        issue=re.compile(rf"^(?:{alt('issue')})(?=[{HAN}]{{2}})"),
        headline=re.compile(alt("headline")),
        links=w["link"],
        modifiers=frozenset(w["prefix"]) | frozenset(w["suffix"]),
    )


@cache
def _variants() -> dict[str, str]:
    """Indicator names as written -> the name they share (target_indicators.tsv)."""
    out: dict[str, str] = {}
    for line in lines(INDICATORS_FILE):
        canonical, _, variant = line.partition("\t")
        out[variant.strip()] = canonical.strip()
    return out


@cache
def _topics() -> tuple[tuple[re.Pattern[str], str], ...]:
    out = []
    for line in lines(TOPICS_FILE):
        topic, _, words = line.partition("\t")
        out.append((re.compile(words.strip()), topic.strip()))
    return tuple(out)


def canonical_indicator(indicator: str) -> str:
    """Return the name an indicator shares with its variants (地区生产总值增长 -> 国内生产总值增长).

    Args:
        indicator: the name as a document writes it.

    Returns:
        The shared name from policy_cli/data/target_indicators.tsv, also when a verb of change
        follows the name (单位地区生产总值能耗降低); the indicator itself when it has none.
    """
    names = _variants()
    if indicator in names:
        return names[indicator]
    bare = _rules().delta.sub("", indicator)
    return names.get(bare, indicator)


# -- where targets are stated ----------------------------------------------------------------
_MAIN_LEAD = re.compile(
    r"(?:主要预期目标|预期目标|主要目标|调控目标|预期)(?:建议)?(?:是|为|定为)[：:，]?"
)
_GENERIC_SUBJECT = re.compile(
    r"^(?:(?:今年|全年|明年)?的?(?:国民)?(?:经济社会|经济和社会|国民经济和社会|国民经济)?"
    rf"(?:发展|宏观调控)?的?|[^{HAN}]*)$"
)
_HEADING = re.compile(rf"^(?:[{CN_NUMERALS}]+、|（[{CN_NUMERALS}]+）|第[{CN_NUMERALS}]+部分)")
_RETRO_HEADING = re.compile(r"回顾|过去[一五]年|工作总结|成效|成就|取得")
_PLAN_HEADING = re.compile(r"目标|任务|要求|安排|建议|思路|部署|重点工作")
_RETRO_PARAGRAPH = re.compile(r"^(?:过去|一年来|五年来|去年|回顾|[一两三四五]年来|这[一五]年)")
_PAST = re.compile(r"去年|上年|过去|同比|累计|已经|已|了|实现了|达到了|超过了")
_COMPARE = re.compile(r"(?:比|高于|低于|大于|小于|快于|多于|少于|从)(?:去年|上年)的?")
_NO_NUMBER = re.compile(r"统筹考核|不设|不再设|不作(?:具体)?要求")
_NO_LONGER = re.compile(r"不再(?P<verb>发行|安排|设立|征收|保留)(?P<what>[^，。；、]{2,12})")
_FORWARD = re.compile(r"力争|确保|争取|到20\d\d年|目标|计划|拟|预计|要|将|今年|明年|全年|新增|新建")
_BY_YEAR = re.compile(r"到(20\d\d年)(?:底|末)?")
_FIVE_YEAR = re.compile(rf"“?{PLAN_PERIOD}”?时期|“?{PLAN_PERIOD}”?规划|今后五年|五年规划")
_NO_TARGET = re.compile(
    r"(?:没有|未|不再|不)(?:提出|设定|设置|设|定)(?P<what>[^，。；]{0,16}?)(?:具体|量化|数值)?(?:目标|指标)"
)
_SLOGAN = re.compile(
    r"[“\"](?P<goal>(?:冲刺|突破|迈上|跨越|迈向|挺进|站上|跃上|剑指|决战)[^”\"，。]{0,8}"
    r"(?:大关|台阶|级|亿元|万亿|千亿|百亿|万人|翻番))[”\"]"
)

_BARE_VERB = re.compile(
    rf"^(?:增长|增加|提高|下降|降低|增幅|达到|占|共|约|超过|其中)$|^比|^[^{HAN}]*$"
)
_ACTION = re.compile(r"^(?:新建|新开工|新增|建设|改造|发行|完成|开工|培训|将)$")
_FULLWIDTH = str.maketrans("０１２３４５６７８９．％", "0123456789.%")
_PARTS = re.compile(r"[和、]")  # "单位国内生产总值能耗和主要污染物排放量": two indicators


@dataclass(frozen=True)
class _Clause:
    text: str
    offset: int


def extract_targets(document: Document) -> list[Target]:
    """Extract the targets a document states, headline ones first.

    Args:
        document: a loaded document.

    Returns:
        Targets of the 主要预期目标 paragraph (in the order stated, numeric and qualitative),
        explicit "no target" statements, then other targets of the forward-looking parts
        (headline fiscal and monetary ones first), stage goals (到2035年…), then goal slogans
        such as "冲刺万亿大关". Every target carries the offset of its text in `document.text`,
        the index of its sentence, its canonical indicator name and its value read as numbers.
    """
    found: list[Target] = []
    main_spans = [(start, end) for start, end, _, _ in _main_target_spans(document)]
    found += _list_targets(document)
    found += _no_target_statements(document)
    forward = _forward_paragraphs(document, min((s for s, _ in main_spans), default=None))
    found += _forward_targets(document, forward, main_spans)
    found += _stage_goals(document.text, [para for para, _ in forward])
    found += _slogans(document.text)

    out: list[Target] = []
    seen: set[tuple[str, str, str | None]] = set()
    parts = _part_headings(document)
    for target in found:
        key = (canonical_indicator(target.indicator), target.value, target.period)
        if key in seen or not target.indicator or not target.value:
            continue
        seen.add(key)
        out.append(_finish(document, target, parts))
    return out


def _finish(
    document: Document, target: Target, parts: tuple[list[int], list[int | None]]
) -> Target:
    """Add what every target carries: canonical name, value as numbers, year, sentence
    (`parts`: the document's part headings, `_part_headings`)."""
    q = read_quantity(target.value)
    year = target.year
    if target.period and year is None:
        year = _period_end(target.period)
    if year is None and target.period is None and target.section != "口号目标":
        year = _part_year(parts, target.offset) or _dateline_year(document)
    sent = document.sentence_at(target.offset)
    return replace(
        target,
        canonical=canonical_indicator(target.indicator),
        numbers=q.numbers,
        unit=q.unit,
        modifier=target.modifier or q.modifier,
        direction=q.direction,
        year=year,
        sentence=sent.index if sent else None,
    )


# -- the 主要预期目标 list -----------------------------------------------------------------------
def _list_targets(document: Document) -> list[Target]:
    """The items of the 主要预期目标 paragraph(s), numeric and qualitative, in order."""
    text = document.text
    out: list[Target] = []
    for start, end, subject, subject_at in _main_target_spans(document):
        period = _lead_period(document, start)
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
            if target is None:
                continue
            if _NO_NUMBER.search(target.value):
                # 能耗强度目标在“十四五”规划期内统筹考核: the item is kept, without a number
                target = replace(target, note="no annual number set")
            for part in _split_shared(target):
                out.append(replace(part, core=True, period=period))
    return out


def _split_shared(target: Target) -> list[Target]:
    """One target per indicator when a qualitative value is said of two known ones.

    "单位国内生产总值能耗和主要污染物排放量继续下降" sets the same goal for two indicators that
    each have a row of their own in other years; both keep the clause as their text.
    """
    if read_quantity(target.value).numbers or not _PARTS.search(target.indicator):
        return [target]
    parts = _PARTS.split(target.indicator)
    known = _variants()
    if len(parts) < 2 or any(canonical_indicator(p) not in known.values() for p in parts):
        return [target]
    return [replace(target, indicator=p) for p in parts]


def _no_target_statements(document: Document) -> list[Target]:
    """"我们没有提出全年经济增速具体目标": the indicator, with the value 未设定."""
    out = []
    for m in _NO_TARGET.finditer(document.text):
        what = _clean_indicator(m.group("what")) or "经济增长"
        sent = document.sentence_at(m.start())
        note = sent.text if sent else m.group()
        out.append(
            Target(
                indicator=what,
                value=NOT_SET,
                text=m.group(),
                offset=m.start(),
                section=MAIN_SECTION,
                note=f"no target set: {note}",
                core=True,
            )
        )
    return out


# -- the forward-looking parts -----------------------------------------------------------------
def _forward_targets(
    document: Document,
    forward: list[tuple[Paragraph, str | None]],
    main_spans: list[tuple[int, int]],
) -> list[Target]:
    """Targets stated outside the list: fiscal and monetary figures, plan goals, tasks.

    Headline ones (赤字率, 专项债券, 特别国债, money and credit growth) come first, then this
    year's others, then those of a plan period, each group in document order.
    """
    text = document.text
    rules = _rules()
    found: list[Target] = []
    for para, period in forward:
        for clause in _clauses(text, para.start, para.end):
            if any(s <= clause.offset < e for s, e in main_spans):
                continue
            target = _parse_clause(clause, section=None, qualitative=False)
            if target is None:
                target = _no_longer(clause)
            if target is None and rules.headline.search(clause.text):
                # 保持货币供应量和社会融资规模增速与名义经济增速基本匹配
                target = _parse_clause(clause, section=None, qualitative=True)
                if target is not None and not rules.headline.search(target.indicator):
                    target = None
                if target is not None:
                    target = replace(target, section=_topic(target.indicator))
            if target is None or _is_past(clause.text):
                continue
            # the whole sentence up to the clause: a list of values runs on over ；
            opened = max(text.rfind(ch, para.start, clause.offset) for ch in "。！？") + 1
            before = text[max(opened, para.start) : clause.offset + len(clause.text)]
            if not main_spans and (not _FORWARD.search(before) or _is_past(before)):
                continue  # without a target list, only goals said to be goals, not results
            year = _BY_YEAR.search(before)
            when = period or (year.group(1) if year else None)
            core = when is None and bool(rules.headline.search(target.indicator))
            found.append(replace(target, core=core, period=when))
    found.sort(key=lambda t: (not t.core, t.period is not None, t.offset))
    return found


def _no_longer(clause: _Clause) -> Target | None:
    """"不再发行抗疫特别国债": a target that ends, with the verb as its value."""
    stop = _NO_LONGER.search(clause.text)
    if stop is None:
        return None
    return Target(
        indicator=stop.group("what"),
        value="不再" + stop.group("verb"),
        text=clause.text,
        offset=clause.offset,
        section=_topic(stop.group("what")),
    )


def _slogans(text: str) -> list[Target]:
    """Goals stated as slogans in quotes: 文化产业“冲刺万亿大关”."""
    out = []
    for m in _SLOGAN.finditer(text):
        subject = _slogan_subject(text, m.start())
        at = m.start() - len(subject) if text[: m.start()].endswith(subject) else m.start()
        out.append(
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
_CN_YEAR = rf"(?:二[〇○0零][〇○0零{CN_DIGITS}]{{2}}|20\d\d)年"
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
        opening = _STAGE_LEAD.match(body)
        if opening is not None:
            out += _stage_paragraph(text, para, opening)
        for lead in _STAGE_LEAD.finditer(body):
            if lead is opening or (opening is not None and lead.start() == opening.start()):
                continue
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
                        section=STAGE_SECTION,
                        period=_stage_period(when),
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
                    indicator=what,
                    value=f"比{arabic_digits(m.group('base'))}翻{m.group('n')}番",
                    text=m.group(),
                    offset=para.start + m.start(),
                    section=STAGE_SECTION,
                    period=_stage_period(by.group("when")) if by is not None else None,
                )
            )
    return out


def _stage_paragraph(text: str, para: Paragraph, lead: re.Match[str]) -> list[Target]:
    """Every goal of a paragraph that opens with its stage: "到2020年，乡村振兴取得重要进展，…".

    Plans and central documents set out each stage in a paragraph of its own; each clause of it
    that states a goal (subject and predicate, or a verb of achieving and its object) is one.
    """
    period = _stage_period(lead.group("when"))
    out = []
    for clause in _clauses(text, para.start + lead.end(), para.end):
        later = _STAGE_LEAD.match(clause.text)
        if later is not None:  # "。到2030年，…": the next stage of the same paragraph
            period = _stage_period(later.group("when"))
            clause = _Clause(clause.text[later.end() :], clause.offset + later.end())
        if len(clause.text) < 2 or re.match(r"^(?:在|再奋斗|从|为)", clause.text):
            continue
        if _is_past(clause.text):
            continue
        m = _GOAL_VERB.match(clause.text)
        target: Target | None
        if m is not None:
            what = _clean_indicator(re.sub(r"的?(?:宏伟|奋斗)?目标$", "", m.group("what")))
            target = Target(what, m.group("verb"), clause.text, clause.offset) if len(what) > 1 else None
        else:
            target = _parse_clause(clause, section=STAGE_SECTION, qualitative=True)
        if target is not None:
            out.append(replace(target, section=STAGE_SECTION, period=period))
    return out


def _stage_period(when: str) -> str:
    """"二〇三五年" -> "2035年"; "本世纪中叶" stays as it is."""
    return arabic_digits(when) if when.endswith(("年", "底", "末")) else when


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
            if not _rules().value.search(sent.text.replace("“", "").replace("”", "")):
                break
        pos = sent.end
        if not sent.text.endswith(("；", "，")):
            closed = True
    return min(max(pos, start), end)


def _looks_like_list(span: str) -> bool:
    return bool(_rules().value.search(span)) or span.count("；") + span.count("，") >= 2


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
        if re.match(rf"^[{CN_NUMERALS}]+、", p.text.lstrip()) and len(p.text.strip()) <= 60
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
    inner = re.search(rf"{PLAN_PERIOD}", m.group())
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
    plain = arabic_numbers(re.sub(r"^在[^，；]{0,24}(?:基础上|前提下)", "", plain))
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
    for m in _rules().value.finditer(text):
        qty = m.group("qty")
        # a bare year ("2035年") or an ordinal is not a value
        if re.fullmatch(r"(?:19|20)\d\d年", qty) or re.fullmatch(r"\d+(?:个|项|条|次)", qty):
            if not m.group("suf"):
                continue
        if m.start() > 0 and text[m.start() - 1] in "第“\"《（(×*":
            continue
        if re.fullmatch(rf"(?:19|20)\d\d[{DASHES}](?:19|20)\d\d年", qty):
            continue  # a period such as 2021—2023年
        return m
    return None


def _quantitative(
    clause: _Clause, text: str, m: re.Match[str], section: str | None
) -> Target | None:
    rules = _rules()
    head = text[: m.start()]
    tail = text[m.end() :]
    # "从去年的2.1%提高到2.3%", "从月销售额10万元提高到15万元": the target is the value after 到
    origin = re.search(r"(?:从|由)[^，；从由]{0,12}$", head)
    later = re.match(r"^(?:提高|提升|增加|降低|下降|减少|扩大|调整|降|上调|下调)?(?:到|至)", tail)
    if origin is not None and later is not None:
        m2 = rules.value.match(tail, later.end())
        if m2 is not None:
            head, m, tail = head[: origin.start()], m2, tail[m2.end() :]
    qty = m.group("qty")
    if re.search(r"(?:万亿|千亿|亿|万)$", qty) and not m.group("suf"):
        return None  # "14亿多中国人": a magnitude, not a target
    indicator, delta = _split_delta(head, min_left=0)
    indicator = _strip_links(indicator)
    if not delta:
        indicator, delta = _split_delta(indicator, min_left=2)
    action = re.sub(r"^(?:今年|全年|力争|确保|争取|要|拟|再|同时|并)+", "", indicator)
    indicator = _clean_indicator(indicator)
    rest = re.split(r"[，；、（(]", tail, maxsplit=1)[0]
    if _ACTION.match(action) or (not indicator and delta):
        # "新建1亿亩高标准农田", "将2.8万亿元中央财政资金纳入直达机制"
        if action == "将" and not qty.endswith("元"):
            return None
        obj = re.sub(r"^的", "", rest)[:16]
        if not re.match(rf"[{HAN}]{{2}}", obj):
            return None
        indicator = _clean_indicator(("" if action == "将" else action) + obj)
    elif re.match(rf"[{HAN}]", tail) and not re.match(r"(?:安排|目标)", tail):
        return None  # the number qualifies a noun ("30年整县试点"): not a target
    indicator = rules.issue.sub("", indicator)  # 发行|超长期特别国债: the thing issued
    if len(indicator) < 2 or len(indicator) > 40 or _BARE_VERB.match(indicator):
        return None
    pre = m.group("pre") or ""
    suf = m.group("suf") or ""
    value = f"{delta}{pre}{m.group('qty')}{suf}".replace(" ", "")
    modifier = suf or (pre if pre in rules.modifiers else None)
    return Target(
        indicator=indicator,
        value=value,
        text=clause.text,
        offset=clause.offset,
        modifier=modifier or None,
        section=section or _topic(indicator),
    )


def _split_delta(head: str, *, min_left: int) -> tuple[str, str]:
    """Split a verb of change off the end of an indicator: 能耗降低 -> (能耗, 降低)."""
    m = _rules().delta.search(head)
    if m is None or m.start() < min_left or (min_left and m.start() == 0):
        return head, ""
    return head[: m.start()], m.group()


def _qualitative(clause: _Clause, text: str, section: str | None) -> Target | None:
    rules = _rules()
    text = rules.steer.sub("", rules.leading.sub("", text))
    first = rules.verb_first.match(text)
    if first is not None:
        # 基本完成易地扶贫搬迁建设任务, 重点控制化石能源消费: the verb comes first
        indicator, value = _clean_indicator(first.group("what")), first.group("verb")
    else:
        split = _predicate_start(text)
        if split < 0:
            end = rules.qual_end.search(text)
            split = end.start() if end else -1
        if split < 2:
            return None
        indicator, value = _clean_indicator(text[:split]), text[split:]
    if len(indicator) < 2 or len(value) < 2 or len(indicator) > 30:
        return None
    if rules.not_qual.search(indicator + "|" + value) or value.endswith("的"):
        return None
    return Target(
        indicator=indicator,
        value=value,
        text=clause.text,
        offset=clause.offset,
        modifier=None,
        section=section,
    )


def _predicate_start(text: str) -> int:
    """Where the predicate of a qualitative target begins (国际收支|保持基本平衡); -1 if nowhere.

    "与/同…同步" (what a growth keeps pace with) is a predicate whole. Otherwise the predicate
    opens at an adverb or verb of the list (基本, 进一步, 实现…); one followed, four or more
    characters later in the same 、-item, by another such word modifies a noun, not the verb
    (城乡基本公共服务均等化水平|进一步提高).
    """
    rules = _rules()
    pace = rules.keeps_pace.search(text, 2) or rules.joined_pace.search(text, 2)
    words = [m.start() for m in rules.qual_start.finditer(text) if m.start() >= 2]
    if pace is not None and (not words or pace.start() <= words[0]):
        return pace.start()
    for here, there in zip(words, words[1:], strict=False):
        if there - here < 4 or "、" in text[here:there]:
            return here
    return words[-1] if words else -1


def _strip_links(indicator: str) -> str:
    links = _rules().links
    changed = True
    while changed:
        changed = False
        for verb in links:
            if indicator.endswith(verb) and len(indicator) > len(verb):
                indicator = indicator[: -len(verb)]
                changed = True
    return indicator


def _clean_indicator(text: str) -> str:
    rules = _rules()
    text = text.strip(" 　，；：、“”\"")
    text = re.sub(r"^\d+[.．、]", "", text)  # list numbering "59."
    text = re.sub(r"^.*\d[^、，\d]{1,3}、", "", text)  # "改造老旧小区1291个、各类管网"
    text = re.sub(r"今年要?|全年", "", text)
    text = re.sub(r"(?<![日年人])均$", "", text)  # "增幅均超过10%", but 日均, 年均, 人均 stay
    prev = None
    while prev != text:
        prev = text
        text = rules.leading.sub("", text)
        text = rules.trailing.sub("", text)
        text = re.sub(r"^(?:要|将|拟|在|把|使|让|对)?", "", text) if len(text) > 3 else text
    return text.strip(" 　，；：、“”\"")


def _topic(indicator: str) -> str:
    for pattern, label in _topics():
        if pattern.search(indicator):
            return label
    return "其他"


def _is_past(clause: str) -> bool:
    return bool(_PAST.search(_COMPARE.sub("", clause)))


def _slogan_subject(text: str, pos: int) -> str:
    """The few words before a quoted goal: 文化产业“冲刺万亿大关” -> 文化产业."""
    head = text[max(0, pos - 16) : pos]
    head = re.split(r"[，。；：、！？”\s]", head)[-1]
    return _clean_indicator(re.sub(r"^.*(?:打造|推动|实现|力争|确保|助力|推进|发布)", "", head))


# -- years -------------------------------------------------------------------------------------
_YEAR = re.compile(r"(20\d\d|19\d\d)年")
_PART_HEADING = re.compile(rf"^[{CN_NUMERALS}]+、")
_DATELINE = re.compile(r"(20\d\d)年\d{1,2}月\d{1,2}日")
_DATELINE_REACH = 300  # characters at the head of a document where its dateline stands


def _period_end(period: str) -> int | None:
    """The last year of a period: "2035年" -> 2035, "十四五" -> 2025; None when unknown."""
    year = _YEAR.match(period)
    if year is not None:
        return int(year.group(1))
    plan = re.fullmatch(rf"十([{_PLAN_NUMBER}])五", period)
    if plan is None:
        return None
    n, first_year = _FIRST_NUMBERED_PLAN
    number = 10 + _PLAN_NUMBER.index(plan.group(1)) + 1
    return first_year + 5 * (number - n) + 4


def _dateline_year(document: Document) -> int | None:
    """The year of the dateline a report opens with (2023年3月5日在…): "今年" is that year."""
    m = _DATELINE.search(document.text[:_DATELINE_REACH])
    return int(m.group(1)) if m else None


def _part_headings(document: Document) -> tuple[list[int], list[int | None]]:
    """The part headings of a document (二、2022年…), in order: their offsets, and the year each
    names for the forward-looking part it opens (None for another part)."""
    starts: list[int] = []
    years: list[int | None] = []
    for para in document.paragraphs:
        body = para.text.lstrip()
        if _PART_HEADING.match(body) and len(body) <= 60:
            m = _YEAR.search(body)
            plan = _PLAN_HEADING.search(body) and not _RETRO_HEADING.search(body)
            starts.append(para.start)
            years.append(int(m.group(1)) if m and plan else None)
    return starts, years


def _part_year(parts: tuple[list[int], list[int | None]], offset: int) -> int | None:
    """The year named by the heading of the forward-looking part holding `offset` (the last
    part heading that starts at or before it; one lookup, not a walk over the paragraphs)."""
    starts, years = parts
    i = bisect_right(starts, offset)
    return years[i - 1] if i else None
