"""The one segmentation of a document, shared by every analysis of a run.

`segment_document` cuts every sentence once (with the part of speech of each word); the
analyses then ask the result, never the segmenter: the words of a stretch of text
(`Segmentation.words`), whether a word starts at a place (`starts_word`), the tagged words of
a sentence (`tagged`), and the tokens with some strings kept whole (`tokens(protect=...)`,
for keywords: a formulation or a name that is one word).

Segmentation is local: jieba and jieba-rs cut each run of Chinese characters, letters and
digits on its own, so the words of a stretch that starts and ends at such edges are the words
the segmenter gives the stretch alone. A stretch that starts or ends inside a word gets the
piece of that word inside it.
"""

from __future__ import annotations

import sys
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import accumulate, chain, compress, islice, repeat
from typing import TYPE_CHECKING, Any, overload

from policy_cli.models import Document, Sentence, Token

if TYPE_CHECKING:
    from policy_cli.core.segment import Segmenter

GAP_TAG = "x"  # the text between sentences (line breaks, spaces): one piece, no word
# the type of the offset and sentence columns: 4-byte integers (a document is at most
# `loaders.MAX_DOCUMENT_CHARS` = 10 M characters; 8-byte ones cost 40 MB a column there)
COLUMN = "i"
# from this many pieces on, the pieces of each sentence are found with numpy (10 M
# characters, 6 M pieces: ~1 s piece by piece)
NUMPY_PIECES = 200_000
# from this many characters on, the protected strings of `Segmentation.tokens` are found in
# one pass over the whole text (ahocorasick-rs), not one pyahocorasick pass per sentence
# (10 M characters: ~400 k sentences, each a Python iteration and a sort)
WHOLE_TEXT_SPANS = 100_000
# Up to this many characters, a text cut without tags is cut whole in one call of the
# segmenter and the pieces of each sentence taken from that cut, when every sentence starts
# and ends beside a character that separates jieba's blocks (`_SEPARATORS`): jieba and
# jieba-rs cut a text block by block (runs of Chinese characters, letters and digits), each
# block alone, so the pieces are the sentence-by-sentence ones (a news item of ~10
# sentences: 0.09 -> 0.06 ms in the segmenter). A longer text is cut sentence by sentence
# (one list of all its pieces at once would be copied again).
WHOLE_TEXT_CUT = 100_000
# from this many characters on, a text's offset and sentence columns are made by numpy from
# its pieces (10 M characters, 5.5 M pieces: ~0.6 s of extending them sentence by sentence)
NUMPY_SEGMENT_CHARS = 200_000
# characters outside every block jieba and jieba-rs cut (their blocks are Chinese
# characters, ASCII letters and digits and +#&._%-; whitespace is cut alone, except \r\n)
_SEPARATORS = frozenset("\n \t\u3000。，、；：？！…—“”‘’（）《》〈〉【】「」『』·,;:?!()")


@dataclass(frozen=True)
class Segmentation:
    """A text cut into pieces that cover it exactly, each with its offset, tag and sentence.

    `sentence` is the index of the piece's sentence in `Document.sentences` (-1 for the
    whitespace between sentences).
    """

    text: str
    pieces: tuple[str, ...]
    starts: Sequence[int]  # machine integers (array): a long document has millions of pieces
    tags: tuple[str, ...]
    sentence: Sequence[int]

    def words(self, start: int, end: int) -> list[str]:
        """The pieces that cover text[start:end], a piece that crosses either edge cut there."""
        start, end = max(0, start), min(len(self.text), end)
        if start >= end:
            return []
        starts = self.starts
        i = bisect_right(starts, start) - 1  # the piece at start (the first starts at 0)
        j = bisect_left(starts, end, i)  # the first piece from end on
        out = list(self.pieces[i:j])
        lo, piece = starts[i], out[0]
        if lo < start or lo + len(piece) > end:
            out[0] = piece[start - lo : end - lo]
        lo, piece = starts[j - 1], out[-1]
        if j - 1 > i and lo + len(piece) > end:
            out[-1] = piece[: end - lo]
        return out

    @property
    def has_tags(self) -> bool:
        """Whether every piece carries its part of speech (`segment_document(tags=True)`)."""
        return len(self.tags) == len(self.pieces)

    def starts_word(self, pos: int) -> bool:
        """Tell whether a piece starts at `pos` (the end of the text counts)."""
        if pos >= len(self.text):
            return pos == len(self.text)
        i = bisect_right(self.starts, pos) - 1
        return i >= 0 and self.starts[i] == pos

    def tagged(self, sentence: int) -> list[tuple[int, str, str]]:
        """The (offset, word, tag) of every piece of a sentence, in order.

        Raises:
            ValueError: the segmentation was made without tags.
        """
        if not self.has_tags:
            raise ValueError("this segmentation has no tags (segment_document(tags=True))")
        lo, hi = self._ranges.get(sentence, (0, 0))
        return [(self.starts[i], self.pieces[i], self.tags[i]) for i in range(lo, hi)]

    @cached_property
    def _ranges(self) -> dict[int, tuple[int, int]]:
        """Sentence index -> the range of its pieces (in order: a sentence's pieces follow
        each other)."""
        out: dict[int, tuple[int, int]] = {}
        column = self.sentence
        if isinstance(column, array) and len(column) >= NUMPY_PIECES:
            # run by run, not piece by piece: the runs' edges found by numpy (no copy)
            import numpy as np

            values = np.frombuffer(column, dtype=column.typecode)
            edges = (np.flatnonzero(values[1:] != values[:-1]) + 1).tolist()
            firsts = [0, *edges]
            for k, i, j in zip(values[firsts].tolist(), firsts, [*edges, len(values)], strict=True):
                lo, _ = out.get(k, (i, i))
                out[k] = (lo, j)
            return out
        for i, k in enumerate(column):
            lo, _ = out.get(k, (i, i))
            out[k] = (lo, i + 1)
        return out

    def tokens(self, *, protect: Sequence[str] = ()) -> Tokens:
        """The tokens of the sentences (whitespace left out), each string of `protect` that
        occurs in a sentence kept as one token: the pieces inside it are merged, and a piece
        that crosses its edge is cut there.

        They are kept as columns (`Tokens`), not as a `Token` object each: a 10 M-character
        document has 5 M tokens, ~110 bytes each as objects with their offsets."""
        from policy_cli.core.segment import _protect_automaton, spans_of

        long = bool(protect) and len(self.text) >= WHOLE_TEXT_SPANS
        if long and len(self.pieces) >= NUMPY_PIECES:
            columns = _tokens_by_arrays(self, protect)
            if columns is not None:
                return columns
        in_text = _SpansInText(self.text, protect) if long else None  # the same spans
        # one automaton for every sentence (looking it up by the tuple of strings hashes it)
        automaton = _protect_automaton(tuple(protect)) if protect and not long else None
        same: dict[str, str] = {}  # one string object per distinct merged word
        texts: list[str] = []
        starts = array(COLUMN)
        sentences = array(COLUMN)
        pieces, offsets, text = self.pieces, self.starts, self.text
        for k, (i, j) in self._ranges.items():
            if k < 0:
                continue
            lo = offsets[i]
            hi = offsets[j] if j < len(offsets) else len(text)
            if in_text is not None:
                spans = in_text.spans(lo, hi)
            elif automaton is not None:
                spans = [(lo + a, lo + b) for a, b in spans_of(text[lo:hi], automaton)]
            else:
                spans = []
            if spans:
                self._cut_at_spans(i, j, k, spans, same, (texts, starts, sentences))
            elif any(map(str.isspace, pieces[i:j])):
                kept = [q for q in range(i, j) if not pieces[q].isspace()]
                texts.extend(pieces[q] for q in kept)
                starts.extend(offsets[q] for q in kept)
                sentences.extend(repeat(k, len(kept)))
            else:  # the pieces as they are, in bulk
                texts.extend(pieces[i:j])
                starts.extend(offsets[i:j])
                sentences.extend(repeat(k, j - i))
        return Tokens(texts, starts, sentences)

    def _cut_at_spans(
        self, i: int, j: int, k: int, spans: list[tuple[int, int]], same: dict[str, str],
        out: tuple[list[str], array[int], array[int]],
    ) -> None:
        """Add the tokens of sentence `k` (pieces i..j) to the columns `out`, each span (sorted,
        apart) one token: the text is cut at the pieces' edges outside the spans and at the
        spans' edges (what `_merge` does piece by piece), the whole pieces between the spans
        copied in slices."""
        pieces, offsets, text = self.pieces, self.starts, self.text
        texts, starts, sentences = out
        one = same.setdefault

        def end_of(m: int) -> int:
            return offsets[m + 1] if m + 1 < len(offsets) else len(text)

        def piece(m: int, lo: int, hi: int) -> None:  # text[lo:hi] in piece m (whole or a part)
            # a whole piece is already one string per word (`segment_document` interns them)
            if offsets[m] == lo and end_of(m) == hi:
                p = pieces[m]
            else:
                p = text[lo:hi]
                p = one(p, p)
            if not p.isspace():
                texts.append(p)
                starts.append(lo)
                sentences.append(k)

        def fill(pos: int, end: int) -> None:  # [pos, end) cut at the pieces' starts
            if pos >= end:
                return
            first = bisect_right(offsets, pos, i, j)  # the first piece starting after pos
            last = bisect_left(offsets, end, i, j)  # the first piece starting at end or later
            if first >= last:
                piece(first - 1, pos, end)
                return
            piece(first - 1, pos, offsets[first])
            whole = pieces[first : last - 1]
            if any(map(str.isspace, whole)):
                for m in range(first, last - 1):
                    piece(m, offsets[m], offsets[m + 1])
            else:
                texts.extend(whole)
                starts.extend(offsets[first : last - 1])
                sentences.extend(repeat(k, len(whole)))
            piece(last - 1, offsets[last - 1], end)

        pos = offsets[i]
        for a, b in spans:
            fill(pos, a)
            span = text[a:b]
            texts.append(one(span, span))
            starts.append(a)
            sentences.append(k)
            pos = b
        fill(pos, end_of(j - 1))


def _tokens_by_arrays(seg: Segmentation, protect: Sequence[str]) -> Tokens | None:
    """`Segmentation.tokens` of a long text on numpy arrays, or None where it cannot be.

    The protected strings are found in one leftmost-longest pass over the whole text: at the
    leftmost place where one starts, the longest, then on after its end, which is how a
    sentence's spans are taken (`segment.spans_of`) as long as every span found lies inside
    one sentence; a span across a sentence's edge (or the pieces of a sentence not one run
    of pieces, sentences in order) gives None, and the caller takes the sentences one by one.
    The tokens are then the stretches between the cuts (every piece's start, every span's
    edges, none inside a span), less the whitespace between sentences and the stretches of
    whitespace alone (a span is kept whatever it holds): a whole piece is the piece's own
    string, a stretch cut from one is one string per distinct word.
    """
    import ahocorasick_rs
    import numpy as np

    words = list(dict.fromkeys(w for w in protect if w))
    if not words:
        return None
    text, pieces = seg.text, seg.pieces
    size = len(text)
    starts = _int_array(seg.starts)
    sentence = _int_array(seg.sentence)
    # each sentence one run of pieces, the runs in the order of the sentences
    runs = np.flatnonzero(sentence[1:] != sentence[:-1]) + 1
    ordered = sentence[np.concatenate(([0], runs))]
    ordered = ordered[ordered >= 0]
    if len(ordered) > 1 and not bool((ordered[1:] > ordered[:-1]).all()):
        return None
    automaton = ahocorasick_rs.AhoCorasick(
        words, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest
    )
    found = automaton.find_matches_as_indexes(text)
    spans = np.array(found, dtype=np.int64).reshape(-1, 3)[:, 1:]
    del found
    opens, ends = spans[:, 0], spans[:, 1]
    first = np.searchsorted(starts, opens, side="right") - 1
    last = np.searchsorted(starts, ends - 1, side="right") - 1
    if bool((sentence[first] < 0).any()) or not bool((sentence[first] == sentence[last]).all()):
        return None
    # the cuts: every piece's start, the spans' edges, the end; none inside a span
    at_piece = np.zeros(size + 1, dtype=bool)
    at_piece[starts] = True
    at_piece[size] = True
    cut = at_piece.copy()
    cut[opens] = True
    cut[ends] = True
    inner = np.zeros(size + 1, dtype=np.int8)
    longer = ends - opens > 1  # (spans apart: the a + 1 of one is never the end of another)
    inner[opens[longer] + 1] = 1
    inner[ends[longer]] = -1
    np.cumsum(inner, out=inner)  # 1 inside a span, else 0
    cut[inner.view(bool)] = False
    del inner
    bounds = np.flatnonzero(cut).astype(np.int32)
    del cut
    lo = bounds[:-1]
    # a stretch is a whole piece when a piece starts at both its ends and it is no span (a
    # span, even one that is a whole piece, is cut from the text: the same string)
    span_at = np.zeros(size + 1, dtype=bool)
    span_at[opens] = True
    is_span = span_at[lo]
    del span_at
    whole = at_piece[lo] & at_piece[bounds[1:]] & ~is_span
    del at_piece
    owner = sentence[np.searchsorted(starts, lo, side="right") - 1]
    keep = owner >= 0
    # whitespace alone: only stretches that open with whitespace are read (few)
    points = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    table = _space_table()
    opens_space = table[np.minimum(points[lo], len(table) - 1)]
    del points
    maybe = np.flatnonzero(keep & ~is_span & opens_space)
    blank = [
        q for q, a, b in zip(maybe.tolist(), lo[maybe].tolist(), bounds[maybe + 1].tolist(),
                             strict=True)
        if text[a:b].isspace()
    ]
    keep[blank] = False
    # the whole pieces kept, in order, by one C loop over the pieces
    taken = np.zeros(size + 1, dtype=bool)
    taken[lo[keep & whole]] = True
    texts = list(compress(pieces, taken[starts].tobytes()))
    del taken
    # the stretches cut from the text (spans, parts of pieces), put in their places
    whole, lo, owner, hi = whole[keep], lo[keep], owner[keep], bounds[1:][keep]
    del keep, bounds
    cuts = np.flatnonzero(~whole)
    parts = list(map(text.__getitem__, map(slice, lo[cuts].tolist(), hi[cuts].tolist())))
    same: dict[str, str] = {}  # one string object per distinct word cut from a piece
    texts = _interleave(texts, list(map(same.setdefault, parts, parts)), cuts)
    columns = Tokens(texts, _column(lo), _column(owner))
    del lo, owner, hi, whole, cuts, parts
    give_back_memory()
    return columns


def give_back_memory() -> None:
    """Return the memory freed by numpy's temporary arrays to the system (glibc's
    `malloc_trim`; nothing elsewhere).

    Freeing an array of 1-32 MB raises glibc's threshold for serving a request from its own
    mapping, so the next such arrays come from the heap, and the heap keeps what they free
    while a column kept is above them: after the tokens of a 10 M-character text the process
    held ~100 MB more than before (/proc/self/statm), and its peak was ~20 MB higher."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@lru_cache(maxsize=1)
def _malloc_trim() -> Any:
    """glibc's malloc_trim, or None where the C library has none (musl, macOS, Windows)."""
    import ctypes

    try:
        return ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError, TypeError):
        return None


def _interleave(whole: list[str], parts: list[str], places: Any) -> list[str]:
    """The list of `whole` with `parts` put at `places` (sorted indices of the result)."""
    import numpy as np

    out: list[str] = []
    done = 0
    for place, part in zip((places - np.arange(len(places))).tolist(), parts, strict=True):
        if place > done:
            out.extend(whole[done:place])
            done = place
        out.append(part)
    out.extend(whole[done:])
    return out


def _int_array(values: Sequence[int]) -> Any:
    """A column as a numpy array (an array.array without a copy)."""
    import numpy as np

    if isinstance(values, array):
        return np.frombuffer(values, dtype=values.typecode)
    return np.asarray(values, dtype=np.int64)


def _column(values: Any) -> array[int]:
    """A numpy array of integers as a column (`COLUMN`)."""
    import numpy as np

    out = array(COLUMN)
    out.frombytes(values.astype(np.dtype(COLUMN)).tobytes())
    return out


@lru_cache(maxsize=1)
def _space_table() -> Any:
    """Whether each code point up to U+3000 is whitespace (`str.isspace`); the last entry,
    for every code point above, False (none above U+3000 is whitespace)."""
    import numpy as np

    return np.array([chr(c).isspace() for c in range(0x3001)] + [False], dtype=bool)


class _SpansInText:
    """`segment.spans_of` of stretches of one text, from one pass over the whole text.

    Every occurrence of every protected string (overlapping ones too) is found once; a
    stretch's spans are then the occurrences that lie inside it, taken as `spans_of` takes
    them (by start, the longest first, each after the last one kept): the occurrences a pass
    over the stretch alone would report.
    """

    def __init__(self, text: str, protect: Iterable[str]) -> None:
        import ahocorasick_rs

        self.text = text
        words = list(dict.fromkeys(w for w in protect if w))
        found: list[tuple[int, int]] = []
        if words:
            kind = ahocorasick_rs.MatchKind.Standard
            automaton = ahocorasick_rs.AhoCorasick(words, matchkind=kind)
            matches = automaton.find_matches_as_indexes(text, overlapping=True)
            found = [(a, a - b) for _, a, b in matches]
            found.sort()  # by start, the longest first
        self.found = found
        self.starts = [a for a, _ in found]

    def spans(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """The spans of text[lo:hi], as offsets in the text."""
        first = bisect_left(self.starts, lo)
        last = bisect_left(self.starts, hi, first)
        spans: list[tuple[int, int]] = []
        free = lo
        for start, neg in self.found[first:last]:
            end = start - neg
            if start >= free and end <= hi:
                free = end
                spans.append((start, end))
        return spans


class Tokens(Sequence[Token]):
    """A document's tokens as three columns: the words, their offsets, their sentences.

    A sequence of `Token` (each made when asked for: indexing, iterating, slicing gives
    `Tokens`); the analyses that read millions of them use the columns.
    """

    __slots__ = ("sentences", "starts", "texts")

    def __init__(self, texts: list[str], starts: Sequence[int], sentences: Sequence[int]) -> None:
        self.texts = texts
        self.starts = starts
        self.sentences = sentences

    @classmethod
    def of(cls, tokens: Iterable[Token]) -> Tokens:
        """Columns of `Token` objects."""
        if isinstance(tokens, Tokens):
            return tokens
        texts: list[str] = []
        starts = array(COLUMN)
        sentences = array(COLUMN)
        for t in tokens:
            texts.append(t.text)
            starts.append(t.start)
            sentences.append(t.sentence)
        return cls(texts, starts, sentences)

    def __len__(self) -> int:
        return len(self.texts)

    def joined(self) -> list[bool]:
        """joined[k]: token k follows token k - 1 directly, in the same sentence (no Token
        objects made: the columns are read)."""
        texts, starts, sentences = self.texts, self.starts, self.sentences
        return [False] + [
            sentences[k - 1] == sentences[k] and starts[k - 1] + len(texts[k - 1]) == starts[k]
            for k in range(1, len(texts))
        ]

    @overload
    def __getitem__(self, i: int) -> Token: ...

    @overload
    def __getitem__(self, i: slice) -> Tokens: ...

    def __getitem__(self, i: int | slice) -> Token | Tokens:
        if isinstance(i, slice):
            return Tokens(self.texts[i], self.starts[i], self.sentences[i])
        return Token(self.texts[i], self.starts[i], self.sentences[i])

    def __iter__(self) -> Iterator[Token]:
        return map(Token, self.texts, self.starts, self.sentences)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Tokens):
            return (
                self.texts == other.texts
                and list(self.starts) == list(other.starts)
                and list(self.sentences) == list(other.sentences)
            )
        if isinstance(other, Sequence):
            return tuple(self) == tuple(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable columns

    def __repr__(self) -> str:
        return f"Tokens({len(self)} tokens)"


def _merge(
    pieces: list[tuple[int, str]], spans: list[tuple[int, int]], text: str
) -> list[tuple[int, str]]:
    """Pieces with each span made one piece (spans sorted, not overlapping); a piece no span
    touches is kept as it is (the same string object)."""
    out: list[tuple[int, str]] = []
    k = 0
    for at, piece in pieces:
        end = at + len(piece)
        while k < len(spans) and spans[k][1] <= at:
            k += 1
        if k == len(spans) or spans[k][0] >= end:
            out.append((at, piece))
            continue
        pos = at
        while k < len(spans) and spans[k][0] < end:
            a, b = spans[k]
            if pos < a:
                out.append((pos, text[pos:a]))
            if a >= at:
                out.append((a, text[a:b]))
            pos = b
            if b > end:
                break
            k += 1
        if pos < end:
            out.append((pos, text[pos:end]))
    return out


def segment_document(
    document: Document, *, segmenter: Segmenter | None = None, tags: bool = True
) -> Segmentation:
    """Cut every sentence of a document once; the text between sentences is one piece each.

    With `tags` (the default) every word comes with its part of speech, for the analyses
    that read it (people, organisations); without, the cut alone is a third faster (what
    formulations and term counts need).

    Raises:
        InputError: the document is longer than `loaders.MAX_DOCUMENT_CHARS`.
    """
    from policy_cli.core.loaders import check_analysable
    from policy_cli.core.segment import default_segmenter

    check_analysable(document)
    seg = segmenter or default_segmenter()
    text = document.text
    pieces: list[str] = []
    starts = array(COLUMN)
    labels: list[str] = []
    sentences = array(COLUMN)
    # one string object per distinct word and tag, not per token (a 10 M-character document
    # has 5 M tokens of some 100 k words)
    intern = sys.intern
    if not tags and len(text) <= WHOLE_TEXT_CUT:
        whole = _cut_whole(text, document.sentences, seg)
        if whole is not None:
            return _sentences_of_whole(text, document.sentences, whole)
    if len(text) >= NUMPY_SEGMENT_CHARS:
        return _segment_long(text, document.sentences, seg, tags)
    pos = 0
    for sent in document.sentences:
        if sent.start > pos:
            _gap(text, pos, sent.start, pieces, starts, labels, sentences, tags)
        words = _cut_sentence(seg, sent.text, tags, labels)
        if words:
            pieces.extend(map(intern, words))
            starts.extend(accumulate(map(len, words[:-1]), initial=sent.start))
            sentences.extend(repeat(sent.index, len(words)))
        pos = sent.end
    if pos < len(text):
        _gap(text, pos, len(text), pieces, starts, labels, sentences, tags)
    return Segmentation(text, tuple(pieces), starts, tuple(labels), sentences)


def _cut_sentence(seg: Segmenter, text: str, tags: bool, labels: list[str]) -> Sequence[str]:
    """A sentence's words; with `tags`, their tags appended to `labels` (lists: splitting the
    pairs with zip(*pairs) left 40-60 MB more resident after a 10 M-character text)."""
    if not tags:
        return seg.cut(text)
    pairs = seg.tagged(text)
    labels.extend([sys.intern(t) for _, t in pairs])
    return [w for w, _ in pairs]


def _segment_long(
    text: str, sentences: Sequence[Sentence], seg: Segmenter, tags: bool
) -> Segmentation:
    """`segment_document` of a long text: the pieces (and tags) cut sentence by sentence as
    there, the offset and sentence columns made by numpy from the pieces' lengths and the
    number of pieces in each stretch (a sentence, or the text between two), not extended
    sentence by sentence. Where a stretch's first piece is not where the stretch starts (a
    sentence whose text is not the text at its offsets), every stretch's offsets are counted
    from its own start, as `segment_document` counts them."""
    import numpy as np

    intern = sys.intern
    pieces: list[str] = []
    labels: list[str] = []
    owners = array(COLUMN)  # per stretch: its sentence (-1 between sentences)...
    sizes = array(COLUMN)  # ...its number of pieces...
    firsts = array(COLUMN)  # ...and its start

    def gap(lo: int, hi: int) -> None:
        pieces.append(text[lo:hi])
        if tags:
            labels.append(GAP_TAG)
        owners.append(-1)
        sizes.append(1)
        firsts.append(lo)

    pos = 0
    for sent in sentences:
        if sent.start > pos:
            gap(pos, sent.start)
        words = _cut_sentence(seg, sent.text, tags, labels)
        if words:
            pieces.extend(map(intern, words))
            owners.append(sent.index)
            sizes.append(len(words))
            firsts.append(sent.start)
        pos = sent.end
    if pos < len(text):
        gap(pos, len(text))
    # (both columns are computed in place in the arrays kept, with no temporary array of
    # their size: freeing one of 1-32 MB raises the allocator's threshold for returning
    # memory, and later analyses then hold more)
    n = len(pieces)
    starts = array(COLUMN, chain((0,), islice(map(len, pieces), n - 1))) if n else array(COLUMN)
    offsets = np.frombuffer(starts, dtype=starts.typecode)
    np.cumsum(offsets, out=offsets)  # each piece's offset: the lengths of those before it
    count = np.frombuffer(sizes, dtype=sizes.typecode).astype(np.int64)
    heads = np.zeros(len(count), dtype=np.int64)  # each stretch's first piece
    np.cumsum(count[:-1], out=heads[1:])
    if not np.array_equal(offsets[heads], np.frombuffer(firsts, dtype=firsts.typecode)):
        starts = array(COLUMN)
        for first, head, size in zip(firsts, heads.tolist(), sizes, strict=True):
            starts.extend(accumulate(map(len, pieces[head : head + size - 1]), initial=first))
    # each stretch's sentence repeated over its pieces: the changes of sentence at the
    # stretches' first pieces, summed up
    column = array(COLUMN, [0]) * n
    values = np.frombuffer(column, dtype=column.typecode)
    owned = np.frombuffer(owners, dtype=owners.typecode)
    if len(owned):
        values[heads] = np.diff(owned, prepend=0)
        np.cumsum(values, out=values)
    segmentation = Segmentation(text, tuple(pieces), starts, tuple(labels), column)
    del values, offsets
    give_back_memory()
    return segmentation


def _cut_whole(
    text: str, sentences: Sequence[Sentence], seg: Segmenter
) -> tuple[list[str], list[int]] | None:
    """The pieces of a whole text and their offsets (one more: the end), or None when a
    sentence does not start and end beside a separator (its pieces could differ) or the
    text holds what the segmenter splits after cutting (`segment._needs_jieba_split`)."""
    from policy_cli.core.segment import _needs_jieba_split

    separators = _SEPARATORS
    size = len(text)
    for sent in sentences:
        if text[sent.start : sent.end] != sent.text:
            return None
        for at in (sent.start, sent.end):
            if 0 < at < size and text[at - 1] not in separators and text[at] not in separators:
                return None
            if 0 < at < size and text[at - 1] == "\r":
                return None
    if _needs_jieba_split(text):
        return None
    pieces = seg.cut(text)
    return pieces, list(accumulate(map(len, pieces), initial=0))


def _sentences_of_whole(
    text: str, sentences: Sequence[Sentence], whole: tuple[list[str], list[int]]
) -> Segmentation:
    """`segment_document`'s segmentation (no tags) from the cut of the whole text: each
    sentence's pieces a slice of it, the text between sentences one piece each (where the
    cut made it one piece, as between most sentences, the cut is taken as it is)."""
    cut, offsets = whole
    number = dict(zip(offsets, range(len(offsets)), strict=True))  # offset -> piece there
    sentence_of = [-1] * len(cut)
    pos = 0
    gaps_whole = True
    for sent in sentences:
        i, j = number.get(sent.start), number.get(sent.end)
        if i is None or j is None:  # cannot happen: the text is cut block by block
            raise RuntimeError(f"the cut of the whole text splits sentence {sent.index}")
        if sent.start > pos and i - number[pos] != 1:
            gaps_whole = False  # the text before this sentence is cut in several pieces
        sentence_of[i:j] = repeat(sent.index, j - i)
        pos = sent.end
    if pos < len(text) and len(cut) - number[pos] != 1:
        gaps_whole = False
    if gaps_whole:
        offsets.pop()  # the end of the text
        return Segmentation(text, tuple(cut), array(COLUMN, offsets), (), array(COLUMN, sentence_of))
    pieces: list[str] = []
    starts = array(COLUMN)
    column = array(COLUMN)
    pos = 0
    for sent in sentences:
        if sent.start > pos:
            _gap(text, pos, sent.start, pieces, starts, [], column, False)
        i, j = number[sent.start], number[sent.end]
        pieces.extend(cut[i:j])
        starts.extend(offsets[i:j])
        column.extend(repeat(sent.index, j - i))
        pos = sent.end
    if pos < len(text):
        _gap(text, pos, len(text), pieces, starts, [], column, False)
    return Segmentation(text, tuple(pieces), starts, (), column)


def segment_text(text: str, *, segmenter: Segmenter | None = None) -> Segmentation:
    """Cut a bare text once, as one sentence (for an analysis called on a string)."""
    from policy_cli.core.segment import default_segmenter

    seg = segmenter or default_segmenter()
    pieces: list[str] = []
    starts = array(COLUMN)
    tags: list[str] = []
    at = 0
    for word, tag in seg.tagged(text):
        pieces.append(word)
        starts.append(at)
        tags.append(tag)
        at += len(word)
    return Segmentation(text, tuple(pieces), starts, tuple(tags), array(COLUMN, [0]) * len(pieces))


def _gap(
    text: str, lo: int, hi: int, pieces: list[str], starts: array[int], labels: list[str],
    sentences: array[int], tags: bool,
) -> None:
    pieces.append(text[lo:hi])
    starts.append(lo)
    if tags:
        labels.append(GAP_TAG)
    sentences.append(-1)
