"""The entity network as GraphML and GEXF, for Gephi, Cytoscape and yEd.

Written line by line rather than through networkx's writers, which build an
ElementTree of the whole graph first: at a million triples that took longer
than all four RDF exports together. The files are UTF-8 (networkx's GraphML
writes every Chinese character as a numeric reference), and every edge has
its own id, as both formats require of a multigraph.
"""
from __future__ import annotations

import re
from html import escape

import networkx as nx

GRAPHML_HEADER = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"'
    ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
    ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns'
    ' http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
)
GEXF_HEADER = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<gexf xmlns="http://www.gexf.net/1.2draft"'
    ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
    ' xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">\n'
    '  <meta>\n    <creator>qkg</creator>\n  </meta>\n'
)

# Characters XML 1.0 does not allow, even escaped; a label copied from a document may hold one.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


# A parser turns a tab or line break inside an attribute into a space unless it is a character reference.
_KEEP_WHITESPACE = str.maketrans({"\t": "&#9;", "\n": "&#10;", "\r": "&#13;"})


def _text(value) -> str:
    """A value as XML text or attribute content."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return escape(_NOT_XML.sub("", str(value)), quote=True).translate(_KEEP_WHITESPACE)


def _xml_type(value) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "long"
    if isinstance(value, float):
        return "double"
    return "string"


def _attribute_types(records) -> dict[str, str]:
    """Attribute name -> XML type, in order of first appearance; a name seen with two types is a string."""
    types: dict[str, str] = {}
    for data in records:
        for name, value in data.items():
            kind = _xml_type(value)
            if types.setdefault(name, kind) != kind:
                types[name] = "string"
    return types


def graphml_text(network: nx.MultiDiGraph) -> str:
    node_types = _attribute_types(data for _, data in network.nodes(data=True))
    edge_types = _attribute_types(data for _, _, data in network.edges(data=True))
    node_keys = {name: f"n{i}" for i, name in enumerate(node_types)}
    edge_keys = {name: f"e{i}" for i, name in enumerate(edge_types)}
    lines = [GRAPHML_HEADER]
    for keys, types, scope in ((node_keys, node_types, "node"), (edge_keys, edge_types, "edge")):
        lines += [f'  <key id="{keys[name]}" for="{scope}" attr.name="{_text(name)}" attr.type="{kind}"/>\n'
                  for name, kind in types.items()]
    lines.append(f'  <graph id="G" edgedefault="{"directed" if network.is_directed() else "undirected"}">\n')
    for node, data in network.nodes(data=True):
        lines.append(f'    <node id="{_text(node)}">\n')
        lines += [f'      <data key="{node_keys[name]}">{_text(value)}</data>\n' for name, value in data.items()]
        lines.append('    </node>\n')
    for number, (source, target, data) in enumerate(network.edges(data=True)):
        lines.append(f'    <edge id="e{number}" source="{_text(source)}" target="{_text(target)}">\n')
        lines += [f'      <data key="{edge_keys[name]}">{_text(value)}</data>\n' for name, value in data.items()]
        lines.append('    </edge>\n')
    lines.append('  </graph>\n</graphml>\n')
    return "".join(lines)


def _attribute_block(types: dict[str, str], ids: dict[str, int], scope: str) -> list[str]:
    if not types:
        return []
    return [f'    <attributes class="{scope}" mode="static">\n',
            *(f'      <attribute id="{ids[name]}" title="{_text(name)}" type="{kind}"/>\n'
              for name, kind in types.items()),
            '    </attributes>\n']


def _attvalues(data: dict, ids: dict[str, int], indent: str) -> list[str]:
    values = [(name, value) for name, value in data.items() if name in ids]
    if not values:
        return []
    return [f'{indent}<attvalues>\n',
            *(f'{indent}  <attvalue for="{ids[name]}" value="{_text(value)}"/>\n' for name, value in values),
            f'{indent}</attvalues>\n']


def gexf_text(network: nx.MultiDiGraph) -> str:
    """GEXF 1.2; a node's ``label`` attribute is its GEXF label, as Gephi shows it."""
    node_types = _attribute_types({k: v for k, v in data.items() if k != "label"}
                                  for _, data in network.nodes(data=True))
    edge_types = _attribute_types(data for _, _, data in network.edges(data=True))
    node_ids = {name: i for i, name in enumerate(node_types)}
    edge_ids = {name: len(node_ids) + i for i, name in enumerate(edge_types)}
    kind = "directed" if network.is_directed() else "undirected"
    lines = [GEXF_HEADER, f'  <graph mode="static" defaultedgetype="{kind}">\n',
             *_attribute_block(node_types, node_ids, "node"), *_attribute_block(edge_types, edge_ids, "edge"),
             '    <nodes>\n']
    for node, data in network.nodes(data=True):
        label = data.get("label", node)
        lines.append(f'      <node id="{_text(node)}" label="{_text(label)}">\n')
        lines += _attvalues(data, node_ids, "        ")
        lines.append('      </node>\n')
    lines.append('    </nodes>\n    <edges>\n')
    for number, (source, target, data) in enumerate(network.edges(data=True)):
        lines.append(f'      <edge id="{number}" source="{_text(source)}" target="{_text(target)}">\n')
        lines += _attvalues(data, edge_ids, "        ")
        lines.append('      </edge>\n')
    lines.append('    </edges>\n  </graph>\n</gexf>\n')
    return "".join(lines)
