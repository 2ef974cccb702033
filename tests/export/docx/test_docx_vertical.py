"""A vertical article (direction: vertical) in the DOCX: across, as written, in the editing
view; in the page view a section of its own whose text runs top to bottom, right to left
(w:textDirection tbRl). Either way a correction made in it comes back into its file."""
from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from layout.errors import Diagnostics
from layout.export import ExportJob
from layout.export.docx import write_docx
from layout.export.docx.anchors import parse_name, ref_for
from layout.intake.docx import import_docx
from layout.manifest import load_issue
from layout.options import BuildOptions

REPO = Path(__file__).resolve().parents[3]
EDITION = REPO / "tests" / "fixtures" / "editions" / "vertical"


@pytest.fixture
def folder(tmp_path) -> Path:
    target = tmp_path / "issue"
    shutil.copytree(EDITION, target)
    return target


def export(folder: Path, target: Path, layout: str) -> Path:
    issue = load_issue(folder, Diagnostics())
    write_docx(ExportJob(issue, None, BuildOptions(docx_layout=layout), Diagnostics()), target)
    return target


def part(document, article_id: str, field: str) -> Paragraph:
    for mark in document.element.body.iter(qn("w:bookmarkStart")):
        anchor = parse_name(mark.get(qn("w:name")))
        if anchor and (anchor.ref, anchor.field) == (ref_for(article_id), field):
            return Paragraph(mark.getparent(), document)
    raise KeyError((article_id, field))


def sections(document) -> list[tuple[list[str], object]]:
    """(the article ids bookmarked in it, its w:sectPr) for each section, in order."""
    out, ids = [], []
    for block in document.element.body.iterchildren():
        for mark in block.iter(qn("w:bookmarkStart")):
            anchor = parse_name(mark.get(qn("w:name")))
            if anchor and anchor.ref not in ids:
                ids.append(anchor.ref)
        sect = block if block.tag == qn("w:sectPr") else block.find(f"{qn('w:pPr')}/{qn('w:sectPr')}")
        if sect is not None:
            out.append((ids, sect))
            ids = []
    return out


def test_the_page_view_gives_the_vertical_article_a_vertical_section(folder, tmp_path):
    document = docx.Document(export(folder, tmp_path / "pages.docx", "pages"))
    found = sections(document)
    direction = [s.find(qn("w:textDirection")) for _ids, s in found]
    vertical = [ids for (ids, _s), d in zip(found, direction) if d is not None]
    assert vertical == [[ref_for("qiuye")]]
    assert all(d.get(qn("w:val")) == "tbRl" for d in direction if d is not None)
    sect = next(s for (ids, s) in found if ids == vertical[0])
    assert sect.find(qn("w:cols")).get(qn("w:num")) == "1"
    others = [ids for (ids, _s), d in zip(found, direction) if d is None]
    assert sum(others, []) and ref_for("qiuye") not in sum(others, [])


def test_the_editing_view_keeps_it_across(folder, tmp_path):
    document = docx.Document(export(folder, tmp_path / "edit.docx", "edit"))
    assert not list(document.element.body.iter(qn("w:textDirection")))
    assert "秋雨下了整整一个下午" in part(document, "qiuye", "p1").text


@pytest.mark.parametrize("layout", ["edit", "pages"])
def test_a_correction_in_the_vertical_article_comes_back(folder, tmp_path, layout):
    path = export(folder, tmp_path / f"{layout}.docx", layout)
    document = docx.Document(path)
    paragraph = part(document, "qiuye", "p2")
    run = next(r for r in paragraph.runs if "二楼靠窗" in r.text)
    run.text = run.text.replace("二楼靠窗", "三楼靠窗")
    document.save(path)
    import_docx(path, folder, dry_run=False, diag=Diagnostics())
    text = (folder / "articles" / "qiuye.md").read_text("utf-8")
    assert "书是在三楼靠窗的位置读完的" in text and "direction: vertical" in text
