#!/usr/bin/env bash
# Install what the browser tests need (tests/render/test_html_browser.py): Debian's headless
# Chromium and a CJK font (Noto CJK), so that a page of Chinese text renders as text, not boxes.
# Called by `make browser` (and so by `make test` and CI's .ci/run). Never fails the build: where
# nothing can be installed (no apt-get, not root, no network), it says so and the browser tests
# skip with that reason.
set -u

have_browser() { command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; }
have_cjk_font() { command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list :lang=zh 2>/dev/null | head -1)" ]; }

if have_browser && have_cjk_font; then
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "browser: no apt-get here; install chromium and a CJK font yourself, or the browser tests skip" >&2
    exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        SUDO="sudo -n"
    else
        echo "browser: not root; run 'apt-get install chromium fonts-noto-cjk' as root, or the browser tests skip" >&2
        exit 0
    fi
fi
export DEBIAN_FRONTEND=noninteractive
APT="$SUDO apt-get -o DPkg::Lock::Timeout=600 -q"
echo "browser: installing chromium and fonts-noto-cjk (Debian packages)" >&2
if ! $APT install -y --no-install-recommends chromium fonts-noto-cjk >/dev/null 2>&1; then
    $APT update >/dev/null 2>&1 || true
    if ! $APT install -y --no-install-recommends chromium fonts-noto-cjk >/dev/null; then
        echo "browser: apt-get could not install chromium; the browser tests skip" >&2
        exit 0
    fi
fi
have_browser && echo "browser: $(chromium --version 2>/dev/null || true)" >&2
exit 0
