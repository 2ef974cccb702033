"""Table-driven spacing rules: punctuation squeeze, edge marks, Han–Latin glue,
开明 widths, push in before push out, 孤字 (typography.md §1, §3, §5, §6)."""
from __future__ import annotations

import itertools

import pytest

from tests.compose.conftest import SIZE, compose, em

EPS = 0.01


def slots(par):
    """(char, slot width without justification) for every glyph, in order."""
    return [(g.char, g.advance) for ln in par.lines for g in ln.glyphs]


def advance_of(par, char, nth=0):
    found = [a for c, a in slots(par) if c == char]
    return found[nth]


@pytest.mark.parametrize("text, mark, width_em", [
    ("中）。中", "）", 0.5),      # adjacent marks take 1.5 em: the first loses its blank
    ("中）。中", "。", 1.0),
    ("中。”中", "。", 0.5),
    ("中”，中", "”", 0.5),
    ("中：“中", "：", 0.5),
    ("中》、中", "》", 0.5),
    ("中（“中", "“", 0.5),       # two opening marks: the second loses its leading blank
    ("中，中", "，", 1.0),        # a lone mark inside a line stays full width
    ("中“中”中", "“", 1.0),
])
def test_adjacent_marks_take_one_and_a_half_em(fonts, text, mark, width_em):
    par = compose(fonts, text, 40, align="left")
    assert advance_of(par, mark) == pytest.approx(em(width_em), abs=EPS)


def test_opening_mark_at_line_start_loses_its_leading_blank(fonts):
    par = compose(fonts, "“中文”", 40, align="left")
    first = par.lines[0].glyphs[0]
    assert first.advance == pytest.approx(em(0.5), abs=EPS)
    assert first.slot_x == pytest.approx(0, abs=EPS)
    assert first.x == pytest.approx(-em(0.5), abs=EPS)   # drawn where halt puts it


def test_opening_mark_after_the_indent_loses_its_leading_blank(fonts):
    par = compose(fonts, "“中文”", 40, align="left", indent_em=2)
    first = par.lines[0].glyphs[0]
    assert first.slot_x == pytest.approx(em(2), abs=EPS)
    assert first.advance == pytest.approx(em(0.5), abs=EPS)


def test_mark_at_line_end_is_half_width_and_the_line_ends_flush(fonts):
    text = "一二三四五六七八九十一二，三四五六七八九十一二三四五六"
    par = compose(fonts, text, 13)
    first = par.lines[0]
    assert first.text.endswith("，")
    assert first.glyphs[-1].advance == pytest.approx(em(0.5), abs=EPS)
    assert first.width == pytest.approx(em(13), abs=EPS)


@pytest.mark.parametrize("text, char, extra_em", [
    ("中A中", "中", 0.25),        # Han then Latin: ¼ em after the Han slot
    ("中A中", "A", 0.25),         # Latin then Han
    ("共91个", "共", 0.25),       # Han then digit
    ("中“A”中", "“", 0.0),        # none next to full-width punctuation
    ("中“A”中", "A", 0.0),
])
def test_han_latin_glue_is_a_quarter_em(fonts, text, char, extra_em):
    par = compose(fonts, text, 40, align="left")
    glyph = next(g for ln in par.lines for g in ln.glyphs if g.char == char)
    natural = fonts.metrics(glyph.face).advance(char) * SIZE
    if char in "“”":
        natural = em(1.0)
    assert glyph.advance - natural == pytest.approx(em(extra_em), abs=EPS)


def test_glue_is_never_a_stored_space(fonts):
    par = compose(fonts, "确定2025年重点项目91个", 40)
    assert par.text == "确定2025年重点项目91个"


def test_no_glue_at_line_end(fonts):
    text = "一二三四五六七八九十一二三ABC四五六"
    par = compose(fonts, text, 13)
    assert par.lines[0].text == "一二三四五六七八九十一二三"
    assert par.lines[0].spacing == pytest.approx(0, abs=EPS)


def test_kaiming_style(fonts):
    par = compose(fonts, "中，中。中“中”中", 40, align="left", punctuation="kaiming")
    assert advance_of(par, "，") == pytest.approx(em(0.5), abs=EPS)
    assert advance_of(par, "。") == pytest.approx(em(1.0), abs=EPS)
    assert advance_of(par, "“") == pytest.approx(em(0.5), abs=EPS)


def test_push_in_before_push_out(fonts):
    # 12 Han + ， fill 13 em; the 。 after them may not start a line: squeeze it in.
    text = "一二三四五，六七八九十一二。三四五六七八九十一二三四五"
    par = compose(fonts, text, 13)
    assert par.lines[0].text == "一二三四五，六七八九十一二。"
    assert par.lines[0].width == pytest.approx(em(13), abs=EPS)


def test_push_out_when_nothing_can_be_squeezed(fonts):
    text = "一二三四五六七八九十一二三。四五六七八九十一二三四五"
    par = compose(fonts, text, 13)
    assert not par.lines[1].text.startswith("。")
    assert par.lines[0].width == pytest.approx(em(13), abs=EPS)


@pytest.mark.parametrize("breaker", ["total-fit", "first-fit"])
def test_lone_last_character_is_pulled_down(fonts, breaker):
    text = "一二三四五六七八九十一二三四五六七八九十一二三四五六"   # 13 + 13 + 1
    par = compose(fonts, text, 13, breaker=breaker)
    assert not par.lone_last_line
    assert len(par.lines[-1].text) >= 2
    assert all(ln.width == pytest.approx(em(13), abs=EPS) for ln in par.lines[:-1])


@pytest.mark.parametrize("text", ["25%", "30℃", "3.5km", "D10", "——", "……"])
@pytest.mark.parametrize("measure", [5, 6, 7, 8, 9])
def test_never_broken_units(fonts, text, measure):
    body = "中文排版需要" * 2 + text + "继续排版" * 3
    for shift in range(6):
        par = compose(fonts, "一" * shift + body, measure)
        assert any(text in ln.text for ln in par.lines), [ln.text for ln in par.lines]


@pytest.mark.parametrize("text", ["2025年", "91个", "4318户"])
@pytest.mark.parametrize("measure", [11, 12, 13, 20])
def test_a_number_keeps_its_unit_unless_a_line_would_go_loose(fonts, text, measure):
    """A number stays with its unit (2025年, 91个) but not at the price of a loose line: at
    one offset in fourteen at most the breaker parts them, and then no line of the
    paragraph spreads past 0.12 em (the dear break of layout/cjk/rules.yaml)."""
    parted = 0
    for shift in range(14):
        par = compose(fonts, "一" * shift + "中文排版需要" * 2 + text + "继续排版" * 3, measure)
        assert not any(ln.spacing > em(0.12) + EPS for ln in par.lines[:-1]), \
            [ln.text for ln in par.lines]
        parted += not any(text in ln.text for ln in par.lines)
    assert parted <= 1


def test_a_first_line_before_a_year_does_not_go_loose(fonts):
    """这座滑雪场建成于|2011年: after the indent, the year and its unit no longer fit the
    first line; the year ends it and 年 starts the next rather than the line spreading
    0.43 em (jiangcheng8 p.4)."""
    text = "这座滑雪场建成于2011年，曾是华中地区规模较大的室内滑雪场。由于运营成本高、客源不足，停止营业。"
    par = compose(fonts, "一一" + text, 13, indent_em=2)
    assert all(ln.spacing <= em(0.12) + EPS for ln in par.lines[:-1]), [ln.text for ln in par.lines]


def test_over_long_url_breaks_after_slash_and_never_overflows(fonts):
    url = "https://www.tiedong.gov.cn/zhihuishequ/service/index.html"
    par = compose(fonts, "请登录" + url + "办理。", 13)
    assert par.text == "请登录" + url + "办理。"
    assert all(ln.width <= em(13) + EPS for ln in par.lines)
    assert len(par.lines) >= 3


def _cut_words(par, run: str) -> list[str]:
    """Line ends inside `run` falling between two letters or two digits (the instrument's
    split pairs): `songli|n.gov.cn`."""
    cuts, lines = [], [ln.text for ln in par.lines]
    for a, b in itertools.pairwise(lines):
        x, y = a.rstrip(" ")[-1:], b[:1]
        if (x + y).isascii() and ((x + y).isalpha() or (x + y).isdigit()) \
                and (a.rstrip(" ")[-4:] + b[:4]).replace(" ", "") in run.replace(" ", ""):
            cuts.append(f"{a[-6:]}|{b[:6]}")
    return cuts


@pytest.mark.parametrize("run", ["https://jy.songlin.gov.cn", "ylfw@songlin.gov.cn",
                                 "https://www.songlin-job.cn/zph2026", "jzdt@xiqiao.gov.cn"])
@pytest.mark.parametrize("measure", [11, 12, 13])
def test_url_breaks_at_its_marks_never_inside_a_word(fonts, run, measure):
    """A URL or an e-mail address in running text breaks after / . - @ …, never inside a
    word (jy.songli|n.gov.cn reads as two words); a line may go a little loose for it."""
    lead = ("区教育局基础教育科科长刘敏介绍，今年全区中小学课后服务推行“一校一案”，"
            "开设科技、体育、艺术等课程320门，学生参与率达91.6%。")
    for shift in range(13):
        text = "一" * shift + lead + "家长可登录" + run + "查询各校课程安排，也可拨打热线咨询。"
        par = compose(fonts, text, measure)
        assert par.text == text
        assert all(ln.width <= em(measure) + EPS for ln in par.lines)
        assert not _cut_words(par, run), (shift, [ln.text for ln in par.lines])


def test_over_long_latin_word_is_split_rather_than_overflow(fonts):
    par = compose(fonts, "中文" + "x" * 60 + "中文", 8)
    assert all(ln.width <= em(8) + EPS for ln in par.lines)


def test_slots_tile_the_line(fonts):
    par = compose(fonts, "“智慧社区”上线，GPS定位、AI识别……累计12,846件——好！", 13)
    for ln in par.lines:
        for g, h in zip(ln.glyphs, ln.glyphs[1:]):
            assert g.slot_x + g.advance == pytest.approx(h.slot_x, abs=1e-6)
        assert ln.glyphs[-1].slot_x + ln.glyphs[-1].advance == pytest.approx(ln.width, abs=1e-6)


@pytest.mark.parametrize("face", ["serif", "sans", "kai"])
def test_dash_takes_two_em_and_its_halves_meet(fonts, face):
    from layout.compose.measure import ink_extent

    par = compose(fonts, "采用架构——统一", 40, face=face, align="left")
    first, second = [g for g in par.lines[0].glyphs if g.char == "—"]
    assert first.advance + second.advance == pytest.approx(em(2), abs=EPS)
    right_of_first = first.x + ink_extent(fonts, first.face, "—")[1] * SIZE
    left_of_second = second.x + ink_extent(fonts, second.face, "—")[0] * SIZE
    assert right_of_first == pytest.approx(left_of_second, abs=EPS)


def test_hanging_punctuation_is_a_house_option(fonts):
    text = "进一步联动区人大代表，深入了解民生期盼，为居民提供遮阳避雨的场所。" * 2
    plain = compose(fonts, text, 10)
    hung = compose(fonts, text, 10, hanging=True)
    assert all(ln.width <= em(10) + EPS for ln in plain.lines)
    hanging_lines = [ln for ln in hung.lines[:-1] if ln.width > em(10) + EPS]
    assert hanging_lines, "some line should end with a hanging mark"
    for ln in hanging_lines:
        assert ln.text[-1] in "，。、；：？！"
        assert ln.glyphs[-1].slot_x == pytest.approx(em(10), abs=EPS)
        assert ln.width <= em(10.5) + EPS
    for ln in hung.lines[:-1]:
        assert ln.width >= em(10) - EPS
    assert hung.text == plain.text == text


@pytest.mark.parametrize("slogan", ["珍爱生命　预防溺水", "唱响新时代　喜迎新生活", "热血铁东　爱心传递"])
def test_phrase_gap_in_running_text_is_a_half_em_space_and_the_line_stays_flush(fonts, slogan):
    """A U+3000 inside body copy (a slogan's phrase gap, or an intake artefact) is set as a
    half-em space: an em of blank inside a justified line reads as a hole — a reader, and
    the glyph positions, see two lines, the first stopping short of the column's edge.
    Justified lines end flush with it, and no gap across it exceeds ¾ em."""
    for shift in range(14):
        text = "一" * shift + "铁东区开展“" + slogan + "”专题教育活动，4.6万余名师生参与其中。"
        par = compose(fonts, text, 13)
        assert par.text == text
        for ln in par.lines[:-1]:
            assert ln.width == pytest.approx(em(13), abs=EPS), (shift, ln.text)
            for k, g in enumerate(ln.glyphs[:-1]):
                if g.char == "\u3000":
                    before = ln.glyphs[k - 1]
                    after = ln.glyphs[k + 1]
                    assert after.x - before.slot_x - em(1) <= em(0.75), (shift, ln.text)


def test_phrase_gap_in_a_headline_keeps_its_em(fonts):
    from layout.compose import compose_headline

    line, = compose_headline("珍爱生命　预防溺水", "serif", SIZE, em(40), fonts)
    gap = next(g for g in line.glyphs if g.char == "\u3000")
    assert gap.advance == pytest.approx(em(1), abs=EPS)


NAMES = ["Li Na", "Tom Lee", "Open Day", "New York", "David Miller", "Anna K. Berg"]
NAME_LEAD = ("暑假期间，区图书馆每周六上午开设暑期英语角，由外语专业志愿者带领青少年练习口语。"
             "本次交流活动邀请了多位外籍人士参加，其中来自英国的志愿者")
NAME_TAIL = "在现场介绍了社区图书馆的英语角活动，并与居民一起练习口语，气氛十分热烈。"


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("measure", [13, 20])
def test_a_short_latin_phrase_stays_on_one_line_and_no_line_goes_loose(fonts, name, measure):
    """A name or a short phrase of Latin words (≤ 24 characters, a line's worth) is kept
    whole like a number: a break at its word space reads as two words a line apart
    (David | Miller), which a reader counts as a split pair. With a few lines before it the
    paragraph breaks elsewhere and no line spreads past 0.12 em, at every offset."""
    loose = []
    for shift in range(16):
        text = "一" * shift + NAME_LEAD + name + NAME_TAIL
        par = compose(fonts, text, measure)
        assert par.text == text
        assert not _cut_words(par, name), (shift, [ln.text for ln in par.lines])
        loose += [(shift, ln.text) for ln in par.lines[:-1] if ln.spacing > em(0.12) + EPS]
    assert not loose, loose


@pytest.mark.parametrize("name", NAMES)
def test_a_latin_name_early_in_a_paragraph_breaks_rather_than_spread_a_line(fonts, name):
    """In a paragraph's second or third line, where the lines before leave no other way to
    keep the name whole, it breaks at its space rather than spread a line past the loose
    mark: a name split as English sets it is a lesser fault than a line of Chinese
    characters pulled apart. A phrase of more than 24 characters breaks: inside a word at a
    hyphenation point (Commu-|nity) before its word spaces (items.LATIN_SPACE_PENALTY,
    dearer than a hyphen since a reader sees the hyphen's word continued)."""
    for shift in range(16):
        text = "一" * shift + NAME_LEAD[NAME_LEAD.index("本次"):] + name + NAME_TAIL
        par = compose(fonts, text, 13)
        assert all(ln.spacing <= em(0.15) for ln in par.lines[:-1]), [ln.text for ln in par.lines]
    long = compose(fonts, NAME_LEAD[NAME_LEAD.index("本次"):] + "Riverside Community Library" + NAME_TAIL, 13)
    assert any(ln.hyphenated for ln in long.lines)
    assert all(ln.spacing <= em(0.12) for ln in long.lines[:-1])


@pytest.mark.parametrize("text", ["来自美国的David Miller在大连工作已有5年。他说，每一个中国节日都有自己的故事。",
                                  "科技馆当天推出“Open Day”活动，免费开放全部展厅，吸引了不少市民前来参观。"])
@pytest.mark.parametrize("measure", [13, 14])
def test_a_latin_name_in_a_paragraph_s_first_line_never_pulls_the_line_apart(fonts, text, measure):
    """A paragraph's first line after its two-em indent has no lines before it to make
    room: keeping the name whole there would leave five characters spread across the
    measure (来　自　美　国　的 on a page of 2026 — a line a page editor sends back). It breaks
    at the name's space instead; the line may still spread a little where the name's first
    word leaves a gap nothing but hyphenation would fill (来自美国的David | Miller: 0.44 em)."""
    par = compose(fonts, text, measure, indent_em=2)
    assert par.text == text
    assert all(ln.spacing <= em(0.5) for ln in par.lines[:-1]), \
        [(ln.text, round(ln.spacing / SIZE, 2)) for ln in par.lines]
