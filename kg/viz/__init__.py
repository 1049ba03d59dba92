"""The interactive graph page: the graph as nodes and edges, a layout, a pyvis Network, one HTML file."""
from kg.viz.graphdata import VizEdge, VizGraph, VizNode, viz_graph
from kg.viz.network import to_network
from kg.viz.page import PAGE_FILE, page_html, write_page

__all__ = ["PAGE_FILE", "VizEdge", "VizGraph", "VizNode", "page_html", "to_network", "viz_graph", "write_page"]
