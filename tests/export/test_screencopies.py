"""The DOCX's and the EPUB's copies of a photo come from one decode and resize."""
from __future__ import annotations

import io

from PIL import Image

from layout.export import screencopies
from layout.export.docx.photos import editing_copy
from layout.export.html.photos import phone_jpeg
from layout.model import Photo


def test_the_second_format_finds_its_copy_made_with_the_first(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    source = tmp_path / "turned.jpg"
    exif = Image.Exif()
    exif[0x0112] = 6          # taken on its side: shown turned a quarter
    Image.new("RGB", (3000, 2000), (200, 40, 40)).save(source, exif=exif)
    decodes = []
    upright = screencopies._upright
    monkeypatch.setattr(screencopies, "_upright", lambda path: decodes.append(path) or upright(path))
    docx_copy = editing_copy(Photo(source, "图", "", 3000, 2000))
    epub_copy = phone_jpeg(source)
    assert decodes == [source]
    for data, quality_mark in ((docx_copy, "docx"), (epub_copy, "epub")):
        with Image.open(io.BytesIO(data)) as image:
            assert (image.format, image.size) == ("JPEG", (800, 1200)), quality_mark
            assert "exif" not in image.info
    assert docx_copy != epub_copy          # each its own quality


def test_a_transparent_photo_lies_on_white_in_the_docx(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    source = tmp_path / "clear.png"
    Image.new("RGBA", (300, 200), (0, 0, 0, 0)).save(source)
    with Image.open(io.BytesIO(editing_copy(Photo(source, "图", "", 3000, 2000)))) as image:
        assert image.mode == "RGB" and min(image.getpixel((150, 100))) > 250
