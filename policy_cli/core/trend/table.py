"""The counts of a trend by period, and what is computed from them (numpy): series,
changes between the halves, first seen, each file's keyness against the rest."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from policy_cli.core.cache import AnalysisCache, phrases_key, unpack_many
from policy_cli.core.chars import CN_MAGNITUDES, CN_NUMERALS, CN_ZEROS
from policy_cli.core.corpus import CorpusItem, corpus_message, is_record_source, month_of
from policy_cli.core.trend.models import FileKeyness, KeyTerm, TermTrend, TrendDocument
from policy_cli.core.trend.reading import LOOKUP_BATCH, ProgressFn, _Doc, _first_token_offset

PER = 10_000  # rates are counts per 10,000 characters
MAX_FORMULATIONS = 200  # formulations followed in every document, the most found first
MIN_FORMULATION_CHARS = 4
FILE_TERMS = 10  # key terms shown for each file with by="file"

_NUMERALS = re.compile(rf"[{CN_ZEROS}{CN_NUMERALS}{CN_MAGNITUDES}\d]")


class _Aggregate:
    """The placed documents by period, and what the reading learnt about each."""

    def __init__(self, by: str) -> None:
        self.by = by
        self.docs: list[_Doc] = []
        self.chars: dict[Any, int] = {}
        self.ndocs: Counter[Any] = Counter()
        self.labels: dict[Any, str] = {}
        self.years: dict[Any, int | None] = {}
        self.documents: list[tuple[Any, TrendDocument]] = []
        self.sources: dict[int, str] = {}
        self.skipped: list[tuple[str, str]] = []
        self.unreadable = 0  # of the skipped: files that could not be read at all

    def place(self, item: CorpusItem, key: bytes, entry: dict[str, Any]) -> None:
        """Put a read document in its period (or record why it was skipped)."""
        if "error" in entry:
            self.skipped.append((item.source, corpus_message(str(entry["error"]))))
            self.unreadable += item.error is not None and not is_record_source(item.source)
            return
        text_year, text_month = entry.get("year"), entry.get("month")
        year: int | None = item.meta_year
        year_from: str | None = "metadata"
        if year is None and text_year is not None:
            year, year_from = text_year, "text"
        if year is None and item.name_year is not None:
            year, year_from = item.name_year, "file name"
        if year is None:
            year_from = None
        period: Any
        if self.by == "file":
            period, label = item.index, _file_label(item)
        elif self.by == "year":
            if year is None:
                self.skipped.append(
                    (item.source, "no year in its metadata, its text or its file name")
                )
                return
            period, label = year, str(year)
        else:
            month = item.meta_month or month_of(item.date)
            if month is None and text_month is not None and year in (None, int(text_month[:4])):
                month = text_month  # (a month of another year than the document's is none)
            if month is None:
                self.skipped.append((item.source, "no month in its metadata or its text"))
                return
            period, label = month, month
            year = int(month[:4])
        chars = int(entry["characters"])
        self.labels.setdefault(period, label)
        self.years.setdefault(period, year)
        self.chars[period] = self.chars.get(period, 0) + chars
        self.ndocs[period] += 1
        self.sources[item.index] = item.source
        self.docs.append(
            _Doc(
                item.index, period, chars, key, entry.get("terms"), entry.get("forms"),
                entry.get("weight", 0),
            )  # fmt: skip
        )
        doc = TrendDocument(item.source, item.title, item.kind, year, year_from, chars, label)
        self.documents.append((period, doc))


def _file_label(item: CorpusItem) -> str:
    if item.title:
        return item.title
    return Path(item.source).name


@dataclass
class _Counts:
    """Counts of one kind over the placed documents, as parallel arrays (one row a pair)."""

    doc: Any  # position of the document in `docs` (sorted by period, then input order)
    period: Any  # index of its period
    ids: Any  # word id (or phrase index)
    counts: Any

    @classmethod
    def from_blobs(cls, blobs: Sequence[bytes | None], periods: Any) -> _Counts:
        import numpy as np

        try:
            doc, ids, counts = unpack_many(blobs)
        except ValueError:  # a damaged blob: read them one by one, leaving it out
            good = [b if b and len(b) % 6 == 0 else None for b in blobs]
            doc, ids, counts = unpack_many(good)
        if len(ids) and int(counts.max()) == 0xFFFF:  # a count split over records: add up
            key = doc * (int(ids.max()) + 1) + ids
            order = np.argsort(key, kind="stable")
            key, doc, ids, counts = key[order], doc[order], ids[order], counts[order]
            first = np.flatnonzero(np.r_[True, key[1:] != key[:-1]])
            doc, ids, counts = doc[first], ids[first], np.add.reduceat(counts, first)
        return cls(doc=doc, period=periods[doc], ids=ids, counts=counts)


def _followable(text: str) -> bool:
    """Tell whether a formulation can be counted as a substring without false hits.

    Short codes such as 九五 or 十四五 also match inside dates (一九五四年), so only
    formulations of four characters or more, not made mostly of numerals, are followed.
    """
    if len(text) < MIN_FORMULATION_CHARS:
        return False
    return len(_NUMERALS.findall(text)) * 2 < len(text)


@dataclass


class _Hits:
    """Counts of followed phrases: one entry per (document, phrase) said there."""

    doc: Any  # position of the document in `_Aggregate.docs`
    ids: Any  # index of the phrase
    counts: Any
    offsets: Any  # first offset in the document


# Counting the followed phrases in documents whose counts are not cached reads their texts
# again: with several workers and this many documents, worker processes read them from the
# cache file themselves and count them (the parent only stores the counts).
PARALLEL_COUNT_DOCUMENTS = 2_000
COUNT_TASK_DOCUMENTS = 500  # documents counted in one task of a worker


def _count_phrases(
    agg: _Aggregate,
    cache: AnalysisCache,
    phrases: tuple[str, ...],
    progress: ProgressFn | None,
    workers: int = 1,
) -> _Hits:
    """Count the phrases in every placed document (where each starts a word), from the cache
    where it has the counts, else from the cached texts (and cache them); with `workers` > 1
    and many documents to count, in worker processes."""
    import numpy as np

    docs = agg.docs
    blobs: list[bytes | None] = [None] * len(docs)
    if phrases:
        set_key = phrases_key(phrases)
        missing: list[int] = []  # positions in `docs` of the documents to count
        for lo in range(0, len(docs), LOOKUP_BATCH):
            part = docs[lo : lo + LOOKUP_BATCH]
            cached = cache.hits([d.key for d in part], set_key)
            for pos, d in enumerate(part, lo):
                blob = cached.get(d.key)
                if blob is None or len(blob) % 12:
                    missing.append(pos)
                else:
                    blobs[pos] = blob
        path = cache.path
        if workers > 1 and path is not None and len(missing) >= PARALLEL_COUNT_DOCUMENTS:
            counted = _count_in_workers(path, [docs[i].key for i in missing], phrases, workers)
        else:
            counted = _count_here(cache, [docs[i].key for i in missing], phrases)
        done = len(docs) - len(missing)
        if progress is not None:
            for i in range(done):
                progress("counting", i + 1, len(docs))
        for pos, blob in zip(missing, counted, strict=True):
            if blob is not None:
                cache.put_hits(docs[pos].key, set_key, blob)
                blobs[pos] = blob
            done += 1
            if progress is not None:
                progress("counting", done, len(docs))
        cache.commit()
    lengths = np.fromiter((len(b) // 12 if b else 0 for b in blobs), np.int64, len(blobs))
    rows = np.frombuffer(b"".join(b for b in blobs if b), dtype=np.int32).reshape(-1, 3)
    return _Hits(
        doc=np.repeat(np.arange(len(blobs), dtype=np.int64), lengths),
        ids=rows[:, 0].astype(np.int64),
        counts=rows[:, 1].astype(np.int64),
        offsets=rows[:, 2].astype(np.int64),
    )


def _hit_blob(counter: Any, index: dict[str, int], text: str) -> bytes:
    """A document's counts of the phrases: records of (phrase index, count, first offset)."""
    import numpy as np

    found = counter.count(text)
    flat = [x for p, (n, at) in found.items() for x in (index[p], n, at)]
    return np.asarray(flat, dtype=np.int32).tobytes()


def _count_texts(texts: dict[bytes, str], keys: list[bytes], phrases: tuple[str, ...]) -> list[bytes | None]:
    """The counts of the phrases in each document of `keys` (None: its text is not known)."""
    from policy_cli.core.counting import PhraseCounter

    counter: PhraseCounter | None = None
    index = {p: i for i, p in enumerate(phrases)}
    out: list[bytes | None] = []
    for key in keys:
        text = texts.get(key)
        if text is None:
            out.append(None)
            continue
        counter = counter or PhraseCounter(phrases)
        out.append(_hit_blob(counter, index, text))
    return out


def _count_here(
    cache: AnalysisCache, keys: list[bytes], phrases: tuple[str, ...]
) -> list[bytes | None]:
    out: list[bytes | None] = []
    for lo in range(0, len(keys), LOOKUP_BATCH):
        part = keys[lo : lo + LOOKUP_BATCH]
        rows = cache.documents(part, text=True)
        texts = {k: r.text for k, r in rows.items() if r.text is not None}
        out.extend(_count_texts(texts, part, phrases))
    return out


def _count_cached(path: Path, keys: list[bytes], phrases: tuple[str, ...]) -> list[bytes | None]:
    """`_count_texts` of documents read from the cache file (a task of a worker process)."""
    from policy_cli.core.cache import read_texts

    return _count_texts(read_texts(path, keys), keys, phrases)


def _count_in_workers(
    path: Path, keys: list[bytes], phrases: tuple[str, ...], workers: int
) -> list[bytes | None]:
    """`_count_cached` of the documents in tasks spread over worker processes, in order."""
    from policy_cli.core.segment import general_segmenter
    from policy_cli.core.workers import fork_pool, stop_pool

    general_segmenter()  # the dictionary that judges word starts: loaded once, shared by fork
    tasks = [keys[lo : lo + COUNT_TASK_DOCUMENTS] for lo in range(0, len(keys), COUNT_TASK_DOCUMENTS)]
    pool = fork_pool(workers)
    finished = False
    try:
        out: list[bytes | None] = []
        for part in pool.map(_count_cached, [path] * len(tasks), tasks, [phrases] * len(tasks)):
            out.extend(part)
        finished = True
    finally:
        stop_pool(pool, wait=finished)
    return out


def _relabel(d: TrendDocument, label: str) -> TrendDocument:
    from dataclasses import replace

    return replace(d, period=label)


class _Table:
    """Counts of terms (word ids) and phrases over the placed documents, and the series,
    changes and keyness computed from them (numpy)."""

    def __init__(
        self,
        agg: _Aggregate,
        cache: AnalysisCache,
        keys: list[Any],
        period_of: Any,
        chars: Any,
        split: int | None,
    ) -> None:
        self.agg, self.cache, self.keys = agg, cache, keys
        self.period_of, self.chars, self.split = period_of, chars, split
        self.kinds: dict[str, _Counts] = {}
        self.names: dict[str, list[str] | dict[int, str]] = {}
        self._first_texts: dict[bytes, str] = {}
        self._offsets: dict[str, _Hits] = {}  # where each followed phrase is first said

    def add_terms(self) -> None:
        docs = self.agg.docs
        self.kinds["term"] = _Counts.from_blobs([d.terms for d in docs], self.period_of)
        self.forms = _Counts.from_blobs([d.forms for d in docs], self.period_of)

    def add_phrases(self, kind: str, phrases: tuple[str, ...], hits: _Hits) -> None:
        self.kinds[kind] = _Counts(
            doc=hits.doc, period=self.period_of[hits.doc], ids=hits.ids, counts=hits.counts
        )
        self.names[kind] = list(phrases)
        self._offsets[kind] = hits

    def chosen_formulations(self, *, min_count: int) -> tuple[str, ...]:
        """The formulations worth following: frequent enough, most found first, capped.

        The totals are those of the documents that proposed formulations, each counted for
        the documents it stands for (`reading.Proposal`); a followed formulation is listed
        only if its exact count reaches `min_count` too (`first_seen_formulations`)."""
        import numpy as np

        f = self.forms
        if not len(f.ids):
            return ()
        docs = self.agg.docs
        weight = np.fromiter((d.weight for d in docs), np.float64, len(docs))
        totals = np.bincount(f.ids, weights=f.counts * weight[f.doc])
        ranked = np.argsort(-totals, kind="stable")
        candidates = [int(i) for i in ranked if totals[i] >= min_count]
        names = self.cache.words(candidates)
        by_total = {names[i]: totals[i] for i in candidates if i in names}
        chosen = sorted((t for t in by_total if _followable(t)), key=lambda t: (-by_total[t], t))
        return tuple(chosen[:MAX_FORMULATIONS])

    def name(self, kind: str, i: int) -> str:
        names = self.names.get(kind)
        if names is None:
            return self.cache.words([i]).get(i, "")
        return names[i] if isinstance(names, list) else names[i]

    def _period_counts(self, kind: str, i: int) -> Any:
        import numpy as np

        c = self.kinds[kind]
        mask = c.ids == i
        return np.bincount(c.period[mask], weights=c.counts[mask], minlength=len(self.keys))

    def series(self, kind: str, i: int, *, term: str | None = None) -> TermTrend:
        """The series of one term (word id, or index of a followed phrase)."""
        import numpy as np

        c = self.kinds[kind]
        mask = c.ids == i
        counts_arr = np.bincount(c.period[mask], weights=c.counts[mask], minlength=len(self.keys))
        counts = tuple(int(x) for x in counts_arr)
        rates = tuple(
            round(n * PER / ch, 4) if ch else 0.0 for n, ch in zip(counts, self.chars, strict=True)
        )
        labels = [self.agg.labels[k] for k in self.keys]
        seen = [j for j, n in enumerate(counts) if n]
        peak_i = max(range(len(counts)), key=lambda j: (rates[j], -j)) if seen else None
        first_doc = int(c.doc[mask].min()) if mask.any() else -1
        text = term if term is not None else self.name(kind, i)
        first_source, first_offset = None, -1
        if first_doc >= 0:
            d = self.agg.docs[first_doc]
            first_source = self.agg.sources[d.index]
            first_offset = self._first_offset(kind, i, first_doc, text)
        early_rate = late_rate = change = 0.0
        if self.split is not None:
            from policy_cli.core.keyness import log_likelihood

            s = self.split
            n_early, n_late = float(self.chars[:s].sum()), float(self.chars[s:].sum())
            c_early, c_late = sum(counts[:s]), sum(counts[s:])
            early_rate = round(c_early * PER / n_early, 4) if n_early else 0.0
            late_rate = round(c_late * PER / n_late, 4) if n_late else 0.0
            if n_early and n_late:
                change = round(log_likelihood(c_early, c_late, int(n_early), int(n_late)), 3)
        return TermTrend(
            term=text,
            kind=kind,
            total=sum(counts),
            counts=counts,
            rates=rates,
            first_seen=labels[seen[0]] if seen else None,
            first_source=first_source,
            first_offset=first_offset,
            last_seen=labels[seen[-1]] if seen else None,
            peak=labels[peak_i] if peak_i is not None else None,
            peak_rate=rates[peak_i] if peak_i is not None else 0.0,
            early_rate=early_rate,
            late_rate=late_rate,
            change=change,
        )

    def _first_offset(self, kind: str, i: int, doc: int, term: str) -> int:
        if kind != "term":
            hits = self._offsets[kind]
            at = hits.offsets[(hits.doc == doc) & (hits.ids == i)]
            return int(at[0]) if len(at) else -1
        key = self.agg.docs[doc].key
        text = self._first_texts.get(key)
        if text is None:
            row = self.cache.documents([key], text=True).get(key)
            text = row.text if row is not None and row.text is not None else ""
            self._first_texts[key] = text
        return _first_token_offset(text, term)

    def changes(
        self, *, top: int, min_count: int
    ) -> tuple[tuple[TermTrend, ...], tuple[TermTrend, ...]]:
        """Rank terms and formulations by the signed G2 of the later half against the earlier."""
        import numpy as np

        from policy_cli.core.keyness import log_likelihood_array

        assert self.split is not None
        s = self.split
        n_early, n_late = float(self.chars[:s].sum()), float(self.chars[s:].sum())
        scored: list[tuple[float, str, str, int]] = []
        followed = set(self.names.get("formulation", []))
        for kind in ("term", "formulation"):
            c = self.kinds.get(kind)
            if c is None or not len(c.ids):
                continue
            late = c.period >= s
            total = np.bincount(c.ids, weights=c.counts)
            late_total = np.bincount(c.ids[late], weights=c.counts[late], minlength=len(total))
            ids = np.nonzero(total >= min_count)[0]
            g2 = log_likelihood_array(total[ids] - late_total[ids], late_total[ids], n_early, n_late)
            names = (
                self.cache.words(ids[g2 != 0]) if kind == "term" else None
            )
            for i, g in zip(ids.tolist(), g2.tolist(), strict=True):
                if g == 0:
                    continue
                name = names[i] if names is not None else self.name(kind, i)
                if kind == "term" and name in followed:
                    continue
                scored.append((g, name, kind, i))
        up = sorted((x for x in scored if x[0] > 0), key=lambda x: (-x[0], x[1]))[:top]
        down = sorted((x for x in scored if x[0] < 0), key=lambda x: (x[0], x[1]))[:top]
        rising = tuple(self.series(kind, i, term=name) for _, name, kind, i in up)
        falling = tuple(self.series(kind, i, term=name) for _, name, kind, i in down)
        return rising, falling

    def first_seen_formulations(
        self, *, top: int, preferred: frozenset[str] = frozenset(), min_count: int = 1
    ) -> tuple[TermTrend, ...]:
        """The `top` most used formulations said `min_count` times or more (the `preferred`
        ones, the user's own terms, whenever said), ordered by the period they were first seen
        in, the preferred ones first."""
        import numpy as np

        c = self.kinds.get("formulation")
        if c is None or not len(c.ids):
            return ()
        names = self.names["formulation"]
        assert isinstance(names, list)
        totals = np.bincount(c.ids, weights=c.counts, minlength=len(names))
        present = [
            i for i in range(len(names))
            if totals[i] >= max(min_count, 1) or (totals[i] > 0 and names[i] in preferred)
        ]  # fmt: skip
        chosen = sorted(present, key=lambda i: (names[i] not in preferred, -totals[i], names[i]))
        series = [self.series("formulation", i) for i in chosen[:top]]
        labels = [self.agg.labels[k] for k in self.keys]
        first = {lab: j for j, lab in enumerate(labels)}
        return tuple(
            sorted(series, key=lambda t: (
                t.term not in preferred, first[t.first_seen or labels[-1]], -t.total, t.term
            ))
        )


def _rank_files(
    table: _Table, kind: str | None, *, top: int, min_count: int
) -> tuple[FileKeyness, ...]:
    """Each document's terms against the rest of the corpus (signed G2), the documents
    ordered by their most distinctive term."""
    import numpy as np

    from policy_cli.core.keyness import log_likelihood_array

    agg = table.agg
    n_docs = len(agg.docs)
    sizes = np.asarray([d.characters for d in agg.docs], dtype=np.float64)
    corpus = float(sizes.sum())
    picked: dict[int, list[KeyTerm]] = {i: [] for i in range(n_docs)}
    kinds = [kind] if kind else ["term", "formulation"]
    followed = set(table.names.get("formulation", []))
    for k in kinds:
        c = table.kinds.get(k)
        if c is None or not len(c.ids):
            continue
        totals = np.bincount(c.ids, weights=c.counts)
        keep = totals[c.ids] >= min_count
        doc, ids, counts = c.doc[keep], c.ids[keep], c.counts[keep]
        rest = totals[ids] - counts
        g2 = log_likelihood_array(rest, counts, corpus - sizes[doc], sizes[doc])
        if kind is None:  # key terms: only what the file uses more than the rest
            good = g2 > 0
            doc, ids, counts, rest, g2 = doc[good], ids[good], counts[good], rest[good], g2[good]
        order = np.lexsort((ids, -g2, doc))
        doc, ids, counts, rest, g2 = doc[order], ids[order], counts[order], rest[order], g2[order]
        starts = np.searchsorted(doc, np.arange(n_docs))
        rank = np.arange(len(doc)) - starts[doc]
        room = rank < top * 2  # twice as many: terms that are followed formulations go
        doc, ids, counts, rest, g2 = doc[room], ids[room], counts[room], rest[room], g2[room]
        names = table.cache.words(ids) if k == "term" else None
        for d, i, n, r, g in zip(doc.tolist(), ids.tolist(), counts.tolist(), rest.tolist(),
                                 g2.tolist(), strict=True):  # fmt: skip
            name = names[i] if names is not None else table.name(k, i)
            if k == "term" and name in followed:
                continue
            rest_size = corpus - sizes[d]
            picked[d].append(
                KeyTerm(
                    term=name,
                    kind=k,
                    count=int(n),
                    rate=round(n * PER / sizes[d], 4) if sizes[d] else 0.0,
                    rest_rate=round(r * PER / rest_size, 4) if rest_size else 0.0,
                    g2=round(g, 3),
                )
            )
    files = []
    for d, found in picked.items():
        chosen = sorted(found, key=lambda t: (-t.g2, t.term))[:top]
        doc_ = agg.docs[d]
        files.append(
            FileKeyness(
                period=agg.labels[doc_.period],
                source=agg.sources[doc_.index],
                characters=doc_.characters,
                score=chosen[0].g2 if chosen else 0.0,
                terms=tuple(chosen),
            )
        )
    return tuple(sorted(files, key=lambda f: (-f.score, f.period)))


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
