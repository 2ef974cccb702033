"""A page dumped with its two columns side by side (`pdftotext -layout`) is read column by
column, page by page, and the report's lines still point into the dump (layout/intake/columns.py).
Copy written for these tests."""
from __future__ import annotations

from layout.errors import Diagnostics
from layout.intake.columns import page_starts, unfold
from layout.intake.text_import import plan_import

LEFT = ["社区食堂开到家门口", "本报讯（通讯员 包晓燕）近", "日，柳岸社区长者食堂正式开", "业，可同时容纳80人就餐。",
        "60岁以上老人每餐12元。", "", "图书馆延长开放时间", "即日起，区图书馆开放时间", "延长至21:00，读者可登录"]
RIGHT = ["https://lib.example.cn预约", "座位。", "", "银杏大道迎来观赏期", "11月16日，市民在湿地公", "园银杏大道拍照留念。",
         "本报记者 潘立新 摄", "", "湿地迎来越冬候鸟"]
PAGE2 = (["11月18日，成群的白鹭在湿", "地公园的浅滩上觅食。"], ["", "“夜读”服务受欢迎"])


def _dump(left, right, width=30):
    """Rows of two columns, the right one starting at display column `width`."""
    rows = []
    for a, b in zip(left, right):
        pad = width - sum(1 if ord(c) < 0x2000 else 2 for c in a)
        rows.append((a + " " * pad + b).rstrip() if b else a)
    return rows


def _copy() -> str:
    return "\n".join(_dump(LEFT, RIGHT) + ["\f" + _dump(*PAGE2)[0], *_dump(*PAGE2)[1:]]) + "\n"


def test_the_columns_are_read_one_after_the_other_page_by_page():
    text = _copy()
    starts = page_starts(text.encode("utf-8"))
    assert starts == {10}
    unfolded, numbers = unfold(text.replace("\f", ""), starts)
    assert unfolded.split("\n")[:len(LEFT) + len(RIGHT)] == LEFT + RIGHT
    assert unfolded.split("\n")[len(LEFT) + len(RIGHT):-1] == PAGE2[0] + PAGE2[1]
    assert numbers[:len(LEFT)] == numbers[len(LEFT):2 * len(LEFT)] == list(range(1, 10))


def test_copy_with_indents_and_phrase_gaps_is_no_dump_of_columns():
    lines = ["新增充电端口2600个  “飞线充电”明显减少", "    本报讯 近日，全区新增充电端口", "2600个，覆盖居民小区120个。"] * 6
    assert unfold("\n".join(lines) + "\n") is None


def test_an_import_of_a_dump_finds_each_story_whole_and_says_it_read_columns(tmp_path):
    raw = tmp_path / "page.txt"
    raw.write_text(_copy(), encoding="utf-8")
    plan = plan_import(raw, tmp_path / "issue", Diagnostics())
    titles = [c.article.title for c in plan.cleaned]
    assert titles == ["社区食堂开到家门口", "图书馆延长开放时间", "银杏大道迎来观赏期", "湿地迎来越冬候鸟", "“夜读”服务受欢迎"]
    texts = [[p.text for p in c.article.paragraphs] for c in plan.cleaned]
    assert texts[1] == ["即日起，区图书馆开放时间延长至21:00，读者可登录https://lib.example.cn预约座位。"]
    assert texts[3] == ["11月18日，成群的白鹭在湿地公园的浅滩上觅食。"]
    assert ("columns", 1) in [(d.what, plan.source_line(d.line)) for d in plan.decisions]
    assert all(1 <= plan.source_line(d.line) <= 12 for d in plan.decisions)
