"""Trends across many reports: term rates per year (or per file), first seen, what changed most.

Documents come from files, folders, globs or JSON-lines files (one document a line: `content`
plus `year`/`title`/`kind`, optionally .gz/.xz compressed). They are streamed: only counters
are kept. Each document's normalised text and term counts are cached by content hash (and
the code/lexicon signature) in the user cache directory, so a second run neither loads nor
segments again; cache misses are computed in a process pool. Rates are per 10,000
characters of normalised text, spaces and line breaks not counted.
"""

from __future__ import annotations

import glob
import gzip
import hashlib
import json
import lzma
import math
import os
import re
import shutil
import tempfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from policy_cli.core.normalize import arabic_digits
from policy_cli.errors import InputError, NothingToAnalyseError, UsageError

if TYPE_CHECKING:
    from policy_cli.core.formulations.lexicon import Lexicon

CACHE_FORMAT = 2
BY = ("year", "file")
DOCUMENT_SUFFIXES = (".txt", ".text", ".html", ".htm", ".xhtml", ".docx", ".pdf")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
COMPRESSED_SUFFIXES = (".gz", ".xz")
PER = 10_000  # rates are counts per 10,000 characters

# Years of the national congresses of the Communist Party of China (a public fact table,
# used to date a congress report from its number when no year is given).
CPC_CONGRESS_YEARS = {
    1: 1921, 2: 1922, 3: 1923, 4: 1925, 5: 1927, 6: 1928, 7: 1945, 8: 1956, 9: 1969,
    10: 1973, 11: 1977, 12: 1982, 13: 1987, 14: 1992, 15: 1997, 16: 2002, 17: 2007,
    18: 2012, 19: 2017, 20: 2022,
}  # fmt: skip

ProgressFn = Callable[[str, int, int | None], None]  # (stage, done, total)

_YEAR = r"((?:19|20)\d\d)"
_FULL_DATE = re.compile(_YEAR + r"\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")
_CN_DIGITS = "〇一二三四五六七八九"
_CN_DATE = re.compile(r"([〇○零Ｏ一二三四五六七八九]{4})\s*年\s*[一二三四五六七八九十]{1,3}\s*月")
_CONGRESS = re.compile(r"中国共产党第([一二三四五六七八九十]{1,3})次全国代表大会")
_TITLE_YEAR = re.compile(r"^" + _YEAR + r"\s*年.{0,30}报告")
_NAME_YEAR = re.compile(r"(?<!\d)" + _YEAR + r"(?!\d)")
_HEAD_LINES = 6


@dataclass(frozen=True)
class TrendDocument:
    """A document that went into the trend, with the period it was counted in."""

    source: str
    title: str | None
    kind: str | None
    year: int | None
    year_from: str | None  # metadata | text | file name
    characters: int
    period: str


@dataclass(frozen=True)
class Period:
    """A year (or a file with `by="file"`) and the size of its text."""

    label: str
    year: int | None
    characters: int
    documents: int


@dataclass(frozen=True)
class TermTrend:
    """How one term is used over the periods: counts, rates per 10,000 characters, firsts.

    `first_offset` is the character offset of the first occurrence in `first_source`
    (the normalised text of that document). `change` is a signed log-likelihood (G2)
    of the later half of the text against the earlier half: > 0 rising, < 0 falling.
    """

    term: str
    kind: str  # query | term | formulation
    total: int
    counts: tuple[int, ...]
    rates: tuple[float, ...]
    first_seen: str | None
    first_source: str | None
    first_offset: int
    last_seen: str | None
    peak: str | None
    peak_rate: float
    early_rate: float = 0.0
    late_rate: float = 0.0
    change: float = 0.0


@dataclass(frozen=True)
class Trend:
    """The result of `trend_documents`."""

    by: str
    periods: tuple[Period, ...]
    documents: tuple[TrendDocument, ...]
    terms: tuple[TermTrend, ...] = ()  # the requested terms, in the order asked
    rising: tuple[TermTrend, ...] = ()
    falling: tuple[TermTrend, ...] = ()
    formulations: tuple[TermTrend, ...] = ()  # the most used ones, in order of first seen
    split: str | None = None  # label of the first period of the later half
    skipped: tuple[tuple[str, str], ...] = ()  # (source, reason)
    cache_hits: int = 0
    cache_misses: int = 0
    warnings: tuple[str, ...] = field(default_factory=tuple)


# --------------------------------------------------------------------------- sources


@dataclass(frozen=True)
class _Item:
    """One document to count: where it comes from and its payload."""

    index: int
    source: str
    payload: bytes | str  # file bytes (any format) or JSON-lines `content`
    title: str | None = None
    kind: str | None = None
    meta_year: int | None = None
    name_year: int | None = None


def expand_paths(paths: Sequence[str | os.PathLike[str]]) -> list[Path]:
    """Turn files, folders and globs into the list of files to read, in a stable order.

    Raises:
        InputError: a path that does not exist, a glob or folder that matches no document.
    """
    out: list[Path] = []
    seen: set[Path] = set()
    for raw in paths:
        text = os.fspath(raw)
        if any(ch in text for ch in "*?[") and not Path(text).exists():
            matches = sorted(Path(p) for p in glob.glob(text, recursive=True))
            found = [p for p in matches if p.is_file() and _is_document_file(p)]
            if not found:
                raise InputError(f"{text}: the pattern matches no document")
        else:
            p = Path(text)
            if p.is_dir():
                found = sorted(f for f in p.rglob("*") if f.is_file() and _is_document_file(f))
                if not found:
                    raise InputError(f"{p}: no documents in this folder")
            elif p.exists():
                found = [p]
            else:
                raise InputError(f"{p}: no such file or folder")
        for f in found:
            key = f.resolve()
            if key not in seen:
                seen.add(key)
                out.append(f)
    if not out:
        raise InputError("no documents given")
    return out


def _strip_compression(name: str) -> str:
    lower = name.lower()
    for suffix in COMPRESSED_SUFFIXES:
        if lower.endswith(suffix):
            return name[: -len(suffix)]
    return name


def _is_jsonl(path: Path) -> bool:
    return _strip_compression(path.name).lower().endswith(JSONL_SUFFIXES)


def _is_document_file(path: Path) -> bool:
    if path.name.startswith("."):
        return False
    inner = _strip_compression(path.name).lower()
    return inner.endswith(DOCUMENT_SUFFIXES + JSONL_SUFFIXES)


_READ_ERRORS = (OSError, EOFError, lzma.LZMAError, zlib.error)


def _open_binary(path: Path) -> Any:
    """Open a file for streaming, decompressing .gz and .xz (never blocking on a FIFO)."""
    from policy_cli.core.loaders import open_input

    raw = open_input(path)
    lower = path.name.lower()
    if lower.endswith(".xz"):
        return lzma.LZMAFile(raw)
    if lower.endswith(".gz"):
        return gzip.GzipFile(fileobj=raw)
    return raw


def _read_file(path: Path) -> bytes:
    from policy_cli.core.loaders import MAX_BYTES, read_input

    lower = path.name.lower()
    if not lower.endswith(COMPRESSED_SUFFIXES):
        return read_input(path)
    fh = _open_binary(path)
    try:
        data = fh.read(MAX_BYTES + 1)
    except _READ_ERRORS as exc:
        raise InputError(f"{path}: cannot decompress ({exc})") from exc
    finally:
        _close(fh)
    if len(data) > MAX_BYTES:
        raise InputError(f"{path}: input is too large (limit {MAX_BYTES:,} bytes)")
    return data


def _close(fh: Any) -> None:
    inner = getattr(fh, "fileobj", None) or getattr(fh, "_fp", None)
    for f in (fh, inner):
        try:
            if f is not None:
                f.close()
        except _READ_ERRORS:
            pass


def _lines(path: Path) -> Iterator[tuple[int, bytes]]:
    """Yield (line number, line) of a JSON-lines file, each line at most `MAX_BYTES`.

    A record is read with the limit every input has: a longer one is refused as soon as the
    limit is passed, without reading (or decompressing) the rest of it.

    Raises:
        InputError: a record over the limit, an unreadable or corrupt file.
    """
    from policy_cli.core.loaders import MAX_BYTES

    limit = MAX_BYTES
    fh = _open_binary(path)
    try:
        lineno = 0
        while True:
            try:
                line = fh.readline(limit + 2)
            except _READ_ERRORS as exc:
                raise InputError(f"{path}: cannot read JSON lines ({exc})") from exc
            if not line:
                return
            lineno += 1
            body = line[:-1] if line.endswith(b"\n") else line
            if len(body.rstrip(b"\r")) > limit:
                raise InputError(
                    f"{path}:{lineno}: the record is larger than the input limit"
                    f" ({limit:,} bytes)"
                )
            yield lineno, body
    finally:
        _close(fh)


def _count_records(path: Path) -> int | None:
    """Count the records of a JSON-lines file (None for a stream that can be read once)."""
    try:
        if not path.is_file():
            return None
    except OSError:
        return None
    try:
        return sum(1 for _, line in _lines(path) if line.strip())
    except InputError:
        return None  # reported by the real read


def _meta_year(record: dict[str, Any]) -> int | None:
    for key in ("year", "date"):
        value = record.get(key)
        if isinstance(value, int) and not isinstance(value, bool):
            return value if 1800 <= value <= 2200 else None
        if isinstance(value, str):
            m = re.search(r"(?<!\d)(1[89]\d\d|2[01]\d\d)(?!\d)", value)
            if m:
                return int(m.group(1))
    congress = record.get("congress")
    if isinstance(congress, int) and congress in CPC_CONGRESS_YEARS:
        return CPC_CONGRESS_YEARS[congress]
    title = record.get("title")
    if isinstance(title, str):
        m = _TITLE_YEAR.match(title.strip()) or re.match(_YEAR + r"\s*年", title.strip())
        if m:
            return int(m.group(1))
    return None


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def parse_record(line: bytes, where: str, *, first: bool = False) -> dict[str, Any]:
    """Parse one JSON-lines record; every fault is an `InputError` naming file and line.

    Raises:
        InputError: not UTF-8, not JSON, not an object, nested too deeply, a number JSON
            cannot hold, or a lone surrogate escape (\\ud800) in a field that is used.
    """
    try:
        text = line.decode("utf-8-sig" if first else "utf-8")  # a BOM opens a file only
    except UnicodeDecodeError as exc:
        raise InputError(f"{where}: not UTF-8 text (byte {exc.start})") from exc
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: not a JSON object ({exc.msg})") from exc
    except RecursionError as exc:
        raise InputError(f"{where}: the JSON is nested too deeply") from exc
    except ValueError as exc:  # e.g. an integer of thousands of digits
        raise InputError(f"{where}: not a JSON record we can read ({exc})") from exc
    if not isinstance(record, dict):
        raise InputError(f"{where}: not a JSON object")
    content = record.get("content", record.get("text"))
    if not isinstance(content, str):
        raise InputError(f"{where}: no 'content' string in this record")
    for key in ("content", "text", "title", "kind", "year", "date"):
        value = record.get(key)
        if isinstance(value, str) and _LONE_SURROGATE.search(value):
            raise InputError(
                f"{where}: the '{key}' string holds a lone surrogate escape (\\ud800-\\udfff),"
                " not text"
            )
    return record


def _records(path: Path, start: int) -> Iterator[_Item]:
    for lineno, line in _lines(path):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        record = parse_record(line, where, first=lineno == 1)
        content = str(record.get("content", record.get("text")))  # a str: checked
        title = record.get("title")
        kind = record.get("kind")
        yield _Item(
            index=start,
            source=where,
            payload=content,
            title=title if isinstance(title, str) else None,
            kind=kind if isinstance(kind, str) else None,
            meta_year=_meta_year(record),
        )
        start += 1


def _name_year(path: Path) -> int | None:
    m = _NAME_YEAR.search(_strip_compression(path.name))
    return int(m.group(1)) if m else None


def _items(files: Sequence[Path]) -> Iterator[_Item]:
    index = 0
    for f in files:
        if _is_jsonl(f):
            for item in _records(f, index):
                index = item.index + 1
                yield item
        else:
            yield _Item(index=index, source=str(f), payload=_read_file(f), name_year=_name_year(f))
            index += 1


# --------------------------------------------------------------------------- years


def _cn_number(text: str) -> int:
    """Parse a Chinese numeral from 1 to 99 (十九 -> 19)."""
    if "十" not in text:
        return _CN_DIGITS.index(text) if len(text) == 1 and text in _CN_DIGITS else 0
    tens, _, ones = text.partition("十")
    if len(tens) > 1 or len(ones) > 1 or not set(tens + ones) <= set(_CN_DIGITS):
        return 0  # not a number from 1 to 99 (e.g. 十十)
    value = (_CN_DIGITS.index(tens) if tens else 1) * 10
    return value + (_CN_DIGITS.index(ones) if ones else 0)


def year_from_text(text: str) -> int | None:
    """Find a report's year in its head: its date, its congress or a titled year.

    Only the first few lines are read: a report's body is full of other years.
    """
    head_lines = [ln for ln in text.split("\n", _HEAD_LINES + 1)[:_HEAD_LINES] if ln.strip()]
    head = "\n".join(head_lines)[:600]
    m = _FULL_DATE.search(head)
    if m:
        return int(m.group(1))
    m = _CN_DATE.search(head)
    if m:
        return int(arabic_digits(m.group(1)))
    m = _CONGRESS.search(head)
    if m and _cn_number(m.group(1)) in CPC_CONGRESS_YEARS:
        return CPC_CONGRESS_YEARS[_cn_number(m.group(1))]
    if head_lines:
        m = _TITLE_YEAR.match(head_lines[0].strip())
        if m:
            return int(m.group(1))
    return None


# --------------------------------------------------------------------------- counting


def _formulation_extractor() -> Callable[..., Any] | None:
    try:
        from policy_cli.core.formulations import extract_formulations
    except ImportError:
        return None
    return extract_formulations  # type: ignore[no-any-return]


def _extract_formulations(document: Any) -> dict[str, list[int]]:
    extract = _formulation_extractor()
    if extract is None:
        return {}
    try:
        found = extract(document)
    except (TypeError, AttributeError, ValueError):  # an extractor with another interface
        return {}
    out: dict[str, list[int]] = {}
    for f in found:
        text = getattr(f, "text", None)
        if isinstance(text, str) and text:
            out[text] = [int(getattr(f, "count", 1)), int(getattr(f, "first_offset", -1))]
    return out


@lru_cache(maxsize=200_000)
def _candidate(term: str) -> bool:
    from policy_cli.core.segment import is_candidate_term

    return is_candidate_term(term)


def _load(item_source: str, payload: bytes | str) -> Any:
    from policy_cli.core.loaders import load_bytes, load_text

    if isinstance(payload, bytes):
        return load_bytes(payload, source=item_source)
    return load_text(payload, source=item_source)


def _from_normalised(source: str, text: str) -> Any:
    from policy_cli.core import normalize
    from policy_cli.models import Document

    paragraphs = normalize.split_paragraphs(text)
    return Document(source, text, paragraphs, normalize.split_sentences(paragraphs))


def _characters(text: str) -> int:
    return len(text) - text.count("\n") - text.count(" ")


def _analyse(
    source: str, payload: bytes | str, want_terms: bool, normalised: bool = False
) -> dict[str, Any]:
    """Load one document and, if asked, count its terms (runs in a worker process).

    `normalised`: the payload is a cached normalised text, split without cleaning it again.

    Returns:
        {"text": normalised text, "terms": {term: [count, first offset]}, "forms": {...}},
        or {"error": message} for a document that cannot be loaded.
    """
    from policy_cli.core.loaders import check_analysable
    from policy_cli.errors import PolicyCliError

    try:
        if normalised and isinstance(payload, str):
            document = _from_normalised(source, payload)
        else:
            document = _load(source, payload)
        check_analysable(document)
    except PolicyCliError as exc:
        return {"error": str(exc)}
    result: dict[str, Any] = {"text": document.text, "text_cached": normalised}
    if want_terms:
        from policy_cli.core.segment import default_segmenter

        # The shared segmenter cuts each sentence once, as Segmenter.tokenize does; counting
        # the pieces directly spares a Token object per word (a third of the time).
        cut = default_segmenter().cut
        counts: Counter[str] = Counter()
        first: dict[str, int] = {}
        for sent in document.sentences:
            pieces = cut(sent.text)
            counts.update(pieces)
            pos = sent.start
            for piece in pieces:
                if piece not in first:
                    first[piece] = pos
                pos += len(piece)
        result["terms"] = {t: [n, first[t]] for t, n in counts.items() if _candidate(t)}
        result["forms"] = _extract_formulations(document)
    return result


def _hits(text: str, queries: Sequence[str]) -> dict[str, list[int]]:
    """Count each query as an exact substring: {query: [count, first offset]}."""
    out = {}
    for q in queries:
        n = text.count(q)
        if n:
            out[q] = [n, text.find(q)]
    return out


# --------------------------------------------------------------------------- cache


def cache_dir() -> Path:
    """Return the user cache directory: $POLICY_CLI_CACHE, $XDG_CACHE_HOME/policy-cli, ~/.cache."""
    override = os.environ.get("POLICY_CLI_CACHE")
    if override:
        return Path(override)
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg else Path.home() / ".cache"
    return base / "policy-cli"


_SIGNED_MODULES = (
    "trend.py", "loaders.py", "formats.py", "normalize.py", "noise.py", "segment.py",
    "formulations",
    "script.py",
)  # fmt: skip


@lru_cache(maxsize=1)
def analysis_signature() -> str:
    """Hash what the cached entries depend on: version, analysis code and word lists."""
    from policy_cli import __version__
    from policy_cli.core.segment import Segmenter

    h = hashlib.sha256(f"{CACHE_FORMAT}|{__version__}|".encode())
    h.update(Segmenter._pick_backend("auto").encode())
    core = Path(__file__).parent
    # the modules whose output the cached counts are made of
    for name in _SIGNED_MODULES:
        path = core / name
        # a package (formulations/) is signed by all its modules
        for module in sorted(path.glob("*.py")) if path.is_dir() else [path]:
            if module.exists():
                h.update(str(module.relative_to(core)).encode())
                h.update(module.read_bytes())
    # the lexicon, stop words and the formulation rule lists and lexicons
    data_dir = core.parent / "data"
    for p in sorted(p for ext in ("*.txt", "*.toml", "*.tsv") for p in data_dir.glob(ext)):
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def _content_key(payload: bytes | str) -> str:
    data = payload if isinstance(payload, bytes) else payload.encode("utf-8", "surrogatepass")
    kind = b"b" if isinstance(payload, bytes) else b"t"
    return hashlib.sha256(analysis_signature().encode() + kind + data).hexdigest()


class _Cache:
    """Per document, named by content hash: its normalised text (zlib) and its term counts.

    The text lets substring counts (--terms, formulations) skip loading and normalising;
    the counts let a run skip segmentation. Both are small; nothing else is kept.
    """

    def __init__(self, root: Path | None) -> None:
        self.root = root / "trend" if root is not None else None
        self.error: str | None = None

    def _path(self, key: str, suffix: str) -> Path:
        assert self.root is not None
        return self.root / key[:2] / f"{key}{suffix}"

    def get(self, key: str, *, want_terms: bool) -> dict[str, Any] | None:
        """Return the cached entry: {"text"} plus "terms"/"forms" when cached, or None."""
        if self.root is None:
            return None
        try:
            text = zlib.decompress(self._path(key, ".txt.z").read_bytes()).decode("utf-8")
        except (OSError, ValueError, zlib.error):  # missing or damaged: load again
            return None
        entry: dict[str, Any] = {"text": text, "text_cached": True}
        if want_terms:
            try:
                raw = zlib.decompress(self._path(key, ".json.z").read_bytes())
                data = json.loads(raw.decode("utf-8"))
            except (OSError, ValueError, zlib.error):
                return entry
            if isinstance(data, dict) and isinstance(data.get("terms"), dict):
                entry["terms"] = data["terms"]
                entry["forms"] = data.get("forms") or {}
        return entry

    def has_text(self, key: str) -> bool:
        """Tell whether the normalised text of a document is cached."""
        return self.root is not None and self._path(key, ".txt.z").exists()

    def put(self, key: str, entry: dict[str, Any]) -> None:
        """Store what a fresh entry holds; a cache that cannot be written is switched off."""
        if self.root is None or self.error or "text" not in entry:
            return
        try:
            text_path = self._path(key, ".txt.z")
            text_path.parent.mkdir(parents=True, exist_ok=True)
            if not entry.get("text_cached"):
                _write_atomic(text_path, zlib.compress(entry["text"].encode("utf-8")))
            if "terms" in entry:
                counts = {"terms": entry["terms"], "forms": entry.get("forms") or {}}
                data = json.dumps(counts, ensure_ascii=False, separators=(",", ":"))
                _write_atomic(self._path(key, ".json.z"), zlib.compress(data.encode("utf-8"), 1))
        except OSError as exc:
            self.error = f"cannot write the cache in {self.root} ({exc.strerror or exc})"


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError:
        try:
            tmp.unlink()
        except OSError:
            pass
        raise


# --------------------------------------------------------------------------- aggregation


class _Aggregate:
    """Running totals per period; only counters are kept, never the texts."""

    def __init__(self, by: str) -> None:
        self.by = by
        self.chars: dict[Any, int] = {}
        self.ndocs: Counter[Any] = Counter()
        self.labels: dict[Any, str] = {}
        self.years: dict[Any, int | None] = {}
        self.counts: dict[str, dict[Any, Counter[str]]] = {
            "term": {},
            "formulation": {},
            "query": {},
        }
        # kind -> term -> (period key, offset, source) of its first occurrence
        self.first: dict[str, dict[str, tuple[Any, int, str]]] = {
            "term": {},
            "formulation": {},
            "query": {},
        }
        self.documents: list[tuple[Any, TrendDocument]] = []
        self.placed: dict[int, Any] = {}  # item index -> period key
        self.sources: dict[int, str] = {}
        self.skipped: list[tuple[str, str]] = []
        self.forms_total: Counter[str] = Counter()

    def place(self, item: _Item, entry: dict[str, Any]) -> Any | None:
        """Put a counted document in its period (None: skipped, and why is recorded)."""
        if "error" in entry:
            self.skipped.append((item.source, str(entry["error"])))
            return None
        text = entry["text"]
        year: int | None = item.meta_year
        year_from: str | None = "metadata"
        if year is None:
            text_year = year_from_text(text)
            if text_year is not None:
                year, year_from = text_year, "text"
        if year is None and item.name_year is not None:
            year, year_from = item.name_year, "file name"
        if year is None:
            year_from = None
            if self.by == "year":
                self.skipped.append(
                    (item.source, "no year in its metadata, its text or its file name")
                )
                return None
        key: Any = year if self.by == "year" else item.index
        label = str(year) if self.by == "year" else _file_label(item)
        self.labels.setdefault(key, label)
        self.years.setdefault(key, year)
        chars = _characters(text)
        self.chars[key] = self.chars.get(key, 0) + chars
        self.ndocs[key] += 1
        self.placed[item.index] = key
        self.sources[item.index] = item.source
        doc = TrendDocument(item.source, item.title, item.kind, year, year_from, chars, label)
        self.documents.append((key, doc))
        return key

    def count(self, key: Any, item: _Item, kind: str, values: dict[str, Any]) -> None:
        """Add a document's counts ({term: [count, first offset]}) to its period.

        Documents arrive in input order, so within a period the first document to use a
        term is its first there; across periods the earliest period wins.
        """
        counter = self.counts[kind].setdefault(key, Counter())
        first = self.first[kind]
        for term, (n, offset) in values.items():
            if n <= 0:
                continue
            if term in counter:
                counter[term] += n
                continue
            counter[term] = n
            old = first.get(term)
            if old is None or key < old[0]:
                first[term] = (key, offset, item.source)


def _file_label(item: _Item) -> str:
    if item.title:
        return item.title
    return Path(item.source).name


def _g2(a: int, n1: int, b: int, n2: int) -> float:
    """Signed log-likelihood of count `a` in `n1` characters against `b` in `n2`."""
    total = a + b
    if total == 0 or n1 == 0 or n2 == 0:
        return 0.0
    e1 = n1 * total / (n1 + n2)
    e2 = n2 * total / (n1 + n2)
    g = 0.0
    if a:
        g += a * math.log(a / e1)
    if b:
        g += b * math.log(b / e2)
    g *= 2
    return g if a / n1 >= b / n2 else -g


def _series(
    agg: _Aggregate, keys: Sequence[Any], kind: str, term: str, split: int | None
) -> TermTrend:
    counts = tuple(agg.counts[kind].get(k, Counter()).get(term, 0) for k in keys)
    rates = tuple(
        round(c * PER / agg.chars[k], 4) if agg.chars[k] else 0.0
        for c, k in zip(counts, keys, strict=True)
    )
    seen = [i for i, c in enumerate(counts) if c]
    peak_i = max(range(len(keys)), key=lambda i: (rates[i], -i)) if seen else None
    first = agg.first[kind].get(term)
    early_rate = late_rate = change = 0.0
    if split is not None:
        n_early = sum(agg.chars[k] for k in keys[:split])
        n_late = sum(agg.chars[k] for k in keys[split:])
        c_early = sum(counts[:split])
        c_late = sum(counts[split:])
        early_rate = round(c_early * PER / n_early, 4) if n_early else 0.0
        late_rate = round(c_late * PER / n_late, 4) if n_late else 0.0
        change = round(_g2(c_late, n_late, c_early, n_early), 3)
    return TermTrend(
        term=term,
        kind=kind,
        total=sum(counts),
        counts=counts,
        rates=rates,
        first_seen=agg.labels[keys[seen[0]]] if seen else None,
        first_source=first[2] if first and seen else None,
        first_offset=first[1] if first and seen else -1,
        last_seen=agg.labels[keys[seen[-1]]] if seen else None,
        peak=agg.labels[keys[peak_i]] if peak_i is not None else None,
        peak_rate=rates[peak_i] if peak_i is not None else 0.0,
        early_rate=early_rate,
        late_rate=late_rate,
        change=change,
    )


def _split_index(chars: Sequence[int]) -> int | None:
    """Index of the first period of the later half (halves of about equal text)."""
    if len(chars) < 2:
        return None
    total = sum(chars)
    best, best_gap, cum = 1, math.inf, 0
    for i in range(1, len(chars)):
        cum += chars[i - 1]
        gap = abs(cum - total / 2)
        if gap < best_gap:
            best, best_gap = i, gap
    return best


# --------------------------------------------------------------------------- driver


def _default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class _Runner:
    """Count documents inline or in a process pool started on the first document to compute."""

    def __init__(self, workers: int, total: int | None, progress: ProgressFn | None) -> None:
        self.workers = workers
        self.total = total
        self.progress = progress
        self.executor: ProcessPoolExecutor | None = None
        self.keys: dict[int, str] = {}  # item index -> cache key, for a second pass

    def _pool(self) -> ProcessPoolExecutor:
        if self.executor is None:
            from policy_cli.core.workers import fork_pool

            # workers that die with this process and never hold its stdout (core.workers)
            self.executor = fork_pool(self.workers)
        return self.executor

    def run(
        self,
        stage: str,
        items: Iterator[_Item],
        *,
        total: int | None,
        want_terms: bool,
        cache: _Cache,
        done_fn: Callable[[_Item, dict[str, Any]], None],
    ) -> tuple[int, int]:
        """Load (and count) every item, cache first; return the cache hits and misses.

        At most a few documents are in flight at once, so memory does not grow with the
        corpus: each entry is handed to `done_fn` and dropped.
        """
        hits = misses = done = 0
        pending: dict[Future[dict[str, Any]], tuple[_Item, str | None]] = {}
        parallel = self.workers > 1 and (total is None or total > 1)

        def finish(item: _Item, entry: dict[str, Any], key: str | None) -> None:
            nonlocal done
            if key is not None and "error" not in entry:
                cache.put(key, entry)
            done_fn(item, entry)
            done += 1
            if self.progress is not None:
                self.progress(stage, done, total)

        def drain(limit: int) -> None:
            while len(pending) > limit:
                fut = next(iter(pending))
                item, key = pending.pop(fut)
                finish(item, fut.result(), key)

        for item in items:
            key = _content_key(item.payload) if cache.root is not None else None
            if key is not None:
                self.keys[item.index] = key
            cached = cache.get(key, want_terms=want_terms) if key is not None else None
            if cached is not None and (not want_terms or "terms" in cached):
                hits += 1
                drain(0)  # keep the input order behind documents still in flight
                finish(item, cached, None)
                continue
            misses += 1
            # a cached text (from a --terms run) is already normalised: segment it directly
            args = (
                item.source,
                cached["text"] if cached else item.payload,
                want_terms,
                bool(cached),
            )
            if not parallel:
                finish(item, _analyse(*args), key)
                continue
            fut = self._pool().submit(_analyse, *args)
            pending[fut] = (item, key)
            drain(4 * self.workers)
        drain(0)
        return hits, misses

    def close(self, *, wait: bool = True) -> None:
        """Stop the pool: after its last task, or at once (`wait=False`: unwinding)."""
        if self.executor is not None:
            from policy_cli.core.workers import stop_pool

            stop_pool(self.executor, wait=wait)
            self.executor = None


def trend_documents(
    paths: Sequence[str | os.PathLike[str]],
    *,
    terms: Sequence[str] = (),
    top: int = 20,
    by: str = "year",
    kinds: Sequence[str] = (),
    min_count: int = 5,
    workers: int | None = None,
    use_cache: bool = True,
    cache_root: Path | None = None,
    progress: ProgressFn | None = None,
    lexicon: Lexicon | None = None,
) -> Trend:
    """Count terms across many documents and tell how their use changed over the periods.

    Args:
        paths: files, folders, globs or JSON-lines files (.jsonl, .jsonl.gz, .jsonl.xz).
        terms: terms to follow, counted as exact substrings (小康 counts inside 小康社会);
            when empty, the segmenter's terms and the formulations that changed most are
            ranked.
        top: how many rising and falling terms to keep.
        by: "year" (documents of a year are pooled) or "file" (one period per document).
        kinds: keep only documents whose `kind` (a JSON-lines field) is one of these.
        min_count: least total count for a term to be ranked as rising or falling.
        workers: processes for the documents not cached yet (default: the usable cores).
        use_cache: read and write per-document term counts in the cache directory.
        cache_root: the cache directory (default: `cache_dir()`).
        progress: called as progress(stage, done, total) after each document.
        lexicon: the user's own terms (`read_user_lexicon`): followed as formulations, and
            listed before the others among the formulations first seen; with `terms`, followed
            as terms too.

    Returns:
        A `Trend` with the periods in order, the documents used and the term series.

    Raises:
        UsageError: a bad option value.
        InputError: a path that is missing or unreadable, a malformed JSON-lines record.
        NothingToAnalyseError: no document could be placed in a period, or (without
            `terms`) fewer than two periods.
    """
    if by not in BY:
        raise UsageError(f"--by must be one of {', '.join(BY)}, not {by!r}")
    if top < 1:
        raise UsageError("--top must be at least 1")
    queries = tuple(dict.fromkeys(t.strip() for t in terms if t and t.strip()))
    if terms and not queries:
        raise UsageError("--terms names no term")
    own = tuple(e.text for e in lexicon.entries) if lexicon is not None else ()
    if queries:
        queries = tuple(dict.fromkeys((*queries, *own)))
    files = expand_paths(paths)
    # counting the records costs a read of each JSON-lines file: only for a progress bar
    total: int | None = len(files)
    if any(_is_jsonl(f) for f in files):
        counts = [_count_records(f) if _is_jsonl(f) else 1 for f in files] if progress else [None]
        total = None if None in counts else sum(c for c in counts if c is not None)
    kind_set = frozenset(kinds)
    want_terms = not queries
    scratch: str | None = None
    if use_cache:
        cache = _Cache(cache_root or cache_dir())
    elif want_terms:  # formulations need the texts twice: keep them for this run only
        scratch = tempfile.mkdtemp(prefix="policy-trend-")
        cache = _Cache(Path(scratch))
    else:
        cache = _Cache(None)
    agg = _Aggregate(by)

    def selected() -> Iterator[_Item]:
        for item in _items(files):
            if not kind_set or item.kind in kind_set:
                yield item

    def first_pass(item: _Item, entry: dict[str, Any]) -> None:
        key = agg.place(item, entry)
        if key is None:
            return
        if queries:
            agg.count(key, item, "query", _hits(entry["text"], queries))
            return
        agg.count(key, item, "term", entry.get("terms") or {})
        for text, (n, _offset) in (entry.get("forms") or {}).items():
            agg.forms_total[text] += n
        # the user's terms are found as they are: exact substrings, like the `user` stage
        for text, (n, _offset) in _hits(entry["text"], own).items():
            own_total[text] += n

    def second_pass(item: _Item, entry: dict[str, Any]) -> None:
        if "error" not in entry:
            key = agg.placed[item.index]
            agg.count(key, item, "formulation", _hits(entry["text"], forms))

    forms: tuple[str, ...] = ()
    own_total: Counter[str] = Counter()
    runner = _Runner(workers if workers is not None else _default_workers(), total, progress)
    finished = False
    try:
        stage = "counting" if queries else "segmenting"
        hits, misses = runner.run(
            stage, selected(), total=total, want_terms=want_terms, cache=cache,
            done_fn=first_pass,
        )  # fmt: skip
        forms = _chosen_formulations(agg.forms_total, min_count=min_count)
        preferred = tuple(sorted(own_total, key=lambda t: (-own_total[t], t)))
        forms = tuple(dict.fromkeys((*preferred, *forms)))
        if forms and len(agg.chars) > 1:
            # Formulations are counted in every document, not only where the extractor
            # recognised them, so that "first seen" and the rates are exact.
            if not _second_pass_from_cache(agg, runner.keys, cache, second_pass, progress):
                placed = (it for it in selected() if it.index in agg.placed)
                runner.run(
                    "formulations", placed, total=len(agg.placed), want_terms=False,
                    cache=cache, done_fn=second_pass,
                )  # fmt: skip
        finished = True
    finally:
        runner.close(wait=finished)
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)
    return _result(agg, queries=queries, top=top, min_count=min_count, cache=cache,
                   preferred=frozenset(own_total),
                   hits=hits, misses=misses)  # fmt: skip


def _second_pass_from_cache(
    agg: _Aggregate,
    keys: dict[int, str],
    cache: _Cache,
    done_fn: Callable[[_Item, dict[str, Any]], None],
    progress: ProgressFn | None,
) -> bool:
    """Run the formulation pass on the cached texts, without reading the sources again.

    Returns False (having done nothing) when a text is not in the cache.
    """
    if cache.root is None or cache.error:
        return False
    indexes = sorted(agg.placed)
    if any(i not in keys or not cache.has_text(keys[i]) for i in indexes):
        return False
    for done, i in enumerate(indexes, 1):
        entry = cache.get(keys[i], want_terms=False)
        if entry is None:  # removed meanwhile: count as not loadable
            entry = {"error": "the cached text disappeared"}
        done_fn(_Item(index=i, source=agg.sources[i], payload=b""), entry)
        if progress is not None:
            progress("formulations", done, len(indexes))
    return True


MAX_FORMULATIONS = 200
MIN_FORMULATION_CHARS = 4
_NUMERALS = re.compile(r"[〇○零一二三四五六七八九十百千万\d]")


def _followable(text: str) -> bool:
    """Tell whether a formulation can be counted as a substring without false hits.

    Short codes such as 九五 or 十四五 also match inside dates (一九五四年), so only
    formulations of four characters or more, not made mostly of numerals, are followed.
    """
    if len(text) < MIN_FORMULATION_CHARS:
        return False
    return len(_NUMERALS.findall(text)) * 2 < len(text)


def _chosen_formulations(totals: Counter[str], *, min_count: int) -> tuple[str, ...]:
    """The formulations worth following: frequent enough, most frequent first, capped."""
    chosen = sorted(
        (t for t, n in totals.items() if n >= min_count and _followable(t)),
        key=lambda t: (-totals[t], t),
    )
    return tuple(chosen[:MAX_FORMULATIONS])


def _result(
    agg: _Aggregate,
    *,
    queries: tuple[str, ...],
    top: int,
    min_count: int,
    cache: _Cache,
    hits: int,
    misses: int,
    preferred: frozenset[str] = frozenset(),
) -> Trend:
    skipped = tuple(agg.skipped)
    if not agg.chars:
        if skipped:
            source, reason = skipped[0]
            # loader errors already start with the source's name: don't say it twice
            said = reason if reason.startswith(f"{source}:") else f"{source}: {reason}"
            raise NothingToAnalyseError(
                f"no document could be used ({len(skipped)} skipped; first: {said})"
                + ("; use --by file for undated documents" if agg.by == "year" else "")
            )
        raise NothingToAnalyseError("no document matched (check --kind)")
    keys = sorted(agg.chars)
    seen_labels: Counter[str] = Counter()
    for k in keys:  # two files with the same name or title get distinct labels
        seen_labels[agg.labels[k]] += 1
        if seen_labels[agg.labels[k]] > 1:
            agg.labels[k] = f"{agg.labels[k]} #{seen_labels[agg.labels[k]]}"
    periods = tuple(Period(agg.labels[k], agg.years[k], agg.chars[k], agg.ndocs[k]) for k in keys)
    documents = tuple(
        sorted(
            (replace(d, period=agg.labels[k]) for k, d in agg.documents),
            key=lambda d: (d.year is None, d.year or 0, d.source),
        )
    )
    split = _split_index([agg.chars[k] for k in keys])
    common: dict[str, Any] = {
        "by": agg.by,
        "periods": periods,
        "documents": documents,
        "skipped": skipped,
        "cache_hits": hits,
        "cache_misses": misses,
        "warnings": (cache.error,) if cache.error else (),
    }
    if queries:
        series = tuple(_series(agg, keys, "query", q, split) for q in queries)
        return Trend(terms=series, **common)
    if split is None:
        raise NothingToAnalyseError(
            "a trend needs at least two periods: documents of two years"
            " (or two documents with --by file)"
        )
    rising, falling = _rank_changes(agg, keys, split, top=top, min_count=min_count)
    return Trend(
        rising=rising,
        falling=falling,
        formulations=_first_seen_formulations(agg, keys, split, top=top, preferred=preferred),
        split=periods[split].label,
        **common,
    )


def _first_seen_formulations(
    agg: _Aggregate,
    keys: Sequence[Any],
    split: int,
    *,
    top: int,
    preferred: frozenset[str] = frozenset(),
) -> tuple[TermTrend, ...]:
    """The `top` most used formulations (the `preferred` ones first: the user's own terms),
    ordered by the period they were first seen in."""
    totals: Counter[str] = Counter()
    for counter in agg.counts["formulation"].values():
        totals.update(counter)
    chosen = sorted(totals, key=lambda t: (t not in preferred, -totals[t], t))[:top]
    order = {k: i for i, k in enumerate(keys)}
    series = [_series(agg, keys, "formulation", t, split) for t in chosen]
    return tuple(
        sorted(series, key=lambda s: (order[agg.first["formulation"][s.term][0]], -s.total, s.term))
    )


def _rank_changes(
    agg: _Aggregate, keys: Sequence[Any], split: int, *, top: int, min_count: int
) -> tuple[tuple[TermTrend, ...], tuple[TermTrend, ...]]:
    """Rank terms and formulations by the signed G2 of the later half against the earlier."""
    totals: Counter[tuple[str, str]] = Counter()
    late: Counter[tuple[str, str]] = Counter()
    late_keys = set(keys[split:])
    for kind in ("term", "formulation"):
        for k, counter in agg.counts[kind].items():
            for term, c in counter.items():
                totals[(kind, term)] += c
                if k in late_keys:
                    late[(kind, term)] += c
    formulations = {t for (kind, t) in totals if kind == "formulation"}
    n_early = sum(agg.chars[k] for k in keys[:split])
    n_late = sum(agg.chars[k] for k in keys[split:])
    scored: list[tuple[float, str, str]] = []
    for (kind, term), total in totals.items():
        if total < min_count or (kind == "term" and term in formulations):
            continue
        c_late = late[(kind, term)]
        scored.append((_g2(c_late, n_late, total - c_late, n_early), term, kind))
    up = sorted((s for s in scored if s[0] > 0), key=lambda s: (-s[0], s[1]))[:top]
    down = sorted((s for s in scored if s[0] < 0), key=lambda s: (s[0], s[1]))[:top]
    rising = tuple(_series(agg, keys, kind, term, split) for _, term, kind in up)
    falling = tuple(_series(agg, keys, kind, term, split) for _, term, kind in down)
    return rising, falling
