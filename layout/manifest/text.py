"""Reading text as it comes in: UTF-8 only (other encodings named, with the command that
converts them), control characters and non-characters out with a warning, NFC."""
from __future__ import annotations

import re
import shlex
import unicodedata
from pathlib import Path

from layout.errors import Diagnostics, InputError
from layout.i18n import _

# C0/C1 controls but tab and newline, lone surrogates, and Unicode non-characters
_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
                  "\U0001fffe\U0001ffff\U0002fffe\U0002ffff\U0003fffe\U0003ffff"
                  "\U0010fffe\U0010ffff\ufeff]")
_CJK = re.compile(r"[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef\U00020000-\U0003ffff]")
MAX_TEXT_BYTES = 2_000_000  # an article or manifest larger than this is not copy


def strip_bad_chars(text: str) -> tuple[str, list[str]]:
    """Text without control characters and non-characters, and the names of those removed."""
    removed = [f"U+{ord(c):04X}" for c in _BAD.findall(text)]
    return (_BAD.sub("", text), removed) if removed else (text, [])


def removed_message(removed: list[str]) -> str:
    return _("removed {count} control or non-characters ({chars})").format(
        count=len(removed), chars=", ".join(removed[:5]))


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def join_lines(lines: list[str]) -> str:
    """Join a paragraph's lines: nothing between CJK characters, a space between Latin words."""
    out = ""
    for line in (ln.strip() for ln in lines):
        if out and line and not (_CJK.match(out[-1]) or _CJK.match(line[0])):
            out += " "
        out += line
    return out


def _plausible_utf16(data: bytes, codec: str) -> bool:
    """Whether `data` reads as text lines in `codec` (mostly Chinese, ASCII and punctuation)."""
    try:
        text = data[:4096 - 4096 % 2].decode(codec)
    except UnicodeDecodeError:
        return False
    good = sum(1 for c in text if c in "\n\r\t" or " " <= c <= "~" or "\u3000" <= c <= "\u9fff"
               or "\uff00" <= c <= "\uffef" or "\u2000" <= c <= "\u206f")
    return "\n" in text and good >= 0.95 * len(text)


def _likely_encoding(data: bytes) -> str | None:
    """The encoding a non-UTF-8 text file is most likely in, as iconv names it."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return "UTF-16"
    for codec, name in (("utf-16-le", "UTF-16LE"), ("utf-16-be", "UTF-16BE")):
        if _plausible_utf16(data, codec):
            return name
    for name in ("GB18030", "BIG5"):  # Big5 is tried second: most of it also reads as GB18030
        try:
            data.decode(name)
            return name
        except UnicodeDecodeError:
            continue
    return None


def not_utf8(path: Path, data: bytes, offset: int) -> InputError:
    """The error for a file that is not UTF-8, naming its likely encoding and the fix."""
    encoding = _likely_encoding(data)
    if encoding is None:
        return InputError(_("not UTF-8 text (byte {offset}); save the file as UTF-8").format(
            offset=offset), path)
    quoted = shlex.quote(str(path))
    fixed = shlex.quote(f"{path}.utf8")
    command = f"iconv -f {encoding} -t UTF-8 {quoted} > {fixed} && mv {fixed} {quoted}"
    return InputError(_("not UTF-8 text but probably {encoding}; convert it: {command}").format(
        encoding=encoding, command=command), path)


def read_text(path: Path, diag: Diagnostics | None = None, limit: int = MAX_TEXT_BYTES) -> str:
    """A UTF-8 text file (a BOM dropped, line ends made \\n), its bad characters removed with
    a warning; anything else is an InputError naming the file and what to do. A file over
    `limit` bytes is refused (raw copy for `layout import` may be larger than an article)."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise InputError(_("the file is {size:,} bytes, more than the {limit:,} a manifest "
                               "or article may have; is this the right file?").format(
                                   size=size, limit=limit), path)
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(_("cannot read the file ({reason})").format(
            reason=exc.strerror or exc), path) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise not_utf8(path, data, exc.start) from None
    if text.count("\x00") > len(text) // 4:  # ASCII-only UTF-16 decodes as UTF-8 with NULs
        raise not_utf8(path, data, text.index("\x00"))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Unicode's line and paragraph separators (Word and web copy) are line ends, as YAML reads them
    text, removed = strip_bad_chars(text.replace("\u2028", "\n").replace("\u2029", "\n\n"))
    if removed and diag is not None:
        diag.warn(removed_message(removed), path)
    return text


def clean_strings(data, path: Path, diag: Diagnostics, line: int | None = None):
    """`data` (parsed YAML) with bad characters removed from every string, each removal
    warned about with its line: YAML escapes such as "\\e" or "\\ud800" get past `read_text`."""
    if isinstance(data, str):
        text, removed = strip_bad_chars(data)
        if removed:
            diag.warn(removed_message(removed), path, line)
        return nfc(text)
    if isinstance(data, dict):
        lines = getattr(data, "lines", {})
        for key in list(data):
            data[key] = clean_strings(data[key], path, diag, lines.get(key, line))
        return data
    if isinstance(data, list):
        lines = getattr(data, "lines", [])
        for i, value in enumerate(data):
            data[i] = clean_strings(value, path, diag, lines[i] if i < len(lines) else line)
        return data
    return data
