"""The graph page in headless Chromium with the network blocked.

Needs Debian's chromium at /usr/bin/chromium (or $QKG_CHROMIUM) and Playwright;
skipped with the reason when either is missing.
"""
from __future__ import annotations

import re

import pytest

from kg.namespace import entity_iri
from kg.pipeline import build_exports, build_graph
from kg.viz import viz_graph, write_page
from kg.viz.browser import chromium_available, offline_browser, open_offline
from kg.viz.network import to_network
from kg.viz.page import page_html

pytestmark = pytest.mark.skipif(not chromium_available(), reason="no Chromium at /usr/bin/chromium (CI installs it)")
pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")

HOSTILE_NAME = "<img src=x onerror=\"window.pwned=1\">\"'</script><script>window.pwned=2</script>"
FACTS = """
format: qkg-facts/1
document:
  id: page-test
  title: '示例 <b>新闻</b></script><script>window.pwned=3</script>'
  publisher: '<img src=x onerror="window.pwned=4">'
  date: 2020-01-02
  url: javascript:window.pwned=5
entities:
  - name: 甲市
    type: City
  - name: 乙市
    type: City
  - name: HOSTILE
    type: Enterprise
    aliases: ['<svg onload="window.pwned=6">']
  - name: 甲市示例股份有限公司
    type: Enterprise
  - name: 甲市市长质量奖
    type: Award
    conferrer: 甲市
  - name: 首席质量官制度
    type: Program
conferrals:
  - recipient: HOSTILE
    award: 甲市市长质量奖
    year: 2018
  - recipient: 甲市示例股份有限公司
    award: 甲市市长质量奖
    year: 2021
adoptions:
  - adopter: HOSTILE
    program: 首席质量官制度
locations:
  - entity: HOSTILE
    in: 乙市
  - entity: 甲市示例股份有限公司
    in: 甲市
"""


def _yaml_quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


@pytest.fixture(scope="module")
def browser():
    with offline_browser() as chromium:
        yield chromium


@pytest.fixture(params=["json", "packed"])
def small_page(request, write_facts, tmp_path):
    """The small graph's page with its data as plain JSON, and packed as large graphs' pages are."""
    facts = write_facts(FACTS.replace("HOSTILE", _yaml_quoted(HOSTILE_NAME)))
    viz = viz_graph(build_graph([facts]))
    if request.param == "json":
        return write_page(viz, tmp_path / "page.html"), viz
    text = page_html(to_network(viz), viz, packed_above=0)
    assert 'id="qkg-data-gzip"' in text and 'id="qkg-data"' not in text
    path = tmp_path / "packed.html"
    path.write_text(text, encoding="utf-8")
    return path, viz


@pytest.fixture(scope="module")
def default_page(tmp_path_factory):
    out = tmp_path_factory.mktemp("exports")
    result = build_exports(None, out, validate=False, analyze=False)
    if not any(e.name == "中天科技集团" for e in result.graph.entities):
        pytest.skip("the embedded default has no 中天科技集团 yet")
    return out / "graph.html"


def assert_quiet(log):
    assert log.blocked_requests == [], "the page tried to reach the network"
    assert log.console_errors == [] and log.page_errors == []
    assert log.dialogs == []


def test_draws_every_node_offline_and_quietly(browser, small_page):
    path, viz = small_page
    page, log = open_offline(browser, path)
    assert page.evaluate("window.qkg.visibleNodeIds().length") == len(viz.nodes) == 6
    assert sorted(page.evaluate("window.qkg.visibleNodeIds()")) == sorted(viz.nodes)
    assert page.evaluate("window.qkg.network.body.nodeIndices.length") == 6
    assert_quiet(log)


def test_hostile_names_show_as_text_and_run_nothing(browser, small_page):
    path, _ = small_page
    page, log = open_offline(browser, path)
    page.fill("#search", "svg onload")  # an alias finds the entity
    page.wait_for_selector("#search-results li[data-id]")
    assert page.inner_text("#search-results li[data-id] .name") == HOSTILE_NAME
    page.keyboard.press("Enter")
    page.wait_for_selector("#panel:not([hidden])")
    assert page.inner_text("#panel h2") == HOSTILE_NAME
    assert "<svg onload=\"window.pwned=6\">" in page.inner_text("#panel")
    assert "示例 <b>新闻</b></script><script>window.pwned=3</script>" in page.inner_text("#panel .sources")
    # Only the page's own chart is an svg; a name never becomes markup.
    assert page.locator("#panel img, #panel svg:not(.awards-chart), #panel b, #panel script").count() == 0
    assert page.locator("#panel .awards-chart *:not(title):not(rect):not(text)").count() == 0
    assert page.locator("#panel a").count() == 0  # the javascript: link was dropped
    page.hover("#graph")
    assert page.evaluate("window.pwned") is None
    assert page.locator("body img, body svg:not(.awards-chart)").count() == 0
    assert_quiet(log)


def test_type_and_year_filters_hide_what_they_should(browser, small_page):
    path, viz = small_page
    page, log = open_offline(browser, path)
    page.uncheck("#type-filter input[value='Enterprise']")
    shown = set(page.evaluate("window.qkg.visibleNodeIds()"))
    assert shown == {n for n, node in viz.nodes.items() if node.type != "Enterprise"}
    assert page.evaluate("window.qkg.visibleEdgeIds().length") == 1  # 甲市 confers its award
    assert page.inner_text("#stats").startswith("显示 4 / 6")
    page.click("#reset")
    assert len(page.evaluate("window.qkg.visibleNodeIds()")) == 6
    page.fill("#year-from", "2020")
    page.dispatch_event("#year-from", "change")
    award_edges = page.evaluate(
        "window.qkg.visibleEdgeIds().filter(function (id) { return window.qkg.edgeLabel(id).indexOf('获奖') === 0; })")
    assert len(award_edges) == 1  # the 2018 conferral is hidden, the 2021 one stays
    assert_quiet(log)


def test_city_filter_keeps_the_city_and_its_entities(browser, small_page):
    path, _ = small_page
    page, log = open_offline(browser, path)
    page.select_option("#city-filter", label="甲市")
    shown = set(page.evaluate("window.qkg.visibleNodeIds()"))
    assert shown == {str(entity_iri("place", "甲市")), str(entity_iri("org", "甲市示例股份有限公司")),
                     str(entity_iri("award", "甲市市长质量奖"))}
    assert_quiet(log)


def test_english_toggle_relabels_edges(browser, small_page):
    path, _ = small_page
    page, log = open_offline(browser, path)
    page.click("#lang")
    labels = page.evaluate("window.qkg.network.body.data.edges.getIds().map(window.qkg.edgeLabel)")
    assert "awarded 2021" in labels and "implements" in labels
    assert page.inner_text("#lang") == "中文"
    assert_quiet(log)


PAINTED_TEXT = """(scale) => {
  var network = window.qkg.network, ctx = network.canvas.frame.canvas.getContext("2d"), painted = [];
  ctx.fillText = function (text) { painted.push(text); return CanvasRenderingContext2D.prototype.fillText.apply(this, arguments); };
  network.fit({animation: false});
  network.moveTo({scale: scale, animation: false});
  network.redraw();
  delete ctx.fillText;
  return painted;
}"""


def test_labels_are_painted_when_readable_in_the_chosen_language(browser, small_page):
    path, _ = small_page
    page, log = open_offline(browser, path, width=800, height=600)
    close_up = page.evaluate(PAINTED_TEXT, 1.0)
    assert "甲市示例股份有限公司" in close_up and HOSTILE_NAME in close_up  # node labels, as plain text
    assert "获奖 2021" in close_up and "位于" in close_up  # edge labels
    # Too small to read: no edge label; the graph has fewer entities than the page labels as key
    # entities, and those are painted readable at any zoom.
    far = page.evaluate(PAINTED_TEXT, 0.2)
    assert sorted(far) == sorted(page.evaluate("window.qkg.visibleNodeIds().map(window.qkg.labelOf)"))
    page.click("#lang")
    assert "awarded 2021" in page.evaluate(PAINTED_TEXT, 1.0)
    assert page.evaluate("window.pwned") is None
    assert_quiet(log)


def test_default_graph_search_and_click_show_awards_with_sources(browser, default_page):
    page, log = open_offline(browser, default_page)
    total = page.evaluate("window.qkg.visibleNodeIds().length")
    assert total == page.evaluate("window.qkg.network.body.nodeIndices.length") > 100
    page.fill("#search", "中天科技集团")
    page.wait_for_selector("#search-results li[data-id]")
    assert page.inner_text("#search-results li[data-id] .name") == "中天科技集团"
    page.keyboard.press("Escape")
    node_id = page.evaluate("window.qkg.search('中天科技集团')[0]")
    page.evaluate("window.qkg.network.moveTo({position: window.qkg.network.getPositions([arguments[0]])[arguments[0]], scale: 1.2})"
                  .replace("arguments[0]", repr(node_id)))
    spot = page.evaluate(f"window.qkg.network.canvasToDOM(window.qkg.network.getPositions([{node_id!r}])[{node_id!r}])")
    box = page.locator("#graph canvas").bounding_box()
    page.mouse.click(box["x"] + spot["x"], box["y"] + spot["y"])
    page.wait_for_selector("#panel:not([hidden])")
    assert page.evaluate("window.qkg.selected()") == node_id
    assert page.inner_text("#panel h2") == "中天科技集团"
    awards = page.locator("#panel section[data-section='award:out']")
    assert awards.count() == 1
    text = awards.inner_text()
    assert "质量奖" in text and "《" in text  # award names, and the documents they come from
    assert re.search(r"第 \d+–\d+ 字", text)  # and where in the document each is stated
    highlighted = page.evaluate("window.qkg.network.getSelectedNodes()")
    assert node_id in highlighted and len(highlighted) > 1  # the neighbourhood is selected too
    assert_quiet(log)


def test_the_first_view_labels_the_key_entities_and_fades_the_rest(browser, default_page):
    page, log = open_offline(browser, default_page, width=1600, height=1000)
    keys = page.evaluate("window.qkg.keyEntities()")
    assert len(keys) == 15
    names = set(page.evaluate("(ids) => ids.map(id => window.qkg.labelOf(id))", keys))
    assert {"南通市", "常州市", "中天科技集团", "江苏上上电缆集团有限公司"} <= names
    # Zoomed out as the page opens: the key entities' labels are painted, the others' are not legible
    # (faded), and the other nodes are faded.
    far = page.evaluate(PAINTED_TEXT, 0.05)
    assert names == set(far)  # at this distance only the key entities' labels
    others = [i for i in page.evaluate("window.qkg.visibleNodeIds()") if i not in keys]
    page.evaluate("() => window.qkg.network.emit('zoom', {})")
    assert page.evaluate("(id) => window.qkg.opacity(id)", keys[0]) == 1
    assert page.evaluate("(id) => window.qkg.opacity(id)", others[0]) < 0.5
    # Zoomed in, nothing is faded.
    page.evaluate("() => { window.qkg.network.moveTo({scale: 2, animation: false}); window.qkg.network.emit('zoom', {}); }")
    assert page.evaluate("(id) => window.qkg.opacity(id)", others[0]) == 1
    assert_quiet(log)


@pytest.fixture(scope="module")
def default_viz():
    return viz_graph(build_graph(None))


def _award_facts(viz, recipient=None):
    return [(edge, fact) for edge in viz.edges if edge.relation == "award" and recipient in (None, edge.source)
            for fact in edge.facts]


def test_the_overview_line_says_what_the_graph_holds(browser, default_page, default_viz):
    from collections import Counter

    from kg.viz.style import TYPE_STYLES

    counts = sorted(Counter(n.type for n in default_viz.nodes.values()).items(), key=lambda c: (-c[1], c[0]))
    conferrals, documents = len(_award_facts(default_viz)), len(default_viz.documents)
    page, log = open_offline(browser, default_page)
    line = page.text_content("#overview")
    types = "、".join(f"{count} {TYPE_STYLES[t].zh}" for t, count in counts)
    assert line.startswith(f"图谱共有 {len(default_viz.nodes)} 个实体（{types}），{conferrals} 次获奖，来自 {documents} 份文档。")
    page.click("#lang")
    english = page.text_content("#overview")
    types = ", ".join(f"{count} {TYPE_STYLES[t].en}" for t, count in counts)
    assert english.startswith(f"The graph holds {len(default_viz.nodes)} entities ({types}), {conferrals} award "
                              f"conferrals, from {documents} documents.")
    assert_quiet(log)


def test_extracted_facts_show_their_confidence_and_the_filter_hides_those_to_review(browser, write_facts, tmp_path):
    sure = "  - recipient: 甲市示例股份有限公司\n    award: 甲市市长质量奖\n    year: 2021\n"
    unsure = "  - recipient: HOSTILE\n    award: 甲市市长质量奖\n    year: 2018\n"
    facts = FACTS.replace(sure, sure + "    evidence: [0, 10]\n    confidence: 0.9\n")
    facts = facts.replace(unsure, unsure + "    evidence: [11, 20]\n    confidence: 0.55\n").replace("HOSTILE", "乙市某某公司")
    path = write_page(viz_graph(build_graph([write_facts(facts)])), tmp_path / "page.html")
    page, log = open_offline(browser, path)
    assert page.is_visible("#review-section")
    assert "显示待复核的事实（置信度低于 0.7）" in page.inner_text("#review-filter")
    award = str(entity_iri("award", "甲市市长质量奖"))
    page.evaluate("(id) => window.qkg.select(id)", award)
    page.wait_for_selector("#panel:not([hidden])")
    panel = page.inner_text("#panel")
    assert "置信度 0.90" in panel and "置信度 0.55" in panel
    assert page.locator("#panel .to-review").count() == 1
    awards = "window.qkg.visibleEdgeIds().filter(function (id) { return window.qkg.edgeLabel(id).indexOf('获奖') === 0; }).length"
    assert page.evaluate(awards) == 2
    page.uncheck("#review-filter input")
    assert page.evaluate(awards) == 1  # the conferral to review is hidden
    page.click("#reset")
    assert page.evaluate(awards) == 2
    page.click("#lang")
    page.evaluate("(id) => window.qkg.select(id)", award)
    assert "to review" in page.inner_text("#panel") and "confidence 0.55" in page.inner_text("#panel")
    assert_quiet(log)


def test_curated_facts_have_no_review_filter(browser, default_page):
    page, log = open_offline(browser, default_page)
    assert not page.is_visible("#review-section")
    assert_quiet(log)


CHART_BARS = """() => Array.prototype.map.call(document.querySelectorAll("#panel .awards-chart rect"),
  function (bar) { return [Number(bar.getAttribute("data-year")), bar.getAttribute("data-level"),
                           Number(bar.getAttribute("data-count"))]; })"""


def test_a_selected_entity_shows_its_awards_by_year_and_level(browser, default_page, default_viz):
    from collections import Counter

    firm = str(entity_iri("org", "江苏上上电缆集团有限公司"))
    expected = Counter((fact.year, default_viz.nodes[edge.target].level or "")
                       for edge, fact in _award_facts(default_viz, firm) if fact.year)
    assert len(expected) >= 4  # provincial and national awards over several years
    page, log = open_offline(browser, default_page)
    page.evaluate("(id) => window.qkg.select(id)", firm)
    page.wait_for_selector("#panel .awards-chart")
    assert sorted(page.evaluate(CHART_BARS)) == sorted([year, level, count] for (year, level), count in expected.items())
    assert "历年获奖（按级别）" in page.inner_text("#panel") and "国家级" in page.inner_text("#panel .legend")
    assert_quiet(log)


def test_a_selected_city_shows_the_awards_of_what_is_in_it(browser, default_page):
    page, log = open_offline(browser, default_page)
    city = page.evaluate("(name) => window.qkg.search(name)", "常州市")[0]
    page.evaluate("(id) => window.qkg.select(id)", city)
    page.wait_for_selector("#panel .awards-chart")
    bars = page.evaluate(CHART_BARS)
    assert sum(count for _, _, count in bars) > 10 and {level for _, level, _ in bars} >= {"provincial", "municipal"}
    assert_quiet(log)


def test_the_table_view_follows_the_filters_sorts_and_downloads_csv(browser, default_page, default_viz):
    page, log = open_offline(browser, default_page)
    page.click("#table-toggle")
    page.wait_for_selector("#table-view table")
    everything = page.locator("#table-view tr").count() - 1
    assert everything == len(_award_facts(default_viz))  # every award conferral of the default graph
    page.fill("#year-from", "2020")
    page.dispatch_event("#year-from", "change")
    years = page.eval_on_selector_all("#table-view td:nth-child(4)", "cells => cells.map(c => Number(c.textContent))")
    dated = [year for year in years if year]  # an undated conferral stays, as on the graph
    assert dated and all(year >= 2020 for year in dated) and len(years) < everything
    page.click("#table-view th[data-column='year']")
    page.click("#table-view th[data-column='year']")  # descending
    years = page.eval_on_selector_all("#table-view td:nth-child(4)", "cells => cells.map(c => Number(c.textContent))")
    assert years == sorted(years, reverse=True)
    with page.expect_download() as caught:
        page.click("#table-csv")
    download = caught.value
    assert download.suggested_filename == "获奖记录.csv"
    text = open(download.path(), encoding="utf-8").read()
    lines = text.splitlines()
    assert text.startswith("\ufeff获奖者,奖项,级别,年份") and len(lines) == len(years) + 1
    assert assert_quiet(log) is None
