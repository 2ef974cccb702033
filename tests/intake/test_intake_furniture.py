"""A 数字报 web page's furniture (版次 line, editor and source, links, page tools) is no copy:
taken out before the copy is read, each line listed in the report, never a sentence."""
from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from layout.cli import app
from layout.intake.furniture import is_furniture

FURNITURE = ["柳塘日报 2026年11月19日 第02版：民生", "2026年11月19日　星期四　第A03版：要闻",
             "第01版：要闻", "【责任编辑：韩雪】", "责任编辑：韩雪　校对：李明", "[编辑:周岚]",
             "【来源：柳塘日报】", "来源：新华社", "上一篇：停水通知", "下一篇：外婆的腌菜坛",
             "下一篇", "【字体：大 中 小】", "打印本页　关闭窗口", "【打印】【关闭】",
             "分享到："]
COPY = ["详见本报第3版。", "本报记者 潘立新", "□ 苏晚晴", "数据来源：区统计局，2025年", "停水通知",
        "上一篇文章引起了读者的热烈讨论，不少人来信。", "编辑部的故事", "第十二届青少年机器人创新大赛",
        "“来源：哪里都有”", "校对工作的三个要点"]


@pytest.mark.parametrize("text", FURNITURE)
def test_a_web_page_s_furniture_is_read_as_such(text):
    assert is_furniture(text)


@pytest.mark.parametrize("text", COPY)
def test_copy_is_never_read_as_furniture(text):
    assert not is_furniture(text)


PAGE = """柳塘日报 2026年11月19日 第02版：民生
社区食堂开到家门口

　　本报讯（通讯员 包晓燕）近日，柳塘街道柳岸社区长者食堂正式开业，可同时容纳80人就餐。

　　“菜品少油少盐，价格也实惠。”今年78岁的居民钱桂兰说。

【责任编辑：韩雪】
【来源：柳塘日报】
下一篇：停水通知


柳塘日报 2026年11月19日 第02版：民生
停水通知

　　因施工，11月22日8:00至20:00，以下区域将暂停供水。

【责任编辑：韩雪】
上一篇：社区食堂开到家门口
"""


def test_pasted_web_pages_import_as_their_articles_and_the_report_lists_what_went(tmp_path: Path):
    src = tmp_path / "web.txt"
    src.write_text(PAGE, encoding="utf-8")
    issue = tmp_path / "issue"
    result = CliRunner().invoke(app, ["import", str(src), "--issue", str(issue), "--dry-run"],
                                env={"LAYOUT_LANG": "en"})
    assert result.exit_code == 0, result.output
    assert "2 articles" in result.output and "社区食堂开到家门口" in result.output
    listed = result.output.split("Web page lines left out")[1]
    for n, line in enumerate(PAGE.splitlines(), start=1):
        if line and is_furniture(line):
            assert f"line {n}: {line}" in listed
    result = CliRunner().invoke(app, ["import", str(src), "--issue", str(issue)])
    assert result.exit_code == 0, result.output
    texts = [p.read_text(encoding="utf-8") for p in sorted((issue / "articles").glob("*.md"))]
    assert len(texts) == 2 and "停水通知" in texts[1] and "钱桂兰" in texts[0]
    assert not any(w in t for t in texts for w in ("责任编辑", "来源：柳塘", "上一篇", "下一篇", "第02版"))
