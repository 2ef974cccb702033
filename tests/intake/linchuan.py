"""A held-out paper's copy: written before the changes it measures, and never tuned on.

《临川晚报》 (`tests/fixtures/intake/linchuan/`, 9 items in the issue format): a lead with 引题,
dashed 副题, byline and two 小标题 (a URL-less address `www.…`, a phone number with a space), a
story with a reporter's 电头, a 新华社 story, a story whose second headline line has no dash, photo
news, a story with its own photo, a brief with no 电头 and a URL, a 副刊 essay under `□` and a
poem under `文／`. It was written, rendered into the team corpus's shapes (`corpus.TEAM_SHAPES`)
and into a page set at 13 ems (`xiling.render_pdf`), and measured before any change to the
importer made in the same piece of work; the figures it gave then are in the test that holds it
(`test_intake_linchuan.py`). Do not fit rules to it: write a new held-out paper instead.

`python -m tests.intake.linchuan` prints the figures.
"""
from __future__ import annotations

import sys
from pathlib import Path

from tests.intake import corpus, xiling

LINCHUAN = corpus.REPO / "tests" / "fixtures" / "intake" / "linchuan"
RENDER = {**corpus.TEAM_SHAPES, "pdf-13": lambda s: xiling.render_pdf(s, 13)}
SHAPES = tuple(RENDER)


def edition() -> list[corpus.Source]:
    return corpus.paper(LINCHUAN)


def figures(shape: str, folder: Path) -> corpus.Figures:
    raw = folder.parent / f"linchuan-{shape}.{'md' if shape == 'md' else 'txt'}"
    stories = edition()
    return corpus.measure_rendered(stories, RENDER[shape](stories), raw, folder)


def main(argv: list[str]) -> None:
    corpus.print_shapes("临川", SHAPES, figures)


if __name__ == "__main__":
    main(sys.argv[1:])
