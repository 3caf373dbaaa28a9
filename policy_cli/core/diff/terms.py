"""Terms whose use rose or fell between two reports (signed log-likelihood, log2 ratio)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from policy_cli.core.diff.standing import idf_rarity
from policy_cli.core.diff.text import (
    drop_contained,
    find_unquoted,
    is_calendar_variant,
    unquoted,
)
from policy_cli.core.keyness import (
    CRITICAL_G2,
    PER,
    ROUTINE_IDF,
    SubstringCounter,
    log_likelihood,
    log_ratio,
    term_weight,
)
from policy_cli.core.keywords import Terms, document_terms
from policy_cli.core.pipeline import Prepared
from policy_cli.core.segment import is_candidate_term, load_stopwords
from policy_cli.core.similarity import background_idf
from policy_cli.core.tokens import Tokens
from policy_cli.models import TermChange, Token

if TYPE_CHECKING:
    from policy_cli.core.keywords import IdfTable

# background rarity below which a word is the boilerplate of every report: about 39 of the 57
# background reports use it (政策, 政府, 代表, 管理, 国际)
BOILERPLATE_RARITY = 0.1


def compare_terms(
    old: Prepared,
    new: Prepared,
    *,
    min_count: int = 3,
    min_g2: float = CRITICAL_G2,
    min_rarity: float = BOILERPLATE_RARITY,
    terms: tuple[Sequence[tuple[str, Token]], Sequence[tuple[str, Token]]] | None = None,
    counters: tuple[SubstringCounter, SubstringCounter] | None = None,
) -> tuple[list[TermChange], list[TermChange]]:
    """Rank the terms both reports use whose use rose or fell between them.

    The vocabulary is every candidate term of either report (same segmenter, same lexicon);
    each term is counted by exact occurrence in both full texts, quote marks aside (“放管服”改革
    says 放管服改革), as 提法 are counted. Terms that differ only by a
    year or plan number are left out, and so are terms one report never uses: they are new or
    dropped terms (`vocabulary.term_news`), not rising or falling ones.

    Args:
        old: the earlier report, segmented.
        new: the later report, segmented.
        min_count: occurrences needed in the two reports together.
        min_g2: |G2| needed.
        min_rarity: a word rarer in the background than this (`standing.idf_rarity`) is
            listed; a more common one is the boilerplate of every report (政策, 政府, 代表,
            管理): its rate moves with the length of a report's review, not with its news.
        terms: the candidate terms of each report (`document_terms`), when already found.
        counters: counters over each report's text without quote marks, when already built.

    Returns:
        (rising, falling), each sorted by |G2|, then |log ratio|, then term.
    """
    # the keyword engineer's terms: single characters glued to names, recurring compounds
    if terms is None:
        terms = (document_terms(old.tokens), document_terms(new.tokens))
    # the term strings (a `Terms` has them as a column: no Token made per term)
    vocab = {
        term for side in terms
        for term in (side.terms if isinstance(side, Terms) else (t for t, _tok in side))
    }
    idf = background_idf()
    text_a, text_b = old.document.text, new.document.text
    count_a, count_b = counters or (
        SubstringCounter(unquoted(text_a)), SubstringCounter(unquoted(text_b))
    )
    stop = load_stopwords()
    distinct = {w for p in (old, new) for w in Tokens.of(p.tokens).texts}
    words = {w for w in distinct if is_candidate_term(w, stop)}  # each word once, not each use
    vocab |= _fixed_compounds((old, new), words, counters=(count_a, count_b))
    for counter in (count_a, count_b):
        counter.preload(vocab)
    changes = [
        c for term in sorted(vocab)
        if (c := _change(term, (count_a, count_b), (text_a, text_b), idf,
                         min_count=min_count, min_g2=min_g2)) is not None
    ]
    size_a, size_b = len(count_a.text), len(count_b.text)
    changes = drop_contained(changes, key=lambda c: (c.old_count, c.new_count))
    changes = _drop_explained(changes, size_a, size_b, min_g2=min_g2, idf=idf)
    # a term one report never says is news of another kind: `vocabulary.term_news` lists it
    both = [
        c for c in changes
        if c.old_count and c.new_count and idf_rarity(c.term, idf) >= min_rarity
    ]
    order = sorted(both, key=lambda c: (-abs(c.g2), -abs(c.log_ratio), c.term))
    return [c for c in order if c.g2 > 0], [c for c in order if c.g2 < 0]


def _change(
    term: str,
    counters: tuple[SubstringCounter, SubstringCounter],
    texts: tuple[str, str],
    idf: IdfTable,
    *,
    min_count: int,
    min_g2: float,
) -> TermChange | None:
    """The change of one term between the reports, or None when it is no significant change."""
    count_a, count_b = counters
    text_a, text_b = texts
    a, b = count_a.count(term), count_b.count(term)
    if a + b < min_count:
        return None
    size_a, size_b = len(count_a.text), len(count_b.text)
    g2 = log_likelihood(a, b, size_a, size_b)
    weight = term_weight(term, idf.tag(term))
    # acting words (verbs, adjectives) need stronger evidence; grammar words none will do
    if not weight or abs(g2) * weight < min_g2:
        return None
    # a word of most reports since 1954 (原则, 时期, 建议) missing from one of two is
    # chance wording; it is listed when its rate moves while present in both
    if (a == 0 or b == 0) and idf(term) < ROUTINE_IDF:
        return None
    # a year or plan number is never news; nor is "G20" new when OLD has "G19"
    if is_calendar_variant(term, text_a if a == 0 else text_b if b == 0 else ""):
        return None
    lr = log_ratio(a, b, size_a, size_b)
    status = "new" if a == 0 else "dropped" if b == 0 else "up" if g2 > 0 else "down"
    offset = find_unquoted(text_b, term) if b else find_unquoted(text_a, term)
    return TermChange(
        term, a, b, round(a / size_a * PER, 3), round(b / size_b * PER, 3),
        round(g2, 3), round(lr, 3), status, offset,
    )


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
    found: list[tuple[str, ...]] = []  # every run at every position, counted at the end
    for p in prepared:
        toks = Tokens.of(p.tokens)
        words = toks.texts
        known = [w in vocab for w in words]
        joined = toks.joined()  # token k follows token k - 1 directly, in the same sentence
        links = [k and j for k, j in zip(known, joined, strict=True)]  # continues a run
        size = len(toks)
        for i in range(size):
            if not known[i]:
                continue
            j = i + 1
            end = min(i + longest, size)
            while j < end and links[j]:
                found.append(tuple(words[i : j + 1]))
                j += 1
    runs = Counter(found)
    repeated = sorted(r for r, n in runs.items() if n >= 2)
    for counter in counters:
        counter.preload({w for parts in repeated for w in ("".join(parts), *parts)})
    out = set()
    # a run the segmenter cut the same way only once is no unit the reports repeat
    for parts in repeated:
        whole = "".join(parts)
        counts = [c.count(whole) for c in counters]
        if sum(counts) >= 2 and all([c.count(w) for c in counters] == counts for w in parts):
            out.add(whole)
    return out


