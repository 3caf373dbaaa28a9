"""Compare two reports: formulations added/removed/kept, rising and falling terms, targets.

Counts are exact occurrences in each full text (`str.count` on `Document.text`), so an item is
never "new" only because extraction or segmentation differed between the two documents; the
segmentation (one pass per document through the shared pipeline, same segmenter and lexicon)
only proposes the vocabulary.

One module per concern: `formulations` (提法 added, removed, kept), `terms` (rising and falling
terms), `targets` (headline targets side by side), `text` (what is not wording: quote marks,
enumeration commas, years); the statistics are shared with other analyses in
`policy_cli.core.keyness` and `policy_cli.core.similarity`. The JSON schema of a diff is
`policy_cli.serialize.diff_to_dict`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from policy_cli.core import loaders
from policy_cli.core.diff.formulations import clause_uses, formulation_changes, salience_shape
from policy_cli.core.diff.headlines import rank_headlines
from policy_cli.core.diff.places import Places, places_of
from policy_cli.core.diff.prominence import Outline, outline
from policy_cli.core.diff.standing import standing
from policy_cli.core.diff.targets import compare_targets, headline_targets
from policy_cli.core.diff.terms import compare_terms
from policy_cli.core.diff.text import is_quoted, unquoted
from policy_cli.core.diff.vocabulary import Side, VocabularyOptions, side, term_news
from policy_cli.core.diff.weigh import (
    Weights,
    formulation_factor,
    marking,
    novelty,
    uses,
    weigh,
)
from policy_cli.core.keyness import CRITICAL_G2
from policy_cli.core.keywords import IdfTable
from policy_cli.core.pipeline import Prepared, prepare
from policy_cli.core.segment import Segmenter
from policy_cli.core.similarity import background_idf, similarity, unmatched_sentences
from policy_cli.core.targets import extract_targets
from policy_cli.errors import InputError, NothingToAnalyseError, UsageError
from policy_cli.models import (
    Document,
    Formulation,
    FormulationChange,
    ReportDiff,
    SentenceChange,
    TermChange,
    TermNews,
)

if TYPE_CHECKING:
    from policy_cli.core.formulations.options import FormulationOptions

__all__ = ["Weights", "diff_documents"]


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
    weights: Weights | None = None,
    vocabulary: VocabularyOptions | None = None,
    formulation_options: FormulationOptions | None = None,
) -> ReportDiff:
    """Tell what changed from the `old` report to the `new` one.

    Args:
        old: the earlier report.
        new: the later report.
        top: keep this many items per ranked list (0: all).
        min_count: a rising or falling term needs this many occurrences in the two reports.
        min_g2: a rising or falling term needs at least this |G2| (3.84: p < 0.05).
        sentences: also list the sentences of each report with no close counterpart.
        sentence_threshold: a sentence whose best cosine with the other report is below this
            has no close counterpart.
        segmenter: the segmenter to use (default: the shared one).
        weights: how a reader weighs a change, and how many headlines (default: `Weights()`).
        vocabulary: the knobs of the new-term search (default: `VocabularyOptions()`).
        formulation_options: options of the formulation extractor (a user's lexicon, stages
            switched off).

    Returns:
        The diff: headlines first, then every list sorted by its weight or score, then text.

    Raises:
        UsageError: an option out of range.
        NothingToAnalyseError: a report without text.
        InputError: the two reports are longer together than `loaders.MAX_ANALYSIS_CHARS`.
    """
    _check(old, new, top=top, min_count=min_count, min_g2=min_g2,
           sentence_threshold=sentence_threshold)
    run = _start(old, new, segmenter=segmenter, weights=weights, options=formulation_options)
    added, removed, kept = _formulation_news(run)
    # a term said only inside a 提法 shown above needs no second line
    shown = (removed[: top or None], added[: top or None])
    new_terms, dropped_terms = _term_news(run, shown, vocabulary)
    rising, falling = _moving_terms(run, min_count=min_count, min_g2=min_g2)
    targets = compare_targets(
        headline_targets(extract_targets(old)), headline_targets(extract_targets(new))
    )

    def cut(items: Sequence[Any]) -> tuple[Any, ...]:
        return tuple(items[:top] if top else items)

    sent_new, sent_old = (
        _sentences(run.prepared, threshold=sentence_threshold, top=top, idf=run.idf)
        if sentences else (None, None)
    )
    return ReportDiff(
        old=old.source,
        new=new.source,
        old_characters=len(old.text),
        new_characters=len(new.text),
        identical=old.text == new.text,
        similarity=similarity(*run.prepared, idf=run.idf),
        added=cut(added),
        removed=cut(removed),
        kept=cut(kept),
        rising=cut(rising),
        falling=cut(falling),
        targets=targets,
        sentences_new=sent_new,
        sentences_old=sent_old,
        headlines=rank_headlines(
            added, removed, new_terms, dropped_terms, targets, weights=run.weights
        ),
        new_terms=cut(new_terms),
        dropped_terms=cut(dropped_terms),
    )


@dataclass(frozen=True)
class _Run:
    """What every step of one diff reads: both reports prepared, outlined and read for terms."""

    prepared: tuple[Prepared, Prepared]  # (old, new), segmented once each
    outlines: tuple[Outline, Outline]
    sides: tuple[Side, Side]
    places: Places
    idf: IdfTable
    weights: Weights

    year: int | None  # the new report's, for national recency (see `_year_of`)


def _start(
    old: Document, new: Document, *, segmenter: Segmenter | None, weights: Weights | None,
    options: FormulationOptions | None,
) -> _Run:
    """Prepare both reports once: tokens and 提法, outlines, places, the term search's view."""
    # counts are exact occurrences in the texts, so each report is segmented on its own (the
    # segmentation only proposes the vocabulary) and its formulations come with it
    p_old = prepare(old, segmenter=segmenter, formulation_options=options)
    p_new = prepare(new, segmenter=segmenter, formulation_options=options)
    outlines = (outline(old), outline(new))
    return _Run(
        (p_old, p_new), outlines, (side(p_old), side(p_new)),
        places_of(p_old, p_new), background_idf(), weights or Weights(),
        _year_of(new, outlines[1]),
    )


def _year_of(document: Document, outlined: Outline) -> int | None:
    """The year of a report: the latest its part headings name (二、2022年…), else the year
    of the date it states (a congress report's （2017年10月18日）), else the year its head
    gives as `trend` reads it (a congress by its number: …(十四大) is of 1992); None when it
    says none of these."""
    if outlined.year is not None:
        return outlined.year
    from policy_cli.core.header import extract_header  # (its rules read only here)

    stated = extract_header(document, people=[]).date_iso  # (no speaker wanted: no people)
    if stated and stated[:4].isdigit():
        return int(stated[:4])
    from policy_cli.core.corpus import year_from_text

    return year_from_text(document.text)


def _formulation_news(
    run: _Run,
) -> tuple[list[FormulationChange], list[FormulationChange], list[FormulationChange]]:
    """The 提法 added, removed and kept, the added and removed weighed, heaviest first."""
    w, idf, year = run.weights, run.idf, run.year

    new_text = run.prepared[1].document.text

    def perennial(f: Formulation) -> bool:
        if f.origin != "national" or marking(f.kind, is_quoted(new_text, f.text), w) == 1.0:
            return False
        if f.count > w.perennial_max_count:
            return False  # an old formulation the report takes up again (简政放权 in 2014)
        st = standing(f.text, idf=idf)
        return st.lexicon and novelty(st, year, w) < w.least_novelty

    added, removed, kept = formulation_changes(*run.prepared, perennial=perennial)
    added = _weighed(added, run.sides[::-1], run.outlines[1], year, idf, w)
    removed = _weighed(removed, run.sides, run.outlines[0], year, idf, w)
    return added, removed, kept


def _moving_terms(
    run: _Run, *, min_count: int, min_g2: float
) -> tuple[list[TermChange], list[TermChange]]:
    """The terms both reports use whose use rose or fell, without the places' own names."""
    sides = run.sides
    rising, falling = compare_terms(
        *run.prepared, min_count=min_count, min_g2=min_g2,
        terms=(sides[0].terms, sides[1].terms), counters=(sides[0].counter, sides[1].counter),
    )
    def here(t: TermChange) -> bool:
        return not run.places.names_a_place(t.term, one_sided=False)

    return [t for t in rising if here(t)], [t for t in falling if here(t)]


def _check(
    old: Document, new: Document, *, top: int, min_count: int, min_g2: float,
    sentence_threshold: float,
) -> None:
    """Refuse options out of range and reports without text."""
    if top < 0 or min_count < 1 or min_g2 < 0 or not 0 <= sentence_threshold <= 1:
        raise UsageError(
            "diff options out of range: top >= 0, min_count >= 1, min_g2 >= 0, "
            "0 <= sentence_threshold <= 1"
        )
    for doc in (old, new):
        if not doc.text.strip() or not doc.sentences:
            raise NothingToAnalyseError(f"{doc.source}: no text to compare")
    size = len(old.text) + len(new.text)
    if size > loaders.MAX_ANALYSIS_CHARS:  # a diff analyses both: the limit is for the two
        raise InputError(
            f"{old.source} and {new.source}: {size:,} characters of text together, more than"
            f" the analyses take ({loaders.MAX_ANALYSIS_CHARS:,})"
        )


def _weighed(
    changes: list[FormulationChange], sides: tuple[Side, Side], where: Outline,
    year: int | None, idf: IdfTable, weights: Weights,
) -> list[FormulationChange]:
    """Give each added or removed 提法 its national standing, place and weight; heaviest first.

    `sides` are (the report that says the changes, the other). A motto counts the uses of its
    most used three-character clause the other report lacks (稳增长 of 稳增长、调结构、推改革).
    Ties keep the order `compare_formulations` gave (salience, kind, novelty, position).
    """
    out = []
    mine, other = sides
    report = mine.prepared.document.text
    for c in changes:
        # a 提法 is one name: national text knows it whole or not at all (全面节约战略 is new
        # although its words are not)
        st = standing(c.text, idf=idf)
        place = where.place(c.text)
        count = clause_uses(c, c.new_count if c.status == "added" else c.old_count,
                            mine.plain, other.plain)
        shape = salience_shape(c.text, c.kind) * marking(c.kind, is_quoted(report, c.text), weights)
        out.append(replace(
            c, rarity=round(st.rarity, 4), documents=st.documents, first_seen=st.first_seen,
            place=place,
            weight=weigh(uses(count), shape, formulation_factor(st, c.status, year, weights),
                         place, weights),
        ))
    order = {id(c): i for i, c in enumerate(out)}
    return sorted(out, key=lambda c: (-c.weight, order[id(c)]))


def _term_news(
    run: _Run,
    shown: tuple[Sequence[FormulationChange], Sequence[FormulationChange]],
    options: VocabularyOptions | None,
) -> tuple[list[TermNews], list[TermNews]]:
    """The terms NEW says and OLD never does, and the reverse.

    A term around a 提法 shown for its report (二十大胜利 around 二十大), or said only inside
    such 提法 (新时代 is listed when said outside 习近平新时代中国特色社会主义思想 too), is left
    out, and so is a place name between two places.
    """

    def skipper(forms: Sequence[FormulationChange], new: bool) -> Callable[[str, int], bool]:
        # shortest first: a 提法 can lie around a term only when it is no shorter, inside
        # one only when it is no longer (most terms are shorter than every 提法 shown)
        texts = sorted(
            ((unquoted(c.text), c.new_count if new else c.old_count) for c in forms),
            key=lambda tn: len(tn[0]),
        )
        lengths = [len(t) for t, _ in texts]

        def skip(term: str, count: int) -> bool:
            plain = unquoted(term)
            if run.places.names_a_place(term, one_sided=True):
                return True
            size = len(plain)
            if any(t in plain for t, _ in texts[: bisect_right(lengths, size)]):
                return True
            inside = sum(n for t, n in texts[bisect_left(lengths, size) :] if plain in t)
            return inside > 0 and inside >= count

        return skip

    (s_old, s_new), (o_old, o_new) = run.sides, run.outlines
    new_terms = term_news(s_new, s_old, status="new", idf=run.idf, where=o_new,
                          weights=run.weights, skip=skipper(shown[1], True), options=options)
    dropped = term_news(s_old, s_new, status="dropped", idf=run.idf, where=o_old,
                        weights=run.weights, skip=skipper(shown[0], False), options=options)
    return new_terms, dropped


def _sentences(
    prepared: tuple[Prepared, Prepared], *, threshold: float, top: int, idf: IdfTable
) -> tuple[tuple[SentenceChange, ...], tuple[SentenceChange, ...]]:
    """The `top` least similar sentences of each report, shown in document order."""
    out = []
    for unmatched in unmatched_sentences(*prepared, threshold=threshold, idf=idf):
        least = sorted(unmatched, key=lambda s: (s.similarity, s.index))
        out.append(tuple(sorted(least[:top] if top else least, key=lambda s: s.index)))
    return out[0], out[1]
