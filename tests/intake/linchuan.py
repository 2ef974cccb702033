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
import tempfile
from collections import Counter
from pathlib import Path

from tests.intake import corpus, xiling

LINCHUAN = corpus.REPO / "tests" / "fixtures" / "intake" / "linchuan"
RENDER = {**corpus.TEAM_SHAPES, "pdf-13": lambda s: xiling.render_pdf(s, 13)}
SHAPES = tuple(RENDER)


def edition() -> list[corpus.Source]:
    return [corpus.normalised(corpus.read_article(p)) for p in sorted(LINCHUAN.glob("*.md"))]


def figures(shape: str, folder: Path) -> corpus.Figures:
    stories = edition()
    out_raw = RENDER[shape](stories)
    raw = folder.parent / f"linchuan-{shape}.{'md' if shape == 'md' else 'txt'}"
    raw.parent.mkdir(parents=True, exist_ok=True)
    raw.write_text(out_raw.text(), encoding="utf-8")
    out, plan = corpus.import_raw(raw, folder)
    flagged = sorted({d.line for d in plan.decisions} | {n.line for n in plan.notes})
    return corpus.compare(stories, out_raw.text(), out, flagged, out_raw.starts)


def main(argv: list[str]) -> None:
    print(corpus.HEADER)
    total = Counter()
    for shape in SHAPES:
        with tempfile.TemporaryDirectory() as tmp:
            f = figures(shape, Path(tmp) / "issue")
        print(f.row(f"临川 · {shape}"))
        total.update(f.__dict__)
    print(corpus.Figures(**total).row("all"))


if __name__ == "__main__":
    main(sys.argv[1:])
