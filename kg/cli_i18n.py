"""Click commands that speak the user's language: help, headings and error messages (kg/i18n.py).

Every command takes ``--lang zh|en``, as the group does; without it the locale
decides. The help of each command and option comes from the catalog when the
language is Chinese.
"""
from __future__ import annotations

import functools

import click

from kg import i18n
from kg.errors import QkgError

_LANG_KEY = "qkg.lang"
# Help of the options that click itself adds.
_CLICK_HELP = ("Show this message and exit.", "Show the version and exit.")


def current_language(ctx: click.Context | None = None) -> str:
    """``--lang`` of this command or of the group, else the locale's."""
    ctx = ctx or click.get_current_context(silent=True)
    while ctx is not None:
        if _LANG_KEY in ctx.meta:
            return ctx.meta[_LANG_KEY]
        ctx = ctx.parent
    return i18n.language_from_locale()


def _remember_language(ctx: click.Context, _param, value: str | None) -> None:
    if value:
        ctx.meta[_LANG_KEY] = value


def lang_option() -> click.Option:
    return click.Option(["--lang"], type=click.Choice(i18n.LANGS), is_eager=True, expose_value=False,
                        callback=_remember_language,
                        help="Language of help, messages and table headers: zh or en. Default: the locale (LANG).")


def _command_key(ctx: click.Context) -> str:
    """The command's name in the catalog: "" for the group, "cache clear" for a subcommand of a subgroup."""
    return " ".join(ctx.command_path.split()[1:])


class LocalizedMixin:
    """Help in the user's language, and errors shown with a translated ``Error:``."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        # --lang counts wherever it stands, also after --help (which click acts on as soon as it reads it).
        for index, arg in enumerate(args):
            if arg == "--":
                break
            value = arg.partition("=")[2] if arg.startswith("--lang=") else (
                args[index + 1] if arg == "--lang" and index + 1 < len(args) else None)
            if value in i18n.LANGS:
                ctx.meta[_LANG_KEY] = value
        return super().parse_args(ctx, args)

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        lang = current_language(ctx)
        key = _command_key(ctx)
        saved = self.help, [(p, getattr(p, "help", None)) for p in self.get_params(ctx)]
        try:
            self.help = i18n.command_help(key, self.help, lang)
            for param, english in saved[1]:
                if isinstance(param, click.Option) and english:
                    if english in _CLICK_HELP:
                        param.help = i18n.word(english, lang)
                    else:
                        param.help = i18n.option_help(key, param.name, english, lang)
            super().format_help(ctx, formatter)
        finally:
            self.help = saved[0]
            for param, english in saved[1]:
                if isinstance(param, click.Option):
                    param.help = english

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        pieces = self.collect_usage_pieces(ctx)
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=i18n.word("Usage: ", current_language(ctx)))

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        lang = current_language(ctx)
        records = [record for param in self.get_params(ctx)
                   if isinstance(param, click.Option) and (record := param.get_help_record(ctx))]
        if records:
            with formatter.section(i18n.word("Options", lang)):
                formatter.write_dl(records)
        if isinstance(self, click.Group):
            rows = []
            for name in self.list_commands(ctx):
                command = self.get_command(ctx, name)
                if command is None or command.hidden:
                    continue
                key = " ".join([*_command_key(ctx).split(), name])
                english = command.help
                try:  # click shortens the help as it does for its own listing
                    command.help = i18n.command_help(key, english or "", lang)
                    rows.append((name, command.get_short_help_str(formatter.width - 6 - max(len(n) for n in self.commands))))
                finally:
                    command.help = english
            if rows:
                with formatter.section(i18n.word("Commands", lang)):
                    formatter.write_dl(rows)


class LocalizedCommand(LocalizedMixin, click.Command):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.params.append(lang_option())


class LocalizedGroup(LocalizedMixin, click.Group):
    command_class = LocalizedCommand

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.params.append(lang_option())


LocalizedGroup.group_class = LocalizedGroup


class UserError(click.ClickException):
    """A library error as one line in the user's language."""

    def __init__(self, error: Exception):
        self.lang = current_language()
        super().__init__(i18n.error_text(error, self.lang))

    def show(self, file=None) -> None:
        click.echo(f"{i18n.word('Error', self.lang)}{'：' if self.lang == 'zh' else ': '}{self.format_message()}",
                   file=file, err=file is None)


def reports_errors(command):
    """Turn the library's errors into one-line click errors (no traceback), in the user's language."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except QkgError as exc:
            raise UserError(exc) from None
        except OSError as exc:  # what the system refused, where the library had no words for it
            cause = exc.strerror or (str(exc).splitlines() or [type(exc).__name__])[0]
            raise click.ClickException(f"{exc.filename}: {cause}" if exc.filename else cause) from None

    return wrapper
