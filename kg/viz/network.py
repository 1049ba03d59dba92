"""The drawable graph as a ``pyvis.Network``: nodes placed, coloured, sized and labelled.

The caller decides what to do with it; ``kg.viz.page`` writes it into one
self-contained HTML file (pyvis's own writer loads Bootstrap from a CDN).
"""
from __future__ import annotations

from pyvis.network import Network

from kg.viz.graphdata import VizEdge, VizGraph, VizNode
from kg.viz.layout import force_layout
from kg.viz.style import LEVELS, RELATIONS, TYPE_STYLES, label_size, node_size


class _IdList(list):
    """pyvis keeps node ids in a list and tests membership on every add (O(n²) at 10k nodes); a set makes it O(1)."""

    def __init__(self):
        super().__init__()
        self._members: set = set()

    def append(self, item) -> None:
        super().append(item)
        self._members.add(item)

    def __contains__(self, item) -> bool:
        return item in self._members


def node_tooltip(node: VizNode) -> str:
    """Plain text: vis-network 9 shows a string title as text, never as HTML."""
    style = TYPE_STYLES[node.type]
    lines = [node.label, f"类型：{style.zh}"]
    if node.level:
        lines.append(f"级别：{LEVELS[node.level][0]}")
    if node.aliases:
        lines.append("别名：" + "、".join(node.aliases))
    return "\n".join(lines)


def edge_labels(edge: VizEdge) -> tuple[str, str]:
    """The edge's label in Chinese and in English: the relation, then its years or roles."""
    zh, en = RELATIONS[edge.relation]
    years = [str(y) for y in edge.years]
    if years:
        return f"{zh} {'、'.join(years)}", f"{en} {', '.join(years)}"
    details = edge.details
    if details:
        return f"{zh} {'、'.join(details)}", f"{en} {', '.join(details)}"
    return zh, en


def _node_color(color: str) -> dict:
    return {
        "background": color,
        "border": "#ffffff",
        "highlight": {"background": color, "border": "#111827"},
        "hover": {"background": color, "border": "#374151"},
    }


def to_network(viz: VizGraph, positions: dict[str, tuple[float, float]] | None = None, *, seed: int = 7) -> Network:
    """A pyvis Network of ``viz`` with fixed positions (laid out here when not given) and physics off."""
    if positions is None:
        positions = force_layout(list(viz.nodes), [(e.source, e.target) for e in viz.edges], seed=seed)
    degrees = viz.degrees()
    net = Network(directed=True, height="100%", width="100%")
    net.node_ids = _IdList()
    net.toggle_physics(False)
    for node in viz.nodes.values():
        style = TYPE_STYLES[node.type]
        x, y = positions[node.id]
        size = node_size(degrees[node.id])
        net.add_node(node.id, label=node.label, title=node_tooltip(node), shape=style.shape,
                     color=_node_color(style.color), size=size, font={"size": label_size(size)}, x=x, y=y)
    for number, edge in enumerate(viz.edges):
        label, _ = edge_labels(edge)
        net.add_edge(edge.source, edge.target, id=number, label=label)
    return net
