"""Streaming an XML part of the DOCX safely: no tree, no DTD, no entities, no network.

A part is fed in chunks to lxml's parser with a *target*: libxml2 calls the
handler's `start(name, attrib)`, `end(name)` and `text(chunk)` as it reads,
and builds no tree, so memory does not grow with the size of a part. Element
names arrive without their namespace for WordprocessingML (either the
transitional or the strict namespace) and with an `mc:` prefix for markup
compatibility; other elements arrive as their full `{namespace}name`. A
document type declaration is refused outright: no part Word, WPS or
LibreOffice writes has one, and it is how XXE and "billion laughs" begin.
A handler may raise `Enough` to stop reading early. Every element read counts
against the stream's `budget` (the package's, shared by all its parts), so
the time spent on a file is bounded too.
"""
from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from lxml import etree

from layout.errors import InputError
from layout.i18n import _

W_NAMESPACES = ("http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                "http://purl.oclc.org/ooxml/wordprocessingml/main")   # transitional, strict
MC_NAMESPACE = "http://schemas.openxmlformats.org/markup-compatibility/2006"
CHUNK = 64 * 1024


class Enough(Exception):
    """Raised by a handler that has read what it needs."""


class _Refused(Exception):
    """A DTD: raised from inside the parser, turned into an InputError outside it."""


class _Spent(Exception):
    """The element budget ran out."""


def _short(tag: str) -> str:
    if not tag.startswith("{"):
        return tag
    namespace, _close, name = tag[1:].partition("}")
    if namespace in W_NAMESPACES:
        return name
    return f"mc:{name}" if namespace == MC_NAMESPACE else tag


class _Target:
    """Adapts libxml2's callbacks to a handler, with names shortened and attributes as given."""

    def __init__(self, handler, budget):
        self.budget = budget
        self.names: dict[str, str] = {}
        self.on_start, self.on_end, self.data = handler.start, handler.end, handler.text

    def doctype(self, *_args) -> None:
        raise _Refused()

    def start(self, tag, attrib) -> None:
        budget = self.budget
        if budget is not None:
            budget.left -= 1
            if budget.left < 0:
                raise _Spent()
        name = self.names.get(tag)
        if name is None:
            name = self.names[tag] = _short(tag)
        self.on_start(name, attrib)

    def end(self, tag) -> None:
        name = self.names.get(tag)
        if name is None:
            name = self.names[tag] = _short(tag)
        self.on_end(name)

    def close(self) -> None:
        return None


def parse(stream, handler, path: Path, part: str) -> None:
    """Feed `part` from `stream` to `handler`; damage, a DTD or too many elements (the
    stream's `budget`, if it has one) becomes one InputError."""
    budget = getattr(stream, "budget", None)
    parser = etree.XMLParser(target=_Target(handler, budget), resolve_entities=False,
                             load_dtd=False, no_network=True, huge_tree=False)
    try:
        while True:
            chunk = stream.read(CHUNK)
            if not chunk:
                break
            parser.feed(chunk)
        parser.close()
    except Enough:
        return
    except _Spent:
        raise InputError(_("the DOCX has more than {limit} XML elements, far more than an "
                           "edition needs").format(limit=budget.limit), path) from None
    except _Refused:
        raise InputError(_("{part} declares a DTD (entities); Word, WPS and LibreOffice never "
                           "write one: refused").format(part=part), path) from None
    except etree.XMLSyntaxError as exc:
        raise InputError(_("{part} is not well-formed XML ({error}); save the DOCX again from "
                           "Word, WPS or LibreOffice").format(part=part, error=exc), path) from None
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError) as exc:
        raise InputError(_("{part} cannot be read from the DOCX ({error}); save it again from "
                           "Word, WPS or LibreOffice").format(part=part, error=exc), path) from None


_KEYS: dict[str, tuple[str, str]] = {}


def wattr(attrib, name: str) -> str | None:
    """The w: attribute `name` (either namespace), or None."""
    keys = _KEYS.get(name)
    if keys is None:
        keys = _KEYS[name] = tuple(f"{{{ns}}}{name}" for ns in W_NAMESPACES)
    value = attrib.get(keys[0])
    return value if value is not None else attrib.get(keys[1])
