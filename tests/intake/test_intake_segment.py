"""Segmenting raw copy: line kinds, headline roles, story boundaries, 小标题, photos, verse, joins."""
from __future__ import annotations

import pytest

from layout.intake.heads import headline_roles
from layout.intake.lines import LineKind, classify, read_lines
from layout.intake.segment import segment
from layout.intake.shape import ShapeKind, detect
from layout.intake.unwrap import unwrap


@pytest.mark.parametrize(("line", "kind", "literary"), [
    ("本报通讯员 王琳", LineKind.BYLINE, False),
    ("本报记者 常欣月 李明", LineKind.BYLINE, False),
    ("本报记者 钱程 通讯员 周雪", LineKind.BYLINE, False),
    ("□ 刘堃", LineKind.BYLINE, True),
    ("文／王一鸣", LineKind.BYLINE, True),
    ("文/王一鸣 图/张扬", LineKind.BYLINE, True),
    ("本报通讯员 东宣 摄", LineKind.CREDIT, False),
    ("本报讯(记者 常欣月 通讯员 东宣)为不断优化社区服务,", LineKind.DATELINE, False),
    ("本报6月20日讯（记者 钱悦）今天起，", LineKind.DATELINE, False),
    ("新华社沈阳6月21日电（记者 孟凡）记者从", LineKind.DATELINE, False),
    ("办好民生实事 打造温馨家园", LineKind.TEXT, False),
    ("□ 刘堃说，这是他第一次来。", LineKind.TEXT, False),
])
def test_classify(line, kind, literary):
    assert classify(line) == (kind, literary)


@pytest.mark.parametrize(("lines", "roles"), [
    (["党建引领添活力 基层治理见真章", "——铁东区持续深化城市党建引领基层治理记事"],
     ("", "党建引领添活力 基层治理见真章", "——铁东区持续深化城市党建引领基层治理记事")),
    (["办好民生实事 打造温馨家园", "铁东区平南街道恒吉社区持续优化社区服务"],
     ("", "办好民生实事 打造温馨家园", "铁东区平南街道恒吉社区持续优化社区服务")),
    (["喜迎新春 欢度佳节", "我区举办迎春活动"], ("喜迎新春 欢度佳节", "我区举办迎春活动", "")),
    (["家门口就能吃上热乎饭", "我区新增15个社区长者食堂"],
     ("家门口就能吃上热乎饭", "我区新增15个社区长者食堂", "")),
    (["以旧换新补贴政策延续实施", "前两个月全市汽车家电销售额增长一成二"],   # a longer line under
     ("以旧换新补贴政策延续实施", "前两个月全市汽车家电销售额增长一成二", "")),  # a plain one: 主题
    (["3万名跑者将沿江奔跑", "江城马拉松本周日鸣枪"], ("3万名跑者将沿江奔跑", "江城马拉松本周日鸣枪", "")),
    (["电动自行车充电难题破解", "新增充电端口2600个  “飞线充电”明显减少"],
     ("电动自行车充电难题破解", "新增充电端口2600个  “飞线充电”明显减少", "")),
    (["引题在上", "主题居中", "——副题在下"], ("引题在上", "主题居中", "——副题在下")),
    # a shorter line of figures under a whole statement of the news is its 副题 (it was read as
    # 引题 and 主题 before session 29), as is a line leaning on the 主题 for its subject
    (["城北污水处理厂二期投入运行", "日处理能力提升至8万吨"],
     ("", "城北污水处理厂二期投入运行", "日处理能力提升至8万吨")),
    (["梅岭隧道主体工程贯通", "比原计划提前45天"], ("", "梅岭隧道主体工程贯通", "比原计划提前45天")),
    (["老旧小区加装电梯开工23部", "今年以来累计惠及居民1100余户"],
     ("", "老旧小区加装电梯开工23部", "今年以来累计惠及居民1100余户")),
    # a whole statement of news (a thing begun, opened or done) over a line of its figures, the
    # longer line or both with figures: 主题 over 副题 (issue 19; read as 引题 over 主题 before)
    (["城乡居民医保缴费开始", "个人缴费标准每人每年400元"], ("", "城乡居民医保缴费开始", "个人缴费标准每人每年400元")),
    (["本月开通定制公交线路10条", "上下班通勤时间平均缩短20分钟"],
     ("", "本月开通定制公交线路10条", "上下班通勤时间平均缩短20分钟")),
    (["江城马拉松明年3月开跑", "报名通道12月10日开启"], ("", "江城马拉松明年3月开跑", "报名通道12月10日开启")),
    (["区图书馆新馆试开放", "首月接待读者2.3万人次"], ("", "区图书馆新馆试开放", "首月接待读者2.3万人次")),
    (["冬季供暖启动", "全市供热面积1.2亿平方米"], ("冬季供暖启动", "全市供热面积1.2亿平方米", "")),  # a slogan
    # ... but not under a slogan, nor a longer line of the news's figures
    (["储备菜投放\u3000平价店扩容", "入冬以来“菜篮子”供应充足价格平稳"],
     ("储备菜投放\u3000平价店扩容", "入冬以来“菜篮子”供应充足价格平稳", "")),
    (["文旅市场持续升温", "假期接待游客18.6万人次"], ("文旅市场持续升温", "假期接待游客18.6万人次", "")),
    (["寒潮来袭", "全市供热管网提前5天升温"], ("寒潮来袭", "全市供热管网提前5天升温", "")),
    (["单独一行主题"], ("", "单独一行主题", "")),
])
def test_headline_roles(lines, roles):
    assert headline_roles(lines)[:3] == roles


def _segment(text, markdown=False):
    lines = read_lines(text, markdown)
    units, joins = unwrap(lines, detect(lines, markdown))
    return segment(units, joins)


def _paras(draft):
    return [(p.kind, p.text) for p in draft.paragraphs]


def test_broken_lines_are_rejoined_but_whole_paragraphs_stay_apart():
    text = ("一二三 四五六\n\n七八九十\n\n本报讯(通讯员 甲)前半句,\n\n后半句。\n\n"
            "另一个完整的段落。\n\n活动中,社区工作人员用通俗易懂的语言进行讲解,向居民详细介绍\n"
            "文明养犬的基本要求\n\n和注意事项。\n")
    (draft,), notes, _ = _segment(text)
    assert [p.text for p in draft.paragraphs] == [
        "前半句,后半句。", "另一个完整的段落。",
        "活动中,社区工作人员用通俗易懂的语言进行讲解,向居民详细介绍文明养犬的基本要求和注意事项。"]
    assert draft.dateline == "本报讯(通讯员 甲)" and not notes


def test_numbers_words_and_addresses_are_rejoined_whole():
    text = ("题目一行\n\n本报讯 增长了31.\n\n6%,访问https://www.exa\n\nmple.cn/a,或写信给hw@exa\n\n"
            "mple.cn,共18.6\n\n万人次参加Smart\n\nCity大会,见Wi-\n\nFi标识。\n")
    (draft,), _, decisions = _segment(text)
    assert draft.paragraphs[0].text == ("增长了31.6%,访问https://www.example.cn/a,或写信给hw@example.cn,"
                                        "共18.6万人次参加Smart City大会,见Wi-Fi标识。")
    assert [d.what for d in decisions] == ["latin-join"]   # Smart + City: a guess, reported


def test_ascii_punctuation_at_a_line_start_belongs_to_the_line_before():
    text = "题目一行\n\n第一句话说完了\n\n,第二句接着。\n"
    (draft,), _, _ = _segment(text)
    assert _paras(draft) == [("body", "第一句话说完了,第二句接着。")]


def test_a_lone_short_line_before_a_news_lead_starts_a_new_story():
    """A story without byline, 副题 or 电头 is not swallowed by the one before: its first
    paragraph opens as news does (a date, 近日, 记者…获悉)."""
    text = ("主题一行 二行\n\n本报通讯员 王琳\n\n第一段。\n\n另一篇的主题\n\n"
            "6月13日，另一篇的正文。\n\n再一篇稿件的主题\n\n记者昨天从区民政局获悉，又一篇。\n")
    drafts, _, decisions = _segment(text)
    assert [(d.title, _paras(d)) for d in drafts] == [
        ("主题一行 二行", [("body", "第一段。")]),
        ("另一篇的主题", [("body", "6月13日，另一篇的正文。")]),
        ("再一篇稿件的主题", [("body", "记者昨天从区民政局获悉，又一篇。")])]
    assert [(d.line, d.what) for d in decisions] == [(7, "story"), (11, "story")]


def test_a_lone_short_line_before_a_plain_paragraph_is_a_subhead():
    text = "主题一行 二行\n\n本报通讯员 王琳\n\n第一段。\n\n专业力量进课堂\n\n第二段。\n"
    (draft,), _, decisions = _segment(text)
    assert _paras(draft) == [("body", "第一段。"), ("subhead", "专业力量进课堂"), ("body", "第二段。")]
    assert [(d.line, d.what) for d in decisions] == [(7, "subhead")]


def test_a_column_of_briefs_without_datelines_is_read_item_by_item():
    """简讯 items with no 电头 — a title, then one short paragraph — after a story are stories
    of their own when the column's items open as news does (a date, 日前), even the one that
    does not (`县林业局提醒，…`): before session 29 it was a 小标题 of the item before."""
    text = ("主题一行 二行\n\n本报记者 王琳\n\n本报讯 第一段说完了，这是一篇完整的稿件。\n\n"
            "古道徒步线路完成修缮\n\n11月18日，梅岭古道徒步线路修缮工程完工。施工人员清理了沿途塌方，"
            "更换了破损的石阶600余级。\n\n冬季森林防火进入关键期\n\n县林业局提醒，入冬以来全县降水偏少，"
            "森林火险等级持续偏高。进山人员严禁携带火种。\n")
    drafts, _, decisions = _segment(text)
    assert [d.title for d in drafts] == ["主题一行 二行", "古道徒步线路完成修缮", "冬季森林防火进入关键期"]
    assert [(d.line, d.what) for d in decisions] == [(7, "story"), (11, "story")]


def test_three_briefs_in_a_row_none_opening_on_a_date_are_a_column():
    text = ("主题一行 二行\n\n本报记者 王琳\n\n本报讯 第一段说完了，这是一篇完整的稿件。\n\n"
            "县医院开通夜间门诊\n\n梅岭县人民医院内科、儿科、口腔科每天18:00至21:00接诊，方便上班族"
            "和学生看病。患者可通过医院公众号提前预约挂号。\n\n冬季森林防火进入关键期\n\n县林业局提醒，"
            "入冬以来全县降水偏少，森林火险等级持续偏高。进山人员严禁携带火种。\n\n"
            "社区食堂推出老年套餐\n\n青桐区12家社区食堂推出老年优惠套餐，年满70周岁的老人凭身份证每餐"
            "可享受3元补贴。\n")
    drafts, _, decisions = _segment(text)
    assert [d.title for d in drafts] == ["主题一行 二行", "县医院开通夜间门诊", "冬季森林防火进入关键期",
                                         "社区食堂推出老年套餐"]
    assert [d.what for d in decisions] == ["story"] * 3
    two = text[:text.index("社区食堂")].rstrip("\n") + "\n"   # two in a row: 小标题
    (draft,), _, _ = _segment(two)
    assert [k for k, _ in _paras(draft)] == ["body", "subhead", "body", "subhead", "body"]


def test_briefs_of_thirty_odd_characters_are_a_column_too():
    """A 简讯 item's news can be one sentence of 30-39 characters (`区图书馆…`): three such
    items in a row are stories of their own, not 小标题 run into the item before (before
    session 29's review only paragraphs of 40 or more characters were a 简讯's form)."""
    bodies = ["区图书馆本周起每天晚上开放至21时，周一闭馆时间保持不变，读者可放心前往。",
              "全区首批12个公共充电站日前投入使用，每个站点设有快充桩8个、慢充桩4个。",
              "第三届社区运动会昨天开幕，来自全区15个社区的600余名运动员参加比赛。"]
    assert all(30 <= len(b) < 40 for b in bodies), [len(b) for b in bodies]
    text = ("主题一行 二行\n\n本报记者 王琳\n\n本报讯 第一段说完了，这是一篇完整的稿件。\n\n"
            f"图书馆延长开放时间\n\n{bodies[0]}\n\n公共充电站投入使用\n\n{bodies[1]}\n\n"
            f"第三届社区运动会开幕\n\n{bodies[2]}\n")
    drafts, _, decisions = _segment(text)
    assert [d.title for d in drafts] == ["主题一行 二行", "图书馆延长开放时间", "公共充电站投入使用",
                                         "第三届社区运动会开幕"]
    assert [d.what for d in decisions] == ["story"] * 3


def test_subheads_over_one_short_paragraph_each_stay_in_their_story():
    text = ("主题一行 二行\n\n本报记者 王琳\n\n本报讯 第一段说完了，这是一篇完整的稿件。\n\n"
            "热线二十四小时有人接\n\n供暖期间，市供热服务热线实行全天值守。居民家中暖气不热，可拨打热线"
            "报修，维修人员将在2小时内上门。\n\n困难家庭享受补贴\n\n今年，全市低保家庭和特困人员可继续"
            "申领采暖补贴，每户每年补助1800元。\n")
    (draft,), _, decisions = _segment(text)
    assert [k for k, _ in _paras(draft)] == ["body", "subhead", "body", "subhead", "body"]
    assert [(d.line, d.what) for d in decisions] == [(7, "subhead"), (11, "subhead")]


def test_a_chunked_piece_ending_a_sentence_as_long_as_whole_column_lines_is_listed():
    """Chunked copy whose cut pieces say its column is 20 characters (78 = 4 lines, the first
    two short): a piece ending a sentence that is 3 whole lines (58 + the indent) may end
    where a column did — its paragraph end is a guess, listed (three's 书画 story, not listed
    before session 29); a piece of another length ends its paragraph surely."""
    from layout.intake.shape import Shape

    cut = "本报讯(通讯员 于海洋)8月16日,铁东区第九届老年人象棋比赛在区老年活动中心结束,经过三天七轮角逐,来自各街道的64名棋手决出前八名,73岁的新华街道选手"
    whole = "参展作品均由本区书画爱好者创作,既有描绘老厂房、老码头的怀旧之作,也有表现滨河长廊、口袋公园等城市新景观的写生作品。"
    other = "本报讯(通讯员 孙悦)8月15日,“笔墨绘铁东”书画作品展在区文化馆开展,展出书法、国画、油画等作品120幅。"
    assert (len(cut), len(whole), len(other)) == (78, 58, 55)
    text = (f"百幅书画作品展现工业老区新貌\n\n{other}\n\n{whole}\n\n展览将持续至9月15日,市民可免费参观。\n\n"
            f"老年象棋赛决出前八名\n\n{cut}\n\n赵德顺获得冠军。\n")
    lines = read_lines(text)
    shape = detect(lines)
    assert shape.kind is ShapeKind.CHUNKED and 20 in shape.columns and 10 not in shape.columns
    assert shape.whole_lines(whole, True) and not shape.whole_lines(other, True)
    assert Shape(ShapeKind.CHUNKED).whole_lines(whole, True) is False   # no piece cut: no width
    drafts, _, decisions = _segment(text)
    assert [len(d.paragraphs) for d in drafts] == [3, 1]
    assert [(d.line, d.what) for d in decisions] == [(5, "paragraph-end")]


def test_short_lines_of_one_form_in_a_story_are_subheads():
    text = ("主题一行 二行\n\n本报通讯员 王琳\n\n第一段。\n\n固本强基 筑牢堡垒\n\n第二段。\n\n"
            "党建引领 激活动能\n\n第三段。\n\n一、有编号的小标题\n\n第四段。\n")
    (draft,), _, decisions = _segment(text)
    assert draft.byline == "本报通讯员 王琳"
    assert _paras(draft) == [("body", "第一段。"), ("subhead", "固本强基 筑牢堡垒"), ("body", "第二段。"),
                             ("subhead", "党建引领 激活动能"), ("body", "第三段。"),
                             ("subhead", "一、有编号的小标题"), ("body", "第四段。")]
    assert [(d.line, d.what) for d in decisions] == [(7, "subhead"), (11, "subhead")]


def test_a_line_that_stops_mid_clause_is_never_a_subhead():
    text = ("题目一行\n\n本报讯 第一段说完了。\n\n在位于锦华街道的\n\n区老年助餐中央厨房里,工作人员正在分装午餐。\n\n"
            "区住建局负责人表示,下一步将加快\n\n施工进度。\n")
    (draft,), _, _ = _segment(text)
    assert _paras(draft) == [("body", "第一段说完了。"),
                             ("body", "在位于锦华街道的区老年助餐中央厨房里,工作人员正在分装午餐。"),
                             ("body", "区住建局负责人表示,下一步将加快施工进度。")]


def test_an_electronic_dateline_always_opens_a_story():
    text = "题目一行\n\n本报讯 正文一段。\n\n本报讯（记者 甲）另一篇没有标题的正文。\n"
    drafts, notes, _ = _segment(text)
    assert [(d.title, d.dateline) for d in drafts] == [("题目一行", "本报讯"), ("", "本报讯（记者 甲）")]
    assert [n.line for n in notes] == [5]


def test_photo_after_a_story_is_its_photo_after_a_gap_a_photo_item():
    text = ("甲乙丙丁 戊己庚辛\n\n——副题\n\n正文一段。\n\n图片说明一,近日举行活动。\n\n本报通讯员 东宣 摄\n\n"
            "图片说明二。\n\n本报通讯员 高欣 摄\n\n\n\n图片说明三。\n\n本报通讯员 高欣 摄\n")
    drafts, notes, _ = _segment(text)
    assert [d.kind for d in drafts] == ["story", "photo"]
    assert [(p.caption.text, p.credit, p.placement) for p in drafts[0].photos] == [
        ("图片说明一,近日举行活动。", "本报通讯员 东宣 摄", "story"), ("图片说明二。", "本报通讯员 高欣 摄", "story")]
    assert _paras(drafts[0]) == [("body", "正文一段。")]
    assert drafts[1].photos[0].placement == "own" and not notes


def test_headline_then_caption_is_a_photo_news_item():
    (draft,), _, _ = _segment("雪后初晴\n\n市民在公园里赏雪。\n\n本报记者 李明 摄\n")
    assert (draft.kind, draft.title, draft.photos[0].caption.text, draft.photos[0].placement) == (
        "photo", "雪后初晴", "市民在公园里赏雪。", "item")


def test_verse_in_a_literary_page_keeps_its_lines_and_stanzas():
    text = ("河湾的早晨\n□ 许诺\n河湾的早晨是从鸟鸣开始的\n第一缕光落在柳梢上\n晨练的老人打着太极\n\n"
            "卖豆浆的三轮车停在桥头\n热气升起来\n\n在老街遇见旧时光\n文／王一鸣\n周末闲来无事，我去了城西的老街。\n")
    drafts, _, _ = _segment(text)
    poem, essay = drafts
    assert (poem.kind, poem.title, poem.byline) == ("poem", "河湾的早晨", "□ 许诺")
    assert [(p.text, p.stanza_break) for p in poem.paragraphs] == [
        ("河湾的早晨是从鸟鸣开始的", False), ("第一缕光落在柳梢上", False), ("晨练的老人打着太极", False),
        ("卖豆浆的三轮车停在桥头", True), ("热气升起来", False)]
    assert (essay.kind, essay.title, essay.byline) == ("story", "在老街遇见旧时光", "文／王一鸣")


def test_typeset_lines_run_on_unless_short_and_the_guesses_are_listed():
    para = "这是一个很长的段落，它被排成了每行十七个字的样子，一直排到最后才结束。"
    lines = [para[i:i + 17] for i in range(0, len(para), 17)]
    lede = "6月18日，" + para[:-5] + "。"
    lede_lines = [lede[i:i + 17] for i in range(0, len(lede), 17)]
    text = "\n".join(["第一篇的主题", *lines, "短段落。", *lines, "第二篇的主题", *lede_lines]) + "\n"
    lines_ = read_lines(text)
    assert detect(lines_).kind is ShapeKind.TYPESET
    drafts, _, decisions = _segment(text)
    assert [(d.title, [p.text for p in d.paragraphs]) for d in drafts] == [
        ("第一篇的主题", [para, "短段落。", para]), ("第二篇的主题", [lede])]


def test_lines_that_fit_no_part_are_kept_and_noted():
    text = "开头没有标题的正文。\n\n主题 甲乙\n\n副题说明较长的一行事实\n\n正文。\n\n本报通讯员 王琳\n"
    drafts, notes, decisions = _segment(text)
    assert "开头没有标题的正文。" in [p.text for d in drafts for p in d.paragraphs]
    assert drafts[-1].byline == "本报通讯员 王琳"   # a byline at the end is the story's
    assert [n.line for n in notes] == [1] and (9, "byline") in [(d.line, d.what) for d in decisions]


def test_markdown_headings_and_breaks():
    text = "# 第一篇主题\n\n## ——副题\n\n正文。\n\n## 小标题\n\n又一段。\n\n---\n\n# 第二篇\n\n正文二。\n"
    drafts, notes, _ = _segment(text, markdown=True)
    assert [(d.title, d.subtitle) for d in drafts] == [("第一篇主题", "——副题"), ("第二篇", "")]
    assert _paras(drafts[0]) == [("body", "正文。"), ("subhead", "小标题"), ("body", "又一段。")]
    assert not notes


def _set_in_ems(text: str, measure: float) -> list[str]:
    """A greedy setter's lines, `measure` ems wide (ASCII half an em): a character goes on the
    line while it fits, a space at a line's end is dropped (as PDF extraction drops it)."""
    em = lambda t: sum(0.5 if ord(c) < 0x2000 else 1.0 for c in t)  # noqa: E731
    lines, line = [], ""
    for ch in text:
        if line and em(line + ch) > measure:
            lines.append(line.rstrip(" "))
            line = ""
            if ch == " ":
                continue
        line += ch
    return lines + [line]


def _cut_at_count(text: str, count: int) -> list[str]:
    return [text[i:i + count] for i in range(0, len(text), count)]


@pytest.mark.parametrize("setter, lead, number, broken", [
    # set in ems, the line full where the digits are cut: one run cut, or a space at the end
    (_set_in_ems, "居民办理业务可以拨打", "0794882166001234", ("079488", "2166001234")),
    # set in ems, the line half an em short, at the number's space: the space goes back
    (_set_in_ems, "企业可以拨打热线", "0794-8821 6600", ("0794-8821", "6600")),
    # cut every 13 characters: the line is short in ems only for its digits, one run cut
    (_cut_at_count, "居民可以拨打", "0794-88216600", ("0794-88", "216600")),
])
def test_a_number_broken_across_a_line_keeps_or_loses_its_space_as_the_line_width_says(
        setter, lead, number, broken):
    filler = "这是一个很长的段落，它被排成了每行十三个字宽的样子，一直排到最后才结束。"
    para = lead + number + "咨询详情，工作人员每天都会及时进行答复。"
    lines = setter(filler * 3, 13) + setter(para, 13) + setter(filler * 3, 13)
    cut = next(k for k, ln in enumerate(lines) if ln.endswith(broken[0]))
    assert lines[cut + 1].startswith(broken[1])        # the number really falls at a line end
    text = "\n".join(["第一篇的主题", *lines]) + "\n"
    assert detect(read_lines(text)).kind is ShapeKind.TYPESET
    (draft,), _, decisions = _segment(text)
    assert number in "".join(p.text for p in draft.paragraphs)
    full_line = setter is _set_in_ems and " " not in number
    assert [d.what for d in decisions if d.what.endswith("-join")] == \
        (["number-join"] if full_line else [])       # a full line: either reading; listed


# --- a paragraph's first line two ems short over a full line (the page of mixed widths) -------

FIRST = "招聘会还设置了政策咨询台和技能"       # 15 ems: a 17-em column's first line, indent lost
FULL = "培训报名点，工作人员为求职者讲解社"     # 17 ems: a line inside the paragraph
TAIL = "保补贴、创业贷款等政策。"


def _continues(a: str, b: str, after: str, short: bool):
    from layout.intake.shape import Shape
    from layout.intake.unwrap import Unit, continues

    lines = read_lines(f"{a}\n{b}\n{after}\n")
    shape = Shape(ShapeKind.TYPESET, by_chars=True, full=17, low=16, high=20.5,
                  starts_short=short)
    unit = Unit(lines[0].kind, lines[0], lines[0], [a], size=len(a))
    return continues(unit, lines[1], shape, lines[2])


def test_a_first_line_two_ems_short_over_a_full_line_runs_on_where_starts_lose_their_indent():
    """Text after a 小标题 opens a paragraph, whose first line is short by its lost indent: a
    short plain line over a full one is itself a paragraph's first line (listed), however the
    story's measure was read — not where the copy starts its paragraphs flush."""
    assert _continues(FIRST, FULL, TAIL, short=True) == (True, "headline")
    assert _continues(FIRST, FULL, TAIL, short=False) == (False, "")
    assert _continues(FIRST, FULL[:15], TAIL, short=True) == (False, "")   # over a first line


def test_the_copys_paragraph_starts_are_read_two_ems_short_or_flush():
    from layout.intake.shape import starts_short

    paras = ["新建公园里设置了健身器材和儿童游乐设施，方便附近居民就近锻炼。",
             "公园的管理由社区志愿者负责，每天早晚各巡查一次，发现问题及时上报。",
             "今年还将新建口袋公园三处，全部对市民免费开放，公园里设置健身器材。"]

    def page(first: int) -> str:   # a 15-em column, each paragraph's first line `first` ems
        out = ["第一段说完了。"]
        for text in paras:
            out.append(text[:first])
            out += [text[k:k + 15] for k in range(first, len(text), 15)]
        return "\n".join(out) + "\n"

    assert starts_short(read_lines(page(13)))
    assert not starts_short(read_lines(page(15)))


def test_a_phrase_gap_a_line_was_cut_at_is_kept():
    """Copy cut at a count may cut at a U+3000 inside running text (“珍爱生命　预防溺水”): the
    space ends the raw line, and it is text, not a wrap — an ASCII space there between Chinese
    characters is a stray one, and goes."""
    body = ["各中小学校同步开展“珍爱生命\u3000", "预防溺水”专题教育活动，全区", "师生参与其中。"]
    lines = read_lines("\n".join(body) + "\n")
    units, _ = unwrap(lines, detect(lines))
    assert units[0].text == "各中小学校同步开展“珍爱生命\u3000预防溺水”专题教育活动，全区师生参与其中。"
    lines = read_lines("\n".join(body).replace("\u3000", " ") + "\n")
    assert "珍爱生命预防溺水" in unwrap(lines, detect(lines))[0][0].text


def test_a_brief_column_in_chunks_is_no_typeset_column_of_its_titles_width():
    """Chunked copy of a story and a 简讯 column of six items with no 电头 (a title of 11 or 14
    characters, one paragraph of 45-50): the titles and the tails of the two items cut at a
    column's end are most of its short lines, 10 to 12 characters, which read as a typeset
    column 11 wide (shape.typeset_shape), and every title ran on into its news and after the
    item before (…市民买菜更放心。青溪古镇灯光秀每晚开演11月20日起,…): the six were lost as stories
    in three paragraphs of the lead. Most of the copy's characters stand in lines wider than
    any column: it is chunked copy, and every item is a story."""
    lead = ["本报讯 11月15日零时,全市集中供暖正式启动。市供热办负责人介绍,今年全市供热面积达到1.2亿"
            "平方米,比去年增加了300万平方米,新增热用户2.1万户。",
            "各供热企业已完成管网检修和设备调试,确保居民室温达标。据了解,今年供暖期为151天,比往年提前"
            "5天,全市共有热源厂12座,换热站1860座,供热管网总长度超过5000公里。",
            "市民如遇暖气不热等问题,可拨打12345热线反映,维修人员将在2小时内上门。市供热办还将组织专人"
            "开展入户测温,对室温不达标的小区督促整改,确保群众温暖过冬。"]
    items = [("城西菜市场完成提升改造", ["改造后的城西菜市场新增摊位80个,地面铺设防滑地砖,还设置了公平秤和农残"
                                     "检测室,市民买菜更放心。"]),
             ("青溪古镇灯光秀每晚开演", ["11月20日起,青溪古镇灯光秀每晚18:30开演,持续到12月底,不少市民带",
                                     "着孩子前来拍照打卡。"]),
             ("老旧小区加装电梯进展顺利推进", ["今年全区已有42部加装电梯投入使用,另有18部正在施工,预计年底前"
                                          "全部完工,惠及居民1600余户。"]),
             ("冬季森林防火工作进入关键时期", ["县林业局提醒,入冬以来全县降水偏少,森林火险等级偏高,进山人员严禁"
                                          "携带火种,严禁野外用火。"]),
             ("滨河社区图书角正式开放", ["滨河社区图书角每周二至周日开放,藏书3000余册,居民凭身份证即可免费借阅,"
                                     "还可线上预约图书。"]),
             ("县医院开通夜间便民门诊", ["县人民医院内科、儿科每天18:00至21:00接诊,方便上班族和学生看病,患",
                                     "者可通过公众号提前预约。"])]
    lines = ["全市冬季供暖今日全面启动", "本报记者 王琳", *lead]
    for title, pieces in items:
        lines += [title, *pieces]
    drafts, _, _ = _segment("\n\n".join(lines) + "\n")
    assert [d.title for d in drafts] == ["全市冬季供暖今日全面启动"] + [t for t, _ in items]
    assert [_paras(d) for d in drafts[1:]] == [[("body", "".join(p))] for _, p in items]
