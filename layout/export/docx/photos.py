"""Photos for editing: downscaled JPEG copies, inline, with the caption as alt text."""
from __future__ import annotations

import io

from docx.oxml.ns import qn
from docx.shared import Pt

from layout.export.screencopies import EDITING, MAX_SIDE_PX, screen_copy
from layout.model import Photo

MAX_EDGE_PX = MAX_SIDE_PX    # long edge of the copy placed in the DOCX
JPEG_QUALITY = EDITING.quality


def editing_copy(photo: Photo) -> bytes:
    """The photo as an upright RGB JPEG no larger than MAX_EDGE_PX, without metadata, made
    with the EPUB's phone copy from one decode and resize (cached on disk)."""
    return screen_copy(photo.path, EDITING)


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
