"""The result of `trend_documents`: periods, documents, term series, files by keyness."""

from __future__ import annotations

from dataclasses import dataclass, field


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
    """A year, a month (YYYY-MM) or a file, and the size of its text."""

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
class KeyTerm:
    """A term of one file against the rest of the corpus: count, rates, signed G2."""

    term: str
    kind: str  # query | term | formulation
    count: int
    rate: float  # per 10,000 characters of the file
    rest_rate: float  # per 10,000 characters of the other files
    g2: float  # > 0: the file uses it more than the rest


@dataclass(frozen=True)
class FileKeyness:
    """One file (by="file"): the terms that set it apart from the rest of the corpus."""

    period: str
    source: str
    characters: int
    score: float  # the G2 of its most distinctive term: the order of the files
    terms: tuple[KeyTerm, ...]


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
    files: tuple[FileKeyness, ...] = ()  # by="file": most distinctive first
    split: str | None = None  # label of the first period of the later half
    skipped: tuple[tuple[str, str], ...] = ()  # (source, reason)
    cache_hits: int = 0
    cache_misses: int = 0
    warnings: tuple[str, ...] = field(default_factory=tuple)
