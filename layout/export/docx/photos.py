"""Photos for editing: downscaled JPEG copies, inline, with the caption as alt text."""
from __future__ import annotations

import io

from docx.oxml.ns import qn
from docx.shared import Pt

from layout.model import Photo

MAX_EDGE_PX = 1200    # long edge of the copy placed in the DOCX
JPEG_QUALITY = 82


def editing_copy(photo: Photo) -> bytes:
    """The photo as an RGB JPEG no larger than MAX_EDGE_PX, without metadata (cached on disk)."""
    from layout.cache import cached_bytes

    return cached_bytes("docx-photo", (photo.path, MAX_EDGE_PX, JPEG_QUALITY),
                        lambda: _editing_copy(photo))


def _editing_copy(photo: Photo) -> bytes:
    from PIL import Image

    with Image.open(photo.path) as img:
        img = _flattened(img)
        img.thumbnail((MAX_EDGE_PX, MAX_EDGE_PX), Image.Resampling.LANCZOS)
        out = io.BytesIO()
        img.save(out, "JPEG", quality=JPEG_QUALITY, optimize=False, progressive=False)
    return out.getvalue()


def _flattened(img):
    """RGB, with any transparency laid on white (as it would sit on the page)."""
    from PIL import Image

    if img.mode in ("RGBA", "LA", "P") and ("A" in img.mode or "transparency" in img.info):
        rgba = img.convert("RGBA")
        base = Image.new("RGB", rgba.size, "white")
        base.paste(rgba, mask=rgba.getchannel("A"))
        return base
    return img.convert("RGB")


def add_inline_photo(paragraph, photo: Photo, width_pt: float) -> None:
    """Put `photo` in `paragraph` at `width_pt`, its caption as alt text (docPr/@descr)."""
    run = paragraph.add_run()
    run.add_picture(io.BytesIO(editing_copy(photo)), width=Pt(width_pt))
    inline = run._r.find(".//" + qn("wp:inline"))
    alt = photo.caption or photo.path.name
    doc_pr = inline.find(qn("wp:docPr"))
    doc_pr.set("name", photo.path.name)
    doc_pr.set("descr", alt)
    for nv in inline.iter(qn("pic:cNvPr")):
        nv.set("descr", alt)
