"""An ad's artwork is held to the plant's resolution like a photo: a JPEG or an image
inside a PDF ad that would print below `photos.min_ppi` at the size its block draws it
fails the build with one line naming the ad, the file and what to supply; a vector PDF
ad is rendered for its printed size, so it prints sharp however large it is booked.
Through the CLI, on a copy of the one-page `sparse` edition with an ad added."""
from __future__ import annotations

import io
import shutil

import pytest

from tests.cli_helpers import run
from tests.team_editions import EDITIONS


@pytest.fixture
def issue(tmp_path):
    target = tmp_path / "sparse"
    shutil.copytree(EDITIONS / "sparse", target)
    (target / "ads").mkdir()
    return target


def add_ad(issue, file: str, size: str) -> None:
    (issue / "articles" / "ad-shop.md").write_text(
        f"---\nkind: ad\ntitle: 县城百货\nfile: {file}\nsize: {size}\n---\n", "utf-8")
    manifest = issue / "issue.yaml"
    manifest.write_text(manifest.read_text("utf-8").replace(
        "articles: [youcai]", "articles: [youcai, {id: ad-shop, position: bottom-right}]"), "utf-8")


def jpeg(path, width: int, height: int) -> None:
    from PIL import Image

    Image.new("RGB", (width, height), (200, 40, 40)).save(path, quality=80)


def pdf_with_image(path, px: tuple[int, int], mm: tuple[float, float]) -> None:
    """A one-page PDF ad of 130 × 110 mm with one image of `px` pixels drawn `mm` large."""
    from PIL import Image
    from reportlab.lib.units import mm as MM
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    Image.new("RGB", px, (40, 120, 200)).save(buf, "JPEG")
    c = Canvas(str(path), pagesize=(130 * MM, 110 * MM), invariant=1)
    c.drawImage(ImageReader(io.BytesIO(buf.getvalue())), 10 * MM, 10 * MM, mm[0] * MM, mm[1] * MM)
    c.rect(5 * MM, 5 * MM, 120 * MM, 100 * MM)
    c.showPage()
    c.save()


def test_a_jpeg_ad_too_coarse_for_its_block_fails_naming_the_ad_and_file(issue, tmp_path):
    jpeg(issue / "ads" / "baihuo.jpg", 600, 508)
    add_ad(issue, "baihuo.jpg", "3x20")
    outcome = run("build", issue, "-o", tmp_path / "out", "--format", "pdf", lang="zh")
    error = outcome.one_error()
    assert "ad-shop" in error and "baihuo.jpg" in error and "ppi" in error
    assert "印厂要求 200" in error and "像素" in error, error      # in Chinese, what to supply
    assert not (tmp_path / "out" / "sparse.pdf").exists()
    check = run("check", issue, "-o", tmp_path / "out", lang="zh")      # before any build
    line = next(ln for ln in check.stdout.splitlines() if "ad-shop" in ln)
    assert check.code != 0 and line.startswith("[ FAIL ]") and "baihuo.jpg" in line, line
    assert "按预订尺寸约" in line and "低于 200" in line, line


def test_an_image_inside_a_pdf_ad_too_coarse_fails_naming_it(issue, tmp_path):
    pdf_with_image(issue / "ads" / "baihuo.pdf", (300, 200), (110, 73))   # 69 ppi at its own size
    add_ad(issue, "baihuo.pdf", "130mm x 110mm")
    outcome = run("build", issue, "-o", tmp_path / "out", "--format", "pdf", lang="zh")
    error = outcome.one_error()
    assert "ad-shop" in error and "baihuo.pdf" in error and "300 × 200" in error, error


def test_a_sharp_enough_ad_builds_and_passes_layout_check(issue, tmp_path):
    """An image at 260 ppi in a PDF ad drawn at its own size, and a vector PDF ad booked
    at twice its size (once rendered for its own size only: 199 ppi, six's fault)."""
    pdf_with_image(issue / "ads" / "baihuo.pdf", (1126, 746), (110, 73))
    add_ad(issue, "baihuo.pdf", "130mm x 110mm")
    out = tmp_path / "out"
    assert run("build", issue, "-o", out, "--format", "pdf").code == 0
    check = run("check", issue, "-o", out)
    assert check.code == 0 and "below" not in check.stdout, check.stdout
    pdf_with_image(issue / "ads" / "baihuo.pdf", (8, 8), (0.001, 0.001))   # vector only
    add_ad(issue, "baihuo.pdf", "4x30")
    assert run("build", issue, "-o", out, "--format", "pdf").code == 0
    check = run("check", issue, "-o", out)
    assert check.code == 0 and "ppi" in check.stdout, check.stdout
