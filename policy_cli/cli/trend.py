"""`policy trend`: term rates across many reports, first seen, and what rose or fell."""

from __future__ import annotations

import io
import os
import re
import sys
from collections.abc import Sequence
from enum import Enum
from typing import Annotated, Any

import typer

from policy_cli.cli.app import (
    FORMAT_HELP,
    LexiconOpt,
    OutputOpt,
    TableFormat,
    TracebackOpt,
    app,
    check_output,
    emit,
    formulation_options,
    handle_errors,
    output_format,
    warn,
)
from policy_cli.cli.progress import ProgressBar

SPARK_BLOCKS = "▁▂▃▄▅▆▇█"
SPARK_MAX = 60  # wider series are bucketed so that a chart row fits a terminal
CHANGE_SPARK = 24  # in the rising/falling tables, beside eight other columns
_TERM_SPLIT = re.compile(r"[,，、;；]+")


class By(str, Enum):
    """What a period of the trend is."""

    year = "year"
    month = "month"
    file = "file"


def sparkline(values: list[float] | tuple[float, ...], *, width: int = SPARK_MAX) -> str:
    """Draw values as block characters ("." where the value is zero)."""
    vals = list(values)
    if len(vals) > width:  # keep the peak of each bucket: a spike must stay visible
        size = len(vals) / width
        vals = [
            max(vals[int(i * size) : max(int((i + 1) * size), int(i * size) + 1)])
            for i in range(width)
        ]
    top = max(vals, default=0.0)
    if top <= 0:
        return "." * len(vals)
    out = []
    for v in vals:
        if v <= 0:
            out.append(".")
        else:
            out.append(
                SPARK_BLOCKS[
                    min(len(SPARK_BLOCKS) - 1, int(v / top * (len(SPARK_BLOCKS) - 1) + 0.5))
                ]
            )
    return "".join(out)


def parse_terms(text: str | None) -> list[str]:
    """Split the --terms value on commas (ASCII or Chinese) and 、."""
    if text is None:
        return []
    return [t.strip() for t in _TERM_SPLIT.split(text) if t.strip()]


def _series_json(s: Any) -> dict[str, Any]:
    return {
        "term": s.term,
        "kind": s.kind,
        "total": s.total,
        "first_seen": s.first_seen,
        "first_source": s.first_source,
        "first_offset": s.first_offset,
        "last_seen": s.last_seen,
        "peak": s.peak,
        "peak_rate": s.peak_rate,
        "early_rate": s.early_rate,
        "late_rate": s.late_rate,
        "change": s.change,
        "counts": list(s.counts),
        "rates": list(s.rates),
    }


def trend_json(result: Any) -> dict[str, Any]:
    """The whole result as a JSON-ready dict (stable key order)."""
    obj: dict[str, Any] = {
        "by": result.by,
        "per": "10,000 characters",
        "periods": [
            {
                "period": p.label,
                "year": p.year,
                "characters": p.characters,
                "documents": p.documents,
            }
            for p in result.periods
        ],
        "documents": [
            {
                "source": d.source,
                "title": d.title,
                "kind": d.kind,
                "year": d.year,
                "year_from": d.year_from,
                "characters": d.characters,
                "period": d.period,
            }
            for d in result.documents
        ],
    }
    if result.terms:
        obj["terms"] = [_series_json(s) for s in result.terms]
    else:
        if result.by != "file":
            obj["split"] = result.split
            obj["rising"] = [_series_json(s) for s in result.rising]
            obj["falling"] = [_series_json(s) for s in result.falling]
        obj["formulations"] = [_series_json(s) for s in result.formulations]
    if result.by == "file":
        obj["files"] = [
            {
                "period": f.period,
                "source": f.source,
                "characters": f.characters,
                "score": f.score,
                "terms": [
                    {"term": t.term, "kind": t.kind, "count": t.count, "rate": t.rate,
                     "rest_rate": t.rest_rate, "g2": t.g2}
                    for t in f.terms
                ],
            }
            for f in result.files
        ]
    obj["skipped"] = [{"source": src, "reason": why} for src, why in result.skipped]
    return obj


def _rate(value: float, fmt: str) -> Any:
    return value if fmt == "csv" else f"{value:.2f}"


def _term_sections(result: Any, fmt: str) -> list[Any]:
    from policy_cli.render import Column, Section

    columns = [Column("period", result.by), Column("characters", "chars", kind="number")]
    columns += [Column(s.term, s.term, kind="number") for s in result.terms]
    rows = []
    for i, p in enumerate(result.periods):
        row: dict[str, Any] = {"period": p.label, "characters": p.characters}
        for s in result.terms:
            row[s.term] = _rate(s.rates[i], fmt)
        rows.append(row)
    table = Section("Occurrences per 10,000 characters", columns, rows)
    labels = [p.label for p in result.periods]
    span = f"{labels[0]} … {labels[-1]}" if len(labels) > 1 else labels[0]
    chart_rows = [
        {
            "term": s.term,
            "chart": sparkline(s.rates),
            "first_seen": s.first_seen or "never",
            "peak": f"{s.peak} ({s.peak_rate:.2f})" if s.total else "",
            "total": s.total,
        }
        for s in result.terms
    ]
    chart = Section(
        f"Trend ({span}, one mark per {result.by}; . = absent)",
        [
            Column("term", "term"),
            Column("chart", "rate", max_width=SPARK_MAX),
            Column("first_seen", "first seen"),
            Column("peak", "peak"),
            Column("total", "count", kind="number"),
        ],
        chart_rows,
    )
    return [table, chart]


FILE_TERMS_SHOWN = 5  # key terms in a row of the files table (JSON and CSV have them all)


def _file_section(result: Any, fmt: str) -> Any:
    """The files ranked by keyness against the rest of the corpus (by="file")."""
    from policy_cli.render import Column, Section

    shown = None if fmt in ("csv", "json") else FILE_TERMS_SHOWN
    rows = []
    for i, f in enumerate(result.files, 1):
        terms = f.terms[:shown]
        rows.append(
            {
                "rank": i,
                "file": f.period,
                "characters": f.characters,
                "score": f.score if fmt == "csv" else f"{f.score:+.1f}",
                "terms": "; ".join(
                    f"{t.term} {t.g2:+.0f}" if fmt != "csv" else f"{t.term} {t.g2}" for t in terms
                ),
            }
        )
    what = "the terms asked" if result.terms else "key terms"
    return Section(
        f"Files by keyness against the rest ({what}, signed G2: + used more than the rest)",
        [
            Column("rank", "#", kind="number"),
            Column("file", "file"),
            Column("characters", "chars", kind="number"),
            Column("score", "G2", kind="number"),
            Column("terms", what),
        ],
        rows,
    )


def _change_columns(*, direction: bool = False) -> list[Any]:
    from policy_cli.render import Column

    cols = [Column("rank", "#", kind="number")]
    if direction:
        cols.append(Column("direction", "direction"))
    return cols + [
        Column("term", "term"),
        Column("kind", "kind"),
        Column("first_seen", "first seen"),
        Column("peak", "peak"),
        Column("early_rate", "before", kind="number"),
        Column("late_rate", "after", kind="number"),
        Column("change", "G2", kind="number"),
        Column("chart", "trend", max_width=CHANGE_SPARK),
    ]


def _change_rows(series: Any, fmt: str, direction: str | None = None) -> list[dict[str, Any]]:
    rows = []
    for i, s in enumerate(series, 1):
        row: dict[str, Any] = {
            "rank": i,
            "term": s.term,
            "kind": s.kind,
            "first_seen": s.first_seen,
            "peak": s.peak,
            "early_rate": _rate(s.early_rate, fmt),
            "late_rate": _rate(s.late_rate, fmt),
            "change": s.change if fmt == "csv" else f"{s.change:+.1f}",
            "chart": sparkline(s.rates, width=CHANGE_SPARK),
        }
        if direction:
            row["direction"] = direction
        rows.append(row)
    return rows


def _change_sections(result: Any, fmt: str) -> list[Any]:
    from policy_cli.render import Section

    labels = [p.label for p in result.periods]
    i = labels.index(result.split)
    before = f"{labels[0]}–{labels[i - 1]}" if i > 1 else labels[0]
    after = f"{labels[i]}–{labels[-1]}" if i < len(labels) - 1 else labels[i]
    if fmt == "csv":
        rows = _change_rows(result.rising, fmt, "rising") + _change_rows(
            result.falling, fmt, "falling"
        )
        return [Section("Changes", _change_columns(direction=True), rows)]
    note = f"per 10,000 characters, {before} vs {after}"
    return [
        Section(f"Rising ({note})", _change_columns(), _change_rows(result.rising, fmt)),
        Section(f"Falling ({note})", _change_columns(), _change_rows(result.falling, fmt)),
        _formulation_section(result),
    ]


def _formulation_section(result: Any) -> Any:
    from policy_cli.render import Column, Section

    rows = [
        {
            "first_seen": s.first_seen,
            "term": s.term,
            "last_seen": s.last_seen,
            "peak": s.peak,
            "total": s.total,
            "chart": sparkline(s.rates, width=CHANGE_SPARK),
        }
        for s in result.formulations
    ]
    columns = [
        Column("first_seen", "first seen"),
        Column("term", "formulation"),
        Column("last_seen", "last seen"),
        Column("peak", "peak"),
        Column("total", "count", kind="number"),
        Column("chart", "trend", max_width=CHANGE_SPARK),
    ]
    return Section(
        "Formulations by first seen (the most used)", columns, rows,
        empty="(no formulation extractor, or none found)",
    )  # fmt: skip


def _check_plot_available() -> None:
    from policy_cli.errors import UsageError

    try:
        import matplotlib  # noqa: F401
    except ImportError as exc:
        raise UsageError(
            "--plot needs matplotlib, which is not installed: pip install 'policy-cli[plot]'"
        ) from exc


_CJK_FONTS = (
    "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei", "SimHei", "Microsoft YaHei", "PingFang SC", "Heiti SC",
    "AR PL UMing CN", "Droid Sans Fallback",
)  # fmt: skip


def write_plot(result: Any, path: str, *, inputs: Sequence[str] = ()) -> bool:
    """Draw the rates per period as lines and save them as an image (matplotlib).

    Returns:
        Whether a font with Chinese glyphs was found (without one, labels show as boxes).
    """
    import warnings

    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import font_manager
    from matplotlib import pyplot as plt

    from policy_cli.errors import OutputError
    from policy_cli.output import write_output

    installed = {f.name for f in font_manager.fontManager.ttflist}
    fonts = [f for f in _CJK_FONTS if f in installed]
    if fonts:
        plt.rcParams["font.sans-serif"] = fonts + list(plt.rcParams["font.sans-serif"])
    labels = [p.label for p in result.periods]
    years = [p.year for p in result.periods]
    x: list[Any] = years if result.by == "year" and None not in years else list(range(len(labels)))
    groups = [("Occurrences per 10,000 characters", result.terms)] if result.terms else [
        ("Rising", result.rising[:6]), ("Falling", result.falling[:6]),
    ]  # fmt: skip
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # missing CJK glyphs are drawn as boxes, not errors
        fig, axes = plt.subplots(len(groups), 1, figsize=(10, 4 * len(groups)), squeeze=False)
        for ax, (title, series) in zip(axes[:, 0], groups, strict=True):
            for s in series:
                ax.plot(x, s.rates, marker="o", markersize=3, label=s.term)
            ax.set_title(title)
            ax.set_ylabel("per 10,000 characters")
            if x is not years:
                ax.set_xticks(x, labels, rotation=60, ha="right", fontsize=7)
            ax.legend(fontsize=8)
        fig.tight_layout()
        buf = io.BytesIO()
        try:
            fig.savefig(buf, format="png", dpi=120)
        except (OSError, ValueError) as exc:
            raise OutputError(f"{path}: cannot draw the plot ({exc})") from exc
        finally:
            plt.close(fig)
    write_output(path, buf.getvalue(), inputs=inputs)
    return bool(fonts)


def _same_target(a: str, b: str) -> bool:
    if os.path.realpath(a) == os.path.realpath(b):
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


@app.command()
def trend(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Documents: files, folders, globs, or JSON-lines files (content + year/title;"
            " .jsonl, .jsonl.gz, .jsonl.xz).",
            show_default=False,
        ),
    ],
    terms: Annotated[
        str | None,
        typer.Option(
            "--terms",
            "-t",
            help="Comma-separated terms to follow, counted as substrings (小康 counts inside 小康社会).",
        ),
    ] = None,  # fmt: skip
    top: Annotated[
        int, typer.Option("--top", "-n", min=1, help="How many rising and falling terms.")
    ] = 20,
    by: Annotated[
        By,
        typer.Option(
            "--by",
            help="One period per year, per month (a record's date, or its head's), or per file"
            " (files ranked by keyness against the rest of the corpus).",
        ),
    ] = By.year,
    kind: Annotated[
        list[str] | None,
        typer.Option(
            "--kind",
            "-k",
            help="Keep only documents of this kind (the JSON-lines `kind` field, e.g."
            " government_work_report); repeatable.",
        ),
    ] = None,  # fmt: skip
    fmt: Annotated[
        TableFormat | None,
        typer.Option("--format", "-f", help=FORMAT_HELP.format(default="table"), show_default=False),
    ] = None,
    plot: Annotated[
        str | None,
        typer.Option("--plot", help="Also draw the rates to this PNG file (needs matplotlib)."),
    ] = None,
    output: OutputOpt = None,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", min=1, help="Worker processes (default: all cores)."),
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Neither read nor write the segmentation cache.")
    ] = False,
    lexicon: LexiconOpt = None,
    traceback: TracebackOpt = False,
) -> None:
    """Follow terms and formulations across many reports: rates per year, first seen, risers.

    Without --terms: the terms and formulations whose use rose or fell most between the
    earlier and the later half of the text, with the year each was first seen. With --terms:
    occurrences per 10,000 characters per year, and a chart. A phrase counts where it starts
    a word (新发展理念 is not said by 创新发展理念). --by month: one period per month; --by
    file: each file ranked by what sets it apart from the rest (G2). JSON lines may be .gz or
    .xz compressed. --lexicon FILE: your own terms (one a line) are followed as formulations
    and listed first (with --terms, as terms too). Results are cached per document (one
    SQLite file in ~/.cache/policy-cli; --no-cache to leave it alone).

    Example: policy trend corpus/background.jsonl.xz --kind government_work_report --terms 小康,改革
    """
    with handle_errors(traceback):
        from policy_cli.core.trend import expand_paths, trend_documents
        from policy_cli.errors import UsageError

        chosen = output_format(fmt, output, TableFormat, default="table")
        wanted = parse_terms(terms)
        if terms is not None and not wanted:
            raise UsageError("--terms names no term")
        if output is not None and plot is not None and _same_target(output, plot):
            raise UsageError("-o and --plot name the same file")
        inputs = [str(p) for p in expand_paths(paths)] if output or plot else []
        check_output(output, inputs)
        check_output(plot, inputs)
        if plot:
            _check_plot_available()
        own = formulation_options(lexicon)
        bar = ProgressBar()
        try:
            result = trend_documents(
                paths, terms=wanted, top=top, by=by.value, kinds=tuple(kind or ()),
                workers=jobs, use_cache=not no_cache,
                progress=bar if sys.stderr.isatty() else None,
                lexicon=own.lexicon if own is not None else None,
            )  # fmt: skip
        finally:
            bar.close()
        for source, reason in result.skipped[:10]:
            warn(f"skipped {source}: {reason.removeprefix(f'{source}: ')}")
        if len(result.skipped) > 10:
            warn(f"skipped {len(result.skipped) - 10} more documents")
        for message in result.warnings:
            warn(message)
        if result.terms:
            sections = _term_sections(result, chosen)
            if result.by == "file":
                sections.append(_file_section(result, chosen))
        elif result.by == "file":
            sections = [_file_section(result, chosen), _formulation_section(result)]
        else:
            sections = _change_sections(result, chosen)
        labels = [p.label for p in result.periods]
        preface = [
            (
                "documents",
                f"{len(result.documents)} in {len(labels)} periods ({labels[0]} … {labels[-1]})",
            ),
            ("characters", f"{sum(p.characters for p in result.periods):,}"),
        ]
        if result.split:
            preface.append(
                ("halves", f"before {result.split} | from {result.split} on (equal text)")
            )
        emit(
            chosen,
            output=output,
            json_obj=trend_json(result),
            sections=sections,
            title="Trend",
            preface=preface,
            inputs=inputs,
        )
        if plot and not write_plot(result, plot, inputs=inputs):
            warn(f"{plot}: no font with Chinese glyphs found; install e.g. Noto Sans CJK")
