"""`qkg info` (the graph in use) and `qkg cache` (the query cache): commands on the same group as kg/cli.py."""
from __future__ import annotations

from pathlib import Path

import click

from kg.cli_i18n import LocalizedCommand, LocalizedGroup, current_language, reports_errors
from kg.i18n import word

_MB = 1024 * 1024


def _line(label: str, value: str, lang: str) -> str:
    return f"{word(label, lang)}{'：' if lang == 'zh' else ': '}{value}"


@click.command(cls=LocalizedCommand)
@click.option("--data", type=click.Path(dir_okay=False, path_type=Path),
              help="The graph file to describe. Default: the graph in use.")
@reports_errors
def info(data: Path | None) -> None:
    """Show which graph is in use: where it is and why, when it was built, and its counts.

    \b
    Without --data, the graph is $QKG_HOME/exports/qgov.ttl when QKG_HOME is
    set, else exports/qgov.ttl in the current folder, else the graph of your
    last `qkg build` without --out, from any folder.

    \b
    Examples:
      qkg info
      QKG_HOME=/srv/qkg qkg info
    """
    from kg.home import graph_location
    from kg.info import graph_info
    from kg.store import cache_root, open_store
    from kg.vocab import type_name

    lang = current_language()
    location = graph_location(data)
    about = graph_info(location, open_store(location.path))
    entities = ", ".join(f"{about.counts[t]} {type_name(t, lang)}" for t in about.counts
                         if t[0].isupper() and t not in ("AwardConferral", "Membership", "ProgramAdoption", "Document")
                         and about.counts[t])
    click.echo(_line("graph", f"{location.path.resolve()} ({word('from', lang)} {word(location.source, lang)})", lang))
    click.echo(_line("built", about.built.strftime("%Y-%m-%d %H:%M:%S UTC"), lang))
    click.echo(_line("size", f"{about.size / _MB:.1f} MB, {about.triples:,} {word('triples', lang)}", lang))
    click.echo(_line("entities", f"{about.entities:,} ({entities})", lang))
    click.echo(_line("facts", f"{about.counts['AwardConferral']:,} {word('award conferrals', lang)}, "
                              f"{about.counts['Membership']:,} {word('positions', lang)}, "
                              f"{about.counts['ProgramAdoption']:,} {word('program adoptions', lang)}, "
                              f"{about.counts['Document']:,} {word('documents', lang)}", lang))
    click.echo(_line("query cache", str(cache_root()), lang))


@click.group(name="cache", cls=LocalizedGroup)
def cache_group() -> None:
    """The query cache: the stores that graph files were parsed into.

    \b
    The cache is bounded ($QKG_CACHE_MAX_MB, default 1024 MB): when a new store
    makes it larger, the least recently used stores are removed first.

    \b
    Examples:
      qkg cache info
      qkg cache clear
    """


@cache_group.command(name="info")
@reports_errors
def cache_info() -> None:
    """Show where the cache is, how many stores it holds and their size."""
    from kg import cache
    from kg.store import cache_root

    lang = current_language()
    present = cache.entries(cache_root() / "stores")
    click.echo(_line("query cache", str(cache_root()), lang))
    click.echo(_line("stores", f"{len(present)}, {sum(e.size for e in present) / _MB:.1f} MB "
                               f"({word('limit', lang)} {cache.limit_bytes() / _MB:.0f} MB)", lang))


@cache_group.command(name="clear")
@reports_errors
def cache_clear() -> None:
    """Remove every cached store (the next query parses its graph file again)."""
    from kg import cache
    from kg.store import cache_root

    lang = current_language()
    count, size = cache.clear(cache_root() / "stores")
    click.echo(_line("removed", f"{count} {word('stores', lang)}, {size / _MB:.1f} MB ({cache_root()})", lang))
