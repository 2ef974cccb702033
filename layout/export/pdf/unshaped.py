"""reportlab imported without HarfBuzz: its `ttfonts` imports uharfbuzz (~0.02 s of CPU)
only to shape text, which the canvas never does (drawString's `shaping` is False and
the PDF exporter places every glyph itself). The import is hidden from reportlab's
`ttfonts` alone; the EPUB's and web edition's subsetter still imports it when it cuts
a face."""
from __future__ import annotations

import sys


def import_reportlab() -> None:
    """Import reportlab's TrueType module with uharfbuzz hidden (once per process)."""
    if "reportlab.pdfbase.ttfonts" in sys.modules or "uharfbuzz" in sys.modules:
        return
    sys.modules["uharfbuzz"] = None    # `import uharfbuzz` raises ImportError: no shaping
    try:
        import reportlab.pdfbase.ttfonts  # noqa: F401
    finally:
        del sys.modules["uharfbuzz"]
