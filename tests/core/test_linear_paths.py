"""Walks of the formulation extractor that reread their input for every find (issue 16).

A list of quoted codes walked again from each of its codes, a clause read back to its start at
every count word: on a long list (a table, generated text) the cost grew with the square of
the text. Each faster path is checked here against the plain walk it replaces, on adversarial
texts and on the real documents of tests/data; the timings are in benchmarks/README.md
(`benchmarks/linearity.py --shapes`), not here.
"""

from __future__ import annotations

import random
from functools import cache

from policy_cli.core.formulations import extract_formulations
from policy_cli.core.formulations import quoted as quoted_stage
from policy_cli.core.formulations.boundary import following_phrase, run_end
from policy_cli.core.formulations.options import FormulationOptions
from policy_cli.core.formulations.quoted import find_quoted, names_a_thing
from policy_cli.core.loaders import build_document, load_document
from policy_cli.core.tokens import segment_text
from tests.conftest import DOCS

OPTIONS = FormulationOptions()
PATHS = sorted(p for p in DOCS.rglob("*") if p.suffix in {".txt", ".md"})


@cache
def _documents() -> tuple[str, ...]:
    return tuple(load_document(p).text for p in PATHS)


def _codes(n: int) -> list[str]:
    return [f"{a}+{b}" for a in range(1, 100) for b in range(1, 10)][:n]


def _names(n: int) -> list[str]:
    chars = "贝碧嘉普拉桑摩羯山竹利奇马烟花杜苏芮"
    return [a + b + c for a in chars for b in chars for c in chars][:n]


def test_run_end_walks_each_item_once():
    """Asked from every item of a list of n items in turn, the walk takes n steps, not n²."""
    ends = list(range(3, 3 * 500 + 1, 3))  # items end at 3, 6, ..., 1500; none after
    steps = 0

    def step(at: int) -> int | None:
        nonlocal steps
        steps += 1
        return at + 3 if at + 3 <= ends[-1] else None

    runs: dict[int, int] = {}
    assert [run_end(step, at, runs) for at in ends] == [ends[-1]] * len(ends)
    assert steps == len(ends)
    assert run_end(step, 1, runs) == ends[-1] - 2  # another run is walked on its own
    assert run_end(step, ends[-1], {}) == ends[-1]  # an item with none after it


def test_a_long_list_of_quoted_codes_shares_the_phrase_after_it():
    text = "各地推广" + "、".join(f"“{c}”" for c in _codes(600)) + "等联农带农模式。"
    found = extract_formulations(build_document(text))
    assert [f.text for f in found] == _codes(600)
    assert {f.refers_to for f in found} == {"联农带农模式"}


def test_a_long_list_of_quoted_names_of_storms_is_not_formulations():
    names = "、".join(f"“{n}”" for n in _names(600))
    storms = extract_formulations(build_document(f"今年先后有{names}等台风登陆。推广“枫桥经验”。"))
    assert [f.text for f in storms] == ["枫桥经验"]
    works = extract_formulations(build_document(f"今年先后有{names}等工程落地。"))
    assert [f.text for f in works] == _names(600)


def _walk_each_time(monkeypatch) -> None:
    """Make the quoted stage walk each list again from every item, as it did."""
    plain_thing, plain_phrase = names_a_thing, following_phrase
    monkeypatch.setattr(
        quoted_stage, "names_a_thing", lambda text, end, start=None, runs=None: plain_thing(
            text, end, start
        )
    )
    monkeypatch.setattr(
        quoted_stage, "following_phrase", lambda text, pos, o, runs=None, code=None: plain_phrase(
            text, pos, o, code=code
        )
    )


def _quoted_texts() -> list[str]:
    codes, names = _codes(150), _names(150)
    return [
        *_documents(),
        "、".join(f"“{c}”" for c in codes) + "等联农带农模式",
        "、".join(f"“{c}”" for c in codes) + "模式",  # no 等: the phrase is not shared
        "".join(f"“{c}”" for c in codes) + "等模式",  # codes quoted one after another
        "、".join(f"“{n}”" for n in names) + "等台风",
        "、".join(f"“{n}”" for n in names) + "号",
        "、".join(f"“两个{n}”" for n in names) + "等要求",
        # lists broken in the middle, so that runs end at different places
        "、".join(f"“{c}”" + ("，" if i % 7 == 0 else "") for i, c in enumerate(codes)) + "等模式",
        "、".join(f"“{n}”" + ("和" if i % 5 == 0 else "") for i, n in enumerate(names)) + "等台风",
    ]


def test_quoted_stage_finds_what_the_walk_from_each_item_found(monkeypatch):
    texts = _quoted_texts()
    fast = [list(find_quoted(t, OPTIONS, segment_text(t))) for t in texts]
    _walk_each_time(monkeypatch)
    plain = [list(find_quoted(t, OPTIONS, segment_text(t))) for t in texts]
    assert fast == plain
    assert sum(len(c) for c in fast[len(_documents()) :]) > 500  # the lists were found


def _plain_listed_items(text, start, end, head, o, *, quoted=False, seg=None):
    """`members.listed_items` as it was: the clause before the set read back to its start."""
    from policy_cli.core.formulations import members

    w = members.words()
    n = members.count_of(head)
    if n < o.set_min_members:
        return ()
    clause_start = max(text.rfind(ch, 0, start) for ch in w.clause_marks) + 1
    before = text[clause_start:start]
    if quoted or before.endswith(w.open_quote):
        before = before.removesuffix(w.open_quote)
        verb = next((before[-k:] for k in o.list_verb_lens if members.is_verb(before[-k:])), "")
        before = before[: len(before) - len(verb)] if verb else members._list_right_before(before)
    before = before.removesuffix(w.demonstrative)
    parts = before.split(w.list_separator) if before else []
    if len(parts) == n and all(1 <= len(p) <= o.item_max_len_before for p in parts):
        parts[0] = members._first_item(parts[0], clause_start, parts[1:], o, seg)
        items = members._clean_items(parts, o)
        if items:
            return items
    return _after(text, end, n, o)


def _after(text, end, n, o):
    from policy_cli.core.formulations import members

    w = members.words()
    m = members.patterns().members_after.match(text[end : end + o.members_window])
    if m:
        parts = members.split_items(m.group(1))
        if n == members.PAIR and len(parts) == 1:
            parts = members._pair(parts[0])
        if len(parts) == n and all(
            len(members._ASIDE.sub("", p)) <= o.item_max_len_after and w.comma not in p
            for p in parts
        ):
            parts[0] = parts[0].lstrip(w.item_prepositions)
            return members._clean_items(parts, o)
    return ()


def _count_texts() -> list[str]:
    return [
        *_documents(),
        "两个确立、" * 400 + "面临需求收缩、供给冲击、预期转弱三重压力",
        "两个确立、" * 400 + "，面临需求收缩、供给冲击、预期转弱三重压力",
        "发展" * 2000 + "需求收缩、供给冲击、预期转弱三重压力",
        "三大攻坚战、" * 300 + "稻谷、小麦、玉米三大粮食作物",
        "、".join("科技" * k for k in range(1, 40)) + "实现“两增一稳”",
    ]


def test_members_are_the_ones_read_from_the_clause_start(monkeypatch):
    """Only the characters a list of the set's members can fill are read before it."""
    from policy_cli.core.formulations import members
    from policy_cli.core.formulations.vocab import patterns

    calls = 0
    for text in _count_texts():
        seg = segment_text(text)
        for m in patterns().counted.finditer(text):
            for head in (text[m.start() : m.end() + 4], text[m.start() : m.end() + 2]):
                for quoted in (False, True):
                    calls += 1
                    args = (text, m.start(), m.start() + len(head), head, OPTIONS)
                    assert members.listed_items(
                        *args, quoted=quoted, seg=seg
                    ) == _plain_listed_items(*args, quoted=quoted, seg=seg)
    assert calls > 2000


def test_members_of_a_set_after_a_long_clause():
    text = "发展" * 2000 + "，我们面临需求收缩、供给冲击、预期转弱三重压力。"
    found = {f.text: f.items for f in extract_formulations(build_document(text))}
    assert found["三重压力"] == ("需求收缩", "供给冲击", "预期转弱")


def _plain_battles_before(text, end, sep, marks, shortest, longest):
    """The list before a battle head as `heads._with_listed_battles` read it: the whole clause
    split again at every place of it."""
    clause_start = max(text.rfind(ch, 0, end + 1) for ch in marks) + 1
    listed = text[clause_start:end]
    k = next((i for i in range(len(listed)) if listed[i:].split(sep)[0] and
              all(shortest <= len(x) <= longest for x in listed[i:].split(sep)) and
              len({len(x) for x in listed[i:].split(sep)}) == 1), None)
    return None if k is None else clause_start + k


def test_battles_listed_before_are_the_tail_the_split_clause_gave():
    from policy_cli.core.formulations.heads import battles_listed_before

    rnd = random.Random(16)
    for _ in range(20000):  # short texts of items, separators and marks: every edge case
        size = rnd.randint(0, 14)
        text = "".join(rnd.choice("蓝天、、，“") for _ in range(size)) + "、净土保卫战"
        for shortest, longest in ((2, 3), (1, 2), (2, 2), (1, 4)):
            args = (text, size, "、", "，“", shortest, longest)
            assert battles_listed_before(*args) == _plain_battles_before(*args)


def test_battles_of_the_documents_and_of_a_long_list():
    from policy_cli.core.formulations.heads import battles_listed_before
    from policy_cli.core.formulations.vocab import words

    w, o = words(), OPTIONS
    texts = [*_documents(), "三大攻坚战、" * 200, "蓝天、" * 300 + "净土保卫战", "、" * 300]
    seen = 0
    for text in texts:
        for end in (i for i, ch in enumerate(text) if ch == w.list_separator):
            args = (text, end, w.list_separator, w.battle_list_marks, o.battle_min_len,
                    o.battle_max_len)
            found = battles_listed_before(*args)
            assert found == _plain_battles_before(*args)
            seen += found is not None
    assert seen > 1000
    listed = extract_formulations(build_document("三大攻坚战、" * 300 + "打好蓝天、碧水、净土保卫战"))
    assert "蓝天、碧水、净土保卫战" in {f.text for f in listed}
    battles = extract_formulations(build_document("打" + "蓝天、" * 300 + "净土保卫战。"))
    assert [f.text for f in battles if f.text.endswith("保卫战")] == [
        "蓝天、" * 300 + "净土保卫战"
    ]


def test_a_context_in_a_line_without_a_sentence_end_is_cut_around_the_find():
    """A table or list written as one line was one sentence: each find's context was all of it,
    and the output grew with the square of the text (57 MB of JSON for 20 k characters). The
    loader now cuts such a line into sentences of at most MAX_SENTENCE_CHARS at its commas, and
    a context longer than `context_max_len` is cut around its find."""
    from policy_cli.core.formulations.rank import context_around
    from policy_cli.models import Sentence

    longest = OPTIONS.context_max_len
    names = [a + b for a in ("蓝天", "碧水", "净土") for b in ("发展", "改革", "创新")]
    text = "".join(f"实施“{n}”工程，" for n in names) * 300  # 25 k characters, one line
    found = extract_formulations(build_document(text))
    assert set(names) <= {f.text for f in found}
    for f in found:
        for context in f.contexts:
            assert len(context) <= longest + 2 and context.strip("…") in text
    # a sentence longer than the limit (built by hand) is cut around the find
    sent = Sentence(0, 0, 100, 100 + len(text), text)
    first = context_around(sent, 100, 4, longest)
    assert first == text[:longest] + "…"
    middle = context_around(sent, 100 + len(text) // 2, 4, longest)
    assert middle.startswith("…") and middle.endswith("…") and len(middle) == longest + 2
    # a sentence of ordinary length is kept whole
    short = extract_formulations(build_document("各地深化“放管服”改革。" + text))
    assert short[0].contexts == ("各地深化“放管服”改革。",)
