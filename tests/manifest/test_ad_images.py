"""The raster images a PDF ad draws are read with pikepdf (no pymupdf in the build's process,
which every forked process would carry): each image's box on the page and its pixels are
what MuPDF gives for them, for an image drawn as an XObject, inside a form, inline, and on
a page turned by /Rotate; the coarsest one is the ad's limit."""
from __future__ import annotations

import io

import pikepdf
import pymupdf
import pytest
from PIL import Image
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from layout.manifest.ads import _coarsest, _drawn_images, _page_size


def _png(px: tuple[int, int]) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", px, (40, 120, 200)).save(buf, "PNG")
    return buf.getvalue()


def _ad(path, how: str) -> None:
    c = Canvas(str(path), pagesize=(360, 300), invariant=1)
    if how == "form":
        c.beginForm("logo")
        c.drawImage(ImageReader(io.BytesIO(_png((300, 120)))), 0, 0, 100, 40)
        c.endForm()
        c.saveState()
        c.transform(1.5, 0, 0, 2, 30, 40)
        c.doForm("logo")
        c.restoreState()
    elif how == "inline":
        c.drawInlineImage(Image.new("RGB", (64, 48), (9, 9, 9)), 20, 20, 120, 90)
    else:
        c.saveState()
        c.rotate(20)
        c.drawImage(ImageReader(io.BytesIO(_png((900, 500)))), 80, 10, 200, 110)
        c.restoreState()
        c.drawImage(ImageReader(io.BytesIO(_png((400, 300)))), 200, 150, 120, 90)
    c.showPage()
    c.save()
    if how == "rotated":
        with pikepdf.open(path, allow_overwriting_input=True) as pdf:
            pdf.pages[0].obj.Rotate = 90
            pdf.save(path)


@pytest.mark.parametrize("how", ["xobjects", "form", "inline", "rotated"])
def test_the_images_and_boxes_are_mupdf_s(tmp_path, how):
    path = tmp_path / f"{how}.pdf"
    _ad(path, how)
    with pymupdf.open(path) as doc:
        page = doc[0]
        boxes = [(round(i["bbox"][2] - i["bbox"][0], 2), round(i["bbox"][3] - i["bbox"][1], 2),
                  i["width"], i["height"]) for i in page.get_image_info()]
        if how == "rotated":   # MuPDF's boxes are the unturned page's, its page size turned
            boxes = [(h, w, px, py) for w, h, px, py in boxes]
        theirs = sorted(boxes)
        their_size = (round(page.rect.width, 2), round(page.rect.height, 2))
    with pikepdf.open(path) as pdf:
        ours = sorted((round(w, 2), round(h, 2), px, py) for w, h, px, py in _drawn_images(pdf.pages[0]))
        size = _page_size(pdf.pages[0])
    assert theirs and ours == theirs
    assert tuple(round(v, 2) for v in size) == their_size


def test_the_coarsest_image_is_the_limit():
    found = _coarsest("ad.pdf", (360, 300), [(200, 110, 900, 500), (120, 90, 400, 300),
                                              (0.1, 0.1, 5, 5)])
    assert (found.width_px, found.height_px) == (400, 300) and "ad.pdf" in found.name
    assert _coarsest("ad.pdf", (360, 300), []) is None
