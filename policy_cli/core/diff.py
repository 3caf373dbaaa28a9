"""Compare two reports: formulations added/removed/kept, rising and falling terms, targets.

Counts are exact occurrences in each full text (`str.count` on `Document.text`), so an item is
never "new" only because extraction or segmentation differed between the two documents; the
segmentation (one pass per document through the shared pipeline, same segmenter and lexicon)
only proposes the vocabulary. Terms are compared with Dunning's log-likelihood G2 (the evidence) and
the log2 ratio of relative frequencies (the effect size), both reports measured in characters.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from policy_cli.core.pipeline import Prepared, prepare
from policy_cli.core.segment import Segmenter, is_candidate_term, load_stopwords
from policy_cli.errors import NothingToAnalyseError, UsageError
from policy_cli.models import (
    Document,
    Formulation,
    FormulationChange,
    ReportDiff,
    SentenceChange,
    Target,
    TargetChange,
    TermChange,
)

if TYPE_CHECKING:
    from policy_cli.core.keywords import IdfTable

CRITICAL_G2 = 3.84  # chi-square, 1 degree of freedom, p < 0.05
_PER = 10_000  # rates are per 10,000 characters

# A year, a Five-Year-Plan number or an anniversary: 2021年 -> 2022年, 十三五 -> 十四五 and
# 一百周年 are the calendar moving on, not a change of policy.
_CALENDAR = re.compile(
    r"(?<!\d)(?:1[89]|20)\d\d(?!\d)"
    r"|十[一二三四五六七八九]五|第[一二三四五六七八九十]+个五年(?:规划|计划)"
    r"|[\d一二两三四五六七八九十百]+周年"
)
_DIGITS = re.compile(r"\d+")
# a bare plan number of the 1980s-90s or of a 普法 plan: “七五”, “八五”普法规划
_PLAN_NUMBER = re.compile(r"十?[一二三四五六七八九]五")


def diff_documents(
    old: Document,
    new: Document,
    *,
    top: int = 40,
    min_count: int = 3,
    min_g2: float = CRITICAL_G2,
    sentences: bool = False,
    sentence_threshold: float = 0.3,
    segmenter: Segmenter | None = None,
) -> ReportDiff:
    """Tell what changed from the `old` report to the `new` one.

    Args:
        old: the earlier report.
        new: the later report.
        top: keep this many items per ranked list (0: all).
        min_count: a term needs this many occurrences in the two reports together.
        min_g2: a term needs at least this |G2| (3.84: p < 0.05).
        sentences: also list the sentences of each report with no close counterpart.
        sentence_threshold: a sentence whose best cosine with the other report is below this
            has no close counterpart.
        segmenter: the segmenter to use (default: the shared one).

    Returns:
        The diff, every list sorted by its score, then by text.

    Raises:
        UsageError: an option out of range.
        NothingToAnalyseError: a report without text.
    """
    if top < 0 or min_count < 1 or min_g2 < 0 or not 0 <= sentence_threshold <= 1:
        raise UsageError(
            "diff options out of range: top >= 0, min_count >= 1, min_g2 >= 0, "
            "0 <= sentence_threshold <= 1"
        )
    for doc in (old, new):
        if not doc.text.strip() or not doc.sentences:
            raise NothingToAnalyseError(f"{doc.source}: no text to compare")
    notes: list[str] = []
    # counts are exact occurrences in the texts, so each report is segmented on its own (the
    # segmentation only proposes the vocabulary) and its formulations come with it
    p_old = prepare(old, segmenter=segmenter)
    p_new = prepare(new, segmenter=segmenter)
    # the extractor's formulations, their unlisted siblings (新发展阶段 beside 新发展理念), then
    # word groups that recur as a unit in one report only
    old_forms = _formulations(p_old, notes)
    new_forms = _formulations(p_new, notes)
    known = old_forms + new_forms
    old_forms += sibling_formulations(p_old, new.text, known)
    new_forms += sibling_formulations(p_new, old.text, known)
    old_forms += recurring_phrases(p_old, new.text)
    new_forms += recurring_phrases(p_new, old.text)
    added, removed, kept = compare_formulations(old, new, old_forms, new_forms)
    rising, falling = compare_terms(p_old, p_new, min_count=min_count, min_g2=min_g2)
    weights = _idf()
    sent_new: tuple[SentenceChange, ...] | None = None
    sent_old: tuple[SentenceChange, ...] | None = None

    def cut(items: Sequence[Any]) -> tuple[Any, ...]:
        return tuple(items[:top] if top else items)

    if sentences:
        sent_new, sent_old = (
            # the `top` least similar, shown in document order
            tuple(sorted(cut(sorted(side, key=lambda s: (s.similarity, s.index))),
                         key=lambda s: s.index))
            for side in unmatched_sentences(
                p_old, p_new, threshold=sentence_threshold, idf=weights
            )
        )

    return ReportDiff(
        old=old.source,
        new=new.source,
        old_characters=len(old.text),
        new_characters=len(new.text),
        identical=old.text == new.text,
        similarity=similarity(p_old, p_new, idf=weights),
        added=cut(added),
        removed=cut(removed),
        kept=cut(kept),
        rising=cut(rising),
        falling=cut(falling),
        targets=compare_targets(_headline(_targets(old, notes)), _headline(_targets(new, notes))),
        sentences_new=sent_new,
        sentences_old=sent_old,
        notes=tuple(dict.fromkeys(notes)),
    )


# --- formulations -------------------------------------------------------------------------


def _formulations(prepared: Prepared, notes: list[str]) -> list[Formulation]:
    """The formulations the pipeline found while preparing the document (else extract them)."""
    found = getattr(prepared, "formulations", None)
    if found is not None:
        return list(found)
    try:
        from policy_cli.core.formulations import extract_formulations
    except ImportError:
        notes.append("formulations not compared: the formulation extractor is not available")
        return []
    return list(extract_formulations(prepared.document))


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
    idf = _idf()
    stop = load_stopwords()
    text = prepared.document.text
    toks = prepared.tokens
    found: dict[str, tuple[str, ...]] = {}
    for i in range(len(toks)):
        first = toks[i].text
        if (
            not is_candidate_term(first, stop)
            or not _HAN_RUN.match(first)
            or not term_weight(first, idf.tag(first))
        ):
            continue
        for j in range(i + 1, min(i + longest, len(toks))):
            prev, tok = toks[j - 1], toks[j]
            if (
                tok.sentence != prev.sentence
                or prev.start + len(prev.text) != tok.start
                or not _HAN_RUN.match(tok.text)
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
            and _varied_contexts(text, phrase)
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
    idf = _idf()
    stop = load_stopwords()
    text = _unquoted(prepared.document.text)
    other = _unquoted(other_text)
    kinds = {_unquoted(f.text): f.kind for f in known}
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
    gap = "[" + re.escape(_QUOTE_MARKS) + "]*"
    pattern = gap.join(re.escape(ch) for ch in phrase)
    return any((m.end() - len(last), last) in words for m in re.finditer(pattern, text))


_HAN_NAME = re.compile(r"[\u4e00-\u9fff]{5,7}")  # a stem of 3 to 5 characters, a word of 2


_HAN_RUN = re.compile(r"^[\u4e00-\u9fff]+$")


def _varied_contexts(text: str, phrase: str) -> bool:
    """Tell whether `phrase` has two different left and two different right neighbours."""
    left: set[str] = set()
    right: set[str] = set()
    at = text.find(phrase)
    while at >= 0:
        left.add(text[at - 1] if at else "^")
        end = at + len(phrase)
        right.add(text[end] if end < len(text) else "$")
        at = text.find(phrase, at + 1)
    return len(left) >= 2 and len(right) >= 2


def is_calendar_variant(text: str, other_text: str = "") -> bool:
    """Tell whether `text` differs from the other report only by a year or plan number.

    Args:
        text: a term or formulation.
        other_text: the other report's text: a term with other digits in it (e.g. "G20" shaped
            like "G21") is a variant when the same shape with other digits occurs there.

    Returns:
        True for years, Five-Year-Plan numbers, anniversaries and digit variants.
    """
    if _CALENDAR.search(text) or _PLAN_NUMBER.fullmatch(text):
        return True
    if other_text and _DIGITS.search(text):
        pattern = _DIGITS.sub(lambda _m: r"\d+", re.escape(text))
        return re.search(pattern, other_text) is not None
    return False


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
        text = _unquoted(f.text)
        if text and text not in kinds:
            kinds[text] = f.kind
    plain_old, plain_new = _unquoted(old.text), _unquoted(new.text)
    # nor are enumeration commas: 碳达峰碳中和 in one report is 碳达峰、碳中和 in the other
    bare_old, bare_new = _unlisted(plain_old), _unlisted(plain_new)
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
            if is_calendar_variant(text, old.text) or _unlisted(text) in bare_old:
                continue
            status, target, lst = "added", new, added
        else:
            if is_calendar_variant(text, new.text) or _unlisted(text) in bare_new:
                continue
            status, target, lst = "removed", old, removed
        offset = _find_unquoted(target.text, text)
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


PHRASE = "phrase"  # kind of a recurring word group found by `recurring_phrases`

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
    clauses = [c for c in _CLAUSE_MARKS.split(_unquoted(text)) if c]
    if len(clauses) > 1:
        return "compact" if len(clauses) == 2 and max(map(len, clauses)) <= 4 else "clauses"
    return "long" if len(_NOT_WORDING.sub("", text)) > _COMPACT else "compact"


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


def _unlisted(text: str) -> str:
    return text.replace("、", "")


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


_QUOTE_MARKS = "“”‘’\"'「」『』"
_UNQUOTE = str.maketrans("", "", _QUOTE_MARKS)


def _unquoted(text: str) -> str:
    return text.translate(_UNQUOTE)


def _find_unquoted(text: str, phrase: str) -> int:
    """Offset in `text` of `phrase`, quote marks inside the text allowed between its characters."""
    at = text.find(phrase)
    if at >= 0:
        return at
    gap = "[" + re.escape(_QUOTE_MARKS) + "]*"
    m = re.search(gap.join(re.escape(ch) for ch in phrase), text)
    return m.start() if m else -1


_NOT_WORDING = re.compile(r"[\s、，,·“”\"'‘’《》（）()]")


def novelty(text: str, other_text: str) -> float:
    """Return the share of `text` not covered by its longest substring found in `other_text`.

    Args:
        text: a formulation.
        other_text: the other report.

    Returns:
        1.0 when not even one of its characters occurs in the other report, 0.0 when all of
        it does (punctuation ignored).
    """
    core = _NOT_WORDING.sub("", text)
    n = len(core)
    for length in range(n, 0, -1):
        if any(core[i : i + length] in other_text for i in range(n - length + 1)):
            return 1.0 - length / n
    return 1.0


def _drop_wrappers(items: list[FormulationChange]) -> list[FormulationChange]:
    """Drop formulations that contain another listed one (a verb or modifier around it)."""
    texts = [c.text for c in items]
    return [c for c in items if not any(t != c.text and t in c.text for t in texts)]


def _drop_contained(items: list[Any], *, key: Callable[[Any], Any]) -> list[Any]:
    """Drop items whose text lies inside a longer item with the same counts."""
    name = "text" if items and hasattr(items[0], "text") else "term"
    by_key: dict[Any, list[str]] = {}
    for it in items:
        by_key.setdefault(key(it), []).append(getattr(it, name))
    out = []
    for it in items:
        t = getattr(it, name)
        if not any(t != o and t in o for o in by_key[key(it)]):
            out.append(it)
    return out


# --- terms ---


class SubstringCounter:
    """Count exact occurrences of many short strings in one text (as `str.count` does).

    Substrings of each needed length are tallied once, which is much faster than one scan of
    the text per term; strings that can overlap themselves ("哈哈") fall back to `str.count`.
    """

    TALLIED = 4  # most terms are 2-4 characters; longer ones are rarer: one scan each

    def __init__(self, text: str) -> None:
        self.text = text
        self._by_length: dict[int, Counter[str]] = {}

    def count(self, term: str) -> int:
        """Return `text.count(term)`."""
        n = len(term)
        if n == 0 or n > self.TALLIED:
            return self.text.count(term)
        table = self._by_length.get(n)
        if table is None:
            text = self.text
            table = Counter(text[i : i + n] for i in range(len(text) - n + 1))
            self._by_length[n] = table
        found = table.get(term, 0)
        if found > 1 and any(term[:k] == term[-k:] for k in range(1, n)):
            return self.text.count(term)  # overlapping matches are not counted by str.count
        return found


def log_likelihood(a: int, b: int, size_a: int, size_b: int) -> float:
    """Return Dunning's signed log-likelihood G2 of a count `a` in A against `b` in B.

    Args:
        a: occurrences in the old corpus A.
        b: occurrences in the new corpus B.
        size_a: size of A (characters or tokens: only the ratio of the sizes matters).
        size_b: size of B.

    Returns:
        G2 >= 0 when the relative frequency rose from A to B, negative when it fell.
    """
    if size_a <= 0 or size_b <= 0:
        raise ValueError("corpus sizes must be positive")
    total = a + b
    if total == 0:
        return 0.0
    e_a = size_a * total / (size_a + size_b)
    e_b = size_b * total / (size_a + size_b)
    g2 = 2.0 * sum(o * math.log(o / e) for o, e in ((a, e_a), (b, e_b)) if o > 0)
    sign = 1.0 if b / size_b >= a / size_a else -1.0
    return sign * max(g2, 0.0)


def log_ratio(a: int, b: int, size_a: int, size_b: int) -> float:
    """Return log2 of the relative-frequency ratio B/A, with 0.5 for a zero count.

    Args:
        a: occurrences in the old corpus A.
        b: occurrences in the new corpus B.
        size_a: size of A.
        size_b: size of B.

    Returns:
        log2((b / size_b) / (a / size_a)).
    """
    if size_a <= 0 or size_b <= 0:
        raise ValueError("corpus sizes must be positive")
    return math.log2(((b or 0.5) / size_b) / ((a or 0.5) / size_a))


def compare_terms(
    old: Prepared, new: Prepared, *, min_count: int = 3, min_g2: float = CRITICAL_G2
) -> tuple[list[TermChange], list[TermChange]]:
    """Rank the terms whose use rose and fell between two segmented reports.

    The vocabulary is every candidate term of either report (same segmenter, same lexicon);
    each term is counted by exact occurrence in both full texts. Terms that differ only by a
    year or plan number are left out.

    Args:
        old: the earlier report, segmented.
        new: the later report, segmented.
        min_count: occurrences needed in the two reports together.
        min_g2: |G2| needed.

    Returns:
        (rising, falling), each sorted by |G2|, then |log ratio|, then term.
    """
    from policy_cli.core.keywords import document_terms

    # the keyword engineer's terms: single characters glued to names, recurring compounds
    vocab = {term for p in (old, new) for term, _tok in document_terms(p.tokens)}
    idf = _idf()
    text_a, text_b = old.document.text, new.document.text
    count_a, count_b = SubstringCounter(text_a), SubstringCounter(text_b)
    stop = load_stopwords()
    words = {t.text for p in (old, new) for t in p.tokens if is_candidate_term(t.text, stop)}
    vocab |= _fixed_compounds((old, new), words, counters=(count_a, count_b))
    size_a, size_b = len(text_a), len(text_b)
    changes: list[TermChange] = []
    for term in sorted(vocab):
        a, b = count_a.count(term), count_b.count(term)
        if a + b < min_count:
            continue
        g2 = log_likelihood(a, b, size_a, size_b)
        weight = term_weight(term, idf.tag(term))
        # acting words (verbs, adjectives) need stronger evidence; grammar words none will do
        if not weight or abs(g2) * weight < min_g2:
            continue
        # a word of most reports since 1954 (原则, 时期, 建议) missing from one of two is
        # chance wording; it is listed when its rate moves while present in both
        if (a == 0 or b == 0) and idf(term) < ROUTINE_IDF:
            continue
        # a year or plan number is never news; nor is "G20" new when OLD has "G19"
        if is_calendar_variant(term, text_a if a == 0 else text_b if b == 0 else ""):
            continue
        lr = log_ratio(a, b, size_a, size_b)
        status = "new" if a == 0 else "dropped" if b == 0 else "up" if g2 > 0 else "down"
        offset = text_b.find(term) if b else text_a.find(term)
        changes.append(
            TermChange(
                term, a, b, round(a / size_a * _PER, 3), round(b / size_b * _PER, 3),
                round(g2, 3), round(lr, 3), status, offset,
            )
        )
    changes = _drop_contained(changes, key=lambda c: (c.old_count, c.new_count))
    changes = _drop_explained(changes, size_a, size_b, min_g2=min_g2, idf=idf)
    order = sorted(changes, key=lambda c: (-abs(c.g2), -abs(c.log_ratio), c.term))
    return [c for c in order if c.g2 > 0], [c for c in order if c.g2 < 0]


def _drop_explained(
    changes: list[TermChange], size_a: int, size_b: int, *, min_g2: float, idf: IdfTable
) -> list[TermChange]:
    """Drop terms listed only because longer listed terms contain them (主体 in 市场主体).

    The occurrences of a term outside the longer listed terms that contain it must still
    make a significant change on their own.
    """
    kept = []
    for c in changes:
        longer = [o for o in changes if c.term in o.term and o.term != c.term]
        longest = [o for o in longer if not any(o.term in x.term and o is not x for x in longer)]
        if longest:
            a = max(0, c.old_count - sum(o.old_count for o in longest))
            b = max(0, c.new_count - sum(o.new_count for o in longest))
            g2 = log_likelihood(a, b, size_a, size_b)
            if abs(g2) * term_weight(c.term, idf.tag(c.term)) < min_g2 or (g2 > 0) != (c.g2 > 0):
                continue
        kept.append(c)
    return kept


# background IDF below which a word is routine: used in about two thirds of the reports
ROUTINE_IDF = 1.45

# jieba tags of background words (kept in the IDF table): adverbs, conjunctions, numerals,
# measure words, pronouns, prepositions, particles, time and place words say how, not what
_GRAMMAR_TAGS = frozenset({"d", "ad", "vd", "c", "m", "mq", "q", "r", "p", "u", "uj", "ul", "ud",
                           "ug", "uv", "uz", "t", "tg", "f", "y", "e", "o", "z", "zg", "dg"})
# verbs, adjectives and idioms act or describe: they count, with a weaker voice
_ACTING_TAGS = frozenset({"v", "a", "i", "vi", "ag", "vg", "vq"})
ACTING_WEIGHT = 0.6  # as the keyword ranking weighs them: G2 x 0.6 must pass the threshold
# characters of grammar that make a two-character token a fragment (要用, 有所, 这一, 高于)
_GRAMMAR_EDGE = frozenset("要有这那很于以将应可会能已就都也还把被让所其之该此")


def term_weight(term: str, tag: str) -> float:
    """Weigh a term's evidence by what kind of word it is (0: never a content term).

    Args:
        term: a term.
        tag: its jieba part-of-speech tag in the background corpus ("" when unknown).

    Returns:
        1.0 for names and nouns, `ACTING_WEIGHT` for verbs, adjectives and idioms, 0.0 for
        grammar words (adverbs, numerals, pronouns, time words...) and two-character
        fragments that open or close on a grammar character.
    """
    if tag in _GRAMMAR_TAGS:
        return 0.0
    if len(term) == 2 and (term[0] in _GRAMMAR_EDGE or term[1] in _GRAMMAR_EDGE) and not (
        tag.startswith("n") and tag != "n"  # a name: 有色 aside, 于都 is a county
    ):
        return 0.0
    return ACTING_WEIGHT if tag in _ACTING_TAGS else 1.0


def _fixed_compounds(
    prepared: Sequence[Prepared],
    vocab: set[str],
    *,
    counters: Sequence[SubstringCounter],
    longest: int = 4,
) -> set[str]:
    """Runs of adjacent candidate terms whose parts never occur apart (新冠 + 肺炎): one term.

    The parts then have the same counts as the compound and are dropped as contained in it.
    """
    runs: set[tuple[str, ...]] = set()
    for p in prepared:
        toks = p.tokens
        for i in range(len(toks)):
            for j in range(i + 1, min(i + longest, len(toks))):
                prev, tok = toks[j - 1], toks[j]
                if (
                    tok.sentence != prev.sentence
                    or prev.start + len(prev.text) != tok.start
                    or prev.text not in vocab
                    or tok.text not in vocab
                ):
                    break
                runs.add(tuple(t.text for t in toks[i : j + 1]))
    out = set()
    for parts in sorted(runs):
        whole = "".join(parts)
        counts = [c.count(whole) for c in counters]
        if sum(counts) >= 2 and all([c.count(w) for c in counters] == counts for w in parts):
            out.add(whole)
    return out


# --- targets ------------------------------------------------------------------------------


def _targets(doc: Document, notes: list[str]) -> list[Target]:
    try:
        from policy_cli.core.targets import extract_targets
    except ImportError:
        notes.append("targets not compared: the target extractor is not available")
        return []
    return list(extract_targets(doc))


def _headline(targets: list[Target]) -> list[Target]:
    """The headline targets when the extractor marks them, else every target."""
    core = [t for t in targets if getattr(t, "core", False)]
    return core or targets


def compare_targets(old: Iterable[Target], new: Iterable[Target]) -> tuple[TargetChange, ...]:
    """Join the targets of two reports on their indicator, new report's order first.

    Args:
        old: targets of the earlier report.
        new: targets of the later report.

    Returns:
        One row per indicator (the first target stated for it in each report).
    """
    first_old: dict[str, Target] = {}
    for t in old:
        first_old.setdefault(t.indicator, t)
    first_new: dict[str, Target] = {}
    for t in new:
        first_new.setdefault(t.indicator, t)
    rows = []
    for ind in [*first_new, *(i for i in first_old if i not in first_new)]:
        o, n = first_old.get(ind), first_new.get(ind)
        ov, nv = (o.value if o else None), (n.value if n else None)
        rows.append(
            TargetChange(
                ind, ov, nv, _norm_value(ov) != _norm_value(nv),
                o.text if o else None, n.text if n else None,
            )
        )
    return tuple(rows)


def _norm_value(value: str | None) -> str | None:
    return None if value is None else re.sub(r"[\s“”\"'‘’]", "", value)


# --- similarity ---------------------------------------------------------------------------


def _idf() -> IdfTable:
    # two reports are compared: how routine a word is in a report, not in the news
    from policy_cli.core.keywords import load_report_idf

    return load_report_idf()


def _term_lists(prepared: Prepared) -> dict[int, list[str]]:
    """Candidate terms of each sentence (by sentence index)."""
    stop = load_stopwords()
    out: dict[int, list[str]] = {s.index: [] for s in prepared.document.sentences}
    for tok in prepared.tokens:
        if is_candidate_term(tok.text, stop):
            out.setdefault(tok.sentence, []).append(tok.text)
    return out


def _vectors(groups: Sequence[Sequence[str]], idf: Callable[[str], float]) -> Any:
    """L2-normalised TF-IDF rows (background IDF) of token lists, over a shared vocabulary."""
    import numpy as np
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.preprocessing import normalize

    vec = CountVectorizer(analyzer=_identity, lowercase=False)
    counts = vec.fit_transform(groups)
    weights = np.array([idf(t) for t in vec.get_feature_names_out()], dtype=float)
    return normalize(counts.multiply(weights).tocsr())


def _identity(tokens: Sequence[str]) -> Sequence[str]:
    return tokens


def similarity(
    old: Prepared, new: Prepared, *, idf: Callable[[str], float] | None = None
) -> float:
    """Return the TF-IDF cosine of two segmented reports (1.0 for the same text).

    Term frequencies are counts of candidate terms; IDF comes from the background corpus of
    national reports, so boilerplate shared by every report weighs little.

    Args:
        old: one report, segmented.
        new: the other, segmented.
        idf: a term -> IDF function (default: the bundled background IDF).

    Returns:
        The cosine in [0, 1], rounded to 4 places.
    """
    weights = idf or _idf()
    stop = load_stopwords()
    groups = [
        [t.text for t in p.tokens if is_candidate_term(t.text, stop)] for p in (old, new)
    ]
    if not groups[0] or not groups[1]:  # no terms to weigh: only the texts can be compared
        return 1.0 if old.document.text == new.document.text else 0.0
    # two vectors: plain dicts, so that a diff needs no scikit-learn import (0.7 s to seconds)
    a, b = (_unit_tfidf(g, weights) for g in groups)
    return round(min(1.0, sum(w * b[t] for t, w in a.items() if t in b)), 4)


def _unit_tfidf(terms: Sequence[str], idf: Callable[[str], float]) -> dict[str, float]:
    """Return the L2-normalised count x IDF vector of a list of terms."""
    weights = {t: n * idf(t) for t, n in Counter(terms).items()}
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    return {t: w / norm for t, w in weights.items()}


def unmatched_sentences(
    old: Prepared,
    new: Prepared,
    *,
    threshold: float = 0.3,
    min_terms: int = 3,
    idf: Callable[[str], float] | None = None,
) -> tuple[tuple[SentenceChange, ...], tuple[SentenceChange, ...]]:
    """Find the sentences of each report with no close counterpart in the other.

    Args:
        old: the earlier report, segmented.
        new: the later report, segmented.
        threshold: best TF-IDF cosine below which a sentence has no counterpart.
        min_terms: sentences with fewer candidate terms (headings, fragments) are skipped.
        idf: a term -> IDF function (default: the bundled background IDF).

    Returns:
        (sentences of NEW without counterpart, sentences of OLD without counterpart), in
        document order, each with the closest sentence and its terms absent from the other.
    """
    weights = idf or _idf()
    terms_old, terms_new = _term_lists(old), _term_lists(new)
    s_old = [s for s in old.document.sentences if len(terms_old[s.index]) >= min_terms]
    s_new = [s for s in new.document.sentences if len(terms_new[s.index]) >= min_terms]
    if not s_old or not s_new:
        return (), ()
    x = _vectors([terms_old[s.index] for s in s_old] + [terms_new[s.index] for s in s_new], weights)
    sims = (x[len(s_old) :] @ x[: len(s_old)].T).toarray()  # rows: new, columns: old

    def pick(rows: Any, mine: list[Any], theirs: list[Any], terms: dict[int, list[str]],
             other: str) -> tuple[SentenceChange, ...]:
        out = []
        for i, s in enumerate(mine):
            j = int(rows[i].argmax())
            best = float(rows[i, j])
            if best >= threshold:
                continue
            fresh = tuple(dict.fromkeys(t for t in terms[s.index] if t not in other))
            out.append(
                SentenceChange(s.index, s.start, s.text, round(best, 4),
                               theirs[j].text if best > 0 else "", fresh)
            )
        return tuple(out)

    return (
        pick(sims, s_new, s_old, terms_new, old.document.text),
        pick(sims.T, s_old, s_new, terms_old, new.document.text),
    )


# --- output -------------------------------------------------------------------------------


def diff_to_dict(diff: ReportDiff) -> dict[str, Any]:
    """Return the diff as plain JSON-ready data (the `--format json` schema).

    Args:
        diff: a result of `diff_documents`.

    Returns:
        A dict with keys old, new, similarity, identical, formulations {added, removed, kept},
        terms {rising, falling}, targets, sentences (None unless asked for) and notes.
    """

    def form(c: FormulationChange) -> dict[str, Any]:
        return {
            "text": c.text, "kind": c.kind, "old_count": c.old_count, "new_count": c.new_count,
            "status": c.status, "offset": c.offset, "context": c.context,
        }

    def term(c: TermChange) -> dict[str, Any]:
        return {
            "term": c.term, "old_count": c.old_count, "new_count": c.new_count,
            "old_rate": c.old_rate, "new_rate": c.new_rate, "g2": c.g2,
            "log_ratio": c.log_ratio, "status": c.status, "offset": c.offset,
        }

    def sent(c: SentenceChange) -> dict[str, Any]:
        return {
            "text": c.text, "index": c.index, "offset": c.offset, "similarity": c.similarity,
            "closest": c.counterpart, "new_words": list(c.new_words),
        }

    sentences = None
    if diff.sentences_new is not None and diff.sentences_old is not None:
        sentences = {
            "only_in_new": [sent(s) for s in diff.sentences_new],
            "only_in_old": [sent(s) for s in diff.sentences_old],
        }
    return {
        "old": diff.old,
        "new": diff.new,
        "old_characters": diff.old_characters,
        "new_characters": diff.new_characters,
        "identical": diff.identical,
        "similarity": diff.similarity,
        "formulations": {
            "added": [form(c) for c in diff.added],
            "removed": [form(c) for c in diff.removed],
            "kept": [form(c) for c in diff.kept],
        },
        "terms": {
            "rising": [term(c) for c in diff.rising],
            "falling": [term(c) for c in diff.falling],
        },
        "targets": [
            {
                "indicator": t.indicator, "old_value": t.old_value, "new_value": t.new_value,
                "changed": t.changed, "old_text": t.old_text, "new_text": t.new_text,
            }
            for t in diff.targets
        ],
        "sentences": sentences,
        "notes": list(diff.notes),
    }
