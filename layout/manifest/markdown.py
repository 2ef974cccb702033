"""Markdown in an article's body, read as a newspaper prints it.

Reporters write bodies in Markdown or paste them from web editors, so a body
may hold more than paragraphs and `## ` 小标题: emphasis, links, lists,
quotes, headings of other levels, inline HTML, tables and images. A newspaper
column has one face and no hyperlinks, so each construct becomes what the page
can carry, and nothing the reader should see is dropped:

| in the body | on the page | said |
|---|---|---|
| `**重点**`, `*斜体*`, `` `代码` `` | the words, in the body face | warned once per article |
| `[文字](https://…)` | 文字（https://…） — the address is copy | warned |
| `<https://…>` | the address | — |
| `# …` to `###### …` | a 小标题 (`## ` is the documented form) | — |
| `> …` | its paragraphs as body paragraphs | warned |
| `1. …`, `- …` | a paragraph per item, keeping `1.`, dropping bullets | — |
| `<span>…</span>` | the text, tags dropped | warned |
| a table, `![](…)` | an error at its line: write it out, or make it a photo | error |

A body without any of these never reaches the parser (`needs_markdown`), so
plain copy is read exactly as before. Parsing is markdown-it-py (CommonMark
plus tables, already installed with typer's `rich`); indented code blocks and
setext headings are off, because copy indented with spaces or followed by a
`---` line is prose. CommonMark does not close `**` next to CJK punctuation
(`文字**“近日”**文字`), so paired markers it left as text are removed the same way.
"""
from __future__ import annotations

import re
from pathlib import Path

from layout.errors import Diagnostics, InputError
from layout.i18n import _
from layout.manifest.text import join_lines
from layout.model import Paragraph, ParagraphKind

# anything markdown-it reads as more than paragraphs and `## ` lines standing alone
_MARKUP = re.compile(
    r"\*\*|__|(?<!\*)\*(?=\S)[^*\n]*?(?<=\S)\*|`|\[[^\]\n]*\]\(|<[A-Za-z/!]"
    r"|\\[\\`*_{}\[\]()#+\-.!|<>&~]"
    r"|^ {0,3}(?:[-+*]|\d{1,9}[.)]|>)(?:[ \t]|$)|^ {0,3}\|"
    r"|^ {0,3}(?!## )#{1,6}(?:[ \t]|$)|^ {0,3}## .*\n[ \t]*\S", re.M)
_LEFT_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")

# what is said once per article, at the first line where it happens
WARNINGS = {
    "emphasis": lambda: _("emphasis (**…**, *…*) and code marks are not printed in a newspaper "
                          "column: the words are set in the body face"),
    "link": lambda: _("a link is printed as its text and its address in brackets "
                      "(文字（https://…）)"),
    "quote": lambda: _("a quotation block (> …) is set as ordinary body paragraphs"),
    "html": lambda: _("HTML tags in the body are not printed; their text is kept"),
}


def needs_markdown(body: str) -> bool:
    """Whether the body holds any Markdown beyond paragraphs and `## ` 小标题 lines."""
    return _MARKUP.search(body) is not None


_SPECIAL = re.compile(r"([\\`*_\[\]<>|&#~])")
_LINE_MARK = re.compile(r"^(\s*)(\d{1,9}(?=[.)](?:\s|$))|[-+](?=\s|$))", re.M)


def escape_markdown(text: str) -> str:
    """`text` as a body line of an article file that reads back as exactly `text` (a DOCX
    correction typed as `> 引文`, `1. 条目` or `**` is copy, not markup)."""
    text = _SPECIAL.sub(r"\\\1", text)
    return _LINE_MARK.sub(lambda m: m.group(1) + (m.group(2) + "\\" if m.group(2)[0].isdigit()
                                                  else "\\" + m.group(2)), text)


def _parser():
    from markdown_it import MarkdownIt
    # text_join off: an escaped character stays its own token, never taken for a marker
    return MarkdownIt("commonmark").enable("table").disable(["code", "lheading", "text_join"])


def parse_markdown(body: str, first_line: int, path: Path,
                   diag: Diagnostics | None) -> list[Paragraph]:
    """The body's paragraphs: 正文 and 小标题, the markup turned into what a column prints."""
    said: dict[str, int] = {}
    out: list[Paragraph] = []
    tokens = _parser().parse(body)
    for i, token in enumerate(tokens):
        line = first_line + (token.map[0] if token.map else 0)
        if token.type == "table_open":
            raise InputError(_("a table cannot be set in a newspaper column: write its figures "
                               "out as sentences, or make it a photo (photos:) of the table"),
                             path, line)
        if token.type == "blockquote_open":
            said.setdefault("quote", line)
        elif token.type == "heading_open":
            text = _inline(tokens[i + 1], path, line, said)
            out.append(Paragraph(text, ParagraphKind.SUBHEAD, line))
        elif token.type == "paragraph_open" and tokens[i - 1].type != "heading_open":
            text = _inline(tokens[i + 1], path, line, said)
            item = tokens[i - 1] if i and tokens[i - 1].type == "list_item_open" else None
            if item is not None and item.info:      # an ordered item keeps its number
                text = f"{item.info}{item.markup}{text}"
            if text:
                out.append(Paragraph(text, ParagraphKind.BODY, line))
        elif token.type in ("fence", "html_block"):
            html = token.type == "html_block"
            said.setdefault("html" if html else "emphasis", line)
            text = _strip_tags(token.content) if html else token.content
            top = line if html else line + 1          # a fence's text starts under its ``` line
            out += [Paragraph(t, ParagraphKind.BODY, top + n) for n, t in _blocks(text)]
    _warn(said, path, diag)
    return out


def _blocks(text: str) -> list[tuple[int, str]]:
    """(line offset, paragraph) of a raw block (a fence, an HTML block), split at blank lines."""
    out, block, start = [], [], 0
    for n, line in enumerate(text.split("\n") + [""]):
        if line.strip():
            start = start if block else n
            block.append(line)
        elif block:
            out.append((start, join_lines(block)))
            block = []
    return out


def _strip_tags(text: str) -> str:
    return re.sub(r"<[^>]*>", "", text)


def _inline(token, path: Path, line: int, said: dict[str, int]) -> str:
    """An inline run's printable text: softbreaks joined as lines are, marks dropped."""
    parts, link = [], []
    for child in token.children or ():
        kind = child.type
        if kind == "text":
            parts.append(_paired_strong(child.content, line, said))
        elif kind == "text_special":      # a backslash-escaped character: copy
            parts.append(child.content)
        elif kind in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif kind == "code_inline":
            parts.append(child.content)
            said.setdefault("emphasis", line)
        elif kind in ("strong_open", "em_open"):
            said.setdefault("emphasis", line)
        elif kind == "link_open":
            link.append((child.attrGet("href") or "", len(parts), child.markup == "autolink"))
        elif kind == "link_close" and link:
            href, start, auto = link.pop()
            text = "".join(parts[start:])
            if not auto and href and href != text:
                parts.append(f"（{href}）")
                said.setdefault("link", line)
        elif kind == "html_inline":
            said.setdefault("html", line)
        elif kind == "image":
            raise InputError(_("a picture inside the body cannot be placed: list it under "
                               "photos: in the front matter with its caption and credit"),
                             path, line)
    return join_lines("".join(parts).split("\n"))


def _paired_strong(text: str, line: int, said: dict[str, int]) -> str:
    """Paired `**`/`__` CommonMark left as text beside CJK punctuation, dropped as it would."""
    if _LEFT_STRONG.search(text):
        said.setdefault("emphasis", line)
        return _LEFT_STRONG.sub(r"\2", text)
    return text


def _warn(said: dict[str, int], path: Path, diag: Diagnostics | None) -> None:
    if diag is not None:
        for key, line in sorted(said.items(), key=lambda kv: kv[1]):
            diag.warn(WARNINGS[key](), path, line)
