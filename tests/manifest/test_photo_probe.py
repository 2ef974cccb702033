"""A photo is decoded to check it once, not for every page and build that shows it.

The verdict is remembered by the photo's content (and the house style's limits): a
photo replaced by a damaged file of the same name is checked again and refused.
"""
from __future__ import annotations

import io

import pytest
from PIL import Image

from layout.errors import InputError
from layout.manifest import photos
from layout.style import default_style


def jpeg(size=(640, 480)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (120, 80, 40)).save(out, "JPEG", quality=90)
    return out.getvalue()


def test_a_photo_is_decoded_once_and_a_changed_one_again(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    decoded = []
    probe = photos._probe
    monkeypatch.setattr(photos, "_probe", lambda *a: decoded.append(a[0]) or probe(*a))
    photo, style, source = tmp_path / "p.jpg", default_style(), tmp_path / "a.md"
    photo.write_bytes(jpeg())
    for _ in range(3):
        assert photos.probe_photo(photo, style, source, 4) == (640, 480)
    assert len(decoded) == 1
    photo.write_bytes(jpeg()[:600])                 # truncated, same name
    with pytest.raises(InputError, match="p.jpg"):
        photos.probe_photo(photo, style, source, 4)
    with pytest.raises(InputError, match="p.jpg"):   # a refusal is never remembered
        photos.probe_photo(photo, style, source, 4)
    assert len(decoded) == 3
