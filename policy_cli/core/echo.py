"""Echo: what documents repeat of national policy language, what they coin, what spreads.

Every formulation carries its origin (`core.national`): `national` (an established national
formulation, since `first_seen`), `local` (the document's own, though national text says
the phrase) or `new` (said nowhere in the national corpus). A document's echo lists them by
origin; over a corpus, `spread` tells which formulations many documents share, and which
document said each first.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from policy_cli.models import Echo, Formulation, Spread

ORIGINS = ("national", "local", "new")
SPREAD_MIN_DOCUMENTS = 2  # a formulation spreads when this many documents say it


def echo_of(formulations: Iterable[Formulation]) -> Echo:
    """Sort a document's formulations by origin, the most used first (then by first use).

    Args:
        formulations: all the formulations of one document (`extract_formulations`).

    Returns:
        An `Echo`: the national ones it repeats, its local ones, its new ones (coined).
    """
    by_origin: dict[str, list[Formulation]] = {o: [] for o in ORIGINS}
    for f in formulations:
        if f.origin in by_origin:
            by_origin[f.origin].append(f)
    ranked = {
        o: tuple(f.text for f in sorted(fs, key=lambda f: (-f.count, f.first_offset, f.text)))
        for o, fs in by_origin.items()
    }
    return Echo(national=ranked["national"], local=ranked["local"], new=ranked["new"])


def spread(
    rows: Iterable[Mapping[str, Any]],
    *,
    min_documents: int = SPREAD_MIN_DOCUMENTS,
    separator: str = "; ",
) -> list[Spread]:
    """The formulations that spread across a corpus, from its rows (`policy batch`).

    Args:
        rows: document rows with `source`, `date_iso` and the `national`, `local` and
            `coined` columns (formulations joined by `separator`), in input order.
        min_documents: least number of documents that say a formulation.
        separator: what joins the formulations of a cell.

    Returns:
        The formulations said by at least `min_documents` documents, the most shared first
        (then by first date and text).
    """
    from policy_cli.core.national import national_lexicon

    columns = (("national", "national"), ("local", "local"), ("coined", "new"))
    count: dict[str, int] = {}
    first: dict[str, tuple[tuple[bool, str, int], str, str | None, str]] = {}
    for position, row in enumerate(rows):
        if row.get("error"):
            continue
        date = row.get("date_iso") or None
        order = (date is None, str(date or ""), position)
        seen: set[str] = set()
        for column, origin in columns:
            cell = row.get(column) or ""
            for text in str(cell).split(separator) if cell else ():
                if not text or text in seen:
                    continue
                seen.add(text)
                count[text] = count.get(text, 0) + 1
                old = first.get(text)
                if old is None or order < old[0]:
                    first[text] = (order, str(row.get("source")), date, origin)
    lexicon = national_lexicon()
    out = []
    for text, n in count.items():
        if n < min_documents:
            continue
        _, source, date, origin = first[text]
        entry = lexicon.get(text)
        out.append(
            Spread(
                text=text,
                origin=origin,
                documents=n,
                first_source=source,
                first_date=date,
                national_first_seen=(entry.first_seen or None) if entry is not None else None,
            )
        )
    out.sort(key=lambda s: (-s.documents, s.first_date is None, s.first_date or "", s.text))
    return out
