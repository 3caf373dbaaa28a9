"""The one-screen brief of a document: every analysis, sharing one segmentation."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from policy_cli.core.header import extract_header
from policy_cli.core.keywords import extract_keywords
from policy_cli.core.people import extract_organizations, extract_people
from policy_cli.core.pipeline import Prepared, prepare
from policy_cli.core.sentences import key_sentences
from policy_cli.core.targets import extract_targets
from policy_cli.errors import NothingToAnalyseError, UsageError
from policy_cli.models import Document, Formulation, Stats, Summary

# codes (十四五, 296X) and numbered sets (两个大局) say most about a document's agenda
_KIND_ORDER = {"code": 0, "numbered": 1, "slogan": 2, "name": 3}


def summarize(
    document: Document | Prepared,
    *,
    keywords: int = 10,
    formulations: int = 10,
    sentences: int = 5,
) -> Summary:
    """Brief a document: header, size, keywords, formulations, targets, people, key sentences.

    Args:
        document: a loaded document, or one already prepared (segmented) by `pipeline.prepare`.
        keywords: how many key terms to keep.
        formulations: how many formulations to keep (codes and numbered sets first).
        sentences: how many key sentences to pick.

    Returns:
        A Summary; `warnings` are the spans the loader removed as noise.

    Raises:
        NothingToAnalyseError: the document has no sentence to analyse.
        UsageError: a count below 1.
    """
    for label, value in (("keywords", keywords), ("formulations", formulations),
                         ("sentences", sentences)):
        if value < 1:
            raise UsageError(f"the number of {label} must be at least 1")
    doc = document.document if isinstance(document, Prepared) else document
    if not doc.sentences:
        raise NothingToAnalyseError(f"{doc.source}: no text to summarise")
    people = extract_people(doc)
    # names stay whole in the one segmentation, so that keywords count 施惠芳, not 施惠
    prepared = document if isinstance(document, Prepared) else prepare(
        doc, protect=tuple(p.name for p in people)
    )
    return Summary(
        source=doc.source,
        header=extract_header(doc, people=people),
        stats=Stats(len(doc.text), len(doc.paragraphs), len(doc.sentences)),
        keywords=tuple(extract_keywords(prepared.tokens, method="tfidf", top=keywords,
                                        document=doc)),
        formulations=tuple(salient_formulations(_formulations(prepared), top=formulations)),
        targets=tuple(extract_targets(doc)),
        people=tuple(people),
        organizations=tuple(extract_organizations(doc)),
        key_sentences=tuple(key_sentences(prepared, n=sentences)),
        warnings=doc.noise,
        notes=doc.notes,
    )


def salient_formulations(found: list[Formulation], *, top: int = 10) -> list[Formulation]:
    """Keep the most salient formulations: codes and numbered sets first, then by count.

    Args:
        found: formulations of a document.
        top: how many to keep.

    Returns:
        At most `top` formulations, sorted by kind, count (descending), then first offset.
    """
    ranked = sorted(
        found, key=lambda f: (_KIND_ORDER.get(f.kind, 9), -f.count, f.first_offset, f.text)
    )
    return ranked[:top]


def summary_to_dict(summary: Summary) -> dict[str, Any]:
    """Turn a Summary into the JSON object of `policy summary --format json`.

    Args:
        summary: a summary.

    Returns:
        A dict with the keys source, title, date, speaker, doc_type, place, stats, keywords,
        formulations, targets, people, organizations, key_sentences, warnings, notes.
    """
    h = summary.header
    return {
        "source": summary.source,
        "title": h.title,
        "date": h.date,
        "speaker": h.speaker,
        "doc_type": h.doc_type,
        "place": h.place,
        "stats": asdict(summary.stats),
        "keywords": [
            {"term": k.term, "score": round(k.score, 6), "count": k.count,
             "first_offset": k.first_offset}
            for k in summary.keywords
        ],
        "formulations": [
            {"text": f.text, "kind": f.kind, "count": f.count, "first_offset": f.first_offset,
             "refers_to": f.refers_to, "items": list(f.items)}
            for f in summary.formulations
        ],
        "targets": [
            {"indicator": t.indicator, "value": t.value, "modifier": t.modifier,
             "section": t.section, "core": t.core, "period": t.period, "note": t.note,
             "text": t.text, "offset": t.offset}
            for t in summary.targets
        ],
        "people": [
            {"name": p.name, "titles": list(p.titles), "count": p.count,
             "first_offset": p.first_offset}
            for p in summary.people
        ],
        "organizations": list(summary.organizations),
        "key_sentences": [
            {"index": s.index, "text": s.text, "score": s.score} for s in summary.key_sentences
        ],
        "warnings": [
            {"text": w.text, "reason": w.reason, "offset": w.offset} for w in summary.warnings
        ],
        "notes": list(summary.notes),
    }


def _formulations(prepared: Prepared) -> list[Formulation]:
    """The formulations the pipeline found while preparing, else found now."""
    found = getattr(prepared, "formulations", None)
    if found:
        return list(found)
    from policy_cli.core.formulations import extract_formulations

    return extract_formulations(prepared.document)
