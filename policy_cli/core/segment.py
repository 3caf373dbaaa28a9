"""Word segmentation: a `Segmenter` owning its own tokenizer, the policy lexicon and stop words.

rjieba (the jieba-rs binding) is used when installed, jieba otherwise; both load the same
policy lexicon with the same word frequencies, so they give the same tokens.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import logging
import os
import re
import string
import sys
from bisect import bisect_right
from collections.abc import Iterable
from functools import lru_cache
from itertools import accumulate
from typing import Any

from policy_cli import data
from policy_cli.core.chars import CN_NUMERALS, HAN_CHAR, PLAN_PERIOD

BACKENDS = ("auto", "rjieba", "jieba")
_DEFAULT_FREQ = 20000

_HAN = HAN_CHAR
_NUMERIC = re.compile(
    rf"^(?!{PLAN_PERIOD}$)"  # five-year-plan names (十四五, 十五五) are terms
    r"(?:[\d０-９.．,，%％‰+\-×/]+$"
    r"|^[\d０-９.．]+[年月日号时分秒个项条次万亿元余多倍人家所座批度]+$"
    rf"|^第?[{CN_NUMERALS}百千万零〇两\d]+[年月日号次届个条项批]?$"
    rf"|^[{CN_NUMERALS}]是$"
    r"|^[数几多余百千万亿]+[元人个项家户吨]?$"  # 万亿, 亿元, 数百, 千万元
    r"|^个?百分点$"
    r"|^(?:[\d０-９]+[年月日号时点分]){1,3}$)"  # 1月29日
)
_PUNCT = re.compile(r"^[\W_]+$")
_ASCII_JOINER = re.compile(r"[-._&]")
# a run of the ASCII characters jieba keeps in a block, holding a joiner: 2-3, x.y, 3.5%
_JOINED_RUN = re.compile(r"[A-Za-z0-9+#%]*[-._&][-._&A-Za-z0-9+#%]*")
_JIEBA_SKIP = re.compile(r"([a-zA-Z0-9]+(?:\.\d+)?%?)")  # jieba.finalseg.re_skip
_LATIN_KEEP = re.compile(r"^[A-Z][A-Z0-9]{1,7}$|^\d+[A-Z]+$")
_RUN_CHARS = frozenset(string.ascii_letters + string.digits + "+#%-._&")  # _JOINED_RUN's set
_ASCII_RUN = re.compile(r"[-._&A-Za-z0-9+#%]+")



@lru_cache(maxsize=1)
def _lexicon_lines() -> tuple[str, ...]:
    """The lines of the bundled policy lexicon, read once for its words and for their tags
    (363 KB: ~2.5 ms to read each time)."""
    return tuple(data.lines("lexicon.txt"))


@lru_cache(maxsize=1)
def load_lexicon() -> tuple[tuple[str, int], ...]:
    """Return the bundled policy lexicon as (word, frequency) pairs."""
    out = []
    for line in _lexicon_lines():
        # word, frequency, then the tag and the evidence (tab-separated; only the first two read)
        parts = line.split("\t", 2) if "\t" in line else line.split()
        freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else _DEFAULT_FREQ
        out.append((parts[0], freq))
    return tuple(out)


@lru_cache(maxsize=1)
def lexicon_words() -> frozenset[str]:
    """Return the words of the bundled policy lexicon (names and terms it keeps whole)."""
    return frozenset(word for word, _ in load_lexicon())


def lexicon_tags() -> dict[str, str]:
    """Return the part of speech the lexicon gives each of its words ("nz": a name)."""
    out = {}
    for line in _lexicon_lines():
        parts = line.split("\t")
        if len(parts) > 2 and parts[2]:
            out[parts[0]] = parts[2]
    return out


@lru_cache(maxsize=1)
def load_stopwords() -> frozenset[str]:
    """Return the bundled stop words: function words plus policy boilerplate."""
    return frozenset(data.lines("stopwords.txt"))


@lru_cache(maxsize=1 << 17)  # every analysis asks about every token; a text has few words
def is_candidate_term(term: str, stopwords: frozenset[str] | None = None) -> bool:
    """Tell whether a token can be a key term: not a stop word, number, date or punctuation."""
    if stopwords is None:
        stopwords = load_stopwords()
    if term in stopwords or _PUNCT.match(term) or _NUMERIC.match(term):
        return False
    if _HAN.search(term):
        # a doubled character (球球, 天天, 常常) is an adverb, a pet name or a brand, not a term
        if len(term) == 2 and term[0] == term[1]:
            return False
        return len(term) >= 2 or term.endswith("+")
    return bool(_LATIN_KEEP.match(term))


def _needs_jieba_split(text: str) -> bool:
    """Tell whether text holds an ASCII run with a joiner that jieba would split (2-3, x.y).

    The same answer as scanning `_JOINED_RUN` over the whole text, at a fraction of its cost:
    only the few joiners are looked at (a decimal like 3.5% is one token in both backends).
    """
    end = -1
    for m in _ASCII_JOINER.finditer(text):
        j = m.start()
        if j < end:  # in the run of a joiner already looked at
            continue
        start = j
        while start and text[start - 1] in _RUN_CHARS:
            start -= 1
        run = _ASCII_RUN.match(text, start)
        assert run is not None  # text[j] itself is a run character
        end = run.end()
        if not _JIEBA_SKIP.fullmatch(run.group()):
            return True
    return False


class Segmenter:
    """Cut Chinese text into words with a private tokenizer and the policy lexicon."""

    def __init__(
        self,
        *,
        words: Iterable[str | tuple[str, int]] = (),
        backend: str = "auto",
        lexicon: bool = True,
    ) -> None:
        """Build a tokenizer.

        Args:
            words: extra words (or (word, frequency) pairs) to keep whole.
            backend: "rjieba", "jieba" or "auto" (rjieba when installed).
            lexicon: load the bundled policy lexicon.
        """
        if backend not in BACKENDS:
            raise ValueError(f"backend must be one of {BACKENDS}")
        self.backend = self._pick_backend(backend)
        self._tok = self._make_tokenizer()
        entries: list[tuple[str, int]] = list(load_lexicon()) if lexicon else []
        for w in words:
            entries.append((w, _DEFAULT_FREQ) if isinstance(w, str) else w)
        for word, freq in entries:
            self.add_word(word, freq)

    @staticmethod
    def _pick_backend(backend: str) -> str:
        if backend != "auto":
            return backend
        return "rjieba" if _rjieba_class() is not None else "jieba"

    def _make_tokenizer(self):  # type: ignore[no-untyped-def]
        if self.backend == "rjieba":
            jieba_class = _rjieba_class()
            if jieba_class is None:
                import rjieba  # not installed: raise its ImportError

                jieba_class = rjieba.Jieba
            return jieba_class()
        import jieba

        jieba.setLogLevel(logging.WARNING)
        tok = jieba.Tokenizer()
        tok.initialize()
        return tok

    def add_word(self, word: str, freq: int = _DEFAULT_FREQ) -> None:
        """Keep `word` whole from now on."""
        if self.backend == "rjieba":
            self._tok.add_word(word, freq, None)
        else:
            self._tok.add_word(word, freq)

    def knows(self, word: str) -> bool:
        """Tell whether `word` is in the dictionary (jieba's or the lexicon), not made up by HMM."""
        if self.backend == "rjieba":
            return bool(self._tok.has_word(word))
        return bool(self._tok.FREQ.get(word))

    def cut(self, text: str) -> list[str]:
        """Cut text into tokens that cover it exactly (spaces and punctuation included)."""
        if self.backend == "rjieba":
            pieces: list[str] = self._tok.cut(text, True)  # a new list already
            if _needs_jieba_split(text):
                pieces = self._split_like_jieba(text, pieces)
            return pieces
        return list(self._tok.cut(text, HMM=True))

    def cut_words(self, text: str) -> list[str]:
        """Cut text into dictionary words only: no statistical guess (HMM) joins characters
        the dictionary does not know into a word; an unknown character stands alone."""
        if self.backend == "rjieba":
            return list(self._tok.cut(text, False))
        return list(self._tok.cut(text, HMM=False))

    def tagged(self, text: str) -> list[tuple[str, str]]:
        """Cut text into the tokens of `cut`, each with its part of speech (jieba's tags; ""
        for a word of the policy lexicon, "x" for one the dictionary does not know).

        With rjieba the tags come with the cut (it looks every word up as it cuts); with
        jieba each token is looked up in jieba's tag table.
        """
        if self.backend == "rjieba":
            pairs: list[tuple[str, str]] = self._tok.tag(text, True)
            if _needs_jieba_split(text):
                words = self._split_like_jieba(text, [w for w, _ in pairs])
                if len(words) != len(pairs):
                    tags = dict(pairs)
                    pairs = [(w, tags[w] if w in tags else _ascii_tag(w)) for w in words]
            return pairs
        table = _jieba_tag_table()
        return [(w, table.get(w, "x")) for w in self.cut(text)]

    def _split_like_jieba(self, text: str, pieces: list[str]) -> list[str]:
        # jieba-rs keeps "2-3", "COVID-19", "1.2.3" whole where jieba's HMM step splits them
        # with its re_skip pattern ("2", "-", "3"); split them the same way (dictionary words
        # excepted), so that both backends give the same tokens. Only the pieces holding a
        # joiner are looked at (found by offset: a long text has few of them).
        ends = list(accumulate(map(len, pieces)))
        out: list[str] = []
        done = 0
        for i in sorted({bisect_right(ends, m.start()) for m in _ASCII_JOINER.finditer(text)}):
            piece = pieces[i]
            if len(piece) > 1 and not _HAN.search(piece) and not self._tok.has_word(piece):
                out.extend(pieces[done:i])
                out.extend(part for part in _JIEBA_SKIP.split(piece) if part)
                done = i + 1
        if not done:
            return pieces
        out.extend(pieces[done:])
        return out


@lru_cache(maxsize=1)
def _rjieba_class() -> Any:
    """Return rjieba's `Jieba` class, or None when rjieba is not installed.

    `import rjieba` builds a module-level default tokenizer (the whole dictionary, ~0.15 s)
    that we never use, since each Segmenter builds its own; so load the compiled module alone,
    registered under its usual name (a later `import rjieba` reuses it).
    """
    if "rjieba" in sys.modules:
        return sys.modules["rjieba"].Jieba
    try:
        spec = importlib.util.find_spec("rjieba")
        if spec is None:
            return None
        ext = sys.modules.get("rjieba.rjieba")
        if ext is None:
            for folder in spec.submodule_search_locations or ():
                for suffix in importlib.machinery.EXTENSION_SUFFIXES:
                    path = os.path.join(folder, "rjieba" + suffix)
                    if os.path.isfile(path):
                        break
                else:
                    continue
                ext_spec = importlib.util.spec_from_file_location("rjieba.rjieba", path)
                if ext_spec is None or ext_spec.loader is None:
                    continue
                ext = importlib.util.module_from_spec(ext_spec)
                sys.modules["rjieba.rjieba"] = ext
                try:
                    ext_spec.loader.exec_module(ext)
                except BaseException:
                    del sys.modules["rjieba.rjieba"]
                    raise
                break
        if ext is not None:
            return ext.Jieba
        import rjieba  # an unusual layout: the plain import still works

        return rjieba.Jieba
    except ImportError:
        return None


@lru_cache(maxsize=64)
def _protect_automaton(protect: tuple[str, ...]) -> Any:
    """An Aho-Corasick automaton of the protected strings (value: the string's length)."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for word in set(protect):
        if word:
            automaton.add_word(word, len(word))
    if len(automaton):
        automaton.make_automaton()
    return automaton


def protected_spans(text: str, protect: tuple[str, ...]) -> list[tuple[int, int]]:
    """The (start, end) of the strings of `protect` in text: at the leftmost place, the longest.

    The same spans as a regular expression alternating the strings longest first, but found
    in one Aho-Corasick pass: a trie-shaped regex tries the branches of a node one after the
    other, so its cost grew with the number of strings, which grows with the document
    (1.6 M characters: 2.5 s of 5.3 s of tokenize).
    """
    return spans_of(text, _protect_automaton(protect))


def spans_of(text: str, automaton: Any) -> list[tuple[int, int]]:
    """`protected_spans` with the automaton already built (one for every sentence of a
    document: looking it up by the tuple of strings hashes that tuple each time)."""
    if not len(automaton):
        return []
    found = sorted((end - n + 1, -n) for end, n in automaton.iter(text))
    spans: list[tuple[int, int]] = []
    free = 0
    for start, neg in found:  # by start, the longest first
        if start >= free:
            free = start - neg
            spans.append((start, free))
    return spans


def _ascii_tag(word: str) -> str:
    """The tag jieba-rs gives a word it does not know: m (digits), eng (Latin), x (other)."""
    letters = sum(1 for ch in word if ch.isascii() and ch.isalnum())
    if not letters:
        return "x"
    return "m" if letters == sum(1 for ch in word if ch.isascii() and ch.isdigit()) else "eng"


@lru_cache(maxsize=1)
def _jieba_tag_table() -> dict[str, str]:
    """jieba's word -> part-of-speech table (the plain-jieba backend's tags)."""
    import jieba.posseg

    return dict(jieba.posseg.POSTokenizer(jieba.Tokenizer()).word_tag_tab)


@lru_cache(maxsize=1)
def default_tagger() -> Any:
    """Return a part-of-speech tagger: `.tag(text, hmm)` -> [(word, jieba tag), ...].

    With rjieba it is the default segmenter's own tokenizer (a second dictionary costs ~0.15 s
    and ~25 MiB; the policy lexicon changes no person or organisation found in the test
    documents); with plain jieba, jieba.posseg over jieba's dictionary.
    """
    segmenter = default_segmenter()
    if segmenter.backend == "rjieba":
        return segmenter._tok
    return _JiebaTagger()


class _JiebaTagger:
    def __init__(self) -> None:
        import jieba
        import jieba.posseg

        jieba.setLogLevel(logging.WARNING)
        self._pos = jieba.posseg.POSTokenizer(jieba.Tokenizer())

    def tag(self, text: str, hmm: bool) -> list[tuple[str, str]]:
        return [(p.word, p.flag) for p in self._pos.cut(text, HMM=hmm)]


@lru_cache(maxsize=2)
def default_segmenter(backend: str = "auto") -> Segmenter:
    """Return a shared segmenter with the policy lexicon (built once per process)."""
    return Segmenter(backend=backend)


@lru_cache(maxsize=1)
def general_segmenter() -> Segmenter:
    """Return a shared segmenter without the policy lexicon: jieba's general dictionary, which
    has no opinion about policy phrases (the lexicon cuts 创新发展理念 as 创|新发展理念 because it
    knows 新发展理念; the general dictionary reads 创新|发展|理念)."""
    return Segmenter(lexicon=False)
