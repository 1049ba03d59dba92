"""networkx analytics of the knowledge graph: centrality, communities, components, the firm
network, award ladders and shortest chains; written as RDF, CSV, Markdown, GraphML and GEXF."""
from __future__ import annotations

from typing import Iterable

from kg.analytics.analysis import Analysis, analyse, analyse_network
from kg.analytics.network import entity_network
from kg.analytics.paths import PathError, Step, shortest_chain
from kg.analytics.report import report_markdown
from kg.analytics.writers import CSV_FILES, analytics_turtle, gexf_bytes, graphml_bytes

__all__ = [
    "Analysis", "PathError", "Step", "analyse", "analyse_network", "analytics_files", "entity_network",
    "shortest_chain", "stage_analytics",
]


def analytics_files(analysis: Analysis) -> dict[str, bytes]:
    """Every analytics export: file name (relative to the exports folder) -> bytes."""
    files = {"analytics.ttl": analytics_turtle(analysis)}
    files.update({name: write(analysis).encode("utf-8") for name, write in CSV_FILES.items()})
    files["analytics/report.md"] = report_markdown(analysis).encode("utf-8")
    files["qgov.graphml"] = graphml_bytes(analysis)
    files["qgov.gexf"] = gexf_bytes(analysis)
    return files


def stage_analytics(triples: Iterable[tuple], staged) -> Analysis:
    """Analyse the graph and write every analytics export into a ``kg.exports.StagedExports``."""
    analysis = analyse(triples)
    for name, data in analytics_files(analysis).items():
        staged.write_bytes(name, data)
    return analysis
