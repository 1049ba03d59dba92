"""Take the README's screenshot of the graph page (docs/graph.png) in offline headless Chromium.

    .venv/bin/python bench/screenshot.py [--facts DIR]... [--select NAME] [--scale S] [--out docs/graph.png]
    .venv/bin/python bench/screenshot.py --first-view --out docs/first-view.png

Builds the page of the embedded default (or of --facts) as `qkg build` does,
opens it with the network blocked, selects one entity so that its panel and
neighbourhood show (or, with --first-view, leaves it as a reader first sees
it), and saves a 1600×1000 PNG.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from kg.pipeline import build_graph
from kg.viz.browser import offline_browser, open_offline
from kg.viz.page import write_graph_page

REPO = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--facts", type=Path, action="append", help="facts file or folder (default: the embedded default)")
    parser.add_argument("--select", default="中天科技集团", help="the entity to select (name or alias)")
    parser.add_argument("--scale", type=float, default=0.6, help="zoom around the selected entity")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "graph.png")
    parser.add_argument("--first-view", action="store_true", help="the page as it opens: nothing selected")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "graph.html"
        write_graph_page(build_graph(args.facts), path)
        with offline_browser() as browser:
            page, log = open_offline(browser, path, width=1600, height=1000)
            found = [] if args.first_view else page.evaluate("(name) => window.qkg.search(name)", args.select)
            if not found and not args.first_view:
                print(f"no entity named {args.select!r} on the page", file=sys.stderr)
                return 1
            if found:
                page.evaluate("(id) => window.qkg.select(id)", found[0])
                page.evaluate("([id, scale]) => window.qkg.network.focus(id, {scale: scale, animation: false})",
                              [found[0], args.scale])
            page.wait_for_timeout(200)
            args.out.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(args.out))
            problems = log.console_errors + log.page_errors + log.blocked_requests
    if problems:
        print("the page reported: " + "; ".join(problems), file=sys.stderr)
        return 1
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
