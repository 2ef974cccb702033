"""A large AVIF (a 1500-pixel page image) is encoded in a helper process of its own, so the
web edition's process never holds libaom's ~82 MiB on top of the build's memory: the bytes
are those encoding it here gives; a small image is left to the caller; a helper that cannot
run leaves the image to the caller too (encoded here, as before)."""
from __future__ import annotations

import io

from PIL import Image

from layout.export import helper as encoder
from layout.export.web.images import AVIF_OPTIONS, _encode


def _page(width: int, height: int) -> Image.Image:
    return Image.effect_noise((width, height), 60).convert("RGB")


def _here(image) -> bytes:
    out = io.BytesIO()
    image.save(out, "AVIF", **AVIF_OPTIONS)
    return out.getvalue()


def test_a_large_image_is_encoded_by_the_helper_into_the_same_bytes():
    image = _page(1500, 1100)
    try:
        first = encoder.encode_avif(image, AVIF_OPTIONS)
        again = _encode(image, "avif", AVIF_OPTIONS)
        helper = encoder._HELPER[0]
        assert helper is not None and helper.poll() is None    # one helper, kept
    finally:
        encoder._stop()
    assert first == again == _here(image)


def test_a_small_image_is_left_to_the_caller():
    assert encoder.encode_avif(_page(750, 1060), AVIF_OPTIONS) is None


def test_a_helper_that_cannot_run_leaves_the_image_to_the_caller(monkeypatch):
    image = _page(1500, 1100)
    monkeypatch.setattr(encoder.sys, "executable", "/nonexistent/python")
    try:
        assert encoder.encode_avif(image, AVIF_OPTIONS) is None
        assert _encode(image, "avif", AVIF_OPTIONS) == _here(image)
    finally:
        encoder._stop()


def test_a_helper_that_dies_leaves_the_image_to_the_caller():
    image = _page(1500, 1100)
    try:
        encoder._helper().kill()
        encoder._HELPER[0].wait()
        encoder._HELPER[0] = type("Dead", (), {"poll": lambda self: None, "stdin": io.BytesIO(),
                                               "stdout": io.BytesIO(), "kill": lambda self: None,
                                               "wait": lambda self: None})()
        assert encoder.encode_avif(image, AVIF_OPTIONS) is None
        assert encoder._HELPER[0] is None
    finally:
        encoder._stop()


def test_a_page_s_images_are_made_by_the_helper_as_they_are_made_here():
    """The page images (MuPDF's raster of the screen copy, AVIF and JPEG at each width) come
    from the helper, so the web process neither imports MuPDF nor holds the rasters; the
    bytes are those made here."""
    from reportlab.pdfgen.canvas import Canvas

    from layout.export.web.images import _page_variants

    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=(842, 1191), invariant=1)
    for i in range(40):
        canvas.rect(20 + i * 19, 30 + i * 27, 300, 9, fill=i % 2)
    canvas.showPage()
    canvas.save()
    try:
        made = encoder.page_images(buf.getvalue())
    finally:
        encoder._stop()
    assert made is not None and made == _page_variants(buf.getvalue())


def test_a_photo_s_images_are_made_by_the_helper_as_they_are_made_here(tmp_path):
    from layout.export.web.images import _photo_variants

    path = tmp_path / "photo.jpg"
    _page(2400, 1600).save(path, quality=85)
    try:
        made = encoder.photo_images(str(path))
    finally:
        encoder._stop()
    assert made is not None and made == _photo_variants(path)


def test_a_pdf_ad_is_rendered_by_the_helper_as_it_is_rendered_here():
    """The print PDF's and the screen copies' PDF ads are rendered by MuPDF in the helper
    (the build's process never imports MuPDF for them): the same pixels as here."""
    from layout.export import artwork
    from tests.team_editions import EDITIONS

    ad = EDITIONS / "jiangcheng8" / "ads" / "chaoshi.pdf"
    try:
        for cmyk, need in ((True, lambda size: (int(size[0] * 4), int(size[1] * 4))), (False, None)):
            made = artwork.render_pdf(ad, cmyk, need)
            assert encoder._HELPER[0] is not None                # made by the helper
            here = artwork.render_here(str(ad), cmyk, None, need)
            assert (made.mode, made.size) == (here.mode, here.size)
            assert made.tobytes() == here.tobytes()
    finally:
        encoder._stop()


def test_a_forked_process_starts_a_helper_of_its_own():
    import os

    try:
        encoder._helper()
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.write(write, b"1" if encoder._HELPER[0] is None else b"0")
            os._exit(0)
        os.waitpid(pid, 0)
        assert os.read(read, 1) == b"1"
    finally:
        encoder._stop()
