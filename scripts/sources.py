"""The texts the build scripts learn from: national news, background reports, unannotated reports.

Shared by scripts/build_lexicon.py and scripts/build_idf.py (build time only; nothing here is
shipped, and no text of these corpora is copied into the package).

- **National news** (`national-news-2012-2022.jsonl.xz`, not in the repository: the team's shared
  corpus, or rebuild it from github.com/china-data/xwlb at commit 710ba229): 56,068 items of the
  national evening news, 2012-07-02 to 2022-12-31, one JSON object a line (`date`, `title`,
  `content`). The broadcaster's lead-in (央视网消息（新闻联播）：) and the editors' credit lines
  ((视频编辑：…)) are page furniture and are cut before counting.
- **Background reports** (`corpus/background.jsonl.xz`, in the repository): 57 of its 62
  national work reports 1954-2022 and Party congress reports; the early ones written in traditional characters
  are converted with OpenCC's t2s table first (`pip install -e '.[build]'`).
- **Reports of tests/data/docs** (UNANNOTATED): seven 2025 provincial work reports and the 2018
  national work report, for words newer than the news (新质生产力, 2023). The reference
  annotations' documents (tests/data/gold) are never learnt from; these eight are development
  documents the team annotated later (tests/data/gold-team), so their figures are in part
  in-sample.

No source here is a held-out document (`scripts/held_out.py`): the five held-out news items,
the five held-out background reports and the held-out provincial reports are measured blind,
so no table is built on their text, neither its entries nor its word statistics (the IDF table
shipped predates this: see the README, "Data").
"""

from __future__ import annotations

import json
import lzma
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # (the scripts import this module as `sources` or `scripts.sources`)
    sys.path.insert(0, str(ROOT))

from scripts.held_out import HELD_OUT_NEWS, HELD_OUT_PROVINCIAL, held_out_background  # noqa: E402

if TYPE_CHECKING:
    from policy_cli.models import Document

BACKGROUND = ROOT / "corpus" / "background.jsonl.xz"
NEWS_FILE = "national-news-2012-2022.jsonl.xz"
DOCS = ROOT / "tests" / "data" / "docs"

_NEWS_LEAD = re.compile(r"^\s*(?:央视网|中国网络电视台)消息\s*[(（]新闻联播[)）]\s*[:：]\s*")
_NEWS_CREDIT = re.compile(r"[(（]\s*(?:视频|文字|责任)编辑\s*[:：][^)）]{0,60}[)）]")


@dataclass(frozen=True)
class Source:
    """A text to learn from: its name, date (YYYY-MM-DD or YYYY), origin and text."""

    name: str
    date: str
    origin: str  # news | background | report
    text: str


def news_path(corpus: Path) -> Path:
    """Return the national news file under `corpus` (a directory or the file itself)."""
    path = corpus / NEWS_FILE if corpus.is_dir() else corpus
    if not path.is_file():
        raise SystemExit(
            f"no {NEWS_FILE} at {corpus}: pass the directory holding the national news corpus "
            "(the team's shared corpus/, or one rebuilt from github.com/china-data/xwlb; "
            "see the README, section 'Data')"
        )
    return path


def clean_news(text: str) -> str:
    """Cut the broadcaster's lead-in and the editors' credit lines from a news item."""
    return _NEWS_CREDIT.sub("", _NEWS_LEAD.sub("", text))


def write_news_table(
    doc: str | None, out: Path, header: str, build: Callable[[Path], list[str]], what: str
) -> None:
    """The command line of a table learnt from the news (`--news PATH`, `--out FILE`, default
    `out`): the header, then the rows `build` returns, one a line; `what` names the rows in
    the line printed at the end ("qualifying runs")."""
    import argparse

    ap = argparse.ArgumentParser(description=(doc or "").split("\n", 1)[0])
    ap.add_argument("--news", type=Path, required=True,
                    help="national-news-2012-2022.jsonl.xz (or the directory holding it)")
    ap.add_argument("--out", type=Path, default=out)
    a = ap.parse_args()
    rows = build(a.news)
    a.out.write_text(header + "".join(r + "\n" for r in rows), encoding="utf-8")
    print(f"{len(rows)} {what} -> {a.out}")


def news_sources(corpus: Path) -> Iterator[Source]:
    """Yield every item of the national news corpus (title and content), in date order, the
    held-out items (HELD_OUT_NEWS) left out. An item's name keeps its line number in the file."""
    with lzma.open(news_path(corpus), "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if not line.strip():
                continue
            item = json.loads(line)
            if (item["date"], item.get("title", "")) in HELD_OUT_NEWS:
                continue
            text = f"{item.get('title', '')}\n{clean_news(item['content'])}"
            yield Source(f"news:{item['date']}#{n}", item["date"], "news", text)


def _t2s():  # type: ignore[no-untyped-def]
    try:
        import opencc
    except ImportError as exc:
        raise SystemExit("the build scripts need OpenCC: pip install -e '.[build]'") from exc
    return opencc.OpenCC("t2s")


def is_traditional(text: str) -> bool:
    """Tell whether a text is written (wholly or in part) in traditional characters.

    Some early reports mix both scripts (the 1957 report turns simplified after its opening),
    so a text counts when 1% of it, or 2.5% of any 5000-character stretch, is traditional.
    """
    conv = _t2s()
    flags = [conv.convert(ch) != ch for ch in text if "\u4e00" <= ch <= "\u9fff"]
    if not flags:
        return False
    if sum(flags) / len(flags) > 0.01:
        return True
    return any(sum(flags[i : i + 5000]) > 125 for i in range(0, len(flags), 2500))


def background_sources() -> list[tuple[Source, bool]]:
    """Return every background report (in simplified characters) and whether it is modern,
    the held-out reports (HELD_OUT_BACKGROUND) left out."""
    out = []
    with lzma.open(BACKGROUND, "rt", encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            d = json.loads(line)
            if held_out_background(d):
                continue
            text = d["content"]
            if is_traditional(text):
                text = _t2s().convert(text)
            year = str(d.get("year") or "")
            # Party congress reports: the 11th (1977) and later count as modern
            modern = int(year or 0) >= 1978 or int(d.get("congress") or 0) >= 11
            title = d.get("title", "?")
            out.append((Source(title, year or _congress_year(title), "background", text), modern))
    return out


def _congress_year(title: str) -> str:
    m = re.search(r"(?:19|20)\d\d", title)
    return m.group() if m else "?"


# the documents of tests/data/docs that no reference annotation (tests/data/gold) covers; the
# team annotated them later as development documents (tests/data/gold-team). No build reads a
# gold file.
UNANNOTATED = (
    "gwr-2018.txt",
    *(f"provinces-2025/{name}.txt" for name in (
        "anhui", "chongqing", "fujian", "guangxi", "hubei", "neimenggu", "shandong", "tianjin",
    )),
)


def unannotated_paths() -> list[Path]:
    """The documents of tests/data/docs that no gold file annotates, the held-out ones
    (HELD_OUT_PROVINCIAL: Shandong's report) left out."""
    return [DOCS / name for name in UNANNOTATED
            if name.rsplit("/", 1)[-1] not in HELD_OUT_PROVINCIAL]


def report_sources() -> list[Source]:
    """Return the unannotated documents of tests/data/docs, normalised as the tool loads them."""
    from policy_cli.core.loaders import load_document

    out = []
    for path in unannotated_paths():
        m = re.search(r"(?:19|20)\d\d", str(path.relative_to(DOCS)))
        year = m.group() if m else "2025"
        out.append(Source(str(path.relative_to(DOCS)), year, "report", load_document(path).text))
    return out


def corpus_documents(paths: list[Path]) -> Iterator[tuple[str, Document]]:
    """Yield (name, document) of every document under the paths, read as `policy batch` reads
    them (`core.corpus`: files, folders, .jsonl/.jsonl.xz of {"content": ...} records); one that
    cannot be read is reported on stderr and passed over."""
    import sys

    from policy_cli.core.corpus import expand_paths, iter_items, load_item
    from policy_cli.errors import PolicyCliError

    for item in iter_items(expand_paths(paths), errors="item"):
        name = f"{item.source} {item.title}" if item.title else item.source
        try:
            yield name, load_item(item)
        except PolicyCliError as exc:  # a corpus file we cannot read is reported, not fatal
            print(f"skip {name}: {exc}", file=sys.stderr)
