"""Jumps (转版): a lead far too long for page 1 continues on page 2, nothing lost — on jump2
(a lead of some 5,000 characters) and longjump (over 6,000 beside two small items)."""
from __future__ import annotations

import collections
import dataclasses
import json
import shutil
import zipfile

import docx
import pymupdf
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from layout.errors import Diagnostics
from layout.fonts import font_set
from layout.manifest import load_issue
from layout.model import Article, Headline, Page, Paragraph, ParagraphKind
from layout.options import BuildOptions
from layout.pages import place_issue
from layout.pages.jumps import SENTENCE_END, Split, continuation, first_part, split_points
from tests.conftest import REPO
from tests.edition.test_edition_cli import edit, layout

EDITIONS = REPO / "tests" / "fixtures" / "editions"
JUMP2 = EDITIONS / "jump2"
LEAD = "chanye"


@pytest.fixture(scope="module", params=["jump2", "longjump"])
def jumped(request) -> str:
    """An edition whose page 1 lead jumps to page 2 with `jumps: auto`."""
    return request.param


@pytest.fixture(scope="module")
def built(jumped, tmp_path_factory):
    """The build's outputs, without --allow-overflow: OUT/<edition> (add .pdf, .docx …)."""
    out = tmp_path_factory.mktemp(jumped)
    result = layout("build", str(EDITIONS / jumped), "-o", str(out))
    assert result.returncode == 0, result.stderr
    return out / jumped


@pytest.fixture(scope="module")
def placed(jumped):
    issue = load_issue(EDITIONS / jumped, Diagnostics())
    return issue, place_issue(issue, font_set(issue.style), BuildOptions())


def lead(issue) -> Article:
    """The lead that jumps: page 1's first article."""
    return issue.pages[0].articles[0]


def test_without_jumps_the_lead_is_far_too_long_for_page_one(tmp_path):
    issue = tmp_path / "jump2"
    shutil.copytree(JUMP2, issue)
    edit(issue / "issue.yaml", "\njumps: auto\n", "\n")
    result = layout("build", str(issue), "-o", str(tmp_path / "out"), "--format", "pdf")
    assert result.returncode == 1 and LEAD in result.stderr


def test_page_one_ends_the_lead_with_its_jump_and_page_two_picks_it_up(built, placed):
    issue, _ = placed
    with pymupdf.open(built.with_suffix(".pdf")) as pdf:
        first, second = (page.get_text() for page in pdf)
    assert "（下转第2版）" in first and "上接" not in first
    assert "（上接第1版）" in second and "下转" not in second
    assert lead(issue).continued_title.replace("\u3000", "") in second.replace("\u3000", "").replace(" ", "")


def test_no_character_of_the_lead_is_lost_and_both_pages_are_filled(built, placed):
    issue, result = placed
    fits = json.loads((built.parent / "copyfit.json").read_text("utf-8"))
    row = next(a for a in fits["articles"] if a["id"] == lead(issue).id)
    assert row["over"] == 0 and row["set"] == row["chars"]
    assert all(p["filled"] >= 0.9 for p in fits["pages"]), fits["pages"]
    # from the outside: the lead's characters read back from the PDF, in its two blocks
    found = collections.Counter()
    with pymupdf.open(built.with_suffix(".pdf")) as pdf:
        for page, placed_page in zip(pdf, result.placed.pages):
            trim = page.trimbox
            for region in (r for r in placed_page.regions if r.article == lead(issue).id):
                clip = pymupdf.Rect(trim.x0 + region.x, trim.y0 + region.y,
                                    trim.x0 + region.x + region.w, trim.y0 + region.y + region.h)
                found.update(c for c in page.get_text(clip=clip) if not c.isspace())
    need = collections.Counter(c for c in lead(issue).all_text() if not c.isspace())
    assert not need - found
    assert sum(1 for p in result.placed.pages for r in p.regions if r.article == lead(issue).id) == 2


def test_the_cut_falls_at_a_sentence_end_and_leaves_no_short_part(placed):
    issue, result = placed
    page_two = result.placed.pages[1]
    first_text = "".join(t.text for t in result.placed.pages[0].items
                         if getattr(t, "role", "") == "body" and any(
                             r.article == lead(issue).id and r.x - 1 <= t.x <= r.x + r.w and r.y <= t.y <= r.y + r.h
                             for r in result.placed.pages[0].regions))
    assert SENTENCE_END.search(first_text[-3:]), first_text[-20:]
    rows = [r for r in page_two.regions if r.article == lead(issue).id][0]
    assert rows.h >= issue.style.edition.jump_min_lines * issue.style.line_pitch


def test_docx_and_epub_keep_the_article_whole(built, placed):
    issue, _ = placed
    text = "\n".join(p.text for p in docx.Document(str(built.with_suffix(".docx"))).paragraphs)
    assert "下转" not in text and "上接" not in text
    assert all(p.text in text for p in lead(issue).paragraphs)
    with zipfile.ZipFile(built.with_suffix(".epub")) as z:
        docs = [z.read(n).decode() for n in z.namelist() if n.endswith(".xhtml")]
    body = [p.text for p in lead(issue).paragraphs if p.kind is ParagraphKind.BODY]
    holding = [d for d in docs if body[-1][:20] in d]
    assert len(holding) == 1 and all(p[:20] in holding[0] for p in body)
    assert "下转" not in "".join(docs)


def placed_page_texts(folder) -> list[str]:
    issue = load_issue(folder, Diagnostics())
    result = place_issue(issue, font_set(issue.style), BuildOptions())
    return ["".join(getattr(i, "text", "") for i in page.items) for page in result.placed.pages]


def test_continue_on_the_entry_asks_for_the_jump(tmp_path):
    issue = tmp_path / "jump2"
    shutil.copytree(JUMP2, issue)
    edit(issue / "issue.yaml", "\njumps: auto\n", "\n")
    edit(issue / "issue.yaml", "articles: [chanye,", "articles: [{id: chanye, continue: 2},")
    first, second = placed_page_texts(issue)
    assert "（下转第2版）" in first and "（上接第1版）" in second


def test_split_points_are_paragraph_and_sentence_ends_never_after_a_subhead():
    article = Article("a", Headline("标题"), (
        Paragraph("第一句话。第二句话！第三句话？尾巴"),
        Paragraph("小标题", ParagraphKind.SUBHEAD),
        Paragraph("第四句话。第五句话。")))
    splits = split_points(article, 0)
    assert Split(0, 5) in splits and Split(0, 10) in splits and Split(1) in splits
    assert Split(2) not in splits, "a subhead never ends a part"
    assert all(s.chars == 0 or article.paragraphs[s.paragraphs].text[s.chars - 1] in "。！？"
               for s in splits)
    one, two = first_part(article, Split(0, 5), 2), continuation(article, Split(0, 5), 1, 22)
    assert one.paragraphs[0].text + two.paragraphs[0].text == article.paragraphs[0].text
    assert two.paragraphs[0].continued and two.jump_from == 1 and one.jump_to == 2
    total = sum(len(p.text) for p in article.paragraphs)
    assert split_points(article, 12) == [s for s in splits if 12 <= _before(article, s) <= total - 12]
    assert split_points(article, 12) == [Split(0, 15), Split(1)]


def _before(article, split):
    text = "".join(p.text for p in article.paragraphs[:split.paragraphs])
    return len(text) + split.chars


@pytest.mark.parametrize("old, new, says", [
    ("articles: [chanye,", "articles: [{id: chanye, continue: 1},", "not a later page"),
    ("articles: [chanye,", "articles: [{id: chanye, continue: 7},", "not a later page"),
    ("\njumps: auto", "\njumps: maybe", "auto, off"),
    ("\njumps: auto", "\njump: auto", "did you mean 'jumps'"),
    ("articles: [chanye,", "articles: [{id: chanye, contine: 2},", "did you mean 'continue'"),
])
def test_jump_keys_are_checked(tmp_path, old, new, says):
    issue = tmp_path / "jump2"
    shutil.copytree(JUMP2, issue)
    edit(issue / "issue.yaml", old, new)
    result = layout("build", str(issue), "-o", str(tmp_path / "out"), "--format", "docx")
    assert says in result.stderr and "Traceback" not in result.stderr


def test_a_misspelt_continued_title_is_named(tmp_path):
    issue = tmp_path / "jump2"
    shutil.copytree(JUMP2, issue)
    edit(issue / "articles" / "chanye.md", "continued_title:", "continued_titel:")
    result = layout("build", str(issue), "-o", str(tmp_path / "out"), "--format", "docx")
    assert "did you mean 'continued_title'" in result.stderr


def test_the_jump_lines_follow_the_house_style(tmp_path):
    issue = tmp_path / "jump2"
    shutil.copytree(JUMP2, issue)
    edit(issue / "issue.yaml", "\njumps: auto\n",
         '\njumps: auto\nstyle:\n  jumps:\n    to: "（转第{page}版）"\n    from: "（接第{page}版）"\n')
    first, second = placed_page_texts(issue)
    assert "（转第2版）" in first and "（接第1版）" in second
    edit(issue / "issue.yaml", "（转第{page}版）", "下转")
    result = layout("build", str(issue), "-o", str(tmp_path / "out"), "--format", "docx")
    assert result.returncode == 1 and "{page}" in result.stderr and "issue.yaml:" in result.stderr


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(4500, 7500), st.integers(2, 4), st.integers(1, 3))
def test_a_jumped_story_loses_nothing_and_both_parts_are_placed(lead_chars, first, second):
    from tests.pages.factory import issue_of, story

    issue = issue_of([])
    pages = (Page(1, "要闻", (story(0, lead_chars),) + tuple(story(k, 300) for k in range(1, first))),
             Page(2, "综合", tuple(story(10 + k, 300) for k in range(second))))
    issue = dataclasses.replace(issue, pages=pages, jumps=True)
    result = place_issue(issue, font_set(issue.style), BuildOptions())
    fits = {f.id: f for f in result.copyfit.articles}
    assert fits["a0"].set + fits["a0"].over == fits["a0"].chars   # what is not set is reported
    if any(f.over for f in fits.values()):
        # copy over what two pages hold: over-set goes to as few articles as can take it
        # (the jumped story's tail, or the later page's own), and only when both are full
        assert all(p.filled > 0.98 for p in result.copyfit.pages)
    else:
        assert fits["a0"].set == fits["a0"].chars
    parts = sorted({p.number for p in result.placed.pages for r in p.regions if r.article == "a0"})
    assert parts in ([1], [1, 2])
    if parts == [1, 2]:
        texts = "".join(i.text for i in result.placed.pages[0].items if hasattr(i, "text"))
        assert "下转第2版" in texts


def test_a_jumped_essay_on_a_fukan_keeps_the_essay_width():
    """An essay (no 电头) on a 副刊 (makeup.essay_pages) that jumps is set as essays are, its first
    part makeup.essay_columns to makeup.essay_max_columns wide: the jump's sizers (the
    whole article's and each first part's) were built without the essay preference, and
    a long essay's first part went across the page in six columns (19 rows deep)."""
    import datetime as dt

    from layout.model import Hints, Issue
    from layout.style import default_style
    from tests.pages.factory import story

    style = default_style()
    essay = dataclasses.replace(story(1, 9000), hints=Hints(continue_on=2), dateline="")  # signed prose
    others = tuple(story(n, 700) for n in range(2, 6))
    pages = (Page(1, style.makeup.essay_pages[0], (essay,) + others, "李明"),
             Page(2, "社区", (story(4, 500),), "李明"))
    issue = Issue("t", "铁东新闻", dt.date(2025, 6, 18), pages, style, 2316)
    result = place_issue(issue, font_set(style), BuildOptions(allow_overflow=True))
    first = next(f for f in result.copyfit.articles if f.id == essay.id)   # both parts
    assert style.makeup.essay_columns <= first.columns <= style.makeup.essay_max_columns, first
    continued = [i for i in result.placed.pages[1].items
                 if getattr(i, "article", None) == essay.id and i.role == "jump"]
    assert continued, "the essay jumps: its continuation opens page 2 with 上接第1版"
