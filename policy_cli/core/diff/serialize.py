"""A diff as plain JSON-ready data (the `--format json` schema)."""

from __future__ import annotations

from typing import Any

from policy_cli.models import (
    FormulationChange,
    Headline,
    ReportDiff,
    SentenceChange,
    TermChange,
    TermNews,
)


def _form(c: FormulationChange) -> dict[str, Any]:
    return {
        "text": c.text, "kind": c.kind, "old_count": c.old_count, "new_count": c.new_count,
        "status": c.status, "offset": c.offset, "context": c.context,
        "weight": c.weight, "place": c.place, "rarity": c.rarity,
        "documents": c.documents, "first_seen": c.first_seen,
    }


def _news(t: TermNews) -> dict[str, Any]:
    return {
        "term": t.term, "status": t.status, "old_count": t.old_count,
        "new_count": t.new_count, "offset": t.offset, "context": t.context,
        "weight": t.weight, "place": t.place, "rarity": t.rarity,
        "documents": t.documents, "first_seen": t.first_seen,
    }


def _headline(h: Headline) -> dict[str, Any]:
    return {
        "text": h.text, "what": h.what, "old_count": h.old_count, "new_count": h.new_count,
        "detail": h.detail, "weight": h.weight, "offset": h.offset, "context": h.context,
    }


def _term(c: TermChange) -> dict[str, Any]:
    return {
        "term": c.term, "old_count": c.old_count, "new_count": c.new_count,
        "old_rate": c.old_rate, "new_rate": c.new_rate, "g2": c.g2,
        "log_ratio": c.log_ratio, "status": c.status, "offset": c.offset,
    }


def _sent(c: SentenceChange) -> dict[str, Any]:
    return {
        "text": c.text, "index": c.index, "offset": c.offset, "similarity": c.similarity,
        "closest": c.counterpart, "new_words": list(c.new_words),
    }


def diff_to_dict(diff: ReportDiff) -> dict[str, Any]:
    """Return the diff as plain JSON-ready data (the `--format json` schema).

    Args:
        diff: a result of `diff_documents`.

    Returns:
        A dict with keys old, new, old_characters, new_characters, identical, similarity,
        headlines, formulations {added, removed, kept}, terms {new, dropped, rising, falling},
        targets, sentences (None unless asked for) and notes.
    """
    sentences = None
    if diff.sentences_new is not None and diff.sentences_old is not None:
        sentences = {
            "only_in_new": [_sent(s) for s in diff.sentences_new],
            "only_in_old": [_sent(s) for s in diff.sentences_old],
        }
    return {
        "old": diff.old,
        "new": diff.new,
        "old_characters": diff.old_characters,
        "new_characters": diff.new_characters,
        "identical": diff.identical,
        "similarity": diff.similarity,
        "headlines": [_headline(h) for h in diff.headlines],
        "formulations": {
            "added": [_form(c) for c in diff.added],
            "removed": [_form(c) for c in diff.removed],
            "kept": [_form(c) for c in diff.kept],
        },
        "terms": {
            "new": [_news(t) for t in diff.new_terms],
            "dropped": [_news(t) for t in diff.dropped_terms],
            "rising": [_term(c) for c in diff.rising],
            "falling": [_term(c) for c in diff.falling],
        },
        "targets": [
            {
                "indicator": t.indicator, "old_value": t.old_value, "new_value": t.new_value,
                "changed": t.changed, "change": t.change, "old_indicator": t.old_indicator,
                "new_indicator": t.new_indicator, "old_text": t.old_text, "new_text": t.new_text,
            }
            for t in diff.targets
        ],
        "sentences": sentences,
        "notes": list(diff.notes),
    }
