"""Photo preparation: crop, resampling (never up), CMYK through the profile, ink limit."""
from __future__ import annotations

import io
from dataclasses import replace

import pytest
from hypothesis import given, settings, strategies as st
from PIL import Image

from layout.errors import Diagnostics
from layout.export.pdf.images import (INK_TOLERANCE, STRIP, ink_limit, limit_ink, prepare_photo,
                                      total_ink)
from layout.export.pdf.settings import DEFAULT_PROFILE, PdfSettings
from layout.model.placed import PlacedImage
from tests.export.pdf.placed_fixture import MM, PHOTOS

PRINT = PdfSettings(proof=False, marks=False, pdfx="X-4", profile=DEFAULT_PROFILE,
                    condition="CGATS TR 002", target_ppi=250, min_ppi=200, jpeg_quality=80)


def decoded(photo):
    return Image.open(io.BytesIO(photo.jpeg))


def test_profile_ink_limit_is_newsprint_like():
    assert 220 <= ink_limit(DEFAULT_PROFILE) <= 260


def test_rgb_photo_becomes_cmyk_at_target_resolution():
    placed = PlacedImage(0, 0, 80 * MM, 80 * MM * 1333 / 2000, PHOTOS / "yizhen.jpg")
    photo = prepare_photo(placed, PRINT, Diagnostics())
    img = decoded(photo)
    assert img.mode == "CMYK" and photo.mode == "CMYK"
    assert img.width == pytest.approx(80 / 25.4 * 250, abs=1)
    assert photo.max_ink <= ink_limit(DEFAULT_PROFILE) + 2


def test_a_photo_is_never_upsampled_and_a_low_one_is_named():
    diag = Diagnostics()
    placed = PlacedImage(0, 0, 280 * MM, 280 * MM * 1333 / 2000, PHOTOS / "wenhua.jpg")
    photo = prepare_photo(placed, PRINT, diag)
    assert decoded(photo).size == (2000, 1333)
    assert photo.source_ppi < 200
    assert any("wenhua.jpg" in str(w) for w in diag.warnings)


def test_crop_takes_the_asked_part_and_keeps_the_box_proportions():
    placed = PlacedImage(0, 0, 50 * MM, 50 * MM, PHOTOS / "yizhen.jpg", crop=(0.25, 0.0, 0.75, 1.0))
    img = decoded(prepare_photo(placed, PRINT, Diagnostics()))
    assert img.width == pytest.approx(img.height, abs=2)      # square box: never stretched


def test_grey_page_photo_is_grey():
    placed = PlacedImage(0, 0, 60 * MM, 40 * MM, PHOTOS / "yizhen.jpg")
    assert decoded(prepare_photo(placed, PRINT, Diagnostics(), mono=True)).mode == "L"


def test_proof_photo_is_small_rgb():
    placed = PlacedImage(0, 0, 60 * MM, 40 * MM, PHOTOS / "yizhen.jpg")
    proof = replace(PRINT, proof=True, target_ppi=120)
    img = decoded(prepare_photo(placed, proof, Diagnostics()))
    assert img.mode == "RGB" and img.width == pytest.approx(60 / 25.4 * 120, abs=1)


def test_an_over_inked_cmyk_photo_is_pulled_back_with_a_warning(tmp_path):
    path = tmp_path / "heavy.jpg"
    Image.new("CMYK", (600, 400), (250, 240, 240, 255)).save(path, quality=95)
    diag = Diagnostics()
    photo = prepare_photo(PlacedImage(0, 0, 60 * MM, 40 * MM, path), PRINT, diag)
    assert any("total ink" in str(w) and "heavy.jpg" in str(w) for w in diag.warnings)
    assert total_ink(decoded(photo)) <= ink_limit(DEFAULT_PROFILE) + INK_TOLERANCE   # preflight's


def test_a_proof_or_screen_copy_limits_the_ink_without_repeating_the_print_warning(tmp_path):
    """The web edition draws each page again as a proof: one warning per photo, the print's."""
    path = tmp_path / "heavy.jpg"
    Image.new("CMYK", (600, 400), (250, 240, 240, 255)).save(path, quality=95)
    diag = Diagnostics()
    photo = prepare_photo(PlacedImage(0, 0, 60 * MM, 40 * MM, path),
                          replace(PRINT, proof=True, target_ppi=120), diag)
    assert not diag.warnings
    assert total_ink(decoded(photo)) <= ink_limit(DEFAULT_PROFILE) + INK_TOLERANCE


@settings(max_examples=40, deadline=None)
@given(st.tuples(*[st.integers(0, 255)] * 4), st.floats(150, 320))
def test_limit_ink_never_exceeds_the_limit_and_keeps_black(cmyk, limit):
    img = Image.new("CMYK", (2, 2), cmyk)
    out = limit_ink(img, limit)
    assert out.getpixel((0, 0))[3] == cmyk[3]
    if sum(cmyk) / 2.55 <= limit:
        assert all(abs(a - b) <= 1 for a, b in zip(out.getpixel((0, 0)), cmyk))
    elif cmyk[3] / 2.55 <= limit:
        assert total_ink(out) <= limit + 1.2


@pytest.mark.parametrize("orientation, crop", [(1, (0.0, 0.0, 1.0, 1.0)), (6, (0.1, 0.2, 0.6, 0.9)),
                                               (1, (0.6, 0.1, 0.95, 0.5))])
def test_a_large_jpeg_decoded_at_a_reduced_scale_keeps_its_ppi_and_size(tmp_path, orientation, crop):
    """DCT-scaled decoding (draft) gives the placed photo exactly the pixels a full decode
    would, and the resolution named in warnings and the summary is the photo's own."""
    from layout.export.pdf import images

    source = tmp_path / "big.jpg"
    exif = Image.Exif()
    exif[0x0112] = orientation
    Image.radial_gradient("L").resize((4800, 3200)).convert("RGB").save(source, quality=90, exif=exif)
    placed = PlacedImage(0, 0, 40 * MM, 30 * MM, source, crop=crop)
    drafted = prepare_photo(placed, PRINT, Diagnostics())
    full = images._open
    try:     # the same photo with every pixel decoded
        images._open = lambda path, need: full(path, lambda size: size)
        whole = prepare_photo(placed, PRINT, Diagnostics())
    finally:
        images._open = full
    assert drafted.pixels == whole.pixels
    assert drafted.source_ppi == pytest.approx(whole.source_ppi, rel=0.01)
    assert images._open(source, images._needed(placed, 250))[1] >= 2   # decoded smaller


@settings(max_examples=25, deadline=None)
@given(st.integers(1, 3 * STRIP + 7), st.integers(1, 40), st.integers(0, 2**32 - 1),
       st.floats(150, 320))
def test_the_ink_is_measured_and_pulled_back_in_bands_as_over_the_whole_photo(height, width, seed,
                                                                               limit):
    """A tall photo goes through in bands of STRIP rows (its memory a band's): the same most
    ink, the same pixels pulled back, wherever the band edges fall."""
    import random
    from unittest import mock

    noise = random.Random(seed).randbytes(width * height * 4)
    img = Image.frombytes("CMYK", (width, height), noise)
    banded = (total_ink(img), limit_ink(img, limit).tobytes())
    with mock.patch("layout.export.pdf.images.STRIP", height):   # one band: the whole photo
        assert (total_ink(img), limit_ink(img, limit).tobytes()) == banded
