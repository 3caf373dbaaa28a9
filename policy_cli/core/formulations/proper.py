"""Stage `proper`: a proper name before the head of an institution, area, fund or fair, said once.

A reader takes 海河实验室, 南宁都市圈, 中国—东盟信息港, 海河产业基金 or 世界智能产业博览会 as names
even said once: the head (…实验室, …科学城, …都市圈, …经济带, …走廊, …信息港, …基金, …博览会,
…论坛) says what kind of thing it is, and what opens it is a proper name, which no description
has: a place (one of `places.tsv`, or a word the segmenter tags a place or a person, as it tags
海河, 大青山, 北部湾), two joined by a dash (中国—东盟), a quoted name (“一带一路”国际合作高峰论坛),
a route's code before a corridor (G60|科创走廊), or a national or world qualifier with a body of its own
(全国|一体化|算力网; 国家实验室 is a kind). Between the name and the head stand only nouns
(花湖|国际自由贸易|航空港), and after a qualifier a verb that modifies the noun after it
(国家融资|担保|基金); the modifiers before the proper name describe it (新建低维电子材料|海河实验室).

Not names:
- one project's works or a kind of project: no zone or works head is here (…示范区, …基地,
  …工程 name projects as often as places: the lead's "place + zone head said once" brought in
  …改扩建工程 and …二期), and a works word in the name or right after it refuses it
  (…实验室基地一期);
- a kind: a qualifier with a generic body (国家重点实验室), a name counted (10家湖北实验室), 国家
  after a noun (…加勒比国家航天合作论坛: the countries of a region), a verb in the body after a
  place (宁德时代|创新|实验室, “一带一路”|联合|实验室 may as well be kinds of lab), a fund with
  no place before it (失业保险|基金; 养老|基金, which the segmenter tags a person's name);
- the end of a route (赤峰至锦州港至|上海绿氢走廊);
- a piece: the last item of a list sharing the head (紫金山、太湖实验室), a forum whose summit or
  annual meeting is the event named (中非合作论坛|峰会, 博鳌亚洲论坛|年会), a forum listed among
  the summits and conferences a leader attended (…峰会、世界经济论坛);
- an institution that only exists in the text (之江实验室主任…): an institution or a corridor is
  a document's own item where the document founds, builds or furthers it (组建|鹿城实验室,
  加快|汉江国家实验室|建设), as the head stage asks of an exchange (设立|北京证券交易所).

Provinces paired by their one-character abbreviations before the work they do together are a
name too (rule `pairing`): 闽宁协作, 沪滇协作, 粤桂东西部协作, 京津同城化, the pairings of east and
west and the regions integrated; so are the cities of one province by the first characters of
their names (北钦防一体化, 安池铜一体化, 呼包鄂乌同城化: places.tsv's prefecture-level cities);
so is what China builds with one or two other countries named by theirs (rule `bilateral`:
中老铁路, 中欧班列, 中马钦州产业园区, 中蒙俄经济走廊; not a forum or a fair, which a summit or a
body holds); and so is a resource carried from one region to another by their one-character names
(rule `transfer`): a province's power, gas, coal, oil or water into another (陕电入皖, 疆电入渝;
from a quarter: 南水进京), toward a quarter (西电东送, 川气东送, 南水北调) or out of it (疆电外送),
its first region opening a word (not 山|西电外送) and the province it goes to ending one (not
蒙电入京|津冀, 陕电入|皖南).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import lru_cache

from policy_cli.core.chars import is_han
from policy_cli.core.formulations.boundary import (
    china_before,
    cut_from_china,
    names_a_pair,
    party_before_dash,
)
from policy_cli.core.formulations.candidate import Candidate
from policy_cli.core.formulations.options import FormulationOptions
from policy_cli.core.formulations.vocab import Words, is_verb, patterns, words
from policy_cli.core.formulations.zones import _short_item_before
from policy_cli.core.occurrences import find_longest
from policy_cli.core.segment import default_tagger, general_segmenter, lexicon_tags
from policy_cli.core.tokens import Segmentation, segment_text

STAGE = "proper"


def find_proper_names(
    text: str, options: FormulationOptions, seg: Segmentation | None = None
) -> Iterator[Candidate]:
    """Yield the names a proper name and an institution, area or fair head make, the pairings
    of provinces by their abbreviations (闽宁协作) and what China builds with other countries
    (中老铁路)."""
    transfers = list(_transfer_pattern().finditer(text))
    joint = find_longest(text, _joint_heads())
    found = find_longest(text, _heads())
    if not (joint or found or transfers):
        return  # (most texts)
    w, o = words(), options
    seg = seg or segment_text(text)  # (once, for all)
    places = _transfer_places()
    for m in transfers:
        at = m.start() - 1  # the region the resource comes from
        if not (at >= 0 and text[at] in places + w.transfer_quarters and seg.starts_word(at)):
            continue
        if text[m.end() - 1] in places and not seg.starts_word(m.end()):
            continue  # 蒙电入|京津冀, 陕电入|皖南: the province it goes to opens a longer name
        yield Candidate(text[at : m.end()], "name", at, stage=STAGE, rule="transfer")
    for rule, at, end in _joint_names(text, joint, seg, w, o):
        yield Candidate(text[at:end], "name", at, stage=STAGE, rule=rule)
    counted: set[str] = set()  # names the text counts somewhere (10家湖北实验室): kinds
    names: list[tuple[str, int, str]] = []
    for hs, end in found:
        head = text[hs:end]
        if not seg.starts_word(end) or text[end : end + 1] in w.proper_head_continuations:
            continue  # 基金|会, 论坛|体: the head is part of a longer word
        if _a_meeting_of_it(text, end, w, o):
            continue  # 中非合作论坛|峰会: the summit is the event named
        start = _name_start(text, hs, end, seg, w, o)
        if start is not None and china_before(text, start, o, seg):
            start -= 1  # 中|澳|省州负责人论坛: China is of the name
        elif start is not None and cut_from_china(text, start, o, seg):
            continue  # (a piece of a clause whose subject is China and its partners)
        if start is None or _a_piece(text, start, end, w, o):
            continue
        if _counted(text, start, w):
            counted.add(text[start:end])
            continue
        if head in w.proper_institution_heads and not _founded(text, start, end, w, o):
            continue  # 之江实验室主任: an institution that exists, no item of the document
        name, at = _with_quoted_name(text, start, end, w, o)
        names.append((name, at, _rule(head, w)))
    for name, at, rule in names:
        if name not in counted:
            yield Candidate(name, "name", at, stage=STAGE, rule=rule)


def _joint_names(
    text: str, found: list[tuple[int, int]], seg: Segmentation, w: Words, o: FormulationOptions
) -> Iterator[tuple[str, int, int]]:
    """(rule, start, end) of the provinces paired by their abbreviations before the work they
    do together (闽宁协作, 粤桂东西部协作: rule `pairing`) and of what China builds with other
    countries named by theirs (中老铁路, 中蒙俄经济走廊: rule `bilateral`).

    Both are read back from their heads (`found`, the spans of `_joint_heads` in one pass of
    `occurrences.find_longest`): a pattern opening with a class of characters is tried by `re`
    at every character of a text.
    Both open a word (创新|闽宁协作, not 新闽宁协作; 集中|老工业园区 names nothing), and what stands
    between the countries and their work is a noun (中泰|开展|铁路 is a sentence)."""
    abbr = w.province_abbreviations
    cities = _city_initials()
    pairing = frozenset(w.pairing_heads)
    for at, end in found:
        if text[at:end] in pairing:
            k = at
            while kind := next((x for x in w.pairing_kinds if text.endswith(x, 0, k)), ""):
                k -= len(kind)  # 闽宁|对口|扶贫|协作
            run = 0  # the abbreviations before the kind and the head
            while run <= o.pairing_max and k - run > 0 and text[k - run - 1] in abbr:
                run += 1
            if run < o.pairing_min:
                city = _cities_paired(text, k, seg, cities, o)
                if city is not None:
                    yield "pairing", city, end
                continue
            # two to four provinces, each once, opening a word: all the abbreviations before the
            # head, or the last ones where the one before ends a longer word (创新|闽宁协作; not
            # 苏|浙皖沪赣一体化, a list cut)
            if run > o.pairing_max:
                continue  # 苏浙皖沪赣|一体化: more provinces than a pairing joins, a list
            for n in range(run, o.pairing_min - 1, -1):
                if seg.starts_word(k - n) and (n == run or not seg.starts_word(k - n - 1)):
                    if len(set(text[k - n : k])) == n:
                        yield "pairing", k - n, end
                    break
        else:
            start = _bilateral_start(text, at, seg, w, o)
            if start is not None:
                yield "bilateral", start, end


def _cities_paired(
    text: str, k: int, seg: Segmentation, cities: dict[str, frozenset[str]], o: FormulationOptions
) -> int | None:
    """Where the cities of one province paired by their initials before `k` start (镇扬|一体化,
    安池铜|一体化, 呼包鄂乌|同城化: 镇江 and 扬州, …), or None: two to `pairing_max` characters,
    each once, each the first of a prefecture-level city's name and all of them of cities of one
    province, the longest such run, opening a word (or after a function word the segmenter glued
    to it: 以呼|包鄂乌) and no word of the dictionary itself (南北|协同发展)."""
    w = words()
    for n in range(min(o.pairing_max, k), o.pairing_min - 1, -1):
        run = text[k - n : k]
        if len(set(run)) != n or any(ch not in cities for ch in run):
            continue
        if not frozenset.intersection(*(cities[ch] for ch in run)):
            continue
        opens = seg.starts_word(k - n) or text[k - n - 1 : k - n] in w.function_words
        return k - n if opens and not general_segmenter().knows(run) else None
    return None


@lru_cache(maxsize=1)
def _city_initials() -> dict[str, frozenset[str]]:
    """The first character of each prefecture-level city's name -> the provinces of the cities
    it opens (places.tsv: 镇 -> 江苏, 呼 -> 内蒙古)."""
    from policy_cli.core.places import load_places

    out: dict[str, set[str]] = {}
    for place in load_places().values():
        if place.level == "prefecture":
            out.setdefault(place.name[0], set()).add(place.province)
    return {ch: frozenset(p) for ch, p in out.items()}


def _bilateral_start(
    text: str, at: int, seg: Segmentation, w: Words, o: FormulationOptions
) -> int | None:
    """Where the name of what China builds with other countries ends at the head at `at`
    starts: 中, then one or more countries by their abbreviations, then nouns or nothing up to
    the head (中|老|铁路, 中|马|钦州|产业园区), past a host city in brackets (中|柬|（北海）|产业园).
    The 中 opens a word, or the segmenter glued it to a function word before it (以中|老铁路),
    and no country that is a word of its own stands before it
    (孟中印缅… is a list cut; 义乌|中欧班列 is not); the countries end a word where nouns follow
    (中|泰加|强铁路 and 中|加|快工业园区 read 加强, 加快)."""
    countries = w.country_abbreviations
    # (the countries, the host city in brackets, then the modifier)
    lo = max(0, at - 1 - o.bilateral_partners_max - 2 * o.bilateral_modifier_max - 2)
    for start in range(lo, at - 1):
        if text[start] != w.home_country:
            continue
        if start and text[start - 1] in countries and seg.starts_word(start - 1):
            continue  # 孟|中印缅: a list of countries cut (义乌|中欧班列: 乌 ends a word)
        if not seg.starts_word(start) and text[start - 1] not in w.function_words:
            continue  # 集中|老工业园区, 其中: a word ends in 中 (以中|老铁路: the tagger's glue)
        for p in range(1, o.bilateral_partners_max + 1):
            after = start + 1 + p
            if after > at or not all(ch in countries for ch in text[start + 1 : after]):
                break
            after = _past_host_city(text, after, at, w, o)
            modifier = text[after:at]
            if not modifier:
                return start  # 中|老|铁路
            if len(modifier) <= o.bilateral_modifier_max and is_han(modifier) and (
                seg.starts_word(after) and _a_plain_modifier(modifier, w)
            ):
                return start
    return None


def _past_host_city(text: str, at: int, head: int, w: Words, o: FormulationOptions) -> int:
    """Where the words after the countries start past the host city they may name in brackets
    (中柬|（北海）|产业园): the offset after the closing bracket, or `at` where no such aside is."""
    opening, closing = w.bilateral_aside[0], w.bilateral_aside[1]
    if not text.startswith(opening, at):
        return at
    close = text.find(closing, at + 1, min(head, at + o.bilateral_modifier_max + 2))
    if close <= at + 1:
        return at  # no closing bracket, or nothing inside
    aside = text[at + 1 : close]
    return close + 1 if is_han(aside) and _a_plain_modifier(aside, w) else at


def _a_plain_modifier(modifier: str, w: Words) -> bool:
    """Tell whether what stands between the countries and what they build is nouns (马钦州|
    产业园区), not a verb, a count or a function word (中泰|开展|铁路, 中俄|首座跨江|铁路)."""
    return not any(
        tag.startswith(w.bilateral_refused_tags) and tag not in w.bilateral_kept_tags
        for _, tag in default_tagger().tag(modifier, False)
    )


def _transfer_places() -> str:
    """The one-character names of the provinces a resource goes from or to (疆 too: 疆电外送)."""
    w = words()
    return w.province_abbreviations + w.transfer_extra_places


@lru_cache(maxsize=1)
def one_character_places() -> frozenset[str]:
    """Every one-character name of a place the stage reads: the provinces (疆 too), China and
    the countries China pairs with (渝, 藏, 中, 老…)."""
    w = words()
    return frozenset(_transfer_places() + w.home_country + w.country_abbreviations)


@lru_cache(maxsize=1)
def _transfer_pattern() -> re.Pattern[str]:
    """The resource and the way it goes of a transfer (电|入皖, 电|东送, 电|外送), found first
    and the region before it looked at for each match: the pattern opens with the few
    characters of the resources, which `re` looks for fast, where the regions would be many."""
    w = words()
    places = _transfer_places()
    return re.compile(
        f"[{w.transfer_resources}]"
        f"(?:[{w.transfer_into}][{places}]|[{w.transfer_quarters}][{w.transfer_toward}]"
        f"|{'|'.join(map(re.escape, w.transfer_out))})"
    )


@lru_cache(maxsize=1)
def _joint_heads() -> tuple[str, ...]:
    """The heads of pairings and of what China builds with other countries, longest first."""
    w = words()
    return tuple(sorted({*w.pairing_heads, *w.bilateral_heads}, key=lambda h: (-len(h), h)))


def _name_start(
    text: str, hs: int, end: int, seg: Segmentation, w: Words, o: FormulationOptions
) -> int | None:
    """Where the name that ends in the head at `hs` opens: at the proper name (or the run of
    them) nearest the head in the run of nouns before it, or None where there is none."""
    lo, floor = hs, max(0, hs - o.proper_max_body - o.word_reach)
    while lo > floor and text[lo - 1] not in w.proper_edges:
        lo -= 1
    known = _known_name(text, hs, end, seg)  # 夏季达沃斯论坛: a name of the lexicon
    head_kind = _rule(text[hs:end], w)
    if hs - lo < 1:
        return known
    tagged = _tagged(seg, lo, hs)
    name_at: int | None = None
    qualified = False
    dashes = 0  # the dashes the name has joined parties across
    verb_at: int | None = None  # a verb in the body, after the proper name
    corridor = text[hs:end].endswith(w.proper_route_head)
    kind = "corridor" if corridor else head_kind
    i = len(tagged) - 1
    while i >= 0:
        at, word, tag = tagged[i]
        if word in w.phrase_stop_words:
            break  # 今年|博鳌亚洲论坛: the year counted from now is no season of the event's
        if word in w.proper_joiners:
            # 中国—东盟, 珠江—西江, 中国——东盟: a dash after a proper name joins it to what
            # follows (a dash of two em-widths is two words of the segmenter); a dash of two
            # widths before a name joined already, by a dash or as a pair of countries, is a
            # dash of apposition (南宁——|中国—东盟博览会, 内蒙古——|中蒙博览会: the fair's
            # place), and the walk takes no third party past one
            party = party_before_dash([t[1] for t in tagged], i)
            doubled = party is not None and party < i - 1
            if doubled and (dashes or names_a_pair(tagged[i + 1][1])):
                break  # (内蒙古——|中蒙博览会: the pair is named already)
            if (
                party is not None and i + 1 < len(tagged)
                and _proper(*tagged[party][1:], w, o, kind)
            ):
                name_at, qualified = tagged[party][0], False
                dashes += 1
                i = party - 1
                if doubled:
                    break
                continue
            break
        proper = _proper(word, tag, w, o, kind)
        if name_at is not None and not qualified and word in _short_forms():
            name_at = at  # 川|东北经济区: a province's one-character name opens the place's
            i -= 1
            continue
        if name_at is not None and not (
            proper or word in w.proper_qualifiers or (tag in w.proper_time_tags and word.isalpha())
        ):
            if qualified and tag.startswith(tuple(w.proper_noun_tags)):
                return None  # 加勒比|国家…: the countries of a region, not a national name
            break  # 低维电子材料|海河实验室: what comes before the proper name describes it
        if proper or word in w.proper_qualifiers:
            name_at, qualified = at, not proper
        elif name_at is not None:
            name_at = at  # 夏季|达沃斯论坛: a season opens the name of a yearly event
        elif tag in w.proper_body_verb_tags and _modifying_verb(word):
            verb_at = at  # 国家人工智能|应用|中试基地: kept if a qualifier opens the name
        elif not tag.startswith(tuple(w.proper_body_tags)) or word in w.proper_not_body:
            break
        i -= 1
    else:
        if name_at is None and text[lo - 1 : lo] in _closing_quotes():
            name_at = lo  # “一带一路”|国际合作高峰论坛: the quoted name opens it
    if known is not None and (name_at is None or known < name_at):
        name_at = known
    if name_at is None or hs - name_at > o.proper_max_body:
        return None
    if corridor and text.endswith(w.proper_route_words, 0, name_at):
        return None  # 赤峰至锦州港至|上海绿氢走廊: the end of a route, a piece of its name
    if verb_at is not None and (not qualified or verb_at < name_at):
        return None  # a verb in a place's name: 宁德时代|创新|实验室 may be a kind of lab
    return name_at if _names_one(text[name_at:hs], text, end, qualified, w, o) else None


def _tagged(seg: Segmentation, lo: int, hs: int) -> list[tuple[int, str, str]]:
    """The words of text[lo:hs] with their offsets and tags: the document's own pieces, each
    tagged on its own (with the HMM, which keeps an unknown place whole: 花湖, not 花|湖)."""
    first = bisect_right(seg.starts, lo) - 1
    at = max(seg.starts[first], lo)
    out: list[tuple[int, str, str]] = []
    for piece in seg.words(at, hs):
        for word, tag in default_tagger().tag(piece, True):
            out.append((at, word, tag))
            at += len(word)
    return out


def _names_one(
    body: str, text: str, end: int, qualified: bool, w: Words, o: FormulationOptions
) -> bool:
    """Tell whether the body before the head names one thing: no works word in it or right
    after the head, and a qualifier followed by a body of its own (not 国家|实验室, 全国|重点…)."""
    after = _to_edge(text[end : end + o.proper_works_reach], w)
    if any(x in body or x in after for x in w.proper_works_words):
        return False  # one project's works (…改扩建, 实验室基地一期), a kind of project (…项目)
    for q in w.proper_qualifiers:
        k = body.find(q)
        if k < 0:
            continue
        rest = body[k + len(q) :]
        if rest.startswith(w.generic_programme_openers) or (
            qualified and k == 0 and len(rest) < o.proper_qualified_min_body
        ):
            return False  # 国家实验室, 全国重点实验室: a kind; (汉江国家实验室 is named)
    return True


def _known_name(text: str, hs: int, end: int, seg: Segmentation) -> int | None:
    """Where a word of the policy lexicon that ends with the head opens (夏季达沃斯论坛,
    国际合作高峰论坛), or None: the segmenter knows it whole."""
    if seg.starts_word(hs):
        return None
    i = bisect_right(seg.starts, hs) - 1
    start = seg.starts[i]
    word = text[start:end]
    return start if seg.pieces[i] == word and word in _lexicon_words() else None


def _a_meeting_of_it(text: str, end: int, w: Words, o: FormulationOptions) -> bool:
    """Tell whether a meeting of it follows the head (…论坛|峰会, …论坛|北京峰会, …论坛|年会):
    the meeting is the event named, the forum part of its name."""
    after = _to_edge(text[end : end + o.proper_works_reach], w)
    return any(m in after for m in w.proper_meetings)


def _to_edge(s: str, w: Words) -> str:
    return s[: next((k for k, c in enumerate(s) if c in w.proper_edges), len(s))]


def _a_piece(text: str, start: int, end: int, w: Words, o: FormulationOptions) -> bool:
    """Tell whether the name is a piece of a list: the last of items sharing its head
    (紫金山、太湖|实验室; not …产业园、|广西—文莱经济走廊, whose item has a head of its own), or a
    forum among the summits and leaders' meetings a leader attended (联合国系列峰会、…、世界经济
    论坛: diplomacy the report lists, no name of its own)."""
    sep = w.list_separator
    if text[start - 1 : start] == sep and _short_item_before(text, start - 1, o) and not (
        text.endswith(_all_heads(), 0, start - 1)
    ):
        return True
    lo = _clause_start(text, start, o.proper_list_reach, w)
    tail = text[end : end + o.proper_list_reach]
    hi = end + next((k for k, c in enumerate(tail) if c in w.clause_marks), len(tail))
    items = (text[lo:start] + text[end:hi]).split(sep)
    return any(m in x for x in items for m in w.proper_meetings_attended)


def _clause_start(text: str, start: int, reach: int, w: Words) -> int:
    """Where the clause holding `start` opens, no further back than `reach` characters (a
    bounded walk: a text without marks costs no scan of all it holds before, for each head)."""
    at, floor = start, max(0, start - reach)
    while at > floor and text[at - 1] not in w.clause_marks:
        at -= 1
    return at


def _counted(text: str, at: int, w: Words) -> bool:
    """Tell whether a count and a measure word stand right before the name (10家|湖北实验室)."""
    before = text[max(0, at - 1) : at]
    if not before or before not in w.proper_counted_marks:
        return False
    number = text[max(0, at - 2) : at - 1]
    return number.isdigit() or number in w.count


def _founded(text: str, start: int, end: int, w: Words, o: FormulationOptions) -> bool:
    """Tell whether the clause founds, builds or furthers the institution: a verb of it before
    the name in the clause (组建|鹿城实验室, 加快推进|合肥滨湖科学城…), or 建设 after it."""
    lo = _clause_start(text, start, o.proper_verb_lookback, w)
    if any(v in text[lo:start] for v in _founding_verbs()):
        return True
    return text.startswith(w.construction_nouns, end)


def _with_quoted_name(
    text: str, start: int, end: int, w: Words, o: FormulationOptions
) -> tuple[str, int]:
    """Add a quoted name right before the name (“一带一路”国际合作高峰论坛), joined without its
    quote marks, as the document may also write it."""
    closing = text[start - 1 : start]
    pair = next((p for p in w.quote_pairs if p[1] == closing), None)
    if pair is None:
        return text[start:end], start
    opening = text.rfind(pair[0], max(0, start - 2 - o.head_quoted_name_max), start - 1)
    quoted = text[opening + 1 : start - 1]
    if opening < 0 or not quoted or any(c in w.proper_edges for c in quoted):
        return text[start:end], start
    return quoted + text[start:end], opening + 1


def _proper(word: str, tag: str, w: Words, o: FormulationOptions, kind: str = "") -> bool:
    """Tell whether a word is a proper name before a head of `kind`: a place of places.tsv, a
    word the segmenter tags a place or a person, or before a corridor a route's code (G60) (one
    character is a cut piece or an abbreviation: 在|京). Before a fund a person's tag is no name
    (the segmenter tags 养老 a person's name: 养老基金 is a kind of fund)."""
    if len(word) < o.proper_min_name:
        return False
    if word in place_forms():
        return True
    if kind == "corridor" and patterns().route_code.fullmatch(word):
        return True  # G60|科创走廊 (not P3|实验室, B1|走廊: a level and a floor)
    return tag in (w.proper_fund_name_tags if kind == "fund" else w.proper_name_tags)


def _modifying_verb(word: str) -> bool:
    """Tell whether a verb inside the body of a name may modify the noun after it (应用, 担保):
    two characters or more, no verb that opens a clause or founds, builds, launches or furthers
    something (建设, 推进, 打造: what follows it is the name)."""
    return len(word) >= 2 and not is_verb(word) and word not in _founding_verbs()


def _rule(head: str, w: Words) -> str:
    """The kind of thing the head names: institution, area or fair."""
    if head in w.proper_institution_heads:
        return "institution"
    if head in w.proper_fund_heads:
        return "fund"
    return "area" if head in w.proper_area_heads else "fair"


@lru_cache(maxsize=1)
def _lexicon_words() -> frozenset[str]:
    return frozenset(lexicon_tags())


@lru_cache(maxsize=1)
def _all_heads() -> tuple[str, ...]:
    """The heads of this stage and of the zone stage: an item ending in one is a name whole."""
    w = words()
    return (*_heads(), *w.zone_heads, *w.place_heads)


@lru_cache(maxsize=1)
def _closing_quotes() -> str:
    return "".join(p[1] for p in words().quote_pairs)


@lru_cache(maxsize=1)
def _founding_verbs() -> tuple[str, ...]:
    w = words()
    return tuple(dict.fromkeys((
        *w.founding_verbs, *w.zone_verbs, *w.construction_verbs, *w.launch_verbs,
        *w.furthering_verbs, *w.proper_founding_verbs,
    )))


@lru_cache(maxsize=1)
def place_forms() -> frozenset[str]:
    """Every form of every place of places.tsv (湖北省, 湖北, 鄂)."""
    from policy_cli.core.places import load_places

    return frozenset(f for place in load_places().values() for f in place.forms)


@lru_cache(maxsize=1)
def _short_forms() -> frozenset[str]:
    """The one-character names of the provinces (川, 苏, 京)."""
    from policy_cli.core.places import load_places

    return frozenset(f for place in load_places().values() for f in place.short if len(f) == 1)


@lru_cache(maxsize=1)
def _heads() -> tuple[str, ...]:
    """The heads of this stage, found longest first (`occurrences.find_longest`)."""
    w = words()
    heads = {
        *w.proper_institution_heads, *w.proper_area_heads, *w.proper_fair_heads,
        *w.proper_fund_heads,
    }
    return tuple(sorted(heads, key=lambda h: (-len(h), h)))
