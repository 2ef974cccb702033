"""Where a headline or a URL may break on a phone: `<wbr/>` marks in the markup.

Headlines are set with `word-break: keep-all` (no break between two Han
characters) and `text-wrap: balance`, so they break only where this module
allows it:

- at the phrase gap (U+3000), always; each phrase of a two-phrase headline
  is an inline block, so it breaks inside only when it is wider than the
  screen, never to balance the lines;
- never inside a word, a number with its unit (`12类`, `15分钟`), a place or
  a short quotation (the rules of `layout/compose/words.py`, shared with the
  printed headlines);
- inside a phrase only between chunks of whole words of at least
  `MIN_CHUNK` characters, so no line can hold just one or two characters and
  no word is ever split; closing punctuation stays with what precedes it,
  opening punctuation and dashes with what follows.

The chunks are the most even split of the phrase into such runs, so a
phrase too long for the screen breaks near its middle (`优化物业|管理模式`).

URLs get a break opportunity after each `/`, `.`, `?`, `&`, `=`, `-` and `_`
and become links, so the line before a URL is no longer spaced out.
"""
from __future__ import annotations

import re

from layout.export.html.markup import Element, el

MIN_CHUNK = 3
LONG_CHUNK = 6           # a run longer than this is cut again at the words inside compounds
GAP = "\u3000"
CLOSING = set("，。、；：！？）》」』”’〉】〕…·,.;:!?)]}%")
OPENING = set("（《「『“‘〈【〔—([{")
URL = re.compile(r"(?:https?://|www\.)[A-Za-z0-9\-._~:/?#\[\]@!$&'*+,;=%]+")
URL_TRAILING = ".,;:!?'"
URL_BREAK_AFTER = re.compile(r"(?<=[/.?&=\-_])(?=[^/.])")


def words(text: str, fine: bool = False) -> list[str]:
    """`text` cut into words by the headline segmenter of `layout.compose.words` (which
    keeps numbers with their units, places and short quotations whole); with `fine`,
    a word of four or more Han characters also into the dictionary words it is made
    of (物业管理 → 物业 管理), the last resort for a run too long for a phone's line;
    numbers and quotations stay whole."""
    from layout.compose.words import word_bounds

    cuts = (0, *word_bounds(text), len(text))
    out: list[str] = []
    for word in (text[a:b] for a, b in zip(cuts, cuts[1:])):
        splittable = fine and len(word) >= 4 and all("\u3400" <= c <= "\u9fff" for c in word)
        out += _parts(word, _search_words(word)) if splittable else [word]
    return out


def _search_words(word: str) -> list[str]:
    from layout.compose.dictionary import segmenter   # the headline segmenter, in its search mode

    return segmenter(word).cut_for_search(word)


def _parts(word: str, found: list[str]) -> list[str]:
    """`word` as a sequence of shorter dictionary words, longest first; itself if none tiles it."""
    parts, at = [], 0
    candidates = sorted({w for w in found if 2 <= len(w) < len(word)}, key=len, reverse=True)
    while at < len(word):
        part = next((w for w in candidates if word.startswith(w, at)), None)
        if part is None:
            return [word]
        parts.append(part)
        at += len(part)
    return parts


def _units(phrase: str, fine: bool) -> list[str]:
    """Words of `phrase` with punctuation attached to the word it belongs to."""
    units: list[str] = []
    pending = ""
    for word in words(phrase, fine):
        if all(c in OPENING for c in word):
            pending += word
        elif units and not pending and all(c in CLOSING for c in word):
            units[-1] += word
        else:
            units.append(pending + word)
            pending = ""
    if pending and units:
        units[-1] += pending
    elif pending:
        units.append(pending)
    return units


def chunks(phrase: str) -> list[str]:
    """`phrase` split at word boundaries into runs of at least `MIN_CHUNK` characters,
    the longest run as short as it can be; a run longer than `LONG_CHUNK` is split
    again inside its compounds (`优化物业管理模式` → `优化物业` `管理模式`)."""
    out: list[str] = []
    for run in _even_runs(_units(phrase, fine=False)) if phrase else []:
        out += _even_runs(_units(run, fine=True)) if len(run) > LONG_CHUNK else [run]
    return out


def _even_runs(units: list[str], minimum: int = MIN_CHUNK) -> list[str]:
    """`units` joined into runs of at least `minimum` characters, the longest as short
    as it can be, then as many runs as possible; one run when no such split exists."""
    phrase = "".join(units)
    if not units:
        return [phrase] if phrase else []
    ends = [0]
    for unit in units:
        ends.append(ends[-1] + len(unit))
    best: dict[int, tuple[int, int, tuple[int, ...]]] = {0: (0, 0, ())}
    for j in range(1, len(ends)):
        for i in range(j):
            size = ends[j] - ends[i]
            if i in best and size >= minimum:
                longest, count, cuts = best[i]
                option = (max(longest, size), -(count + 1), cuts + (j,))
                if j not in best or option[:2] < best[j][:2]:
                    best[j] = option
    last = len(ends) - 1
    if last not in best:
        return [phrase]
    cuts = (0, *best[last][2])
    return ["".join(units[a:b]) for a, b in zip(cuts, cuts[1:])]


def headline(text: str) -> list[Element | str]:
    """The children of a headline element: each phrase of a multi-phrase headline in a
    `span.phrase` (kept on one line when it fits; `edition.css`), the U+3000 between
    them as it is, and `<wbr/>` between the word runs inside a phrase."""
    phrases = text.split(GAP)
    if len(phrases) == 1:
        return _runs(text)
    out: list[Element | str] = []
    for index, phrase in enumerate(phrases):
        if index:
            out.append(GAP)
        if phrase:
            out.append(el("span", {"class": "phrase"}, *_runs(phrase)))
    return out


def _runs(phrase: str) -> list[Element | str]:
    out: list[Element | str] = []
    for run in chunks(phrase):
        if out:
            out.append(el("wbr"))
        out.append(run)
    return out


def _url_link(url: str) -> Element:
    href = url if "://" in url else "http://" + url
    pieces = URL_BREAK_AFTER.split(url)
    children: list[Element | str] = []
    for k, piece in enumerate(pieces):
        if k:
            children.append(el("wbr"))
        children.append(piece)
    return el("a", {"class": "url", "href": href}, *children)


def linked(text: str) -> list[Element | str]:
    """Running text with every URL made a link that may break after its separators."""
    out: list[Element | str] = []
    at = 0
    for match in URL.finditer(text):
        url = match.group().rstrip(URL_TRAILING)
        out.append(text[at:match.start()])
        out.append(_url_link(url))
        at = match.start() + len(url)
    out.append(text[at:])
    return [c for c in out if c != ""]
