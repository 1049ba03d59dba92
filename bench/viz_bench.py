"""How fast the graph page is made and drawn, on synthetic graphs of 2,000 and 10,000 entities.

    .venv/bin/python bench/viz_bench.py [--sizes 2000,10000] [--rounds N] [--keep DIR]

For each size: builds a synthetic knowledge graph shaped like the real one
(cities, enterprises with awards over the years, people in positions,
programs, regulations, events), then prints the time to turn it into the
page (graph → nodes and edges, layout, HTML) and, in headless Chromium with
the network blocked, the time to the first complete draw (until
vis-network's first ``afterDrawing``), a search, a click on a node until its
panel shows, a type filter, and the slowest redraw over a few zoom levels
(how responsive the page stays). Goals: first draw under 2 s at 2,000 nodes
and under 5 s at 10,000.

With ``--rounds N`` the page is opened N times: the load's figures (when the
page script starts, its data are read, the vis-network is made, the first
draw ends; all from the start of navigation, from the page's performance
marks) are the medians, and the first draw's lowest–highest is printed too.
On a shared machine, compare two versions by alternating their runs.
"""
from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from kg.builder import build
from kg.model import Adoption, Conferral, DocumentFacts, DocumentMeta, Entity, Location, Position
from kg.viz.browser import offline_browser, open_offline
from kg.viz.graphdata import viz_graph
from kg.viz.layout import force_layout
from kg.viz.network import to_network
from kg.viz.page import page_html

# Share of each type among the synthetic entities (the rest are enterprises).
SHARES = {"City": 0.01, "Award": 0.03, "Program": 0.02, "Person": 0.2, "GovernmentBody": 0.03,
          "Organization": 0.05, "Regulation": 0.02, "Event": 0.02}
ENTITIES_PER_DOCUMENT = 400


def synthetic_documents(size: int, seed: int = 1) -> list[DocumentFacts]:
    """Documents that together name ``size`` entities; every fact refers to entities of its own document."""
    rng = random.Random(seed)
    counts = {t: max(2, int(size * share)) for t, share in SHARES.items()}
    counts["Province"] = 2
    counts["Enterprise"] = size - sum(counts.values())
    names = {t: [f"合成{t}{i:05d}" for i in range(n)] for t, n in counts.items()}
    documents = []
    chunk = max(1, counts["Enterprise"] * ENTITIES_PER_DOCUMENT // size)
    for number, start in enumerate(range(0, counts["Enterprise"], chunk)):
        facts = DocumentFacts(document=DocumentMeta(id=f"synthetic-{number:04d}", title=f"合成新闻 {number}",
                                                    publisher="合成日报", date=f"20{10 + number % 12}-06-01",
                                                    url=f"https://example.org/{number}"))
        documents.append(facts)
        share = start / counts["Enterprise"]

        def slice_of(kind: str) -> list[str]:
            items = names[kind]
            begin = int(share * len(items))
            return items[begin:begin + max(1, len(items) * chunk // counts["Enterprise"])]

        cities, provinces, awards = names["City"], names["Province"], names["Award"]
        used: dict[str, str] = {}

        def use(name: str, kind: str) -> str:
            used.setdefault(name, kind)
            return name

        for city in slice_of("City"):
            facts.locations.append(Location(use(city, "City"), use(rng.choice(provinces), "Province")))
        for enterprise in names["Enterprise"][start:start + chunk]:
            use(enterprise, "Enterprise")
            facts.locations.append(Location(enterprise, use(rng.choice(cities), "City")))
            for _ in range(rng.choice((0, 1, 1, 2, 3))):
                facts.conferrals.append(Conferral(enterprise, use(rng.choice(awards), "Award"), rng.randint(2005, 2023)))
            if rng.random() < 0.3:
                facts.adoptions.append(Adoption(enterprise, use(rng.choice(names["Program"]), "Program"), rng.randint(2008, 2022)))
        own_enterprises = [n for n, k in used.items() if k == "Enterprise"]
        for person in slice_of("Person"):
            facts.positions.append(Position(use(person, "Person"), rng.choice(("董事长", "首席质量官", "总经理")),
                                            rng.choice(own_enterprises)))
        for kind in ("GovernmentBody", "Organization"):
            for org in slice_of(kind):
                facts.locations.append(Location(use(org, kind), use(rng.choice(cities), "City")))
        for program in slice_of("Program"):
            facts.adoptions.append(Adoption(use(rng.choice(cities), "City"), use(program, "Program"), rng.randint(2008, 2022)))
        extra = []
        for regulation in slice_of("Regulation"):
            extra.append(Entity(regulation, "Regulation", issuer=use(rng.choice(cities), "City"), year=rng.randint(2010, 2023)))
        for event in slice_of("Event"):
            extra.append(Entity(event, "Event", place=use(rng.choice(cities), "City"), year=rng.randint(2010, 2023)))
        for award in slice_of("Award"):
            use(award, "Award")
        facts.entities = [Entity(name, kind) for name, kind in used.items()] + extra
        for entity in facts.entities:
            if entity.type == "Award":
                entity.level = rng.choice(("national", "provincial", "municipal"))
            if entity.type in ("City", "Province"):
                entity.level = "prefecture" if entity.type == "City" else "province"
    return documents


def timed(action):
    start = time.perf_counter()
    value = action()
    return value, time.perf_counter() - start


# Seconds from the start of navigation to the page's performance marks and its first complete draw.
LOAD_STAGES = """(function () {
  function at(name) { var marks = performance.getEntriesByName(name); return marks.length ? marks[0].startTime / 1000 : NaN; }
  return {script_s: at("qkg-script"), data_s: at("qkg-parsed"), network_s: at("qkg-network"),
          first_draw_s: window.qkgFirstDraw / 1000};
})()"""

# Milliseconds of the slowest redraw (median of three) over the fitted view and zoom levels
# where labels and arrowheads start to show; the view is fitted again afterwards.
SLOWEST_REDRAW = """(function () {
  var network = window.qkg.network, fitted = network.getScale(), slowest = 0;
  [fitted, 0.15, 0.3, 0.5, 1, 2].forEach(function (scale) {
    network.moveTo({scale: scale, animation: false});
    var times = [];
    for (var i = 0; i < 3; i++) { var start = performance.now(); network.redraw(); times.push(performance.now() - start); }
    slowest = Math.max(slowest, times.sort(function (a, b) { return a - b; })[1]);
  });
  network.fit({animation: false});
  return slowest;
})()"""


def measure(size: int, folder: Path, rounds: int = 1) -> dict[str, float]:
    graph, build_s = timed(lambda: build(synthetic_documents(size)))
    viz, viz_s = timed(lambda: viz_graph(graph))
    positions, layout_s = timed(lambda: force_layout(list(viz.nodes), [(e.source, e.target) for e in viz.edges]))
    html, page_s = timed(lambda: page_html(to_network(viz, positions), viz))
    path = folder / f"graph-{size}.html"
    path.write_text(html, encoding="utf-8")
    figures = {"nodes": len(viz.nodes), "edges": len(viz.edges), "build_s": build_s, "viz_s": viz_s,
               "layout_s": layout_s, "html_s": page_s, "page_mb": len(html.encode()) / 1e6}
    with offline_browser() as browser:
        loads, logs = [], []
        for _ in range(rounds):
            start = time.perf_counter()
            page, log = open_offline(browser, path, timeout_ms=120_000)
            logs.append(log)
            loads.append({"open_to_ready_s": time.perf_counter() - start, **page.evaluate(LOAD_STAGES)})
            if len(loads) < rounds:
                page.close()
        for column in loads[0]:
            figures[column] = statistics.median(load[column] for load in loads)
        draws = [load["first_draw_s"] for load in loads]
        figures["draw_range"] = f"{min(draws):.2f}-{max(draws):.2f}"
        figures["drawn_nodes"] = page.evaluate("window.qkg.network.body.nodeIndices.length")
        name = viz.nodes[max(viz.degrees().items(), key=lambda kv: kv[1])[0]].label
        start = time.perf_counter()
        page.fill("#search", name)
        page.wait_for_selector("#search-results li[data-id]")
        figures["search_s"] = time.perf_counter() - start
        page.keyboard.press("Escape")
        node_id = page.evaluate(f"window.qkg.search({name!r})[0]")
        spot = page.evaluate(f"window.qkg.network.canvasToDOM(window.qkg.network.getPositions([{node_id!r}])[{node_id!r}])")
        box = page.locator("#graph canvas").bounding_box()
        start = time.perf_counter()
        page.mouse.click(box["x"] + spot["x"], box["y"] + spot["y"])
        page.wait_for_selector("#panel:not([hidden])")
        page.evaluate("new Promise(function (done) { requestAnimationFrame(function () { requestAnimationFrame(done); }); })")
        figures["click_to_panel_s"] = time.perf_counter() - start
        start = time.perf_counter()
        page.uncheck("#type-filter input[value='Enterprise']")
        page.evaluate("new Promise(function (done) { requestAnimationFrame(function () { requestAnimationFrame(done); }); })")
        figures["filter_s"] = time.perf_counter() - start
        page.check("#type-filter input[value='Enterprise']")
        figures["redraw_max_s"] = page.evaluate(SLOWEST_REDRAW) / 1000
        figures["errors"] = sum(len(log.console_errors) + len(log.page_errors) + len(log.blocked_requests) for log in logs)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2000,10000", help="comma-separated numbers of entities")
    parser.add_argument("--rounds", type=int, default=1, help="open each page this many times (medians and the first draw's range)")
    parser.add_argument("--keep", type=Path, help="keep the generated pages in this folder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        folder = args.keep or Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        columns = ["nodes", "edges", "build_s", "viz_s", "layout_s", "html_s", "page_mb", "open_to_ready_s",
                   "script_s", "data_s", "network_s", "first_draw_s", "draw_range", "drawn_nodes", "redraw_max_s",
                   "search_s", "click_to_panel_s", "filter_s", "errors"]
        print(" ".join(f"{c:>15}" for c in columns))
        for size in (int(s) for s in args.sizes.split(",")):
            figures = measure(size, folder, args.rounds)
            print(" ".join(f"{figures[c]:>15.3f}" if isinstance(figures[c], float) else f"{figures[c]:>15}" for c in columns))


if __name__ == "__main__":
    main()
