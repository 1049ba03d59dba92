"""Write the graph page: one HTML file with the data, vis-network and the page code inline.

The page loads nothing from the network and works from ``file://``. Names
come from documents anybody can write, so every value enters the page as
JSON inside ``<script type="application/json">`` with the characters that
could end the script or confuse a parser escaped, and the page code builds
its DOM with ``textContent`` only.
"""
from __future__ import annotations

import base64
import gzip
import html
import json
import logging
import re
from dataclasses import asdict
from importlib.resources import files
from pathlib import Path

from pyvis.network import Network

from kg.builder import KnowledgeGraph
from kg.errors import QkgError
from kg.staging import StagedExports, write_file
from kg.viz.focus import Focus, FocusError, focus
from kg.viz.graphdata import VizGraph, viz_graph
from kg.viz.network import edge_labels, to_network
from kg.viz.style import REVIEW_BELOW, LEVELS, PANEL_SECTIONS, RELATIONS, TYPE_STYLES

log = logging.getLogger(__name__)

PAGE_FILE = "graph.html"
DEFAULT_TITLE = "质量治理知识图谱"
VIS_NETWORK = ("lib", "vis-9.1.2", "vis-network.min.js")  # shipped inside the pyvis package
_MARKER = re.compile(r"/\*QKG:(\w+)\*/")
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_SAFE_URL = re.compile(r"^https?://", re.IGNORECASE)
# Pages with more JSON than this carry it gzipped (graphs of about 4,000 entities and up):
# unpacking is asynchronous and costs a few tens of ms, which pays off only for large data.
# Smaller pages keep plain JSON, which any browser reads.
PACKED_ABOVE = 3_000_000


class AssetMissing(QkgError):
    """A file the page inlines is not installed."""


def _read_asset(package: str, *parts: str) -> str:
    path = files(package).joinpath(*parts)
    try:
        return path.read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        raise AssetMissing(f"cannot read {'/'.join(parts)} of the {package} package") from None


def json_for_script(value) -> str:
    """JSON that cannot end its <script> element or be read as markup."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return re.sub("[<>&\u2028\u2029]", lambda m: _JSON_ESCAPES[m.group()], text)


def script_for_inline(code: str) -> str:
    """JavaScript safe to place between <script> tags (only inside its strings can these sequences occur)."""
    return re.sub(r"</(script)", r"<\\/\1", code, flags=re.IGNORECASE).replace("<!--", "<\\!--")


def _safe_url(url: str | None) -> str | None:
    return url if url and _SAFE_URL.match(url) else None


def page_data(net: Network, viz: VizGraph, title: str) -> dict:
    """Everything the page script reads: the vis nodes and edges, and what the panel and filters need.

    Edges name their ends by position in ``nodes`` and facts their documents by
    position in ``documents``: numbers instead of IRIs repeated tens of
    thousands of times, which the browser has to read before the first draw.
    """
    document_number = {doc_id: number for number, doc_id in enumerate(viz.documents)}

    def numbered(doc_ids: list[str]) -> list[int]:
        return [document_number[d] for d in doc_ids if d in document_number]

    node_number = {n["id"]: number for number, n in enumerate(net.nodes)}
    edges = []
    for vis_edge, edge in zip(net.edges, viz.edges):
        _, label_en = edge_labels(edge)
        edges.append({
            "relation": edge.relation,
            "labelEn": label_en,
            "facts": [
                {"year": f.year, "detail": f.detail, "documents": numbered(f.documents), "confidence": f.confidence,
                 "evidence": [{"document": document_number.get(d), "start": a, "end": b, "quote": q}
                              for d, a, b, q in f.evidence]}
                for f in edge.facts
            ],
        })
    documents = []
    for doc in viz.documents.values():
        entry = asdict(doc)
        entry["url"] = _safe_url(doc.url)
        documents.append(entry)
    return {
        "title": title,
        # Only what differs between nodes and edges: the page script adds the type's shape and colours.
        "nodes": [{"id": n["id"], "label": n["label"], "x": n["x"], "y": n["y"], "size": n["size"],
                   "labelSize": n["font"]["size"], "title": n["title"]} for n in net.nodes],
        "edges": [{"id": e["id"], "from": node_number[e["from"]], "to": node_number[e["to"]], "label": e["label"]}
                  for e in net.edges],
        "edgeFacts": edges,
        "entities": {
            node.id: {"type": node.type, "aliases": node.aliases, "level": node.level, "year": node.year,
                      "cities": node.cities, "documents": numbered(node.documents)}
            for node in viz.nodes.values()
        },
        "documents": documents,
        "types": {name: asdict(style) for name, style in TYPE_STYLES.items()},
        "relations": RELATIONS,
        "sections": PANEL_SECTIONS,
        "levels": LEVELS,
        "reviewBelow": REVIEW_BELOW,
    }


def data_element(value, packed_above: int = PACKED_ABOVE) -> str:
    """The page's data as a script element: JSON, or gzip in base64 when the JSON is longer than ``packed_above`` bytes.

    Chromium reads a file:// page at some tens of MB/s: at 10,000 entities its
    7 MB of JSON delayed the page script by ~0.3 s, parsing them took ~0.1 s.
    Packed they are a tenth of the bytes.
    """
    text = json_for_script(value)
    raw = text.encode("utf-8")
    if len(raw) <= packed_above:
        return f'<script type="application/json" id="qkg-data">{text}</script>'
    packed = base64.b64encode(gzip.compress(raw, compresslevel=6, mtime=0)).decode("ascii")  # mtime=0: the same bytes every build
    return f'<script type="application/octet-stream" id="qkg-data-gzip">{packed}</script>'


def page_html(net: Network, viz: VizGraph, title: str = DEFAULT_TITLE, *, packed_above: int = PACKED_ABOVE) -> str:
    pieces = {
        "title": html.escape(title),
        "css": _read_asset("kg", "assets", "graph.css"),
        "data": data_element(page_data(net, viz, title), packed_above),
        "vis": script_for_inline(_read_asset("pyvis", *VIS_NETWORK)),
        "page": script_for_inline(_read_asset("kg", "assets", "graph.js")),
    }
    template = _read_asset("kg", "assets", "graph.html")
    return _MARKER.sub(lambda m: pieces[m.group(1)], template)


def write_page(viz: VizGraph, path: Path, title: str = DEFAULT_TITLE) -> Path:
    """Lay out ``viz`` and write its page to ``path``."""
    path = Path(path)
    text = page_html(to_network(viz), viz, title)
    write_file(path, text.encode("utf-8"))
    log.info("wrote %s (%d nodes, %d edges, %d bytes)", path, len(viz.nodes), len(viz.edges), len(text.encode()))
    return path


def write_graph_page(graph: KnowledgeGraph, path: Path, spec: Focus | None = None,
                     sources: Path | None = None) -> VizGraph:
    """Write the page of ``graph``, or of the part ``spec`` selects; returns what the page shows.
    With ``sources`` (the source documents' folder), facts show the sentences they come from
    (``shown.quoted`` says how many)."""
    shown = viz_graph(graph)
    title = DEFAULT_TITLE
    if spec is not None:
        shown = focus(shown, spec)
        if not shown.nodes:
            raise FocusError("no entity of the graph matches these filters")
        title = " · ".join(p for p in (DEFAULT_TITLE, spec.describe()) if p)
    if sources is not None:
        from kg.viz.sources import quote_from_sources

        shown.quoted = quote_from_sources(shown, sources)
    write_page(shown, path, title)
    return shown


def stage_page(graph: KnowledgeGraph, staged: StagedExports) -> None:
    """Add the page of the whole graph to a build's exports (a write failure names the file in ``out``)."""
    shown = viz_graph(graph)
    staged.write_bytes(PAGE_FILE, page_html(to_network(shown), shown, DEFAULT_TITLE).encode("utf-8"))
