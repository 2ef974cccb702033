"""Verse: poems and fenced verse set line by line, stanzas kept, long lines hung; DOCX and
EPUB keep the lines."""
from __future__ import annotations

import shutil
import zipfile

import docx
import pytest
from hypothesis import given, settings, strategies as st

from layout.compose.verse import set_verse_line
from layout.errors import Diagnostics
from layout.fonts import font_set
from layout.manifest import load_issue
from layout.model import ArticleKind, ParagraphKind
from layout.model.placed import PlacedText
from layout.options import BuildOptions
from layout.pages import place_issue
from layout.style import default_style
from tests.conftest import REPO
from tests.edition.test_edition_cli import layout

WHOLE = REPO / "tests" / "fixtures" / "editions" / "whole"
HAN = "天还没亮透早点铺的蒸笼先醒了一团白气把整条街都叫公交车轻靠站又开走"
MARKS = "，。、；：？！"
SIZE, MEASURE, HANG = 9.0, 117.0, 2.0


@pytest.fixture(scope="module")
def fonts():
    return font_set(default_style())


@pytest.fixture(scope="module")
def whole():
    issue = load_issue(WHOLE, Diagnostics())
    placed = place_issue(issue, font_set(issue.style), BuildOptions()).placed
    return issue, placed


def article(issue, aid):
    return next(a for a in issue.articles() if a.id == aid)


def test_a_short_line_of_verse_is_one_flush_left_line(fonts):
    lines = set_verse_line("天还没亮透", "kai", SIZE, MEASURE, HANG, fonts)
    assert len(lines) == 1 and lines[0].glyphs[0].x == 0
    assert lines[0].spacing == 0 and abs(lines[0].width - 5 * SIZE) < 0.01


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=HAN + MARKS, min_size=1, max_size=60).filter(
    lambda t: t[0] not in MARKS))
def test_a_long_line_wraps_under_the_hanging_indent_and_keeps_every_character(fonts, text):
    lines = set_verse_line(text, "kai", SIZE, MEASURE, HANG, fonts)
    assert "".join(l.text for l in lines) == text
    assert lines[0].glyphs[0].x == pytest.approx(0, abs=0.01) or lines[0].glyphs[0].char in "“（"
    for line in lines[1:]:
        assert line.glyphs[0].x >= HANG * SIZE - 0.01 - SIZE / 2
    for line in lines:
        assert line.width <= MEASURE + 0.01
        assert line.spacing == 0, "verse is never justified"


def test_a_poem_keeps_its_stanzas_lines_and_subheads(whole):
    issue, _ = whole
    poem = article(issue, "zaochen")
    assert poem.kind is ArticleKind.POEM
    kinds = [p.kind for p in poem.paragraphs]
    assert kinds == [ParagraphKind.VERSE] * 2 + [ParagraphKind.SUBHEAD] + [ParagraphKind.VERSE] * 2
    assert poem.paragraphs[0].text.split("\n") == ["天还没亮透", "早点铺的蒸笼先醒了",
                                                   "一团一团的白气", "把整条街都叫醒"]
    assert poem.paragraphs[2].text == "二"


def test_a_fenced_verse_section_in_a_story_is_verse_and_the_rest_prose(whole):
    issue, _ = whole
    story = article(issue, "zaoshi")
    kinds = [p.kind for p in story.paragraphs]
    assert kinds.count(ParagraphKind.VERSE) == 1
    verse = next(p for p in story.paragraphs if p.kind is ParagraphKind.VERSE)
    assert verse.text.split("\n")[0] == "豆腐嘞——" and len(verse.text.split("\n")) == 4
    assert not any("```" in p.text for p in story.paragraphs)


def verse_rows(placed, issue, aid):
    """The poem's verse lines on the page: (x, y, text), in reading order."""
    poem = article(issue, aid)
    lines = [l for p in poem.paragraphs if p.kind is ParagraphKind.VERSE for l in p.text.split("\n")]
    page = next(p for p in placed.pages if any(b.title == poem.headline.title for b in p.bookmarks))
    runs = [t for t in page.items if isinstance(t, PlacedText) and t.face == "kai"
            and t.role == "body"]
    return lines, runs


def test_on_the_page_every_verse_line_starts_a_row_and_stanzas_are_apart(whole):
    issue, placed = whole
    lines, runs = verse_rows(placed, issue, "zaochen")
    for line in lines:
        assert any(line.startswith(r.text) for r in runs), line
    long = next(l for l in lines if len(l) > 20)
    pieces = [r for r in runs if r.text in long]
    left = [r.x + r.xs[0] for r in pieces]
    size = issue.style.role("verse").size
    assert size != issue.style.body_size, "verse in its own size, as a 副刊 sets it"
    assert all(r.size == size for r in pieces)
    assert len(pieces) >= 2 and left[1] == pytest.approx(left[0] + HANG * size), "hanging indent"


def test_stanzas_are_a_blank_row_apart_and_a_wrapped_line_stays_together(whole, fonts):
    from layout.pages.body import Body

    issue, _ = whole
    body = Body(article(issue, "zaochen"), issue.style, fonts)
    starts = {}
    for group in body.groups:
        kinds = [r.kind for r in group.rows]
        texts = [r.line.text if r.line else "" for r in group.rows]
        if "verse" in kinds:
            starts[texts[kinds.index("verse")]] = kinds
    assert starts["公交车轻轻靠站"][0] == "space"         # a new stanza
    assert starts["又轻轻开走"] == ["verse"]              # inside a stanza
    wrapped = next(kinds for text, kinds in starts.items()
                   if text.startswith("车窗里的人们睡眼惺忪"))   # wraps, kept together
    assert len(wrapped) >= 3 and set(wrapped) == {"verse"}


def test_docx_and_epub_keep_the_lines(tmp_path):
    out = tmp_path / "out"
    result = layout("build", str(WHOLE), "-o", str(out), "--format", "docx,epub")
    assert result.returncode == 0, result.stderr
    stanzas = [p for p in docx.Document(str(out / "whole.docx")).paragraphs if p.style.name == "诗行"]
    assert ["天还没亮透", "早点铺的蒸笼先醒了", "一团一团的白气", "把整条街都叫醒"] in \
        [p.text.split("\n") for p in stanzas]
    assert any(p.text.startswith("豆腐嘞——\n") for p in stanzas)
    with zipfile.ZipFile(out / "whole.epub") as z:
        pages = "".join(z.read(n).decode() for n in z.namelist() if n.endswith(".xhtml"))
    assert '<p class="verse"><span class="line">天还没亮透</span><span class="line">' in pages


def test_an_unclosed_verse_fence_is_one_line_naming_its_line(tmp_path):
    issue = tmp_path / "whole"
    shutil.copytree(WHOLE, issue)
    story = issue / "articles" / "zaoshi.md"
    text = story.read_text("utf-8").replace("又白又嫩不掺假，\n回家下锅香一家嘞——\n```", "")
    story.write_text(text, "utf-8")
    line = text.split("\n").index("```verse") + 1
    result = layout("build", str(issue), "-o", str(tmp_path / "out"), "--format", "docx")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"zaoshi.md:{line}:" in result.stderr and "```" in result.stderr


def test_a_misspelt_kind_names_the_kinds(tmp_path):
    issue = tmp_path / "whole"
    shutil.copytree(WHOLE, issue)
    poem = issue / "articles" / "zaochen.md"
    poem.write_text(poem.read_text("utf-8").replace("kind: poem", "kind: peom"), "utf-8")
    result = layout("build", str(issue), "-o", str(tmp_path / "out"), "--format", "docx")
    assert result.returncode == 1 and "poem" in result.stderr and "peom" in result.stderr
