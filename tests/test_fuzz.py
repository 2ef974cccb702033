"""Fuzz: generated and mutated issues through `layout build`, in-process.

Hypothesis writes an issue folder — a manifest, front matter, bodies, tiny
photos of odd shapes or corrupt bytes, house-style overrides — then damages
some of its files (a character inserted, a span deleted, a line repeated,
the end cut off) and builds it in one format (sometimes all three). Every
case must end in one of two ways:

- exit 0, every requested output written, and no article's Han characters
  missing from the DOCX and EPUB, nor from the PDF unless copyfit.json says
  the article was over-set (`--allow-overflow`);
- exit 1 with exactly one clean error line — no "internal error", no
  traceback — and the earlier outputs in the output folder byte-identical.

Never exit 70, never past 30 s (a hard alarm), and nothing printed with a raw
control character. The suite runs 300 fixed cases (derandomised, so a landing
never fails on luck); `make fuzz` runs 1,000 new ones and prints the outcomes.
"""
from __future__ import annotations

import collections
import io
import json
import os
import re
import signal
import tempfile
import zipfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, Phase, given, settings, strategies as st
from typer.testing import CliRunner

from layout.cli import app
from tests.conftest import han
from tests.pages.factory import han_alphabet

EXAMPLES = int(os.environ.get("LAYOUT_FUZZ_EXAMPLES", "150"))
RANDOM = bool(os.environ.get("LAYOUT_FUZZ_RANDOM"))
CASE_SECONDS = 30
OUTCOMES: collections.Counter = collections.Counter()
UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")

HAN = han_alphabet()[:600]
PUNCT = "，。、；：？！“”‘’《》（）——……·"
ODD = ["\x1b]0;PWNED\x07", "\u2028", "\u202e", "\x00", "\x85", "\ufeff", "\ue000", "😀",
       "𠅤", "e\u0301", "\t", "\r", "\\", '"', "'", ":", "#", "- ", "&a", "*a", "!!python/none",
       "{", "[", "]", "}", "|", ">", "\\ud800", "\\e", "%", "@", "`", "\n", "\n---\n", " " * 5]
TEXT = st.text(alphabet=HAN + PUNCT + "abcXYZ0123456789 .-%", min_size=0, max_size=30)
ODD_TEXT = st.lists(st.one_of(TEXT, st.sampled_from(ODD)), min_size=1, max_size=4).map("".join)
SOME_TEXT = st.sampled_from([False] * 9 + [True]).flatmap(
    lambda odd: ODD_TEXT if odd and WILD_CASE[0] else TEXT)
WILD = st.one_of(st.none(), st.booleans(), st.integers(-10**25, 10**25),
                 st.floats(allow_nan=True, allow_infinity=True), SOME_TEXT,
                 st.lists(st.integers(0, 9), max_size=3), st.dictionaries(TEXT, TEXT, max_size=2))
NAMES = st.from_regex(r"[a-z][a-z0-9_-]{0,8}", fullmatch=True)
IDS = st.one_of(NAMES, NAMES, NAMES,
                st.sampled_from(["../../x", "/etc/passwd", "a/b", ".x", "-x", "中文", "a" * 70, ""]))


def maybe(strategy, wild=WILD, p_wild: float = 0.05):
    """`strategy`, but a wild value of any type about `p_wild` of the time (in a wild case)."""
    if not WILD_CASE[0]:
        return strategy
    tenths = max(1, round(p_wild * 20))
    return st.sampled_from([False] * (20 - tenths) + [True] * tenths).flatmap(
        lambda wild_one: wild if wild_one else strategy)


WILD_CASE = [True]  # set per example: a clean case has no wild values, odd text or damage


STYLE_VALUES = {
    "page.width": ["297mm", "210mm", "10mm", "-5mm", ".nan", "1e9mm", "abc"],
    "page.height": ["420mm", "297mm", "0", "150mm"],
    "page.margin_top": ["14mm", "0mm", "200mm", ".inf"],
    "page.margin_inner": ["16mm", "2mm", "100mm"],
    "page.bleed": ["3mm", "0", "30mm"],
    "grid.columns": [6, 5, 4, 1, 0, 7, 8, 20, 21, 10**20, "1e20", 2.5],
    "grid.column_chars": [13, 10, 16, 4, 3, 80, 1000, 10**6],
    "grid.gutter_chars": [1, 0, 2, 4, 100],
    "grid.line_pitch": ["14.5pt", "9pt", "12pt", "20pt", "0.1pt", "0", "-1pt"],
    "body.size": ["小五", "五号", "9pt", "初号", "-1", "巨号", 0],
    "roles.title.size": ["一号", "二号", "30pt", "200pt", 0],
    "roles.kicker.face": ["kai", "sans", "comic"],
    "fallback": [["serif", "sans", "kai"], ["serif"], ["nope"], []],
    "punctuation": ["quanjiao", "kaiming", "fancy"],
    "photos.min_ppi": [200, 50, 10, 5000],
    "photos.max_aspect": [10, 2, 3, 50],
    "verse.hanging_indent": [2, 0, 30],
    "briefs.heading_size": ["三号", "小初", 0],
    "briefs.max_chars": [200, 0, 10**6],
    "briefs.separator": ["■", "rule", ""],
    "boxes.frame": ["plain", "double", "dotted", "wavy"],
    "boxes.rule_width": ["0.75pt", "3pt", "50pt"],
    "pdf.pdfx": ["X-4", "X-1a", "X-9"],
    "paper.name": ["铁东新闻", "新闻" * 20, ""],
}


@st.composite
def style_override(draw) -> dict:
    out: dict = {}
    for key in draw(st.lists(st.sampled_from(sorted(STYLE_VALUES)), max_size=3, unique=True)):
        value = draw(maybe(st.sampled_from(STYLE_VALUES[key]), p_wild=0.1))
        node = out
        *parents, leaf = key.split(".")
        for part in parents:
            node = node.setdefault(part, {})
        node[leaf] = value
    return out


@st.composite
def photo_file(draw) -> bytes:
    """A tiny image of an odd shape, mode or format; sometimes damaged."""
    from PIL import Image

    shape = draw(st.sampled_from(["plain", "plain", "plain", "strip", "dot"]
                                 if WILD_CASE[0] else ["print"]))
    if shape == "print":  # enough pixels for a column or two at the house style's ppi
        w, h = draw(st.integers(500, 900)), draw(st.integers(350, 900))
    elif shape == "strip":
        w, h = draw(st.sampled_from([(2, 300), (300, 2), (1, 40), (40, 3)]))
    elif shape == "dot":
        w, h = 1, 1
    else:
        w, h = draw(st.integers(8, 64)), draw(st.integers(8, 64))
    mode = draw(st.sampled_from(["RGB", "RGB", "L", "CMYK", "RGBA", "P", "1", "LA"]))
    fmt = draw(st.sampled_from(["JPEG", "JPEG", "PNG", "PNG", "TIFF", "WEBP"]
                               + ["GIF", "BMP"] * WILD_CASE[0]))
    img = Image.new(mode, (w, h), draw(st.integers(0, 255)) if mode in ("L", "P", "1") else None)
    extra = {"icc_profile": b"garbage" * 30} if draw(st.integers(0, 15)) == 0 and fmt in (
        "JPEG", "PNG") and WILD_CASE[0] else {}
    out = io.BytesIO()
    try:
        img.save(out, format=fmt, **extra)
    except (OSError, ValueError):  # a mode the format cannot hold
        out = io.BytesIO()
        img.convert("RGB").save(out, format=fmt, **extra)
    data = out.getvalue()
    damage = draw(st.sampled_from(["none"] * 8 + ["truncate", "flip", "garbage"]))
    damage = damage if WILD_CASE[0] else "none"
    if damage == "truncate":
        data = data[:draw(st.integers(0, max(0, len(data) - 1)))]
    elif damage == "flip" and data:
        at = draw(st.integers(0, len(data) - 1))
        data = data[:at] + bytes([data[at] ^ 0x5A]) + data[at + 1:]
    elif damage == "garbage":
        data = draw(st.binary(max_size=64))
    return data


@st.composite
def pdf_file(draw) -> bytes:
    """A one-page PDF of some size (in a wild case: no size, two pages, or garbage)."""
    import pikepdf

    shape = draw(st.sampled_from(["ok"] * 6 + ["flat", "pages", "garbage"] * WILD_CASE[0]))
    if shape == "garbage":
        return draw(st.binary(max_size=64))
    pdf = pikepdf.new()
    width, height = (draw(st.integers(100, 600)), draw(st.integers(100, 600)))
    for _n in range(2 if shape == "pages" else 1):
        pdf.add_blank_page(page_size=(width, height))
    if shape == "flat":
        pdf.pages[0].MediaBox = pikepdf.Array([0, 0, width, 0])
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


@st.composite
def ad(draw, aid: str, front: dict) -> tuple[dict, str, list[tuple[str, bytes]]]:
    """An ad's front matter, (empty) body and artwork."""
    pdf = draw(st.booleans())
    name = f"{aid}.pdf" if pdf else f"{aid}.png"
    front["file"] = draw(maybe(st.just(name)))
    front["size"] = draw(maybe(st.sampled_from(["2x20", "3x15", "6x10", "82mm x 60mm", "1x8"]
                                               + ["0x0", "7x20", "abc", "2x900"] * WILD_CASE[0])))
    if draw(st.integers(0, 3)) == 0:
        front["epub"] = draw(maybe(st.booleans()))
    artwork = draw(pdf_file() if pdf else photo_file())
    return front, "", [(f"ads/{name}", artwork)]


@st.composite
def article(draw, aid: str) -> tuple[dict, str, list[tuple[str, bytes]]]:
    """(front matter, body, photos) of one article."""
    kind = draw(st.sampled_from(["story"] * 6 + ["photo", "brief", "poem", "ad"]
                                + ["essay"] * WILD_CASE[0]))
    front: dict = {}
    if kind != "story" or draw(st.booleans()):
        front["kind"] = kind
    if kind not in ("photo", "ad") or draw(st.booleans()):
        phrase = st.text(alphabet=HAN, min_size=2, max_size=9)
        front["title"] = draw(maybe(st.one_of(phrase, st.tuples(phrase, phrase).map("　".join))))
    for key in ("kicker", "subtitle", "byline", "dateline", "teaser"):
        if draw(st.integers(0, 3)) == 0:
            front[key] = draw(maybe(SOME_TEXT))
    if draw(st.integers(0, 5)) == 0:  # issue 12's frames, tints and column logos
        front["box"] = draw(maybe(st.sampled_from([True, "plain", "double", "dotted"])))
    if draw(st.integers(0, 7)) == 0:
        front["tint"] = draw(maybe(st.sampled_from([5, 10, [0, 5, 10, 0]])))
    if draw(st.integers(0, 7)) == 0:
        front["column"] = draw(maybe(st.sampled_from(["铁东时评", "社区故事"])))
    if WILD_CASE[0] and draw(st.integers(0, 12)) == 0:
        front[draw(st.sampled_from(["titel", "photo", "date", "作者"]))] = draw(SOME_TEXT)
    photos = []
    if kind == "ad":  # issue 12's reserved blocks: artwork under ads/, a booked size
        return draw(ad(aid, front))
    if kind == "photo" or (kind != "brief" or WILD_CASE[0]) and draw(st.integers(0, 3)) == 0:
        odd_names = ["../x.jpg", "missing.jpg", "a" * 300, f"{aid}\\0.jpg"] if WILD_CASE[0] else []
        name = draw(st.sampled_from([f"{aid}.jpg", f"{aid}.png"] * 4 + odd_names))
        entry = {"file": name, "caption": draw(maybe(SOME_TEXT)), "credit": "本报记者 王明 摄"}
        front["photos"] = draw(maybe(st.just([entry]), p_wild=0.05))
        photos.append((f"photos/{name}", draw(photo_file())))
    paragraphs = draw(st.lists(st.one_of(
        st.lists(st.one_of(st.text(alphabet=HAN, min_size=1, max_size=25), st.sampled_from(
            ["，", "。", "、", "——", "……", "2025年", "30%", "Vue.js", "https://a.cn/b"])),
            min_size=1, max_size=12).map("".join),
        st.just("## 小标题"), SOME_TEXT,
        st.just("```verse\n床前明月光\n疑是地上霜\n```")), max_size=5))
    return front, "\n\n".join(paragraphs), photos


@st.composite
def edition(draw) -> dict[str, bytes]:
    """The files of an issue folder, path → bytes: a clean case 6 times in 10, else wild."""
    WILD_CASE[0] = draw(st.sampled_from([False] * 6 + [True] * 4))
    files: dict[str, bytes] = {}
    pages = []
    used: set[str] = set()
    for number in range(1, draw(st.integers(1, 2)) + 1):
        entries = []
        for _n in range(draw(st.integers(0 if WILD_CASE[0] else 1, 3))):
            aid = draw((IDS if WILD_CASE[0] else NAMES).filter(lambda i: i not in used))
            used.add(aid)
            hints = {}
            if draw(st.integers(0, 4)) == 0:
                key = draw(st.sampled_from(["columns", "position", "photo_columns",
                                            "headline_size", "at"] + ["colums"] * WILD_CASE[0]))
                good = {"columns": [1, 2, 3, 6], "photo_columns": [1, 2, 3],
                        "position": ["top", "bottom", "left", "right", "top-left",
                                     "bottom-right"],
                        "headline_size": ["一号", "二号", "30pt", "小初"], "colums": [2],
                        "at": [{"column": 1, "row": 40}, {"column": 4, "row": 12}]}[key]
                odd = [7, 0, "middle", "特大", ".inf", -1, {"column": 9, "row": 0}] \
                    if WILD_CASE[0] else []
                hints[key] = draw(maybe(st.sampled_from(good + odd)))
            entries.append({"id": aid, **hints} if hints else aid)
            front, body, photos = draw(article(aid))
            text = "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + \
                "---\n" + body + "\n"
            files[f"articles/{aid}.md"] = text.encode("utf-8", "surrogatepass")
            files.update(dict(photos))
        page = {"number": draw(maybe(st.just(number), p_wild=0.05)), "name": draw(
            maybe(st.sampled_from(["要闻", "社区", "副刊", "民生"]), p_wild=0.05)),
            "articles": entries}
        if draw(st.integers(0, 5)) == 0:
            page["briefs"] = draw(maybe(st.just(True)))
        pages.append(page)
    manifest = {"paper": draw(maybe(st.just("铁东新闻"), p_wild=0.05)),
                "date": draw(maybe(st.sampled_from(["2025-06-18", "2024-02-29"]), p_wild=0.05)),
                "number": draw(maybe(st.integers(1, 9999), p_wild=0.05)), "pages": pages}
    if draw(st.integers(0, 3)) == 0:
        manifest["style"] = draw(style_override())
    files["issue.yaml"] = yaml.safe_dump(manifest, allow_unicode=True, sort_keys=False).encode()
    if WILD_CASE[0]:
        for path in draw(st.lists(st.sampled_from(sorted(files)), max_size=2, unique=True)):
            files[path] = draw(mutated(files[path], path.endswith((".yaml", ".md"))))
    return files


@st.composite
def mutated(draw, data: bytes, text: bool) -> bytes:
    """`data` with one of the damages a file suffers on its way to the newsroom."""
    how = draw(st.sampled_from(["insert", "delete", "repeat", "truncate", "encode"] if text
                               else ["truncate"]))
    if how == "encode":
        codec = draw(st.sampled_from(["gb18030", "utf-16", "utf-16-le", "latin-1"]))
        return data.decode("utf-8", "replace").encode(codec, "replace")
    at = draw(st.integers(0, len(data)))
    if how == "insert":
        return data[:at] + draw(st.sampled_from(ODD)).encode("utf-8", "surrogatepass") + data[at:]
    if how == "delete":
        return data[:at] + data[at + draw(st.integers(1, 20)):]
    if how == "repeat":
        lines = data.split(b"\n")
        i = draw(st.integers(0, len(lines) - 1))
        return b"\n".join(lines[:i + 1] + lines[i:])
    return data[:at]


class Hang(BaseException):
    """A case ran past CASE_SECONDS (BaseException: no `except Exception` may swallow it)."""


def _alarm(_signum, _frame):
    raise Hang()


FORMATS = st.sampled_from([("pdf",)] * 10 + [("docx",), ("epub",), ("pdf", "--proof"),
                                             ("pdf", "--allow-overflow"),
                                             ("pdf,docx,epub", "--allow-overflow")])
EARLIER = b"an earlier good output\n"


@pytest.fixture(scope="module", autouse=True)
def private_cache(tmp_path_factory):
    """Caches of this run in a folder of their own; the outcome counts printed at the end."""
    old = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("fuzz-cache"))
    yield
    if old is None:
        del os.environ["XDG_CACHE_HOME"]
    else:
        os.environ["XDG_CACHE_HOME"] = old
    print("\nfuzz outcomes:", dict(OUTCOMES))


def _write(root: Path, files: dict[str, bytes]) -> None:
    for name, data in files.items():
        path = root / name
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        except (OSError, ValueError):
            pass  # a name the file system cannot take: the build will say so


def _earlier_outputs(out: Path) -> dict[str, bytes]:
    out.mkdir()
    for name in ("issue.pdf", "issue.docx", "issue.epub", "copyfit.json"):
        (out / name).write_bytes(EARLIER + name.encode())
    return {p.name: p.read_bytes() for p in out.iterdir()}


def _run(args: list[str], lang: str):
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(CASE_SECONDS)
    try:
        return CliRunner().invoke(app, args, env={"LAYOUT_LANG": lang})
    except Hang:
        pytest.fail(f"past {CASE_SECONDS} s: layout {' '.join(args)}")
    finally:
        signal.alarm(0)


def _check_nothing_lost(issue: Path, out: Path, formats: str) -> None:
    from layout.errors import Diagnostics
    from layout.manifest import load_issue

    loaded = load_issue(issue, Diagnostics())
    over = set()
    if (out / "copyfit.json").read_bytes()[:len(EARLIER)] != EARLIER:
        over = {a["id"] for a in json.loads((out / "copyfit.json").read_text("utf-8"))["articles"]
                if a["over"]}
    for name in formats.split(","):
        text = _output_text(out / f"issue.{name}", name)
        for a in loaded.articles():
            if name == "pdf" and a.id in over:
                continue
            lost = han(a.all_text()) - han(text)
            assert not lost, f"{name}: article {a.id} lost {''.join(lost.elements())}"


def _output_text(path: Path, name: str) -> str:
    if name == "pdf":
        import pymupdf

        with pymupdf.open(path) as doc:
            return "".join(page.get_text() for page in doc)
    with zipfile.ZipFile(path) as z:
        return "".join(z.read(n).decode("utf-8") for n in z.namelist()
                       if n.endswith((".xml", ".xhtml")) and "nav" not in n)


@settings(max_examples=EXAMPLES, deadline=None, derandomize=not RANDOM, database=None,
          suppress_health_check=list(HealthCheck), print_blob=True,
          phases=[Phase.explicit, Phase.generate])  # no shrinking: a build is too slow for it
@given(files=edition(), format_args=FORMATS, lang=st.sampled_from(["en", "en", "zh"]))
def test_any_issue_builds_whole_or_fails_in_one_clean_line(files, format_args, lang):
    with tempfile.TemporaryDirectory(prefix="fuzz-") as tmp:
        issue, out = Path(tmp) / "issue", Path(tmp) / "out"
        issue.mkdir()
        _write(issue, files)
        earlier = _earlier_outputs(out)
        formats, *flags = format_args
        args = ["build", str(issue), "-o", str(out), "--format", formats, *flags]
        if "epub" in formats and formats != "pdf,docx,epub":
            args.append("--no-epub-fonts")
        result = _run(args, lang)
        printed = result.stdout + result.stderr
        assert result.exit_code in (0, 1), f"exit {result.exit_code}: {printed}"
        assert "Traceback" not in printed and not UNPRINTABLE.search(printed), printed
        if result.exit_code == 0:
            OUTCOMES["built"] += 1
            _check_nothing_lost(issue, out, formats)
            return
        errors = [line for line in result.stderr.splitlines()
                  if line.startswith(("layout: error:", "layout：错误："))]
        assert len(errors) == 1 and "internal error" not in printed, printed
        OUTCOMES["refused: " + _kind_of(errors[0])] += 1
        if os.environ.get("LAYOUT_FUZZ_SHOW"):
            print(errors[0][:300])
        after = {p.name: p.read_bytes() for p in out.iterdir()}
        assert after == earlier, f"a failed build changed earlier outputs: {errors[0]}"


def _kind_of(error: str) -> str:
    """A coarse class of an error line, for the outcome counts."""
    for word in ("style", "YAML", "UTF-8", "photo", "article id", "not found", "copy does not fit",
                 "no font", "unknown key", "date", "title", "leaves the issue", "page"):
        if word in error:
            return word
    return "other"
