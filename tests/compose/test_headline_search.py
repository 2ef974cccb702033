"""The headline search (`compose.headline._Search._bounded`) finds the layout a brute force
finds: of every way to break the headline into at most `max_lines` lines that fit, the
least by (defects, lines, score) — also now that it gives up partial layouts with as many
defects as a shorter layout already found (a longer one cannot win with them)."""
from __future__ import annotations

from itertools import combinations

from hypothesis import given, settings
from hypothesis import strategies as st

from layout.compose.headline import _prepared_at, _Search

PIECES = ["夏季", "防溺水", "安全教育", "进校园", "区政务服务中心", "延时服务", "覆盖", "12类事项",
          "18.6万人次", "“红心物业”", "，", "、", "\u3000", "建设大街", "北段", "提前半个月",
          "恢复通车", "Open Day", "第五届", "社区篮球联赛"]


def brute(search: _Search, n: int, max_lines: int):
    best = None
    inner = search.cands[:-1]
    for k in range(1, max_lines + 1):
        for cut in combinations(inner, k - 1):
            edges = (0,) + cut + (n,)
            defects, score = 0, 0.0
            for a, b in zip(edges, edges[1:]):
                line = next((x for x in search.lines_from(a) if x[0] == b), None)
                if line is None or not line[1]:
                    break
                defects, score = defects + line[2], score + line[3]
            else:
                key = (defects, k, score)
                if best is None or key < best[0]:
                    best = (key, list(edges[1:]))
    return best


@settings(max_examples=60, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(PIECES), min_size=2, max_size=7).map("".join),
       st.floats(60, 400), st.sampled_from([2, 3]))
def test_the_search_finds_the_least_layout_a_brute_force_finds(fonts, text, measure, max_lines):
    prepared = _prepared_at(text, "serif_bold", 24.0, measure, fonts)
    n = len(prepared.items)
    search = _Search(prepared.pricer, prepared.ranks(text), measure, n)
    found = search._bounded(max_lines)
    expected = brute(search, n, max_lines)
    if expected is None:
        assert found is None
    else:
        assert found is not None and found[0] == expected[1], (text, found, expected)
