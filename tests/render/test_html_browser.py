"""The HTML pages in a real browser: Debian's headless Chromium opens each file offline, takes a
screenshot and dumps the DOM it built.

`make browser` (run by `make test`, and so by CI's .ci/run) installs chromium and a CJK font
from Debian's packages; where it cannot (not root, no apt-get), these tests skip and say so.
Three browser runs in all (a cold start is about a second each).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from policy_cli.api import diff_of, summary_of
from policy_cli.core.loaders import load_document, load_text
from policy_cli.render_html import brief_page, diff_page
from tests.conftest import DOCS
from tests.render.png import colours, read_png
from tests.render.test_html import HOSTILE

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="no chromium on PATH: `make browser` installs Debian's chromium and fonts-noto-cjk "
    "(it needs root or sudo, and apt-get)",
)
# as /work/.library/env/machines/python.md says headless Chromium runs here; no name resolves,
# so a page that tried to fetch anything would fail to
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--hide-scrollbars", "--host-resolver-rules=MAP * ~NOTFOUND",
    "--enable-logging=stderr", "--v=0",
]
BROWSER_TIMEOUT = 60  # seconds for one run (a cold start takes about one)
MIN_COLOURS = 50  # a blank page has one colour; text in CJK anti-aliased has hundreds


@dataclass(frozen=True)
class Opened:
    dom: str
    colours: int
    inked: float  # share of sampled pixels that are not the background
    console: list[str]  # what the page logged to the console (script errors among them)


def open_in_browser(page: Path, tmp: Path, *, width: int, height: int) -> Opened:
    """Open a local file offline in headless Chromium: its DOM, screenshot and console."""
    shot = tmp / f"{page.stem}-{width}.png"
    run = subprocess.run(
        [CHROMIUM or "chromium", *FLAGS, f"--user-data-dir={tmp / 'profile'}",
         f"--window-size={width},{height}", f"--screenshot={shot}", "--dump-dom",
         page.resolve().as_uri()],
        capture_output=True, text=True, timeout=BROWSER_TIMEOUT, check=False,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    image = read_png(shot.read_bytes())
    background = image.pixel(0, 0)
    sample = [image.pixel(x, y) for y in range(0, image.height, 4)
              for x in range(0, image.width, 4)]
    inked = sum(1 for p in sample if p != background) / len(sample)
    console = [line for line in run.stderr.splitlines() if ":CONSOLE" in line]
    return Opened(run.stdout, colours(image), inked, console)


def _not_blank(opened: Opened) -> None:
    assert opened.colours >= MIN_COLOURS, opened.colours
    assert opened.inked > 0.02, opened.inked


def test_the_brief_of_a_work_report_renders(tmp_path: Path) -> None:
    doc = load_document(DOCS / "gwr-2022.txt")
    page = tmp_path / "brief.html"
    page.write_text(brief_page(summary_of(doc, formulations=0), doc), encoding="utf-8")
    opened = open_in_browser(page, tmp_path, width=1280, height=900)
    _not_blank(opened)
    assert opened.console == []  # no script error, nothing refused
    dom = opened.dom
    for mark in ('class="m f o-national', 'class="m f o-local', 'class="m f o-new',
                 'class="m t hl"', 'class="m p"'):
        assert mark in dom, mark
    assert re.search(r'<a class="m t hl" id="t0-1" href="#t0-1" title="[^"]*">'
                     r"国内生产总值增长5\.5%左右</a>", dom)
    assert dom.count("<rect") == 10  # the chart's bars
    assert '<details class="noise">' not in dom  # nothing was cut from this report


def test_the_diff_renders_at_phone_width(tmp_path: Path) -> None:
    old, new = load_document(DOCS / "gwr-2021.txt"), load_document(DOCS / "gwr-2022.txt")
    page = tmp_path / "diff.html"
    page.write_text(diff_page(diff_of(old, new), old, new), encoding="utf-8")
    opened = open_in_browser(page, tmp_path, width=390, height=844)
    _not_blank(opened)
    assert opened.console == []
    for mark in ('class="m add"', 'class="m drop"', 'class="m chg"', 'class="m nt"'):
        assert mark in opened.dom, mark
    assert ">留抵退税</a>" in opened.dom


def test_markup_in_a_document_stays_text_in_the_browser(tmp_path: Path) -> None:
    doc = load_text(HOSTILE, source='<img src=x onerror="document.title=1">.txt')
    page = tmp_path / "hostile.html"
    page.write_text(brief_page(summary_of(doc, formulations=0), doc), encoding="utf-8")
    opened = open_in_browser(page, tmp_path, width=1000, height=700)
    _not_blank(opened)
    assert opened.console == []
    dom = opened.dom
    # neither the script nor the image handler ran, and no such element was built
    assert "<title>&lt;script&gt;document.title=" in dom
    assert "data-pwned" not in dom
    assert "<script" not in dom and "<img" not in dom
    # they are shown, as text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in dom
    assert "&lt;img src=x onerror=" in dom
    assert "&lt;b&gt;高质量发展&lt;/b&gt;" in dom
