"""Word boundaries of a headline: where a line may break without splitting a word.

Only headlines (and bylines, 小标题) are segmented; body text breaks by
clreq's character rules alone. The segmenter is rjieba (jieba-rs, jieba's
dictionary), given only the dictionary's words that occur in the headline
(`layout.compose.dictionary`: the same words, without building all 349,045
of them in every process). The rules of
`layout/cjk/words.yaml` then join what the segmenter split but a reader reads
as one: a number with its unit or ordinal (12类, 18.6万人次, 第五届, 半个月),
a named place or institution (建设大街, 区政务服务中心), a negation with what
it negates (不透明) and a short quotation (“飞线充电”). They only remove
boundaries, never add one.

`word_bounds(text)` is cached in memory and on disk (`layout.cache`), keyed
by the text, the composer's fingerprint (which covers words.yaml) and the
segmenter's library file, so a rebuild whose headlines were seen before
never imports the segmenter.
"""
from __future__ import annotations

import re
import struct
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from layout.cjk import load_table

WORDS_PATH = Path(__file__).parents[1] / "cjk" / "words.yaml"


@dataclass(frozen=True, slots=True)
class WordRules:
    pause_after: frozenset[str]
    quantity: re.Pattern
    ordinal: str
    numerals: frozenset[str]
    heads: frozenset[str]
    after_tags: frozenset[str]
    suffixes: frozenset[str]
    prefixes: frozenset[str]
    before_tags: frozenset[str]
    quote_pairs: dict[str, str]      # opening mark → closing mark
    max_quoted: int
    max_joined: int
    negations: frozenset[str] = frozenset()
    negation_max: int = 0


@cache
def word_rules() -> WordRules:
    """The compiled rules of words.yaml."""
    data = load_table(WORDS_PATH)
    q, p, quoted, neg = data["quantity"], data["place"], data["quoted"], data["negation"]
    return WordRules(frozenset(data["pause_after"]), _quantity_pattern(q), q["ordinal"],
                     frozenset(q["numerals"]), frozenset(p["heads"]), frozenset(p["after_tags"]),
                     frozenset(p["suffixes"]), frozenset(p["prefixes"]), frozenset(p["before_tags"]),
                     {pair[0]: pair[1] for pair in quoted["pairs"]}, int(quoted["max_inside"]),
                     int(data["max_joined"]), frozenset(neg["words"]), int(neg["max_after"]))


def _quantity_pattern(q: dict) -> re.Pattern:
    digits, numerals = re.escape(q["digits"]), re.escape(q["numerals"])
    number = f"(?:[{digits}]+(?:[{re.escape(q['decimal'])}][{digits}]+)*|[{numerals}]+)"
    units = "|".join(re.escape(u) for u in sorted(q["units"], key=len, reverse=True))
    piece = f"{number}(?:[{re.escape(q['ranges'])}]{number})?(?:{units})*"
    return re.compile(f"(?:{re.escape(q['ordinal'])})?(?:{piece})+")


def _segment(text: str) -> list[tuple[str, str]]:
    """(word, part-of-speech tag) from jieba's dictionary, HMM for unknown words."""
    from layout.compose.dictionary import tag

    return tag(text)


def _raw_bounds(words: list[tuple[str, str]]) -> list[int]:
    out, pos = [], 0
    for word, _tag in words:
        pos += len(word)
        out.append(pos)
    return out


def _quantities(text: str, starts: set[int], rules: WordRules) -> list[tuple[int, int]]:
    """Spans of numbers with their units that begin where a word begins."""
    spans = []
    for m in rules.quantity.finditer(text):
        a, b = m.span()
        if b - a < 2 or a not in starts:
            continue
        chinese = all(c in rules.numerals or c == rules.ordinal for c in text[a:b])
        has_unit_or_ordinal = text[a] == rules.ordinal or not chinese
        if not has_unit_or_ordinal:
            continue        # 一 in 统一, 万 in 千万: not a quantity by itself
        spans.append((a, b))
    return spans


def _han(word: str) -> bool:
    return all("\u3400" <= c <= "\u9fff" or "\U00020000" <= c <= "\U0003134f" for c in word)


def _places(words: list[tuple[str, str]], rules: WordRules) -> list[tuple[int, int]]:
    """Spans of a name with its place word (建设|大街) or one-character kind (丰收|节), and
    of a prefix with its name (区|图书馆)."""
    spans, starts, pos = [], [], 0
    for word, _tag in words:
        starts.append(pos)
        pos += len(word)
    merged_end = {}
    for i in range(1, len(words)):
        (prev, tag), (word, _t) = words[i - 1], words[i]
        head = word in rules.heads and tag in rules.after_tags
        if ((head or word in rules.suffixes) and _han(prev)
                and len(prev) + len(word) <= rules.max_joined):
            spans.append((starts[i - 1], starts[i] + len(word)))
            merged_end[i - 1] = starts[i] + len(word)
    for i in range(len(words) - 1):
        word, _tag = words[i]
        nxt, tag = words[i + 1]
        if word in rules.prefixes and _han(nxt) and tag in rules.before_tags:
            end = merged_end.get(i + 1, starts[i + 1] + len(nxt))
            if end - starts[i] <= rules.max_joined:
                spans.append((starts[i], end))
    return spans


def _negations(words: list[tuple[str, str]], rules: WordRules) -> list[tuple[int, int]]:
    """Spans of a one-character negation with the short word it negates (不|透明)."""
    spans, pos = [], 0
    for (word, _tag), (nxt, _t) in zip(words, words[1:]):
        if word in rules.negations and _han(nxt) and len(nxt) <= rules.negation_max:
            spans.append((pos, pos + 1 + len(nxt)))
        pos += len(word)
    return spans


def _quotations(text: str, rules: WordRules) -> list[tuple[int, int]]:
    """Spans of short quotations and titles, marks included (“飞线充电”, 《民法典》)."""
    spans = []
    for a, char in enumerate(text):
        close = rules.quote_pairs.get(char)
        if close is None:
            continue
        b = text.find(close, a + 1)
        if 0 < b - a - 1 <= rules.max_quoted:
            spans.append((a, b + 1))
    return spans


def bounds_of(text: str, words: list[tuple[str, str]]) -> tuple[int, ...]:
    """Positions 0 < p < len(text) between words, after the joining rules."""
    rules = word_rules()
    bounds = set(_raw_bounds(words))
    starts = {0} | bounds
    joined = _quantities(text, starts, rules) + _places(words, rules) + _negations(words, rules)
    for a, b in joined + _quotations(text, rules):
        bounds -= set(range(a + 1, b))
    return tuple(sorted(p for p in bounds if 0 < p < len(text)))


@lru_cache(maxsize=4096)
def word_bounds(text: str) -> tuple[int, ...]:
    """Positions where words meet in `text` (cached in memory and on disk)."""
    if len(text) < 2:
        return ()
    from layout.cache import cached
    from layout.compose.remember import fingerprint

    return cached("words", (fingerprint(), _segmenter_key(), text),
                  lambda: _pack(bounds_of(text, _segment(text))), _unpack)


def _pack(bounds: tuple[int, ...]) -> bytes:
    return struct.pack(f"<{len(bounds)}I", *bounds)


def _unpack(raw: bytes) -> tuple[int, ...]:
    return struct.unpack(f"<{len(raw) // 4}I", raw)


@cache
def _segmenter_file() -> Path | str:
    """The segmenter's installed package folder (its dictionary is compiled in), for cache keys."""
    from importlib.util import find_spec

    spec = find_spec("rjieba")
    if spec is None or not spec.origin:
        return "rjieba-missing"
    folder = Path(spec.origin).parent
    return next(iter(sorted(folder.glob("*.so"))), Path(spec.origin))


@cache
def _segmenter_key() -> str:
    """`_segmenter_file()` as a cache key's part: its resolved path and content hash, found
    once a process rather than for every text (a path in a key is resolved and hashed)."""
    from layout.cache import content_hash

    found = _segmenter_file()
    return found if isinstance(found, str) else f"{found.resolve()}#{content_hash(found)}"


def pause_after(char: str) -> bool:
    """Whether a break after `char` falls at a pause (，、：… and the like)."""
    return char in word_rules().pause_after
