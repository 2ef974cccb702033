"""The build's loss check reads each output back, article by article (issue 17 Deliver 2, 11.6).

PDF: what was drawn inside each article's block and inside the page's TrimBox;
DOCX: each article's bookmarked parts; EPUB: each article's own document. A
loss is charged to the article that lost it, never pooled over the issue.
"""
from __future__ import annotations

import dataclasses
import re
import shutil
import zipfile
from pathlib import Path

import pytest

from layout.errors import BuildError, Diagnostics
from layout.export import ExportJob
from layout.fonts import font_set
from layout.manifest import load_issue
from layout.model.placed import PlacedText
from layout.options import BuildOptions
from layout.pipeline import build
from layout.preflight.fidelity import check_output, lost_per_article, output_texts
from tests.conftest import SAMPLE


@pytest.fixture(scope="module")
def sample():
    issue = load_issue(SAMPLE, Diagnostics())
    from layout.pages import place_issue

    fonts = font_set(issue.style, "".join(a.all_text() for a in issue.articles()))
    return issue, place_issue(issue, fonts, BuildOptions()).placed


def write(fmt: str, issue, placed, target: Path) -> Path:
    from layout.export import REGISTRY

    REGISTRY[fmt].load()(ExportJob(issue, placed, BuildOptions(formats=(fmt,)), Diagnostics()), target)
    return target


@pytest.mark.parametrize("fmt", ["pdf", "docx", "epub"])
def test_every_article_of_the_sample_is_found_whole_in_its_own_part(sample, tmp_path, fmt):
    issue, placed = sample
    path = write(fmt, issue, placed, tmp_path / f"s.{fmt}")
    texts = output_texts(path, fmt, issue, placed)
    assert set(texts) >= {a.id for a in issue.articles()}
    assert lost_per_article(issue, texts) == {}


def moved(placed, article_id: str, dx: float):
    """The placed issue with the text inside one article's block shifted by `dx` points."""
    page = placed.pages[0]
    region = next(r for r in page.regions if r.article == article_id)

    def inside(item) -> bool:
        return (isinstance(item, PlacedText) and region.x <= item.x < region.x + region.w
                and region.y <= item.y <= region.y + region.h)

    items = tuple(dataclasses.replace(i, x=i.x + dx) if inside(i) else i for i in page.items)
    return dataclasses.replace(placed, pages=(dataclasses.replace(page, items=items),))


def test_text_drawn_past_the_trim_box_is_lost_and_charged_to_its_article_alone(sample, tmp_path):
    issue, placed = sample
    path = write("pdf", issue, moved(placed, "hengji", 3000), tmp_path / "off.pdf")
    lost = lost_per_article(issue, output_texts(path, "pdf", issue, placed))
    hengji = sum(1 for c in next(a for a in issue.articles() if a.id == "hengji").all_text()
                 if not c.isspace())
    # every article shares characters with hengji: a pooled count would charge the last one
    assert lost == {"hengji": hengji}
    with pytest.raises(BuildError, match=f"PDF: article hengji lost {hengji} characters$"):
        check_output(issue, output_texts(path, "pdf", issue, placed), "pdf")


def test_text_drawn_into_another_block_is_lost_to_its_own_article(sample, tmp_path):
    issue, placed = sample
    region = {r.article: r for r in placed.pages[0].regions}
    # yizhen (photo news) moved sideways onto the page, but out of its block
    dx = -region["yizhen"].w if region["yizhen"].x > region["yizhen"].w else region["yizhen"].w
    path = write("pdf", issue, moved(placed, "yizhen", dx), tmp_path / "aside.pdf")
    lost = lost_per_article(issue, output_texts(path, "pdf", issue, placed))
    assert set(lost) == {"yizhen"} and lost["yizhen"] > 0


def _drop_text(path: Path, member: str, pattern: str) -> None:
    """Rewrite one member of a ZIP with the first match of `pattern` in its body removed."""
    with zipfile.ZipFile(path) as z:
        entries = [(i, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w") as z:
        for info, data in entries:
            if info.filename == member:
                head, body = re.split(b"(?=<(?:w:)?body)", data, maxsplit=1)
                data = head + re.sub(pattern.encode(), b"", body, count=1)
            z.writestr(info, data)


def test_a_paragraph_missing_from_the_docx_is_charged_to_its_article(sample, tmp_path):
    issue, placed = sample
    path = write("docx", issue, placed, tmp_path / "s.docx")
    hengji = next(a for a in issue.articles() if a.id == "hengji")
    phrase = hengji.paragraphs[1].text[10:20]
    _drop_text(path, "word/document.xml", phrase)
    assert lost_per_article(issue, output_texts(path, "docx", issue, placed)) == {"hengji": 10}


def test_a_sentence_missing_from_the_epub_is_charged_to_its_article(sample, tmp_path):
    issue, placed = sample
    path = write("epub", issue, placed, tmp_path / "s.epub")
    _drop_text(path, "EPUB/text/p01-a03.xhtml", "物业")
    third = issue.pages[0].articles[2].id
    assert lost_per_article(issue, output_texts(path, "epub", issue, placed)) == {third: 2}


def test_an_over_set_build_warns_per_article_with_what_it_really_lost(tmp_path):
    """--allow-overflow: the warning names the over-set article and the characters the PDF lacks."""
    issue_dir = tmp_path / "long"
    shutil.copytree(SAMPLE, issue_dir)
    wenming = issue_dir / "articles" / "wenming.md"
    head, body = wenming.read_text("utf-8").rsplit("---\n", 1)
    wenming.write_text(head + "---\n" + (body.strip() + "\n\n") * 5, "utf-8")
    diag = Diagnostics()
    report = build(issue_dir, BuildOptions(formats=("pdf",), out_dir=tmp_path / "out",
                                           allow_overflow=True), diag)
    over = {a.id: a.over for a in report.copyfit.articles if a.over}
    assert "wenming" in over
    losses = [str(w) for w in diag.warnings if "lost" in str(w)]
    detail = "; ".join(f"article {aid} lost {n} characters" for aid, n in over.items())
    assert losses == [f"PDF: {detail} (allowed by --allow-overflow; see copyfit.json)"]


def test_the_docx_read_back_is_not_taken_for_a_zip_bomb(sample, tmp_path):
    """An edition of repeated copy deflates over 100×, the import's bomb signal: the loss check
    reads the DOCX the build has just written without it (962,000 characters of a repeated
    phrase failed the build as 'not a DOCX saved by Word'); `layout import` keeps it."""
    from layout.errors import InputError
    from layout.intake.docx import article_texts

    issue, placed = sample
    path = write("docx", issue, placed, tmp_path / "s.docx")
    padded = tmp_path / "padded.docx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(padded, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info.filename))
        dst.writestr("customXml/repeated.xml", "<r>" + "调研组一行先后来到" * 200_000 + "</r>")
    texts = output_texts(padded, "docx", issue, placed)
    assert lost_per_article(issue, texts) == {}
    with pytest.raises(InputError, match="stored size"):
        article_texts(padded, [a.id for a in issue.articles()])
