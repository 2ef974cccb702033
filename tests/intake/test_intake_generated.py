"""Generated copy in every shape (the corpus's and the other hand's, strangers.py), stories
and untitled photo items: whatever the importer decides, it loses no character and
changes no number or address, and a Latin word only where it lists the join for the editor.

30 examples in the suite; `make fuzz-import` runs 3,000 (INTAKE_EXAMPLES sets the number)."""
from __future__ import annotations

import re
import tempfile
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.intake import corpus, strangers

SENTENCES = (
    "今年以来，全区新建社区长者食堂15个，日均服务老年人4600余人次。",
    "夜市开市首月客流量达18.6万人次，带动周边营业额同比增长31.6%。",
    "市民可登录https://www.example.gov.cn/fw/index.html查询进度。",
    "也可发送邮件至service2025@example.cn反映问题。",
    "平台采用5G、AI视频识别等技术，布设Wi-Fi信号和电子引导屏。",
    "“饭菜软烂清淡，价格也实惠。”78岁的张大爷说。",
    "工程总投资1.86亿元，将于2025年10月底前完工。",
    "活动现场气氛热烈。",
    "专线电话0411-86654321全天开通，已接听来电1376个。",
    "报名时间为2025-08-14至2025-08-20，咨询电话0412-1234567。",
    "来自美国的David Miller已在这里工作5年，他说：“我喜欢这座城市。”",
    "“以前来办事要跑好几趟。”8月10日上午，市民刘女士说。",
    "停电时间为8月16日8:00至17:00，详情见www.example-power.cn。",
)
TITLES = ("我区新增15个社区长者食堂", "智慧停车平台上线运行", "夜市经济“火”起来",
          "办好民生实事　打造温馨家园", "青年志愿者走进敬老院", "滨湖公园完成提档升级")

paragraph = st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=5).map("".join)
story = st.builds(
    lambda title, kicker, byline, dateline, paras, photo: corpus.Source(
        "g", "story", kicker, title, "", byline, dateline,
        tuple(("body", p) for p in paras),
        (("6月17日，市民在公园赏荷。", "本报记者 林晓雯 摄"),) if photo else ()),
    st.sampled_from(TITLES), st.sampled_from(("", "聚焦民生实事")),
    st.sampled_from(("", "本报记者 周鹏")), st.sampled_from(("", "本报讯（记者 周鹏）")),
    st.lists(paragraph, min_size=1, max_size=4), st.booleans())
photo_item = st.builds(
    lambda caption: corpus.Source("p", "photo", photos=((caption, "本报通讯员 林可 摄"),)),
    st.sampled_from(("近日，南山公园的荷塘迎来最佳观赏期，不少摄影爱好者前来拍摄。",
                     "8月11日，一群白鹭在湿地公园的浅滩上觅食。")))
SHAPES = {"chunked": lambda s: corpus.render_chunked(s, 5),
          "pdf": lambda s: strangers.render_pdf(s, 19),
          "columns": strangers.render_columns,
          "page": strangers.render_page,
          "markdown": strangers.render_markdown,
          "typeset": lambda s: corpus.render_typeset(s, "lost"),
          "naive": lambda s: corpus.render_typeset(s, "naive", blank_between=False),
          "ragged": lambda s: corpus.render_typeset(s, "ragged"),
          "paragraphs": lambda s: corpus.render_paragraphs(s, "none")}
ADDRESSES = re.compile(r"(?:https?://|www\.)[!-~]+?(?=[^!-~]|$)"
                       r"|[A-Za-z0-9.+_-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"
                       r"|\d+(?:[.,:/-]\d+)*%?")


@settings(max_examples=int(__import__("os").environ.get("INTAKE_EXAMPLES", "30")), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(story, story, story, photo_item), min_size=1, max_size=6),
       st.sampled_from(sorted(SHAPES)))
def test_generated_copy_keeps_every_character_number_and_address(stories, shape):
    raw = SHAPES[shape](stories).text()
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / ("copy.md" if shape == "markdown" else "copy.txt")
        source.write_text(raw, encoding="utf-8")
        out, plan = corpus.import_raw(source, Path(tmp) / "issue")
    text = "\n".join(corpus._all_text(o) for o in out)
    assert not corpus.significant(raw) - corpus.significant(text)
    want = Counter(ADDRESSES.findall("\n".join(corpus._all_text(s) for s in stories)))
    assert Counter(ADDRESSES.findall(text)) == want
    latin_guesses = sum(1 for d in plan.decisions if d.what == "latin-join")
    assert sum((corpus.tokens(raw.replace("\n", "")) - corpus.tokens(text)).values()) \
        <= 2 * latin_guesses
