"""Stage `counted`: a count word and a measure word open a name (三重压力, 两个毫不动摇).

The name is the short noun phrase after the measure word; generic counted nouns (三个方面,
两个月) are not names. Where the words after the count run on past a name's length, the count
and its first word name a set when the document says them together again with something else
after them (六大系统|应用开发, 六大系统|发展服务…). The members are taken when the document
lists them next to it. A count
in digits names a set before 大 as a count word does (6大行动, 3大平台), and otherwise in two
shapes only (rule `counted-list`): the year's numbered list of
works for the people (10件惠民实事, 20项重点民生实事) and a count of actions with no name of
their own (7个专项行动, 3个“三年行动”); other counts in digits are quantities (65个…工程).
A count word and 个 before a quoted name name a set of things that each go by it (三个“十条”,
五个“必须统筹好”; rule `quoted-count`), unless the quoted stage refuses the name (三个“为什么”:
a question; `quoted.refuses`), and a count of matters names a set of them (五件事,
两件大事; rule `matters`). A package of policies or measures adopted as one is named by 一揽子
(一揽子增量政策, 一揽子化债方案, 一揽子计划; rule `package`). The count a text sums up what it
has listed with names that set (以上十条，是…必须坚持的基本经验; 以上十四条，构成…基本方略; rule
`summed`), a count of one or two none (符合以上两条，即可申请: conditions).
"""

from __future__ import annotations

from collections.abc import Iterator

from policy_cli.core.chars import is_han
from policy_cli.core.formulations.candidate import BY_RULE, CERTAIN, Candidate
from policy_cli.core.formulations.members import listed_items
from policy_cli.core.formulations.options import FormulationOptions
from policy_cli.core.formulations.quoted import counted_member, refuses
from policy_cli.core.formulations.vocab import clause_word_set, patterns, words
from policy_cli.core.national import national_lexicon
from policy_cli.core.occurrences import find_all
from policy_cli.core.patterns import finditer
from policy_cli.core.phrases import canonical
from policy_cli.core.segment import default_tagger
from policy_cli.core.tokens import Segmentation, segment_text

STAGE = "counted"
NOUN_TAG = "n"  # the tagger's tags of nouns open with it (n, nz, ns…)


def find_counted(
    text: str, options: FormulationOptions, seg: Segmentation | None = None
) -> Iterator[Candidate]:
    """Yield counted names (三大攻坚战) with their members when listed."""
    seg = seg or segment_text(text)
    p = patterns()
    # a count word (三大, 两个) or a count in digits before 大 (6大), in the order of the text
    # (two patterns: one joined pattern was tried at every character, ~7 us a news item)
    pending: list[tuple[int, str]] = []  # (where, name) of the counts said again, maybe
    found = list(p.counted.finditer(text))
    digits = list(finditer(p.counted_digits, text))  # (skipped where no 大 is said)
    if digits:
        found = sorted((*found, *digits), key=lambda m: m.start())
    for m in found:
        if m.group() in words().counted_adjectives:
            continue  # 双重 is the adjective "dual"
        if m.group()[0].isdigit() and len(
            seg.words(m.end() - 1, m.end() + options.word_reach)[0]
        ) > 1:
            continue  # 20大型运输机, 2大胜, 5大类: 大 opens a word, it counts nothing
        counted = _counted_phrase(text, m.start(), m.end(), options, seg)
        if not counted:
            counted = _named_after_members(text, m.start(), m.end(), options, seg)
        if counted:
            yield _measured(text, m.start(), counted, options, seg)
        else:
            again = _again_name(text, m.start(), m.end(), options, seg)
            if again:
                pending.append((m.start(), again))
    if pending:
        # the names said again are counted together, in one pass over the text (a scan of it
        # per name made a long text cost its square)
        said = find_all(text, [name for _, name in pending])
        for start, name in pending:
            if _said_again(name, said[name], options, seg):
                yield _measured(text, start, name, options, seg)
    for m in patterns().counted_list.finditer(text):
        # 10件惠民实事, 20项重点民生实事, 7个专项行动, 3个“三年行动”: the year's numbered list of
        # works for the people, or a count of actions that names them as a set
        yield Candidate(
            m.group().replace(words().open_quote, "").replace(words().close_quote, ""),
            "numbered",
            m.start(),
            stage=STAGE,
            rule="counted-list",
        )
    for m in finditer(patterns().counted_package, text):
        # 一揽子增量政策, 一揽子化债方案: a package of policies adopted as one
        yield Candidate(m.group(), "name", m.start(), stage=STAGE, rule="package")
    for m in finditer(patterns().counted_summed, text):
        # 以上十条，是…; 以上十四条，构成…: the count the text sums up what it listed with (not
        # 以上两条，: the conditions just said)
        if m.group("count") not in words().counted_summed_refused_counts:
            at = m.start("count")
            yield Candidate(text[at : m.end()], "numbered", at, stage=STAGE, rule="summed")
    function_words = words().function_words
    for rule, pattern in (
        # 三个“十条”, 五个“必须统筹好”: a set of things that each go by the quoted name; where a
        # noun follows, the quoted name modifies it and the count counts those (四个“统规联建”
        # 聚居点)
        ("quoted-count", patterns().counted_quoted),
        # 五件事, 两件大事: a count of matters; 两件事情 is a longer word
        ("matters", patterns().counted_matters),
    ):
        for m in finditer(pattern, text):
            if rule == "quoted-count":
                if not counted_member(text, m.start() + 1, m.end()) or refuses(
                    text, m.start() + 1, m.end(), m.group(1), options, seg
                ):
                    continue  # 连问了三个“为什么”: what the quoted stage refuses names no set
            else:
                after = text[m.end() : m.end() + 1]
                if after and is_han(after) and after not in function_words:
                    continue
            start = m.start() - 1  # the count word the pattern reads behind 个 / 件
            yield Candidate(text[start : m.end()], "numbered", start, stage=STAGE, rule=rule)


def _measured(
    text: str, start: int, counted: str, o: FormulationOptions, seg: Segmentation
) -> Candidate:
    """The counted name at `start`, with its members where the document lists them: a set whose
    members the document lists, as many as it counts, is named for certain, kept beside a
    longer find that holds the list (汽车、钢铁、化工|三大产业转型攻坚战), as a quoted name is."""
    items = listed_items(text, start, start + len(counted), counted, o, seg=seg)
    strength = CERTAIN if items else BY_RULE
    return Candidate(counted, "numbered", start, None, items, strength, STAGE, "measure")


def _again_name(
    text: str, start: int, end: int, o: FormulationOptions, seg: Segmentation
) -> str | None:
    """The count and the noun right after it, where the words after it run on past a name's
    length (六大系统|应用开发): a name if the document says it again (`_said_again`). Not a
    modifier (两个|超级|大国)."""
    after = seg.words(end, end + o.counted_window)
    if not after or not is_han(after[0]) or not _names_a_set(after[0], o):
        return None
    word = after[0]
    if word in words().function_words or word in clause_word_set() or not _a_noun(word):
        return None  # (两个|超级|大国, 两个|超级|核大国: a modifier, a longer name each time)
    return text[start:end] + word


def _said_again(name: str, said: list[int], o: FormulationOptions, seg: Segmentation) -> bool:
    """Tell whether a document says a count and its noun together again (`said`: where), with
    something else after them each time (六大系统|应用开发, …提升|六大系统|发展服务治理能力): a set
    it keeps naming, whatever it says of it. The same word after every mention is part of a
    longer name (两大理论|成果)."""
    if len(said) < o.counted_said_again:
        return False
    following = {tuple(seg.words(at + len(name), at + len(name) + 2)[:1]) for at in said}
    return len(following) > 1


def _named_after_members(
    text: str, start: int, end: int, o: FormulationOptions, seg: Segmentation
) -> str | None:
    """The name of a set whose members the text lists right before it, as many as it counts
    (稻谷、小麦、玉米三大粮食作物; 集成电路、生物医药、人工智能三大先导产业): the count and the
    noun right after it, one word, or two when the first is short, or up to the head of a name
    or zone the words after it reach (量子信息、聚变能源、深空探测三大科创引领高地)."""
    head = text[start:end]
    if not listed_items(text, start, end, head, o, seg=seg):
        return None
    v = words()
    noun = ""
    walked: list[str] = []
    for w in seg.words(end, end + o.counted_window):
        if not is_han(w) or w in v.function_words or w in clause_word_set():
            break
        walked.append(w)
    for w in walked:
        noun += w
        if len(noun) > o.listed_noun_short:
            break
    # …三大科创引领|高地, …三大特色农业|产业带: where the words go on to the head of a name or a
    # zone, the name runs to it (a short noun cut before its head names nothing)
    heads = (*v.name_heads, *v.zone_heads, *v.place_heads)
    longer = ""
    for w in walked:
        longer += w
        if len(longer) > o.counted_walk_max:
            break
        if len(longer) > len(noun) and longer.endswith(heads):
            noun = longer
            break
    if not noun or not _names_a_set(noun, o):  # A、B、C三大类|…: the count counts categories
        return None
    return head + noun


def _compound_with_ground(noun: str) -> bool:
    """Tell whether a noun ends in a verb or verbal noun that the ground word after it
    completes (六大服务|功能, 三大产业发展|水平): the quality of a doing, not the set's ground."""
    tagged = default_tagger().tag(noun, False)
    return bool(tagged) and tagged[-1][1] in words().ground_compound_tags


def _without_place(noun: str, edges: list[int]) -> str:
    """The words walked after a count (ending at `edges`) without the last where it is a word
    of place right after a noun (三个区域|之间, 五个小时|后: `counted_place_tags`): where the
    things counted are, no part of their name. One word stays whole."""
    if len(edges) < 2:
        return noun
    last, before = noun[edges[-2] :], noun[edges[-3] if len(edges) > 2 else 0 : edges[-2]]
    tagger, place = default_tagger(), words().counted_place_tags
    last_tags, before_tags = tagger.tag(last, False), tagger.tag(before, False)
    if (
        len(last_tags) == 1
        and last_tags[0][1] in place
        and before_tags
        and before_tags[-1][1].startswith(NOUN_TAG)
    ):
        return noun[: edges[-2]]
    return noun


def _counted_phrase(
    text: str, start: int, end: int, o: FormulationOptions, seg: Segmentation
) -> str | None:
    """Walk the words after 三重 / 两个 / 三大: the name ends at a clause edge or function word."""
    v = words()
    window = text[end : end + o.counted_window]
    cut = next((k for k, ch in enumerate(window) if ch in v.clause_edge), len(window))
    clause = clause_word_set()
    noun = ""
    verb_first = False
    edges: list[int] = []  # where the words of the noun end
    for w in seg.words(end, end + cut):
        if w in v.function_words or not is_han(w):
            break
        if w in clause:
            if noun:
                break
            verb_first = True
        if len(noun) + len(w) > o.counted_walk_max:
            break
        noun += w
        edges.append(len(noun))
    walked = len(noun)  # (a clause too long for a name stays one without its place word)
    noun = _without_place(noun, edges)  # 三个区域|之间: where the things counted are
    chained = patterns().counted.search(noun) is not None  # 两个市场两种资源
    built = next((c for c in v.construction_nouns if noun.endswith(c)), "")
    if built and noun[: -len(built)].endswith(v.name_heads):
        # 六大林业生态工程|建设 (工程建设 one word for the segmenter): the set is the
        # programmes, their building is what the clause says of them
        noun = noun[: -len(built)]
    headed = noun.endswith(v.name_heads) or any(noun.endswith(b) for b in v.battle_heads)
    if verb_first and not headed:
        # a word that opens clauses right after the count is the set's own only in a name
        # with its head (八大|提升行动); else the count ends its phrase (九大|制定的…)
        return None
    if walked > o.counted_headless_max and not headed and not chained:
        # 三大都市圈协同共进: a clause, not a name; 两大都市圈辐射能级, 四大中心核心功能: the
        # quality raised is a phrase of its own (checked before the ground word is cut off)
        return None
    ground = next((g for g in v.ground_words if noun.endswith(g)), "")
    if ground and len(noun) >= o.counted_ground_min and not _compound_with_ground(
        noun[: -len(ground)]
    ):
        # 五项原则|基础上: the ground the name stands on is not part of it
        noun = noun[: -len(ground)]
    if o.counted_known_front and not chained:
        noun = _known_front(text[start:end], noun, edges)
    if not _names_a_set(noun, o):
        return None
    return text[start:end] + noun


def _known_front(count: str, noun: str, edges: list[int]) -> str:
    """The set of the national lexicon a counted name runs on from (中央|八项规定|堤坝, 三大攻坚战|
    力度, 两个基本点|统一): national text names the set, what the words after it say is the
    clause's (加固…堤坝: the rules as a dam). The longest such set ending at a word edge; the
    name whole where the lexicon holds it so."""
    lexicon = national_lexicon()
    if canonical(count + noun) in lexicon:
        return noun
    return next(
        (noun[:k] for k in reversed(edges) if k < len(noun) and canonical(count + noun[:k]) in lexicon),
        noun,
    )


def _a_noun(word: str) -> bool:
    """Tell whether the tagger takes a word for a noun, a verbal noun or a word of the policy
    lexicon, which carries no tag (`counted_again_tags`)."""
    tagged = default_tagger().tag(word, False)
    return len(tagged) == 1 and (not tagged[0][1] or tagged[0][1] in words().counted_again_tags)


def _names_a_set(noun: str, o: FormulationOptions) -> bool:
    """Tell whether a noun after a count may name a set: long enough, no generic counted noun
    (三个方面), nor a noun of what is counted with the clause going on after it (三个方面|合理配置,
    七个方面|总结: the count counts aspects, the rest says what is done with them), no measure or
    category after the count (三大类|实时感知 counts categories)."""
    v = words()
    return o.counted_noun_min <= len(noun) <= o.counted_noun_max and not (
        noun.endswith(v.generic_counted) or noun[0] in v.count_nouns
        or noun[0] in v.category_marks
        or _aspect_then_more(noun)
    )


def _aspect_then_more(noun: str) -> bool:
    """Tell whether a counted noun opens with a noun that only says what is counted, with more
    after it (`counted_aspects`: 方面|合理配置, 方面|总结, 手段|相结合, 任务|之首): the clause goes
    on, where a noun that may modify one (工作|机制, 功能类供应链平台) may open a name."""
    aspects = words().counted_aspects
    return noun.startswith(aspects) and not noun.endswith(aspects)
