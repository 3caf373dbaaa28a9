"""The one-screen brief of a document: every analysis, sharing one segmentation."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from policy_cli.core.echo import ORIGINS, echo_of
from policy_cli.core.header import extract_header
from policy_cli.core.keywords import extract_keywords
from policy_cli.core.loaders import check_analysable
from policy_cli.core.people import extract_organizations, extract_people
from policy_cli.core.pipeline import Prepared, collector_paused, prepare
from policy_cli.core.sentences import key_sentences
from policy_cli.core.targets import extract_targets
from policy_cli.core.tokens import segment_document
from policy_cli.errors import NothingToAnalyseError, UsageError
from policy_cli.models import Document, Formulation, Stats, Summary, Target

if TYPE_CHECKING:
    from policy_cli.core.formulations.options import FormulationOptions

# codes (十四五, 296X) and numbered sets (两个大局) say most about a document's agenda
_KIND_ORDER = {"code": 0, "numbered": 1, "slogan": 2, "name": 3}
KINDS = tuple(_KIND_ORDER)


def by_kind(f: Formulation) -> tuple[Any, ...]:
    """The default order of a local document's formulations: the user's own terms
    (`--lexicon`) first, then the document's own (local and new) before the national ones it
    echoes, then codes and numbered sets, then by count."""
    user = f.users_own
    return (
        not user,
        not user and f.origin == "national",
        _KIND_ORDER.get(f.kind, 9), -f.count, f.first_offset, f.text,
    )


def by_kind_central(f: Formulation) -> tuple[Any, ...]:
    """The default order of a document of the centre's formulations (a national work report,
    a congress report, a communiqué): the national formulations are its own, and no echo to
    put after what it coins once (三座大山 before 两个一百年); the user's own terms first, then
    codes and numbered sets, then by count."""
    return (not f.users_own, _KIND_ORDER.get(f.kind, 9), -f.count, f.first_offset, f.text)


def summarize(
    document: Document | Prepared,
    *,
    keywords: int = 10,
    formulations: int = 10,
    sentences: int = 5,
    formulation_order: Callable[[Formulation], Any] | None = None,
    formulation_options: FormulationOptions | None = None,
) -> Summary:
    """Brief a document: header, size, keywords, formulations, targets, people, key sentences.

    Args:
        document: a loaded document, or one already prepared (segmented) by `pipeline.prepare`.
        keywords: how many key terms to keep.
        formulations: how many formulations to keep (codes and numbered sets first).
        sentences: how many key sentences to pick (0: none, for a row that shows none).
        formulation_order: the sort key that ranks the formulations to keep (default
            `by_kind_central` for a document of the centre, `by_kind` for any other).
        formulation_options: options of the formulation extractor (a user's lexicon, stages
            switched off); used when the document is not prepared yet.

    Returns:
        A Summary; `warnings` are the spans the loader removed as noise.

    Raises:
        NothingToAnalyseError: the document has no sentence to analyse.
        UsageError: a count below 1 (of sentences: below 0).
    """
    for label, value in (("keywords", keywords), ("formulations", formulations)):
        if value < 1:
            raise UsageError(f"the number of {label} must be at least 1")
    if sentences < 0:
        raise UsageError("the number of sentences must be at least 0")
    doc = document.document if isinstance(document, Prepared) else document
    if not doc.sentences:
        raise NothingToAnalyseError(f"{doc.source}: no text to summarise")
    check_analysable(doc)
    with collector_paused():
        return _summarize(
            document, doc, keywords=keywords, formulations=formulations, sentences=sentences,
            formulation_order=formulation_order, formulation_options=formulation_options,
        )  # fmt: skip


def _summarize(
    document: Document | Prepared,
    doc: Document,
    *,
    keywords: int,
    formulations: int,
    sentences: int,
    formulation_order: Callable[[Formulation], Any] | None,
    formulation_options: FormulationOptions | None,
) -> Summary:
    seg = document.segmentation if isinstance(document, Prepared) else None
    seg = seg or segment_document(doc)  # the one segmentation every analysis reads
    people = extract_people(doc, segmentation=seg)
    # names stay whole in the tokens, so that keywords count 施惠芳, not 施惠
    prepared = document if isinstance(document, Prepared) else prepare(
        doc, protect=tuple(p.name for p in people), formulation_options=formulation_options,
        segmentation=seg,
    )
    found = _formulations(prepared)
    if formulation_order is None:
        from policy_cli.core.formulations.national import of_the_centre
        from policy_cli.core.formulations.options import FormulationOptions

        central = of_the_centre(doc.text, formulation_options or FormulationOptions())
        formulation_order = by_kind_central if central else by_kind
    return Summary(
        source=doc.source,
        header=extract_header(doc, people=people),
        stats=Stats(len(doc.text), len(doc.paragraphs), len(doc.sentences)),
        keywords=tuple(extract_keywords(prepared.tokens, method="tfidf", top=keywords,
                                        document=doc)),
        formulations=tuple(
            salient_formulations(found, top=formulations, key=formulation_order)
        ),
        targets=tuple(extract_targets(doc)),
        people=tuple(people),
        organizations=tuple(extract_organizations(doc, segmentation=seg)),
        key_sentences=tuple(key_sentences(prepared, n=sentences)) if sentences else (),
        warnings=doc.noise,
        formulation_counts=tuple(
            (kind, sum(1 for f in found if f.kind == kind)) for kind in KINDS
        ),
        notes=doc.notes,
        echo=echo_of(f for f in found if f.kind in _KIND_ORDER),
    )


def salient_formulations(
    found: list[Formulation],
    *,
    top: int = 10,
    key: Callable[[Formulation], Any] = by_kind,
) -> list[Formulation]:
    """Keep the most salient formulations: the user's own terms first, then codes and numbered
    sets, then by count.

    Args:
        found: formulations of a document.
        top: how many to keep.
        key: the sort key (default `by_kind`: kind, count descending, first offset, text).

    Returns:
        At most `top` formulations in the order of `key`; a set named again with what it
        refers to (三个代表重要思想 beside 三个代表, 十一五规划 beside 十一五) comes after all the
        others: a short list shows the set once, with what it refers to.
    """
    named_again = {
        longer.text
        for f in found if f.refers_to
        for longer in found if _names_with_referent(longer.text, f.text, f.refers_to)
    }
    return sorted(found, key=lambda f: (f.text in named_again, key(f)))[:top]


def _names_with_referent(longer: str, name: str, refers_to: str) -> bool:
    """Tell whether `longer` is `name` followed by (a word of) what it refers to: 两个一百年 +
    奋斗目标, 十一五 + 规划 (第十一个五年规划时期), 四个全面 + 战略布局 (战略); not 十五 + 大."""
    rest = longer.removeprefix(name)
    return rest != longer and bool(rest) and (rest in refers_to or refers_to in rest)


# The columns of one document's row (`policy summary --format csv`, and `policy batch`).
ROW_COLUMNS = (
    "source", "title", "date", "date_iso", "issuer", "speaker", "number", "type",
    "effective_date_iso", "characters", "paragraphs", "sentences", "key_terms",
    "formulations", *(f"formulations_{k}" for k in KINDS),
    *(f"formulations_{o}" for o in ORIGINS), "headline_targets", "headline_values",
    "targets", "people", "organizations", "noise_cut", "noise_chars",
    "national", "local", "coined",
)
ROW_TERMS = 10  # key terms in a row
ROW_SEP = "; "  # between the items of a cell


def summary_row(summary: Summary) -> dict[str, str | int | None]:
    """Turn a Summary into one flat row: the columns of `ROW_COLUMNS`, one value each.

    This is the one definition of a document's row: `policy summary --format csv` writes it,
    and a batch over many documents writes one such row per document.

    Args:
        summary: a summary.

    Returns:
        A dict keyed by `ROW_COLUMNS`: header fields (None when not stated), sizes, the top
        key terms and the people and organisations joined by "; ", the number of distinct
        formulations in all, of each kind and of each origin (national, local, new), the
        headline targets as text ("地区生产总值增长 5.5%以上; …"; all targets when none is
        headline) and as values under their shared names ("国内生产总值增长: 5.5 % 以上; …",
        numbers only), how many targets in all, the spans and characters cut as noise, and
        the formulations themselves by origin, the most used first: the national ones it
        repeats, its local ones, the ones it coins.
    """
    h = summary.header
    counts = dict(summary.formulation_counts)
    echo = summary.echo
    headline = [t for t in summary.targets if t.core] or [
        t for t in summary.targets if not t.period
    ]
    row: dict[str, str | int | None] = {
        "source": summary.source,
        "title": h.title,
        "date": h.date,
        "date_iso": h.date_iso,
        "issuer": h.issuer,
        "speaker": h.speaker,
        "number": h.number,
        "type": h.doc_type,
        "effective_date_iso": h.effective_date_iso,
        "characters": summary.stats.characters,
        "paragraphs": summary.stats.paragraphs,
        "sentences": summary.stats.sentences,
        "key_terms": ROW_SEP.join(k.term for k in summary.keywords[:ROW_TERMS]),
        "formulations": sum(counts.values()),
        **{f"formulations_{k}": counts.get(k, 0) for k in KINDS},
        **{f"formulations_{o}": len(getattr(echo, o)) for o in ORIGINS},
        "headline_targets": ROW_SEP.join(
            f"{t.indicator} {t.value}" + (f"（{t.note}）" if t.note else "") for t in headline
        ),
        "headline_values": ROW_SEP.join(
            v for v in (target_value(t) for t in headline) if v
        ),
        "targets": len(summary.targets),
        "people": ROW_SEP.join(p.name for p in summary.people),
        "organizations": ROW_SEP.join(summary.organizations),
        "noise_cut": len(summary.warnings),
        "noise_chars": sum(len(w.text) for w in summary.warnings),
        "national": ROW_SEP.join(echo.national),
        "local": ROW_SEP.join(echo.local),
        "coined": ROW_SEP.join(echo.new),
    }
    return row


def target_value(target: Target) -> str:
    """A target read as numbers under its shared name: "国内生产总值增长: 5.5 % 以上",
    "赤字率: 4 % 左右", a range "3–3.5", a change "-3 % 左右" (降低3%左右); "" when it has no
    numbers (a qualitative target)."""
    if not target.numbers:
        return ""
    sign = {"up": "+", "down": "-"}.get(target.direction or "", "")
    numbers = "–".join(f"{n:g}" for n in target.numbers)
    parts = [f"{sign}{numbers}", target.unit or "", target.modifier or ""]
    return f"{target.canonical}: " + " ".join(p for p in parts if p)


def _formulations(prepared: Prepared) -> list[Formulation]:
    """The formulations the pipeline found while preparing, else found now."""
    found = getattr(prepared, "formulations", None)
    if found:
        return list(found)
    from policy_cli.core.formulations import extract_formulations

    return extract_formulations(
        prepared.document, options=prepared.formulation_options,
        segmentation=prepared.segmentation,
    )
