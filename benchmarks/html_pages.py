"""Size and opening time of the HTML brief and diff (issue 17: the page for gwr-2022 is under
1 MB and opens in under 1 s).

For the brief of a work report (examples/gwr-2022.txt, every formulation marked) and the diff
of two (gwr-2021 -> gwr-2022) it prints the page's size, the time to lay it out in Python
(the analysis excluded), and how long headless Chromium takes to open it from disk: the
browser's own navigation timing of a copy of the page that reports it (parse, style and
layout up to the load event), median of several cold runs, beside
the wall time of the whole browser process (start-up included) and of a near-empty page.

Standard library plus the installed policy-cli; needs Debian's chromium (`make browser`):

    python benchmarks/html_pages.py            # 5 runs
    python benchmarks/html_pages.py --runs 3
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OLD = ROOT / "examples" / "gwr-2021.txt"
NEW = ROOT / "examples" / "gwr-2022.txt"
BUDGET_BYTES = 1_000_000
BUDGET_SECONDS = 1.0
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND", "--window-size=1280,900", "--dump-dom",
]
# The copy measured: the page's own CSP forbids scripts, so the copy drops it and adds one that
# writes the browser's timing into the DOM when the page has loaded (layout forced first).
PROBE = """<script>
addEventListener("load", () => {
  document.body.offsetHeight;
  const nav = performance.getEntriesByType("navigation")[0];
  document.documentElement.setAttribute("data-timing", JSON.stringify({
    dom: nav.domContentLoadedEventEnd, load: nav.loadEventStart, layout: performance.now()}));
});
</script>"""
EMPTY = ('<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>x</title></head>'
         "<body><p>空</p></body></html>")


def _probe_copy(page: str) -> str:
    page = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>\n?', "", page)
    return page.replace("</head>", PROBE + "</head>", 1)


def _open(chromium: str, path: Path, work: Path) -> tuple[dict[str, float], float]:
    """Open a file in a fresh headless Chromium: (its timing in ms, wall seconds of the run)."""
    profile = Path(tempfile.mkdtemp(dir=work))
    t0 = time.perf_counter()
    run = subprocess.run([chromium, *FLAGS, f"--user-data-dir={profile}", path.as_uri()],
                         capture_output=True, text=True, timeout=120, check=True)
    wall = time.perf_counter() - t0
    shutil.rmtree(profile, ignore_errors=True)
    found = re.search(r'data-timing="([^"]*)"', run.stdout)
    timing = json.loads(found.group(1).replace("&quot;", '"')) if found else {}
    return timing, wall


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="browser runs per page")
    args = parser.parse_args()
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    from policy_cli.api import diff_of, summary_of
    from policy_cli.core.loaders import load_document
    from policy_cli.render_html import brief_page, diff_page

    old, new = load_document(OLD), load_document(NEW)
    summary = summary_of(new, formulations=0)
    diff = diff_of(old, new)
    builds = {
        "brief gwr-2022": lambda: brief_page(summary, new),
        "diff gwr-2021 -> gwr-2022": lambda: diff_page(diff, old, new),
    }
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        empty = work / "empty.html"
        empty.write_text(_probe_copy(EMPTY), encoding="utf-8")
        pages = {}
        for name, build in builds.items():
            t0 = time.perf_counter()
            for _ in range(args.runs):
                html = build()
            layout_ms = (time.perf_counter() - t0) / args.runs * 1000
            path = work / (name.split()[0] + ".html")
            path.write_text(_probe_copy(html), encoding="utf-8")
            pages[name] = path
            rows.append([name, len(html.encode("utf-8")), layout_ms])
        print(f"{'page':28} {'bytes':>9} {'build ms':>9} {'open ms':>8} "
              f"{'browser s':>10} {'empty s':>8}  verdict")
        for row in rows:
            name, size, build_ms = row
            if chromium is None:
                print(f"{name:28} {size:9,} {build_ms:9.1f}  (no chromium: `make browser`)")
                continue
            loads, walls, empties = [], [], []
            for _ in range(args.runs):
                timing, wall = _open(chromium, pages[name], work)
                loads.append(timing.get("layout", float("nan")))
                walls.append(wall)
                empties.append(_open(chromium, empty, work)[1])
            load = statistics.median(loads)
            ok = size < BUDGET_BYTES and load / 1000 < BUDGET_SECONDS
            print(f"{name:28} {size:9,} {build_ms:9.1f} {load:8.0f} "
                  f"{statistics.median(walls):10.2f} {statistics.median(empties):8.2f}  "
                  f"{'ok' if ok else 'OVER BUDGET'} (< {BUDGET_BYTES:,} B, < {BUDGET_SECONDS:g} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
