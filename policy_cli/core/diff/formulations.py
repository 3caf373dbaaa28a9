"""提法 added, removed and kept between two reports, and the word groups the extractor misses.

Each formulation is counted by exact occurrence in both full texts (quote marks and enumeration
commas aside), so that nothing is "new" only because extraction differed between the reports.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from policy_cli.core.diff.text import (
    HAN_RUN,
    NOT_WORDING,
    QUOTE_MARKS,
    find_unquoted,
    is_calendar_variant,
    novelty,
    unlisted,
    unquoted,
    varied_contexts,
)
from policy_cli.core.keyness import term_weight
from policy_cli.core.pipeline import Prepared
from policy_cli.core.segment import is_candidate_term, load_stopwords
from policy_cli.core.similarity import background_idf
from policy_cli.models import Document, Formulation, FormulationChange

PHRASE = "phrase"  # kind of a recurring word group found by `recurring_phrases`


def recurring_phrases(
    prepared: Prepared,
    other_text: str,
    *,
    min_count: int = 2,
    min_specificity: float = 2.5,
    longest: int = 4,
) -> list[Formulation]:
    """Find word groups that recur as a unit in one report and never occur in the other.

    A group of 2 to `longest` adjacent candidate terms (4 to 8 characters, no grammar word
    inside) qualifies when it occurs at least `min_count` times, in at least two
    different left and two different right contexts (a unit, not a repeated longer clause:
    复工复产), never in `other_text`, and its words are specific: their mean background IDF
    is at least `min_specificity` (words of every report, 经济 or 发展, make no 提法).

    Args:
        prepared: the report, segmented.
        other_text: the other report's text.
        min_count: occurrences needed.
        min_specificity: mean background IDF of the words needed.
        longest: most words in a group.

    Returns:
        Formulations of kind "phrase", longest first among groups with the same count.
    """
    idf = background_idf()
    stop = load_stopwords()
    text = prepared.document.text
    toks = prepared.tokens
    found: dict[str, tuple[str, ...]] = {}
    for i in range(len(toks)):
        first = toks[i].text
        if (
            not is_candidate_term(first, stop)
            or not HAN_RUN.match(first)
            or not term_weight(first, idf.tag(first))
        ):
            continue
        for j in range(i + 1, min(i + longest, len(toks))):
            prev, tok = toks[j - 1], toks[j]
            if (
                tok.sentence != prev.sentence
                or prev.start + len(prev.text) != tok.start
                or not HAN_RUN.match(tok.text)
            ):
                break
            if not is_candidate_term(tok.text, stop) or not term_weight(
                tok.text, idf.tag(tok.text)
            ):
                break  # grammar inside (矛盾和风险, 分配中的比重) makes a clause, not a name
            words = tuple(t.text for t in toks[i : j + 1])
            phrase = "".join(words)
            if 4 <= len(phrase) <= 8:
                found.setdefault(phrase, words)
    counted: dict[str, int] = {}
    for phrase, words in found.items():
        n = text.count(phrase)
        if (
            n >= min_count
            and phrase not in other_text
            and sum(idf(w) for w in words) / len(words) >= min_specificity
            and varied_contexts(text, phrase)
            and not is_calendar_variant(phrase, other_text)
        ):
            counted[phrase] = n
    return [
        Formulation(p, PHRASE, n, text.find(p))
        for p, n in sorted(counted.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))
        if not any(p != o and p in o and counted[o] == n for o in counted)
    ]


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
    # the sibling's last word must be a word of the report where it stands (阶段, not 坚成)
    words = {(t.start, t.text) for t in prepared.tokens if len(t.text) == 2}
    found: dict[str, Formulation] = {}
    for name, kind in sorted(kinds.items()):
        # the stem ends where a word ends: 新发展|理念, not 脱贫攻|坚战
        if not _HAN_NAME.fullmatch(name) or name[-2:] not in idf.idf:
            continue
        stem = name[:-2]
        for m in re.finditer(re.escape(stem) + r"[\u4e00-\u9fff]{2}", text):
            sibling, last = m.group(), m.group()[-2:]
            if (
                sibling in kinds
                or not _word_at(prepared.document.text, words, sibling, last)
                or sibling in found
                or sibling in other
                or not is_candidate_term(last, stop)
                or not term_weight(last, idf.tag(last))
            ):
                continue
            n = text.count(sibling)
            if n >= min_count:
                found[sibling] = Formulation(sibling, kind, n, m.start())
    return sorted(found.values(), key=lambda f: (f.first_offset, f.text))


def _word_at(text: str, words: set[tuple[int, str]], phrase: str, last: str) -> bool:
    """Tell whether `phrase` occurs in `text` (quote marks aside) ending on the token `last`."""
    gap = "[" + re.escape(QUOTE_MARKS) + "]*"
    pattern = gap.join(re.escape(ch) for ch in phrase)
    return any((m.end() - len(last), last) in words for m in re.finditer(pattern, text))


_HAN_NAME = re.compile(r"[\u4e00-\u9fff]{5,7}")  # a stem of 3 to 5 characters, a word of 2


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
    # nor are enumeration commas: 碳达峰碳中和 in one report is 碳达峰、碳中和 in the other
    bare_old, bare_new = unlisted(plain_old), unlisted(plain_new)
    added: list[FormulationChange] = []
    removed: list[FormulationChange] = []
    kept: list[FormulationChange] = []
    for text, kind in kinds.items():
        a, b = plain_old.count(text), plain_new.count(text)
        if a == 0 and b == 0:
            continue
        if a and b:
            status, target, lst = "kept", new, kept
        elif b:
            if is_calendar_variant(text, old.text) or unlisted(text) in bare_old:
                continue
            status, target, lst = "added", new, added
        else:
            if is_calendar_variant(text, new.text) or unlisted(text) in bare_new:
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
    # parallel twins in one sentence (爱国者治港、爱国者治澳) are one 提法: the first stands for both
    added, removed = _drop_twins(added), _drop_twins(removed)
    # a recurring word group is shown only where no formulation says it better
    named = [c.text for c in (*added, *removed, *kept) if c.kind != PHRASE]
    added, removed, kept = (
        [c for c in lst if c.kind != PHRASE or not _overlaps(c.text, named)]
        for lst in (added, removed, kept)
    )
    # most salient first (count weighed by shape); among equals the most newly worded (a
    # reworded old phrase such as "弘扬科学家精神" for "科学家精神" ranks below a coinage)
    added.sort(key=lambda c: _rank(c, c.new_count, plain_new, plain_old))
    removed.sort(key=lambda c: _rank(c, c.old_count, plain_old, plain_new))
    kept.sort(key=lambda c: (-(c.old_count + c.new_count), c.offset, c.text))
    return added, removed, kept


# A 提法 is a compact name (三重压力, 全国统一大市场, 两个毫不动摇) or a paired motto
# (稳字当头、稳中求进); a string of clauses (察实情、办实事、求实效) or a long description is
# worth less per use, and a recurring word group found by `recurring_phrases` less still.
_CLAUSE_MARKS = re.compile(r"[、，,；;：:]")
_COMPACT = 10  # characters: longer names read as descriptions (科技体制改革三年攻坚方案)
_SHAPE_WEIGHT = {"compact": 1.0, "clauses": 0.8, "long": 0.6, PHRASE: 0.45}
# among equals: numbered sets and codes, then names, then slogans, then word groups
_KIND_ORDER = {"numbered": 0, "code": 0, "name": 1, "slogan": 2, PHRASE: 3}


def shape(text: str, kind: str) -> str:
    """Tell the shape of a formulation: compact, clauses, long or phrase.

    Args:
        text: the formulation.
        kind: its kind.

    Returns:
        "phrase" for a word group, "compact" for a name of at most 10 characters or a pair of
        clauses of at most 4 (稳字当头、稳中求进), "clauses" for more or longer clauses, else
        "long".
    """
    if kind == PHRASE:
        return PHRASE
    clauses = [c for c in _CLAUSE_MARKS.split(unquoted(text)) if c]
    if len(clauses) > 1:
        return "compact" if len(clauses) == 2 and max(map(len, clauses)) <= 4 else "clauses"
    return "long" if len(NOT_WORDING.sub("", text)) > _COMPACT else "compact"


def salience(text: str, kind: str, count: int) -> float:
    """Weigh how much a 提法 counts in a diff: its uses times a weight for its shape.

    Args:
        text: the formulation.
        kind: its kind (numbered, code, name, slogan, phrase).
        count: its uses in the report that has it (for a string of clauses, the uses of its
            most used clause that the other report lacks: 稳增长 of 稳增长、调结构、推改革).

    Returns:
        count x weight: 1.0 for a compact name, 0.8 for clauses, 0.6 for a long text, 0.45
        for a word group (two uses rank it just below a name used once).
    """
    return count * _SHAPE_WEIGHT[shape(text, kind)]


def _uses(c: FormulationChange, count: int, plain: str, other_plain: str) -> int:
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
        -salience(c.text, c.kind, _uses(c, count, plain, other_plain)),
        _KIND_ORDER.get(c.kind, 2), -novelty(c.text, other_plain), c.offset, c.text,
    )


_NUMERALS = frozenset("一二两三四五六七八九十")


def _drop_twins(items: list[FormulationChange]) -> list[FormulationChange]:
    """Drop an item that is the parallel twin of an earlier one in the same sentence.

    Twins are named in one sentence, have the same kind and length, and are one thing said
    twice: they differ by one character (爱国者治港 and 爱国者治澳), or share their head (the
    last character) and differ in the modifier (米袋子 and 菜篮子, 北京证券交易所 and
    广州期货交易所). The first stands for both; its context shows the other. Names that share
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
    for c in sorted(items, key=lambda c: (c.offset, c.text)):
        if not any(twins(o, c) for o in out):
            out.append(c)
    return out


def _overlaps(text: str, others: Iterable[str]) -> bool:
    return any(text in o or o in text for o in others)


def _drop_wrappers(items: list[FormulationChange]) -> list[FormulationChange]:
    """Drop formulations that contain another listed one (a verb or modifier around it)."""
    texts = [c.text for c in items]
    return [c for c in items if not any(t != c.text and t in c.text for t in texts)]


