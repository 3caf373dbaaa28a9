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
from typing import Any

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
    old_forms = _formulations(p_old, notes)
    new_forms = _formulations(p_new, notes)
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


def is_calendar_variant(text: str, other_text: str = "") -> bool:
    """Tell whether `text` differs from the other report only by a year or plan number.

    Args:
        text: a term or formulation.
        other_text: the other report's text: a term with other digits in it (e.g. "G20" shaped
            like "G21") is a variant when the same shape with other digits occurs there.

    Returns:
        True for years, Five-Year-Plan numbers, anniversaries and digit variants.
    """
    if _CALENDAR.search(text):
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
            if is_calendar_variant(text, old.text):
                continue
            status, target, lst = "added", new, added
        else:
            if is_calendar_variant(text, new.text):
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
    # most used first; among equals, the most newly worded (a reworded old phrase such as
    # "弘扬科学家精神" for "科学家精神" ranks below a coinage), then by position
    added.sort(key=lambda c: (-c.new_count, -novelty(c.text, old.text), c.offset, c.text))
    removed.sort(key=lambda c: (-c.old_count, -novelty(c.text, new.text), c.offset, c.text))
    kept.sort(key=lambda c: (-(c.old_count + c.new_count), c.offset, c.text))
    return added, removed, kept


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
    stop = load_stopwords()
    vocab = {
        t.text for t in (*old.tokens, *new.tokens) if is_candidate_term(t.text, stop)
    }
    text_a, text_b = old.document.text, new.document.text
    count_a, count_b = SubstringCounter(text_a), SubstringCounter(text_b)
    vocab |= _fixed_compounds((old, new), vocab, counters=(count_a, count_b))
    size_a, size_b = len(text_a), len(text_b)
    changes: list[TermChange] = []
    for term in sorted(vocab):
        a, b = count_a.count(term), count_b.count(term)
        if a + b < min_count:
            continue
        g2 = log_likelihood(a, b, size_a, size_b)
        if abs(g2) < min_g2:
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
    order = sorted(changes, key=lambda c: (-abs(c.g2), -abs(c.log_ratio), c.term))
    return [c for c in order if c.g2 > 0], [c for c in order if c.g2 < 0]


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


def _idf() -> Callable[[str], float]:
    from policy_cli.core.keywords import load_idf

    return load_idf()


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
