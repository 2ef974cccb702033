"""Optional embedded fonts: WOFF2 subsets of the body (宋) and headline (标宋) faces.

Each face is cut down to the characters the edition uses with it: the body
face gets every character of the content documents, the headline face only
the headlines. Layout features are dropped (horizontal Chinese needs none)
and the font's timestamp is kept, so the bytes depend only on the text.
The Apple Books display-options file makes Apple Books use them.
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

FAMILY = "Edition Serif"
APPLE_OPTIONS_PATH = "META-INF/com.apple.ibooks.display-options.xml"
APPLE_OPTIONS = (b'<?xml version="1.0" encoding="utf-8"?>\n'
                 b'<display_options>\n'
                 b'  <platform name="*">\n'
                 b'    <option name="specified-fonts">true</option>\n'
                 b'  </platform>\n'
                 b'</display_options>\n')


@dataclass(frozen=True, slots=True)
class EmbeddedFont:
    href: str        # e.g. fonts/serif.woff2
    weight: str      # CSS font-weight
    data: bytes


def woff2_subset(path: Path, text: str) -> bytes:
    """The font at `path` reduced to the characters of `text`, as WOFF2, cached on disk.

    Making a WOFF2 subset takes about two seconds per face (Brotli at its
    highest quality), so results are kept by font file and character set.
    """
    from layout.cache import cached_bytes

    chars = "".join(sorted({c for c in text if not c.isspace()} | {" ", "\u3000"}))
    return cached_bytes("epub-font", (Path(path), chars), lambda: _make_woff2(path, chars))


def _make_woff2(path: Path, chars: str) -> bytes:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.layout_features = []
    options.hinting = False
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.flavor = "woff2"
    font = TTFont(str(path), recalcTimestamp=False)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes={ord(c) for c in chars})
    subsetter.subset(font)
    out = io.BytesIO()
    font.flavor = "woff2"
    font.save(out)
    return out.getvalue()


def embedded_fonts(body_font: Path, headline_font: Path, body_text: str,
                   headline_text: str) -> tuple[EmbeddedFont, ...]:
    """The two subsets the edition embeds."""
    return (EmbeddedFont("fonts/serif.woff2", "normal", woff2_subset(body_font, body_text)),
            EmbeddedFont("fonts/serif-bold.woff2", "bold",
                         woff2_subset(headline_font, headline_text)))


def font_face_css(fonts: tuple[EmbeddedFont, ...], css_dir_depth: int = 1) -> str:
    """@font-face rules for `fonts`, as seen from the stylesheet's folder."""
    up = "../" * css_dir_depth
    rules = [f'@font-face {{\n  font-family: "{FAMILY}";\n  font-weight: {f.weight};\n'
             f'  font-style: normal;\n  src: url("{up}{f.href}") format("woff2");\n}}\n'
             for f in fonts]
    return "\n".join(rules)
