"""layout: flows Chinese newspaper articles into pages and exports PDF, DOCX and EPUB.

Stages, each a pure function over frozen dataclasses (see README):
manifest → model → compose → pages → export. `layout.pipeline` chains them.
"""
__version__ = "0.1.0"

from layout import classcode

classcode.install()   # before any of layout's dataclasses is made: see classcode.py
