"""Node positions computed in Python, so the browser draws without live physics.

Each connected component is laid out on its own and the components are then
packed in rows, largest first, so that small islands sit beside the main
graph instead of being flung to its edges. Within a component: a
Fruchterman–Reingold force layout in numpy. Small graphs get exact
all-pairs repulsion; larger ones repel each node from a fresh random sample
of the others every iteration (random vertex sampling, Gove 2019), which
keeps each iteration O(n) instead of O(n²): 10,000 nodes lay out in seconds.
"""
from __future__ import annotations

import math
from typing import Iterable

import numpy as np

EXACT_LIMIT = 800  # up to this many nodes, repulsion is computed between all pairs
SAMPLE_SIZE = 48  # otherwise, from this many random nodes per node and iteration
EDGE_LENGTH = 1.0  # the ideal distance between neighbours, in layout units
PIXELS_PER_UNIT = 110.0  # layout units -> vis-network canvas pixels
CENTRE_PULL = 0.5  # keeps a component round: hubs' many leaves would otherwise spread it thin


def _repulsion(pos: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    n = len(pos)
    x, y = pos[:, 0], pos[:, 1]
    if n <= EXACT_LIMIT:
        dx, dy = x[:, None] - x[None, :], y[:, None] - y[None, :]
        scale = 1.0
    else:
        others = rng.integers(0, n, size=(n, SAMPLE_SIZE))
        dx, dy = x[:, None] - x[others], y[:, None] - y[others]
        scale = n / SAMPLE_SIZE
    # x and y apart: numpy reduces a trailing axis of 2 slowly.
    weight = (EDGE_LENGTH ** 2 * scale) / np.maximum(dx * dx + dy * dy, 1e-4)
    return np.stack(((dx * weight).sum(axis=1), (dy * weight).sum(axis=1)), axis=1)


def _attraction(pos: np.ndarray, sources: np.ndarray, targets: np.ndarray) -> np.ndarray:
    n = len(pos)
    delta = pos[targets] - pos[sources]
    pull = delta * (np.sqrt((delta ** 2).sum(axis=1)) / EDGE_LENGTH)[:, None]
    # bincount sums per node far faster than np.add.at.
    return np.stack([
        np.bincount(sources, pull[:, axis], minlength=n) - np.bincount(targets, pull[:, axis], minlength=n)
        for axis in (0, 1)
    ], axis=1)


def _component_layout(n: int, pairs: np.ndarray, seed: int, iterations: int | None) -> np.ndarray:
    """Positions (layout units, centred on 0) of one connected component of ``n`` nodes."""
    if n == 1:
        return np.zeros((1, 2))
    sources, targets = pairs[:, 0], pairs[:, 1]
    rng = np.random.default_rng(seed)
    radius = math.sqrt(n) * EDGE_LENGTH
    pos = rng.uniform(-radius, radius, size=(n, 2))
    steps = iterations or min(50 + 10 * n, 300 if n <= EXACT_LIMIT else 160)
    temperature = radius / 4
    cooling = 0.01 ** (1 / steps)  # ends at 1 % of the starting temperature
    for _ in range(steps):
        force = _repulsion(pos, rng) + _attraction(pos, sources, targets) - pos * CENTRE_PULL
        length = np.maximum(np.sqrt((force ** 2).sum(axis=1)), 1e-9)
        pos += force * (np.minimum(length, temperature) / length)[:, None]
        temperature *= cooling
    return pos - pos.mean(axis=0)


def _components(n: int, pairs: np.ndarray) -> list[np.ndarray]:
    """Node indices of each connected component, largest first (ties: first node first)."""
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in pairs:
        ra, rb = find(int(a)), find(int(b))
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(i)
    return [np.array(g) for g in sorted(groups.values(), key=lambda g: (-len(g), g[0]))]


def _pack(blocks: list[np.ndarray]) -> list[np.ndarray]:
    """Shift each block of positions so that the blocks sit in rows, left to right, without overlapping."""
    gap = 1.5 * EDGE_LENGTH
    sizes = [(b.max(axis=0) - b.min(axis=0)) + gap for b in blocks]
    row_width = max(max(s[0] for s in sizes), math.sqrt(sum(s[0] * s[1] for s in sizes)) * 1.3)
    placed, x, y, row_height = [], 0.0, 0.0, 0.0
    for block, size in zip(blocks, sizes):
        if x > 0 and x + size[0] > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        placed.append(block - block.min(axis=0) + np.array([x, y]))
        x += size[0]
        row_height = max(row_height, size[1])
    return placed


def force_layout(node_ids: list[str], edges: Iterable[tuple[str, str]], *, seed: int = 7,
                 iterations: int | None = None) -> dict[str, tuple[float, float]]:
    """Positions in canvas pixels, the same for the same graph and seed."""
    n = len(node_ids)
    if n == 0:
        return {}
    index = {node_id: i for i, node_id in enumerate(node_ids)}
    pairs = np.array([(index[a], index[b]) for a, b in edges if a != b], dtype=np.int64).reshape(-1, 2)
    components = _components(n, pairs)
    component_of = np.empty(n, dtype=np.int64)
    local = np.empty(n, dtype=np.int64)
    for number, members in enumerate(components):
        component_of[members] = number
        local[members] = np.arange(len(members))
    # Edges grouped by component, in one sort rather than one scan per component.
    edge_component = component_of[pairs[:, 0]]
    order = np.argsort(edge_component, kind="stable")
    bounds = np.searchsorted(edge_component[order], np.arange(len(components) + 1))
    blocks = []
    for number, members in enumerate(components):
        inside = pairs[order[bounds[number]:bounds[number + 1]]]
        blocks.append(_component_layout(len(members), local[inside], seed + number, iterations))
    pos = np.empty((n, 2))
    for members, block in zip(components, _pack(blocks)):
        pos[members] = block
    pos = (pos - (pos.max(axis=0) + pos.min(axis=0)) / 2) * PIXELS_PER_UNIT
    return {node_id: (round(float(x), 1), round(float(y), 1)) for node_id, (x, y) in zip(node_ids, pos)}
