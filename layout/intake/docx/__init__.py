"""Corrections from the copy editors' DOCX back into the article files.

The DOCX written by `layout.export.docx` anchors every article part in a
hidden bookmark naming the article, the field and a checksum, and keeps the
exported text in a custom XML part (`layout/export/docx/anchors.py`).
Importing:

1. `package`, `xmlstream`: the file is opened with every size limit checked
   before anything is inflated, and its XML parts are streamed safely;
2. `read`, `document`: the body is read as paragraphs with their anchors,
   wherever the bookmarks sit (inside tracked deletions too), tracked changes
   accepted or rejected (`--track-changes`), comments collected;
3. `parts`: every paragraph is given its article and field (by anchor, or by
   its style when the anchor is gone; ids only from the issue's manifest);
4. `plan`, `fields`, `body`: each article is merged three ways (as exported,
   as the file is now, as the DOCX has it): corrections, merges, splits,
   moves, deletions; conflicts and ambiguities are held back, with their text;
   corrected text goes through the intake's GB/T 15834 rules;
5. `apply`, `issue`: edits touch only the changed spans of `articles/<id>.md`,
   are verified by reading the result back, and are written atomically; the
   report lists every change, and everything not applied (exit code 3).

The names below are imported when first asked for: the build's loss check reads
a DOCX through `texts` alone, without the import's merging modules and the
intake's rules (~0.03 s CPU of imports in every build writing a DOCX).
"""
from importlib import import_module

_HOME = {"MODES": "apply", "Outcome": "apply", "import_docx": "apply", "LIMITS": "package",
         "Limits": "package", "Source": "source", "article_texts": "texts"}
__all__ = sorted(_HOME)


def __getattr__(name: str):
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{_HOME[name]}"), name)
    globals()[name] = value
    return value
