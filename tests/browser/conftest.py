"""A real browser for the tests in this folder: Debian's Chromium driven by Playwright's Python
API (never Playwright's own browser download), one browser per test session, and axe-core from
npm (installed here by `npm ci`, see package.json and scripts/setup.sh)."""

from __future__ import annotations

import os
import shutil

import pytest

from tests.browser.checks import AXE_SCRIPT, HERE


def _missing(what: str) -> None:
    message = f"{what}; run `bash scripts/setup.sh install`"
    if os.environ.get("CI"):
        pytest.fail(message)  # CI must run these tests: a missing install step is a failure
    pytest.skip(message)


@pytest.fixture(scope="session")
def browser():
    executable = shutil.which("chromium")
    if executable is None:
        _missing("no system Chromium (Debian package chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("Playwright's Python package is not installed")
    if not AXE_SCRIPT.is_file():
        _missing(f"axe-core is not installed in {HERE} (npm ci)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable)
        yield browser
        browser.close()


class Requests:
    """Every request a page makes; anything but the page's own file is aborted and recorded."""

    def __init__(self, allowed: set[str]) -> None:
        self.allowed = allowed
        self.seen: list[str] = []
        self.refused: list[str] = []

    def route(self, route) -> None:
        url = route.request.url.split("#")[0]
        self.seen.append(url)
        if url in self.allowed:
            route.continue_()
        else:
            self.refused.append(url)
            route.abort()

    def on_request(self, request) -> None:
        url = request.url.split("#")[0]
        if url not in self.allowed and url not in self.refused:
            self.refused.append(url)


@pytest.fixture
def open_page(browser):
    """open_page(url, viewport, allowed=…, javascript=True) → (page, requests)."""
    contexts = []

    def opener(url: str, viewport: dict, allowed: set[str] | None = None,
               javascript: bool = True):
        # The page's Content-Security-Policy would refuse axe-core's script; bypassing it also
        # makes the request checks stricter: the page itself asks for nothing, CSP or not.
        context = browser.new_context(viewport=viewport, java_script_enabled=javascript,
                                      service_workers="block", bypass_csp=True)
        contexts.append(context)
        requests = Requests(allowed or {url.split("#")[0]})
        context.route("**/*", requests.route)
        page = context.new_page()
        page.on("request", requests.on_request)
        page.goto(url)
        return page, requests

    yield opener
    for context in contexts:
        context.close()
