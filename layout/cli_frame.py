"""The command line's own frame in the user's language.

typer and click write their part of the terminal in English: the help's panel
titles and `[default: …]`, "Usage:", and the errors of the command line itself
(a missing argument, an unknown option). `translate_frame()` points their
message lookups at layout's catalog (`layout.i18n`), so a Chinese user gets
the frame in Chinese too; English users see the libraries' own words.

typer's help panels and error boxes come from `typer.rich_utils`, which brings
in rich, markdown-it and pygments (~0.1 s of CPU, a tenth of a build): typer
imports it only when it draws help or an error, so its words are translated
when it is imported (`_RichFrame`), never by importing it ahead.
"""
from __future__ import annotations

import click.core
import click.decorators
import click.exceptions
import click.formatting
import click.parser
import click.types
import importlib.abc
import importlib.machinery
import sys

import typer.core

from layout.i18n import _

# click's and typer's own messages (they look them up with gettext's `_`), all in the catalog
FRAME_MESSAGES = (
    "Usage:", "Error: {message}", "Try '{command} {option}' for help.", "Aborted!",
    "Invalid value: {message}", "Invalid value for {param_hint}: {message}",
    "Missing argument", "Missing option", "Missing parameter", "Missing {param_type}",
    "Missing command.", "No such option {name!r}.", "No such command {name!r}.",
    "Option {name!r} requires an argument.", "Option {name!r} does not take a value.",
    "Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})",
    "Show this message and exit.", "default: {default}", "required", "Arguments", "Options",
    "Commands", "{name} {filename!r} does not exist.", "file", "directory", "path",
    "Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)",
)
_LIBRARIES = (click.core, click.decorators, click.exceptions, click.formatting, click.parser,
              click.types, typer.core)
RICH_FRAME = "typer.rich_utils"


def _plural(singular: str, plural: str, count: int) -> str:
    return _(singular if count == 1 else plural)


def translate_frame() -> None:
    """Translate typer's help panels and click's messages (call before the app runs)."""
    for module in _LIBRARIES:
        _translate_lookups(module)
    if RICH_FRAME in sys.modules:
        _translate_rich(sys.modules[RICH_FRAME])
    elif not any(isinstance(f, _RichFrame) for f in sys.meta_path):
        sys.meta_path.insert(0, _RichFrame())


def _translate_lookups(module) -> None:
    if hasattr(module, "_"):
        module._ = _
    if hasattr(module, "ngettext"):
        module.ngettext = _plural


class _RichFrame(importlib.abc.MetaPathFinder):
    """Translates typer.rich_utils as it is imported (typer imports it to draw help)."""

    def find_spec(self, name, path=None, target=None):
        if name != RICH_FRAME:
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is None or spec.loader is None:
            return spec
        load = spec.loader.exec_module

        def exec_module(module) -> None:
            load(module)
            _translate_rich(module)
        spec.loader.exec_module = exec_module
        return spec


def _translate_rich(rich) -> None:
    _translate_lookups(rich)
    rich.ARGUMENTS_PANEL_TITLE = _("Arguments")
    rich.OPTIONS_PANEL_TITLE = _("Options")
    rich.COMMANDS_PANEL_TITLE = _("Commands")
    rich.ERRORS_PANEL_TITLE = _("Error")
    rich.ABORTED_TEXT = _("Aborted.")
    rich.DEFAULT_STRING = _("[default: {}]")
    rich.REQUIRED_LONG_STRING = _("[required]")
    rich.RICH_HELP = _("Try [blue]'{command_path} {help_option}'[/] for help.")
