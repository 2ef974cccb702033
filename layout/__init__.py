"""layout: flows Chinese newspaper articles into pages and exports PDF, DOCX and EPUB.

Stages, each a pure function over frozen dataclasses (see README):
manifest → model → compose → pages → export. `layout.pipeline` chains them.
"""
__version__ = "0.1.0"

import os

# numpy's OpenBLAS starts a thread per core when numpy is imported (~0.04 s CPU of a
# build's ~1.2); layout does no linear algebra, so one thread does (a user's setting wins)
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from layout import classcode  # noqa: E402

classcode.install()   # before any of layout's dataclasses is made: see classcode.py
