"""The web edition's parts, without a browser: names and hotspots from the placement,
a jumped article on one page, the loss check, metadata, images, the command line, and
the staged folder (a failed build leaves the earlier edition whole)."""
from __future__ import annotations

import dataclasses
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner
from tests.export.web.web_helpers import SAMPLE

from layout.cli import app
from layout.errors import BuildError
from layout.export import REGISTRY
from layout.export.web.plan import plan_web
from layout.model.placed import ArticleRegion, PlacedPage
from layout.preflight.fidelity import check_output, output_texts


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` by its relative path."""
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text of <title>."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_title = tag == "title"

    def handle_endtag(self, tag):
        self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data

    def meta(self, key: str) -> str | None:
        for tag, attrs in self.tags:
            if tag == "meta" and key in (attrs.get("property"), attrs.get("name")):
                return attrs.get("content")
        return None


def parse(path: Path) -> Tags:
    parser = Tags()
    parser.feed(path.read_text("utf-8"))
    return parser


def test_hotspots_follow_the_placement_and_name_positions(sample_web):
    plan = plan_web(sample_web.issue, sample_web.placed)
    view = plan.pages[0]
    assert view.href == "p01.html"
    placed = sample_web.placed.pages[0]
    assert [h.view.article.id for h in view.hotspots] == [r.article for r in placed.regions]
    for spot in view.hotspots:
        region = next(r for r in placed.regions if r.article == spot.view.article.id)
        assert spot.rects == ((region.x, region.y, region.w, region.h),)
    assert [a.href for a in plan.articles()] == [f"p01-a{n:02d}.html" for n in range(1, 8)]


def test_a_jumped_article_is_one_page_reached_from_both_of_its_pages(sample_web):
    """An article with blocks on two pages (a jump, 转版) has one article page, linked from
    both page views, which it links back to."""
    issue, placed = sample_web.issue, sample_web.placed
    page1 = placed.pages[0]
    jumped = page1.regions[1]
    second = dataclasses.replace(issue.pages[0], number=2, name="要闻", articles=())
    issue = dataclasses.replace(issue, pages=(*issue.pages, second))
    page2 = PlacedPage(2, "要闻", page1.width, page1.height, (), (),
                       regions=(ArticleRegion(jumped.article, 50, 100, 300, 200),))
    plan = plan_web(issue, dataclasses.replace(placed, pages=(page1, page2)))
    views = [a for a in plan.articles() if a.article.id == jumped.article]
    assert len(views) == 1 and len(plan.articles()) == 7
    assert plan.pages[1].hotspots[0].view is views[0]
    assert [p.page.number for p in plan.pages_of(views[0])] == [1, 2]


def test_every_article_page_is_checked_for_lost_characters(sample_web, tmp_path):
    folder = tmp_path / "web"
    shutil.copytree(sample_web.folder, folder)
    texts = output_texts(folder, "web", sample_web.issue, sample_web.placed)
    check_output(sample_web.issue, texts, "web")          # the build's own check passes
    page = folder / "p01-a02.html"
    html = page.read_text("utf-8")
    cut = re.search(r"<p>([^<]{30,})</p>", html)
    page.write_text(html.replace(cut.group(0), "<p></p>"), "utf-8")
    with pytest.raises(BuildError) as failure:
        check_output(sample_web.issue, output_texts(folder, "web", sample_web.issue, None), "web")
    assert str(failure.value) == f"WEB: article hengji lost {len(cut.group(1))} characters"


def test_pages_carry_titles_descriptions_and_open_graph(sample_web):
    folder = sample_web.folder
    pages = sorted(folder.glob("*.html"))
    assert len(pages) == 1 + 1 + 7
    for path in pages:
        tags = parse(path)
        assert tags.title.strip() and tags.meta("description")
        image = tags.meta("og:image")
        assert image and (folder / image).is_file() and image.endswith(".jpg")
        assert tags.meta("og:type") == ("article" if "-a" in path.name else "website")
        assert tags.meta("og:locale") == "zh_CN" and tags.meta("og:site_name") == "铁东新闻"
        assert tags.meta("viewport") == "width=device-width, initial-scale=1"
        assert ("html", {"lang": "zh-CN"}) in tags.tags
    article = parse(folder / "p01-a01.html")
    assert article.title.startswith("党建引领添活力 基层治理见真章 - 铁东新闻 2025年6月18日")
    assert article.meta("description").startswith("铁东区持续深化城市党建引领基层治理记事")


def test_nothing_is_loaded_from_elsewhere_and_nothing_tracks(sample_web):
    """No script, no address outside the folder in anything a browser loads."""
    for path in sample_web.folder.glob("*.html"):
        tags = parse(path)
        assert not [t for t, _a in tags.tags if t in ("script", "iframe", "object", "embed")]
        for tag, attrs in tags.tags:
            for key in ("src", "srcset") + (("href",) if tag == "link" else ()):
                for url in (attrs.get(key) or "").split(","):
                    url = url.strip().split(" ")[0]
                    assert not url or (not re.match(r"[a-z]+:|//", url)
                                       and (sample_web.folder / url).is_file()), (path.name, url)
    css = (sample_web.folder / "web.css").read_text("utf-8")
    for url in re.findall(r'url\("([^"]+)"\)', css):
        assert (sample_web.folder / url).is_file()
    assert "@import" not in css


def test_page_images_are_the_print_pages_in_two_widths_with_a_fallback(sample_web):
    from PIL import Image

    folder = sample_web.folder
    tags = parse(folder / "p01.html")
    source = next(a for t, a in tags.tags if t == "source")
    img = next(a for t, a in tags.tags if t == "img")
    assert source["type"] == "image/avif"
    widths = [int(w.split()[1][:-1]) for w in source["srcset"].split(",")]
    assert widths == [750, 1500] and img["srcset"].count("w,") == 1
    page = sample_web.placed.pages[0]
    for entry in source["srcset"].split(",") + img["srcset"].split(","):
        name, width = entry.split()
        with Image.open(folder / name) as image:
            assert image.width == int(width[:-1])
            assert image.height == pytest.approx(image.width * page.height / page.width, abs=1)
    # the headlines of the page are all in the image's alt text
    for article in sample_web.issue.articles():
        if article.headline.title:
            assert article.headline.title.replace("\u3000", " ") in img["alt"]


def test_web_is_built_by_default_and_alone(tmp_path):
    from layout.options import FORMATS

    assert "web" in FORMATS
    result = CliRunner().invoke(app, ["build", str(SAMPLE), "-o", str(tmp_path), "-f", "web"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copyfit.json", "web"]
    assert re.search(r"WEB +\S+/web  1 page\(s\), 7 articles; a page image \d+/\d+ KB", result.output)


def test_site_needs_the_web_format(tmp_path):
    result = CliRunner().invoke(app, ["build", str(SAMPLE), "-o", str(tmp_path), "-f", "pdf",
                                      "--site", str(tmp_path / "site")])
    assert result.exit_code == 1
    assert result.output.strip() == "layout: error: --site publishes the web edition: add web to --format"
    assert not (tmp_path / "site").exists()


def test_a_failing_web_exporter_leaves_the_earlier_edition_whole(sample_web, tmp_path, monkeypatch):
    out = tmp_path / "out"
    shutil.copytree(sample_web.folder, out / "web")
    before = tree(out)
    original = REGISTRY["web"]
    monkeypatch.setitem(REGISTRY, "web", dataclasses.replace(
        original, target="tests.failing_exporter:write_half_then_fill_the_disk"))
    result = CliRunner().invoke(app, ["build", str(SAMPLE), "-o", str(out), "-f", "web"])
    assert result.exit_code == 1
    assert result.output == f"layout: error: {out / 'web'}: the disk is full; free some space and try again\n"
    assert tree(out) == before
    assert sorted(p.name for p in out.iterdir()) == ["web"]


def _with_style(tmp_path: Path, style: str) -> Path:
    issue = tmp_path / "sample"
    shutil.copytree(SAMPLE, issue)
    manifest = issue / "issue.yaml"
    manifest.write_text(manifest.read_text("utf-8").replace("pages:", style + "pages:", 1), "utf-8")
    return issue


def test_the_house_style_s_web_url_gives_full_addresses(tmp_path):
    issue = _with_style(tmp_path, "style:\n  web: {url: https://tdxw.example.cn/szb}\n")
    result = CliRunner().invoke(app, ["build", str(issue), "-o", str(tmp_path / "out"), "-f", "web"])
    assert result.exit_code == 0, result.output
    web = tmp_path / "out" / "web"
    tags = parse(web / "p01-a01.html")
    assert tags.meta("og:image") == "https://tdxw.example.cn/szb/images/p01-750.jpg"
    assert tags.meta("og:url") == "https://tdxw.example.cn/szb/p01-a01.html"
    sitemap = (web / "sitemap.xml").read_text("utf-8")
    assert "<loc>https://tdxw.example.cn/szb/index.html</loc>" in sitemap


def test_a_web_url_that_is_no_address_is_one_line(tmp_path):
    issue = _with_style(tmp_path, "style:\n  web:\n    url: www.example.cn\n")
    result = CliRunner().invoke(app, ["build", str(issue), "-o", str(tmp_path / "out"), "-f", "web"])
    assert result.exit_code == 1
    line = (issue / "issue.yaml").read_text("utf-8").splitlines().index("    url: www.example.cn") + 1
    assert result.output.strip().endswith(
        f"issue.yaml:{line}: style web.url: www.example.cn is not a web address; "
        "write e.g. https://www.example.cn/epaper/")
    assert len(result.output.strip().splitlines()) == 1
    assert not (tmp_path / "out").exists()


def test_a_build_replayed_from_the_store_writes_the_web_folder_whole(tmp_path, monkeypatch):
    """The same inputs again: the stored build (layout.rebuild) gives the same folder, swapped
    in whole (a file left in the folder goes), and nothing is made anew; a --site build is
    never replayed, since the archive's other editions are not among its inputs."""
    from layout import pipeline
    from layout.errors import Diagnostics
    from layout.options import BuildOptions

    out = tmp_path / "out"
    first = pipeline.build(SAMPLE, BuildOptions(formats=("web",), out_dir=out), Diagnostics())
    before = tree(out / "web")
    (out / "web" / "left-over.html").write_text("from elsewhere", "utf-8")
    made = []
    original = pipeline.make
    monkeypatch.setattr(pipeline, "make", lambda *a, **k: made.append(a) or original(*a, **k))
    again = pipeline.build(SAMPLE, BuildOptions(formats=("web",), out_dir=out), Diagnostics())
    assert made == [] and again.summaries == first.summaries
    assert tree(out / "web") == before
    site = BuildOptions(formats=("web",), out_dir=out, site=tmp_path / "site")
    for _ in range(2):
        pipeline.build(SAMPLE, site, Diagnostics())
    assert len(made) == 2
