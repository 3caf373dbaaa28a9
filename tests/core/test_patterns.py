"""Shared character sets compile every pattern of the package to the same code (start-up)."""

from __future__ import annotations

import importlib
import pkgutil
import re

import policy_cli.core as core
from policy_cli.core import patterns
from policy_cli.core.formulations.vocab import expand, rules


def _package_patterns() -> list[tuple[str, int]]:
    """Every compiled pattern a core module holds at its top level, and the rules file's."""
    found: dict[tuple[str, int], None] = {}
    for info in pkgutil.walk_packages(core.__path__, "policy_cli.core."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                found[(value.pattern, value.flags)] = None
    for source in rules()["patterns"].values():
        found[(expand(source), 0)] = None
    return list(found)


def test_shared_sets_compile_the_same_code(monkeypatch):
    compiler = importlib.import_module("re._compiler")
    plain = getattr(compiler._optimize_charset, "__wrapped_read_set__", compiler._optimize_charset)
    sources = _package_patterns()
    # flags as `re.compile` gives them (str patterns are Unicode), case folding among them
    sources += [(p, f | re.IGNORECASE) for p, f in sources[:40]]
    assert len(sources) > 150
    monkeypatch.setattr(compiler, "_optimize_charset", plain)
    before = [compiler.compile(p, f) for p, f in sources]
    assert patterns.share_character_sets()
    assert patterns.share_character_sets()  # twice: one wrapper
    assert compiler._optimize_charset is not plain
    assert compiler._optimize_charset.__wrapped_read_set__ is plain
    after = [compiler.compile(p, f) for p, f in sources]
    again = [compiler.compile(p, f) for p, f in sources]  # every set now a shared one
    assert before == after == again  # Pattern equality compares the compiled code
    assert any("\u4e00-\u9fff" in p for p, _ in sources)
    # the shared sets answer like the plain reader, a list the caller may keep
    han = [(re._constants.RANGE, (0x4E00, 0x9FFF))]  # type: ignore[attr-defined]
    first, second = compiler._optimize_charset(han), compiler._optimize_charset(han)
    assert first == second == plain(han)
    assert first[0] is not second[0]


def test_sets_read_a_range_at_a_time_as_re_reads_them():
    compiler = importlib.import_module("re._compiler")
    plain = getattr(compiler._optimize_charset, "__wrapped_read_set__", compiler._optimize_charset)
    parse = importlib.import_module("re._parser").parse
    classes = [
        "[ab]", "[a-c]", "[a-cx-z]", "[a-cx-z0-9]", "[\x00-\xff]", "[^a-z]",
        "[一-鿿]", "[^一-鿿]", "[一-鿿、]", "[一-鿿a-z0-9]", "[、，。；]", "[\uff00-\uffff]",
        "[\u00ff-\u0101]", "[一二三四五六七八九十]", "[a-z一-鿿\uf900-\ufaff]", "[\u3400-\u4dbf一-鿿]",
    ]
    read = 0
    for source in classes:
        (op, charset), = parse(source)
        quick = patterns._read_set(compiler, list(charset))
        assert quick is not None, source
        assert quick == plain(list(charset)), source
        read += 1
    for source in ("[\\d一-鿿]", "[\\w]", "[a\U00020000]"):  # classes, past U+FFFF: re's own
        (op, charset), = parse(source)
        assert patterns._read_set(compiler, list(charset)) is None, source
    assert read == len(classes)
