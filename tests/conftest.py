"""Shared browser fixtures: a headless Chromium page that may not touch the network."""
from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def chromium_path() -> str:
    """The Chromium binary: $CHROMIUM_PATH or /usr/bin/chromium; fails on CI when missing."""
    path = os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium"
    if not (Path(path).is_file() and os.access(path, os.X_OK)) and not shutil.which(path):
        reason = f"Chromium not found at {path} (set CHROMIUM_PATH)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    return path


@pytest.fixture(scope="session")
def browser(chromium_path):
    """A headless Chromium driven by Playwright (the system binary, never a download)."""
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=chromium_path, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class OfflinePage:
    """A page whose every request but its own file is blocked and recorded."""

    page: object
    url: str = ""
    blocked: list = field(default_factory=list)
    console_errors: list = field(default_factory=list)
    dialogs: list = field(default_factory=list)

    def open(self, path: Path) -> None:
        self.url = Path(path).resolve().as_uri()
        self.page.goto(self.url)


@pytest.fixture
def offline_page(browser):
    """Yield an :class:`OfflinePage`; call ``.open(path)``, then inspect what it recorded."""
    context = browser.new_context(viewport={"width": 1400, "height": 900}, service_workers="block")
    page = context.new_page()
    state = OfflinePage(page)

    def route(r):
        if r.request.url == state.url:
            r.continue_()
        else:
            state.blocked.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page.on("request", lambda req: req.url != state.url and state.blocked.append(req.url))
    page.on("console", lambda msg: msg.type == "error" and state.console_errors.append(msg.text))
    page.on("pageerror", lambda err: state.console_errors.append(str(err)))

    def on_dialog(dialog):
        state.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    yield state
    context.close()
