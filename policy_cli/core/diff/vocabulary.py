"""Terms one report uses and the other never does: new words and compounds, dropped ones.

A new term need not be a 提法 the extractor knows, nor be said often: 低空经济 or 银发经济, said
once in a report, are news because national text has not used them before. The candidates of a
report are its terms (the keyword engineer's `document_terms`), the words it has that the other
report lacks joined to the head nouns that always follow them (低空 + 经济), recurring new
combinations of known words (经营 + 主体), and three-character mottos of one character and a word
standing as an item of a list (稳就业、稳物价). A candidate is kept when the other report never
says it (quote marks and enumeration commas aside), it is no year or plan number, no grammar word
and no word of most reports (its absence is chance wording).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from policy_cli.core.boilerplate import glossary_spans
from policy_cli.core.chars import HAN
from policy_cli.core.diff.prominence import Outline
from policy_cli.core.diff.standing import phrase_standing
from policy_cli.core.diff.text import (
    HAN_RUN,
    find_unquoted,
    is_calendar_variant,
    is_quoted,
    unlisted,
    unquoted,
)
from policy_cli.core.diff.weigh import Weights, term_factor, term_uses, weigh
from policy_cli.core.keyness import (
    ROUTINE_IDF,
    SubstringCounter,
    has_grammar_edge,
    term_weight,
)
from policy_cli.core.keywords import IdfTable, Terms, document_terms
from policy_cli.core.occurrences import find_all
from policy_cli.core.pipeline import Prepared
from policy_cli.core.segment import (
    default_segmenter,
    default_tagger,
    is_candidate_term,
    load_stopwords,
)
from policy_cli.core.tokens import Tokens
from policy_cli.models import TermNews, Token

# jieba tags of words that can head a compound term: nouns, verbal and adjectival nouns
_HEAD_TAGS = ("n", "vn", "an")
# tags of words that cannot open one: verbs, idioms, adverbs (转弱, 持之以恒, 力抓)
_NO_MODIFIER_TAGS = frozenset({"v", "vd", "vi", "vg", "i", "l", "d", "ad", "c", "p", "r"})
_VERB_TAGS = frozenset({"v", "vd", "vi", "vg"})
_ADVERB_TAGS = frozenset({"d"})  # jieba tags 特别 (特别国债) and 长期 as adverbs
_LIST_MARKS = "、，,；;：:。！？"  # around a motto item (稳就业、稳物价，)
MIN_LISTED = 4  # characters of the shortest term a list of two items can print (碳达峰、碳中和)


@dataclass(frozen=True)
class VocabularyOptions:
    """Knobs of the new-term search (every one a named, checked option)."""

    longest: int = 3  # words in a compound
    max_chars: int = 10  # characters in a compound
    min_recurring: int = 2  # uses a new combination of words known to both reports needs
    routine_idf: float = ROUTINE_IDF  # below it a word is in most reports: absence is chance

    def __post_init__(self) -> None:
        if self.longest < 1 or self.max_chars < 2 or self.min_recurring < 1:
            raise ValueError("longest >= 1, max_chars >= 2, min_recurring >= 1")


@dataclass(frozen=True)
class Candidate:
    """A term of one report that the other never says, with what it is made of."""

    term: str
    count: int  # exact uses in its report, quote marks aside
    offset: int  # first occurrence in its report's text
    parts: tuple[str, ...]  # the words it was joined from (one word: itself)


@dataclass(frozen=True)
class Side:
    """One report of a diff as the term search reads it, built once per report.

    `plain` is the text without quote marks, `counter` counts in it; `bare` is it without
    enumeration commas; `terms` are the report's candidate terms (`document_terms`).
    """

    prepared: Prepared
    plain: str
    counter: SubstringCounter
    bare: str
    terms: Terms  # (term, first Token) pairs; `terms.terms` the term strings (no Token made)
    _bare: dict[str, bool] = field(default_factory=dict)  # looked up in `bare` by `know`

    def know(self, terms: Iterable[str]) -> None:
        """Look up many terms in one pass over the text (then `says` and counts are lookups).

        Without it each long term is one scan of the text: a cost that grows with the square
        of a long report.
        """
        terms = set(terms)
        self.counter.preload(terms)
        listed = {unlisted(t) for t in terms if len(t) >= MIN_LISTED} - self._bare.keys()
        self._bare.update((t, bool(at)) for t, at in find_all(self.bare, listed).items())

    def says(self, term: str) -> bool:
        """Tell whether the report says `term` (quote marks and enumeration commas aside).

        Enumeration commas matter from four characters on (碳达峰碳中和, 碳达峰、碳中和); a
        shorter term is no list.
        """
        if term in self.counter:
            return True
        if len(term) < MIN_LISTED:
            return False
        bare = unlisted(term)
        said = self._bare.get(bare)
        return said if said is not None else bare in self.bare


def side(prepared: Prepared) -> Side:
    """Read one report for the term search: its text without its glossaries (名词解释 defines
    the terms the report uses: counted, a definition would count each term again: 联农带农
    ×5 for two uses in Yunnan's report)."""
    text = prepared.document.text
    for lo, hi in glossary_spans(prepared.document):
        text = text[:lo] + "\n" * (hi - lo) + text[hi:]
    plain = unquoted(text)
    return Side(
        prepared, plain, SubstringCounter(plain), unlisted(plain),
        document_terms(prepared.tokens),
    )


def one_sided_terms(
    mine: Side,
    other: Side,
    *,
    idf: IdfTable,
    options: VocabularyOptions | None = None,
) -> list[Candidate]:
    """Find the terms `mine` uses that `other` never does.

    Args:
        mine: the report whose terms are looked at.
        other: the report they must be absent from.
        idf: the background IDF table (part-of-speech tags and how common a word is).
        options: the search knobs (default: `VocabularyOptions()`).

    Returns:
        Candidates in order of first occurrence; a term inside a longer one with the same
        count is left out (低空 inside 低空经济).
    """
    opts = options or VocabularyOptions()
    stop = load_stopwords()

    memo: dict[str, bool] = {}

    def absent(term: str) -> bool:
        found = memo.get(term)
        if found is None:
            found = memo[term] = not other.says(term)
        return found

    found: dict[str, tuple[str, ...]] = {}
    for term in mine.terms.terms:
        found.setdefault(term, (term,))
    for name in quoted_names(mine.prepared.document.text):  # the report marks them (天问一号)
        found.setdefault(name, (name,))
    other.know(found)
    for parts in _compounds(mine.prepared.tokens, absent, mine.counter, idf, opts, other.know):
        found.setdefault("".join(parts), parts)
    one_sided = [
        (term, parts) for term, parts in found.items()
        if absent(term) and _is_term(term, parts, idf, stop, opts)
        and not is_calendar_variant(term, other.prepared.document.text)
    ]
    mine.counter.preload(term for term, _parts in one_sided)  # most terms of `found` are not
    kept: list[tuple[str, int, tuple[str, ...]]] = []
    for term, parts in one_sided:
        n = mine.counter.count(term)
        if n:
            kept.append((term, n, parts))
    # the first occurrences of all of them in one pass over the text, not one scan each
    text = mine.prepared.document.text
    starts = find_all(text, [term for term, _n, _parts in kept])
    out = [
        Candidate(term, n, starts[term][0] if starts[term] else find_unquoted(text, term), parts)
        for term, n, parts in kept
    ]
    out = _without_contained(out)
    return sorted(out, key=lambda c: (c.offset, c.term))


_QUOTED_NAME = re.compile(rf"[“「『]([{HAN}0-9A-Za-z+]{{2,12}})[”」』]")


def quoted_names(text: str) -> list[str]:
    """The short names a report prints in quote marks (“天问一号”, “两新一重”), in order."""
    return list(dict.fromkeys(m.group(1) for m in _QUOTED_NAME.finditer(text)))


def _is_term(
    term: str, parts: tuple[str, ...], idf: IdfTable, stop: frozenset[str],
    opts: VocabularyOptions,
) -> bool:
    """Tell whether a candidate can be news: a content term, not a word of most reports."""
    if len(term) < 2 or term in stop:
        return False
    if len(parts) == 1:
        if not is_candidate_term(term, stop) or not term_weight(term, idf.tag(term)):
            return False
        # a word the segmenter only guessed that opens or closes on grammar is a fragment of
        # the words around it (对庸政懒)
        if term not in idf.idf and not default_segmenter().knows(term) and has_grammar_edge(term):
            return False
        # a word of most reports missing from one of two is chance wording (原则, 时期)
        return not (term in idf.idf and idf(term) < opts.routine_idf)
    return True


def _compounds(
    tokens: Sequence[Token],
    absent: Callable[[str], bool],
    counter: SubstringCounter,
    idf: IdfTable,
    opts: VocabularyOptions,
    know: Callable[[Iterable[str]], None] = lambda _terms: None,
) -> list[tuple[str, ...]]:
    """Find runs of adjacent words that make one new term (see the module docstring).

    One pass collects the runs of 2 to `longest` adjacent words and how often each recurs;
    `know` is then told every string the rules will ask `absent` about (the words, then the
    runs that recur or open on a new word: a lookup pass over the other report each), and the
    rules look at distinct runs, not at every position.
    """
    stop = load_stopwords()
    seg = default_segmenter()
    columns = Tokens.of(tokens)
    words = columns.texts
    is_content = {w: _content(w, idf) for w in set(words)}
    content = [is_content[w] for w in words]
    joined = columns.joined()  # token k follows token k - 1 directly, in the same sentence
    # word k continues a run of content words: a content word right after the one before
    links = [c and j for c, j in zip(content, joined, strict=True)]
    found: list[tuple[str, ...]] = []  # every run at every position, counted at the end
    mottos: set[tuple[str, str]] = set()
    last = len(tokens) - 1
    for i in range(len(tokens)):
        if content[i]:
            j = i + 1
            while j <= last and j - i < opts.longest and links[j]:
                found.append(tuple(words[i : j + 1]))
                j += 1
        elif i < last and joined[i + 1] and content[i + 1] and len(words[i + 1]) == 2 \
                and _motto_char(words[i], stop):
            mottos.add((words[i], words[i + 1]))
    runs = Counter(found)  # (in order of first occurrence, as counting one by one gives)
    uses = Counter(w for w, c in zip(words, content, strict=True) if c)
    know([*uses, *("".join(m) for m in mottos)])

    def seed(word: str) -> bool:
        """A new word that can open a compound: no verb, idiom or adverb; a word the
        segmenter only guessed (新质 of 新质生产力) must have no grammar at its edges (对受,
        邮等: fragments of the words around them), even where the background's table has it
        (its reports cut 水电路气信邮等 so too)."""
        if _tag(word, idf) in _NO_MODIFIER_TAGS or not absent(word):
            return False
        return seg.knows(word) or not has_grammar_edge(word)

    heads = {w: _head(w, idf) for w in {run[-1] for run in runs}}
    seeds: dict[str, bool] = {}
    for run in runs:
        if heads[run[-1]] and run[0] not in seeds:
            seeds[run[0]] = seed(run[0])
    # the rules ask about a run only when it recurs or opens on a new word: most runs are
    # said once and open on a word both reports know
    know(
        "".join(run) for run, n in runs.items()
        if n >= opts.min_recurring or seeds.get(run[0])
    )
    out: list[tuple[str, ...]] = []
    for run, n in runs.items():
        if not heads.get(run[-1]) or len("".join(run)) > opts.max_chars:
            continue
        first = run[0]
        if seeds[first]:
            # a new word joined to the head nouns that follow it at every use (低空 + 经济);
            # one that also stands alone or before other heads (留抵退税制度) is its own term
            if n == uses[first] and all(heads.get(w) or _head(w, idf) for w in run[1:]):
                out.append(run)
        elif _modifier(first, idf) and n >= opts.min_recurring and absent("".join(run)):
            out.append(run)  # words both reports know, put together anew and recurring (经营主体)
    # two two-character words said together again and again are one four-character term,
    # verbs too (复工 + 复产, 提质 + 增效), but for a verb and its object: a clause's piece
    # (争创 + 国家, 入选 + 全国)
    out += [
        run for run, n in runs.items()
        if len(run) == 2 and len(run[0]) == len(run[1]) == 2 and n >= opts.min_recurring
        and run not in out and absent("".join(run)) and not _verb_and_object(run, idf)
    ]
    text = counter.text
    out += [m for m in sorted(mottos) if absent("".join(m)) and _listed_motto(text, "".join(m))]
    return out


def _verb_and_object(run: tuple[str, ...], idf: IdfTable) -> bool:
    """Tell whether two words are a verb and the noun it takes (争创|国家), no term."""
    first, second = (_tag(w, idf) for w in run[:2])
    return first in _VERB_TAGS and second.startswith("n")


def _tag(word: str, idf: IdfTable) -> str:
    """A word's tag in the table, else the one the segmenter's dictionary gives it said whole
    (the background's reports never say 入选 or 争创: the table has no tag for them)."""
    tag = idf.tag(word)
    if tag:
        return tag
    tagged = default_tagger().tag(word, False)
    return tagged[0][1] if len(tagged) == 1 else ""


def _modifier(word: str, idf: IdfTable) -> bool:
    """Tell whether a known word can open a recurring new combination: no verb or idiom; an
    adverb can, as a noun's modifier (特别 of 特别国债)."""
    tag = _tag(word, idf)
    return tag not in _NO_MODIFIER_TAGS or tag in _ADVERB_TAGS


@lru_cache(maxsize=1 << 16)  # the two reports of a diff share most of their words
def _content(word: str, idf: IdfTable) -> bool:
    """A word that can be part of a compound: no grammar, number or punctuation (a word of
    policy boilerplate such as 国内 can: 强大国内市场)."""
    return (
        len(word) >= 2
        and is_candidate_term(word, frozenset())
        and term_weight(word, idf.tag(word)) > 0
        and (bool(HAN_RUN.match(word)) or word.isascii())
    )


def _head(word: str, idf: IdfTable) -> bool:
    """Tell whether `word` can head a compound: a noun the background knows (新区 in 雄安新区
    too; a person's name heads nothing)."""
    tag = idf.tag(word)
    return tag in _HEAD_TAGS or (tag.startswith("n") and not tag.startswith("nr"))


def _motto_char(word: str, stop: frozenset[str]) -> bool:
    """A lone character that can open a three-character motto (稳, 保, 促): no grammar."""
    return len(word) == 1 and bool(HAN_RUN.match(word)) and word not in stop


def _listed_motto(text: str, motto: str) -> bool:
    """Tell whether `motto` stands somewhere as an item of a list (稳就业、稳物价，)."""
    at = text.find(motto)
    while at >= 0:
        before = text[at - 1] if at else "。"
        after = text[at + len(motto)] if at + len(motto) < len(text) else "。"
        if before in _LIST_MARKS and after in _LIST_MARKS and "、" in (before, after):
            return True
        at = text.find(motto, at + 1)
    return False


def _without_contained(items: list[Candidate]) -> list[Candidate]:
    """Drop a candidate inside a longer one used as often (低空 in 低空经济)."""
    present = {(c.term, c.count) for c in items}
    inside: set[tuple[str, int]] = set()
    for c in items:
        t, n = c.term, len(c.term)
        for i in range(n):
            for j in range(i + 1, n + 1):
                if j - i < n and (t[i:j], c.count) in present:
                    inside.add((t[i:j], c.count))
    return [c for c in items if (c.term, c.count) not in inside]


def term_news(
    mine: Side,
    other: Side,
    *,
    status: str,
    idf: IdfTable,
    where: Outline,
    weights: Weights,
    skip: Callable[[str, int], bool] = lambda _term, _count: False,
    options: VocabularyOptions | None = None,
) -> list[TermNews]:
    """List the terms `mine` uses and `other` never does, weighed and ranked.

    Args:
        mine: the report that says them.
        other: the report that never does.
        status: "new" (mine is the later report) or "dropped" (mine is the earlier one).
        idf: the background IDF table.
        where: the outline of `mine` (headings, overall requirements).
        weights: the knobs of the ranking.
        skip: tells a term (and its uses) to leave out: said only as part of a 提法 listed
            already, or a place name.
        options: the search knobs.

    Returns:
        The terms, heaviest first, then by first occurrence.
    """
    out: list[TermNews] = []
    for c in one_sided_terms(mine, other, idf=idf, options=options):
        if skip(c.term, c.count):
            continue
        st = phrase_standing(c.term, idf=idf, parts=c.parts)
        place = where.place(c.term)
        # a verb or adjective (决胜, 重塑, 综合运用) says how, a noun what: as keywords weigh them;
        # a word only the segmenter's guess makes (草沙 of 山水林田湖草沙) is less sure; a name
        # the report prints in quote marks (“天问一号”) it marks as one
        acting = term_weight(c.term, idf.tag(c.term)) if len(c.parts) == 1 else 1.0
        shape = (weights.word if len(c.term) <= 2 else 1.0) * (acting or 1.0) * (
            weights.guessed if _guessed(c.parts, idf) else 1.0) * (
            1.0 if is_quoted(mine.prepared.document.text, c.term, at=c.offset)
            else weights.unquoted_term
        )
        counts = (0, c.count) if status == "new" else (c.count, 0)
        out.append(
            TermNews(
                c.term, status, *counts, c.offset, _sentence(mine.prepared, c.offset),
                round(st.rarity, 4),
                st.documents, st.first_seen, place,
                weigh(term_uses(c.count, status), shape, term_factor(st, status, weights), place,
                      weights),
            )
        )
    return sorted(out, key=lambda t: (-t.weight, t.offset, t.term))


def _guessed(parts: Sequence[str], idf: IdfTable) -> bool:
    """Tell whether a word of a term is only the segmenter's guess (in no dictionary, no
    background report)."""
    seg = default_segmenter()
    return any(len(p) >= 2 and p not in idf.idf and not seg.knows(p) for p in parts)


def _sentence(prepared: Prepared, offset: int) -> str:
    sent = prepared.document.sentence_at(offset)
    return sent.text if sent else ""
