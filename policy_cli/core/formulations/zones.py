"""Stage `zone`: a zone, place or works programme a document names whole, twice or more.

A reader takes 虹桥国际开放枢纽 (。虹桥国际开放枢纽进一步提升能级…; 落实虹桥国际开放枢纽建设三年行动计划)
as the name of a place the document keeps coming back to: the same string ending in a zone,
place or works head (…示范区, …保税区, …走廊, …枢纽, …生态岛, …工程) said twice or more, each time
standing on its own: at the edge of a clause, after a known verb (推进|长三角生态绿色一体化发展
示范区), a preposition, conjunction, particle, adverb or count (十大|为民办实事工程), never after
more of a longer name (长三角（广德）|康养基地, 协调|发展示范区). The name is the longest such
string: what comes before it differs from one mention to the next, and so does what follows it
(…示范区|线东延伸 twice is part of a longer name). The programme stage finds a zone after a verb
of building; this stage finds the ones a document names without one (…合作区总体方案获批实施).

Not names: a kind of zone (重大工程, 一批…示范区: the programme stage's `_names_a_programme`
rules), one project's works (…二期工程, 某基地), two names joined (自贸试验区|及|临港新片区), a
head followed by a one-character word that makes it part of a longer word (示范区|线), a name that
continues a quoted one before it (“丝路电商”合作先行区: the quoted stage's), and the generic
places (…中心, …城市, …行动: `zone_generic_heads`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

from policy_cli.core.chars import HAN
from policy_cli.core.formulations.candidate import Candidate
from policy_cli.core.formulations.options import FormulationOptions
from policy_cli.core.formulations.programmes import _leading_verb, _names_a_programme
from policy_cli.core.formulations.vocab import Words, is_verb, launches, patterns, words
from policy_cli.core.national import opens_a_national_entry
from policy_cli.core.occurrences import find_longest
from policy_cli.core.patterns import longest_first
from policy_cli.core.segment import default_tagger
from policy_cli.core.tokens import Segmentation, segment_text

STAGE = "zone"


def find_zones(
    text: str, options: FormulationOptions, seg: Segmentation | None = None
) -> Iterator[Candidate]:
    """Yield the zones and places a text names whole, `zone_min_said` times or more."""
    w, o = words(), options
    found = find_longest(text, _heads())
    # a name ends with its head, so it is said no more often than its head: a head said once
    # names nothing here (most news items)
    heads = Counter(text[hs:end] for hs, end in found)
    found = [(hs, end) for hs, end in found if heads[text[hs:end]] >= o.zone_min_said]
    if not found:
        return
    seg = seg or segment_text(text)
    # every string of name characters that ends with a head, and where the text says it: a name
    # ends with its head, so its mentions are found from the heads (no search of the text); the
    # strings that open a word at a head that ends one are the names proposed
    said: dict[str, list[int]] = {}
    spans: list[tuple[int, int, list[str]]] = []  # (head start, name end, names longest first)
    for hs, end in found:
        proposes = seg.starts_word(end) and not _inside_longer_word(text, end, seg, w, o)
        names = []
        for st in range(hs - o.place_min_body, max(hs - o.programme_max_body, 0) - 1, -1):
            if text[st] in w.name_joiners:
                continue  # 中国—东盟产业合作区: a dash joins the two places of one name
            if not _name().fullmatch(text, st, hs) or _two_names_or_a_clause(text, st, hs, seg, w):
                break
            name = text[st:end]
            said.setdefault(name, []).append(st)
            if proposes and seg.starts_word(st):
                names.append(name)
        if names:
            spans.append((hs, end, names[::-1]))
    judged: set[str] = set()  # strings and names already judged, whatever the verdict
    for hs, end, names in spans:
        longest = next((n for n in names if len(said[n]) >= o.zone_min_said), None)
        if longest is None or longest in judged:
            continue
        judged.add(longest)
        head = text[hs:end]
        lead = _lead(longest[: -len(head)], seg, end - len(longest))
        name = longest[lead:]
        body = name[: -len(head)]
        if name != longest:
            if name in judged:
                continue  # (two strings cut to one name: 实施|…工程, 推进|…工程)
            judged.add(name)
        if len(said.get(name, ())) < o.zone_min_said or _points_or_is_a_piece(name, seg, end, w):
            continue  # (where a verb was cut off, the rest is counted on its own)
        if not _names_a_programme(body, w, o, short=True) or any(
            p in body for p in w.project_parts
        ) or body in w.generic_programme_bodies:
            continue  # a kind (重大工程, 民生工程, 实际行动), or one project's works (…二期工程)
        starts = said[name]
        if all(_stands_alone(text, s, seg, w, o) for s in starts) and not _one_follower(
            text, [s + len(name) for s in starts], seg, w, o
        ):
            yield Candidate(name, "name", starts[0], stage=STAGE, rule="named-zone")


_NAME_CHARS = re.compile(rf"[{HAN}A-Za-z0-9]+")


@lru_cache(maxsize=1)
def _name() -> re.Pattern[str]:
    """Name characters, two runs of them joined by a dash (中国—东盟) too."""
    joiners = re.escape(words().name_joiners)
    return re.compile(rf"[{HAN}A-Za-z0-9]+(?:[{joiners}][{HAN}A-Za-z0-9]+)*")


def _two_names_or_a_clause(
    text: str, st: int, hs: int, seg: Segmentation, w: Words
) -> bool:
    """Tell whether the string from `st` to the head holds two names joined by a conjunction
    (自贸试验区|及|临港新片区) or a verb of building inside (深圳|建设|…先行示范区): the name is
    what follows."""
    if not seg.starts_word(st):
        return False
    word = seg.words(st, hs)[0]
    if word in w.zone_verbs and st > 0 and _NAME_CHARS.fullmatch(text[st - 1]):
        return True
    return word in w.zone_name_conjunctions and text.endswith(_zone_heads(), 0, st)


@lru_cache(maxsize=1)
def _zone_heads() -> tuple[str, ...]:
    """Every zone, place and works head, the generic ones (…中心, …城市) too."""
    w = words()
    return tuple(longest_first({*w.zone_heads, *w.place_heads, *w.furthered_heads}))


def _inside_longer_word(
    text: str, end: int, seg: Segmentation, w: Words, o: FormulationOptions
) -> bool:
    """Tell whether the head is followed by a one-character noun that makes it part of a longer
    word (沿边产业园|区; not 示范区|新推出)."""
    nxt = seg.words(end, end + o.word_reach)
    if not nxt or len(nxt[0]) != 1 or not _NAME_CHARS.fullmatch(nxt[0]):
        return False
    tagged = default_tagger().tag(nxt[0], False)
    return len(tagged) == 1 and tagged[0][1].startswith(w.zone_suffix_tags)


def _points_or_is_a_piece(name: str, seg: Segmentation, end: int, w: Words) -> bool:
    """Tell whether the string opens with a pronoun (这项工程, 该基地: it points, it names none)
    or with a preposition or a conjunction (，以|实际行动…, 并|不断发动突击行动: a piece of a
    clause), unless that word opens an entry of the national lexicon with what follows it (和|美
    乡村示范区: 和美乡村)."""
    first = seg.words(end - len(name), end)[0]
    tagged = default_tagger().tag(first, False)
    return (
        bool(tagged)
        and tagged[0][1] in w.zone_pointing_tags
        and not opens_a_national_entry(name[: len(first) + 1])
    )


def _lead(body: str, seg: Segmentation, at: int) -> int:
    """The length of the known verbs and prepositions that open the string (推进|…, 建设|…,
    在|自贸试验区); a word only the tagger calls a verb stays (为民办实事工程)."""
    w = words()
    lead = _leading_verb(body)
    while lead < len(body):
        first = seg.words(at + lead, at + len(body))[0]
        if first not in w.zone_verbs and first not in w.zone_cut_words and not is_verb(first):
            break
        lead += len(first)
    return lead


def _one_follower(
    text: str, ends: list[int], seg: Segmentation, w: Words, o: FormulationOptions
) -> bool:
    """Tell whether every mention is followed by the same noun, which makes the name part of a
    longer one (上海示范区|线东延伸, 河口沿边产业园|区): what follows a name differs from one
    mention to the next, unless it is its building (崇明世界级生态岛|建设) or a verb."""
    if len({text[end : end + 1] for end in ends}) != 1:
        return False
    word = (seg.words(ends[0], ends[0] + o.word_reach) or [""])[0]
    if not word or not _NAME_CHARS.fullmatch(word) or word in w.construction_nouns:
        return False
    if is_verb(word):
        return False
    tagged = default_tagger().tag(word, False)
    return not (len(tagged) == 1 and tagged[0][1] == "v")


def _short_item_before(text: str, sep: int, o: FormulationOptions) -> bool:
    """Tell whether the list item that ends at the separator `sep` is a bare short name (瑞丽 of
    磨憨、瑞丽、河口沿边产业园), which shares the rest of the name after it."""
    at = sep
    while at > 0 and sep - at <= o.zone_shared_item_max and _NAME_CHARS.fullmatch(text[at - 1]):
        at -= 1
    return 0 < sep - at <= o.zone_shared_item_max


def _stands_alone(
    text: str, start: int, seg: Segmentation, w: Words, o: FormulationOptions
) -> bool:
    """Tell whether a mention of the name opens a clause or follows a verb of command or building,
    a verb that sees to an action (抓好, 深化: `furthering_clause_verbs`), a preposition, a
    conjunction, a particle or an adverb (`zone_lead_tags`), not more of a longer name or a
    quoted one (“丝路电商”合作先行区)."""
    before = text[start - 1 : start]
    if not before or before in "\n":
        return True
    if any(before == pair[1] for pair in w.quote_pairs) or before in w.closing_brackets:
        return False  # “丝路电商”合作先行区, 长三角（广德）康养基地: the rest of a longer name
    if before == w.list_separator and _short_item_before(text, start - 1, o):
        return False  # 磨憨、瑞丽、河口沿边产业园: the short items share the name's rest
    if not _NAME_CHARS.fullmatch(before):
        return True
    prev = seg.words(max(0, start - o.word_reach), start)
    if not prev:
        return True
    word = prev[-1]
    if is_verb(word) or launches(word) or word in w.zone_verbs or (
        word in w.construction_verbs or word.endswith(w.zone_lead_verbs)
        or word in w.furthering_clause_verbs  # 抓好|区域合作深化行动: sees to an action
    ):
        return True  # 推进|长三角生态绿色一体化发展示范区 (not 协调|发展示范区: a modifier)
    if patterns().counted.fullmatch(word):
        return True  # 实施十大|为民办实事工程: a count names the set it opens
    tagged = default_tagger().tag(word, False)
    return len(tagged) == 1 and tagged[0][1] in w.zone_lead_tags


@lru_cache(maxsize=1)
def _heads() -> tuple[str, ...]:
    """The heads a zone's name ends with, the generic ones and those that end with another left
    out (found longest first: `occurrences.find_longest`)."""
    generic = set(words().zone_generic_heads)
    heads = [h for h in _zone_heads() if h not in generic]
    # a head that ends with another (专项行动, 行动) would split one name's mentions between two
    # heads: the shorter one counts them all (a body ending in 专项 names a kind anyway)
    return tuple(h for h in heads if not any(h != o and h.endswith(o) for o in heads))
