"""Stage `quoted`: spans in quote marks that have the shape of a formulation.

A span between a pair of quote marks as printed (“…”, 「…」, 『…』, ‘…’; the normaliser has
paired ASCII "…" and the mixed “…" into “…”) is kept when the shape classifier
(`shapes.classify_quoted`) gives it a kind, unless it is a dictionary verb or adverb in scare
quotes inside the sentence (“撬动”效应), an ordinary noun in scare quotes (“列车”), or a
quotation: a question or a pronoun in quotes, or what a verb of speech says (他连问了三个
“为什么”; 她说了三个“不知道”). `refuses` tells the same for the counted stage's quoted names
(三个“十条”).

Quoted clauses passed along as a chain (“由矿变土”、“由土变材”、“由材变用”) are one motto,
listed whole and not clause by clause (rule `chain`, `quoted_runs`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from policy_cli.core.chars import is_han
from policy_cli.core.formulations.boundary import following_phrase, run_end
from policy_cli.core.formulations.candidate import CERTAIN, Candidate
from policy_cli.core.formulations.members import listed_items
from policy_cli.core.formulations.options import FormulationOptions
from policy_cli.core.formulations.quoted_runs import quoted_chains
from policy_cli.core.formulations.radius import opens_a_circle
from policy_cli.core.formulations.shapes import classify_quoted, plan_period
from policy_cli.core.formulations.vocab import (
    patterns,
    plain_word,
    quoted_images,
    word_tag,
    words,
)
from policy_cli.core.national import national_lexicon
from policy_cli.core.patterns import longest_first
from policy_cli.core.phrases import canonical
from policy_cli.core.segment import default_tagger
from policy_cli.core.tokens import Segmentation, segment_text

STAGE = "quoted"
SPEAKER_REACH = 6  # characters read before a colon for the verb that says a quoted run


def find_quoted(
    text: str, options: FormulationOptions, seg: Segmentation | None = None
) -> Iterator[Candidate]:
    """Yield the quoted spans that are formulations, with what codes and sets refer to."""
    seg = seg or segment_text(text)
    plan = patterns().plan
    names: dict[int, int] = {}  # the ends of the runs of quoted names walked (`run_end`)
    codes: dict[int, int] = {}  # the same for the runs of quoted codes
    quotes = list(quoted_pattern(words().quote_pairs, options.quoted_span_max).finditer(text))
    in_chain: set[int] = set()  # the quotes that are clauses of a motto listed whole
    for i, j, chain in quoted_chains(text, quotes, options, STAGE):
        in_chain.update(range(i, j))
        yield chain
    for k, m in enumerate(quotes):
        if k in in_chain:
            continue  # a clause of a quoted chain (“由矿变土”、“由土变材”…): listed whole only
        span = next(g for g in m.groups() if g is not None)
        kind = classify_quoted(span, options=options)
        if kind is None:
            continue
        if _refused(text, m.start(), m.end(), span, options, seg, names):
            named = _named_programme(text, m.start(), m.end(), span, options, seg)
            if named is not None:
                yield named
            continue
        if "counted" not in options.disabled_stages and counted_member(text, m.start(), m.end()):
            continue  # 三个“十条”: the counted stage lists the set, which names the quoted name
        start = m.start() + 1 + (len(span) - len(span.lstrip()))
        span = span.strip()
        refers = (
            following_phrase(text, m.end(), options, codes, code=span)
            if kind in ("code", "numbered") else None
        )
        if plan.fullmatch(span):
            refers = plan_period(span)
        items = (
            listed_items(text, m.start(), m.end(), span, options, quoted=True, seg=seg)
            if kind == "numbered" else ()
        )
        yield Candidate(span, kind, start, refers, items, CERTAIN, STAGE, "shape")
    yield from _programme_headings(text, options)


def _programme_headings(text: str, o: FormulationOptions) -> Iterator[Candidate]:
    """The numbered headings that name the fields of the document's own programme: lines made
    only of a number, a quoted name and a short noun phrase, where several headings open with
    the same quoted name (（一）“人工智能+”科学技术 … （六）“人工智能+”全球合作: the six fields
    of the 人工智能+ action), each listed as printed (rule `heading`). A heading that opens with
    a verb (（一）坚持…) or a date (一、2024年工作回顾), or a quoted name that heads one section
    alone, names no field of a programme."""
    if "”" not in text or "\n" not in text:
        return  # (a heading is a line of its own: a news item of one paragraph has none)
    by_name: dict[str, list[re.Match[str]]] = {}
    for m in patterns().programme_heading.finditer(text):
        field = m.group(2)
        if o.programme_heading_field_min <= len(field) <= o.programme_heading_field_max:
            by_name.setdefault(m.group(1), []).append(m)
    for name, heads in by_name.items():
        if len(heads) < o.programme_heading_min or classify_quoted(name[1:-1], options=o) is None:
            continue
        for m in heads:
            yield Candidate(
                m.group(1) + m.group(2), "name", m.start(1), None, (), CERTAIN, STAGE, "heading"
            )


def refuses(
    text: str, start: int, end: int, span: str, options: FormulationOptions,
    seg: Segmentation | None = None,
) -> bool:
    """Tell whether the quoted span text[start:end] (quote marks included) is no name: not of a
    formulation's shape, or refused by one of the stage's rules (a quotation, a word in scare
    quotes, a word cited, the name of a storm or a drill, an epithet, the day of a disaster)."""
    seg = seg or segment_text(text)
    return classify_quoted(span, options=options) is None or _refused(
        text, start, end, span, options, seg, {}
    )


def _refused(
    text: str, start: int, end: int, span: str, options: FormulationOptions,
    seg: Segmentation, names: dict[int, int],
) -> bool:
    """The stage's rules that refuse a quoted span of a formulation's shape (see `refuses`)."""
    core = span.strip()
    if _scare_quoted(text, start, end, core, options):
        return True  # “撬动”效应: a verb in scare quotes
    if _cited(text, end, span, patterns().cited_word):
        return True  # 牢记人民政府头顶“人民”二字: the word itself is cited
    if names_a_thing(text, end, start, names):
        return True  # “贝碧嘉”、“普拉桑”台风: the proper name of a storm
    if _an_epithet(text, start, core):
        return True  # 被誉为“最美县委大院”: what something is called
    if titles_a_work(text, end, core, names):
        return True  # “今日谈”栏目: the title of a column
    if opens_a_circle(text, start, options):
        return True  # “三公里”就业圈: the stage radius names the circle
    if patterns().event_date.fullmatch(core) and not text.startswith(
        words().dated_text_words, end
    ):
        return True  # 自贡“7·17”重大火灾: the day of a disaster (not “4·13”重要讲话)
    if _ordinary_word(text, start, end, core, options):
        return True  # 搭上政策红利的“列车”: an ordinary word in scare quotes
    return _quotation(text, start, end, core, seg, options)  # 他连问了三个“为什么”


def _an_epithet(text: str, start: int, span: str) -> bool:
    """Tell whether a quoted span is what a verb of calling says someone or something is called
    (被称为“人工肺”, 号称“东北最大一锅”: `epithet_verbs`): a nickname, unless it counts (a count
    word or a digit in it: a numbered set explained) or the verb gives a name (简称为, 改称为:
    `epithet_naming_marks`)."""
    w = words()
    verb = next((v for v in w.epithet_verbs if text.endswith(v, 0, start)), None)
    if verb is None or any(ch in w.count or ch.isdigit() for ch in span):
        return False
    before = text[max(0, start - len(verb) - 1) : start - len(verb)]
    return not (before and before in w.epithet_naming_marks)  # 简称为“…”: a short name


def _named_programme(
    text: str, start: int, end: int, span: str, o: FormulationOptions, seg: Segmentation
) -> Candidate | None:
    """The programme an ordinary noun in quotes names with the head after it, joined without
    its quote marks (开展“创先争优”行动 -> 创先争优行动, 不搞“形象”工程 -> 形象工程; rule
    `named-programme`): the noun alone is no formulation, the programme is. The head ends a word
    (“花园”示范|村, “雏鹰”项目|库 name a village and a pool, no programme)."""
    core = span.strip()
    head = next((h for h in _programme_heads() if text.startswith(h, end)), None)
    if head is None or not seg.starts_word(end + len(head)):
        return None
    if not _ordinary_word(text, start, end, core, o):
        return None
    return Candidate(core + head, "name", start + 1, stage=STAGE, rule="named-programme")


@lru_cache(maxsize=1)
def _programme_heads() -> tuple[str, ...]:
    """The heads of programme names, longest first (行动计划 before 行动)."""
    return tuple(longest_first(words().programme_heads))


@lru_cache(maxsize=1)
def _naming_followers() -> tuple[str, ...]:
    """What, after a quoted noun, makes the noun a name itself: the heads of names that are no
    programme's (“科技兴农”战略, “土特产”品牌: a programme's head joins the noun instead,
    `_named_programme`), a series or a theme (“彩云”系列, 做好“土特产”文章)."""
    w = words()
    programmes = set(w.programme_heads)
    return (*(h for h in w.name_heads if h not in programmes), *w.quoted_name_followers)


def _counted(text: str, start: int, end: int) -> bool:
    """Tell whether a count word and 个 right before the quote text[start:end] count it."""
    m = patterns().counted_quoted.match(text, start - 1) if start >= 2 else None
    return m is not None and m.end() == end


def counted_member(text: str, start: int, end: int) -> bool:
    """Tell whether the quote text[start:end] is what a count word and 个 right before it count
    (三个“十条”, 五个“必须统筹好”), and no noun follows that it would modify (四个“统规联建”
    聚居点): the counted stage's quoted-count lists the set, and the set names the quoted name
    (a listed item names what it holds), so this occurrence adds nothing of its own."""
    if not _counted(text, start, end):
        return False
    after = text[end : end + 1]
    return not (after and is_han(after) and after not in words().function_words)


def _quotation(
    text: str, start: int, end: int, span: str, seg: Segmentation, o: FormulationOptions
) -> bool:
    """Tell whether a quoted span is a quotation, not a name: a question (“为什么”, “怎么办”,
    “…吗”, “有没有”), pronouns alone (“我们”), or what a verb of speech right before the quote says
    (她说了三个“不知道”). A question word said twice makes a correlative rule (谁污染谁治理,
    缺什么补什么), a name; so do the national formulations and images (为了谁、依靠谁、我是谁)."""
    w = words()
    if len(span) == 3 and span[0] == span[2] and span[1] in w.question_negations:
        return True  # “有没有”的问题, “好不好”的建设: a word asked yes or no
    if _spoken_run(text, start, span, seg):
        return True  # 村民说：“以前路不好走，现在路通了，日子好了”: what someone says
    asks = span.endswith(w.question_particles) or question_pattern().search(span) is not None
    short = len(span) <= o.ordinary_max_len  # (pronouns alone are short: 我们, 他们自己)
    if asks or short:
        tagged = _tagged(span)
        asks = questions_asked(tagged) == 1 or (
            bool(tagged) and tagged[-1][0] in w.question_particles
        )
        if short and not asks:
            asks = bool(tagged) and all(tag in w.pronoun_tags for _, tag in tagged)
    if not (asks or _said(text, start, end, seg)):
        return False
    return canonical(span) not in national_lexicon() and span not in quoted_images()


def _spoken_run(text: str, start: int, span: str, seg: Segmentation) -> bool:
    """Tell whether a quoted run of three clauses or more follows a verb and a colon (村民说：
    “…，…，…”, 连声称赞：“好，很好，非常好”): what someone says, where a motto of short clauses
    is named or quoted otherwise (“解放思想，实事求是，团结一致向前看”，仍然是…)."""
    w = words()
    if sum(span.count(c) for c in w.commas) < 2 or start < 2 or text[start - 1] not in w.colons:
        return False
    before = seg.words(max(0, start - 1 - SPEAKER_REACH), start - 1)
    return bool(before) and before[-1] not in w.speech_run_copulas and (
        word_tag(before[-1]) in w.speech_run_tags
    )


def dictionary_noun(span: str) -> bool:
    """Tell whether a span is one noun of the dictionary, of a kind a document may put in scare
    quotes (“列车”, “心病”: `ordinary_tags`; the policy lexicon's words carry no tag)."""
    tagged = _tagged(span)
    return len(tagged) == 1 and tagged[0][1] in words().ordinary_tags


@lru_cache(maxsize=4096)
def _tagged(span: str) -> tuple[tuple[str, str], ...]:
    """The dictionary's words and tags of a quoted span (tagged once: three rules read them,
    and the same quoted names recur from text to text)."""
    return tuple(default_tagger().tag(span, False))


@lru_cache(maxsize=1)
def _speech_lead_chars() -> frozenset[str]:
    """The characters that may stand right before a quote a verb of speech says: the last one
    of each verb, and those of the aspect marks and counts between (read before segmenting)."""
    w = words()
    return frozenset(v[-1] for v in w.speech_verbs) | frozenset(w.speech_marks)


@lru_cache(maxsize=1)
def question_pattern() -> re.Pattern[str]:
    """The question words, longest first (为什么 before 什么)."""
    return re.compile("|".join(map(re.escape, longest_first(words().question_words))))


@lru_cache(maxsize=1)
def _long_question_pattern() -> re.Pattern[str]:
    """The question words of two or more characters, longest first."""
    long = longest_first(q for q in words().question_words if len(q) > 1)
    return re.compile("|".join(map(re.escape, long)))


def questions_asked(tagged: tuple[tuple[str, str], ...]) -> int:
    """Count the question words of a tagged span: a word that is one, and a question word of
    two or more characters inside a longer word (缺什么|补什么); an idiom (舍我其谁) asks none."""
    w = words()
    n = 0
    for word, tag in tagged:
        if word in w.question_words:
            n += 1
        elif tag not in w.idiom_tags:
            n += len(_long_question_pattern().findall(word))
    return n


def _said(text: str, start: int, end: int, seg: Segmentation) -> bool:
    """Tell whether the quote text[start:end] is the whole of what a verb of speech says: the
    verb, a whole word, stands right before it (maybe with an aspect mark and a count between:
    问了三个“…”, 说了一声“…”), and the quote ends the clause or is counted. Where the clause
    goes on after the quote (群众都说“蒙速办”真方便), the quoted name is the subject of what is
    said, a name."""
    w = words()
    if start <= 0 or text[start - 1] not in _speech_lead_chars():
        return False
    longest = max(map(len, w.speech_verbs))
    between = patterns().speech_count.search(text, max(0, start - 4), start)
    verb_end = start if between is None else between.start()
    counted = between is not None and any(ch in w.count for ch in between.group())
    if not counted and end < len(text) and text[end] not in w.clause_edge:
        return False
    if verb_end <= 0 or not seg.starts_word(verb_end):
        return False
    before = seg.words(verb_end - longest, verb_end)
    verb = before[-1] if before else ""
    return verb in w.speech_verbs and seg.starts_word(verb_end - len(verb))


@lru_cache(maxsize=4)
def quoted_pattern(pairs: tuple[str, ...], longest: int) -> re.Pattern[str]:
    """A span of one line between each pair of quote marks (one group per pair)."""
    spans = []
    for pair in pairs:
        o, c = re.escape(pair[0]), re.escape(pair[1])
        spans.append(f"{o}([^{o}{c}\\n]{{1,{longest}}}){c}")
    return re.compile("|".join(spans))


def _cited(text: str, end: int, span: str, cited: re.Pattern[str]) -> bool:
    """Tell whether a quoted word is cited by its count of characters (“人民”二字, “精准”两个字).

    Only a single word is cited so: a list of characters (“稳、进、好”三字方针) or a count
    followed by the head noun of a motto (…八字方针, …四字校训) names the motto itself.
    """
    count = cited.match(text, end)
    if count is None:
        return False
    w = words()
    return w.list_separator not in span and not text.startswith(w.character_count_heads, count.end())


def names_a_thing(
    text: str, end: int, start: int | None = None, runs: dict[int, int] | None = None
) -> bool:
    """Tell whether a quoted name is that of a natural event or a thing: a kind of them (台风,
    号) follows the quoted names listed from `end` on, or a kind of event stands right before the
    opening quote at `start` (台风“利奇马”). `runs` (one dict a text, kept by the caller)
    remembers where the lists of quoted names already walked end (`run_end`)."""
    w = words()
    if start is not None and text[max(0, start - 4) : start].endswith(w.event_classes):
        return True
    return text.startswith(w.name_classes, _after_the_names(text, end, runs))


def titles_a_work(text: str, end: int, span: str, runs: dict[int, int] | None = None) -> bool:
    """Tell whether a quoted span is the title of a work, a broadcast or a show: the genre
    follows the quoted names listed from `end` on (“今日谈”栏目, “复兴之路”展览: `work_classes`),
    unless the title opens with a count (a count word or a digit: “五个更加注重”系列报道 is on a
    numbered set; “无声诗里颂千秋”展览 is not)."""
    w = words()
    if span[:1] in w.count or span[:1].isdigit():
        return False
    return text.startswith(w.work_classes, _after_the_names(text, end, runs))


def _after_the_names(text: str, end: int, runs: dict[int, int] | None) -> int:
    """Where the list of quoted names that goes on from `end` ends (“…”、“…”等: after 等)."""
    w = words()
    at = end
    if text[at : at + 1] == w.list_separator:  # (most quoted names are listed with none)
        pattern = quoted_pattern(w.quote_pairs, 16)

        def next_name(at: int) -> int | None:
            if text[at : at + 1] != w.list_separator:
                return None
            nxt = pattern.match(text, at + 1)
            return None if nxt is None else nxt.end()

        at = run_end(next_name, end, {} if runs is None else runs)
    # (read in place: a copy of the rest of the text made a long document cost its square)
    if text.startswith(w.etc, at):  # “…”、“…”等台风
        at += len(w.etc)
    return at


def _ordinary_word(text: str, start: int, end: int, span: str, o: FormulationOptions) -> bool:
    """Tell whether a quoted span is an ordinary word put in scare quotes.

    把一颗颗“珍珠”串成“项链”, 企业的“心病”, 经济发展“高素质”迈出坚实步伐: a noun the dictionary
    knows, or a word national text says often and seldom quotes (`plain_word`), counting nothing
    and counted by no count before it (两个“毫不动摇”), that
    national policy language does not use as a set image (定心丸, 组合拳, 白名单: words the
    national news itself quotes; `data/quoted_images.tsv`) nor as a formulation, that names
    no system or process (…制, …化: 包干制, 公交化), that no head of a name, series, theme or
    measured area or weight follows (“科技兴农”战略, “彩云”系列, “吨粮田”855万亩: a name, a thing
    a target counts; 化解“心病”3000余件 counts cases of the image; a programme's head makes it
    part of the programme's name, `_named_programme`), and that the
    document neither lists with other quoted items nor defines.
    """
    w = words()
    if not o.ordinary_min_len <= len(span) <= o.ordinary_max_len or not is_han(span):
        return False
    if any(ch in w.count for ch in span) or span in quoted_images() or _counted(text, start, end):
        return False  # (两个“毫不动摇”: what a count counts names a set)
    if span.endswith(w.policy_suffixes):
        return False  # 经费“包干制”, 高铁“公交化”: a system or a process of policy
    if text.startswith(_naming_followers(), end) or patterns().counted_area.match(text, end):
        return False  # “科技兴农”战略, “彩云”系列, “吨粮田”855万亩: a name, not an image
    if canonical(span) in national_lexicon():
        return False
    if not (dictionary_noun(span) or plain_word(span)):
        return False
    after = text[end : end + max(map(len, w.defining_words))]
    # listed with other quoted items, quote against quote (“登高”、“升规”); 乔木”参天、“灌木” is
    # a row of clauses, each with its own scare quotes
    listed = text[max(0, start - 2) : start] == w.close_quote + w.list_separator or (
        text[end : end + 2] == w.list_separator + w.open_quote
    )
    return not (after.startswith(w.defining_words) or listed)


def _scare_quoted(text: str, start: int, end: int, span: str, o: FormulationOptions) -> bool:
    """Tell whether a quoted verb is an ordinary word in scare quotes, not a name.

    “撬动”效应, 取消流量“漫游”费: a verb or adverb of the dictionary in quotes, used inside the
    sentence. A verb and its one-character object (防止“爆雷”。 让幸福“出圈”。) is one too where
    it ends the clause: the sentence's verb acts on it, or it is the sentence's last verb (where
    a noun follows, it may name a kind: “瞪羚”企业, “谋治”系列). One that is listed with other
    quoted items (“登高”、“升规”; “打虎”、“拍蝇”) or defined (“登高”即…) names a programme, as
    does one right before the head of a campaign or a policy (“严打”斗争, “严打”方针).
    """
    if len(span) > o.scare_quote_max_len or not is_han(span):
        return False
    w = words()
    tags = _tagged(span)
    one_verb = len(tags) == 1 and tags[0][1] in w.scare_quote_tags
    verb_and_object = (
        len(tags) == 2 and len(tags[0][0]) == 1 and tags[0][1] in w.verb_tags
        and tags[1][1] not in w.scare_quote_tags
        and (end >= len(text) or text[end] in w.clause_edge)
    )
    if not (one_verb or verb_and_object):
        return False
    if text.startswith(w.campaign_heads, end):
        return False  # 开展“严打”斗争, 坚持“严打”方针: the campaign the quoted verb names
    after = text[end : end + max(map(len, w.defining_words))]
    before = text[max(0, start - 1) : start]
    if verb_and_object and not one_verb and text[max(0, start - 4) : start].endswith(
        (*w.launch_verbs, *w.furthering_verbs)
    ):
        return False  # 实施|“扩岗”, 推进|“拆违”: a programme launched, not a word in quotes
    return not (after.startswith(w.defining_words) or before == w.list_separator)
