"""The dashboard in headless Chromium (Debian's ``chromium``, driven by Playwright) on a real server.

Loads with no console errors, draws a chart's data points, shows verdicts for the seed article,
shows a pasted ``<script>`` as text, and fits a phone's width.  Screenshots go to test-artifacts/.
Skipped only when /usr/bin/chromium is absent (CI installs it: see .ci/run).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ..api.support import ARTIFACTS, make_app, serve_in_thread
from ..conftest import ARTICLES

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]  # fmt: skip
SEED = ARTICLES / "seed-000_219740b5187f23e2.txt"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="no /usr/bin/chromium: apt-get install -y chromium chromium-driver"
    ),
]


@pytest.fixture(scope="module")
def base_url(synced_sqlite_path: Path) -> Iterator[str]:
    with serve_in_thread(make_app(synced_sqlite_path)) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield launched
        launched.close()


class Page:
    """A page that records console errors and uncaught exceptions."""

    def __init__(self, browser: Any, **context: Any) -> None:
        self.context = browser.new_context(**context)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.page.on(
            "console", lambda m: self.errors.append(f"console.{m.type}: {m.text}") if m.type == "error" else None
        )
        self.page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))

    def open(self, url: str) -> Any:
        self.page.goto(url)
        # a selector, not wait_for_function: that evaluates a string, which the page's CSP forbids
        self.page.wait_for_selector("body[data-ready='true']", state="attached", timeout=60_000)
        return self.page

    def close(self) -> None:
        self.context.close()


def _check(page: Any, text: str) -> None:
    page.fill("#check-text", text)
    page.click("#check-submit")
    page.wait_for_selector("#check-claims tbody tr", timeout=60_000)


def test_dashboard(browser: Any, base_url: str) -> None:
    tab = Page(browser, viewport={"width": 1280, "height": 900})
    page = tab.open(base_url + "/")
    assert page.locator("#latest-grid .card").count() >= 12
    # the totals chart has data points, and its canvas has pixels drawn
    points = page.evaluate("window.lossledger.charts[0].data[1].filter(v => v !== null).length")
    assert points > 300
    drawn = page.evaluate(
        """() => { const c = document.querySelector('#chart-total canvas'); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                   let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i]) n++; return n; }"""
    )
    assert drawn > 1000
    assert page.locator("#claims-list .claim-card").count() >= 5
    assert "Oryx" in page.locator("#claims-list").inner_text()
    assert page.locator("#conflicts-table tbody tr").count() >= 10
    # each source's data age, and the banner: the shared data's newest report is months old
    assert page.locator("#freshness-list li[data-source=general-staff]").count() == 1
    assert page.locator("#stale-banner").is_visible()
    assert "General Staff" in page.locator("#stale-banner").inner_text()
    # every number reveals its provenance
    page.locator("#latest-grid .card[data-metric=tanks] .num").click()
    page.wait_for_selector("#provenance-body ul li")
    assert "tanks" in page.locator("#provenance-body").inner_text().lower()
    page.keyboard.press("Escape")
    # the check form shows verdicts for the seed article
    _check(page, SEED.read_text(encoding="utf-8"))
    verdicts = page.locator("#check-claims .verdict").all_inner_texts()
    assert len(verdicts) >= 10 and "match" in verdicts
    assert "2024-02-16" in page.locator("#check-head").inner_text()
    assert page.locator(".notes li").count() >= 1
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "dashboard.png"), full_page=True)
    tab.close()
    assert not tab.errors, tab.errors


def test_script_in_an_article_is_shown_as_text(browser: Any, base_url: str) -> None:
    tab = Page(browser, viewport={"width": 1280, "height": 900})
    page = tab.open(base_url + "/")
    page.evaluate("window.__pwned = false")
    hostile = ("<script>window.__pwned = true</script><img src=x onerror=\"window.__pwned = true\"> "
               "The General Staff reported 400,300 personnel and 6,465 tanks on 16 February 2024.")  # fmt: skip
    _check(page, hostile)
    article = page.locator("#check-result .article")
    assert "<script>window.__pwned = true</script>" in article.inner_text()
    assert article.locator("script, img").count() == 0
    assert page.evaluate("window.__pwned") is False
    tab.close()
    assert not tab.errors, tab.errors


def test_ukrainian_on_a_phone(browser: Any, base_url: str) -> None:
    tab = Page(browser, viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True, has_touch=True)
    page = tab.open(base_url + "/?lang=uk")
    assert page.locator("html").get_attribute("lang") == "uk"
    assert "Останнє зведення" in page.locator("#latest-h").inner_text()
    assert "Генштаб" in page.locator("#claims-list").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), (
        "the page scrolls sideways on a phone"
    )
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "dashboard-phone-uk.png"), full_page=True)
    tab.close()
    assert not tab.errors, tab.errors


def test_api_docs_render_offline(browser: Any, base_url: str) -> None:
    """/docs draws every operation from the vendored Swagger UI, within its CSP, with no other host."""
    tab = Page(browser, viewport={"width": 1280, "height": 900})
    hosts: set[str] = set()
    tab.page.on("request", lambda r: hosts.add(r.url.split("/")[2]))
    tab.page.goto(base_url + "/docs")
    tab.page.wait_for_selector(".opblock", timeout=60_000)
    assert tab.page.locator(".opblock").count() >= 30
    assert hosts == {base_url.split("/")[2]}
    tab.close()
    assert not tab.errors, tab.errors
