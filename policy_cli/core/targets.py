"""Headline targets: the items of the 主要预期目标 paragraph, fiscal figures, stated goals.

A work report states its targets in a recognisable way: one paragraph "今年发展主要预期目标是：…"
lists the items (quantitative like 国内生产总值增长5.5%左右, qualitative like 国际收支基本平衡),
then the forward-looking parts of the report quantify more of them (赤字率拟按2.8%左右安排,
拟安排地方政府专项债券3.65万亿元). Conference news states goals as slogans ("冲刺万亿大关").
The rules were written from the 1998–2022 national reports of the background corpus and the
2025 provincial reports, not from any annotation. Their patterns and labels are data,
policy_cli/data/target_rules.toml (checked by scripts/check_target_rules.py), read and
compiled once; their word lists (modifiers, units, verbs of change) are target_words.tsv.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from typing import Any, NamedTuple

from policy_cli import data
from policy_cli.core.boilerplate import glossary_spans
from policy_cli.core.chars import CN_DIGITS, CN_NUMERALS, CN_ZEROS, HAN, PLAN_PERIOD
from policy_cli.core.normalize import arabic_digits
from policy_cli.core.patterns import finditer
from policy_cli.core.quantities import (
    _NUMERAL_START,
    DASHES,
    MINUS_SIGNS,
    NUMBER,
    arabic_numbers,
    may_hold_number,
    read_quantity,
    target_words,
)
from policy_cli.data import lines
from policy_cli.models import Document, Paragraph, Target

RULES_FILE = "target_rules.toml"
INDICATORS_FILE = "target_indicators.tsv"
TOPICS_FILE = "target_topics.tsv"
# the first plan period named by a number: 第三个五年计划 began in 1966, each lasts five years
_FIRST_NUMBERED_PLAN = (3, 1966)
_PLAN_NUMBER = f"{CN_DIGITS}"
# sections of the rules file that hold patterns (the others: labels and fragments)
PATTERN_SECTIONS = (
    "value", "where", "tense", "statements", "clauses", "indicator", "stages",
)  # fmt: skip
_TEMPLATES = frozenset({("stages", "doubling_value")})  # filled with str.format, not regexes
# punctuation (marks, not words): where a clause or a sentence ends, quotes
_CLAUSE_MARKS = re.compile(r"[，。；：！？]")
_STAGE_CLAUSE_MARKS = re.compile(r"[，：]")
_SUBJECT_MARKS = re.compile(r"[，。；：、！？”\s]")  # what ends the words before a slogan
_SENTENCE_ENDS = "。！？"
_STAGE_ENDS = "。；"
_CLAUSE_ENDS = "；，：。！？\n"
_OPEN_QUOTES = "“‘"
_CLOSE_QUOTES = "”’"
_CLAUSE_SCAN = re.compile(f"[{re.escape(_CLAUSE_ENDS + _OPEN_QUOTES + _CLOSE_QUOTES)}]")
_EDGE_MARKS = " 　，；：、“”\""
_HAN_START = re.compile(f"[{HAN}]")
_HAN_PAIR = re.compile(f"[{HAN}]{{2}}")
_PLAN = re.compile(PLAN_PERIOD)
_FULLWIDTH = str.maketrans("０１２３４５６７８９．％", "0123456789.%")
# a clause without a digit (fullwidth too) or a character that a percentage or a year in
# words opens with (`quantities.may_hold_number`) cannot hold a value, spaces taken out or
# not: such clauses (most of a long text) are passed over before they are cleaned
_NUMBER_MARK = re.compile(rf"\d|{_NUMERAL_START.pattern}")
_DIGIT = re.compile(r"\d")


def rules_table() -> dict[str, Any]:
    """The parsed rules file: {section: {key: value}}."""
    text = resources.files(data).joinpath(RULES_FILE).read_text(encoding="utf-8")
    return tomllib.loads(text)


def expand(pattern: str, fragments: dict[str, str] | None = None) -> str:
    """Fill the character classes (and the rules file's fragments) into a pattern."""
    for name, value in (fragments or {}).items():
        pattern = pattern.replace("{" + name + "}", value)
    classes = {
        "HAN": HAN, "CN_NUMERALS": CN_NUMERALS, "CN_DIGITS": CN_DIGITS, "CN_ZEROS": CN_ZEROS,
        "PLAN_PERIOD": PLAN_PERIOD, "DASHES": DASHES,
    }  # fmt: skip
    for name, value in classes.items():
        pattern = pattern.replace("{" + name + "}", value)
    return pattern


@dataclass(frozen=True)
class _Table:
    """The rules file compiled: labels, templates and patterns by (section, key)."""

    labels: dict[str, str]
    templates: dict[tuple[str, str], str]
    patterns: dict[tuple[str, str], re.Pattern[str]]
    sources: dict[tuple[str, str], str]  # the expanded pattern text (to build larger ones)


@cache
def _table() -> _Table:
    t = rules_table()
    fragments = {k: expand(v) for k, v in t["fragments"].items()}
    patterns: dict[tuple[str, str], re.Pattern[str]] = {}
    sources: dict[tuple[str, str], str] = {}
    templates: dict[tuple[str, str], str] = {}
    for section in PATTERN_SECTIONS:
        for key, value in t[section].items():
            if (section, key) in _TEMPLATES:
                templates[(section, key)] = value
                continue
            sources[(section, key)] = expand(value, fragments)
            patterns[(section, key)] = re.compile(sources[(section, key)])
    return _Table(dict(t["labels"]), templates, patterns, sources)


@cache
def _re(section: str, key: str) -> re.Pattern[str]:
    """A compiled pattern of the rules file (cached: a long text asks ~1.5 M times)."""
    return _table().patterns[(section, key)]


def label(key: str) -> str:
    """A label of the rules file (a section name, a value the extractor writes)."""
    return _table().labels[key]


@dataclass(frozen=True)
class _Rules:
    """The regexes built from the word lists of target_words.tsv (built once)."""

    value: re.Pattern[str]
    delta: re.Pattern[str]
    bound: re.Pattern[str]
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
    v = {key: src for (section, key), src in _table().sources.items() if section == "value"}
    magnitude = alt("magnitude")
    unit = rf"(?:\s?[%％]|(?:{magnitude})?(?:{alt('unit')})(?:{v['per']})?|(?:{magnitude}))"
    qty = rf"{NUMBER}{unit}"
    return _Rules(
        value=re.compile(
            rf"(?P<pre>{alt('prefix', 'plain')})?"
            rf"(?P<qty>(?:{NUMBER}{unit}?\s?[{DASHES}]\s?)?{qty}(?:{v['join']}{qty})*)"
            rf"(?P<suf>{alt('suffix')})?"
        ),
        delta=re.compile(rf"(?:{alt('again')})*(?:{alt('up', 'down')})$"),
        bound=re.compile(rf"(?:{alt('bound')})$"),
        leading=re.compile(rf"^(?:{v['year_lead']}|{alt('lead')})+"),
        trailing=re.compile(rf"(?:{alt('trail')})+$"),
        qual_start=re.compile(rf"{alt('qual')}|{v['quoted']}"),
        keeps_pace=re.compile(rf"{v['keeps_pace']}(?:{alt('match')})"),
        joined_pace=re.compile(rf"{v['joined_pace']}(?:{alt('match')})"),
        qual_end=re.compile(rf"(?:{alt('qual_end')})$"),
        not_qual=re.compile(rf"{alt('not_qual')}|{v['not_qualitative']}"),
        verb_first=re.compile(
            rf"^(?P<verb>(?:{alt('adverb')})+(?:{alt('act')}))(?P<what>.{{2,30}})$"
        ),
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


# -- where targets are stated ---------------------------------------------------------------


class _Clause(NamedTuple):
    """A clause of the text and its offset (a tuple: a 10 M-character text has ~300 k of
    them, and a frozen dataclass is slower made)."""

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
    stated = _stated_year(document, parts) if found else None
    glossaries = glossary_spans(document)
    for target in found:
        key = (canonical_indicator(target.indicator), target.value, target.period)
        if key in seen or not target.indicator or not target.value:
            continue
        if any(lo <= target.offset < hi for lo, hi in glossaries):
            continue  # a glossary (名词解释) explains a term: its figures are no target
        seen.add(key)
        out.append(_finish(document, target, parts, stated))
    return out


def _finish(document: Document, target: Target, parts: _Parts, stated: int | None) -> Target:
    """Add what every target carries: canonical name, value as numbers, year, sentence
    (`parts`: the document's part headings, `_part_headings`; `stated`: the year the report
    says it is, `_stated_year`)."""
    q = read_quantity(target.value)
    year = target.year
    if target.period and year is None:
        year = _period_end(target.period)
    if year is None and target.period is None and target.section != label("slogan"):
        year = _part_year(parts, target.offset) or _dateline_year(document) or stated
    sent = document.sentence_at(target.offset)
    return replace(
        target,
        canonical=canonical_indicator(target.indicator),
        numbers=q.numbers,
        unit=q.unit,
        modifier=target.modifier or q.modifier,
        direction=q.direction or target.direction,
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
        year = None if period else _lead_year(document, start)
        for n, clause in enumerate(_clauses(text, start, end)):
            target = None
            if n == 0 and subject:
                # the subject was named before the lead: 经济增长预期目标为 | 7%左右
                target = _parse_clause(clause, section=label("main"), subject=subject)
                if target is not None:
                    whole = text[subject_at : clause.offset + len(clause.text)]
                    target = replace(target, text=whole, offset=subject_at)
            items = _item_targets(clause, section=label("main"), only_items=True) if (
                target is None
            ) else []
            if len(items) > 1:
                # 新增高新技术企业3000家、专精特新企业1000家左右: two targets
                out += [replace(item, core=True, period=period, year=year) for item in items]
                continue
            if target is None:
                target = _parse_clause(clause, section=label("main"), qualitative=True)
            if target is None:
                continue
            if _re("statements", "no_number").search(target.value):
                # 能耗强度目标在“十四五”规划期内统筹考核: the item is kept, without a number
                target = replace(target, note="no annual number set")
            for part in _split_shared(target):
                out.append(replace(part, core=True, period=period, year=year))
    return out


def _split_shared(target: Target) -> list[Target]:
    """One target per indicator when a qualitative value is said of two known ones.

    "单位国内生产总值能耗和主要污染物排放量继续下降" sets the same goal for two indicators that
    each have a row of their own in other years; both keep the clause as their text.
    """
    split = _re("clauses", "parts")
    if read_quantity(target.value).numbers or not split.search(target.indicator):
        return [target]
    parts = split.split(target.indicator)
    known = _variants()
    if len(parts) < 2 or any(canonical_indicator(p) not in known.values() for p in parts):
        return [target]
    return [replace(target, indicator=p) for p in parts]


def _no_target_statements(document: Document) -> list[Target]:
    """"我们没有提出全年经济增速具体目标": the indicator, with the value 未设定."""
    out = []
    for m in _re("statements", "no_target").finditer(document.text):
        what = _clean_indicator(m.group("what")) or label("growth")
        sent = document.sentence_at(m.start())
        note = sent.text if sent else m.group()
        out.append(
            Target(
                indicator=what,
                value=label("not_set"),
                text=m.group(),
                offset=m.start(),
                section=label("main"),
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
        inside = [(s, e) for s, e in main_spans if s < para.end and e > para.start]
        for clause in _clauses(text, para.start, para.end):
            if inside and any(
                clause.offset < e and s < clause.offset + len(clause.text) for s, e in inside
            ):
                continue  # (经济增长的|预期目标是5%左右: a clause the list's lead opens inside)
            targets: list[Target | None] = list(_item_targets(clause, section=None))
            if not targets:
                targets = [_no_longer(clause)]
            if targets == [None] and rules.headline.search(clause.text):
                # 保持货币供应量和社会融资规模增速与名义经济增速基本匹配
                target = _parse_clause(clause, section=None, qualitative=True)
                if target is not None and not rules.headline.search(target.indicator):
                    target = None
                if target is not None:
                    target = replace(target, section=_topic(target.indicator))
                targets = [target]
            if targets == [None] or _is_past(clause.text):
                continue
            # the whole sentence up to the clause: a list of values runs on over ；
            opened = max(text.rfind(ch, para.start, clause.offset) for ch in _SENTENCE_ENDS) + 1
            before = text[max(opened, para.start) : clause.offset + len(clause.text)]
            if not main_spans and (not _re("tense", "forward").search(before) or _is_past(before)):
                continue  # without a target list, only goals said to be goals, not results
            year = _re("tense", "by_year").search(before)
            when = period or (year.group(1) if year else None)
            for target in targets:
                if target is not None:
                    core = when is None and bool(rules.headline.search(target.indicator))
                    found.append(replace(target, core=core, period=when))
    found.sort(key=lambda t: (not t.core, t.period is not None, t.offset))
    return found


def _no_longer(clause: _Clause) -> Target | None:
    """"不再发行抗疫特别国债": a target that ends, with the verb as its value."""
    stop = _re("statements", "no_longer").search(clause.text)
    if stop is None:
        return None
    return Target(
        indicator=stop.group("what"),
        value=stop.group("verb"),
        text=clause.text,
        offset=clause.offset,
        section=_topic(stop.group("what")),
    )


def _slogans(text: str) -> list[Target]:
    """Goals stated as slogans in quotes: 文化产业“冲刺万亿大关”."""
    out = []
    for m in _re("statements", "slogan").finditer(text):
        subject = _slogan_subject(text, m.start())
        at = m.start() - len(subject) if text[: m.start()].endswith(subject) else m.start()
        out.append(
            Target(
                indicator=subject or label("goal"),
                value=m.group("goal"),
                text=text[at : m.end()],
                offset=at,
                section=label("slogan"),
            )
        )
    return out


# -- stage goals (Party congress reports, long-range plans) -------------------------------------
# Years are often written in Chinese numerals there: 到二〇三五年, 到二○二○年, 比二0一0年.
def _stage_goals(text: str, paragraphs: list[Paragraph]) -> list[Target]:
    """Goals set for a year or a stage (到二〇三五年基本实现社会主义现代化, 比二〇一〇年翻一番).

    A clause opening "在…基础上" or "再奋斗十五年" is passed over: the goal is the clause that
    follows. Only the forward-looking `paragraphs` are read, and only a clause that states the goal
    with a verb of achieving (基本实现, 全面建成, 建成…).
    """
    out: list[Target] = []
    for para in paragraphs:
        body = text[para.start : para.end]
        opening = _re("stages", "lead").match(body)
        if opening is not None:
            out += _stage_paragraph(text, para, opening)
        for lead in finditer(_re("stages", "lead"), body):
            if lead is opening or (opening is not None and lead.start() == opening.start()):
                continue
            goal = _stage_goal(body, para.start, lead)
            if goal is not None:
                out.append(goal)
        out += _doublings(body, para.start)
    return out


def _stage_goal(body: str, start: int, lead: re.Match[str]) -> Target | None:
    """The goal a stage named inside a sentence sets: the first clause after its lead that
    states one with a verb of achieving (`start`: the offset of `body` in the text)."""
    ends = (body.find(ch, lead.end()) for ch in _STAGE_ENDS)
    sent_end = min((k for k in ends if k >= 0), default=len(body))
    pos = lead.end()
    for clause in _STAGE_CLAUSE_MARKS.split(body[lead.end() : sent_end]):
        at = start + pos
        pos += len(clause) + 1
        if not clause or _re("stages", "skip").match(clause):
            continue
        m = _re("stages", "goal_verb").match(clause)
        if m is None:
            return None  # the first clause that says something else ends the goal
        what = _clean_indicator(_re("stages", "goal_end").sub("", m.group("what")))
        if len(what) < 2 or _is_past(clause):
            return None
        return Target(
            indicator=what,
            value=m.group("verb"),
            text=clause,
            offset=at,
            section=label("stage"),
            period=_stage_period(lead.group("when")),
        )
    return None


def _doublings(body: str, start: int) -> list[Target]:
    """Goals of doubling a figure: 国内生产总值比二〇一〇年翻一番 (`start`: the offset of
    `body` in the text)."""
    out = []
    for m in finditer(_re("stages", "doubling"), body):
        raw = m.group("what")
        what = _re("stages", "doubling_lead").sub("", raw)
        cut = len(raw) - len(what)  # the verb of achieving and what stands before it
        # 到2020年国内生产总值…, 人均国内生产总值到二〇二〇年…: the stage, said anywhere
        by = _re("stages", "lead").search(raw)
        if by is not None and by.start() >= cut:
            what = what[: by.start() - cut] + what[by.end() - cut :]
        elif by is not None and len(_clean_indicator(what)) < 2:
            # 国内生产总值到二０二０年力争|比二０００年翻两番: the subject stands before the stage
            what = raw[: by.start()]
        what = _clean_indicator(what)
        if len(what) < 2 or _is_past(m.group()):
            continue
        out.append(
            Target(
                indicator=what,
                value=_doubling_value(arabic_digits(m.group("base")), m.group("n")),
                text=m.group(),
                offset=start + m.start(),
                section=label("stage"),
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
        later = _re("stages", "lead").match(clause.text)
        if later is not None:  # "。到2030年，…": the next stage of the same paragraph
            period = _stage_period(later.group("when"))
            clause = _Clause(clause.text[later.end() :], clause.offset + later.end())
        if len(clause.text) < 2 or _re("stages", "skip_in_paragraph").match(clause.text):
            continue
        if _is_past(clause.text):
            continue
        m = _re("stages", "goal_verb").match(clause.text)
        target: Target | None
        if m is not None:
            what = _clean_indicator(_re("stages", "goal_end").sub("", m.group("what")))
            target = None
            if len(what) > 1:
                target = Target(what, m.group("verb"), clause.text, clause.offset)
        else:
            target = _parse_clause(clause, section=label("stage"), qualitative=True)
        if target is not None:
            out.append(replace(target, section=label("stage"), period=period))
    return out


def _doubling_value(base: str, times: str) -> str:
    """"比2010年翻一番": the value of a doubling goal (the template of the rules file)."""
    return _table().templates[("stages", "doubling_value")].format(base=base, n=times)


def _stage_period(when: str) -> str:
    """"二〇三五年" -> "2035年"; "本世纪中叶" stays as it is."""
    return arabic_digits(when) if _re("stages", "by_year").search(when) else when


# -- locating ----------------------------------------------------------------------------------
def _main_target_spans(document: Document) -> list[tuple[int, int, str, int]]:
    """Spans listing the 主要预期目标 items, with the subject named before the lead, if any.

    "今年经济增长预期目标为7%左右" names its one indicator before the lead (经济增长);
    "今年发展主要预期目标是：…" names none.
    """
    spans: list[tuple[int, int, str, int]] = []
    paras = document.paragraphs
    for i, para in enumerate(paras):
        m = _re("where", "main_lead").search(para.text)
        if m is None:
            continue
        start = para.start + m.end()
        end = para.end
        if start >= end - 1 and i + 1 < len(paras):  # "主要预期目标是：" on a line of its own
            start, end = paras[i + 1].start, paras[i + 1].end
        end = _list_end(document, start, end)
        if end > start and _looks_like_list(document.text[start:end]):
            head = _CLAUSE_MARKS.split(para.text[: m.start()])[-1]
            subject = _re("where", "subject_cut").sub("", head)
            subject = _clean_indicator(_re("where", "of_edges").sub("", _clean_indicator(subject)))
            subject = "" if _re("where", "generic_subject").match(subject) else subject
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
            if _re("where", "list_close").match(sent.text):
                break
            plain = arabic_numbers(sent.text.replace("“", "").replace("”", ""))
            if not _rules().value.search(plain):
                break
        pos = sent.end
        if not sent.text.endswith(("；", "，")):
            closed = True
    return min(max(pos, start), end)


def _looks_like_list(span: str) -> bool:
    """Tell whether the text after a list's lead lists: a value (in digits, or in Chinese
    numerals: 国内生产总值增长百分之五左右) or three clauses or more."""
    listed = _rules().value.search(arabic_numbers(span))
    return bool(listed) or span.count("；") + span.count("，") >= 2


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
        if _re("where", "part_heading").match(p.text.lstrip()) and len(p.text.strip()) <= 60
    ]
    parts = bool(tops)
    for i, para in enumerate(document.paragraphs):
        body = para.text.lstrip()
        if _re("where", "heading").match(body) and len(body) <= 60:
            if i in tops:
                nxt = [j for j in tops if j > i]
                part_end = document.paragraphs[nxt[0]].start if nxt else len(document.text)
                plan = bool(_re("where", "plan_heading").search(body))
                before_main = main_start is not None and part_end <= main_start
                looks_back = _re("where", "retro_heading").search(body) is not None
                retro = not plan and (looks_back or before_main)
                goals = _re("where", "goal_heading").search(body)
                period = _plan_period(body) if goals else None
            if not _re("where", "numbered_sentence").search(body):
                continue
            # （一）到2025年，…比重达到15%。: a numbered item that is a whole sentence with a
            # number is a paragraph of the part, read as the others are
        if retro or _re("where", "retro_paragraph").match(body):
            continue
        if not parts and main_start is not None and para.end <= main_start:
            continue
        out.append((para, None if _re("where", "this_year").search(body) else period))
    return out


def _lead_year(document: Document, offset: int) -> int | None:
    """The year a 主要预期目标 list's lead names right before it (2025年发展主要预期目标是)."""
    sent = document.sentence_at(max(0, offset - 1))
    m = _re("where", "lead_year").search(document.text[sent.start : offset]) if sent else None
    return int(m.group(1)) if m else None


def _lead_period(document: Document, offset: int) -> str | None:
    """The plan period of a 主要目标 list when its lead sentence names one (今后五年…)."""
    sent = document.sentence_at(max(0, offset - 1))
    return _plan_period(document.text[sent.start : offset]) if sent else None


def _plan_period(text: str) -> str | None:
    found = list(_re("where", "five_year").finditer(text))
    if not found:
        return None
    m = found[-1]  # "“十三五”时期发展成就和“十四五”时期主要目标任务": the plan ahead
    inner = _PLAN.search(m.group())
    return inner.group() if inner else label("five_years")


def _clauses(text: str, start: int, end: int) -> list[_Clause]:
    """Split text[start:end] into clauses at ；，：。 (a clause opening with 并 stays joined).

    Only the clause ends and quote marks are visited (found by one regular expression), not
    every character: a 10 M-character text has ~3 M clauses' worth of other characters.
    """
    out: list[_Clause] = []
    pos = start
    joined = _re("clauses", "joined")
    for m in _unquoted(_CLAUSE_SCAN, text, start, end):
        i = m.start()
        _add_clause(out, text, pos, i, joined)
        pos = i + 1
    _add_clause(out, text, pos, end, joined)  # the text's end closes the last clause
    return out


def _unquoted(
    scan: re.Pattern[str], text: str, start: int = 0, end: int | None = None
) -> Iterator[re.Match[str]]:
    """The marks `scan` finds in text[start:end] outside quotes (`scan` finds the quote marks
    too, and they open and close the quotes)."""
    quote = 0
    for m in scan.finditer(text, start, len(text) if end is None else end):
        ch = m.group()
        if ch in _OPEN_QUOTES:
            quote += 1
        elif ch in _CLOSE_QUOTES:
            quote = max(0, quote - 1)
        elif not quote:
            yield m


def _items(clause: _Clause) -> list[_Clause]:
    """The items of a clause that each state a value of their own, joined by 、 outside quotes
    (城镇新增就业1100万人以上、城镇调查失业率5.5%左右), or the clause whole. Each item names its
    indicator before its number (`_names_its_value`): where one holds no number (研发经费、基础
    研究经费分别增长10%) or only values (分别降低13.5%、18%), what is said is shared, and the
    clause is one."""
    text = clause.text
    if not _NUMBER_MARK.search(text) or not _re("clauses", "items").search(text):
        return [clause]
    cuts = list(_unquoted(_item_scan(), text))
    bounds = [0, *[m.end() for m in cuts]]
    ends = [*[m.start() for m in cuts], len(text)]
    parts = [(text[a:b], a) for a, b in zip(bounds, ends, strict=True)]
    if len(parts) < 2 or not all(_names_its_value(p) for p, _ in parts):
        return [clause]
    return [_Clause(p, clause.offset + a) for p, a in parts]


def _names_its_value(item: str) -> bool:
    """Tell whether an item names an indicator (two characters of it) before its first number,
    in digits or in numerals (百分之五 read as 5%); one scan of the item each."""
    plain = arabic_numbers(item.translate(_FULLWIDTH))
    digit = _DIGIT.search(plain)
    return digit is not None and _HAN_PAIR.search(plain, 0, digit.start()) is not None


@cache
def _item_scan() -> re.Pattern[str]:
    """The marks between items (`items`) and the quote marks, found by one expression."""
    quotes = re.escape(_OPEN_QUOTES + _CLOSE_QUOTES)
    return re.compile(f"(?:{_re('clauses', 'items').pattern})|[{quotes}]")


def _item_targets(
    clause: _Clause, *, section: str | None, only_items: bool = False
) -> list[Target]:
    """The targets of a clause's items (`_items`), each read as a clause of its own; an item's
    target whose indicator counts things (盯紧抓实64个预增产值过|10亿元: `item_count`) is none,
    where one that names a number (PM2.5浓度, 5G基站) is one. A clause of one item is read
    whole, unless `only_items` (its caller reads it otherwise: none is returned)."""
    items = _items(clause)
    if len(items) == 1:
        if only_items:
            return []
        target = _parse_clause(clause, section=section, qualitative=False)
        return [target] if target is not None else []
    out = []
    counted = _re("clauses", "item_count")
    for item in items:
        target = _parse_clause(item, section=section, qualitative=False)
        if target is not None and not counted.search(target.indicator):
            out.append(target)
    return out


def _add_clause(
    out: list[_Clause], text: str, pos: int, i: int, joined: re.Pattern[str]
) -> None:
    """Add the clause text[pos:i] (a clause opening with 并, `joined`, joins the one before)."""
    piece = text[pos:i]
    if piece.strip():
        if out and joined.match(piece) and text[pos - 1] == "，":
            prev = out[-1]
            out[-1] = _Clause(text[prev.offset : i], prev.offset)
        else:
            lead = len(piece) - len(piece.lstrip())
            out.append(_Clause(piece.strip(), pos + lead))


# -- parsing -----------------------------------------------------------------------------------
def _parse_clause(
    clause: _Clause, *, section: str | None, qualitative: bool = False, subject: str = ""
) -> Target | None:
    """Read one clause as indicator + value (+ modifier); None when it states no target."""
    if not qualitative and not subject and not _NUMBER_MARK.search(clause.text):
        return None  # (what `may_hold_number` would say of the cleaned text below)
    plain = clause.text.replace(" ", "").replace("\u3000", "").translate(_FULLWIDTH)
    if not qualitative and not subject and not may_hold_number(plain):
        return None  # every value holds a digit: most clauses of a long text hold none
    plain = arabic_numbers(_re("clauses", "premise").sub("", plain))
    if subject:
        if not _re("clauses", "subject_value").match(plain):
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
        if _re("clauses", "bare_year").fullmatch(qty) or _re("clauses", "ordinal").fullmatch(qty):
            if not m.group("suf"):
                continue
        if m.start() > 0 and _re("clauses", "not_value_after").match(text[m.start() - 1]):
            continue
        if _re("clauses", "year_span").fullmatch(qty):
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
    origin = _re("clauses", "origin").search(head)
    later = _re("clauses", "later").match(tail)
    if origin is not None and later is not None:
        m2 = rules.value.match(tail, later.end())
        if m2 is not None:
            head, m, tail = head[: origin.start()], m2, tail[m2.end() :]
    qty = m.group("qty")
    if _re("clauses", "bare_magnitude").search(qty) and not m.group("suf"):
        return None  # "14亿多中国人": a magnitude, not a target
    indicator, delta = _split_delta(head, min_left=0)
    indicator = _strip_links(indicator)
    if not delta:
        indicator, delta = _split_delta(indicator, min_left=2)
    bound = rules.bound.search(indicator)
    if bound is not None:  # 移动网络流量资费年内|至少|降低30%: the bound is the modifier
        indicator = indicator[: bound.start()]
    action = _re("clauses", "will").sub("", indicator)
    indicator = _clean_indicator(indicator)
    rest = _re("clauses", "object_end").split(tail, maxsplit=1)[0]
    if _re("clauses", "action").match(action) or (not indicator and delta):
        # "新建1亿亩高标准农田", "将2.8万亿元中央财政资金纳入直达机制"
        if action == label("transfer") and not _re("clauses", "money").search(qty):
            return None
        obj = _re("clauses", "of_start").sub("", rest)[:16]
        if not _HAN_PAIR.match(obj):
            return None
        indicator = _clean_indicator(("" if action == label("transfer") else action) + obj)
    elif _HAN_START.match(tail) and not _re("clauses", "value_nouns").match(tail):
        return None  # the number qualifies a noun ("30年整县试点"): not a target
    indicator = rules.issue.sub("", indicator)  # 发行|超长期特别国债: the thing issued
    if len(indicator) < 2 or len(indicator) > 40 or _re("clauses", "bare_verb").match(indicator):
        return None
    pre = m.group("pre") or ""
    suf = m.group("suf") or ""
    sign = ""
    if not pre and len(head) >= 2 and head[-1] in MINUS_SIGNS and _HAN_START.match(head[-2]):
        sign = "-"  # 国内生产总值增长-2%左右: a value below zero (the sign was the indicator's)
        indicator = _clean_indicator(indicator.rstrip(MINUS_SIGNS))
    value = f"{delta}{pre}{sign}{m.group('qty')}{suf}".replace(" ", "")
    modifier = suf or (pre if pre in rules.modifiers else None) or (bound and bound.group())
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
    assigned = _re("clauses", "assigned").match(text)
    if assigned is not None:
        # 完成国家下达的“十四五”能耗强度下降目标: the state's figure, done
        indicator = _clean_indicator(_re("indicator", "period").sub("", assigned.group("what")))
        value = assigned.group("value") + assigned.group("end")
    elif first is not None:
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
    if rules.not_qual.search(indicator + "|" + value) or _re("clauses", "open_value").search(value):
        return None
    return Target(
        indicator=indicator,
        value=value,
        text=clause.text,
        offset=clause.offset,
        modifier=None,
        direction=_change_direction(value),
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
    """The indicator without the verbs that link it to its value (…|控制在, …|降至): a level
    to reach, whose value is no change (降至5.5%以内 is 5.5%, not -5.5)."""
    links = _rules().links
    changed = True
    while changed:
        changed = False
        for verb in links:
            if indicator.endswith(verb) and len(indicator) > len(verb):
                indicator = indicator[: -len(verb)]
                changed = True
    return indicator


def _change_direction(value: str) -> str | None:
    """up or down where a value in words is a change that way (继续下降, 保持增长)."""
    if _re("clauses", "change_up").match(value):
        return "up"
    return "down" if _re("clauses", "change_down").match(value) else None


def _clean_indicator(text: str) -> str:
    rules = _rules()
    text = text.strip(_EDGE_MARKS)
    text = _re("indicator", "list_number").sub("", text)  # list numbering "59."
    text = _re("indicator", "count_list").sub("", text)  # "改造老旧小区1291个、各类管网"
    text = _re("indicator", "this_year").sub("", text)
    text = _re("indicator", "each").sub("", text)  # "增幅均超过10%", but 日均, 年均, 人均 stay
    verb_lead = _re("indicator", "verb_lead")
    prev = None
    while prev != text:
        prev = text
        text = rules.leading.sub("", text)
        text = rules.trailing.sub("", text)
        text = verb_lead.sub("", text) if len(text) > 3 else text
    return text.strip(_EDGE_MARKS)


def _topic(indicator: str) -> str:
    for pattern, topic in _topics():
        if pattern.search(indicator):
            return topic
    return label("other")


def _is_past(clause: str) -> bool:
    return bool(_re("tense", "past").search(_re("tense", "compare").sub("", clause)))


def _slogan_subject(text: str, pos: int) -> str:
    """The few words before a quoted goal: 文化产业“冲刺万亿大关” -> 文化产业."""
    head = text[max(0, pos - 16) : pos]
    head = _SUBJECT_MARKS.split(head)[-1]
    return _clean_indicator(_re("statements", "slogan_lead").sub("", head))


# -- years -------------------------------------------------------------------------------------
_DATELINE_REACH = 300  # characters at the head of a document where its dateline stands


def _period_end(period: str) -> int | None:
    """The last year of a period: "2035年" -> 2035, "十四五" -> 2025; None when unknown."""
    year = _re("where", "year").match(period)
    if year is not None:
        return int(year.group(1))
    plan = _re("where", "plan_number").fullmatch(period)
    if plan is None:
        return None
    n, first_year = _FIRST_NUMBERED_PLAN
    number = 10 + _PLAN_NUMBER.index(plan.group(1)) + 1
    return first_year + 5 * (number - n) + 4


def _dateline_year(document: Document) -> int | None:
    """The year of the dateline a report opens with (2023年3月5日在…): "今年" is that year."""
    m = _re("where", "dateline").search(document.text[:_DATELINE_REACH])
    return int(m.group(1)) if m else None


def _stated_year(document: Document, parts: _Parts) -> int | None:
    """The latest year the report says it is in a part that plans ahead (2013年是…开局之年):
    "今年" is that year where no dateline nor part heading says which."""
    years = [
        int(m.group(1)) for m in _re("where", "year_stated").finditer(document.text)
        if _part_ahead(parts, m.start())
    ]
    return max(years) if years else None


class _Parts(NamedTuple):
    """The part headings of a document (二、2022年…), in order: their offsets, the year each
    names for the forward-looking part it opens (None for another part), and whether the part
    plans ahead."""

    starts: list[int]
    years: list[int | None]
    ahead: list[bool]


def _part_headings(document: Document) -> _Parts:
    parts = _Parts([], [], [])
    for para in document.paragraphs:
        body = para.text.lstrip()
        if _re("where", "part_heading").match(body) and len(body) <= 60:
            m = _re("where", "year").search(body)
            ahead = _re("where", "plan_heading").search(body) is not None
            plan = ahead and _re("where", "retro_heading").search(body) is None
            parts.starts.append(para.start)
            parts.years.append(int(m.group(1)) if m and plan else None)
            parts.ahead.append(plan)
    return parts


def _part_year(parts: _Parts, offset: int) -> int | None:
    """The year named by the heading of the forward-looking part holding `offset` (the last
    part heading that starts at or before it; one lookup, not a walk over the paragraphs)."""
    i = bisect_right(parts.starts, offset)
    return parts.years[i - 1] if i else None


def _part_ahead(parts: _Parts, offset: int) -> bool:
    """Tell whether `offset` is in a part whose heading plans ahead (二、今年…的总体要求)."""
    i = bisect_right(parts.starts, offset)
    return parts.ahead[i - 1] if i else False
