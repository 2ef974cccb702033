"""One test per composer bug, named after what broke."""
from layout.compose import ParagraphSpec, Span, compose_paragraph
from layout.fonts import font_set
from layout.style import default_style


def test_first_fit_orphan_repair_never_pushes_the_last_line_past_the_measure():
    """Pulling a character down to avoid a 孤字 once made the last line 5.5 em in a 5-em measure."""
    text = "䶮䶮䶮䶮䶮䶮䶮䶮䶮䶮䶮AA AA䶮䶮——䶮，"
    fonts = font_set(default_style(), text)
    for breaker in ("first-fit", "total-fit"):
        spec = ParagraphSpec(50.0, breaker=breaker)
        lines = compose_paragraph((Span(text, "serif", 10.0),), spec, fonts).lines
        assert all(line.width <= 50.0 + 0.01 for line in lines), [l.text for l in lines]
        assert "".join(l.text for l in lines) == text
