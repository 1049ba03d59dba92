"""The page of `qkg serve` in headless Chromium: lists the saved queries, runs one, reaches nothing but the server."""
from __future__ import annotations

import pytest

from kg.viz.browser import chromium_available, offline_browser
from query_support import turtle_of
from server_support import qkg_serve

from conftest import SMALL_FACTS

pytestmark = pytest.mark.skipif(not chromium_available(), reason="no Chromium at /usr/bin/chromium (CI installs it)")
pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("facts")
    (folder / "doc.yaml").write_text(SMALL_FACTS.lstrip(), encoding="utf-8")
    data = tmp_path_factory.mktemp("graph") / "qgov.ttl"
    data.write_bytes(turtle_of([folder]))
    with qkg_serve(data, tmp_path_factory.mktemp("cache")) as base:
        yield base


def test_the_page_lists_and_runs_the_saved_queries(server):
    elsewhere, errors = [], []
    with offline_browser() as browser:
        page = browser.new_page()

        def route(request_route):
            if request_route.request.url.startswith(server + "/"):
                request_route.continue_()
            else:
                elsewhere.append(request_route.request.url)
                request_route.abort()

        page.route("**/*", route)
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(server + "/")
        page.wait_for_selector("#q-award-history form")
        assert page.locator("section").count() == 9
        assert page.locator("#q-awards-by-city-level-year input").evaluate_all("xs => xs.map(x => x.name)") == ["city", "level", "year"]
        page.fill("#q-award-history input[name=name]", "丙科技")
        page.click("#q-award-history button")
        page.wait_for_selector("#q-award-history table")
        cells = page.locator("#q-award-history tbody tr td:nth-child(3)").all_inner_texts()
        assert cells == ["甲市市长质量奖", "乙省省长质量奖"]
        assert page.get_attribute("#q-award-history a", "href").endswith("format=csv")
        page.click("#q-entity-sources button")  # its name is required: the server's one-line message shows
        page.wait_for_selector("#q-entity-sources .error")
        assert "needs --param name=VALUE" in page.inner_text("#q-entity-sources .error")
    assert elsewhere == [] and errors == []
