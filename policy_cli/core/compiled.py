"""Regular expressions compiled once for all runs: `re`'s code kept in the user's cache.

A command compiles 200-400 patterns before it reads a word (the formulation rules, the
stages' word lists, the places, the numbers): 30-40 ms of a 0.5 s run, every run, for the same
patterns. `re` turns a pattern into a list of integers (its code) and hands that to `_sre`;
`remember_compiled_patterns` keeps the list of each pattern in a file and gives it to `_sre`
again in the next run, skipping the parser and the compiler.

Safe by construction:
- an entry is written only after the pattern it makes compares equal to the one `re` compiled
  itself (a Pattern's equality compares its flags, its text and its code, item by item);
- the file is named by the interpreter's release and `_sre`'s version (`MAGIC`, `CODESIZE`):
  another Python, even another patch release of the same one, never reads it; a file whose
  checksum (CRC-32) does not match or that cannot be read, or an entry `_sre` refuses, is
  ignored and the pattern compiled as usual. (Like Python's own .pyc files, a file someone
  rewrote on purpose, checksum and all, is trusted: the cache is the user's own directory);
- the file is written at exit, whole (a temporary file renamed over it), mode 0600, only when
  the run compiled a pattern it lacked; it is never larger than `MOST_PATTERNS` entries (past
  that, the next file holds only what its run used). A cache that cannot be written is only
  read; with no home directory there is none.

Only patterns given as text are kept, and none whose reading warns (`re` warns of it every
run). The command line installs it (`policy_cli.cli.main`); a library user may call it, or
not. `POLICY_CLI_CACHE` moves it with the analysis cache; `POLICY_CLI_NO_PATTERN_CACHE=1` turns
it off, and the two caches below too.

The methods of dataclasses, the same way (`remember_generated_methods`): `dataclasses` writes
the source of each class's `__init__`, `__eq__`, `__repr__`, `__hash__`, `__setattr__` and
`__delattr__` and compiles it as the class is made, one `exec` a method. A `slogans` run makes
~50 classes (the 28 result types of `models` and the core's, rich's): ~250 sources compiled,
~15 ms of a 0.45 s run. The code Python compiles of each source is kept in a file of its own
(`methods-<python>.marshal`) and given to `exec` in the next run: the same source, compiled the
same way (`compile` with no inherited flags, as the `exec` of a string in `dataclasses` does),
so the same code; the file is read, checked, capped and written as the patterns' file is.

And the rules files, parsed (`remember_parsed_rules`): `tomllib` reads the formulation rules
(120 KB) in ~8 ms every run. What it made of each text is kept in `toml-<python>.marshal`, by
the text itself (no digest to trust: an edited file is parsed anew), and handed out again as
a new object each run (marshal keeps every type TOML gives, and the order of the tables).
"""

from __future__ import annotations

import atexit
import builtins
import importlib
import marshal
import os
import sys
import warnings
import zlib
from collections.abc import Callable, Mapping
from pathlib import Path
from types import CodeType, ModuleType
from typing import Any, TypeVar

MOST_PATTERNS = 2_000  # entries a cache file holds at most
MOST_METHODS = 2_000  # sources of methods the methods' file holds at most
MOST_RULES = 20  # texts the rules' file holds at most (a few rules files, some versions each)
_MARK = b"policy-cli re 2\n"  # a cache file opens with this, then the CRC-32 of the rest
OFF_VARIABLE = "POLICY_CLI_NO_PATTERN_CACHE"

# (pattern, flags) -> what `_sre.compile` takes after the pattern: flags, code, groups,
# group index, index group. The file keeps each entry as its own marshal data, read only
# when its pattern is compiled: a file holds what every command and test compiled (1,200
# entries, 5 MB, a `[一-鿿]` class's code alone 1-4 KB), a run uses a few hundred of them, and
# reading them all cost 30 ms a run against 2 ms for the bytes.
Entry = tuple[int, list[int], int, dict[str, int], tuple[Any, ...]]


def cache_dir() -> Path:
    """Return the user cache directory: $POLICY_CLI_CACHE, $XDG_CACHE_HOME/policy-cli, ~/.cache."""
    override = os.environ.get("POLICY_CLI_CACHE")
    if override:
        return Path(override)
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg else Path.home() / ".cache"
    return base / "policy-cli"


class _Memory:
    """A cache file's entries (each its own marshal data, decoded when used), those a run used,
    and those it added; the file written again at exit when the run added any."""

    def __init__(self, path: Path, *, writable: bool = True) -> None:
        self.path = path
        self.known: dict[Any, bytes] = _read(path)
        self.used: set[Any] = set()
        self.added: dict[Any, bytes] = {}
        # a cache that cannot be written is only read: what it lacks is compiled every run
        self.writable = writable

    def most(self) -> int:
        """The entries the file holds at most."""
        raise NotImplementedError

    def _kept(self, key: Any, kind: type) -> Any:
        """What the file keeps for `key`, decoded, where it is of `kind` (marked used), else
        None (an entry of another kind is dropped: made again)."""
        kept = self.known.get(key)
        if kept is None:
            return None
        try:
            found = marshal.loads(kept)
        except (EOFError, ValueError, TypeError):
            found = None
        if type(found) is kind:
            self.used.add(key)
            return found
        self.known.pop(key, None)
        return None

    def save(self) -> None:
        """Write the file again if this run compiled something it lacked."""
        if not self.added:
            return
        kept = {**self.known, **self.added}
        most = self.most()
        if len(kept) > most:  # what this run used, and no more than that
            kept = {k: kept[k] for k in [*self.used, *self.added][-most:]}
        temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}.{os.urandom(4).hex()}")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # the user's own file (patterns may hold words of the documents read)
            handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(handle, "wb") as out:
                out.write(_pack(kept))
            os.replace(temporary, self.path)
        except (OSError, ValueError):  # a cache that cannot be written: left alone
            try:
                temporary.unlink(missing_ok=True)
            except OSError:
                pass
            return
        self.known, self.added = kept, {}


class PatternMemory(_Memory):
    """The wrapper around `re`'s compiler and the file it reads and writes."""

    def __init__(
        self, path: Path, compiler: Any, parser: Any, sre: Any, *, writable: bool = True
    ) -> None:
        super().__init__(path, writable=writable)
        self._compiler, self._parser, self._sre = compiler, parser, sre
        self._compile = compiler.compile  # re's own

    def most(self) -> int:
        return MOST_PATTERNS

    def compile(self, pattern: Any, flags: Any = 0) -> Any:
        """`re._compiler.compile`, from the kept code where there is some. Only patterns given
        as text are kept (a bytes pattern, rare, is compiled as usual: its key would compare
        with a text key of the same characters, which `python -b` warns of)."""
        if type(pattern) is not str or type(flags) is not int:
            return self._compile(pattern, flags)
        key = (pattern, flags)
        kept = self.known.get(key)
        if kept is not None:
            try:
                compiled = self._sre.compile(pattern, *marshal.loads(kept))
            except Exception:  # an entry _sre refuses: compiled as usual
                self.known.pop(key, None)
            else:
                self.used.add(key)
                return compiled
        compiled = self._compile(pattern, flags)
        if self.writable and not flags & self._compiler.SRE_FLAG_DEBUG:
            entry = self._entry(pattern, flags)
            if entry is not None and self._sre.compile(pattern, *entry) == compiled:
                self.added[key] = marshal.dumps(entry)
        return compiled

    def _entry(self, pattern: str, flags: int) -> Entry | None:
        """What `re._compiler.compile` gives `_sre.compile` (3.11-3.13), as plain data; None
        for a pattern whose reading warns (it is compiled by `re` every run, which warns once:
        a kept one would warn no more)."""
        try:
            with warnings.catch_warnings(record=True) as said:
                warnings.simplefilter("always")
                tree = self._parser.parse(pattern, flags)
            if said:
                return None
            code = [int(c) for c in self._compiler._code(tree, flags)]
            groupindex = {str(k): int(v) for k, v in tree.state.groupdict.items()}
            indexgroup: list[str | None] = [None] * tree.state.groups
            for name, index in groupindex.items():
                indexgroup[index] = name
            return int(flags | tree.state.flags), code, tree.state.groups - 1, groupindex, (
                tuple(indexgroup)
            )
        except Exception:  # another Python's internals: not kept
            return None


class MethodMemory(_Memory):
    """The `exec` that `dataclasses` calls to make a class's methods, and the file it reads
    and writes: a source it has kept is run from its kept code, any other compiled (and kept)."""

    def most(self) -> int:
        return MOST_METHODS

    def exec(self, source: Any, space: Any = None, local_space: Any = None, /) -> None:
        """`exec(source, space, local_space)`, a source text from its kept code where there is
        some. Anything else (code, a call without globals) is the builtin's, as it was."""
        if type(source) is not str or type(space) is not dict:
            if space is None:  # the caller's namespaces, as the builtin takes them
                frame = sys._getframe(1)
                space = frame.f_globals
                local_space = frame.f_locals if local_space is None else local_space
            builtins.exec(source, space, local_space)
            return
        builtins.exec(self.code(source), space, local_space)

    def code(self, source: str) -> CodeType:
        """The code of a source text: kept, or compiled as `exec` compiles a string (with no
        flags inherited from this module: `dataclasses` has no `from __future__` import)."""
        kept: CodeType | None = self._kept(source, CodeType)
        if kept is not None:
            return kept
        code = compile(source, "<string>", "exec", dont_inherit=True)
        if self.writable:
            self.added[source] = marshal.dumps(code)
        return code


class RulesMemory(_Memory):
    """The `tomllib.loads` of the rules files, and the file it reads and writes: a text it has
    kept is handed out from what it made of it, any other parsed (and kept)."""

    def __init__(self, path: Path, loads: Any, *, writable: bool = True) -> None:
        super().__init__(path, writable=writable)
        self._loads = loads  # tomllib's own

    def most(self) -> int:
        return MOST_RULES

    def loads(self, text: Any, /, *, parse_float: Any = float) -> dict[str, Any]:
        """`tomllib.loads(text)`, from what it made of the same text before where it has it
        (a text with another `parse_float` is tomllib's own to parse)."""
        if type(text) is not str or parse_float is not float:
            parsed: dict[str, Any] = self._loads(text, parse_float=parse_float)
            return parsed
        kept: dict[str, Any] | None = self._kept(text, dict)
        if kept is not None:
            return kept
        parsed = self._loads(text)
        if self.writable:
            try:
                self.added[text] = marshal.dumps(parsed)
            except ValueError:  # a value marshal cannot keep (a date): parsed every run
                pass
        return parsed


_INSTALLED: list[PatternMemory] = []
_METHODS_INSTALLED: list[MethodMemory] = []
_RULES_INSTALLED: list[RulesMemory] = []


def remember_compiled_patterns(directory: Path | None = None) -> PatternMemory | None:
    """Install the pattern cache (once per process): patterns compiled from then on are taken
    from the cache file in `directory` (default: the user's cache) where it has them, and the
    file is written at exit. Returns the memory, or None where it is off: `OFF_VARIABLE` set,
    or a Python whose `re` lacks the steps it reads."""
    if _INSTALLED:
        return _INSTALLED[0]
    if _off():
        return None
    try:
        compiler = importlib.import_module("re._compiler")  # 3.11+
        parser = importlib.import_module("re._parser")
        sre = importlib.import_module("_sre")
        for name in ("compile", "_code", "SRE_FLAG_DEBUG"):
            getattr(compiler, name)
    except (ImportError, AttributeError):  # pragma: no cover - another Python's internals
        return None
    # named by the interpreter's release too: re's compiler changes between patch releases
    name = f"re-{sys.implementation.cache_tag}-{_release()}-{sre.MAGIC}-{sre.CODESIZE}.marshal"
    try:
        folder = directory or cache_dir()
    except (RuntimeError, KeyError, OSError):  # no home directory to keep it in: off
        return None
    memory = PatternMemory(folder / name, compiler, parser, sre, writable=_writable(folder))
    setattr(compiler, "compile", memory.compile)  # noqa: B010 - a module without stubs
    atexit.register(memory.save)
    _INSTALLED.append(memory)
    return memory


def remember_generated_methods(directory: Path | None = None) -> MethodMemory | None:
    """Install the methods' cache (once per process): the methods `dataclasses` makes from
    then on are compiled from the code the file in `directory` (default: the user's cache)
    keeps of their source, and the file is written at exit. Returns the memory, or None where
    it is off (`OFF_VARIABLE` set) or there is no home directory to keep it in."""
    import dataclasses

    # `dataclasses` finds `exec` among its globals before the builtins
    return _install(
        _METHODS_INSTALLED, "methods", directory, dataclasses, "exec",
        lambda path, writable: MethodMemory(path, writable=writable),
    )  # fmt: skip


def forget_generated_methods() -> None:
    """Take the methods' cache out again (tests): `dataclasses` compiles as it did."""
    import dataclasses

    for memory in _METHODS_INSTALLED:
        if getattr(dataclasses, "exec", None) == memory.exec:
            delattr(dataclasses, "exec")
        atexit.unregister(memory.save)
    _METHODS_INSTALLED.clear()


def remember_parsed_rules(directory: Path | None = None) -> RulesMemory | None:
    """Install the rules' cache (once per process): a text `tomllib.loads` parsed in a run
    before is handed out from the file in `directory` (default: the user's cache), and the file
    is written at exit. Returns the memory, or None where it is off (`OFF_VARIABLE` set) or
    there is no home directory to keep it in."""
    import tomllib

    # (read at each call by its users)
    return _install(
        _RULES_INSTALLED, "toml", directory, tomllib, "loads",
        lambda path, writable: RulesMemory(path, tomllib.loads, writable=writable),
    )  # fmt: skip


_Installed = TypeVar("_Installed", MethodMemory, RulesMemory)


def _install(
    installed: list[_Installed],
    kind: str,
    directory: Path | None,
    module: ModuleType,
    attribute: str,
    make: Callable[[Path, bool], _Installed],
) -> _Installed | None:
    """Install a cache of `kind` once per process: `module.attribute` becomes the memory's own
    (its original the memory keeps), its file is written at exit (`installed`: the one made)."""
    if installed:
        return installed[0]
    if _off():
        return None
    path = _cache_file(kind, directory)
    if path is None:
        return None
    memory = make(path, _writable(path.parent))
    setattr(module, attribute, getattr(memory, attribute))
    atexit.register(memory.save)
    installed.append(memory)
    return memory


def forget_parsed_rules() -> None:
    """Take the rules' cache out again (tests): `tomllib` parses as it did."""
    import tomllib

    for memory in _RULES_INSTALLED:
        tomllib.loads = memory._loads
        atexit.unregister(memory.save)
    _RULES_INSTALLED.clear()


def _cache_file(kind: str, directory: Path | None) -> Path | None:
    """The file a cache of `kind` keeps for this interpreter, in `directory` (default: the
    user's cache), or None where there is no home directory to keep it in."""
    try:
        folder = directory or cache_dir()
    except (RuntimeError, KeyError, OSError):
        return None
    return folder / f"{kind}-{sys.implementation.cache_tag}-{_release()}.marshal"


def _release() -> str:
    """The interpreter's release, as the caches' files are named (3.11.7f0)."""
    v = sys.version_info
    return f"{v.major}.{v.minor}.{v.micro}{v.releaselevel[0]}{v.serial}"


def _off() -> bool:
    """Tell whether `OFF_VARIABLE` turns the caches off."""
    return os.environ.get(OFF_VARIABLE, "").strip().lower() not in ("", "0", "false", "no")


def forget_compiled_patterns() -> None:
    """Take the pattern cache out again (tests): `re` compiles as it did, nothing is written."""
    for memory in _INSTALLED:
        memory._compiler.compile = memory._compile
        atexit.unregister(memory.save)
    _INSTALLED.clear()


def _writable(folder: Path) -> bool:
    """Tell whether a file can be written in `folder` (or made in the nearest folder above it
    that exists)."""
    for place in (folder, *folder.parents):
        try:
            if place.exists():
                return place.is_dir() and os.access(place, os.W_OK | os.X_OK)
        except OSError:  # (a folder above it the user may not enter: HOME=/root as another user)
            return False
    return False


def _pack(entries: Mapping[Any, bytes | Entry]) -> bytes:
    """A cache file's bytes: the mark, the CRC-32 of the rest, then the marshal data of a dict
    from each key to its entry's own marshal data (an entry given as data is marshalled)."""
    payload = marshal.dumps(
        {k: v if isinstance(v, bytes) else marshal.dumps(v) for k, v in entries.items()}
    )
    return _MARK + zlib.crc32(payload).to_bytes(4, "big") + payload


def _read(path: Path) -> dict[Any, bytes]:
    """The entries of a cache file, each as its marshal data ({} when there is none, it cannot
    be read, or its checksum does not match: a damaged file is not read)."""
    try:
        data = path.read_bytes()
        head = len(_MARK) + 4
        if data[: len(_MARK)] != _MARK or zlib.crc32(data[head:]).to_bytes(4, "big") != data[
            len(_MARK) : head
        ]:
            return {}
        found = marshal.loads(data[head:])
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return found if isinstance(found, dict) else {}
