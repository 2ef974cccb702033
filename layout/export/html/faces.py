"""Which text is set in which face: the house style's roles mapped onto the markup of the
EPUB and the web edition (the same elements, `article.py`).

`RULES` says which element plays which role of the house style (`roles:` in
`layout/style/default.yaml`); the role names its face (宋 body, 标宋 主题,
楷 引题/byline/caption/verse, 黑 副题/电头/小标题/栏目头). From this one table come both
the stylesheet's font rules and the characters each embedded subset needs,
so the two cannot disagree.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from layout.export.html import fonts
from layout.export.html.markup import Element
from layout.style import HouseStyle

SERIF = ('"Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", STSong, SimSun, serif')
SANS = ('"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Heiti SC", '
        '"Microsoft YaHei", sans-serif')
KAI = '"LXGW WenKai", "Kaiti SC", STKaiti, KaiTi, serif'


@dataclass(frozen=True, slots=True)
class Rule:
    role: str           # a role of the house style
    tag: str
    css_class: str      # "" matches any class
    selector: str       # the same elements in CSS


RULES = (
    Rule("title", "h1", "", "h1"),
    Rule("kicker", "p", "kicker", ".kicker"),
    Rule("subtitle", "p", "subtitle", ".subtitle"),
    Rule("byline", "p", "byline", ".byline"),
    Rule("dateline", "span", "dateline", ".dateline"),
    Rule("subhead", "h2", "subhead", "h2.subhead"),
    Rule("caption", "figcaption", "", "figcaption"),
    Rule("verse", "p", "verse", "p.verse"),
    Rule("column", "p", "column", "p.column"),
)
BODY_ROLE = "body"

# Face key of the house style → CSS family, weight and the reader's own faces after it.
FAMILIES = {
    "serif": ("Edition Serif", "normal", SERIF),
    "serif_bold": ("Edition Serif", "bold", SERIF),
    "sans": ("Edition Sans", "normal", SANS),
    "sans_bold": ("Edition Sans", "bold", SANS),
    "kai": ("Edition Kai", "normal", KAI),
}


def family(face: str) -> tuple[str, str, str]:
    """(family, weight, fallback stack) of a face key; a face a style adds gets its own family."""
    return FAMILIES.get(face, (f"Edition {face}", "normal", SERIF))


def font_file(face: str) -> str:
    """`fonts/serif-bold.woff2`: the package path of a face's subset."""
    return "fonts/" + re.sub(r"[^a-z0-9]+", "-", face.lower()).strip("-") + ".woff2"


def _role_of(node: Element, inherited: str) -> str:
    classes = dict(node.attrs).get("class", "").split()
    for rule in RULES:
        if node.tag == rule.tag and (not rule.css_class or rule.css_class in classes):
            return rule.role
    return inherited


def face_texts(style: HouseStyle, roots: list[Element]) -> dict[str, str]:
    """Face key → every character set in that face in the `<body>`s under `roots`."""
    out: dict[str, list[str]] = {}

    def walk(node: Element, role: str) -> None:
        role = _role_of(node, role)
        for child in node.children:
            if isinstance(child, str):
                out.setdefault(style.role(role).face, []).append(child)
            elif child.tag != "head":
                walk(child, role)

    for root in roots:
        walk(root, BODY_ROLE)
    return {face: "".join(parts) for face, parts in out.items()}


def role_css(style: HouseStyle, embedded: set[str], scope: str = "") -> str:
    """font-family and weight of every role; the edition's own family first where embedded.
    With a `scope` (the web edition's `article`), the rules hold inside it only, and the
    body role is the scope's own face (the page around an article keeps the phone's)."""
    rules = []
    for selector, role in [("html", BODY_ROLE), *((r.selector, r.role) for r in RULES)]:
        if scope:
            selector = scope if selector == "html" else f"{scope} {selector}"
        face = style.role(role).face
        name, weight, stack = family(face)
        families = f'"{name}", {stack}' if face in embedded else stack
        rules.append(f"{selector} {{\n  font-family: {families};\n  font-weight: {weight};\n}}\n")
    return "\n".join(rules)


def embedded_faces(style: HouseStyle, trees: list[Element]) -> tuple[fonts.EmbeddedFont, ...]:
    """A WOFF2 subset of each face the trees' text is set in, of exactly its characters,
    the house families first (the EPUB's and the web edition's fonts alike)."""
    from layout.fonts import font_set

    paths = font_set(style).paths
    texts = face_texts(style, trees)
    order = [*FAMILIES, *sorted(set(texts) - set(FAMILIES))]
    out = []
    for face in (f for f in order if f in texts and texts[f].strip()):
        name, weight, _stack = family(face)
        out.append(fonts.EmbeddedFont(font_file(face), name, weight,
                                      fonts.woff2_subset(paths[face], texts[face])))
    return tuple(out)


def embedded_keys(style: HouseStyle, embedded: tuple[fonts.EmbeddedFont, ...]) -> set[str]:
    """The house style's face keys whose file is among `embedded`."""
    hrefs = {f.href for f in embedded}
    return {k for k in style.faces if font_file(k) in hrefs}
