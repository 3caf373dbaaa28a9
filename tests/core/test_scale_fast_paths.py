"""The shortcuts that make a long document linear give what the plain computations gave
(issue 16), on the real documents of tests/data."""

from __future__ import annotations

import dataclasses
from functools import cache

import pytest

from policy_cli.core.loaders import load_document, load_text
from policy_cli.core.people import _titled_matches, rules
from tests.conftest import DOCS

PATHS = sorted(p for p in DOCS.rglob("*") if p.suffix in {".txt", ".md"})


@cache
def _texts() -> tuple[str, ...]:
    return tuple(load_document(p).text for p in PATHS)


@cache
def _documents():
    """Every test document, and all of them run together as one more."""
    return (*(load_document(p) for p in PATHS), load_text("\n".join(_texts())))


def _groups(matches) -> list[tuple[tuple[int, int], dict]]:
    return [(m.span(), m.groupdict()) for m in matches]


def test_titled_matches_are_the_pattern_matches():
    r = rules()
    total = 0
    # the documents, all of them run together, and the titles without their breaks
    texts = (*_texts(), "".join(_texts()), "".join(_texts()).replace("，", ""))
    for text in texts:
        expected = _groups(r.titled.finditer(text))
        assert _groups(_titled_matches(text, r)) == expected
        total += len(expected)
    assert total > 50


def test_tokens_are_columns_that_read_as_token_objects():
    from policy_cli.core.pipeline import prepare
    from policy_cli.core.tokens import Tokens
    from policy_cli.models import Token

    p = prepare(load_document(DOCS / "gwr-2022.txt"))
    tokens = p.tokens
    assert isinstance(tokens, Tokens)
    objects = list(tokens)
    assert len(objects) == len(tokens) > 5_000
    assert all(isinstance(t, Token) for t in objects[:100])
    assert tokens[5] == objects[5] and tokens[-1] == objects[-1]
    assert list(tokens[10:20]) == objects[10:20]
    assert Tokens.of(objects) == tokens
    assert tokens == tuple(objects)
    assert [t.text for t in objects] == tokens.texts
    assert all(p.document.text[t.start : t.start + len(t.text)] == t.text for t in objects)


def test_keywords_of_token_objects_and_of_columns_agree():
    from policy_cli.core.keywords import document_terms, extract_keywords
    from policy_cli.core.pipeline import prepare

    for name in ("gwr-2022.txt", "local-shaoxing-conference-2023.txt"):
        doc = load_document(DOCS / name)
        p = prepare(doc)
        objects = list(p.tokens)
        for method in ("tfidf", "textrank", "freq"):
            assert extract_keywords(objects, method=method, top=0, document=doc) == (
                extract_keywords(p.tokens, method=method, top=0, document=doc)
            )
        pairs = list(document_terms(p.tokens))
        assert pairs == list(document_terms(objects))
        assert all(doc.text.startswith(tok.text, tok.start) for _, tok in pairs)


def _tokens_piece_by_piece(seg, protect):
    """The reference: every sentence's pieces merged one by one (`tokens._merge`)."""
    from policy_cli.core.segment import _protect_automaton, spans_of
    from policy_cli.core.tokens import _merge
    from policy_cli.models import Token

    automaton = _protect_automaton(tuple(protect)) if protect else None
    out = []
    for k, (i, j) in seg._ranges.items():
        if k < 0:
            continue
        lo = seg.starts[i]
        hi = seg.starts[j] if j < len(seg.starts) else len(seg.text)
        spans = spans_of(seg.text[lo:hi], automaton) if automaton is not None else []
        pieces = [(seg.starts[q], seg.pieces[q]) for q in range(i, j)]
        if spans:
            pieces = _merge(pieces, [(lo + a, lo + b) for a, b in spans], seg.text)
        out += [Token(p, at, k) for at, p in pieces if not p.isspace()]
    return out


@pytest.mark.parametrize("way", ["sentences", "whole text", "arrays"])
def test_tokens_cut_at_protected_spans_as_piece_by_piece(way, monkeypatch):
    from policy_cli.core import tokens
    from policy_cli.core.pipeline import prepare
    from policy_cli.core.tokens import segment_document

    # spans found per sentence, or in one pass over the whole text (long documents), the
    # tokens then cut sentence by sentence or on numpy arrays (a span across a sentence's
    # edge, as some of the strings below make, sends the arrays back to the sentences)
    monkeypatch.setattr(tokens, "WHOLE_TEXT_SPANS", 10**9 if way == "sentences" else 0)
    monkeypatch.setattr(tokens, "NUMPY_PIECES", 0 if way == "arrays" else 10**9)
    by_arrays = 0

    for path in PATHS[:8]:
        doc = load_document(path)
        seg = segment_document(doc, tags=False)
        text = doc.text
        protects = (
            prepare(doc).protected,  # names and one-word formulations, as a summary has them
            tuple(text[i : i + 5] for i in range(0, len(text), 97)),  # across word edges
            tuple(text[i : i + 3] for i in range(0, len(text), 5))[:2000],  # dense, overlapping
            ("，", "。", "  "),
        )
        for protect in protects:
            assert list(seg.tokens(protect=protect)) == _tokens_piece_by_piece(seg, protect)
            by_arrays += tokens._tokens_by_arrays(seg, protect) is not None
    if way == "arrays":
        # names and formulations, punctuation: on the arrays; strings across lines: not
        assert 16 <= by_arrays < 32


def test_the_whitespace_table_is_str_isspace():
    from policy_cli.core.tokens import _space_table

    table = _space_table()
    assert [chr(c).isspace() for c in range(len(table) - 1)] == table[:-1].tolist()
    assert not any(chr(c).isspace() for c in range(len(table) - 1, 0x110000))


def test_find_all_is_the_same_for_short_and_long_texts(monkeypatch):
    from policy_cli.core import occurrences

    text = "".join(_texts())
    words = sorted({text[i : i + 3] for i in range(0, len(text), 11)})[:3000] + ["", "x"]
    long = occurrences.find_all(text, words)
    assert len(text) >= occurrences.LONG_TEXT
    monkeypatch.setattr(occurrences, "LONG_TEXT", len(text) + 1)
    assert occurrences.find_all(text, words) == long
    assert sum(map(len, long.values())) > 10_000
    # the long path reads the text's UTF-8 bytes: characters of four bytes and lone
    # surrogates before a word still give its offset in characters
    odd = "😀高质量发展\ud800改革、高质量发展" * 2000
    monkeypatch.setattr(occurrences, "LONG_TEXT", 1)
    plain = {w: [i for i in range(len(odd)) if odd.startswith(w, i)] for w in ("高质量发展", "改革")}
    assert occurrences.find_all(odd, ["高质量发展", "改革"]) == plain


def test_the_lexicon_matcher_finds_the_same_in_a_long_text(monkeypatch):
    """The national lexicon's matcher looks for where a phrase may start in one pass over a
    long text's bytes (`occurrences.find_all`): the same phrases, at the same places."""
    from policy_cli.core import phrases
    from policy_cli.core.national import national_lexicon

    text = "".join(_texts())
    matcher = phrases.PhraseMatcher(national_lexicon())
    assert len(text) >= phrases.LONG_TEXT
    long = [(m.phrase, m.start, m.end) for m in matcher.finditer(text)]
    monkeypatch.setattr(phrases, "LONG_TEXT", len(text) + 1)
    assert [(m.phrase, m.start, m.end) for m in matcher.finditer(text)] == long
    assert len(long) > 500


def _clauses_char_by_char(text: str, start: int, end: int):
    """The clause split as it was written first: every character visited."""
    from policy_cli.core import targets as t

    out: list = []
    pos, quote = start, 0
    for i in range(start, end + 1):
        ch = text[i] if i < end else "。"
        if ch in t._OPEN_QUOTES:
            quote += 1
        elif ch in t._CLOSE_QUOTES:
            quote = max(0, quote - 1)
        if (ch in t._CLAUSE_ENDS and not quote) or i == end:
            piece = text[pos:i]
            if piece.strip():
                if out and t._re("clauses", "joined").match(piece) and text[pos - 1] == "，":
                    prev = out[-1]
                    out[-1] = t._Clause(text[prev.offset : i], prev.offset)
                else:
                    lead = len(piece) - len(piece.lstrip())
                    out.append(t._Clause(piece.strip(), pos + lead))
            pos = i + 1
    return out


def test_target_clauses_are_the_character_by_character_split():
    from policy_cli.core.targets import _clauses

    total = 0
    for path in PATHS:
        doc = load_document(path)
        spans = [(p.start, p.end) for p in doc.paragraphs] + [(0, len(doc.text))]
        for start, end in spans:
            expected = _clauses_char_by_char(doc.text, start, end)
            assert _clauses(doc.text, start, end) == expected
            total += len(expected)
    assert total > 20_000


def test_a_clause_without_a_possible_number_reads_no_value():
    """`may_hold_number` false: neither the clause nor its numerals in digits hold a value."""
    from policy_cli.core.quantities import arabic_numbers, may_hold_number
    from policy_cli.core.targets import _clauses, _find_value

    passed = held = 0
    for path in PATHS:
        doc = load_document(path)
        for clause in _clauses(doc.text, 0, len(doc.text)):
            text = clause.text
            if may_hold_number(text):
                held += 1
                continue
            passed += 1
            assert arabic_numbers(text) == text
            assert _find_value(text) is None
    assert passed > 5_000 and held > 1_000
    for text in ("增长百分之三点五", "到二〇三五年", "增长5%", "增长５％"):
        assert may_hold_number(text)


@pytest.mark.parametrize("numpy_from", [10**9, 0], ids=["bisection", "numpy"])
def test_key_sentence_words_by_slices_are_the_token_by_token_ones(numpy_from, monkeypatch):
    from policy_cli.core import sentences
    from policy_cli.core.pipeline import prepare
    from policy_cli.core.tokens import Tokens

    monkeypatch.setattr(sentences, "NUMPY_TOKENS", numpy_from)
    total = 0
    for path in PATHS:
        prepared = prepare(load_document(path))
        wholes = sentences.whole_sentences(prepared.document)
        tokens = Tokens.of(prepared.tokens)
        expected = sentences._words_by_owner(tokens, wholes)
        assert sentences._words_by_whole(prepared, wholes) == expected
        total += sum(map(len, expected))
    assert total > 50_000
    # tokens out of sentence order are not sliced: the token-by-token path takes them
    backwards = Tokens(tokens.texts[::-1], tokens.starts[::-1], tokens.sentences[::-1])
    assert not sentences._ascending(backwards.sentences)
    mixed = dataclasses.replace(prepared, tokens=backwards)
    assert sentences._words_by_whole(mixed, wholes) == sentences._words_by_owner(backwards, wholes)


def test_ascending_check_with_and_without_numpy(monkeypatch):
    from array import array

    from policy_cli.core import sentences
    from policy_cli.core.tokens import COLUMN

    values = array(COLUMN, [0, 0, 1, 1, 2, 5, 5, 9])
    for threshold in (1, 1_000):
        monkeypatch.setattr(sentences, "NUMPY_TOKENS", threshold)
        assert sentences._ascending(values)
        assert not sentences._ascending(array(COLUMN, [0, 2, 1]))
        assert sentences._ascending(array(COLUMN))


def _compounds_token_by_token(tokens, keep, idf):
    """`keywords._merge_compounds` as it was first written: a loop over every kept token."""
    from array import array
    from collections import Counter
    from itertools import islice

    from policy_cli.core import keywords as k
    from policy_cli.core.segment import lexicon_words
    from policy_cli.core.tokens import COLUMN

    lexicon = lexicon_words()

    def joinable(word):
        return idf.tag(word) not in k._WEAK_TAGS and word not in lexicon

    texts, starts, sentences = tokens.texts, tokens.starts, tokens.sentences
    stream = array(COLUMN, (q for q, w in enumerate(texts) if keep[w]))

    def adjacent(a, b):
        return sentences[a] == sentences[b] and starts[a] + len(texts[a]) == starts[b]

    counts = Counter(texts[q] for q in stream)
    pairs = Counter(
        (texts[a], texts[b])
        for a, b in zip(stream, islice(stream, 1, None), strict=False)
        if adjacent(a, b)
    )
    joined = {}
    for (left, right), c in pairs.items():
        if (c < 2 or len(left) + len(right) > k.MAX_COMPOUND_CHARS or not joinable(left)
                or not joinable(right)):
            continue
        if counts[left] == c or counts[right] == c:
            joined[(left, right)] = (counts[left] > c, counts[right] > c)
        elif c >= k.COMPOUND_MIN_COUNT and c >= k.COMPOUND_MIN_SHARE * min(
            counts[left], counts[right]
        ):
            joined[(left, right)] = (False, False)
    # the middle of a long name: a pair always between the same two words, longer together
    sides = {}
    for p in range(len(stream) - 1):
        a, b = stream[p], stream[p + 1]
        if (texts[a], texts[b]) in joined and adjacent(a, b):
            before = texts[stream[p - 1]] if p > 0 and adjacent(stream[p - 1], a) else ""
            after = (
                texts[stream[p + 2]]
                if p + 2 < len(stream) and adjacent(b, stream[p + 2])
                else ""
            )
            sides.setdefault((texts[a], texts[b]), set()).add((before, after))
    for pair, seen in sides.items():
        if len(seen) == 1:
            before, after = next(iter(seen))
            if before and after and len(before + pair[0] + pair[1] + after) > k.MAX_COMPOUND_CHARS:
                del joined[pair]
    out, index = [], []
    i, n = 0, len(stream)
    while i < n:
        tok = stream[i]
        nxt = stream[i + 1] if i + 1 < n else None
        parts = joined.get((texts[tok], texts[nxt])) if nxt is not None else None
        if nxt is not None and parts is not None and adjacent(tok, nxt):
            out.append(texts[tok] + texts[nxt])
            index.append(tok)
            for t, free in zip((tok, nxt), parts, strict=True):
                if free:
                    out.append(texts[t])
                    index.append(t)
            i += 2
            continue
        out.append(texts[tok])
        index.append(tok)
        i += 1
    return out, index


@pytest.mark.parametrize("numpy_from", [10**9, 0], ids=["c-loops", "numpy"])
def test_compounds_merged_in_c_loops_are_the_token_by_token_ones(numpy_from, monkeypatch):
    from policy_cli.core import keywords as k
    from policy_cli.core.pipeline import prepare
    from policy_cli.core.segment import is_candidate_term, load_stopwords

    monkeypatch.setattr(k, "NUMPY_COMPOUND_TOKENS", numpy_from)
    idf, stop = k.load_idf(), load_stopwords()
    joined = 0
    for doc in (*_documents()[:6], _documents()[-1]):
        tokens = k.Tokens.of(prepare(doc).tokens)
        keep = {w: is_candidate_term(w, stop) for w in set(tokens.texts)}
        terms = k._merge_compounds(tokens, keep, idf)
        out, index = _compounds_token_by_token(tokens, keep, idf)
        assert terms.terms == out and list(terms.token_index) == index
        joined += len(out) - sum(keep[w] for w in tokens.texts)
    assert joined != 0
    # no kept token, one, two
    for size in (0, 1, 2):
        tokens = k.Tokens(["改革"] * size, list(range(0, 2 * size, 2)), [0] * size)
        keep = {"改革": True}
        terms = k._merge_compounds(tokens, keep, idf)
        assert (terms.terms, list(terms.token_index)) == _compounds_token_by_token(tokens, keep, idf)



def test_glued_counts_are_the_counts_of_the_glued_tokens():
    from collections import Counter

    from policy_cli.core import keywords as k
    from policy_cli.core.pipeline import prepare
    from policy_cli.core.segment import load_stopwords

    stop = load_stopwords()
    glued = 0
    for doc in _documents():
        tokens = k.Tokens.of(prepare(doc).tokens)
        out, counts = k._glued(tokens, stop)
        assert counts == Counter(out.texts) and 0 not in counts.values()
        assert out.texts == k._glue_single_characters(tokens, stop).texts
        glued += len(tokens) - len(out)
    assert glued != 0

def test_sentence_ranges_by_runs_are_the_piece_by_piece_ones(monkeypatch):
    from policy_cli.core import tokens as t

    for path in PATHS[:8]:
        seg = t.segment_document(load_document(path), tags=False)
        monkeypatch.setattr(t, "NUMPY_PIECES", 10**9)
        plain = t.Segmentation(seg.text, seg.pieces, seg.starts, seg.tags, seg.sentence)._ranges
        monkeypatch.setattr(t, "NUMPY_PIECES", 1)
        runs = t.Segmentation(seg.text, seg.pieces, seg.starts, seg.tags, seg.sentence)._ranges
        assert list(runs.items()) == list(plain.items()) and len(plain) > 10
    # a sentence whose pieces come back later spans from its first piece to its last
    column = t.array(t.COLUMN, [0, 0, -1, 1, 1, -1, 2, -1])
    seg = t.Segmentation("", (), t.array(t.COLUMN), (), column)
    assert seg._ranges == {0: (0, 2), -1: (2, 8), 1: (3, 5), 2: (6, 7)}


def test_textrank_vectors_by_numpy_are_the_python_ones_bit_for_bit(monkeypatch):
    """The same ranks, compared with ==: the weights, norms and diagonal are the same floats."""
    from policy_cli.core import sentences
    from policy_cli.core.pipeline import prepare

    every: list[list[str]] = []
    for path in PATHS:
        prepared = prepare(load_document(path))
        wholes = sentences.whole_sentences(prepared.document)
        docs = [w for w in sentences._words_by_whole(prepared, wholes) if len(set(w)) >= 3]
        every += docs
        for pairs in (sentences.NUMPY_PAIRS, 1):  # the pure PageRank steps, then numpy's
            monkeypatch.setattr(sentences, "NUMPY_PAIRS", pairs)
            monkeypatch.setattr(sentences, "NUMPY_TERMS", 10**12)
            python = sentences._textrank(docs)
            monkeypatch.setattr(sentences, "NUMPY_TERMS", 1)
            assert sentences._textrank(docs) == python
    monkeypatch.setattr(sentences, "NUMPY_PAIRS", 20_000)
    monkeypatch.setattr(sentences, "NUMPY_TERMS", 10**12)
    python = sentences._textrank(every)
    monkeypatch.setattr(sentences, "NUMPY_TERMS", 1)
    assert sentences._textrank(every) == python and len(every) > 5_000


def test_glued_spam_search_skips_only_lines_it_cannot_match():
    from policy_cli.core import noise

    lines = [line for text in _texts() for line in text.split("\n")]
    lines += [
        "球球直播app下载_球球体育官网-线上买球", "欢迎访问abc体育APP注册", "在线投注", "网上百家乐",
        "XYZ娱乐官方网站", "ab娱乐登录入口", "体育app", "线上教学", "加快发展体育产业",
    ]
    found = 0
    for line in lines:
        expected = [(m.start(), m.end()) for m in noise._GLUED.finditer(line)]
        assert noise._glued_spans(line) == expected
        found += len(expected)
    assert found >= 7



def test_patterns_opening_with_a_class_match_as_their_plain_forms():
    """formulation_rules.toml writes them to open with a character or a class (so that `re`
    scans for those); the plain forms, with the optional 党的 and the look-behinds first."""
    import re

    from policy_cli.core.formulations.vocab import patterns

    numeral = "一二三四五六七八九十"
    after = "(?=精神|胜利|召开|报告|和|以来|代表|、|，|。|；|”)"
    plain = {
        "plan": re.compile(f"(?<![{numeral}])十[一二三四五六七八九]五(?:规划)?(?![{numeral}])"),
        "congress": re.compile(
            f"(?:党的)?(?<![{numeral}第])(?:十[二三四五六七八九]|二十[一二三四五六七八九]?)大{after}"
        ),
        "version": re.compile(r"(?<![0-9.])\d{1,2}\.0版"),
        "unquoted_code": re.compile(
            r"(?<![0-9A-Za-z.+＋%])(\d{1,3}(?:[+＋](?:\d{1,3}|[XN]))+)(?![0-9A-Za-z.%+＋])"
        ),
    }
    texts = [*_texts(), "1+N 12+6+X 1.0版 2.0版 12.0版 3.2.0版 a1+1 1+1% １+２ 10.0版 x9+9 1000+1",
             "党的二十大精神 十九大召开 第十九大和 二十一大、二十大报告 党的十大以来 一十九大和"
             " 党的第二十大和 十二十大和 十四五规划 二十五 十十四五 “十五五”时期 十三五、"]
    found = 0
    for name, pattern in plain.items():
        for text in texts:
            expected = [(m.span(), m.groups()) for m in pattern.finditer(text)]
            got = [(m.span(), m.groups()) for m in getattr(patterns(), name).finditer(text)]
            assert got == expected
            found += len(expected)
    assert found > 100


def test_clauses_passed_over_before_cleaning_could_hold_no_number():
    """A clause `_parse_clause` passes over at once (no digit, no numeral that opens a
    percentage or year in words) is one that `may_hold_number` refuses once cleaned."""
    from policy_cli.core import targets as t
    from policy_cli.core.quantities import may_hold_number

    passed = 0
    for text in _texts():
        for clause in t._clauses(text, 0, len(text)):
            if t._NUMBER_MARK.search(clause.text):
                continue
            passed += 1
            cleaned = clause.text.replace(" ", "").replace("\u3000", "").translate(t._FULLWIDTH)
            assert not may_hold_number(cleaned), clause.text
    assert passed > 1000
    # and the marks: a fullwidth digit, a percentage and a year in words, spaced out
    for said in ("增长５％", "百分 之三", "二〇 三五年"):
        assert t._NUMBER_MARK.search(said)


def test_headed_terms_by_numpy_are_the_ones_looked_up_term_by_term(monkeypatch):
    from policy_cli.core import keywords as k
    from policy_cli.core.pipeline import prepare

    headed = 0
    for path in PATHS[:8]:
        doc = load_document(path)
        terms = k.ranked_terms(prepare(doc).tokens, document=doc)
        monkeypatch.setattr(k, "NUMPY_COMPOUND_TOKENS", 10**9)
        plain = k._headed_terms(terms, doc)
        monkeypatch.setattr(k, "NUMPY_COMPOUND_TOKENS", 0)
        assert k._headed_terms(terms, doc) == plain
        headed += len(plain)
    assert headed > 20


def test_organisation_runs_from_their_openings_are_the_word_by_word_ones():
    from policy_cli.core import people
    from policy_cli.core.tokens import segment_document

    r, o = people.rules(), people.DEFAULT_PEOPLE_OPTIONS
    found = 0
    for doc in _documents():
        seg = segment_document(doc)
        plain = list(people._org_chunks_word_by_word(doc, seg, r, o))
        assert list(people._org_chunks(doc, seg, r, o)) == plain
        found += len(plain)
    assert found > 1_000


def test_glued_on_numpy_is_the_glued_in_python(monkeypatch):
    from policy_cli.core import keywords as k
    from policy_cli.core.pipeline import prepare
    from policy_cli.core.segment import load_stopwords

    stop = load_stopwords()
    glued = 0
    for doc in _documents():
        tokens = k.Tokens.of(prepare(doc).tokens)
        plain, counts = k._glued(tokens, stop)
        out, said, (words, ids) = k._glued_numpy(tokens, stop)
        assert (out.texts, list(out.starts), list(out.sentences)) == (
            plain.texts, list(plain.starts), list(plain.sentences)
        )
        assert said == counts and 0 not in said.values()
        assert [words[i] for i in ids.tolist()] == out.texts
        glued += len(tokens) - len(out)
        # the terms of the whole path, short and long
        monkeypatch.setattr(k, "NUMPY_COMPOUND_TOKENS", 10**9)
        short = k.document_terms(tokens)
        monkeypatch.setattr(k, "NUMPY_COMPOUND_TOKENS", 0)
        long = k.document_terms(tokens)
        assert (long.terms, list(long.token_index)) == (short.terms, list(short.token_index))
    assert glued != 0


@pytest.mark.parametrize("tags", [True, False])
def test_long_segmentation_columns_by_numpy_are_the_sentence_by_sentence_ones(tags, monkeypatch):
    from policy_cli.core import tokens

    doc = _documents()[-1]  # every test document in one text
    sents = list(doc.sentences)
    # a sentence whose text is not the text at its offsets: columns counted stretch by stretch
    odd = dataclasses.replace(doc, sentences=(
        *sents[:5], dataclasses.replace(sents[5], text=sents[5].text + "补"), *sents[6:]
    ))
    for document in (doc, odd, _documents()[0]):
        monkeypatch.setattr(tokens, "NUMPY_SEGMENT_CHARS", 10**12)
        plain = tokens.segment_document(document, tags=tags)
        monkeypatch.setattr(tokens, "NUMPY_SEGMENT_CHARS", 0)
        by_numpy = tokens.segment_document(document, tags=tags)
        assert by_numpy.pieces == plain.pieces and by_numpy.tags == plain.tags
        assert list(by_numpy.starts) == list(plain.starts)
        assert list(by_numpy.sentence) == list(plain.sentence)
        assert by_numpy.starts.typecode == by_numpy.sentence.typecode == tokens.COLUMN


def test_one_search_for_any_cue_is_a_test_of_each_cue():
    from policy_cli.core.sentences import _cue_pattern, _cues, whole_sentences

    cues = _cues()
    kinds = (cues["guidance"], cues["requirement"], cues["target"])
    every = tuple(c for kind in kinds for c in kind)
    found = 0
    for doc in _documents():
        for w in whole_sentences(doc):
            head = doc.text[w.start : w.end].strip()[:60]
            expected = any(c in head for c in every)
            assert (_cue_pattern(every).search(head) is not None) == expected
            found += expected
    assert found > 20
    assert _cue_pattern(()).search("任何文字") is None


def test_freed_memory_is_given_back_where_the_c_library_can():
    import platform

    from policy_cli.core.tokens import _malloc_trim, give_back_memory

    if platform.system() == "Linux" and platform.libc_ver()[0] == "glibc":
        assert _malloc_trim() is not None
    give_back_memory()  # (a no-op elsewhere, never an error)


def test_edges_looked_up_as_arrays_are_said_at_one_by_one():
    from policy_cli.core.formulations.pieces import NUMBER_CHARS, said_at, said_at_all
    from policy_cli.core.tokens import segment_document

    doc = _documents()[-1]  # every test document in one text
    text = doc.text
    seg = segment_document(doc, tags=False)
    said = 0
    for size in (2, 3, 4):
        every = list(range(size % 3, len(text) - size + 1, 3))  # a third of all places
        # with no number to go on into them (the array path), and with numbers (one by one)
        plain = [s for s in every if text[s] not in NUMBER_CHARS]
        for starts in (plain, every, every[-1:], []):
            expected = [said_at(text, seg, s, s + size) for s in starts]
            assert said_at_all(text, seg, starts, size) == expected
            said += sum(expected)
        # the end of the text is the end of a word
        last = [len(text) - size]
        assert said_at_all(text, seg, last, size) == [said_at(text, seg, last[0], len(text))]
    assert said > 100_000


def test_formulations_counted_as_arrays_are_the_ones_counted_one_by_one(monkeypatch):
    from policy_cli.core.formulations import extract_formulations, rank

    doc = _documents()[-1]
    monkeypatch.setattr(rank, "NUMPY_OCCURRENCES", 10**12)
    plain = extract_formulations(doc)
    monkeypatch.setattr(rank, "NUMPY_OCCURRENCES", 2)
    assert extract_formulations(doc) == plain
    assert sum(f.count >= 2 for f in plain) > 100


def test_counts_in_one_pass_are_str_count(monkeypatch):
    from policy_cli.core import occurrences

    text = "\n".join(_texts())
    assert len(text) >= occurrences.LONG_TEXT  # one pass over the whole text
    # phrases of the text, some overlapping themselves (十五五 in 十五五五, 发展 in 发展发展)
    phrases = [text[i : i + n] for n in (2, 3, 5) for i in range(0, len(text) - n, 1_009)]
    phrases += ["发展", "五五", "。。", "战略", "不存在的说法"]
    for t in (text, text[:5_000], "十五五五五发展发展发展"):
        expected = {p: t.count(p) for p in phrases if p}
        assert occurrences.count_each(t, phrases) == expected
        monkeypatch.setattr(occurrences, "LONG_TEXT", 0)
        assert occurrences.count_each(t, phrases) == expected
        monkeypatch.undo()
    assert sum(text.count(p) > 1 for p in phrases) > 100


def test_runs_counted_length_by_length_are_every_run_counted():
    from collections import Counter

    from policy_cli.core.formulations.coined import _said_often
    from policy_cli.core.tokens import segment_document

    pieces = segment_document(_documents()[-1], tags=False).pieces
    n = len(pieces)
    for least, most in ((40, 4), (8, 3), (3, 5), (3, 1)):
        often = {w for w, c in Counter(pieces).items() if c >= least and len(w) > 1}
        every: Counter[tuple[str, ...]] = Counter()  # the plain form: every run at every place
        for i, first in enumerate(pieces):
            if first not in often:
                continue
            for j in range(i + 2, min(n, i + most) + 1):
                if pieces[j - 1] not in often:
                    break
                every[tuple(pieces[i:j])] += 1
        expected = {g: c for g, c in every.items() if c >= least}
        assert _said_often(pieces, often, least, most) == expected
        assert most < 2 or len(expected) > 3


def test_positions_count_described_cores_in_one_pass_as_one_by_one(monkeypatch):
    """On a long text, the positioning stage counts the cores of described names in one pass
    (`occurrences.count_each`): its finds are those of counting each core by `str.count`."""
    from policy_cli.core.formulations import positions
    from policy_cli.core.formulations.options import FormulationOptions
    from policy_cli.core.occurrences import LONG_TEXT
    from policy_cli.core.tokens import segment_document

    doc = _documents()[-1]  # every test document run together
    assert len(doc.text) >= LONG_TEXT  # (count_each's one pass too)
    monkeypatch.setattr(positions, "ONE_PASS_CHARS", LONG_TEXT)
    o = FormulationOptions()
    seg = segment_document(doc, tags=False)
    ending = positions._patterns(o.position_max_len)[-1]
    ends = {m.end() for m in ending.finditer(doc.text)}
    plain = [
        (c.text, c.offset, c.rule)
        for c in positions._find(doc.text, o, seg, ends, doc.text.count)
    ]
    fast = [(c.text, c.offset, c.rule) for c in positions.find_positions(doc.text, o, seg)]
    assert fast == plain and len(fast) > 20
