"""The pattern cache: `re`'s code for each pattern kept in a file and used by the next run.

Every pattern of the package compiled from the file must equal the one `re` compiles itself
(Pattern equality compares flags, text and code), a damaged file or entry must cost nothing
but the time, and the command line must print the same with the cache cold and warm.
"""

from __future__ import annotations

import importlib
import marshal
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from policy_cli.core import compiled
from tests.conftest import FOUNDING
from tests.core.test_patterns import _package_patterns


@pytest.fixture
def compiler():
    compiled.forget_compiled_patterns()
    module = importlib.import_module("re._compiler")
    plain = module.compile
    yield module
    compiled.forget_compiled_patterns()
    assert module.compile is plain


def _sources() -> list[tuple[str, int]]:
    sources = _package_patterns()
    assert len(sources) >= 150
    return sources


def test_the_next_run_compiles_nothing_and_gets_the_same_patterns(compiler, tmp_path):
    sources = _sources()
    before = [compiler.compile(p, f) for p, f in sources]
    memory = compiled.remember_compiled_patterns(tmp_path)
    assert memory is not None and compiler.compile == memory.compile
    assert compiled.remember_compiled_patterns(tmp_path) is memory  # once per process
    first = [compiler.compile(p, f) for p, f in sources]
    assert first == before
    assert len(memory.added) == len(set(sources))
    memory.save()
    assert memory.path.exists() and memory.path.parent == tmp_path
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary left

    compiled.forget_compiled_patterns()  # the next run
    assert compiler.compile is not memory.compile
    again = compiled.remember_compiled_patterns(tmp_path)
    assert again is not None and again is not memory
    # read as each entry's own data: an entry is decoded only when its pattern is compiled
    assert len(again.known) == len(set(sources))
    assert all(type(v) is bytes for v in again.known.values())
    second = [compiler.compile(p, f) for p, f in sources]
    assert second == before
    assert not again.added and again.used == set(sources)  # all from the file
    mtime = again.path.stat().st_mtime_ns
    again.save()  # nothing new: not written
    assert again.path.stat().st_mtime_ns == mtime


def test_a_damaged_file_or_entry_costs_only_time(compiler, tmp_path):
    sources = _sources()[:40]
    before = [compiler.compile(p, f) for p, f in sources]
    memory = compiled.remember_compiled_patterns(tmp_path)
    assert memory is not None
    memory.path.write_bytes(b"\x00not marshal data")
    compiled.forget_compiled_patterns()
    memory = compiled.remember_compiled_patterns(tmp_path)
    assert memory is not None and memory.known == {}
    assert [compiler.compile(p, f) for p, f in sources] == before
    memory.save()
    entries = {k: marshal.loads(v) for k, v in compiled._read(memory.path).items()}
    assert len(entries) == len(set(sources))
    # one bit changed anywhere in the file (a damaged disk): its checksum fails, it is not read
    damaged = bytearray(memory.path.read_bytes())
    damaged[len(damaged) // 2] ^= 0x01
    memory.path.write_bytes(bytes(damaged))
    assert compiled._read(memory.path) == {}
    # an entry _sre refuses (its code cut short), another of the wrong shape, one whose own
    # data is no marshal data (each entry is read only when its pattern is compiled)
    (p0, f0), (p1, f1), (p2, f2) = sources[0], sources[1], sources[2]
    flags, code, *rest = entries[(p0, f0)]
    entries[(p0, f0)] = (flags, code[: len(code) // 2], *rest)
    entries[(p1, f1)] = ("not", "an entry")
    kept = {**entries, (p2, f2): b"\xffnot marshal data"}
    memory.path.write_bytes(compiled._pack(kept))
    compiled.forget_compiled_patterns()
    memory = compiled.remember_compiled_patterns(tmp_path)
    assert memory is not None
    assert [compiler.compile(p, f) for p, f in sources] == before
    assert set(memory.added) == {(p0, f0), (p1, f1), (p2, f2)}  # compiled again, kept right


def test_a_cache_that_cannot_be_written_is_left_alone(compiler, tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("a file where the directory would be")
    memory = compiled.remember_compiled_patterns(blocked / "cache")
    assert memory is not None and not memory.writable  # read only: nothing compiled twice
    pattern = compiler.compile("[一-鿿]+测试", 32)
    assert pattern.fullmatch("好的测试") and not memory.added
    memory.writable = True  # (as if it could: the write fails quietly)
    compiler.compile("[一-鿿]+测试二", 32)
    memory.save()  # no error
    assert blocked.read_text().startswith("a file")


@pytest.mark.skipif(os.geteuid() != 0 or not Path("/usr/bin/setpriv").exists(),
                    reason="runs the command as another user (root and setpriv needed)")
def test_a_cache_folder_the_user_may_not_enter_turns_the_cache_off():
    """HOME=/root as another user (docker run --user): stat of ~/.cache/policy-cli is refused,
    which `Path.exists` raises; the command runs without its caches instead of a traceback."""
    import shutil
    import tempfile

    top = Path(tempfile.mkdtemp(prefix="policy-cli-home-"))  # (pytest's own is the user's only)
    try:
        _run_as_nobody_with_a_closed_cache(top)
    finally:
        (top / "home" / ".cache").chmod(0o700)
        shutil.rmtree(top)


def _run_as_nobody_with_a_closed_cache(top: Path) -> None:
    home = top / "home"
    (home / ".cache").mkdir(parents=True)
    (home / ".cache").chmod(0)
    top.chmod(0o755)
    home.chmod(0o755)
    doc = top / "t.txt"
    doc.write_text("今年发展主要预期目标是：国内生产总值增长5%左右。", encoding="utf-8")
    doc.chmod(0o644)
    env = {**os.environ, "HOME": str(home)}
    env.pop(compiled.OFF_VARIABLE, None)
    run = subprocess.run(
        ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
         sys.executable, "-m", "policy_cli", "targets", str(doc)],
        capture_output=True, text=True, env=env, timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr and "5%左右" in run.stdout


def test_the_file_is_the_users_own(compiler, tmp_path):
    memory = compiled.remember_compiled_patterns(tmp_path)
    assert memory is not None and memory.writable
    compiler.compile("[一-鿿]+的", 32)
    memory.save()
    assert memory.path.stat().st_mode & 0o777 == 0o600
    v = sys.version_info
    assert f"-{v.major}.{v.minor}.{v.micro}" in memory.path.name  # one patch release's own file


def test_bytes_and_patterns_that_warn_are_compiled_as_usual(compiler, tmp_path):
    memory = compiled.remember_compiled_patterns(tmp_path)
    assert memory is not None
    assert compiler.compile(b"(?:ab)+", 0).fullmatch(b"abab")
    with pytest.warns(FutureWarning) as said:
        compiler.compile("[[a]", 32)  # re warns of a possible nested set, once
    assert len(said) == 1
    assert not memory.added  # neither is kept: the warning is re's to give every run
    assert compiled.remember_compiled_patterns(tmp_path) is memory


def test_no_home_directory_turns_it_off(compiler, monkeypatch):
    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(compiled, "cache_dir", no_home)
    assert compiled.remember_compiled_patterns() is None


def test_the_file_holds_at_most_what_a_run_used(compiler, tmp_path, monkeypatch):
    sources = _sources()
    monkeypatch.setattr(compiled, "MOST_PATTERNS", 50)
    memory = compiled.remember_compiled_patterns(tmp_path)
    assert memory is not None
    for p, f in sources:
        compiler.compile(p, f)
    memory.save()
    assert len(compiled._read(memory.path)) == 50


def test_it_can_be_turned_off(compiler, tmp_path, monkeypatch):
    monkeypatch.setenv(compiled.OFF_VARIABLE, "1")
    assert compiled.remember_compiled_patterns(tmp_path) is None
    assert not list(tmp_path.iterdir())
    monkeypatch.setenv(compiled.OFF_VARIABLE, "0")  # "0" (or "false", "no") leaves it on
    assert compiled.remember_compiled_patterns(tmp_path) is not None


def test_the_command_prints_the_same_with_the_cache_cold_and_warm(tmp_path):
    env = {**os.environ, "POLICY_CLI_CACHE": str(tmp_path)}
    env.pop(compiled.OFF_VARIABLE, None)
    command = [sys.executable, "-m", "policy_cli", "slogans", str(FOUNDING)]
    cold = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    files = list(tmp_path.glob("re-*.marshal"))
    assert len(files) == 1 and len(compiled._read(files[0])) > 100
    warm = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    assert warm.stdout == cold.stdout and "Formulations" in warm.stdout
    assert warm.stderr == cold.stderr
    env[compiled.OFF_VARIABLE] = "1"
    off = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    assert off.stdout == cold.stdout
    assert Path(files[0]).exists()


# the methods' cache: the code of the methods dataclasses writes, kept for the next run


@pytest.fixture
def methods():
    import dataclasses

    compiled.forget_generated_methods()
    yield dataclasses
    compiled.forget_generated_methods()
    assert not hasattr(dataclasses, "exec")  # the builtin's again


def _classes() -> dict[str, type]:
    """Dataclasses of every kind the package makes (frozen, slots, defaults, factories,
    ordered, keyword-only), made anew, by name."""
    import dataclasses

    @dataclasses.dataclass(frozen=True)
    class Frozen:
        index: int
        text: str
        tags: tuple[str, ...] = ()
        extra: list[int] = dataclasses.field(default_factory=list)

    @dataclasses.dataclass(frozen=True, slots=True)
    class Slotted:
        word: str
        start: int

    @dataclasses.dataclass(order=True)
    class Ordered:
        rank: float
        name: str = dataclasses.field(default="", compare=False)

    @dataclasses.dataclass(kw_only=True)
    class Keywords:
        a: int
        b: dict[str, int] = dataclasses.field(default_factory=dict)

        def __post_init__(self) -> None:
            self.b.setdefault("a", self.a)

    return {c.__name__: c for c in (Frozen, Slotted, Ordered, Keywords)}


def _methods_of(cls: type) -> dict[str, Any]:
    return {
        name: (value.__code__, value.__annotations__, value.__defaults__, value.__kwdefaults__)
        for name, value in vars(cls).items()
        if callable(value) and hasattr(value, "__code__")
    }


def test_the_next_run_makes_the_same_methods_without_compiling_them(methods, tmp_path):
    import dataclasses

    plain = {name: _methods_of(cls) for name, cls in _classes().items()}
    memory = compiled.remember_generated_methods(tmp_path)
    assert memory is not None and dataclasses.exec == memory.exec
    assert compiled.remember_generated_methods(tmp_path) is memory  # once per process
    first = {name: _methods_of(cls) for name, cls in _classes().items()}
    assert first == plain  # the same code (flags, names, constants), annotations, defaults
    assert len(memory.added) >= 12
    memory.save()
    assert memory.path.exists() and memory.path.stat().st_mode & 0o777 == 0o600

    compiled.forget_generated_methods()  # the next run
    again = compiled.remember_generated_methods(tmp_path)
    assert again is not None and again is not memory
    classes = _classes()
    assert {name: _methods_of(cls) for name, cls in classes.items()} == plain
    assert not again.added and again.used == set(memory.known)  # all from the file
    # and they behave as dataclasses' own
    frozen = classes["Frozen"](1, "a")
    assert frozen == classes["Frozen"](1, "a", ()) and frozen != classes["Frozen"](2, "a")
    assert hash(classes["Slotted"]("w", 1)) == hash(("w", 1))
    assert repr(frozen).endswith("Frozen(index=1, text='a', tags=(), extra=[])")
    with pytest.raises(dataclasses.FrozenInstanceError):
        frozen.index = 2  # type: ignore[misc]
    assert classes["Ordered"](1.0, "x") < classes["Ordered"](2.0)
    assert classes["Keywords"](a=3).b == {"a": 3}
    with pytest.raises(TypeError):
        classes["Slotted"]("w")  # type: ignore[call-arg]


def test_a_damaged_methods_file_or_entry_costs_only_time(methods, tmp_path):
    plain = {name: _methods_of(cls) for name, cls in _classes().items()}
    memory = compiled.remember_generated_methods(tmp_path)
    assert memory is not None
    _classes()
    memory.save()
    entries = compiled._read(memory.path)
    first, second, *_ = entries
    entries[first] = b"\xffnot marshal data"
    entries[second] = marshal.dumps(("not", "code"))
    memory.path.write_bytes(compiled._pack(entries))
    compiled.forget_generated_methods()
    memory = compiled.remember_generated_methods(tmp_path)
    assert memory is not None
    assert {name: _methods_of(cls) for name, cls in _classes().items()} == plain
    assert set(memory.added) == {first, second}  # compiled again, kept right


def test_exec_of_anything_else_is_the_builtins(methods, tmp_path):
    memory = compiled.remember_generated_methods(tmp_path)
    assert memory is not None
    space: dict[str, Any] = {}
    memory.exec(compile("x = 1", "<test>", "exec"), space)  # code: as it is
    assert space["x"] == 1 and not memory.added
    y = 2
    memory.exec("z = y + 1")  # no globals: the caller's namespaces, as the builtin's
    assert "z = y + 1" not in memory.added and y == 2


def test_the_methods_cache_is_turned_off_with_the_patterns(methods, tmp_path, monkeypatch):
    monkeypatch.setenv(compiled.OFF_VARIABLE, "1")
    assert compiled.remember_generated_methods(tmp_path) is None
    assert not list(tmp_path.iterdir())


def test_the_command_prints_the_same_with_the_methods_and_rules_cold_and_warm(tmp_path):
    env = {**os.environ, "POLICY_CLI_CACHE": str(tmp_path)}
    env.pop(compiled.OFF_VARIABLE, None)
    command = [sys.executable, "-m", "policy_cli", "slogans", str(FOUNDING), "--format", "json"]
    cold = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    files = list(tmp_path.glob("methods-*.marshal"))
    assert len(files) == 1 and len(compiled._read(files[0])) > 100
    rules = list(tmp_path.glob("toml-*.marshal"))  # the rules files, as tomllib parsed them
    assert len(rules) == 1 and len(compiled._read(rules[0])) >= 2
    warm = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    assert warm.stdout == cold.stdout and warm.stderr == cold.stderr


# the rules' cache: what tomllib makes of each rules file, kept for the next run


@pytest.fixture
def rules_parser():
    import tomllib

    compiled.forget_parsed_rules()
    plain = tomllib.loads
    yield tomllib
    compiled.forget_parsed_rules()
    assert tomllib.loads is plain


def _rules_texts() -> list[str]:
    from policy_cli import data

    names = sorted(p.name for p in Path(data.__file__).parent.glob("*.toml"))
    assert "formulation_rules.toml" in names and len(names) >= 5
    return [data.text(name) for name in names]


def _typed(value: Any) -> Any:
    """A parsed table with every value's type and the order of every table's keys."""
    if isinstance(value, dict):
        return ("dict", [(k, _typed(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("list", [_typed(v) for v in value])
    return (type(value).__name__, value)


def test_the_next_run_parses_no_rules_file_and_gets_the_same_tables(rules_parser, tmp_path):
    texts = _rules_texts()
    before = [_typed(rules_parser.loads(t)) for t in texts]
    memory = compiled.remember_parsed_rules(tmp_path)
    assert memory is not None and rules_parser.loads == memory.loads
    assert compiled.remember_parsed_rules(tmp_path) is memory  # once per process
    assert [_typed(rules_parser.loads(t)) for t in texts] == before
    assert set(memory.added) == set(texts)
    memory.save()
    assert memory.path.stat().st_mode & 0o777 == 0o600

    compiled.forget_parsed_rules()  # the next run
    again = compiled.remember_parsed_rules(tmp_path)
    assert again is not None and again is not memory
    tables = [rules_parser.loads(t) for t in texts]
    assert [_typed(t) for t in tables] == before  # same values, types and order
    assert not again.added and again.used == set(texts)  # all from the file
    tables[0].clear()  # a new object each time: what a caller does to it is its own
    assert _typed(rules_parser.loads(texts[0])) == before[0]


def test_a_damaged_rules_entry_and_other_parses_are_tomllibs(rules_parser, tmp_path):
    from decimal import Decimal

    texts = _rules_texts()[:2]
    memory = compiled.remember_parsed_rules(tmp_path)
    assert memory is not None
    before = [_typed(rules_parser.loads(t)) for t in texts]
    memory.save()
    entries = compiled._read(memory.path)
    entries[texts[0]] = b"\xffnot marshal data"
    entries[texts[1]] = marshal.dumps(["not", "a table"])
    memory.path.write_bytes(compiled._pack(entries))
    compiled.forget_parsed_rules()
    memory = compiled.remember_parsed_rules(tmp_path)
    assert memory is not None
    assert [_typed(rules_parser.loads(t)) for t in texts] == before
    assert set(memory.added) == set(texts)  # parsed again, kept right
    # another parse_float, and a value marshal cannot keep (a date): tomllib's, not kept
    assert rules_parser.loads("x = 1.5", parse_float=Decimal) == {"x": Decimal("1.5")}
    assert str(rules_parser.loads("d = 2026-12-08")["d"]) == "2026-12-08"
    assert "d = 2026-12-08" not in memory.added and "x = 1.5" not in memory.added
    with pytest.raises(rules_parser.TOMLDecodeError):
        rules_parser.loads("not toml")


def test_the_rules_cache_is_turned_off_with_the_patterns(rules_parser, tmp_path, monkeypatch):
    monkeypatch.setenv(compiled.OFF_VARIABLE, "1")
    assert compiled.remember_parsed_rules(tmp_path) is None
    assert not list(tmp_path.iterdir())
