"""Bringing copy into an issue (placeholder: the intake owner replaces this file).

`layout.intake.docx.import_docx` brings copy editors' corrections back from
the DOCX; the dispatcher by file type lives here once intake is merged.
"""
