"""Where qkg keeps its graph, so that a user who built once can query from any folder.

The graph a command reads when no ``--data`` is given is, in this order:

1. ``$QKG_HOME/exports/qgov.ttl`` when ``QKG_HOME`` is set (``qkg build``
   then writes ``$QKG_HOME/exports`` when no ``--out`` is given);
2. ``exports/qgov.ttl`` in the current folder, when there is one;
3. the graph of the user's last ``qkg build`` without ``--out``, wherever it
   was run: its place is kept in the user's state folder
   (``~/.local/state/qkg/default-graph`` on Linux, by platformdirs).
"""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from kg.errors import DataNotFound

log = logging.getLogger(__name__)

HOME_ENV = "QKG_HOME"
EXPORTS = "exports"
GRAPH_FILE = "qgov.ttl"
_REMEMBERED = "default-graph"

# Why a graph is the one in use (kg/i18n.py has the Chinese).
FROM_OPTION = "--data"
FROM_HOME = "QKG_HOME"
FROM_HERE = "the current folder"
FROM_LAST_BUILD = "your last qkg build"


class NoGraph(DataNotFound):
    """No graph file where qkg looks for one."""


@dataclass(frozen=True)
class GraphLocation:
    path: Path
    source: str  # one of the FROM_… reasons


def _home() -> Path | None:
    configured = os.environ.get(HOME_ENV)
    return Path(configured).expanduser() if configured else None


def state_file() -> Path:
    return Path(platformdirs.user_state_dir("qkg", appauthor=False)) / _REMEMBERED


def default_exports() -> Path:
    """Where ``qkg build`` writes when no ``--out`` is given: ``$QKG_HOME/exports``, else ``exports``."""
    home = _home()
    return home / EXPORTS if home is not None else Path(EXPORTS)


def remember_build(out: Path) -> None:
    """Make the graph just built in ``out`` the user's default (a failure to note it is only logged)."""
    if _home() is not None:
        return  # QKG_HOME decides already
    target = state_file()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.{os.getpid()}")
        temporary.write_text(str((Path(out) / GRAPH_FILE).resolve()), encoding="utf-8")
        os.replace(temporary, target)
    except OSError as exc:
        log.warning("cannot note %s as the default graph (%s)", out, exc.strerror or exc)


def _remembered() -> Path | None:
    try:
        text = state_file().read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return Path(text) if text else None


def graph_location(data: Path | None = None) -> GraphLocation:
    """The graph file a command reads, and why that one; ``NoGraph`` when there is none."""
    if data is not None:
        return GraphLocation(Path(data), FROM_OPTION)
    home = _home()
    if home is not None:
        location = GraphLocation(home / EXPORTS / GRAPH_FILE, FROM_HOME)
    else:
        here = Path(EXPORTS) / GRAPH_FILE
        remembered = _remembered()
        if here.is_file() or remembered is None:
            location = GraphLocation(here, FROM_HERE)
        else:
            location = GraphLocation(remembered, FROM_LAST_BUILD)
    if not location.path.is_file():
        raise NoGraph(f"no graph file at {location.path} (run `qkg build` first, or pass --data FILE)")
    return location
