"""Row files: a table of rows as CSV, JSON lines or Parquet, and read back.

`policy batch` writes its rows (one per document) in one of these formats, and reads them
back to resume a run; `--spread` writes the spread table the same way. CSV cells are what
`policy summary --format csv` writes (`serialize.to_csv`); JSON lines keep numbers as numbers
and missing values as null; Parquet (pyarrow, the optional `parquet` extra) gives integer
columns as int64 and the others as UTF-8 strings, which DuckDB and pandas read directly.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from policy_cli.errors import InputError, UsageError

FORMATS = ("csv", "jsonl", "parquet")
EXTENSIONS = {
    ".csv": "csv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".parquet": "parquet",
    ".pq": "parquet",
}


def format_of(path: str | None, *, default: str = "csv") -> str:
    """The row format a file name's extension names (default: `default`)."""
    if path is None:
        return default
    return EXTENSIONS.get(Path(path).suffix.lower(), default)


def render_rows(
    rows: Sequence[dict[str, Any]],
    columns: Sequence[str],
    fmt: str,
    *,
    int_columns: frozenset[str] = frozenset(),
) -> bytes:
    """Write rows in a format: the whole file's bytes.

    Raises:
        UsageError: an unknown format, or Parquet without pyarrow.
    """
    from policy_cli import serialize

    if fmt == "csv":
        return serialize.to_csv(serialize.row_section("rows", columns, rows)).encode("utf-8")
    if fmt == "jsonl":
        return serialize.to_jsonl([{c: row.get(c) for c in columns} for row in rows]).encode(
            "utf-8"
        )
    if fmt == "parquet":
        return _parquet(rows, columns, int_columns)
    raise UsageError(f"unknown row format {fmt!r}; use {', '.join(FORMATS)}")


def require_pyarrow() -> Any:
    """pyarrow, for Parquet (imported here, so that a run can refuse before any work).

    Raises:
        UsageError: pyarrow is not installed.
    """
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError as exc:
        raise UsageError(
            "Parquet needs pyarrow, which is not installed: pip install 'policy-cli[parquet]'"
        ) from exc
    return pyarrow


def _parquet(
    rows: Sequence[dict[str, Any]], columns: Sequence[str], int_columns: frozenset[str]
) -> bytes:
    pa = require_pyarrow()
    schema = pa.schema(
        [(c, pa.int64() if c in int_columns else pa.string()) for c in columns]
    )
    data = {
        c: [_int(row.get(c)) if c in int_columns else _str(row.get(c)) for row in rows]
        for c in columns
    }
    table = pa.Table.from_pydict(data, schema=schema)
    buf = io.BytesIO()
    pa.parquet.write_table(table, buf)
    return buf.getvalue()


def _int(value: Any) -> int | None:
    if value is None or value == "":
        return None
    return int(value)


def _str(value: Any) -> str | None:
    return None if value is None else str(value)


def read_rows(path: str | Path, fmt: str) -> list[dict[str, Any]]:
    """Read the rows of a row file (to resume a run).

    Raises:
        InputError: a file that is not a table of this format.
    """
    p = Path(path)
    try:
        if fmt == "parquet":
            pa = require_pyarrow()
            return list(pa.parquet.read_table(p).to_pylist())
        if fmt == "csv":
            with p.open(encoding="utf-8", newline="") as fh:
                return [{k: _unescaped(v) for k, v in row.items()} for row in csv.DictReader(fh)]
        return list(_json_lines(_text_lines(p.read_bytes()), str(p)))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise InputError(f"{p}: cannot read its rows ({exc})") from exc
    except UsageError:
        raise
    except Exception as exc:  # what pyarrow raises for a file that is not Parquet
        raise InputError(f"{p}: not a {fmt} table ({type(exc).__name__})") from exc


def _unescaped(value: Any) -> Any:
    """A CSV cell as its row had it: without the ' that made a formula's opening inert."""
    from policy_cli.serialize import FORMULA_STARTS

    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value


def _text_lines(data: bytes) -> list[str]:
    """The lines of UTF-8 JSON lines; the last cut short inside a character (a run killed while
    it wrote) is dropped, as a line cut between characters is (no JSON); bytes that are no UTF-8
    elsewhere are an error."""
    lines = data.split(b"\n")
    out = []
    for i, line in enumerate(lines):
        try:
            out.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            if i < len(lines) - 1 and any(rest.strip() for rest in lines[i + 1 :]):
                raise
    return out


def _json_lines(fh: Any, name: str) -> Iterator[dict[str, Any]]:
    for lineno, line in enumerate(fh, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError:
            # the last line of a file cut short (a run killed while writing it): dropped
            continue
        if not isinstance(row, dict):
            raise InputError(f"{name}:{lineno}: not a row (a JSON object)")
        yield row
