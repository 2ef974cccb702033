"""The helper process of `helper.py`: run as `python -I -m layout.export.helperwork`, it
makes a web edition's page images, article photos and large AVIFs, and renders PDF ads, for the process that
asked, on its standard input and output, until that input closes."""
from __future__ import annotations

import marshal
import sys
from pathlib import Path

from layout.export import helper
from layout.export.artwork import render_here
from layout.export.web import images


def answer(kind: str, payload) -> bytes:
    """The bytes asked for: `kind` names the work, `payload` what it is done on."""
    if kind == "avif":
        return helper.avif(payload)
    if kind == "page":
        return images._page_variants(payload)
    if kind == "artwork":
        path, cmyk, dpi = payload
        image = render_here(path, cmyk, dpi)
        return marshal.dumps((image.mode, image.size, image.tobytes()))
    if kind == "photo":
        return images._photo_variants(Path(payload))
    raise ValueError(kind)


if __name__ == "__main__":
    helper.serve(sys.stdin.buffer, sys.stdout.buffer, answer)
