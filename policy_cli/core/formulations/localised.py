"""Stage `localised`: a name that carries its place (中国（安徽）自贸试验区, 广西自贸试验区).

The national programmes a province or city hosts go by a national name with the place put in
brackets inside it: 中国（安徽）自贸试验区, 西部（重庆）科学城, 中国东南（福建）科学城, 中国建造（安徽）
互联网平台, 长江（安徽）经济带. A reader takes the whole as one name; the other stages stop at the
bracket. The place is one of places.tsv (a province or a prefecture, full or usual name); the
name opens with the words right before the bracket (walked back as a head phrase is, up to a
clause's edge, a function word or a verb of command: `boundary.phrase_ending_at`) and ends with
the first head of a zone, place, institution, event or fair after it (…试验区, …科学城, …平台,
…经济带, …论坛), whole words, within `localised_max_tail` characters (rule `bracketed`).

A zone named by its place, then what it is for, then the zone's head (防城港国际医学开放试验区,
南宁临空经济示范区, 广西自贸试验区: rule `placed`) is one name too, said once or more: the place
opens a word, nouns and modifiers follow (no verb or function word: 漳州|建设|世界一流…基地 is a
clause), and the head ends a word. A site or a reserve (…基地, …保护区) is a place, not a policy's zone;
a place's pilot of a reform and the model of practice named after it are named the same way
(厦门综合改革试点, 三明医改经验).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from functools import lru_cache

from policy_cli.core.chars import is_han
from policy_cli.core.formulations.boundary import phrase_ending_at
from policy_cli.core.formulations.candidate import BY_RULE, Candidate
from policy_cli.core.formulations.options import FormulationOptions
from policy_cli.core.formulations.proper import place_forms
from policy_cli.core.formulations.vocab import is_verb, patterns, word_tag, words
from policy_cli.core.formulations.zones import _inside_longer_word
from policy_cli.core.occurrences import find_longest
from policy_cli.core.patterns import longest_first
from policy_cli.core.tokens import Segmentation, segment_text

STAGE = "localised"


def find_localised(
    text: str, options: FormulationOptions, seg: Segmentation | None = None
) -> Iterator[Candidate]:
    """Yield the names that carry a place of places.tsv: in brackets inside them, or opening
    a zone's name."""
    seg = seg or segment_text(text)
    yield from _placed(text, options, seg)
    if "（" not in text:
        return
    places = place_forms()
    found = [m for m in patterns().bracketed_place.finditer(text) if m.group(1) in places]
    for m in found:
        if not seg.starts_word(m.start()) or not seg.starts_word(m.end()):
            continue
        before = seg.words(max(0, m.start() - options.phrase_max_len), m.start())
        if not before:
            continue
        opening = phrase_ending_at(text, m.start(), len(before[-1]), options, seg)
        opening = opening[_lead_before(opening, seg, m.start() - len(opening)) :]
        tail = _tail(text, m.end(), options, seg)
        if not opening or tail is None:
            continue
        start = m.start() - len(opening)
        if len(opening) < options.localised_min_opening or (
            start and text[start - 1].isascii() and text[start - 1].isalpha()
        ):
            # 2019日|韩（青岛）…, RCEP|地方政府暨友城合作（黄山）论坛: the walk stopped inside the name
            continue
        yield Candidate(
            text[start : m.end() + len(tail)], "name", start, None, (), BY_RULE, STAGE, "bracketed"
        )


def _placed(text: str, o: FormulationOptions, seg: Segmentation) -> Iterator[Candidate]:
    """The zones named by their place (rule `placed`): a place of places.tsv opening a word,
    then whole words of nouns and modifiers (`localised_max_tail` characters at most), then a
    zone head that ends a word."""
    heads = find_longest(text, _zone_heads())
    if not heads:
        return
    w = words()
    head_starts = [hs for hs, _ in heads]
    for start, end in find_longest(text, _place_names()):
        if not seg.starts_word(start):
            continue
        k = bisect_right(head_starts, end)  # the first head after the place, with a body between
        if k == len(heads) or heads[k][0] > end + o.localised_max_tail:
            continue
        hs, he = heads[k]
        if not is_han(text[end:he]) or not seg.starts_word(he) or (
            _inside_longer_word(text, he, seg, w, o)
        ):
            continue  # (…产业园|区: the head is part of a longer word)
        inner = seg.words(end, hs)
        verbs = [word_tag(x) in w.verb_tags for x in inner]
        last_noun = max((i for i, v in enumerate(verbs) if not v), default=0)
        if any(is_verb(x) or x in w.function_words for x in inner) or any(verbs[:last_noun]):
            # 漳州|建设|…, 北京|各|产业园, 北京商务中心区|当选|全球商务区: a clause or a function
            # word, no name (the words right before the head may be verbs: 国际医学|开放|试验区,
            # 国家|自主|创新|示范区)
            continue
        yield Candidate(text[start:he], "name", start, None, (), BY_RULE, STAGE, "placed")


@lru_cache(maxsize=1)
def _place_names() -> tuple[str, ...]:
    """The places of places.tsv by their names of two characters or more."""
    return tuple(longest_first(p for p in place_forms() if len(p) > 1))


@lru_cache(maxsize=1)
def _zone_heads() -> tuple[str, ...]:
    """The heads of a zone named by its place: the zone heads but a site's or a reserve's (…基地,
    …保护区: places, no policy's zones: `placed_refused_heads`), and a place's pilot or model
    (…改革试点, …经验: `placed_model_heads`)."""
    w = words()
    heads = [h for h in w.zone_heads if h not in w.placed_refused_heads]
    return tuple(longest_first([*heads, *w.placed_model_heads]))


def _lead_before(opening: str, seg: Segmentation, start: int) -> int:
    """The length of the sentence's words the opening starts with: up to its last verb before
    the word at the bracket (高水平建设|中欧班列（郑州）…; 中国建造（安徽）: 建造 is the name's),
    and the words after that verb before the first noun, place or locality (做大做强|中国东南,
    完善|长江: `localised_opening_tags`)."""
    w = words()
    cut = seg.words(start, start + len(opening))
    tags = [word_tag(word) for word in cut]
    first = 0
    for k in range(len(cut) - 1):
        if is_verb(cut[k]) or tags[k] in w.event_verb_tags:
            first = k + 1
    while first < len(cut) - 1 and not (tags[first] or "").startswith(w.localised_opening_tags):
        first += 1
    return sum(map(len, cut[:first]))


def _tail(text: str, at: int, o: FormulationOptions, seg: Segmentation) -> str | None:
    """The whole words after the bracket up to the first head that ends one of them, or None
    (…发展城市|化进程: a head inside a longer word ends nothing)."""
    span = ""
    for word in seg.words(at, at + o.localised_max_tail):
        span += word
        if len(span) > o.localised_max_tail or not is_han(word):
            return None
        if span.endswith(_heads()) and seg.starts_word(at + len(span)):
            return span
    return None


@lru_cache(maxsize=1)
def _heads() -> tuple[str, ...]:
    """The heads a localised name ends with, longest first."""
    w = words()
    return tuple(longest_first({
        *w.zone_heads, *w.place_heads, *w.proper_institution_heads, *w.proper_area_heads,
        *w.proper_fair_heads, *w.event_heads, *w.fair_heads, *w.localised_heads,
    }))
