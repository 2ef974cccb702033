"""Derive the committed TrueType-outline font subsets from system fonts.

reportlab cannot embed CFF-outline fonts, and converting a whole Noto CJK face
takes over a minute, so this script does it once: it subsets Noto Serif CJK SC
and Noto Sans CJK SC (Regular and Bold, face index 2 of Debian's collections)
(and Serif Black, the 标宋-like headline face) and LXGW WenKai Regular and Bold
to GB 2312 ∪ 通用规范汉字表 (8,105) ∪ ASCII ∪ CJK and
general punctuation, converts CFF outlines to quadratic TrueType outlines, and
writes the results next to this file. WenKai is renamed ("Layout Kai"), as its
licence reserves the names "LXGW" and "霞鹜" for unmodified files.

Run: python fonts/build.py [--table CHARS.txt] [FILE ...]  (about two minutes;
needs fonts-noto-cjk, fonts-noto-cjk-extra and fonts-lxgw-wenkai). Characters outside these subsets are
taken from the system fonts at build time (see layout/fonts/fallback.py).
"""
from __future__ import annotations

import argparse
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from layout.fonts.convert import cff_to_glyf, rename  # noqa: E402
NOTO = Path("/usr/share/fonts/opentype/noto")
WENKAI = Path("/usr/share/fonts/truetype/lxgw-wenkai")
SC_INDEX = 2  # Simplified Chinese face of the Noto CJK collections

FACES = {
    "NotoSerifSC-Regular.ttf": (NOTO / "NotoSerifCJK-Regular.ttc", SC_INDEX),
    "NotoSerifSC-Bold.ttf": (NOTO / "NotoSerifCJK-Bold.ttc", SC_INDEX),
    "NotoSansSC-Regular.ttf": (NOTO / "NotoSansCJK-Regular.ttc", SC_INDEX),
    "NotoSansSC-Bold.ttf": (NOTO / "NotoSansCJK-Bold.ttc", SC_INDEX),
    "LayoutKai-Regular.ttf": (WENKAI / "LXGWWenKai-Regular.ttf", None),
    # headline faces (fonts-noto-cjk-extra, fonts-lxgw-wenkai): 标宋 and 楷体 主题
    "NotoSerifSC-Black.ttf": (NOTO / "NotoSerifCJK-Black.ttc", SC_INDEX),
    "LayoutKai-Bold.ttf": (WENKAI / "LXGWWenKai-Bold.ttf", None),
}
FEATURES = ["vert", "vrt2", "halt", "palt", "vhal", "vpal", "kern", "vkrn"]
PUNCT_RANGES = [(0x20, 0x7E), (0xA0, 0xFF), (0x2000, 0x206F), (0x2100, 0x214F),
                (0x2190, 0x21FF), (0x2460, 0x24FF), (0x25A0, 0x25FF), (0x3000, 0x303F),
                (0xFE10, 0xFE1F), (0xFE30, 0xFE4F), (0xFF00, 0xFFEF)]


def charset(table: Path) -> set[int]:
    """GB 2312, the 8,105 characters, ASCII and the punctuation blocks."""
    cps: set[int] = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                cps.add(ord(bytes([hi, lo]).decode("gb2312")))
            except UnicodeDecodeError:
                pass
    cps |= {ord(line.strip()[0]) for line in table.read_text("utf-8").splitlines() if line.strip()}
    for lo, hi in PUNCT_RANGES:
        cps |= set(range(lo, hi + 1))
    return cps


def build_one(out_name: str, cps: set[int]) -> str:
    src, index = FACES[out_name]
    font = TTFont(src, fontNumber=index) if index is not None else TTFont(src)
    opts = subset.Options()
    opts.layout_features = FEATURES
    opts.hinting = False
    opts.name_IDs = ["*"]
    opts.name_languages = ["*"]
    opts.notdef_outline = True
    opts.glyph_names = False
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=cps)
    sub.subset(font)
    if "CFF " in font:
        cff_to_glyf(font)
    if out_name.startswith("LayoutKai"):
        rename(font, "Layout Kai", out_name.removesuffix(".ttf").split("-")[1])
    out = HERE / out_name
    font.save(out)
    return f"{out_name}: {out.stat().st_size / 1e6:.2f} MB, {len(font.getBestCmap())} code points"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--table", type=Path, help="the 8,105 characters, one a line",
                        default=HERE.parent / "tests" / "fixtures" / "data" / "tongyong-guifan-hanzi-8105.txt")
    parser.add_argument("faces", nargs="*", default=sorted(FACES))
    args = parser.parse_args(argv)
    cps = charset(args.table)
    with ProcessPoolExecutor(max_workers=2) as pool:
        for line in pool.map(build_one, args.faces, [cps] * len(args.faces)):
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
