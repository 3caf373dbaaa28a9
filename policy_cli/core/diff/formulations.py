"""提法 added, removed and kept between two reports.

The 提法 of a report are the extractor's, the established national formulations it says (the
lexicon of `core/national.py`) and the unlisted siblings of either (新发展阶段 beside 新发展理念).
Each is counted by exact occurrence in both full texts (quote marks and enumeration commas
aside), so that nothing is "new" only because extraction differed between the reports. Word
groups that are no 提法 are terms: `vocabulary` lists those.
"""

from __future__ import annotations

import itertools
import operator
import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any

from policy_cli.core.chars import HAN, is_han
from policy_cli.core.diff.standing import idf_rarity
from policy_cli.core.diff.text import (
    NOT_WORDING,
    QUOTE_MARKS,
    find_unquoted,
    is_calendar_variant,
    novelty,
    unlinked,
    unlisted,
    unquoted,
)
from policy_cli.core.formulations.qualified import bare_run
from policy_cli.core.formulations.vocab import words as formulation_words
from policy_cli.core.keyness import term_weight
from policy_cli.core.occurrences import find_all, non_overlapping
from policy_cli.core.phrases import LAST_JOINERS
from policy_cli.core.pipeline import Prepared
from policy_cli.core.segment import default_tagger, is_candidate_term, load_stopwords
from policy_cli.core.similarity import background_idf
from policy_cli.core.tokens import Tokens
from policy_cli.models import Document, Formulation, FormulationChange


def sibling_formulations(
    prepared: Prepared,
    other_text: str,
    known: Iterable[Formulation],
    *,
    min_count: int = 2,
) -> list[Formulation]:
    """Find siblings of known formulations that recur in one report and never in the other.

    A formulation of 4 to 7 characters names one of a family sharing all but its last word:
    新发展理念 has 新发展格局 and 新发展阶段 beside it. A string of the report made of the
    same stem (at least 3 characters) and another two-character content word, used at least
    `min_count` times and never in `other_text`, is a member of the family the extractor did
    not list.

    Args:
        prepared: the report, segmented.
        other_text: the other report's text.
        known: formulations of either report (the families' known members).
        min_count: occurrences needed.

    Returns:
        Formulations of the kind of their known sibling, in order of first occurrence.
    """
    idf = background_idf()
    stop = load_stopwords()
    text = unquoted(prepared.document.text)
    other = unquoted(other_text)
    kinds = {unquoted(f.text): f.kind for f in known}
    # the sibling's last word must be a word of the report where it stands (阶段, not 坚成),
    # or the sibling one word of its own (新发展阶段 kept whole as a known formulation)
    # (one-character words are in the set too: they never match, `last` has two characters)
    toks = Tokens.of(prepared.tokens)
    ends = map(operator.add, toks.starts, map(len, toks.texts))
    words = set(zip(ends, toks.texts, strict=True))
    found: dict[str, Formulation] = {}
    for name, kind in sorted(kinds.items()):
        # the stem ends where a word ends: 新发展|理念, not 脱贫攻|坚战
        if not _HAN_NAME.fullmatch(name) or name[-2:] not in idf.idf:
            continue
        for start, sibling in _stem_matches(text, name[:-2]):
            last = sibling[-2:]
            if (
                sibling in kinds
                or not _word_at(prepared.document.text, text, words, sibling, last)
                or sibling in found
                or sibling in other
                or not is_candidate_term(last, stop)
                or not term_weight(last, idf.tag(last))
            ):
                continue
            n = _said_alone(text, sibling, [k for k in kinds if sibling in k and k != sibling])
            if n >= min_count and _ends_a_phrase(text, sibling):
                found[sibling] = Formulation(sibling, kind, n, start)
    return sorted(found.values(), key=lambda f: (f.first_offset, f.text))


def _said_alone(text: str, phrase: str, longer: list[str]) -> int:
    """How often `text` says `phrase` outside the longer formulations that hold it: a string
    said only inside one (社会主义思想, always in 新时代中国特色社会主义思想) is a piece of that
    formulation, not a member of a family of its own. (The spans of the longer ones, joined
    where they overlap, are walked once beside the phrase's places: linear in the text.)"""
    spans = sorted(
        (m.start(), m.end()) for name in longer for m in re.finditer(re.escape(name), text)
    )
    joined: list[list[int]] = []
    for start, end in spans:
        if joined and start <= joined[-1][1]:
            joined[-1][1] = max(joined[-1][1], end)
        else:
            joined.append([start, end])
    n = k = 0
    at = text.find(phrase)
    while at >= 0:
        end = at + len(phrase)
        while k < len(joined) and joined[k][1] < end:
            k += 1
        if not (k < len(joined) and joined[k][0] <= at):
            n += 1
        at = text.find(phrase, end)
    return n


def _ends_a_phrase(text: str, phrase: str) -> bool:
    """Tell whether the text says `phrase` at least once where no name goes on after it: a mark,
    a function word (的, 和…) or the end of the text follows. One always followed by more of a
    name (公立医院综合|改革试点) is a piece of that name, no member of a family."""
    stops = formulation_words().function_words
    at = text.find(phrase)
    while at >= 0:
        after = text[at + len(phrase) : at + len(phrase) + 1]
        if not after or not is_han(after) or after in stops:
            return True
        at = text.find(phrase, at + 1)
    return False


def _stem_matches(text: str, stem: str) -> list[tuple[int, str]]:
    """Where `stem` and two more Han characters occur in `text`, left to right, not overlapping."""
    out = []
    at = text.find(stem)
    while at >= 0:
        end = at + len(stem) + 2
        tail = text[at + len(stem) : end]
        if len(tail) == 2 and is_han(tail):
            out.append((at, text[at:end]))
            at = text.find(stem, end)
        else:
            at = text.find(stem, at + 1)
    return out


def _word_at(
    text: str, plain: str, words: set[tuple[int, str]], phrase: str, last: str
) -> bool:
    """Tell whether `phrase` occurs in `text` (quote marks aside) ending on the token `last`
    or being one token itself.

    `plain` is `text` without quote marks; `words` holds (end offset, text) of the tokens.
    """

    def ends_a_word(end: int) -> bool:
        return (end, last) in words or (end, phrase) in words

    at = text.find(phrase)
    while at >= 0:
        if ends_a_word(at + len(phrase)):
            return True
        at = text.find(phrase, at + 1)
    if plain.count(phrase) == text.count(phrase):
        return False  # no use with quote marks inside: nothing more to look at
    gap = "[" + re.escape(QUOTE_MARKS) + "]*"
    pattern = gap.join(re.escape(ch) for ch in phrase)
    return any(ends_a_word(m.end()) for m in re.finditer(pattern, text))


_HAN_NAME = re.compile(rf"[{HAN}]{{5,7}}")  # a stem of 3 to 5 characters, a word of 2


def compare_formulations(
    old: Document,
    new: Document,
    old_forms: Iterable[Formulation],
    new_forms: Iterable[Formulation],
) -> tuple[list[FormulationChange], list[FormulationChange], list[FormulationChange]]:
    """Split the formulations of both reports into added, removed and kept.

    Each formulation is counted by exact occurrence in both full texts: it is added only when
    the old text never contains it, removed only when the new text never does. Year and plan
    numbers (十三五 -> 十四五) are not listed as added or removed.

    Args:
        old: the earlier report.
        new: the later report.
        old_forms: formulations extracted from `old`.
        new_forms: formulations extracted from `new`.

    Returns:
        (added, removed, kept); added and removed sorted by count in the report that has them,
        kept by the total count; ties by first occurrence, then text.
    """
    # quote marks are not wording: “六稳”、“六保” in one report is 六稳、六保 in the other
    kinds: dict[str, str] = {}
    for f in (*new_forms, *old_forms):
        text = unquoted(f.text)
        if text and text not in kinds:
            kinds[text] = f.kind
    plain_old, plain_new = unquoted(old.text), unquoted(new.text)
    # nor are enumeration commas and the particles joining a name's parts: 碳达峰碳中和 in one
    # report is 碳达峰、碳中和 in the other, 资源节约型和环境友好型社会 is 资源节约型、环境友好型社会
    bare_old, bare_new = unlinked(plain_old), unlinked(plain_new)
    listed_old, listed_new = unlisted(plain_old), unlisted(plain_new)
    added: list[FormulationChange] = []
    removed: list[FormulationChange] = []
    kept: list[FormulationChange] = []
    # every formulation counted in one pass over each text (not one scan per formulation)
    in_old, in_new = find_all(plain_old, kinds), find_all(plain_new, kinds)
    # the names either report says, by their characters: one the other report says in another
    # order of its words (新型农村合作医疗制度 / 农村新型合作医疗制度), however the tagger cuts it
    said_old = _by_characters(t for t in kinds if in_old[t])
    said_new = _by_characters(t for t in kinds if in_new[t])
    for text, kind in kinds.items():
        a = len(non_overlapping(in_old[text], len(text)))
        b = len(non_overlapping(in_new[text], len(text)))
        if a == 0 and b == 0:
            continue
        if a and b:
            status, target, lst = "kept", new, kept
        elif b:
            if (
                is_calendar_variant(text, old.text)
                or _said_otherwise(text, bare_old, listed_old)
                or _characters(text) in said_old
            ):
                continue
            status, target, lst = "added", new, added
        else:
            if (
                is_calendar_variant(text, new.text)
                or _said_otherwise(text, bare_new, listed_new)
                or _characters(text) in said_new
            ):
                continue
            status, target, lst = "removed", old, removed
        offset = find_unquoted(target.text, text)
        sent = target.sentence_at(offset)
        lst.append(
            FormulationChange(text, kind, a, b, status, offset, sent.text if sent else "")
        )
    # "加快建设全国统一大市场" around "全国统一大市场": the shorter one is the formulation
    added = _drop_wrappers(added)
    removed = _drop_wrappers(removed)
    # "决胜全面建成小康社会" around a kept "全面建成小康社会": a rewording, not news
    said = {c.text for c in kept}
    added, removed = (
        [c for c in lst if not _rewords(c.text, said)] for lst in (added, removed)
    )
    # parallel twins in one sentence (爱国者治港、爱国者治澳) are one 提法: the first stands for both
    added, removed = _drop_twins(added), _drop_twins(removed)
    # one 提法 written two ways in one report (扩大内需的方针, 扩大内需方针) is listed once
    added, removed = _one_per_wording(added), _one_per_wording(removed)
    # most salient first (count weighed by shape); among equals the most newly worded (a
    # reworded old phrase such as "弘扬科学家精神" for "科学家精神" ranks below a coinage)
    added.sort(key=lambda c: _rank(c, c.new_count, plain_new, plain_old))
    removed.sort(key=lambda c: _rank(c, c.old_count, plain_old, plain_new))
    # 共建一带一路 4→3 beside 一带一路 4→3, 六稳 1→1 beside 六稳、六保 1→1: one 提法 said as often
    kept = _drop_said_alike(kept)
    kept.sort(key=lambda c: (-(c.old_count + c.new_count), c.offset, c.text))
    return added, removed, kept


# a name of two to four words, five characters or more, is looked for with its words reordered
# (shorter ones, 创新发展, are found reordered across two phrases: 培育发展|创新型企业)
REORDERED_MIN_WORDS, REORDERED_MAX_WORDS = 2, 4
_REORDERED = re.compile(rf"[{HAN}]{{5,16}}")  # (names of Chinese characters only)
REORDERED_PAIR_MIN = 5  # characters: two names of the same characters are one (this long)


def _said_otherwise(text: str, bare_other: str, listed_other: str) -> bool:
    """Tell whether the other report says a formulation with other particles joining its parts
    (its text `unlinked`: 正确的政绩观 is 正确政绩观) or its words in another order (its text
    `unlisted`, the particles kept so that no two phrases run together: 政府职能转变 is
    转变政府职能, 国家科技重大专项 is 国家重大科技专项; not 积极的财政政策和|稳健的… for
    稳健的财政政策). Names of two to four words are looked for in every order of their words
    (at most 23 more searches of the other text)."""
    if unlisted(text) in listed_other or unlinked(text) in bare_other:
        return True
    if not _REORDERED.fullmatch(text):
        return False
    words = [w for w, _ in default_tagger().tag(text, False)]
    if not REORDERED_MIN_WORDS <= len(words) <= REORDERED_MAX_WORDS:
        return False
    return any(
        "".join(order) in listed_other
        for order in itertools.permutations(words)
        if list(order) != words
    )


# A 提法 is a compact name (三重压力, 全国统一大市场, 两个毫不动摇) or a paired motto
# (稳字当头、稳中求进); a string of clauses (察实情、办实事、求实效) or a long description is
# worth less per use.
_CLAUSE_MARKS = re.compile(r"[、，,；;：:]")
_COMPACT = 10  # characters: longer names read as descriptions (科技体制改革三年攻坚方案)
_SHAPE_WEIGHT = {"compact": 1.0, "clauses": 0.8, "long": 0.6}
# among equals: numbered sets and codes, then names, then slogans
_KIND_ORDER = {"numbered": 0, "code": 0, "name": 1, "slogan": 2}


def shape(text: str, kind: str) -> str:
    """Tell the shape of a formulation: compact, clauses or long.

    Args:
        text: the formulation.
        kind: its kind (every kind has the same shapes).

    Returns:
        "compact" for a name of at most 10 characters or a pair of clauses of at most 4
        (稳字当头、稳中求进), "clauses" for more or longer clauses, else "long".
    """
    clauses = [c for c in _CLAUSE_MARKS.split(unquoted(text)) if c]
    if len(clauses) > 1:
        return "compact" if len(clauses) == 2 and max(map(len, clauses)) <= 4 else "clauses"
    return "long" if len(NOT_WORDING.sub("", text)) > _COMPACT else "compact"


def salience_shape(text: str, kind: str) -> float:
    """The weight of a formulation's shape (1.0 compact, 0.8 clauses, 0.6 long)."""
    return _SHAPE_WEIGHT[shape(text, kind)]


def salience(text: str, kind: str, count: int) -> float:
    """Weigh how much a 提法 counts in a diff: its uses times a weight for its shape.

    Args:
        text: the formulation.
        kind: its kind (numbered, code, name, slogan).
        count: its uses in the report that has it (for a string of clauses, the uses of its
            most used clause that the other report lacks: 稳增长 of 稳增长、调结构、推改革).

    Returns:
        count x weight: 1.0 for a compact name, 0.8 for clauses, 0.6 for a long text.
    """
    return count * _SHAPE_WEIGHT[shape(text, kind)]


def clause_uses(c: FormulationChange, count: int, plain: str, other_plain: str) -> int:
    """Uses of a formulation, or of its most used motto clause absent from the other report.

    Only three-character clauses count on their own: a verb and its object make a motto
    (稳增长 of 稳增长、调结构、推改革; 去杠杆, 补短板); longer clauses are ordinary phrases.
    """
    clauses = [x for x in _CLAUSE_MARKS.split(c.text) if len(x) == 3]
    if not clauses:
        return count
    return max([count] + [plain.count(x) for x in clauses if x not in other_plain])


def _rank(c: FormulationChange, count: int, plain: str, other_plain: str) -> tuple[Any, ...]:
    return (
        -salience(c.text, c.kind, clause_uses(c, count, plain, other_plain)),
        _KIND_ORDER.get(c.kind, 2), -novelty(c.text, other_plain), c.offset, c.text,
    )


_NUMERALS = frozenset("一二两三四五六七八九十")


def _drop_twins(items: list[FormulationChange]) -> list[FormulationChange]:
    """Drop an item that is the parallel twin of an earlier one in the same sentence.

    Twins are named in one sentence, have the same kind and length, and are one thing said
    twice: they differ by one character (爱国者治港 and 爱国者治澳), or share their head (the
    last character) and differ in the modifier (米袋子 and 菜篮子, 北京证券交易所 and
    广州期货交易所). The more used stands for both (节能减排 ×5, not 污染减排 ×3 said beside it),
    else the first; its context shows the other. Names that share
    a modifier and differ in the head are distinct (新发展阶段, 新发展格局), and so are numbered
    sets (四个意识, 四个自信) unless only the ordinal differs (第一个, 第二个百年奋斗目标).
    """

    def twins(o: FormulationChange, c: FormulationChange) -> bool:
        if o.context != c.context or o.kind != c.kind or len(o.text) != len(c.text):
            return False
        if len(c.text) < 3:
            return False
        differ = [(x, y) for x, y in zip(o.text, c.text, strict=True) if x != y]
        if c.kind == "numbered":
            return len(differ) == 1 and differ[0][0] in _NUMERALS and differ[0][1] in _NUMERALS
        return len(differ) == 1 or o.text[-1] == c.text[-1]

    out: list[FormulationChange] = []
    # the more used twin stands for both (节能减排 ×5 for 污染减排 ×3), else the first
    for c in sorted(items, key=lambda c: (-max(c.old_count, c.new_count), c.offset, c.text)):
        if not any(twins(o, c) for o in out):
            out.append(c)
    return sorted(out, key=lambda c: (c.offset, c.text))


REWORDING = 4  # characters of a verb or modifier around a kept 提法 (打赢, 决胜, 经济, 战略)
COMMON_WORD = 0.35  # background rarity below which a word is common (经济, 战略, 发展)
_WORDING_TAGS = ("v", "d", "a")  # verbs, adverbs, adjectives: how a 提法 is said, not what


def _rewords(text: str, kept: Iterable[str]) -> bool:
    """Tell whether `text` is a kept 提法 with a word of wording before or after it.

    打赢脱贫攻坚战, 决胜全面建成小康社会, 乡村振兴战略: a verb, an adverb or adjective, or a
    common word (two to four characters) around a 提法 both reports say. A new item in a list
    (山水林田湖草 + 沙) or a new modifier (三孩 + 生育政策, if 生育政策 were kept) is no rewording,
    nor is a motto (its other parts are its own).
    """
    if _MOTTO_MARKS.search(text):
        return False
    said = kept if isinstance(kept, (set, frozenset)) else set(kept)
    # the kept 提法 it starts or ends with: its own prefixes and suffixes looked up, not
    # every kept 提法 tried
    ends = {text[:n] for n in range(len(text) + 1)} | {text[n:] for n in range(len(text) + 1)}
    for k in ends & said:
        if k == text:
            continue
        rest = text[len(k):] if text.startswith(k) else text[: -len(k)]
        if 2 <= len(rest) <= REWORDING and _wording(rest):
            return True
    return False


def _wording(word: str) -> bool:
    """Tell whether `word` says how rather than what: a verb, adverb, adjective or common word."""
    tags = default_tagger().tag(word, False)
    if len(tags) != 1:
        return False
    if tags[0][1].startswith(_WORDING_TAGS):
        return True
    idf = background_idf()
    return word in idf.idf and idf_rarity(word, idf) < COMMON_WORD


def _drop_wrappers(items: list[FormulationChange]) -> list[FormulationChange]:
    """Drop formulations that contain another listed one (a verb or modifier around it); a
    motto is no wrapper of a 提法 one of its clauses says (更加注重搞好宏观调控，更加注重统筹
    兼顾，… beside 统筹兼顾: both are listed)."""
    texts = [c.text for c in items]

    def wraps(c: FormulationChange, t: str) -> bool:
        if t == c.text or t not in c.text:
            return False
        clauses = _MOTTO_MARKS.split(c.text)
        # a motto wraps a whole clause of its own (港人治港 of 港人治港、澳人治澳、高度自治),
        # no 提法 said inside one of its clauses (统筹兼顾 of …，更加注重统筹兼顾，…)
        return len(clauses) == 1 or t in clauses

    return [c for c in items if not any(wraps(c, t) for t in texts)]


def _drop_said_alike(items: list[FormulationChange]) -> list[FormulationChange]:
    """Of two formulations one holds and both reports say as often (the longer around the
    shorter every time), keep one: the motto, not a part of it said only in it (六稳、六保 and
    引进来和走出去, not 六稳 or 引进来); the shorter, not the words before it (一带一路, not
    共建一带一路; 资本无序扩张, not 防止资本无序扩张). A longer name that opens with the shorter
    names something of its own (米袋子省长负责制 beside 米袋子): both stay."""
    dropped: set[str] = set()
    for c in items:
        for t in items:
            if t.text == c.text or t.text not in c.text:
                continue
            if (t.old_count, t.new_count) != (c.old_count, c.new_count):
                continue
            if t.text in _MOTTO_PARTS.split(c.text):
                dropped.add(t.text)
            elif not c.text.startswith(t.text):
                dropped.add(c.text)
    return [c for c in items if c.text not in dropped]


def split_mottos(forms: Iterable[Formulation], other_plain: str) -> list[Formulation]:
    """Keep of a motto only the parts the other report lacks (稳字当头、稳中求进 -> 稳字当头).

    A motto whose parts the other report already says in part is new (or dropped) only in its
    other parts: listing it whole would show a part as news that both reports say. Consecutive
    new parts stay together (以进促稳、先立后破); parts of one or two characters are words of
    the motto, not mottos of their own, and are only kept beside a longer new part. A run of
    `WHOLE_MOTTO_PARTS` parts or more of one frame (a character at one place in each) of which
    the other report says one is kept whole: a new run that reuses one phrase (靠政策、靠投入、
    靠科技、靠改革; 政企分开、政资分开、政事分开), not fragments of it; a motto of unlike parts
    keeps its new ones (稳中求进、以进促稳、先立后破 -> 以进促稳、先立后破).
    """
    out: list[Formulation] = []
    for f in forms:
        text = unquoted(f.text)
        parts = [p for p in _MOTTO_MARKS.split(text) if p]
        if len(parts) < 2:  # no motto: kept whole, without searching the other report
            out.append(f)
            continue
        said = [len(p) >= MOTTO_PART and p in other_plain for p in parts]
        if not any(said) or (
            len(parts) >= WHOLE_MOTTO_PARTS and sum(said) == 1 and _alike(parts)
        ):
            # (a run of three parts or more of one frame that reuses one old part is new whole:
            # 靠政策、靠投入、靠科技、靠改革 beside an old 靠科技, not 靠政策、靠投入 and 靠改革)
            out.append(f)
            continue
        run: list[str] = []
        for part, is_said in [*zip(parts, said, strict=True), ("", True)]:
            if not is_said:
                run.append(part)
                continue
            if run and max(map(len, run)) >= MOTTO_PART:
                joined = "、".join(run)
                if joined in text:  # printed this way: counted as printed
                    out.append(Formulation(joined, f.kind, 0, f.first_offset))
            run = []
    return out


def _worded(text: str) -> str:
    """A name without its marks, its particles made alike (`unlinked`): two names of one wording
    are one 提法 (扩大内需的方针, 扩大内需方针)."""
    return unlinked(NOT_WORDING.sub("", text))


def _characters(text: str) -> str:
    """A name's characters in one order ('' for one shorter than `REORDERED_PAIR_MIN`): two
    names of the same characters are one name with its words in another order."""
    bare = _worded(text)
    return "".join(sorted(bare)) if len(bare) >= REORDERED_PAIR_MIN else ""


def _by_characters(texts: Iterable[str]) -> set[str]:
    return {key for key in map(_characters, texts) if key}


def _one_per_wording(changes: list[FormulationChange]) -> list[FormulationChange]:
    """The changes without those written as an earlier one is but for its marks and the
    particles joining its parts (扩大内需方针 after 扩大内需的方针; 廉洁、勤政、务实、高效 after
    廉洁勤政务实高效): one 提法, the more used form first."""
    ordered = sorted(
        range(len(changes)),
        key=lambda i: (-(changes[i].new_count + changes[i].old_count), changes[i].offset),
    )
    seen: set[str] = set()
    keep: set[int] = set()
    for i in ordered:
        key = _worded(changes[i].text)
        if key not in seen:
            seen.add(key)
            keep.add(i)
    return [c for i, c in enumerate(changes) if i in keep]


def _alike(parts: list[str]) -> bool:
    """Tell whether every part has one character at the same place, counted from the start or
    from the end (靠|政策、靠|投入; 集约|化、专业|化; 政|企分开、政|资分开): parts of one frame."""
    size = min(map(len, parts))
    return any(len({p[k] for p in parts}) == 1 for k in range(size)) or any(
        len({p[-k] for p in parts}) == 1 for k in range(1, size + 1)
    )


def _as_run(f: Formulation) -> Formulation:
    """A formulation the stage `qualified` named with its noun, as its bare run."""
    run = bare_run(f.text, f.evidence)
    return f if run == f.text else replace(f, text=run)


MOTTO_PART = 3  # characters: a shorter part of a motto is a word (完整、准确), not a motto
WHOLE_MOTTO_PARTS = 3  # a run of one frame this long, one part of it old, is new whole
_MOTTO_MARKS = re.compile(r"[、，,；;]")
# a motto's parts: its marks, or a conjunction before its last part (引进来和走出去)
_MOTTO_PARTS = re.compile(f"[、，,；;{LAST_JOINERS}]")


def formulation_changes(
    p_old: Prepared,
    p_new: Prepared,
    *,
    perennial: Callable[[Formulation], bool] = lambda _f: False,
) -> tuple[list[FormulationChange], list[FormulationChange], list[FormulationChange]]:
    """Find the 提法 added, removed and kept from the old report to the new one.

    The formulations of each report are the extractor's (the established national ones it
    says among them, from the lexicon) and their unlisted siblings (新发展阶段 beside
    新发展理念); a motto is cut to the parts the other report lacks.

    Args:
        p_old: the earlier report, segmented.
        p_new: the later report, segmented.
        perennial: tells a national formulation of the new report that is neither recent nor
            rare and that the report does not mark (和平发展道路, 法治中国 said in passing): no
            new 提法. A dropped one is still listed: an established formulation the new report
            no longer says is news.

    Returns:
        (added, removed, kept), as `compare_formulations` gives them.
    """
    old, new = p_old.document, p_new.document
    # a run one report names with the noun it qualifies is compared as the run (规范、透明、
    # 开放、有活力、有韧性|的资本市场: the other report may say it bare or before another noun)
    old_forms = [_as_run(f) for f in p_old.formulations]
    all_new = [_as_run(f) for f in p_new.formulations]
    new_forms = [f for f in all_new if not perennial(f)]
    # every formulation either report says is a family's known member, the perennial ones too:
    # a string said only inside one of them is no member of its own (see `_said_alone`)
    known = old_forms + all_new
    old_forms += sibling_formulations(p_old, new.text, known)
    new_forms += sibling_formulations(p_new, old.text, known)
    old_forms = split_mottos(old_forms, unquoted(new.text))
    new_forms = split_mottos(new_forms, unquoted(old.text))
    return compare_formulations(old, new, old_forms, new_forms)
