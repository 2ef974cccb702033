"""Each article's text as a DOCX holds it: the build's loss check of the DOCX it wrote.

Reads the file (`document`) and sorts its paragraphs into articles by their
anchors (`parts`), as an import does, without the merging machinery behind
an import (`plan`, `body`, the intake's rules), which the check never needs.
"""
from __future__ import annotations

from pathlib import Path

from layout.export.docx.anchors import RefIndex
from layout.intake.docx.document import read_docx
from layout.intake.docx.package import LIMITS, Limits
from layout.intake.docx.parts import attribute


def article_texts(path: Path, article_ids: list[str], limits: Limits = LIMITS) -> dict[str, str]:
    """Per article, the text of all its anchored parts in a DOCX (the build's loss check)."""
    found = attribute(read_docx(Path(path), "accept", limits).paragraphs, RefIndex(article_ids))
    return {article_id: "".join([*(t for texts in theirs.singles.values() for t in texts),
                                 *(t for texts in theirs.recovered.values() for t in texts),
                                 *(p.text for p in theirs.body)])
            for article_id, theirs in found.articles.items()}
