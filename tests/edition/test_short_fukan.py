"""A 副刊 short of copy: four short signed pieces (no 电头) on a page of six columns, as an
edition held back by the lead had them — each set as a module of deep legs, not forced to
makeup.essay_columns (3) wide in legs of six or seven lines, and the page says it is short."""
from __future__ import annotations

import math
import re
import shutil

from layout.errors import Diagnostics
from layout.manifest import load_issue
from layout.options import BuildOptions
from layout.pages.grid import grid_for
from layout.pages.sizing import Sizer
from layout.fonts import font_set
from layout.pipeline import build
from tests.conftest import REPO

WHOLE = REPO / "tests" / "fixtures" / "editions" / "whole" / "articles"
PIECES = ("chongdian", "wuye", "tongche", "fenlei")   # 218-302 characters each


def short_fukan(tmp_path):
    issue = tmp_path / "fukan4"
    (issue / "articles").mkdir(parents=True)
    for name in PIECES:
        text = (WHOLE / f"{name}.md").read_text("utf-8")
        (issue / "articles" / f"{name}.md").write_text(
            re.sub(r"(?m)^dateline:.*\n", "", text), "utf-8")
    (issue / "issue.yaml").write_text(
        "paper: 铁东新闻\ndate: 2025-07-10\npages:\n  - number: 4\n    name: 副刊\n"
        f"    articles: [{', '.join(PIECES)}]\n", "utf-8")
    return issue


def test_short_essays_on_a_short_fukan_stand_in_deep_legs(tmp_path):
    """Each piece's balanced legs hold at least twice makeup.min_leg_lines lines (8): on main
    every piece stood three columns wide in legs of 6-9 lines (wuye 218 characters: 6)."""
    issue_dir = short_fukan(tmp_path)
    diag = Diagnostics()
    report = build(issue_dir, BuildOptions(formats=("pdf",), out_dir=tmp_path / "out"), diag)
    issue = load_issue(issue_dir)
    style, grid = issue.style, grid_for(issue.style, 4)
    fonts = font_set(style)
    deep = 2 * style.makeup.min_leg_lines
    shallow = []
    for fit in report.copyfit.articles:
        article = next(a for a in issue.articles() if a.id == fit.id)
        lines = Sizer(article, style, grid, fonts).body.line_count
        if fit.columns > 1 and math.ceil(lines / fit.columns) < deep:
            shallow.append((fit.id, fit.columns, math.ceil(lines / fit.columns)))
    assert not shallow, shallow
    said = [str(w) for w in diag.warnings]
    assert any(re.search(r"page 4 .*缺约 \d+ 字", w) for w in said), said
