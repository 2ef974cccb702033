"""`layout check`'s photo proportions, measured on the PDF as pagecheck measures them: the box
an image is drawn in against the proportions of the issue's photos and ads' artwork."""
from __future__ import annotations

import io

import pymupdf
from PIL import Image

from layout.preflight.crops import crop_report


def pdf_with(tmp_path, pixels: tuple[int, int], box: tuple[float, float]):
    """A one-page PDF with one picture of `pixels` drawn in a box of `box` points."""
    buffer = io.BytesIO()
    Image.new("RGB", pixels, (90, 120, 160)).save(buffer, "JPEG")
    doc = pymupdf.open()
    page = doc.new_page(width=600, height=800)
    page.insert_image(pymupdf.Rect(50, 50, 50 + box[0], 50 + box[1]), stream=buffer.getvalue(),
                      keep_proportion=False)
    path = tmp_path / "page.pdf"
    doc.save(path)
    return path


def test_a_three_two_photo_drawn_at_1_27_fails(tmp_path):
    """six p.5's figure: a box of 1.27:1 is 18 % off a 3:2 photo (pagecheck: over 15 %)."""
    report = crop_report(pdf_with(tmp_path, (1500, 1000), (369.0, 290.3)), {"a.jpg": 1.5}, 0.15)
    assert not report.ok
    assert "page 1" in report.failures()[0].message and "a.jpg" in report.failures()[0].message


def test_an_ad_drawn_whole_keeps_its_artwork_s_proportions(tmp_path):
    """The 1.27:1 picture on six p.5 is the bank's ad, its artwork (1500 × 1180 px) drawn
    whole: measured against the ad's artwork as well as the photos, it passes."""
    pdf = pdf_with(tmp_path, (1281, 1008), (369.0, 290.3))
    assert crop_report(pdf, {"a.jpg": 1.5, "yinhang.jpg": 1500 / 1180}, 0.15).ok


def test_the_limit_is_the_house_style_s_share(tmp_path):
    """14 % off passes at ±15 %, fails at ±10 %."""
    pdf = pdf_with(tmp_path, (1500, 1000), (300.0, 300 / 1.5 * 1.14))
    assert crop_report(pdf, {"a.jpg": 1.5}, 0.15).ok
    assert not crop_report(pdf, {"a.jpg": 1.5}, 0.10).ok


def test_ornaments_smaller_than_a_picture_are_not_measured(tmp_path):
    report = crop_report(pdf_with(tmp_path, (100, 10), (100.0, 10.0)), {"a.jpg": 1.5}, 0.15)
    assert report.ok and "0 picture(s)" in report.text()
