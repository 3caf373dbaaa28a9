"""The last stage, `rank`: candidates become formulations, counted and placed in the text."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from policy_cli.core.formulations.candidate import Candidate, with_evidence
from policy_cli.core.formulations.options import FormulationOptions
from policy_cli.core.formulations.pieces import (
    NUMPY_OCCURRENCES,
    QUOTES,
    said_at,
    said_at_all,
    word_edges,
)
from policy_cli.core.national import national_lexicon, said_nationally
from policy_cli.core.occurrences import find_all, non_overlapping
from policy_cli.core.phrases import canonical, key, without_quotes
from policy_cli.core.tokens import Segmentation
from policy_cli.models import Document, Formulation, Sentence

ORIGINS = ("national", "local", "new")

SORTS = ("first", "count")
# a candidate's meta key: the find a name given with an opener names (党的|基本路线), whose
# mentions are the name's too (refine.fold names it so)
SAID_AS = "said_as"
MAX_CONTEXTS = FormulationOptions().max_contexts
# the separator of a motto's parts in a canonical phrase (、), whichever a form prints
CANONICAL_SEPARATOR = canonical("，")


def rank_formulations(
    document: Document,
    candidates: Iterable[Candidate],
    options: FormulationOptions,
    *,
    sort: str = "first",
    seg: Segmentation | None = None,
) -> list[Formulation]:
    """Turn candidates into formulations and sort them ("first": document order; "count").

    With the text's segmentation `seg`, a formulation of up to `options.count_short_max`
    characters is counted only where it is not a piece of other words (`said_as_words`).
    """
    chosen = list(candidates)
    # every occurrence of every find in one pass over the text (not one scan per find)
    starts = find_said(document.text, chosen)
    counted: list[tuple[Candidate, list[int]]] = []
    edges: Any = None  # where words start, as an array, made for the first long list
    for c in chosen:
        at = starts.get(c.text, [])
        # (a name given with an opener: its mentions of the bare find are checked as that find)
        bare = said_as(c)
        short = bare if bare is not None else c.text
        if seg is not None and len(short) <= options.count_short_max:
            if edges is None and len(at) >= NUMPY_OCCURRENCES:
                edges = word_edges(seg)
            named = [s for s in at if document.text.startswith(c.text, s)] if bare else []
            own = set(named)
            rest = [s for s in at if s not in own] if own else at
            found = c.offset if bare is None else -1
            at = sorted(
                [*named, *said_as_words(document.text, seg, rest, len(short), found, edges=edges)]
            )
        counted.append((c, at))
    result = [
        to_formulation(document, c, options.max_contexts, at, options.context_max_len)
        for c, at in _variants_as_one(counted)
    ]
    if sort == "count":
        result.sort(key=lambda f: (-f.count, f.first_offset, f.text))
    else:
        result.sort(key=lambda f: (f.first_offset, f.text))
    return result


def _variants_as_one(
    counted: list[tuple[Candidate, list[int]]],
) -> list[tuple[Candidate, list[int]]]:
    """One formulation for the forms a document prints it in, which differ by separators or
    quote marks alone (不忘初心，牢记使命 and 不忘初心、牢记使命; “新农人”培育三年行动 and
    新农人培育三年行动; 增品种提品质创品牌 and 增品种、提品质、创品牌), with the mentions and the
    evidence of them all: the surer candidate (the merge stage puts it first, with its kind),
    shown in the form that parts a motto where the other runs it together, else the one with
    fewer quote marks (两个毫不动摇, not 两个“毫不动摇”). Forms parted differently are two
    formulations (和平发展、合作共赢 and 和平、发展、合作、共赢)."""
    groups: dict[str, list[int]] = {}
    out: list[tuple[Candidate, list[int]]] = []
    for c, at in counted:
        same = groups.setdefault(key(c.text), [])
        i = next((i for i in same if _parted_alike(out[i][0].text, c.text)), None)
        if i is None:
            same.append(len(out))
            out.append((c, at))
            continue
        kept, mentions = out[i]
        merged = with_evidence(kept, c)
        if _better_form(c.text, kept.text):
            merged = replace(merged, text=c.text, offset=c.offset)
        out[i] = (merged, sorted({*mentions, *at}))
    return out


def _parts(text: str) -> list[str]:
    """The parts a form's separators cut it into, without quote marks (its canonical form's)."""
    return canonical(text).split(CANONICAL_SEPARATOR)


def _parted_alike(a: str, b: str) -> bool:
    """Tell whether two forms of one key cut it at the same places, or one of them nowhere."""
    pa, pb = _parts(a), _parts(b)
    return len(pa) == 1 or len(pb) == 1 or pa == pb


def _better_form(new: str, old: str) -> bool:
    """Tell whether a form shows a formulation better than another: its parts apart (no empty
    part: 关于修改、、的决定 is a title whose inner titles were taken out), else fewer quote
    marks."""
    pn, po = _parts(new), _parts(old)
    if not all(pn):
        return False
    if len(pn) != len(po) or not all(po):
        return len(pn) > len(po) or not all(po)
    return len(without_quotes(new)[1]) < len(without_quotes(old)[1])


def said_as(c: Candidate) -> str | None:
    """The find a name given with an opener names (`SAID_AS`: 基本路线 for 党的基本路线), if any."""
    return dict(c.meta).get(SAID_AS) if c.meta else None


def find_said(
    text: str, candidates: Iterable[Candidate], names: Iterable[str] | None = None
) -> dict[str, list[int]]:
    """The start offsets of every occurrence of each name (the candidates' texts, or `names`):
    as `find_all`, and also where a name a stage joined across quote marks (“三北”工程攻坚战 ->
    三北工程攻坚战: the candidate's text is not printed at its offset) is printed as it was
    there. One pass over the text finds both."""
    chosen = list(candidates)
    wanted = [c.text for c in chosen] if names is None else list(names)
    keep = set(wanted)
    printed: dict[str, str] = {}  # a name as printed with quote marks inside -> the name
    bare_of: dict[str, str] = {}  # a name given with an opener -> the find it names (SAID_AS)
    for c in chosen:
        if c.text in keep and not text.startswith(c.text, c.offset):
            form = printed_at(text, c.text, c.offset)
            if form is not None:
                printed[form] = c.text
        if c.text in keep and (bare := said_as(c)):
            bare_of[c.text] = bare
    starts = find_all(text, [*wanted, *printed, *bare_of.values()])
    for form, name in printed.items():
        at = starts.pop(form, None)
        if at:
            starts[name] = sorted({*starts.get(name, ()), *at})
    for name, bare in bare_of.items():
        # 党的基本路线 is said where 基本路线 is said alone too (…基本理论、基本路线和…): the one
        # formulation, each mention once (not again inside its own name)
        named = starts.get(name, [])
        inside = {at + len(name) - len(bare) for at in named}
        alone = [at for at in starts.pop(bare, ()) if at not in inside]
        if alone:
            starts[name] = sorted({*named, *alone})
    return starts


def printed_at(text: str, name: str, at: int) -> str | None:
    """The name as printed from `at` on with quote marks inside (“三北”工程 for 三北工程), from
    its first character; None when the text there is not the name."""
    i, n = at, len(text)
    while i < n and text[i] in QUOTES and text[i] != name[:1]:
        i += 1
    first = i
    for ch in name:
        while i < n and text[i] != ch and text[i] in QUOTES:
            i += 1
        if i >= n or text[i] != ch:
            return None
        i += 1
    return text[first:i]


def said_as_words(
    text: str,
    seg: Segmentation,
    starts: list[int],
    size: int,
    found: int,
    *,
    edges: Any = None,
) -> list[int]:
    """The occurrences (of `size` characters) of a short name that are not pieces of other
    words (`pieces.said_at`: 强网 in 加强|网络, 五五 in 十五五 are not; 乡村振兴 in
    乡村振兴战略, one edge, is), and the one a stage found at `found`.

    From `pieces.NUMPY_OCCURRENCES` occurrences on they are checked all at once
    (`pieces.said_at_all`; `edges`: `pieces.word_edges(seg)`, when made already).
    """
    if len(starts) < NUMPY_OCCURRENCES:
        return [s for s in starts if s == found or said_at(text, seg, s, s + size)]
    said = said_at_all(text, seg, starts, size, edges)
    return [s for s, ok in zip(starts, said, strict=True) if ok or s == found]


def to_formulation(
    document: Document,
    c: Candidate,
    max_contexts: int = MAX_CONTEXTS,
    starts: list[int] | None = None,
    context_max_len: int = FormulationOptions().context_max_len,
) -> Formulation:
    """Count a candidate in the document and take up to `max_contexts` sentences around it.

    `starts` are the offsets of every occurrence of its text (found here when not given). A
    sentence longer than `context_max_len` is cut to that many characters around it.
    """
    if starts is None:
        starts = find_all(document.text, [c.text]).get(c.text, [])
    # what str.count and str.find would see (the shorter form's length, where a name's
    # mentions are also those of the find it names: 基本路线。党的基本路线 is said twice)
    bare = said_as(c)
    seen = non_overlapping(starts, len(bare or c.text))
    count = len(seen)
    first = seen[0] if seen else -1
    if bare is not None:  # (where the name itself is said first, the one its offset gives)
        first = next((at for at in seen if document.text.startswith(c.text, at)), first)
    if first < 0:
        first, count, seen = c.offset, max(count, 1), [c.offset]
    origin, first_seen = origin_of(c)
    contexts: list[str] = []
    sentences: list[str] = []  # the sentences of the contexts (one context a sentence text)
    for pos in seen:
        if len(contexts) >= max_contexts:
            break
        sent = document.sentence_at(pos)
        if sent is not None and sent.text not in sentences:
            sentences.append(sent.text)
            if document.printed:  # quoted as the document prints it
                sent = replace(sent, text=document.as_printed(sent.start, sent.text))
            contexts.append(context_around(sent, pos, len(c.text), context_max_len))
    return Formulation(
        text=c.text,
        kind=c.kind,
        count=count,
        first_offset=first,
        contexts=tuple(contexts),
        refers_to=c.refers_to,
        items=c.items,
        evidence=c.evidence,
        origin=origin,
        first_seen=first_seen,
        printed=printed if (printed := document.as_printed(first, c.text)) != c.text else "",
    )


def context_around(sent: Sentence, pos: int, size: int, longest: int) -> str:
    """Return the sentence, or where it is longer than `longest` characters, that many of it
    around text[pos:pos+size] (centred on it, as far as the sentence allows), with … where
    it was cut."""
    if len(sent.text) <= longest:
        return sent.text
    at = pos - sent.start  # the find's place in the sentence
    lo = max(0, min(at - (longest - size) // 2, len(sent.text) - longest))
    hi = lo + longest
    return ("…" if lo else "") + sent.text[lo:hi] + ("…" if hi < len(sent.text) else "")


def origin_of(c: Candidate) -> tuple[str, str | None]:
    """Where a formulation comes from: `national` (an entry of the national lexicon, with the
    date national text first uses it), `local` (the document's own, though national text says
    the phrase) or `new` (said nowhere in the national corpus: coined here, or after 2022)."""
    meta = dict(c.meta)
    first_seen = meta.get("first_seen")
    if first_seen is None:
        entry = national_lexicon().get(canonical(c.text))
        if entry is not None:
            first_seen = entry.first_seen
    if first_seen is not None:
        return "national", first_seen or None
    return ("local" if said_nationally(c.text) else "new"), None
