"""Corrections from the copy editors' DOCX back into the article files.

The DOCX written by `layout.export.docx` anchors every article part in a
hidden bookmark naming the article, the field and a checksum (anchors.py).
Importing:

1. reads the DOCX body, accepting tracked changes (insertions kept, deletions
   dropped, deleted paragraph marks joined) and noting who made them; a
   paragraph typed right after a body paragraph joins that paragraph's part;
2. collects comments with the part they are attached to;
3. compares each anchored part with the article file's current text and, where
   the editor changed it, edits only that field or paragraph in the file text
   (never re-serialising the file, so untouched files stay byte-for-byte);
4. reports, per article, what changed, the tracked changes and comments, parts
   that could not be applied (the file changed since the export) and every
   paragraph that could not be mapped, with its full text.
"""
from layout.intake.docx.apply import import_docx
from layout.intake.docx.edits import apply_edits, plan_article
from layout.intake.docx.read import Para, Part, read_docx
from layout.intake.docx.source import Source

__all__ = ["Para", "Part", "Source", "apply_edits", "import_docx", "plan_article", "read_docx"]
