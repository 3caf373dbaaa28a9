"""Stage `coined`: a document's own coined terms, said as one unit several times.

A document that coins a term names it again and again, always as the same words (智能原生,
新一代智能终端 in the State Council's opinion on 人工智能+): a compound of two words or more,
said often in the document as a whole unit (whole words at both ends, and not always inside one
longer phrase it repeats), that national text does not say (its origin is `new`: neither the
national phrase index nor the national lexicon has it) and that is no word of the general
dictionary. It names a thing: it ends in a noun, and opens with no verb, number, place, person
or function word (provincial reports repeat place + noun and verb + object compounds national
text never says: those are refused by their first word).

How often is often depends on the document's length: at least `coined_min_count` times, and at
least once every `coined_chars_per_count` characters (a 5,000-character opinion saying a term
four times coins it; a 50,000-character report saying it four times does not). Texts shorter
than `coined_min_text` (news items) are not read: what they repeat is their subject.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence

from policy_cli.core.chars import HAN
from policy_cli.core.formulations.candidate import Candidate
from policy_cli.core.formulations.options import FormulationOptions
from policy_cli.core.formulations.vocab import is_verb, words
from policy_cli.core.national import national_lexicon, said_nationally
from policy_cli.core.segment import default_tagger, general_segmenter
from policy_cli.core.tokens import Segmentation, segment_text

STAGE = "coined"
_HAN_WORD = re.compile(rf"[{HAN}]+")
_TWO_MARKED = re.compile(b"(?=\x01\x01)")  # a place whose byte and the next are 1


def find_coined(
    text: str, options: FormulationOptions, seg: Segmentation | None = None
) -> Iterator[Candidate]:
    """Yield the terms the text coins: compounds said as one unit often, unknown nationally."""
    o = options
    if len(text) < o.coined_min_text:
        return
    seg = seg or segment_text(text)
    least = max(o.coined_min_count, -(-len(text) // o.coined_chars_per_count))
    pieces = seg.pieces
    # a compound said `least` times has each of its words said that often: only runs of such
    # words are read
    often = {
        w for w, n in Counter(pieces).items() if n >= least and _HAN_WORD.fullmatch(w)
    }
    if not often:
        return
    said = _said_often(pieces, often, least, o.coined_max_words)
    if not said:
        return
    w = words()
    for gram, count in sorted(said.items()):
        if _inside_longer(gram, count, said):
            continue
        term = "".join(gram)
        if len(term) < o.coined_min_len or not _names_a_thing(term, gram, w.function_words):
            continue
        if term in national_lexicon() or said_nationally(term):
            continue  # national text says it: not this document's coinage
        if general_segmenter().knows(term):
            continue  # a word of the general dictionary
        at = _first_whole(text, term, seg)
        if at >= 0:
            yield Candidate(term, "slogan", at, stage=STAGE, rule="coined")


def _said_often(
    pieces: Sequence[str], often: set[str], least: int, most: int
) -> dict[tuple[str, ...], int]:
    """Every run of 2 to `most` pieces, each of them in `often`, said `least` times or more,
    with its count.

    Counted length by length: a run of k + 1 pieces is said no more often than its first k,
    so only the places of the runs of k said often enough are extended (a long text has
    hundreds of thousands of places where two often-said words meet).
    """
    n = len(pieces)
    flags = bytes(map(often.__contains__, pieces))  # one byte a piece: 1 where it is often said
    # the places where a run of two often-said words starts (found by re in the bytes: numpy
    # would do it as fast, but importing it costs a run ~50 ms)
    places = [m.start() for m in _TWO_MARKED.finditer(flags)]
    said: dict[tuple[str, ...], int] = {}
    size = 2
    while places and size <= most:
        runs = [tuple(pieces[i : i + size]) for i in places]
        kept = {g: c for g, c in Counter(runs).items() if c >= least}
        said.update(kept)
        places = [
            i for i, g in zip(places, runs, strict=True)
            if g in kept and i + size < n and flags[i + size]
        ]
        size += 1
    return said


def _inside_longer(gram: tuple[str, ...], count: int, said: dict[tuple[str, ...], int]) -> bool:
    """Tell whether every time `gram` is said it is inside one longer phrase said as often."""
    k = len(gram)
    for other, c in said.items():
        if len(other) > k and c >= count:
            if any(other[s : s + k] == gram for s in range(len(other) - k + 1)):
                return True
    return False


def _names_a_thing(term: str, gram: tuple[str, ...], function_words: frozenset[str]) -> bool:
    """Tell whether a compound names a thing: nouns and their modifiers only (no verb, function
    word, number or pronoun anywhere: 监察机关|采取|留置措施, 职务违法|或者|职务犯罪), its first word
    no place or person, its last a noun of two characters or more (监察机关|经 is cut from a
    clause) that does not end a department's or a place's name (市|工信局, 市政府|办公室)."""
    w = words()
    if gram[0] in function_words or is_verb(gram[0]):
        return False
    tagged = default_tagger().tag(term, False)
    if not tagged or any(tag in w.coined_inner_refused_tags for _, tag in tagged):
        return False
    if tagged[0][1].startswith(w.coined_opening_refused_tags):
        return False
    last, last_tag = tagged[-1]
    return (
        last_tag in w.coined_end_tags
        and len(last) >= 2
        and term[-1] not in w.department_ends
    )


def _first_whole(text: str, term: str, seg: Segmentation) -> int:
    """The offset of the first time `term` is said as whole words (-1 when never)."""
    at = text.find(term)
    while at >= 0:
        if seg.starts_word(at) and seg.starts_word(at + len(term)):
            return at
        at = text.find(term, at + 1)
    return -1
