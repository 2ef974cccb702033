"""A third paper's copy (《西岭日报》, tests/intake/papers.py) holds what copy from outside brings;
a 电头 set as a byline is split without losing a character. Its figures are held with the other
papers' in test_intake_papers.py."""
from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from layout.intake.datelines import split_dateline
from tests.intake import papers


def test_the_edition_has_what_copy_from_outside_brings():
    stories = papers.edition("xiling")
    text = "\n".join(t for s in stories for _, t in s.paragraphs)
    assert len(stories) >= 10 and any(s.kicker for s in stories)
    assert any(s.kind == "story" and not (s.dateline or s.byline) for s in stories)   # a notice
    assert any(k == "subhead" for s in stories for k, _ in s.paragraphs)
    assert any(t.startswith("一、") for s in stories for _, t in s.paragraphs)      # a list
    for needle in ("https://", "@", "Emma Clarke", "98.7%", "9:00", "0871-6532 1188"):
        assert needle in text


_NAMES = st.text(alphabet="王李张欧阳晓冬琳佳琪韩蒋一帆", min_size=1, max_size=5)
_AFTER = st.text(alphabet="初冬的早晨近日记者获悉10月8日，。“”（）ABC 西岭区", max_size=20)


@settings(max_examples=300, deadline=None)
@given(st.lists(_NAMES, min_size=1, max_size=3), _AFTER, st.sampled_from([" ", "\u3000"]))
def test_an_datelines_split_loses_nothing(names, after, space):
    text = "本报记者" + space + space.join(names) + after
    found = split_dateline(text)
    if found is not None:
        assert Counter((found.dateline + found.text).replace(" ", "").replace("\u3000", "")) \
            == Counter(text.replace(" ", "").replace("\u3000", ""))
        assert text.startswith(found.dateline)
