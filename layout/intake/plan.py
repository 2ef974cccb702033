"""What a text import would do, as one value: the files with their new text and what to tell the editor.

`text_import` builds a `Plan`; `report` reads one. Both import this module,
and it imports neither, so the imports point one way.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from layout.intake.clean import Cleaned
from layout.intake.decisions import Decision, Note
from layout.intake.furniture import Dropped
from layout.intake.shape import Shape


@dataclass(frozen=True, slots=True)
class Plan:
    """Everything an import would do: the files with their new text, and what to tell the editor."""

    source: Path
    issue_dir: Path
    cleaned: tuple[Cleaned, ...]
    notes: tuple[Note, ...]
    files: dict[Path, str]          # path → new text, article files first, issue.yaml last
    manifest_created: bool
    shape: Shape
    decisions: tuple[Decision, ...] = ()
    dropped: tuple[Dropped, ...] = ()   # a web page's furniture, not copy (`furniture`)
    numbers: tuple[int, ...] = ()   # the file's line of each line read, where columns side by
    #                                 side were read one after the other (`columns`)

    def source_line(self, line: int) -> int:
        """The line of the file that line `line` of the copy as read stands on."""
        return self.numbers[line - 1] if self.numbers else line
