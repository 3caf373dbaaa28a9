"""Stage `programme`: named programmes that a launching verb opens.

A reader takes 实施产业兴村强县行动 as the launch of a programme named 产业兴村强县行动: a verb of
launching (实施, 开展, 启动, 推行, 组织…) followed by a noun phrase that runs to the clause's edge
and ends in a programme head (行动, 工程, 计划, 行动方案, 条例…); a zone is launched the same way
by 建设, 创建, 划定 (现代农业产业园, 粮食生产功能区), or named as the place whose building is
furthered (深化|人民城市建设, 加快|基础研究先行区建设). The names listed after the first one, joined
by 、 or 和 and ending in a head of the same family, are launched by the same verb (划定和建设
粮食生产功能区、重要农产品生产保护区; 继续实施“三支一扶”、特岗教师计划). The name must have a body
of its own: a count of works (192个, 一批), a kind (重大工程, 重点项目) or a list (…等项目) names
none, where the round scale of what a programme reaches opens its name (千万农民增收致富促进行动,
万企兴万村行动: `programme_magnitudes`, no measure word after them);
the round or batch of a programme (新一期, 一批) is not its name's.
Verbs that further, improve or see to an action (深化, 优化提升, 抓好…: `furthering_clause_verbs`)
name it only where they open a clause (，深化|城市韧性提升行动; 持续深化|…: rule
`furthered-clause`); inside a name they are its own (国企改革深化提升行动).
A name may join two places by a dash (中蒙二连浩特—扎门乌德经济合作区), and 建设好 launches a
zone as 建设 does. A programme taken as the lead of a policy is launched by that frame
(以|北疆文化建设提升行动|为引领: rule `framed`, `programme_frames`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from policy_cli.core.chars import CN_NUMERALS, HAN, HAN_RUN
from policy_cli.core.formulations.candidate import Candidate
from policy_cli.core.formulations.options import FormulationOptions
from policy_cli.core.formulations.positions import a_site
from policy_cli.core.formulations.vocab import Words, patterns, words
from policy_cli.core.patterns import longest_first
from policy_cli.core.segment import default_tagger
from policy_cli.core.tokens import Segmentation, segment_text

STAGE = "programme"


def find_programmes(
    text: str, options: FormulationOptions, seg: Segmentation | None = None
) -> Iterator[Candidate]:
    """Yield the programme and zone names that a launching verb opens, with those listed after."""
    w = words()
    seg = seg or segment_text(text)
    for rule, launch, item in _patterns():
        for m in launch.finditer(text):
            at = _after_verbs(text, m, seg)
            dated = _deadline_before(text, m.end(), at)
            first = True
            while True:
                found = item.match(text, at)
                if found is None:
                    break
                body, name = found.group("body"), found.group("name")
                start = found.start("name")
                adjacent = start == found.start()  # (no quoted name skipped before it)
                at = found.end()
                lead = _leading_verb(body)
                body, name, start = body[lead:], name[lead:], start + lead
                head = name[len(body) :]
                if not (rule == "year" and _an_anniversary(body, w)) and (
                    _names_a_programme(body, w, options, short=rule == "construction")
                    or (rule in _SHORT_RULES and _a_short_name(body, head, w, options))
                ) and not (
                    _a_kind_of_project(body, name, w, seg.words(start, start + len(body)))
                ) and not (rule == "zone" and a_site(name)):
                    if first and dated and adjacent and not lead:
                        # 制定|2030年前碳排放达峰行动方案: the year it is due by is said as a
                        # part of its name (checked without it, as a year counts nothing)
                        name, start = dated + name, start - len(dated)
                    yield Candidate(
                        _unquoted(name, w),
                        "name",
                        start,
                        stage=STAGE,
                        rule=rule if first else f"{rule}-list",
                    )
                first = False
                if text[at : at + 1] not in w.list_separator + "和":
                    break
                at += 1
    for found in _framed_pattern().finditer(text):
        body, name, start = found.group("body"), found.group("name"), found.start("name")
        lead = _leading_verb(body)  # 以|实施|就业促进行动|为重点: the verb launches it
        body, name, start = body[lead:], name[lead:], start + lead
        if _names_a_programme(body, w, options) and not _a_kind_of_project(
            body, name, w, seg.words(start, start + len(body))
        ):
            yield Candidate(_unquoted(name, w), "name", start, stage=STAGE, rule="framed")


def _after_verbs(text: str, m: re.Match[str], seg: Segmentation) -> int:
    """Where the name starts after the launching verbs: a complement of result (打造成|全国…
    示范区) is the verb's only where the segmenter cuts after it (建设|成渝地区…, 建设|成果…);
    the year a programme is due by stands before the rest of its name (制定|2030年前|碳排放达峰
    行动方案), which is checked without it (`_deadline_before` puts a title's year back)."""
    at = m.end()
    complement = m.group("complement") if "complement" in m.re.groupindex else None
    if complement and not seg.starts_word(at):
        return at - len(complement)
    by_year = patterns().programme_deadline.match(text, at)
    # 制定|2030年前|碳排放达峰行动方案: the year it is due by is no part of the programme's name
    return by_year.end() if by_year else at


def _deadline_before(text: str, verb_end: int, at: int) -> str:
    """The year a programme is due by where it is said as the opening of its name, between
    its verb (ending at `verb_end`) and the rest of the name (at `at`): 制定|2030年前|碳排放达峰
    行动方案 gives '2030年前', the plan's title; or ''. Opened by 到, the year is when the
    verb's work is due (实施|到2027年前|…行动计划: by then), no part of the name."""
    said = text[verb_end:at]
    found = at > verb_end and patterns().programme_deadline.fullmatch(said)
    return said if found and not said.startswith(words().deadline_by) else ""


def _an_anniversary(body: str, w: Words) -> bool:
    """Tell whether the body of a year's name counts years or celebrates (庆祝…成立70周年,
    纪念改革开放40年, 2024年): an anniversary or a calendar year, no campaign's name."""
    return (
        body.endswith(w.anniversary_marks) or body.startswith(w.anniversary_openers)
        or body[-1:].isdigit() or body[-1:] in CN_NUMERALS
    )


def _leading_verb(body: str) -> int:
    """The length of the verbs of launching and building a body starts with (新一轮|深化|制造业
    智改数转网联行动), and of the round or batch after them (`programme_quantity`); a verb of the
    name's own stays (实施|降低全社会物流成本专项行动, 制定|促进公平竞争条例): an action is named
    by what it does."""
    w = words()
    verbs = (*w.construction_verbs, *w.launch_verbs, *w.furthering_verbs)
    at = 0
    while True:
        lead = next((v for v in verbs if body.startswith(v, at)), None)
        if lead is None:
            break
        at += len(lead)
    # 新一期|促进残疾人就业三年行动, 一批|国家人工智能应用中试基地: the round or batch is not the
    # name's (what follows it must name something of its own, as any body)
    quantity = patterns().programme_quantity.match(body, at)
    return quantity.end() if quantity and quantity.end() < len(body) else at


def _scaled(body: str, w: Words, o: FormulationOptions) -> bool:
    """Tell whether a body opens with the round scale of what the programme reaches (千万|农民
    增收致富促进行动, 百万|移民致富提升行动, 千村示范万村整治工程): a magnitude (百, 千, 万) and
    no measure word after it, or a measure word and a long rest that names what is counted
    (千个|宜居宜业和美乡村建设行动, 百项|革命文物保护利用工程: `programme_scaled_min_rest`);
    a count of works with a short or a generic rest (千个|民生项目, 百项|重点民生实事工程) counts
    the programmes."""
    scale = len(body) - len(body.lstrip(w.programme_magnitudes))
    if not 0 < scale < len(body) or body[scale] in w.count:
        return False
    if body[scale] not in w.count_nouns:
        return True
    rest = body[scale + 1 :]
    return len(rest) >= o.programme_scaled_min_rest and not rest.startswith(w.generic_programme_ends)


def _opens_with_a_name(body: str, w: Words) -> bool:
    """Tell whether a body that opens with a count character opens with a word of its own that
    holds it: a place or a name (两岸|融合发展示范区, 三明|…, 十堰|…), not a count (一批, 两个,
    三|大, 十大: `count_name_tags`)."""
    tagged = default_tagger().tag(body, False)
    if not tagged:
        return False
    first, tag = tagged[0]
    return len(first) > 1 and tag in w.count_name_tags and any(c not in w.count for c in first)


def _names_a_programme(body: str, w: Words, o: FormulationOptions, *, short: bool = False) -> bool:
    """Tell whether the body of a launched name (before its head) names something of its own;
    a short body (人民|城市) names a place whose building is furthered."""
    plain = _unquoted(body, w)
    least = o.place_min_body if short else o.programme_min_body
    if not least <= len(plain) <= o.programme_max_body:
        return False
    counted = re.match(rf"\d+[{''.join(sorted(w.count_nouns))}]", plain)
    if plain.endswith(w.generic_programme_ends) or counted or (
        plain[0] in w.count + "第" and not _scaled(plain, w, o) and not _opens_with_a_name(plain, w)
    ):
        return False  # a kind (重大工程), a count (一批, 192个, 第三轮), a list (…等项目)
    if w.trail_possessive in plain or w.etc in plain:
        return False  # …具有国际竞争力的…基地: a description; 水库增容等供水工程: a list
    if any(a in plain for a in w.aside_words):
        return False  # 现代农业|特别是|粮食主产区商品粮基地: two phrases and an aside
    if any(d in plain for d in w.programme_demonstratives):
        return False  # 党员队伍建设|这一|基础工程: the kind of work a phrase is, described
    if body.count(w.open_quote) != body.count(w.close_quote):
        return False
    # a second launching verb inside: two clauses, not one name
    return not any(v in plain for v in (*w.launch_verbs, *w.furthering_verbs))


# the rules whose verb launches or furthers an action or works (not a zone, a year or a place)
_SHORT_RULES = ("launched", "furthered", "furthered-clause")


def _a_short_name(body: str, head: str, w: Words, o: FormulationOptions) -> bool:
    """Tell whether a short body names an action or works of its own (实施|强县工程, 推进|民心
    工程): a noun that is no kind of works (民生工程, 实际行动), no verb (实施|培训计划, 制胜专项
    行动), count, pronoun or function word, before an action or works head."""
    plain = _unquoted(body, w)
    if head not in w.short_programme_heads or len(plain) != o.programme_short_body:
        return False
    if plain in w.generic_programme_bodies or not HAN_RUN.fullmatch(plain):
        return False
    if plain.endswith(w.generic_programme_ends) or plain.startswith(w.generic_programme_openers):
        return False  # 部署若干重大工程、重大计划、重大行动: a rank names a kind
    return not any(
        tag.startswith(w.short_body_refused_tags) for _, tag in default_tagger().tag(plain, False)
    )


def _a_kind_of_project(body: str, name: str, w: Words, pieces: list[str]) -> bool:
    """Tell whether a plain project or plan is a kind of them: its body opens with a rank or a
    period, or holds a category (重大科技项目, 年度投资计划, 产业类科技项目).

    `pieces` are the words of the body. A category mark is one where it closes a word: a word
    of its own (产业|类) or the end of a field joined to it (文旅类); in a two-character word of
    the dictionary it is part of that word (人类, 分类: 人类表型组计划, 垃圾分类项目).
    """
    if name[len(body) :] not in w.plain_programme_heads:
        return False  # (…行动计划 is an action)
    return body.startswith(w.generic_programme_openers) or any(
        p.endswith(mark) and len(p) != 2 for p in pieces for mark in w.category_marks
    )


def _unquoted(s: str, w: Words) -> str:
    return s.replace(w.open_quote, "").replace(w.close_quote, "")


@lru_cache(maxsize=1)
def _framed_pattern() -> re.Pattern[str]:
    """以|X行动|为引领: a programme's name taken as the lead of a policy (`programme_frames`)."""
    w = words()
    heads = "|".join(re.escape(h) for h in longest_first(w.programme_heads))
    frames = "|".join(re.escape(f) for f in w.programme_frames)
    return re.compile(
        rf"以(?P<name>(?P<body>[{HAN}“”0-9]{{2,24}}?)(?:{heads}))为(?:{frames})"
    )


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...]:
    w = words()

    def alt(xs: tuple[str, ...]) -> str:
        return "|".join(re.escape(x) for x in longest_first(xs))

    quoted = rf"{w.open_quote}[^{w.close_quote}\n]{{1,12}}{w.close_quote}"

    def item(heads: tuple[str, ...], after: str = "") -> re.Pattern[str]:
        # a quoted item of the list (“三支一扶”) is skipped: the quoted stage names it
        return re.compile(
            rf"(?:{quoted}[、和])*(?P<name>(?P<body>[{HAN}“”0-9—]{{2,24}}?)(?:{alt(heads)})){after}"
            rf"(?=[，。；、）)]|等|和|$)"
        )

    # verbs may come in a row (组织实施, 划定和建设): the name starts after the last one
    # (one verb, then more, 和 or 、 only between two: a pattern that opens with the verbs lets
    # `re` skip to their first characters; 实施|和平安全行动 keeps its 和)
    verbs = alt(w.launch_verbs)
    launch = re.compile(rf"(?:{verbs})(?:[和、]?(?:{verbs}))*好?")
    # …打造成|全国数实融合发展示范区: a complement of result after the verb is the verb's (where
    # the segmenter cuts after it: 建设|成渝地区… keeps its 成); one verb then more, as above
    zones = alt(w.zone_verbs)
    zone = re.compile(
        rf"(?:{zones})(?:[和、]?(?:{zones}))*(?P<complement>{alt(w.result_complements)})?好?"
    )
    # 推进 furthers what is under way: it names an action or a project of works (推进|森林生态
    # 标志产品建设工程), not any plan or project (推进|年度工作计划, 推进|基础设施项目)
    furthering = alt(w.furthering_verbs)
    further = re.compile(rf"(?:{furthering})(?:[和、]?(?:{furthering}))*")
    # 深化, 抓好… further an action where they open a clause (，深化|…行动, 持续深化|…), in a row
    # as the other verbs (深化拓展|…): inside a name they are its own (国企改革深化提升行动)
    opens = "|".join([f"(?<![{HAN}])", *(f"(?<={re.escape(a)})" for a in w.furthering_adverbs)])
    clause_verbs = alt(w.furthering_clause_verbs)
    further_clause = re.compile(rf"(?:{opens})(?:{clause_verbs})(?:[和、]?(?:{clause_verbs}))*")
    build = re.compile(rf"(?:{alt(w.construction_verbs)})")
    return (
        ("launched", launch, item(w.programme_heads)),
        ("furthered", further, item(w.furthered_heads)),
        ("furthered-clause", further_clause, item(w.furthered_heads)),
        ("zone", zone, item(w.zone_heads)),
        # 开展|重大项目攻坚突破年|活动: a year given to a campaign is named like a programme
        ("year", launch, item(w.campaign_year_heads, after=f"(?:{alt(w.campaign_year_nouns)})")),
        (
            "construction",
            build,
            item((*w.zone_heads, *w.place_heads), after=f"(?:{alt(w.construction_nouns)})"),
        ),
    )
