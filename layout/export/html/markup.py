"""A tiny XML/HTML builder and serialiser for the EPUB's and the web edition's documents.

The documents are small and fully known, so they are built as trees of
frozen `Element`s and written by one function: attributes keep the order
they are given in, output is byte-for-byte stable, and elements holding
only other elements are indented so the files diff well. Elements with
text (mixed content), and elements whose content is phrasing even when
it happens to be only elements (`figcaption` holding two spans), are written
on one line, so no whitespace is ever added inside running text.

The web edition's pages are HTML (`document(..., html=True)`): no XML
declaration, void elements written `<img …>` and other empty elements
`<span …></span>` (a `<span/>` would stay open in HTML), and list items, table
cells and a few other elements kept on one line too.
"""
from __future__ import annotations

from dataclasses import dataclass

XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n'
# Elements whose children are running text: never indented inside.
PHRASING = frozenset({"p", "h1", "h2", "h3", "figcaption", "span", "a", "title", "text"})
HTML_PHRASING = PHRASING | {"li", "dt", "dd", "td", "th", "label", "button", "small", "strong",
                            "em", "time", "picture", "option", "summary", "h4", "caption"}
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                  "source", "track", "wbr"})
# xml.sax.saxutils's escape and quoteattr, written out: importing that module imports
# urllib.request (http.client, ssl, email: ~0.02 s CPU a build) for functions it never calls
_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_ATTR = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\n": "&#10;", "\r": "&#13;",
                       "\t": "&#9;"})


def escape(text: str) -> str:
    """`text` with &, < and > escaped (as xml.sax.saxutils.escape)."""
    return text.translate(_TEXT)


def quoteattr(value: str) -> str:
    """`value` escaped and quoted as an attribute value (as xml.sax.saxutils.quoteattr):
    in double quotes, or in single ones when it holds a double quote and no single one."""
    value = value.translate(_ATTR)
    if '"' not in value:
        return f'"{value}"'
    if "'" not in value:
        return f"'{value}'"
    return '"{}"'.format(value.replace('"', "&quot;"))


@dataclass(frozen=True, slots=True)
class Element:
    tag: str
    attrs: tuple[tuple[str, str], ...] = ()
    children: tuple["Element | str", ...] = ()


def el(tag: str, attrs: dict[str, str] | None = None, *children: "Element | str | None") -> Element:
    """An element; `None` children and empty strings are left out."""
    kept = tuple(c for c in children if c is not None and c != "")
    return Element(tag, tuple((attrs or {}).items()), kept)


def _open(node: Element) -> str:
    attrs = "".join(f" {name}={quoteattr(value)}" for name, value in node.attrs)
    return f"<{node.tag}{attrs}"


def _empty(node: Element, html: bool) -> str:
    if not html:
        return _open(node) + "/>"
    return _open(node) + (">" if node.tag in VOID else f"></{node.tag}>")


def _inline(node: Element | str, html: bool = False) -> str:
    if isinstance(node, str):
        return escape(node)
    if not node.children:
        return _empty(node, html)
    inner = "".join(_inline(c, html) for c in node.children)
    return _open(node) + ">" + inner + f"</{node.tag}>"


def render(node: Element, depth: int = 0, html: bool = False) -> str:
    """Serialise `node`; block elements indented by two spaces a level."""
    pad = "  " * depth
    if node.tag in (HTML_PHRASING if html else PHRASING) or not node.children \
            or any(isinstance(c, str) for c in node.children):
        return pad + _inline(node, html)
    inner = "\n".join(render(c, depth + 1, html) for c in node.children)  # type: ignore[arg-type]
    return f"{pad}{_open(node)}>\n{inner}\n{pad}</{node.tag}>"


def document(root: Element, doctype: str = "", html: bool = False) -> bytes:
    """A whole file: the XML declaration (not in HTML), an optional doctype line, the
    tree, a final newline."""
    head = ("" if html else XML_DECLARATION) + (doctype + "\n" if doctype else "")
    return (head + render(root, html=html) + "\n").encode("utf-8")
