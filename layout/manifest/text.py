"""Cleaning text as it is read: control characters and non-characters out, with a warning."""
from __future__ import annotations

import re
import unicodedata

# C0/C1 controls but tab and newline, lone surrogates, and Unicode non-characters
_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
                  "\U0001fffe\U0001ffff\U0002fffe\U0002ffff\U0003fffe\U0003ffff"
                  "\U0010fffe\U0010ffff\ufeff]")


def strip_bad_chars(text: str) -> tuple[str, list[str]]:
    """Text without control characters and non-characters, and the names of those removed."""
    removed = [f"U+{ord(c):04X}" for c in _BAD.findall(text)]
    return (_BAD.sub("", text), removed) if removed else (text, [])


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)
