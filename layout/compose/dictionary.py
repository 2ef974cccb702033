"""jieba's words for one headline, without building the whole dictionary in every process.

rjieba builds its dictionary (349,045 words) when it is imported: 0.14-0.2 s of
CPU in every build that meets a headline it has not segmented before. But the
segmentation of a text depends only on the dictionary's words that occur in
the text (its DAG of candidate words, their frequencies, their tags) and on
the sum of all frequencies (each word's probability is its frequency over
that sum). So a headline is segmented by an empty rjieba holding only its own
words, with their frequencies and tags, plus one word no text contains
carrying the rest of the sum: the same words and tags as the full dictionary
(tests/compose/test_dictionary.py compares the two on every line of the
team's copy and on generated text).

The words are read from `layout/cjk/jieba-words.bin`, made from jieba's
`dict.txt` (jieba 0.42.1, MIT licence; the dictionary rjieba compiles in) by
`python -m layout.compose.dictionary PATH/TO/dict.txt`: a header (the sum of
frequencies, the longest word, the first characters, where each one's words end)
(little-endian) and, per first character, zlib-compressed: its words, one a line, a NUL,
and their `freq tag` lines in the same order.
A build reads only the blocks of the characters its headlines hold.

When the file or rjieba's extension cannot be loaded this way, `tag` is
rjieba's own.
"""
from __future__ import annotations

import struct
import sys
import zlib
from array import array
from functools import cache, lru_cache
from pathlib import Path

DATA = Path(__file__).parents[1] / "cjk" / "jieba-words.bin"
MAGIC = b"jieba-words 2\n"
REST = "\ue000\ue001\ue002"      # the word holding the rest of the frequencies (no headline has it)
DAMAGED = (OSError, ValueError, KeyError, struct.error, zlib.error)   # a word list not to be trusted


def tag(text: str) -> list[tuple[str, str]]:
    """(word, part-of-speech tag) as rjieba.tag(text) gives them."""
    return segmenter(text).tag(text)


def segmenter(text: str):
    """A jieba (rjieba's) that segments `text` as the whole dictionary does: an empty one
    holding the words of `text`, or rjieba's own when the word list cannot be read."""
    engine = _engine()
    words = _Words.load()
    found = None
    if engine is not None and words is not None and REST not in text:
        try:
            found = words.within(text)
        except DAMAGED:
            found = None
    if found is None:
        import rjieba

        return rjieba
    jieba = engine.empty()
    present = 0
    for word, (freq, kind) in found.items():
        jieba.add_word(word, freq, kind)
        present += freq
    jieba.add_word(REST, words.total - present, "x")
    return jieba


@cache
def _engine():
    """rjieba's extension class, loaded without its package (whose import builds the whole
    dictionary); None when that cannot be done here."""
    if "rjieba" in sys.modules:
        return sys.modules["rjieba"].Jieba
    try:
        from importlib.machinery import EXTENSION_SUFFIXES, ExtensionFileLoader
        from importlib.util import find_spec, module_from_spec, spec_from_file_location

        spec = find_spec("rjieba")
        folder = Path(spec.origin).parent
        binary = next(p for suffix in EXTENSION_SUFFIXES for p in folder.glob(f"rjieba{suffix}"))
        loader = ExtensionFileLoader("rjieba.rjieba", str(binary))
        module = module_from_spec(spec_from_file_location("rjieba.rjieba", binary, loader=loader))
        loader.exec_module(module)
        return module.Jieba
    except Exception:  # noqa: BLE001 - any other layout of the package: rjieba as it is
        return None


class _Words:
    """The dictionary file: its header read once, each first character's block on demand."""

    def __init__(self, path: Path):
        self.path = path
        with path.open("rb") as handle:
            if handle.read(len(MAGIC)) != MAGIC:
                raise ValueError(f"{path}: not a word list")
            self.total, self.longest, count = struct.unpack("<QII", handle.read(16))
            chars = handle.read(4 * count).decode("utf-32-le")
            ends = array("I", handle.read(4 * (count + 1)))
        if len(chars) != count or len(ends) != count + 1:
            raise ValueError(f"{path}: cut short")
        self.blocks = {char: (ends[k], ends[k + 1]) for k, char in enumerate(chars)}
        self.start = len(MAGIC) + 16 + 8 * count + 4

    @staticmethod
    @cache
    def load() -> "_Words | None":
        try:
            return _Words(DATA)
        except DAMAGED:
            return None

    def within(self, text: str) -> dict[str, tuple[int, str]]:
        """Every dictionary word that occurs in `text`, with its frequency and tag."""
        found = {}
        for a, char in enumerate(text):
            block = self.block(char)
            if block is None:
                continue
            index, entries = block
            for b in range(a + 1, min(len(text), a + self.longest) + 1):
                k = index.get(text[a:b])
                if k is not None:
                    freq, kind = entries[k].split(" ")
                    found[text[a:b]] = (int(freq), kind)
        return found

    @lru_cache(maxsize=4096)
    def block(self, char: str) -> tuple[dict[str, int], list[str]] | None:
        """The words beginning with `char` (word → line number) and their `freq tag` lines:
        split, not parsed, so that a block of thousands of words costs no Python loop."""
        where = self.blocks.get(char)
        if where is None:
            return None
        with self.path.open("rb") as handle:
            handle.seek(self.start + where[0])
            words, entries = zlib.decompress(handle.read(where[1] - where[0])).decode("utf-8").split("\0")
        words, entries = words.split("\n"), entries.split("\n")
        if len(words) != len(entries):
            raise ValueError(f"{self.path}: a block of {char} does not match")
        return dict(zip(words, range(len(words)))), entries


def build(source: Path, target: Path = DATA) -> None:
    """Write the word list from jieba's dict.txt (`word freq tag` lines); a word listed
    twice keeps its last line, as jieba-rs does."""
    words: dict[str, tuple[int, str]] = {}
    for line in source.read_text("utf-8").splitlines():
        parts = line.split()
        if parts:
            words[parts[0]] = (int(parts[1]), parts[2] if len(parts) > 2 else "")
    by_first: dict[str, list[str]] = {}
    for word, (freq, kind) in words.items():
        by_first.setdefault(word[0], []).append((word, f"{freq} {kind}"))
    chars = sorted(by_first)
    body, ends = bytearray(), array("I", [0])
    for char in chars:
        lines = by_first[char]
        block = "\n".join(w for w, _ in lines) + "\0" + "\n".join(e for _, e in lines)
        body += zlib.compress(block.encode("utf-8"), 9)
        ends.append(len(body))
    head = struct.pack("<QII", sum(f for f, _ in words.values()), max(map(len, words)), len(chars))
    target.write_bytes(MAGIC + head + "".join(chars).encode("utf-32-le") + ends.tobytes() + bytes(body))


if __name__ == "__main__":
    build(Path(sys.argv[1]))
