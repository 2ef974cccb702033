"""Pages placed earlier in this process, placed again only when something they read changed.

`layout watch` builds the edition again after every saved edit, in one
process: an edit to one article changes its page (and a page its jump
continues on), not the others. A page's placing reads its own articles
(with the continuations sent to it), the issue's paper, date, number, house
style and jump setting, the number and names of all pages (the masthead's
今日N版, the 报尾 on the last page), the number of the page after it, the
faces and the build's options — and page 1, whose 导读 lists the other
pages' stories, what the 导读 reads of them (`guide.ranked`, `guide_entries`:
each article's id, kind, headline, teaser, and whether it is a brief there).
`inputs` gathers exactly these; a
page whose inputs equal those of the last time it was placed here is given
that result again (its placed page, fits, continuations and warnings).

Only a process that asks for it keeps pages (`enable()`: `layout watch`); a
one-off build places every page. Nothing is written to disk: one result per
page number, dropped when the page's inputs change. Equality is that of the model's frozen dataclasses,
field by field; the faces are compared by path and file identity (size,
modification time), so a face replaced on disk places the pages anew.
"""
from __future__ import annotations

import os
from typing import Callable

from layout.errors import Diagnostics
from layout.fonts import FontSet
from layout.model import Issue, Page
from layout.options import BuildOptions
from layout.pages.briefs import is_brief

_KEPT: dict[int, tuple[tuple, tuple, list]] = {}    # page number → (inputs, result, warnings)
_ENABLED = [False]
LIMIT = 256         # page numbers kept (an edition has at most a few dozen)


def _faces(fonts: FontSet) -> tuple:
    out = []
    for key, path in sorted(fonts.paths.items()):
        try:
            st = os.stat(path)
            out.append((key, str(path), st.st_size, st.st_mtime_ns, st.st_ino))
        except OSError:
            out.append((key, str(path), None))
    return tuple(out), fonts.fallback


def _guided(issue: Issue) -> tuple:
    """What page 1's 导读 reads of every page's stories."""
    return tuple((p.number, p.briefs, tuple((a.id, a.kind, a.headline, a.teaser, bool(a.photos),
                                             is_brief(a, p, issue.style)) for a in p.articles))
                 for p in issue.pages)


def inputs(issue: Issue, page: Page, later: int | None, fonts: FontSet,
           options: BuildOptions) -> tuple:
    """Everything placing `page` (its continuations among its articles) reads."""
    outline = tuple((p.number, p.name) for p in issue.pages)
    others = _guided(issue) if page.number == 1 else ()
    return (page, later, issue.name, issue.paper, issue.date, issue.number, issue.root,
            issue.jumps, issue.style, outline, others, _faces(fonts), options)


def place(key: Callable[[], tuple], number: int, diag: Diagnostics | None,
          make: Callable[[Diagnostics], tuple]) -> tuple[tuple, bool]:
    """The page's result — kept when its inputs (`key()`) are as they were, else
    `make(diagnostics)` — and whether it was placed anew; the warnings of its placing are
    given to `diag` either way."""
    if not _ENABLED[0]:
        return make(diag), True
    inputs_now, kept = key(), _KEPT.get(number)
    if kept is not None and kept[0] == inputs_now:
        result, warnings, anew = kept[1], kept[2], False
    else:
        local = Diagnostics()
        result, warnings, anew = make(local), local.warnings, True
        if len(_KEPT) >= LIMIT:
            _KEPT.clear()
        _KEPT[number] = (inputs_now, result, list(warnings))
    if diag is not None:
        diag.warnings.extend(warnings)
    return result, anew


def enable(on: bool = True) -> None:
    """Keep placed pages in this process from now on (or stop using them)."""
    _ENABLED[0] = on


def forget() -> None:
    """Drop every page kept."""
    _KEPT.clear()
