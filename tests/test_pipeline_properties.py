"""Whole builds of generated editions: every format is written and no article loses a character."""
from __future__ import annotations

import json
import shutil

from hypothesis import HealthCheck, given, settings, strategies as st

from layout.errors import BuildError, Diagnostics
from layout.options import BuildOptions
from layout.pipeline import build
from tests.conftest import SAMPLE, han
from tests.pages.factory import han_alphabet

HAN = han_alphabet()[:800] + "堃喆䶮𠅤𬌗"
PIECES = st.one_of(
    st.text(alphabet=HAN, min_size=1, max_size=12),
    st.sampled_from(["，", "。", "、", "；", "：", "？", "！", "“", "”", "《", "》", "（", "）",
                     "——", "……", "2025年", "25%", "30℃", "3.5km", "D10", "Vue.js", "OCR",
                     "https://www.tiedong.gov.cn/a/b-c.html"]),
)
PARAGRAPH = st.lists(PIECES, min_size=3, max_size=40).map("".join)
ARTICLE = st.tuples(st.text(alphabet=HAN, min_size=4, max_size=14),
                    st.lists(PARAGRAPH, min_size=0, max_size=5), st.booleans())


def write_issue(root, pages):
    (root / "articles").mkdir(parents=True)
    shutil.copytree(SAMPLE / "photos", root / "photos")
    manifest = ["paper: 铁东新闻", "date: 2025-06-18", "pages:"]
    for number, articles in enumerate(pages, start=1):
        manifest += [f"  - number: {number}", f"    name: 第{number}版", "    articles:"]
        for n, (title, paragraphs, photo) in enumerate(articles):
            aid = f"p{number}a{n}"
            manifest.append(f"      - {aid}")
            front = [f"title: {json.dumps(title, ensure_ascii=False)}"]
            if photo:
                front += ["photos:", "  - file: yizhen.jpg",
                          f"    caption: {json.dumps(title + '。', ensure_ascii=False)}",
                          "    credit: 本报记者 王明 摄"]
            body = "\n\n".join(json.dumps(p, ensure_ascii=False)[1:-1] for p in paragraphs)
            (root / "articles" / f"{aid}.md").write_text(
                "---\n" + "\n".join(front) + "\n---\n\n" + body + "\n", "utf-8")
    (root / "issue.yaml").write_text("\n".join(manifest) + "\n", "utf-8")


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(ARTICLE, min_size=1, max_size=5), min_size=1, max_size=2))
def test_generated_editions_build_in_every_format_without_losing_text(tmp_path_factory, pages):
    root = tmp_path_factory.mktemp("edition")
    write_issue(root / "issue", pages)
    out = root / "out"
    report = build(root / "issue", BuildOptions(out_dir=out, allow_overflow=True), Diagnostics())
    assert set(report.outputs) == {"pdf", "docx", "epub", "web"}
    fit = json.loads((out / "copyfit.json").read_text("utf-8"))
    over = {a["id"] for a in fit["articles"] if a["over"]}
    source = "".join(t + "".join(ps) for arts in pages for t, ps, _ in arts)
    import zipfile

    for name in ("issue.docx", "issue.epub"):
        with zipfile.ZipFile(out / name) as z:
            text = "".join(z.read(n).decode("utf-8") for n in z.namelist()
                           if n.endswith((".xml", ".xhtml")) and "nav" not in n)
        assert not han(source) - han(text)
    web = "".join(p.read_text("utf-8") for p in (out / "web").glob("p*-a*.html"))
    assert not han(source) - han(web)
    if not over:
        import pymupdf

        with pymupdf.open(out / "issue.pdf") as doc:
            assert not han(source) - han("".join(p.get_text() for p in doc))
    assert not list(out.glob(".*.tmp"))


def test_an_edition_whose_copy_cannot_fit_names_the_article(tmp_path):
    long = ["中" * 60 + "。"] * 200
    write_issue(tmp_path / "issue", [[("短稿一则", ["一句话。"], False), ("长稿", long, False)]])
    try:
        build(tmp_path / "issue", BuildOptions(out_dir=tmp_path / "out"), Diagnostics())
    except BuildError as exc:
        assert "p1a1" in str(exc) and "over by" in str(exc)
    else:
        raise AssertionError("an over-full edition built without --allow-overflow")
