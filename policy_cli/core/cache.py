"""The analysis cache: one SQLite file of per-document results, keyed by content.

`policy trend` keeps, for each document it has read, the normalised text, its size,
the counts of its terms and the formulations the extractor found in it, and the counts of
the phrases a run followed in it. A second run over the same documents neither loads,
normalises nor segments them again. Documents are named by the SHA-256 of their bytes (or of
a JSON-lines record's content); words are stored once, as numbers (`words` table), so that
a document's counts are two small arrays.

The cache holds the results of one version of the analyses: when the code or the word lists
change (`analysis_signature`), its rows are dropped on first use. A cache that cannot be
opened or written (read-only disk, another version's file) turns itself off with a warning;
a damaged file is replaced. Several processes may use it at once (SQLite's locking).
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from policy_cli.core.compiled import cache_dir as cache_dir  # the user's cache, re-exported

CACHE_FORMAT = 3  # 3: one SQLite file (2: a zlib file per document)
CACHE_FILE = "trend.sqlite3"
BUSY_TIMEOUT = 30.0  # seconds to wait for another process's write
FLUSH_ROWS = 500  # rows kept before they are written in one statement
# rows written before they are committed: a commit writes every page the rows touched again
# (the documents' key index is a random walk: a cold trend of the news corpus committing every
# 256 documents spent 1.2 s of its parent's CPU in commits, every 4,000 0.5 s); the write lock
# is held meanwhile (another process writing waits: at most COMMIT_SECONDS or so)
COMMIT_ROWS = 4_000
COMMIT_SECONDS = 1.0  # ... or once the write lock has been held this long, whichever is first
SCAN_KEYS = 5_000  # more documents than this are looked up in one pass over the table
_SIGNED_MODULES = (
    "trend", "corpus.py", "counting.py", "loaders.py", "formats.py", "normalize.py",
    "noise.py", "segment.py", "phrases.py", "national.py", "occurrences.py", "formulations",
    "script.py", "tokens.py", "chars.py", "decoding.py",
)  # fmt: skip
_SCHEMA = """
CREATE TABLE IF NOT EXISTS info (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    key BLOB NOT NULL UNIQUE,
    text BLOB NOT NULL,
    characters INTEGER NOT NULL,
    year INTEGER,
    month TEXT,
    terms BLOB,
    forms BLOB
);
CREATE TABLE IF NOT EXISTS words (id INTEGER PRIMARY KEY, word TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    inode INTEGER NOT NULL,
    items BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS hits (
    key BLOB NOT NULL,
    phrases BLOB NOT NULL,
    counts BLOB NOT NULL,
    PRIMARY KEY (key, phrases)
) WITHOUT ROWID;
"""


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


def content_key(payload: bytes | str) -> bytes:
    """The key of a document: the SHA-256 of its bytes (a str: of its UTF-8, marked apart)."""
    if isinstance(payload, bytes):
        return hashlib.sha256(b"b" + payload).digest()
    return hashlib.sha256(b"t" + payload.encode("utf-8", "surrogatepass")).digest()


def phrases_key(phrases: Sequence[str]) -> bytes:
    """The key of a list of phrases followed in every document (with the counting rule)."""
    return hashlib.sha256("\n".join(phrases).encode("utf-8", "surrogatepass")).digest()[:16]


# A document's counts: records of a word id (32 bits) and a count (16 bits), by id. A count
# over 65,535 is stored as several records of the same id (they add up).
RECORD = [("id", "<u4"), ("n", "<u2")]
_MAX_COUNT = 0xFFFF


def pack_counts(ids: Any, counts: Any) -> bytes:
    """Pack a document's counts (word ids in any order, and their counts) into a blob of
    6-byte records sorted by id: blobs of many documents joined together are read at once
    (`unpack_many`)."""
    import numpy as np

    ids = np.asarray(ids, dtype=np.int64)
    counts = np.asarray(counts, dtype=np.int64)
    if len(counts) and int(counts.max()) > _MAX_COUNT:  # split: the records add up
        parts = -(-counts // _MAX_COUNT)
        ids = np.repeat(ids, parts)
        whole = np.repeat(counts, parts)
        rank = np.arange(len(ids)) - np.repeat(np.cumsum(parts) - parts, parts)
        counts = np.minimum(whole - rank * _MAX_COUNT, _MAX_COUNT)
    order = np.argsort(ids, kind="stable")
    out = np.empty(len(ids), dtype=RECORD)
    out["id"] = ids[order]
    out["n"] = counts[order]
    return out.tobytes()


def unpack_counts(blob: bytes) -> tuple[Any, Any]:
    """Unpack `pack_counts`: (ids, counts) as numpy int64 arrays, ids ascending (an id may
    repeat: its counts add up).

    Raises:
        ValueError: a blob that is not one.
    """
    _, ids, counts = unpack_many([blob])
    return ids, counts


def unpack_many(blobs: Sequence[bytes | None]) -> tuple[Any, Any, Any]:
    """Unpack many documents' blobs at once: (document index, ids, counts) as int64 arrays,
    one entry per record; a missing blob (None) has no entries.

    Raises:
        ValueError: a blob that is not one.
    """
    import numpy as np

    lengths = np.fromiter((len(b) if b else 0 for b in blobs), dtype=np.int64, count=len(blobs))
    if (lengths % 6).any():
        raise ValueError("not a packed count array")
    records = np.frombuffer(b"".join(b for b in blobs if b), dtype=RECORD)
    doc = np.repeat(np.arange(len(blobs), dtype=np.int64), lengths // 6)
    return doc, records["id"].astype(np.int64), records["n"].astype(np.int64)


@dataclass(frozen=True)
class CachedDocument:
    """What the cache holds about a document (`text` only when asked for)."""

    text: str | None
    characters: int
    year: int | None
    month: str | None
    terms: bytes | None  # pack_counts of its terms (None: not counted yet)
    forms: bytes | None  # pack_counts of the formulations found in it


class AnalysisCache:
    """The cache file (see the module): documents, words and phrase counts.

    Every method is safe to call when the cache is off (`root` None, or after an error):
    reads find nothing and writes do nothing. `error` says why it turned itself off.
    """

    def __init__(self, root: Path | None, *, memory: bool = False) -> None:
        """Open the cache file in `root` (created if need be); none with `root` None.

        With `memory`, the cache lives in memory for this process only (a run that must not
        touch the user's cache still reads each document once).
        """
        self.root = root
        self.memory = memory
        self.error: str | None = None
        self._db: sqlite3.Connection | None = None
        self._words: dict[str, int] | None = None  # loaded on the first new word
        self._max_id = 0
        # rows waiting to be written (in one statement per table, every FLUSH_ROWS)
        self._words_out: list[tuple[int, str]] = []
        self._documents_out: list[tuple[Any, ...]] = []
        self._hits_out: list[tuple[Any, ...]] = []
        self._uncommitted = 0  # rows written since the last commit
        self._locked_at = 0.0  # when the write transaction began (time.monotonic)
        if memory:
            self._db = sqlite3.connect(":memory:", isolation_level=None)
            self._db.executescript(_SCHEMA)
        elif root is not None:
            self._open(root / CACHE_FILE)

    @property
    def on(self) -> bool:
        """Whether the cache is in use."""
        return self._db is not None

    # -- opening -----------------------------------------------------------------------------

    def _open(self, path: Path) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = self._connect(path)
        except sqlite3.OperationalError as exc:
            # busy (another process holds the write lock past BUSY_TIMEOUT), or cannot be
            # opened: not a damaged file, which is another process's cache to keep
            self._off(f"cannot use the cache in {path.parent} ({_reason(exc)})")
        except sqlite3.DatabaseError:
            # not a database (damaged, or something else): a cache can be rebuilt
            try:
                path.unlink()
                self._db = self._connect(path)
            except (OSError, sqlite3.Error) as exc:
                self._off(f"cannot write the cache in {path.parent} ({exc})")
        except (OSError, sqlite3.Error) as exc:
            self._off(f"cannot write the cache in {path.parent} ({_reason(exc)})")

    def _connect(self, path: Path) -> sqlite3.Connection:
        db = sqlite3.connect(path, timeout=BUSY_TIMEOUT, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.executescript(_SCHEMA)
            signature = analysis_signature()
            row = db.execute("SELECT value FROM info WHERE name = 'signature'").fetchone()
            if row is None or row[0] != signature:
                # results of another version of the analyses: start afresh
                db.execute("BEGIN IMMEDIATE")
                for table in ("documents", "words", "hits", "files", "info"):
                    db.execute(f"DELETE FROM {table}")
                db.execute("INSERT INTO info VALUES ('signature', ?)", (signature,))
                db.execute("COMMIT")
        except BaseException:
            db.close()
            raise
        return db

    def _off(self, message: str) -> None:
        self.error = self.error or message
        self._drop()

    def close(self) -> None:
        """Write what is pending and close the file."""
        if self._db is not None:
            self.commit()  # (may turn the cache off, which drops the connection)
        self._drop()

    def _drop(self) -> None:
        """Close the connection, if any: the cache is a speed-up, a failing close loses nothing."""
        if self._db is not None:
            try:
                self._db.close()
            except sqlite3.Error:
                pass
        self._db = None

    def __enter__(self) -> AnalysisCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -----------------------------------------------------------------------------

    def _begin(self) -> sqlite3.Connection | None:
        """The connection, inside a write transaction (begun on the first write).

        The transaction holds the file's write lock: no other process adds words until it
        ends, so new words are numbered here, after the ones other processes added before.
        """
        if self._db is None:
            return None
        if not self._db.in_transaction:
            self._db.execute("BEGIN IMMEDIATE")
            self._locked_at = time.monotonic()
            if self._words is not None:
                added = self._db.execute(
                    "SELECT word, id FROM words WHERE id > ?", (self._max_id,)
                ).fetchall()
                self._words.update(added)
                self._max_id = max([self._max_id, *(i for _, i in added)])
        return self._db

    def commit(self) -> None:
        """Write what is pending and make it durable (a run commits every `COMMIT_ROWS`)."""
        self._guard(self._flush)

    def _write_pending(self) -> None:
        """Write what is pending, committing once `COMMIT_ROWS` rows are written: this
        connection's lookups see the rows either way."""
        self._guard(self._flush, False)

    def _flush(self, durable: bool = True) -> None:
        words, documents, hits = self._words_out, self._documents_out, self._hits_out
        self._words_out, self._documents_out, self._hits_out = [], [], []
        db = self._begin() if words or documents or hits else self._db
        if db is None:
            return
        if words:
            db.executemany("INSERT INTO words (id, word) VALUES (?, ?)", words)
        if documents:
            db.executemany(
                "INSERT INTO documents (key, text, characters, year, month, terms, forms)"
                " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET"
                " text = excluded.text, characters = excluded.characters,"
                " year = excluded.year, month = excluded.month,"
                " terms = coalesce(excluded.terms, documents.terms),"
                " forms = coalesce(excluded.forms, documents.forms)",
                documents,
            )
        if hits:
            db.executemany(
                "INSERT OR REPLACE INTO hits (key, phrases, counts) VALUES (?, ?, ?)", hits
            )
        self._uncommitted += len(words) + len(documents) + len(hits)
        if db.in_transaction and (
            durable
            or self._uncommitted >= COMMIT_ROWS
            or time.monotonic() - self._locked_at >= COMMIT_SECONDS
        ):
            db.execute("COMMIT")
            self._uncommitted = 0

    def _guard(self, action: Any, *args: Any) -> Any:
        try:
            return action(*args)
        except (sqlite3.Error, OSError) as exc:
            self._off(f"cannot use the cache in {self.root} ({_reason(exc)})")
            return None

    def word_ids(self, words: Iterable[str]) -> list[int]:
        """The ids of words, adding the new ones (empty when the cache is off)."""
        return self._guard(self._word_ids, list(words)) or []

    def _word_ids(self, words: list[str]) -> list[int]:
        if self._db is None:
            return []
        if self._words is None:
            self._words = dict(self._db.execute("SELECT word, id FROM words"))
            self._max_id = max(self._words.values(), default=0)
        known = self._words
        ids = list(map(known.get, words))  # one C loop: most words of a corpus are known
        if None not in ids:
            return ids  # type: ignore[return-value]  # (no None in it)
        new = [w for w in dict.fromkeys(words) if w not in known]
        if new:
            self._begin()  # numbered under the write lock, written with the next flush
            for w in new:
                if w not in known:  # another process may have added it meanwhile
                    self._max_id += 1
                    known[w] = self._max_id
                    self._words_out.append((self._max_id, w))
        return [known[w] for w in words]

    def words(self, ids: Iterable[int]) -> dict[int, str]:
        """The words of ids ({} when the cache is off)."""
        wanted = sorted(set(int(i) for i in ids))
        if self._words_out:
            self._write_pending()
        return self._guard(self._words_of, wanted) or {}

    def _words_of(self, ids: list[int]) -> dict[int, str]:
        if self._db is None or not ids:
            return {}
        out: dict[int, str] = {}
        for lo in range(0, len(ids), 500):
            part = ids[lo : lo + 500]
            marks = ",".join("?" * len(part))
            out.update(self._db.execute(f"SELECT id, word FROM words WHERE id IN ({marks})", part))
        return out

    def put_document(
        self,
        key: bytes,
        text: str,
        characters: int,
        year: int | None,
        month: str | None,
        *,
        terms: bytes | None = None,
        forms: bytes | None = None,
    ) -> None:
        """Store a document: its normalised text, size, the year and month its head states,
        and (when counted) its packed term and formulation counts (`pack_counts`)."""
        if self._db is None:
            return
        blob = text.encode("utf-8", "surrogatepass")
        self._documents_out.append((key, blob, characters, year, month, terms, forms))
        if len(self._documents_out) >= FLUSH_ROWS or (
            self._db.in_transaction and time.monotonic() - self._locked_at >= COMMIT_SECONDS
        ):
            self._write_pending()

    def put_hits(self, key: bytes, phrases: bytes, counts: bytes) -> None:
        """Store the counts of a list of phrases (`phrases_key`) in a document."""
        if self._db is None:
            return
        self._hits_out.append((key, phrases, counts))
        if len(self._hits_out) >= FLUSH_ROWS:
            self._write_pending()

    def put_file_items(self, path: Path, stat: os.stat_result, items: list[Any]) -> None:
        """Remember what a JSON-lines file holds (its records' keys and metadata), for as long
        as the file keeps its size, modification time and inode."""
        self._guard(self._put_file_items, path, stat, items)

    def _put_file_items(self, path: Path, stat: os.stat_result, items: list[Any]) -> None:
        db = self._begin()
        if db is not None:
            blob = json.dumps(items, ensure_ascii=False, separators=(",", ":")).encode()
            db.execute(
                "INSERT OR REPLACE INTO files (path, size, mtime_ns, inode, items)"
                " VALUES (?, ?, ?, ?, ?)",
                (_file_name(path), stat.st_size, stat.st_mtime_ns, stat.st_ino, blob),
            )
            self._flush()

    # -- reading -----------------------------------------------------------------------------

    def file_items(self, path: Path, stat: os.stat_result) -> list[Any] | None:
        """What `put_file_items` remembered of a file, if it has not changed since."""
        return self._guard(self._file_items, path, stat)

    def _file_items(self, path: Path, stat: os.stat_result) -> list[Any] | None:
        if self._db is None:
            return None
        row = self._db.execute(
            "SELECT size, mtime_ns, inode, items FROM files WHERE path = ?", (_file_name(path),)
        ).fetchone()
        if row is None or tuple(row[:3]) != (stat.st_size, stat.st_mtime_ns, stat.st_ino):
            return None
        try:
            items = json.loads(bytes(row[3]).decode("utf-8"))
        except ValueError:
            return None
        return items if isinstance(items, list) else None


    def documents(self, keys: Sequence[bytes], *, text: bool) -> dict[bytes, CachedDocument]:
        """Look documents up (their texts only when `text`)."""
        if self._documents_out or self._words_out:
            self._write_pending()
        return self._guard(self._documents, keys, text) or {}

    def _documents(self, keys: Sequence[bytes], text: bool) -> dict[bytes, CachedDocument]:
        if self._db is None or not keys:
            return {}
        column = "text" if text else "NULL"
        out: dict[bytes, CachedDocument] = {}
        unique = list(dict.fromkeys(keys))
        columns = f"key, {column}, characters, year, month, terms, forms"
        if len(unique) > SCAN_KEYS:  # many keys: one pass over the table beats the lookups
            wanted = set(unique)
            found = self._db.execute(f"SELECT {columns} FROM documents")
            results: Iterable[Any] = (r for r in found if r[0] in wanted)
        else:
            results = self._lookups(unique, columns)
        for key, blob, chars, year, month, terms, forms in results:
                body: str | None = None
                if blob is not None:
                    try:
                        body = bytes(blob).decode("utf-8", "surrogatepass")
                    except UnicodeDecodeError:
                        continue  # damaged: computed again
                out[key] = CachedDocument(body, chars, year, month, terms, forms)
        return out

    def _lookups(self, keys: list[bytes], columns: str) -> Iterator[Any]:
        assert self._db is not None
        for lo in range(0, len(keys), 500):
            part = keys[lo : lo + 500]
            marks = ",".join("?" * len(part))
            yield from self._db.execute(
                f"SELECT {columns} FROM documents WHERE key IN ({marks})", part
            )

    @property
    def path(self) -> Path | None:
        """The cache file, when the cache is one and in use (another process may read it:
        `read_texts`)."""
        if self._db is None or self.memory or self.root is None:
            return None
        return self.root / CACHE_FILE

    def hits(self, keys: Sequence[bytes], phrases: bytes) -> dict[bytes, bytes]:
        """The stored counts of a list of phrases in documents: {key: counts blob}."""
        if self._hits_out:
            self._write_pending()
        return self._guard(self._hits, keys, phrases) or {}

    def _hits(self, keys: Sequence[bytes], phrases: bytes) -> dict[bytes, bytes]:
        if self._db is None or not keys:
            return {}
        out: dict[bytes, bytes] = {}
        unique = list(dict.fromkeys(keys))
        for lo in range(0, len(unique), 500):
            part = unique[lo : lo + 500]
            marks = ",".join("?" * len(part))
            query = f"SELECT key, counts FROM hits WHERE phrases = ? AND key IN ({marks})"
            out.update(self._db.execute(query, [phrases, *part]))
        return out


def read_texts(path: Path, keys: Sequence[bytes]) -> dict[bytes, str]:
    """The normalised texts of documents, read from a cache file by another process (a
    worker counting phrases) on a read-only connection of its own: {key: text}, a key the
    file lacks (or whose text is damaged) left out.

    Raises:
        sqlite3.Error: the file cannot be read.
    """
    db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT)
    out: dict[bytes, str] = {}
    try:
        unique = list(dict.fromkeys(keys))
        for lo in range(0, len(unique), 500):
            part = unique[lo : lo + 500]
            marks = ",".join("?" * len(part))
            query = f"SELECT key, text FROM documents WHERE key IN ({marks})"
            for key, blob in db.execute(query, part):
                try:
                    out[key] = bytes(blob).decode("utf-8", "surrogatepass")
                except UnicodeDecodeError:
                    continue
    finally:
        db.close()
    return out


def _file_name(path: Path) -> str:
    return os.fsdecode(os.path.abspath(path))


def _reason(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or str(exc)
