"""A paragraph or headline set on a cache miss is returned as made, not read back from the
bytes stored for it (`cache.cached_object`): what the stored bytes give must be equal to
it, field by field and type by type, or a warm build would lay out other pages than a cold
one."""
from __future__ import annotations

import marshal

from hypothesis import given, settings
from hypothesis import strategies as st

from layout.compose import headline_set
from layout.compose.paragraph import set_paragraph
from layout.compose.remember import _load_paragraph, _pack_lines, _unpack_lines
from layout.compose.types import ParagraphSpec, Span

PIECES = ["夏季", "防溺水", "安全教育", "进校园", "12类", "18.6万人次", "“红心物业”", "2025年", "，",
          "。", "、", "：", "\u3000", " ", "——", "《社区》", "www.songlin.gov.cn", "Open Day", "（上）"]
text = st.lists(st.sampled_from(PIECES), min_size=1, max_size=30).map("".join)


def _same(a, b) -> None:
    assert type(a) is type(b)
    if isinstance(a, tuple):
        assert len(a) == len(b)
        for x, y in zip(a, b):
            _same(x, y)
    elif hasattr(a, "__slots__"):
        for name in a.__slots__:
            _same(getattr(a, name), getattr(b, name))
    else:
        assert a == b


@settings(max_examples=40, deadline=None, derandomize=True)
@given(text, st.sampled_from([9.0 * 13, 9.0 * 20, 9.0 * 7.5]), st.booleans())
def test_a_paragraph_read_back_is_the_paragraph_made(fonts, text_, measure, vertical):
    made = set_paragraph((Span(text_, "serif", 9.0),), ParagraphSpec(measure, vertical=vertical),
                         fonts)
    _same(_load_paragraph(marshal.dumps((_pack_lines(made.lines), made.lone_last_line))), made)


@settings(max_examples=40, deadline=None, derandomize=True)
@given(text, st.sampled_from([60.0, 150.0, 400.0]))
def test_a_headline_read_back_is_the_headline_made(fonts, text_, measure):
    made = headline_set(text_, "serif_bold", 24.0, measure, fonts)
    lines, *defects = marshal.loads(marshal.dumps((_pack_lines(made.lines), made.inside_words,
                                                   made.stubs, made.gaps_ignored)))
    _same(type(made)(_unpack_lines(lines), *defects), made)
