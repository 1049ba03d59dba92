"""Open a page in headless Chromium with every network request blocked.

Used by the browser tests, the benchmark and the screenshot script, so all
three see the page the same way. Needs Playwright (a test dependency) and a
Chromium binary (Debian's ``chromium`` by default).
"""
from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from kg.errors import QkgError

CHROMIUM = Path(os.environ.get("QKG_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
READY_SELECTOR = "html[data-ready='1']"


class BrowserUnavailable(QkgError):
    """Playwright or Chromium is not installed."""


@dataclass
class PageLog:
    """What the page did besides drawing: console errors and the requests it tried."""

    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    blocked_requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


def chromium_available() -> bool:
    return CHROMIUM.exists()


@contextlib.contextmanager
def offline_browser() -> Iterator[object]:
    """A headless Chromium (Playwright ``Browser``) that is closed on exit."""
    if not chromium_available():
        raise BrowserUnavailable(f"no Chromium at {CHROMIUM}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise BrowserUnavailable("Playwright is not installed (pip install playwright)") from None
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def open_offline(browser, path: Path, *, width: int = 1600, height: int = 1000, timeout_ms: int = 60_000):
    """Open ``path`` in a new page with the network blocked; returns (page, log) once the graph is drawn."""
    log = PageLog()
    page = browser.new_page(viewport={"width": width, "height": height})

    def route(request_route):
        url = request_route.request.url
        if url.startswith("file://"):
            request_route.continue_()
        else:
            log.blocked_requests.append(url)
            request_route.abort()

    page.route("**/*", route)
    page.on("console", lambda message: message.type == "error" and log.console_errors.append(message.text))
    page.on("pageerror", lambda error: log.page_errors.append(str(error)))
    page.on("dialog", lambda dialog: (log.dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(Path(path).resolve().as_uri())
    page.wait_for_selector(READY_SELECTOR, state="attached", timeout=timeout_ms)
    return page, log
