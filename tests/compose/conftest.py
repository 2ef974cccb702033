"""Fonts and helpers shared by the composer tests."""
from __future__ import annotations

from pathlib import Path

import pytest

from layout.compose import ParagraphSpec, Span, compose_paragraph
from layout.fonts import font_set
from layout.style import default_style

REPO = Path(__file__).resolve().parents[2]
STRESS = REPO / "tests" / "fixtures" / "stress"
RARE = "堃喆䶮𠅤𬌗"
SIZE = 10.0


@pytest.fixture(scope="session")
def fonts():
    text = (STRESS / "articles" / "stress.md").read_text(encoding="utf-8")
    return font_set(default_style(), text + RARE)


def em(n: float) -> float:
    return n * SIZE


def compose(fonts, text: str, measure_em: float = 13, face: str = "serif", **spec):
    spec.setdefault("indent_em", 0)
    return compose_paragraph((Span(text, face, SIZE),), ParagraphSpec(em(measure_em), **spec), fonts)
