"""The document of a vertical article (竖排, `direction: vertical`).

Its root gets the class `vertical`, which the stylesheet sets in
`writing-mode: vertical-rl` (and EPUB 3.0's `-epub-writing-mode`): a
reading system that knows vertical text shows the article top to bottom,
right to left, one that does not shows it across, as written. Numbers and
letters of one or two characters (the 纵中横 runs of `layout/cjk/vertical.yaml`,
12 in 12月) are wrapped in `span.tcy`, set upright side by side with
`text-combine-upright`; longer Latin runs are turned by the reading system
(`text-orientation: mixed`), as on the page.
"""
from __future__ import annotations

from dataclasses import replace

from layout.cjk.vertical import vertical_rules
from layout.export.html.markup import Element, el

SKIP = frozenset({"a", "title", "head"})   # links keep their text whole


def tate_chu_yoko(text: str) -> list[Element | str]:
    """`text` with each 纵中横 run in a span.tcy."""
    out: list[Element | str] = []
    at = 0
    for start, end in vertical_rules().tcy_runs(text):
        out += [text[at:start], el("span", {"class": "tcy"}, text[start:end])]
        at = end
    out.append(text[at:])
    return [part for part in out if part != ""]


def _wrapped(node: Element) -> Element:
    if node.tag in SKIP:
        return node
    children: list[Element | str] = []
    for child in node.children:
        children += tate_chu_yoko(child) if isinstance(child, str) else [_wrapped(child)]
    return replace(node, children=tuple(children))


def vertical_document(page: Element) -> Element:
    """`page` (an article's html element) marked vertical, its 纵中横 runs wrapped."""
    attrs = tuple((k, v) for k, v in page.attrs if k != "class") + (("class", "vertical"),)
    return replace(_wrapped(page), attrs=attrs)
