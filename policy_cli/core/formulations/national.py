"""Stage `national`: established national formulations the document says, quoted or not.

The lexicon (`policy_cli/data/national_formulations.tsv`, built by scripts/build_national.py
from the national evening news 2012-2022 and the background reports) holds formulations that
national text uses as set phrases: 高质量发展, 新发展理念, 供给侧结构性改革, 减税降费, 人民至上、
生命至上. They are found as printed (a motto's separators may vary, quote marks are skipped),
longest first; the candidate carries the entry's first-seen date and document count, which give
the formulation its origin (`national`, since that date).

A motto written as one word (教育、科技、人才 printed 教育科技人才) may run on into a name it
modifies (教育科技人才|一体化发展, 市场化法治化国际化|一流营商环境): two words or more, all nouns,
or one entry of the lexicon (…|营商环境), up to the next mark. That name is listed instead (rule
`run-on`, its own origin), or nothing where it is longer than `national_run_on_max`
(…|体制机制一体改革: the motto is a piece of it).

An entry that is everyday policy writing too (one current local report says it: 稳中向好,
生态文明建设) or a standing system's plain name (社会主义市场经济体制), the lexicon's `framing`
source, is listed only where the document says it `national_framing_min_count` times or more,
as a reader lists the national formulations a document frames itself with. Such entries are
matched apart from the others, so that one said once hides no other entry it overlaps. In a
document dated before `framing_documents_before` (2017, see below), one national text first said
within `framing_era_years` of the document's era is listed said once: a formulation of its time.

A national formulation that current local reports make everyday writing (改革开放, 营商环境,
保障和改善民生: the lexicon's `everyday` entries, kept apart from it) is listed only in a document
of an earlier era, as a framing entry is: the document's era is the `document_era_rank`-th
latest year national text first said a formulation of the lexicon the document says (a report
says none coined after it), before `everyday_documents_before` (2017), and national text said
the entry by then. A report of 2012 frames itself with 保障和改善民生; one of 2022 says it in
passing. A short text of the centre of any era (a communiqué, a conference's news) lists one it
says `everyday_central_min_count` times or more (保障和改善民生, 平台经济), four characters long
at least (`everyday_central_min_len`: 新时代 is a word of the language there), and one it says
once as a name: five characters long or more (`everyday_central_once_min_len`: 服务型政府,
国资国企改革; a four-character one, 改革开放, 依法行政, is a set word its prose says in
passing), not one national text says on most of its days (中国特色社会主义), and not where the
next word goes on naming something with it (…|伟大事业). Wherever everyday
entries are listed, one said right after a motto written as one word (市场化国际化法治化|营商环境,
the name the motto may run on into) is not counted there.

The questions a doctrine answers, entries each of whose parts asks (什么是社会主义、怎样建设
社会主义), said two or more in a row with a comma alone between them, are listed as one series
(rule `questions`: …，建设什么样的党、怎样建设党，实现什么样的发展、怎样发展), as a reader lists
them, and not each pair; joined by a conjunction (…和建设什么样的党…) each stays its own.

An entry said as the front of one longer word of the segmenter is not said alone: where the
policy lexicon holds that word as a name (碳达峰|十大行动, 祖国和平统一|大业) the name is listed
(rule `word`, since the entry's first_seen), unless it is an event's (数字中国|建设峰会) or the
next word goes on naming with it (南水北调中线|工程建设); where it is a person's name, an idiom
or a set phrase of the dictionary (`word_piece_refused_tags`: 萨德|尔, 冰火|两重天) nothing is.
A ground word after it (战斗堡垒|作用) and a word the segmenter starts inside it (自由贸易|港区)
leave the entry as it is.

Said right before the head noun of a policy as a word of its own (全面两孩|政策, 藏粮于技|战略:
`national_policy_heads`), a formulation is listed with it (rule `head`), as the document names it;
so is one said before the head of a reform or of the work on it (利率市场化|改革, 包容审慎|监管:
`national_reform_heads`), which, ending an entry, still lets a policy head follow
(全面深化改革|先行区).
"""

from __future__ import annotations

import os
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from functools import cache

from policy_cli.core.chars import is_han
from policy_cli.core.formulations.candidate import CERTAIN, KINDS, Candidate
from policy_cli.core.formulations.options import FormulationOptions
from policy_cli.core.formulations.pieces import QUOTES, said_at
from policy_cli.core.formulations.proper import place_forms
from policy_cli.core.formulations.quoted import question_pattern
from policy_cli.core.formulations.vocab import (
    RUN_ON_LOOKAHEAD,
    clause_word_set,
    names_on,
    next_word,
    patterns,
    word_tag,
    words,
)
from policy_cli.core.national import (
    FRAMING_SOURCE,
    NationalEntry,
    everyday_lexicon,
    everyday_matcher,
    framing_matcher,
    national_lexicon,
    national_matcher,
)
from policy_cli.core.phrases import (
    CLOSING_QUOTES,
    OPENING_QUOTES,
    QUOTE_MARKS,
    SEPARATORS,
    Match,
    canonical,
    printed_offset,
    without_quotes,
)
from policy_cli.core.segment import default_tagger, lexicon_words
from policy_cli.core.tokens import Segmentation, segment_text

STAGE = "national"
VERB_TAG = "v"
# the source of the entries learnt from what national text quotes (a short one of them is a
# name only as whole words; the curated seed is trusted as printed: 河湖|长制, 从|十九|大到)
QUOTED_SOURCE = "quoted"
# …and those read in national reports (棚改 in 车棚改建, 户户通 in 户户通电)
REPORTS_SOURCE = "reports"  # read in national reports, kept where distinctive (the build)
# …and those written from knowledge that the build keeps the same way (scripts/seeds/
# national_knowledge.txt: where distinctive, else as framing entries)
KNOWLEDGE_SOURCE = "knowledge"
# the entries read in reports or kept as they are, the framing ones too (三通 not in 三通一平)
READ_SOURCES = (REPORTS_SOURCE, KNOWLEDGE_SOURCE, FRAMING_SOURCE)
WORD_SOURCES = (QUOTED_SOURCE, *READ_SOURCES)
CONJUNCTION_TAG = "c"  # the tagger's tag of a conjunction (和, 与, 及)
CLAUSE_TAGS = ("v", "p")  # a plain verb, a preposition: a phrase holding one is a clause
CORE_MIN = 3  # a core shorter than this (双创 in …双创) is no formulation of its own there
# the separator a motto's parts are joined with in the lexicon (教育、科技、人才)
MOTTO_SEPARATOR = "、"
_DROP_QUOTES = str.maketrans("", "", QUOTE_MARKS)
LOCAL_SCOPE_SPAN = 10_000  # characters: `local_scope_per_10k` counts per this many


def find_national(
    text: str, options: FormulationOptions, seg: Segmentation | None = None
) -> Iterator[Candidate]:
    """Yield every entry of the national lexicon the text says, as printed (a motto written as
    one word that runs on into a name: that name, rule `run-on`)."""
    lexicon = national_lexicon()
    matches = list(national_matcher().finditer(text))
    era = document_era(matches, options)
    framing = list(framing_matcher().finditer(text))  # (read once: two rules take them)
    framed = [
        *_framing_finds(text, framing, matches, options, era),
        *_earlier_era_finds(text, matches, options, era),
    ]
    if framed:
        matches = sorted((*matches, *framed), key=lambda m: m.start)
    starts = {m.start for m in matches}
    everyday = everyday_lexicon()
    yield from _placed_framing_zones(text, framing, starts, options, seg)
    asked: set[int] = set()  # the questions said in a row, listed as one series (below)
    for run in _question_series(text, matches):
        asked.update(m.start for m in run)
        last = lexicon.get(run[-1].phrase) or everyday[run[-1].phrase]
        said = text[run[0].start : run[-1].end].translate(_DROP_QUOTES)
        yield _candidate(last, said, run[0].start, "questions")
    for m in matches:
        if m.start in asked:
            continue
        entry = lexicon.get(m.phrase) or everyday[m.phrase]
        if _ends_in_a_quote(text[m.start : m.end]) and text[m.end : m.end + 1] not in (
            CLOSING_QUOTES
        ):
            continue  # 五个“必须|统筹好”: the name goes on inside the quote
        printed = text[m.start : m.end].translate(_DROP_QUOTES)
        seg = seg or segment_text(text)  # (cut once: every match asks what word it ends in)
        whole = _word_it_opens(text, m.start, m.end, seg)
        if whole is not None and whole[len(printed) :] not in words().ground_words:
            if _a_name_of_its_own(text, m.start, whole, seg):
                # 碳达峰|十大行动, 祖国和平统一|大业: the entry opens a longer name the policy
                # lexicon holds as one word, and that name is what the document says (since
                # the entry's first_seen)
                yield _candidate(entry, whole, m.start, "word")
                continue
            if word_tag(whole) in words().word_piece_refused_tags:
                continue  # 冰火|两重天, 萨德尔: a piece of a set phrase or of a name, not said
        if entry.source in WORD_SOURCES and len(printed) <= options.national_short_max:
            if not _whole_words(text, m, seg):
                continue  # a short name learnt from quotes, inside other words: 占中|部地区
        if MOTTO_SEPARATOR in entry.text and not _a_motto_said_as_one_word(entry.text, printed):
            parts = entry.text.split(MOTTO_SEPARATOR)
            if (
                text.startswith(MOTTO_SEPARATOR, m.end)
                and _run_goes_on(parts, _clause_after(text, m.end + 1))
            ) or (
                text[m.start - 1 : m.start] == MOTTO_SEPARATOR
                and _run_goes_on([p[::-1] for p in parts], _clause_before(text, m.start - 1))
            ):
                continue  # 经济建设、…、社会建设|、生态文明建设: a truncated motto names nothing
        if entry.source in READ_SOURCES and any(
            text.startswith(h, m.end) and _phrase_ends(text, m.end + len(h))
            for h in words().plain_system_heads
        ):
            continue  # 构建社会主义市场经济|体制。: a piece of a system's plain name, not listed
        if (
            options.national_run_on_max
            and m.end not in starts  # (another entry of the lexicon follows: 创新…共享|新发展理念)
            and _a_motto_said_as_one_word(entry.text, printed)
        ):
            rest = _name_run_on_into(text, m.end, seg)
            if rest is not None:
                # 教育科技人才|一体化发展: the motto is the modifier of the name it runs on into
                if len(rest) <= options.national_run_on_max:
                    yield Candidate(printed + rest, "name", m.start, stage=STAGE, rule="run-on")
                continue  # (…|体制机制一体改革: a longer name is no formulation of its own)
        if entry.kind == "name" and printed.endswith((*words().zone_heads, *words().place_heads)):
            placed = _placed_zone(text, m.start, printed, seg, options)
            if placed is not None:
                # 苏南|国家自主创新示范区, 合肥|综合性国家科学中心: the kind of zone or centre
                # the state designates, named by its place, is that place's (its name, not the
                # kind)
                yield placed
                continue
        if (
            m.end not in starts
            and text.startswith(_named_heads(), m.end)
            and not printed.endswith(words().national_policy_heads)
        ):
            head = _policy_head_after(text, m.end, seg)
            if head:
                placed = (
                    _placed_zone(text, m.start, printed + head, seg, options)
                    if head in words().zone_heads
                    else None
                )
                if placed is not None:
                    # 长三角|美丽中国|先行区: a zone the formulation names, named by its place, is
                    # that place's, as a designated zone is
                    yield placed
                    continue
                # 全面两孩|政策: the formulation names the policy it heads, as the document says it
                yield _candidate(entry, printed + head, m.start, "head")  # (its first_seen)
                continue
        scope = (
            _scope_before(text, m.start, entry, seg)
            if printed.endswith(words().scope_named_heads)
            else ""
        )
        if scope:
            # 实施|国家|技术创新工程: the document names the national programme with its scope
            yield _candidate(entry, scope + printed, m.start - len(scope), "scope")
            continue
        found = _candidate(entry, printed, m.start, entry.source)
        if text.startswith(words().dependent_conjunctions, m.end):
            # 中央八项规定|及其实施细则精神: the formulation is named beside the name of it and
            # its dependent half, as a reader names it
            found = replace(found, strength=CERTAIN)
        yield found
        opened = (
            _opened_inside(text, m.start, m.end, options)
            if MOTTO_SEPARATOR in entry.text
            else None
        )
        if opened is not None:
            # 全面|依法治国，建设社会主义法治国家: the motto opens inside a formulation said whole
            # before it, which ends where the motto's first part ends: both are said
            before, at = opened
            yield replace(_candidate(before, before.text, at, "opened"), strength=CERTAIN)
        motto = MOTTO_SEPARATOR in entry.text
        for piece, offset in _motto_parts(printed) if motto else _conjuncts(printed):
            core = _core_of(piece, part=motto)
            if core is not None:
                # 完整准确全面贯彻|新发展理念: the formulation the longer one ends with is named
                # too, as a reader names the core a document frames itself with; so is the one
                # each phrase a conjunction joins ends with (保持|中高速增长|和迈向|中高端水平),
                # and each part of a motto (立足|新发展阶段，贯彻|新发展理念，构建|新发展格局)
                at = _in_text(text, m.start, m.end, offset + len(piece) - len(core.text))
                yield replace(_candidate(core, core.text, at, "core"), strength=CERTAIN)


def _in_text(text: str, start: int, end: int, plain: int) -> int:
    """Where the character at `plain` of text[start:end] read without its quote marks is in the
    text, at the quote that opens it if one does (贯彻|“新发展理念”: the core starts at “)."""
    _, shifts = without_quotes(text[start:end])
    at = start + printed_offset(shifts, plain)
    return at - 1 if text[at - 1 : at] and text[at - 1] in OPENING_QUOTES else at


def _question_series(text: str, matches: list[Match]) -> list[list[Match]]:
    """The runs of two entries or more that each ask what a doctrine answers (a question word in
    every part: 什么是社会主义、怎样建设社会主义) said in a row, joined by a comma alone
    (…，建设什么样的党、怎样建设党，实现什么样的发展、怎样发展): one series of questions, as a
    reader lists it. Joined by a conjunction (…和建设什么样的党…) or apart, each is its own."""
    asks = question_pattern()

    def a_question(m: Match) -> bool:
        parts = m.phrase.split(MOTTO_SEPARATOR)
        return len(parts) > 1 and all(asks.search(p) for p in parts)

    runs: list[list[Match]] = []
    run: list[Match] = []
    for m in matches:
        if not a_question(m):
            continue
        if run and text[run[-1].end : m.start] in tuple(words().commas):
            run.append(m)
            continue
        if len(run) > 1:
            runs.append(run)
        run = [m]
    if len(run) > 1:
        runs.append(run)
    return runs


def _placed_framing_zones(
    text: str, framing: list[Match], starts: set[int], o: FormulationOptions,
    seg: Segmentation | None,
) -> Iterator[Candidate]:
    """The kinds of zone or centre among the framing entries (国家自主创新示范区, said by a
    current local report) said once right after a place: that place's zone (苏南|国家自主创新
    示范区, rule `place`), listed as the lexicon's other kinds are; the framing count is for the
    kind said bare. (Said as often as a framing entry, the kind is among `starts`.)"""
    heads = (*words().zone_heads, *words().place_heads)
    lexicon = national_lexicon()
    for m in framing:
        entry = lexicon[m.phrase]
        if m.start in starts or entry.kind != "name" or not m.phrase.endswith(heads):
            continue
        seg = seg or segment_text(text)  # (only where a framing kind of zone is said)
        placed = _placed_zone(text, m.start, text[m.start : m.end], seg, o)
        if placed is not None:
            yield placed


def _framing_finds(
    text: str, framed: list[Match], matches: list[Match], o: FormulationOptions,
    era: int | None,
) -> list[Match]:
    """Of the finds of the framing entries (`framed`: everyday writing too, or a system's plain
    name), those the document frames itself with: said `_framing_count` times or more, out of the other
    entries' finds (`matches`) and of their runs (经济建设、…、社会建设|、生态文明建设); in a
    document whose `era` (`document_era`) is before `framing_documents_before`, also those
    national text first said within `framing_era_years` before it, said once: the formulations
    of its own time (家电下乡, 一揽子计划 in a report of 2011)."""
    if not framed:
        return []
    bounds = {m.start for m in matches} | {m.end for m in matches}
    framed = [m for m in _outside(framed, matches) if not _in_a_run(text, m, bounds)]
    said = Counter(m.phrase for m in framed)
    least = _framing_count(text, o)
    if era is not None and era < o.framing_documents_before:
        # a document of an earlier era names the formulations of its own time said once
        lexicon = national_lexicon()
        recent = era - o.framing_era_years
        return [m for m in framed
                if said[m.phrase] >= least or _year(lexicon[m.phrase]) >= recent]
    return [m for m in framed if said[m.phrase] >= least]


def _earlier_era_finds(
    text: str, matches: list[Match], o: FormulationOptions, era: int | None
) -> list[Match]:
    """The everyday entries a document of an earlier era (its `era` before
    `everyday_documents_before`) frames itself with: national text said them by the document's
    era, and the document says them as often as a framing entry (`_framing_count`), out of the
    other entries' finds and their runs, or once as a name (`_a_name_said_once`) that national
    text first said within `framing_era_years` of the era, as a framing entry of its time is
    listed (集体林权制度改革 in a report of 2011, not 以人为本, a set word of any report);
    and those a short text of the centre of a later era
    repeats (`everyday_central_min_count`, `everyday_central_min_len`) or states once as a
    name (`_a_name_said_once`)."""
    earlier = era is not None and era < o.everyday_documents_before
    central = (
        not earlier
        and o.everyday_central_min_count > 0
        and short_central_text(text, o)
    )
    if not (earlier or central):
        return []  # (most documents: of the current era)
    lexicon = everyday_lexicon()
    finds = list(everyday_matcher().finditer(text))
    if era is not None and earlier:
        finds = [m for m in finds if _year(lexicon[m.phrase]) <= era]
    else:
        finds = [m for m in finds if len(m.phrase) >= o.everyday_central_min_len]
    bounds = {m.start for m in matches} | {m.end for m in matches}
    run_ons = _one_word_motto_ends(text, matches)
    finds = [
        m
        for m in _outside(finds, matches)
        if not _in_a_run(text, m, bounds) and m.start not in run_ons
    ]  # (市场化国际化法治化|营商环境: the name a motto runs on into, not an entry of its own)
    said = Counter(m.phrase for m in finds)
    if earlier and era is not None:
        least = _framing_count(text, o)
        recent = era - o.framing_era_years  # (the window of the framing entries said once)
        return [
            m for m in finds
            if said[m.phrase] >= least
            or (_year(lexicon[m.phrase]) >= recent and _a_name_said_once(text, m, o))
        ]
    return [
        m for m in finds
        if said[m.phrase] >= o.everyday_central_min_count or _a_name_said_once(text, m, o)
    ]


def _a_name_said_once(text: str, m: Match, o: FormulationOptions) -> bool:
    """Tell whether an everyday entry said once (in a short text of the centre, or in a report
    of an earlier era) is a name it states: five characters or more
    (`everyday_central_once_min_len`: 服务型政府, not 改革开放, a set word said in passing), said
    on no more than `everyday_central_once_max_documents` days of national text (not 中国特色
    社会主义), and no word going on naming something with it after it (not 中国特色社会主义|伟大
    事业, 战略性新兴产业|增加值), but for a word saying what of it (`once_name_about_words`:
    保障性租赁住房|建设, 保障和改善民生|工作)."""
    once = o.everyday_central_once_min_len
    if not once or len(m.phrase) < once:
        return False
    if everyday_lexicon()[m.phrase].documents > o.everyday_central_once_max_documents:
        return False
    after = next_word(text, m.end)
    if after is None:
        return True
    w = words()
    word, tag = after
    return word in w.once_name_about_words or not tag.startswith(w.once_name_going_on_tags)


def document_era(matches: list[Match], o: FormulationOptions) -> int | None:
    """The era of a document: the `document_era_rank`-th latest year national text first says
    a formulation of the lexicon the document says (a report says none coined after it; the
    rank passes over an entry or two dated late), or None where it says too few."""
    lexicon = national_lexicon()
    years = sorted(y for y in (_year(lexicon[m.phrase]) for m in matches) if y)
    return years[-o.document_era_rank] if len(years) >= o.document_era_rank else None


def _year(entry: NationalEntry) -> int:
    """The year an entry's first_seen says (0 when none)."""
    year = entry.first_seen[:4]
    return int(year) if year.isdigit() else 0


def _framing_count(text: str, o: FormulationOptions) -> int:
    """How many times a text says a framing entry that it frames itself with: once in a short
    text of the centre (a communiqué, a conference's news say each formulation once),
    `national_framing_min_count` in a long one (a report frames itself by repetition) and in a
    local one (the centre's words there echo the centre)."""
    return 1 if short_central_text(text, o) else o.national_framing_min_count


def short_central_text(text: str, o: FormulationOptions) -> bool:
    """Tell whether a text is a short one of the centre: `national_framing_short_max` characters
    or fewer, and of the centre (a communiqué, a conference's news)."""
    return len(text) <= o.national_framing_short_max and of_the_centre(text, o)


def of_the_centre(text: str, o: FormulationOptions) -> bool:
    """Tell whether a text speaks for the centre: fewer than `local_scope_per_10k` words of a
    local scope (全省, 市委) per 10,000 characters (the work reports and congress reports of the
    centre say 0-2, the local texts 9 or more)."""
    local = sum(1 for _ in patterns().local_scope.finditer(text))
    return local * LOCAL_SCOPE_SPAN < o.local_scope_per_10k * len(text)


def _outside(finds: list[Match], others: list[Match]) -> list[Match]:
    """The finds that are no piece of any of the others (both lists in the order of the text,
    the others without overlaps): a find inside a longer one is not what the text says there."""
    starts = [m.start for m in others]
    out = []
    for m in finds:
        k = bisect_right(starts, m.start) - 1  # the last other that starts where m does or before
        if k < 0 or others[k].end < m.end:
            out.append(m)
    return out


def _in_a_run(text: str, m: Match, bounds: set[int]) -> bool:
    """Tell whether a find is one more clause of a run another find is in: the list separator
    joins it to that find (`bounds`: where the other finds start and end)."""
    sep = len(MOTTO_SEPARATOR)
    return (text.startswith(MOTTO_SEPARATOR, m.end) and m.end + sep in bounds) or (
        text.startswith(MOTTO_SEPARATOR, m.start - sep) and m.start - sep in bounds
    )


def _run_goes_on(parts: list[str], clause: str) -> bool:
    """Tell whether a clause next to a motto (after it, or before it, read backwards) is one more
    clause of the motto's run: it has what the motto's parts share at their start or end (经济
    建设、…、社会建设|、生态文明建设; 发现一起、查处一起|、通报一起), within the length of a part
    and that of what they share (…|、文化创新等), or, where they share nothing, their length (民族独立、人民解放|、国家富强).
    A clause of another shape is another item of a list the motto is one of (有令不行、有禁不止|、
    失职渎职的; 弱有所扶|、优军服务保障)."""
    if not clause:
        return False
    head = os.path.commonprefix(parts)
    tail = os.path.commonprefix([p[::-1] for p in parts])[::-1]
    reach = max(map(len, parts)) + len(tail)  # (生态文明建设 after 社会建设: a longer part)
    if head or tail:
        return bool(head and clause.startswith(head)) or bool(
            tail and 0 <= clause.find(tail) <= reach - len(tail)
        )
    return len({len(p) for p in parts}) == 1 and len(clause) == len(parts[0])


def _clause_after(text: str, at: int) -> str:
    """The Chinese characters from `at` to the next mark."""
    end = at
    while end < len(text) and is_han(text[end]):
        end += 1
    return text[at:end]


def _clause_before(text: str, end: int) -> str:
    """The Chinese characters before `end` back to the previous mark, read backwards."""
    at = end
    while at > 0 and is_han(text[at - 1]):
        at -= 1
    return text[at:end][::-1]


def _ends_in_a_quote(span: str) -> bool:
    """Tell whether a span opens a quote it does not close (五个“必须; 新时代“枫桥经验 is closed
    right after it)."""
    return sum(span.count(q) for q in OPENING_QUOTES) > sum(span.count(q) for q in CLOSING_QUOTES)


def _word_it_opens(text: str, start: int, end: int, seg: Segmentation) -> str | None:
    """The longer word of the segmenter that text[start:end] opens (a quote mark before it
    skipped), or None: the match ends at a word's edge, or inside a word that starts after it
    does (自由贸易|港区, 十九|大到: the segmenter's choice between two readings). A ground word
    after it (`ground_words`: 战斗堡垒|作用, the role it plays) is no part of its name."""
    if text[start : start + 1] in QUOTES:
        start += 1
    if seg.starts_word(end) or not seg.starts_word(start):
        return None
    i = bisect_right(seg.starts, end - 1) - 1
    return seg.pieces[i] if seg.starts[i] == start else None


def _a_name_of_its_own(text: str, start: int, whole: str, seg: Segmentation) -> bool:
    """Tell whether the longer word an entry opens is a name to list instead of it: a word of
    the policy lexicon (碳达峰十大行动), not an event's name (数字中国建设峰会: `event_heads`)
    and not a piece of a longer name the next word goes on with (南水北调中线|工程建设: a word
    that opens with one of `name_heads`)."""
    if whole not in lexicon_words() or whole.endswith(tuple(words().event_heads)):
        return False
    end = start + len(whole)
    after = seg.words(end, end + RUN_ON_LOOKAHEAD)
    return not after or not after[0].startswith(tuple(words().name_heads))


def _whole_words(text: str, m: Match, seg: Segmentation) -> bool:
    """Tell whether a match is said as words of its own (`pieces.said_at`), or quoted."""
    return text[m.start : m.start + 1] in QUOTES or said_at(text, seg, m.start, m.end)


def _candidate(entry: NationalEntry, printed: str, at: int, rule: str) -> Candidate:
    return Candidate(
        printed,
        entry.kind if entry.kind in KINDS else "slogan",
        at,
        stage=STAGE,
        rule=rule,
        meta=(("first_seen", entry.first_seen), ("documents", str(entry.documents))),
    )


def _scope_before(text: str, at: int, entry: NationalEntry, seg: Segmentation | None) -> str:
    """The scope word (国家, 全国: `scope_words`) said right before a plan's or a project's name
    at `at` as a word of its own, or ''."""
    scope = next(
        (s for s in words().scope_words if at >= len(s) and text.startswith(s, at - len(s))), ""
    )
    if not scope or entry.text.startswith(scope):
        return ""
    seg = seg or segment_text(text)
    return scope if seg.starts_word(at - len(scope)) and seg.starts_word(at) else ""


def _one_word_motto_ends(text: str, matches: list[Match]) -> set[int]:
    """Where the mottos of the lexicon printed as one word end (市场化国际化法治化|): what
    follows may be the name they run on into (`_name_run_on_into`)."""
    lexicon = national_lexicon()
    return {
        m.end
        for m in matches
        if (entry := lexicon.get(m.phrase)) is not None
        and _a_motto_said_as_one_word(entry.text, text[m.start : m.end].translate(_DROP_QUOTES))
    }


def _a_motto_said_as_one_word(entry: str, printed: str) -> bool:
    """Tell whether a motto's entry (parts joined by the lexicon's separator) is printed without
    separators (教育、科技、人才 as 教育科技人才)."""
    return MOTTO_SEPARATOR in entry and not any(ch in SEPARATORS for ch in printed)


def _name_run_on_into(text: str, end: int, seg: Segmentation) -> str | None:
    """The rest of the name a motto written as one word runs on into, or None where it runs on
    into none.

    The words after it up to the first mark that is no Chinese character name something with
    it when there are two or more of them and every one is a noun, a verbal noun or a set
    phrase (教育科技人才|一体化发展, 市场化法治化国际化|一流营商环境), or one word that is an entry
    of the lexicon (市场化法治化国际化|营商环境); any other word alone is a head the motto
    qualifies (…|目标, …|工作), and a word of any other kind says something of it
    (…|资源丰富, 大众创业万众创新|蓬勃发展, …|的工作机制): the motto stands as it is.
    """
    stop = end
    limit = min(len(text), end + RUN_ON_LOOKAHEAD)
    while stop < limit and is_han(text[stop]):
        stop += 1
    cut_short = stop == limit < len(text) and is_han(text[stop])  # (runs past the lookahead)
    if stop == end or cut_short or not seg.starts_word(end):
        return None
    tagged = default_tagger().tag(text[end:stop], False)
    if not all(names_on(tag) for _, tag in tagged):
        return None
    if len(tagged) < 2 and not _a_national_word(tagged[0][0]):
        return None
    return text[end:stop]


def _a_national_word(word: str) -> bool:
    """Tell whether a word is an entry of the national lexicon, everyday writing too (营商环境):
    a motto written as one word before it names one thing with it (市场化法治化国际化|营商环境)."""
    key = canonical(word)
    return key in national_lexicon() or key in everyday_lexicon()


@cache
def _named_heads() -> tuple[str, ...]:
    """The heads a national formulation may name with it (rule `head`): a policy's and a
    reform's."""
    return words().national_policy_heads + words().national_reform_heads


def _policy_head_after(text: str, end: int, seg: Segmentation) -> str | None:
    """The head noun of a policy said right after a formulation as a word of its own, ending
    the phrase (全面两孩|政策。, 亲诚惠容|理念|和…), or None: …|政策性 is another word, and a head
    before another word goes on naming something else (全面从严治党|战略|部署, 数字政府|行动|
    方案, 高质量发展|政策|举措: no policy of that name). A zone is named before the building of
    it too (美丽中国|先行区|建设: the zone the document builds)."""
    for head in _named_heads():
        after = end + len(head)
        if text.startswith(head, end) and seg.starts_word(end) and said_at(text, seg, end, after):
            if _phrase_ends(text, after):
                return head
            built = head in words().zone_heads and next_word(text, after)
            return head if built and built[0] in words().construction_nouns else None
    return None


def _placed_zone(
    text: str, at: int, name: str, seg: Segmentation, options: FormulationOptions
) -> Candidate | None:
    """The zone `name` (said at `at`) with the place said right before it (rule `place`), or
    None where no place is said there, or where the name opens with its own place (中关村…)."""
    place = _place_before(text, at, seg, options)
    if not place or a_place(seg.words(at, at + len(name))[0]):
        return None
    return Candidate(place + name, "name", at - len(place), stage=STAGE, rule="place")


def _place_before(text: str, at: int, seg: Segmentation, options: FormulationOptions) -> str:
    """The place named right before `at` as a word of its own (苏南|…, 武汉|…), or ''."""
    before = seg.words(max(0, at - options.zone_place_lookbehind), at)
    if not before or not seg.starts_word(at):
        return ""
    word = before[-1]
    if word in words().ideal_places:
        return ""  # 城市|一刻钟便民生活圈: a kind of place, no place's name
    return word if len(word) >= options.min_word_len and a_place(word) else ""


def a_place(word: str) -> bool:
    """Tell whether a word is a place's name: one of `places.tsv` or tagged so (苏南, 武汉)."""
    if not is_han(word):
        return False
    tagged = default_tagger().tag(word, False)
    return word in place_forms() or (len(tagged) == 1 and tagged[0][1] in words().place_tags)


def _phrase_ends(text: str, at: int) -> bool:
    """Tell whether a noun phrase ends at `at`: a mark or the end of the text follows, or a
    conjunction, preposition or particle (…政策|的|实施, …理念|和|…); any other word goes on."""
    after = next_word(text, at)
    return after is None or after[1].startswith(words().head_end_tags)


def _opened_inside(
    text: str, start: int, end: int, options: FormulationOptions
) -> tuple[NationalEntry, int] | None:
    """The entry of the lexicon (no framing one) and its offset, said right before the motto
    found at text[start:end] and ending where the motto's first part ends (全面|依法治国，…;
    党的|政治建设、思想建设…), opening `national_opened_max` characters before it at most (the
    longest); None where there is none. The matcher lists the motto, which opens inside it; a
    piece that ends inside the first part is no formulation said (中国特色社会主义道路|自信、…)."""
    if not options.national_opened_max:
        return None
    first = next((k for k in range(start, end) if text[k] in SEPARATORS), None)
    if first is None:
        return None  # (a motto said as one word)
    lexicon = national_lexicon()
    for at in range(max(0, start - options.national_opened_max), start):
        entry = lexicon.get(text[at:first])
        if entry is not None and entry.source != FRAMING_SOURCE:
            return entry, at
    return None


def _conjuncts(printed: str) -> list[tuple[str, int]]:
    """The phrases a conjunction joins into a found phrase (保持中高速增长|和|迈向中高端水平),
    each with its offset in it; the phrase alone where none does."""
    joins = words().phrase_conjunctions
    if not any(j in printed for j in joins):
        return [(printed, 0)]
    pieces: list[tuple[str, int]] = [("", 0)]
    at = 0
    for word, tag in default_tagger().tag(printed, False):
        at += len(word)
        if word in joins and tag == CONJUNCTION_TAG:
            pieces.append(("", at))
        else:
            pieces[-1] = (pieces[-1][0] + word, pieces[-1][1])
    return [p for p in pieces if p[0]]


def _motto_parts(printed: str) -> list[tuple[str, int]]:
    """The phrases of a found motto, each with its offset in it: its parts as printed
    (separated by 、 or ，), and within each the phrases a conjunction joins."""
    out: list[tuple[str, int]] = []
    at = 0
    for k, mark in enumerate(printed + SEPARATORS[0]):
        if mark in SEPARATORS:
            if k > at:
                out += [(p, at + q) for p, q in _conjuncts(printed[at:k])]
            at = k + 1
    return out


def _core_of(printed: str, *, part: bool = False) -> NationalEntry | None:
    """The longest other entry of the lexicon that a found phrase ends with, after a verb of
    command (完整准确全面贯彻|新发展理念, 高质量共建|一带一路), if any: no framing entry, which
    is listed only where the document says it often (发展|不平衡不充分).

    In a part of a motto (`part`) the word before it may be any clause word (立足|新发展阶段:
    the tagger reads 立足 as an adverb) but no copula (绿水青山就是|金山银山: a piece of a
    saying), and the entry is a name, no clause (使|市场在资源配置中起决定性作用: a verb or a
    preposition in it), which is said only with the rest of the motto. An image is named so
    (敢于啃|硬骨头、敢于涉险滩; 找到|最大公约数、画出|最大同心圆): a metaphor is a formulation."""
    lexicon = national_lexicon()
    for k in range(1, len(printed) - 1):
        entry = lexicon.get(printed[k:])
        if (
            entry is not None
            and entry.source != FRAMING_SOURCE
            and len(printed) - k >= CORE_MIN
            and (_ends_with_command(printed[:k]) if part else _ends_with_verb(printed[:k]))
            and not (part and _a_clause(printed[k:]))
        ):
            return entry
    return None


def _ends_with_verb(phrase: str) -> bool:
    tagged = default_tagger().tag(phrase, False)
    return bool(tagged) and tagged[-1][1][:1] == VERB_TAG


def _ends_with_command(phrase: str) -> bool:
    """Tell whether a phrase ends with a verb or a clause word (立足), not a copula (就是)."""
    tagged = default_tagger().tag(phrase, False)
    if not tagged or tagged[-1][0].endswith(tuple(words().speech_run_copulas)):
        return False
    return tagged[-1][1][:1] == VERB_TAG or tagged[-1][0] in clause_word_set()


def _a_clause(phrase: str) -> bool:
    """Tell whether a phrase holds a plain verb or a preposition (市场|在|资源配置中|起|…)."""
    return any(tag in CLAUSE_TAGS for _, tag in default_tagger().tag(phrase, False))
