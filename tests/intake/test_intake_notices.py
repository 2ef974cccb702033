"""A government weekly's notices (公告, 通知), pinned on copy written for these tests: the 落款
(issuer and date) closing a notice, the addressees it opens with, its numbered items, and a
headline line as wide as a paragraph's first line in typeset copy (made on the held-out 柏桥,
tests/intake/papers.py)."""
from __future__ import annotations

from layout.intake.lines import read_lines
from layout.intake.segment import segment
from layout.intake.shape import detect
from layout.intake.unwrap import unwrap


def _segment(text: str):
    lines = read_lines(text)
    units, joins = unwrap(lines, detect(lines))
    return segment(units, joins)


def _typeset(text: str, measure: float = 13) -> list[str]:
    from tests.intake.strangers import typeset_cut   # lines of a page, the indent lost
    return typeset_cut(text, measure, 2)


_NEWS = ("12月2日，南堤街道在文化广场举办冬季消防安全宣传活动，消防员现场演示了灭火器的使用方法。"
         "居民们排队体验，不少人说这是第一次亲手操作灭火器。")
_MORE = ("活动中，街道还向辖区商户发放了安全提示卡，提醒大家规范用电用气，及时清理楼道堆放的杂物。"
         "下一步，街道将组织网格员逐户开展隐患排查。")


def _news(lines_of) -> list[str]:
    """A story of five paragraphs: enough lines for the copy's measure to be read."""
    texts = (_NEWS, _MORE, _NEWS[20:], _MORE[10:], _NEWS[5:])
    return ["消防安全宣传进社区"] + [line for t in texts for line in lines_of(t)] + [""]


def _notice_lines(lines_of) -> list[str]:
    return ["关于寒假期间校园开放的通知", *lines_of("各中小学校，区直各有关单位："),
            *lines_of("寒假期间，全区中小学体育场地继续向社会开放。现将有关事项通知如下："),
            *lines_of("一、开放时间为2027年1月20日至2月15日的每天下午，节假日照常开放；"),
            *lines_of("二、市民凭身份证登记入校，未成年人须由家长陪同；"),
            *lines_of("三、咨询电话：0372-5560 1234。"),
            *lines_of("特此通知。"), "南堤区教育局", "2026年12月2日"]


def test_a_notice_keeps_its_issuer_and_date_and_the_next_story_keeps_its_headline():
    """The 落款 under a notice's last sentence is its text, never the next story's 引题 and 主题
    (柏桥: `柏桥区人民政府` / `2026年11月30日` read as a headline-only story, or as the next
    story's headline lines, which then lost its own)."""
    for lines_of in (lambda t: [t], lambda t: _typeset(t, 17)):
        lines = _news(lines_of) + _notice_lines(lines_of) + ["", "冬季消防安全进万家",
                                                             *lines_of(_NEWS), *lines_of(_MORE)]
        _, notice, news = _segment("\n".join(lines) + "\n")[0]
        assert [p.text for p in notice.paragraphs][-3:] == ["特此通知。", "南堤区教育局", "2026年12月2日"]
        assert [p.kind for p in notice.paragraphs] == ["body"] * 8
        assert (news.title, [p.text for p in news.paragraphs]) == ("冬季消防安全进万家", [_NEWS, _MORE])


def test_a_notices_addressees_and_items_stay_paragraphs_of_their_own():
    """The addressees (`各…：`) are a paragraph however full their line, and an item ending with
    `；` is followed by the next item (`二、…`) even when its last line is full."""
    for lines_of in (lambda t: [t], lambda t: _typeset(t, 17)):
        _, notice = _segment("\n".join(_news(lines_of) + _notice_lines(lines_of)) + "\n")[0]
        texts = [p.text for p in notice.paragraphs]
        assert texts[:5] == ["各中小学校，区直各有关单位：",
                             "寒假期间，全区中小学体育场地继续向社会开放。现将有关事项通知如下：",
                             "一、开放时间为2027年1月20日至2月15日的每天下午，节假日照常开放；",
                             "二、市民凭身份证登记入校，未成年人须由家长陪同；",
                             "三、咨询电话：0372-5560 1234。"]


def test_a_numbered_item_two_ems_short_over_a_full_line_is_no_subhead():
    """In typeset copy whose paragraphs lost their indent, `二、…` two ems short over a full line
    is an item's first line (the text after a 小标题 opens two ems short), and a line cut inside
    a date (`2026年12月` + `1日…`) runs on."""
    item = "二、缴费标准：个人缴费每年每人400元，困难群众个人缴费部分由财政全额资助。"
    lines = _news(_typeset) + ["医保缴费公告", *_typeset(_NEWS), *_typeset(item), *_typeset(_MORE)]
    assert len(_typeset(item)[0]) == 11
    _, story = _segment("\n".join(lines) + "\n")[0]
    assert [(p.kind, p.text) for p in story.paragraphs] == [("body", _NEWS), ("body", item),
                                                            ("body", _MORE)]
    (story,), _, _ = _segment("医保缴费公告\n" + _NEWS + "\n一、缴费时间：2026年12月\n1日至2027年2月28日。\n")
    assert [p.kind for p in story.paragraphs] == ["body", "body"]


def test_a_headline_as_wide_as_a_first_line_over_a_first_line_stands_alone():
    """Two lines two ems short in a row where the second ends no paragraph: the second opens
    one (a line inside a paragraph is full), so the first is a line of its own — here the
    主题 under a 引题, which had been run into the story's first paragraph."""
    title = "南堤大道西延段方案公示"   # 11 characters: a first line's width at 13 ems
    lines = _news(_typeset) + ["问需于民", title, *_typeset(_MORE), *_typeset(_NEWS)]
    assert len(title) == len(_typeset(_MORE)[0]) == 13 - 2
    drafts, _, _ = _segment("\n".join(lines) + "\n")
    assert [(d.kicker, d.title) for d in drafts] == [("", "消防安全宣传进社区"), ("问需于民", title)]


_LEDE = ("12月1日，全市青少年田径冬训测试赛在体育场举行。16岁的方子航在男子100米比赛中跑出10秒52，"
         "打破了保持9年的市青少年纪录。")


def test_a_headline_ending_in_digits_over_a_lede_opening_with_digits_stays_two_lines():
    """`少年短跑新秀跑出10秒52` over `12月1日，…` is a 主题 and its story's first paragraph, not one
    number cut across a line (`10秒5212月1日`): a headline-like line shorter than any line the
    copy's width would cut ends no run of digits (held-out 湄溪: 6 numbers changed, a story
    lost, in three shapes)."""
    title = "少年短跑新秀跑出10秒52"
    for text in ("球赛\n\n" + _NEWS + "\n\n" + title + "\n\n" + _LEDE + "\n",
                 "\n".join(_news(lambda t: [t]) + [title, _LEDE]) + "\n",
                 "\n".join(_news(lambda t: _typeset(t, 17)) + [title, *_typeset(_LEDE, 17)]) + "\n"):
        drafts, _, _ = _segment(text)
        assert (drafts[-1].title, [p.text for p in drafts[-1].paragraphs]) == (title, [_LEDE])


def test_a_dash_led_subtitle_ending_in_digits_is_no_text():
    text = "\n\n".join(["全民健身中心本月开放", "——游泳馆、羽毛球馆每天开放至21:00", _NEWS, _MORE]) + "\n"
    (draft,), _, _ = _segment(text)
    assert (draft.subtitle, [p.text for p in draft.paragraphs]) == (
        "——游泳馆、羽毛球馆每天开放至21:00", [_NEWS, _MORE])


def test_a_line_ending_on_a_verb_that_wants_its_object_runs_on():
    """`…以8胜2负的战绩升至` stops mid-clause (升至 wants its object): no 小标题, whatever the
    copy's shape was read as."""
    first, rest = "本轮过后，湄溪队以8胜2负的战绩升至", "积分榜第二位。下一轮比赛将于12月6日19:30举行。"
    (draft,), _, _ = _segment("\n\n".join(["篮球联赛", _NEWS, first, rest]) + "\n")
    assert [(p.kind, p.text) for p in draft.paragraphs] == [("body", _NEWS), ("body", first + rest)]


def test_a_mail_wrap_at_a_numbers_space_keeps_the_space():
    """Copy a mail client wrapped at 76 columns breaks at a space where one is in reach and
    drops it: a line that had room for the next line's first word was broken at a space
    (`0372-5561` + `6688` is `0372-5561 6688`, not `0372-55616688`)."""
    from tests.intake.papers import _wrap

    text = ("方案公示期为12月1日至12月10日，公示地点设在区政务服务中心一楼大厅，" + "市民可登录"
            "网站查看方案全文，并将意见建议发送至邮箱，也可在工作日拨打0372-5561 6688反映。")
    lines = [line for t in (_NEWS, _MORE, _NEWS + _MORE, text) for line in _wrap(t) + [""]]
    assert any(line.endswith("5561") for line in lines)
    (draft,), _, _ = _segment("征求意见\n\n" + "\n".join(lines))
    assert draft.paragraphs[-1].text == text


def test_an_indented_item_as_wide_as_the_measure_is_no_subhead():
    """Where paragraphs keep their indent, `一、…` indented and as wide as the measure over a
    line that starts no paragraph is an item's first line, not a 小标题."""
    item = "一、缴费时间：2026年12月1日至2027年2月28日。"

    def kept(text):
        return ["\u3000\u3000" + ln if k == 0 else ln for k, ln in enumerate(_typeset(text, 17))]
    lines = _news(kept) + ["医保缴费公告", *kept(_NEWS), *kept(item), *kept(_MORE)]
    _, story = _segment("\n".join(lines) + "\n")[0]
    assert [(p.kind, p.text) for p in story.paragraphs] == [("body", _NEWS), ("body", item),
                                                            ("body", _MORE)]


def test_a_number_cut_at_the_end_of_a_first_line_that_lost_its_indent_is_whole():
    """`咨询电话：0575-8712 34` is a paragraph's first line, full at 13 ems less the 2 its lost
    indent took, in copy whose paragraphs start two ems short: `56` did not fit, so the break
    fell inside the number (`3456`), not at a dropped space (`34 56`)."""
    tail = "咨询电话：0575-8712 3456。"
    assert _typeset(tail) == ["咨询电话：0575-8712 34", "56。"]
    lines = _news(_typeset) + ["公交线路调整通告", *_typeset(_NEWS), *_typeset(tail)]
    _, notice = _segment("\n".join(lines) + "\n")[0]
    assert [p.text for p in notice.paragraphs] == [_NEWS, tail]

