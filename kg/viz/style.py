"""How the page names and draws things: Chinese and English labels, colours, shapes."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TypeStyle:
    zh: str
    en: str
    color: str
    shape: str


# Entity types of the facts format, in legend order. Shapes keep the label
# outside the node, so a node's size says its importance, not its name's length.
TYPE_STYLES: dict[str, TypeStyle] = {
    "Province": TypeStyle("省份", "Province", "#1e3a8a", "square"),
    "City": TypeStyle("城市", "City", "#3b82f6", "square"),
    "GovernmentBody": TypeStyle("政府机构", "Government body", "#0f766e", "hexagon"),
    "Enterprise": TypeStyle("企业", "Enterprise", "#f97316", "dot"),
    "Organization": TypeStyle("其他组织", "Organization", "#14b8a6", "dot"),
    "Person": TypeStyle("人物", "Person", "#a855f7", "triangle"),
    "Project": TypeStyle("工程项目", "Construction project", "#b45309", "square"),
    "Award": TypeStyle("奖项", "Award", "#dc2626", "star"),
    "Program": TypeStyle("制度与项目", "Program", "#16a34a", "diamond"),
    "Regulation": TypeStyle("法规文件", "Regulation", "#78716c", "triangleDown"),
    "Event": TypeStyle("活动", "Event", "#db2777", "triangle"),
}

# Edge kinds: (Chinese, English). Each edge points the way the sentence reads.
RELATIONS: dict[str, tuple[str, str]] = {
    "award": ("获奖", "awarded"),
    "position": ("任职", "holds position"),
    "located": ("位于", "located in"),
    "part_of": ("隶属", "part of"),
    "implements": ("实施", "implements"),
    "confers": ("颁发", "confers"),
    "nomination": ("提名", "nomination for"),
    "issues": ("发布", "issues"),
    "held_in": ("举办地", "held in"),
    "organizes": ("主办", "organizes"),
}

# Headings of the detail panel: (relation, direction) -> (Chinese, English).
# "out" lists the edges leaving the selected node, "in" those arriving.
PANEL_SECTIONS: dict[str, tuple[str, str]] = {
    "award:out": ("获得奖项", "Awards received"),
    "award:in": ("获奖者", "Recipients"),
    "position:out": ("任职", "Positions"),
    "position:in": ("任职人员", "People in positions"),
    "implements:out": ("实施的制度与项目", "Programs run"),
    "implements:in": ("实施单位", "Run by"),
    "located:out": ("位于", "Located in"),
    "located:in": ("辖内单位", "Organisations here"),
    "part_of:out": ("隶属", "Part of"),
    "part_of:in": ("下辖", "Divisions"),
    "confers:out": ("颁发的奖项", "Awards conferred"),
    "confers:in": ("颁发机构", "Conferred by"),
    "nomination:out": ("提名奖所属奖项", "Nomination for"),
    "nomination:in": ("提名奖", "Nomination prizes"),
    "issues:out": ("发布的法规文件", "Regulations issued"),
    "issues:in": ("发布机构", "Issued by"),
    "held_in:out": ("举办地", "Held in"),
    "held_in:in": ("举办的活动", "Events held here"),
    "organizes:out": ("主办的活动", "Events organised"),
    "organizes:in": ("主办方", "Organisers"),
}

# Extracted facts less sure than this are marked "to review" on the page, and a filter hides them.
REVIEW_BELOW = 0.7

# Award levels (keys of kg.namespace.AWARD_LEVELS).
LEVELS: dict[str, tuple[str, str]] = {
    "national": ("国家级", "national"),
    "provincial": ("省级", "provincial"),
    "municipal": ("市级", "municipal"),
    "county": ("县级", "county"),
}

# Node size in pixels grows with the square root of the degree, within bounds.
MIN_NODE_SIZE = 8.0
MAX_NODE_SIZE = 40.0


def node_size(degree: int) -> float:
    return round(min(MAX_NODE_SIZE, MIN_NODE_SIZE + 3.0 * degree ** 0.5), 1)


def label_size(size: float) -> int:
    """Bigger nodes get bigger labels, so hubs stay readable when the whole graph is in view."""
    return round(12 + 0.7 * (size - MIN_NODE_SIZE))
