"""Portraits' captions with no credit under a story's photo, and a staff byline run into the
text where the dictionary reads no name (the team's `portraits` edition's first misses)."""
from __future__ import annotations

import yaml

from layout.errors import Diagnostics
from layout.intake.datelines import split_dateline
from layout.intake.lines import LineKind, classify
from layout.intake.text_import import plan_import
from layout.intake.words import ends_with_name, name_before_word

STORY = """白沙河畔的手艺人
本报记者 韩冬冬日的白沙河老街，竹编工坊的门总是半开着。屋里竹香扑鼻，老人坐在矮凳上编竹篮。
王德顺十四岁跟着父亲学编竹器，到今年整整五十八年。他说，最难的那几年也没舍得丢下这门手艺。
12月15日，白沙河老街的竹编工坊里，学员们在练习起底编法。
本报记者 韩冬 摄
{portraits}
社区戏曲角唱响冬日午后
本报讯（通讯员 李欣然）每周三下午，丰乐社区活动室里总会响起熟悉的锣鼓声。
"""


def _articles(tmp_path, text: str) -> tuple[list[dict], list]:
    tmp_path.mkdir(parents=True, exist_ok=True)
    raw = tmp_path / "copy.txt"
    raw.write_text(text, encoding="utf-8")
    plan = plan_import(raw, tmp_path / "issue", Diagnostics())
    fronts = [yaml.safe_load(t.split("---\n")[1]) for p, t in plan.files.items()
              if p.suffix == ".md"]
    return fronts, list(plan.decisions)


def test_a_name_the_dictionary_does_not_read_ends_where_a_word_begins():
    found = split_dateline("本报记者 韩冬冬日的白沙河老街，")
    assert (found.dateline, found.text, found.guessed) == ("本报记者 韩冬", "冬日的白沙河老街，", True)
    assert split_dateline("本报记者 王晓琳近日来到社区").dateline == "本报记者 王晓琳"
    assert name_before_word("韩冬冬日的") == "韩冬"
    assert name_before_word("某某某某某") == ""      # no word after either length: no guess


def test_a_portraits_caption_ends_with_a_name():
    assert ends_with_name("老手艺人王德顺") and ends_with_name("回乡接班的王晓琳")
    assert not ends_with_name("社区戏曲角唱响冬日午后")
    assert not ends_with_name("白沙河畔的手艺人")


def test_captions_with_no_credit_under_a_storys_photo_are_its_portraits(tmp_path):
    # a blank line after each caption (the captions alone between the credit and a gap), or
    # none (read first as three headline lines over the next story's text)
    for n, portraits in enumerate(("老手艺人王德顺\n\n回乡接班的王晓琳\n", "老手艺人王德顺\n回乡接班的王晓琳")):
        fronts, decisions = _articles(tmp_path / str(n), STORY.format(portraits=portraits))
        assert [f["title"] for f in fronts] == ["白沙河畔的手艺人", "社区戏曲角唱响冬日午后"]
        assert fronts[0]["dateline"] == "本报记者 韩冬"
        assert [(p["caption"], p["credit"]) for p in fronts[0]["photos"]] == [
            ("12月15日，白沙河老街的竹编工坊里，学员们在练习起底编法。", "本报记者 韩冬 摄"),
            ("老手艺人王德顺", ""), ("回乡接班的王晓琳", "")]
        assert sum(d.what == "portrait" for d in decisions) == 2
        assert "kicker" not in fronts[1]


def test_a_headline_under_a_photo_that_names_no_one_stays_a_headline(tmp_path):
    text = STORY.format(portraits="传统手艺焕发新生机")
    fronts, _ = _articles(tmp_path, text)
    assert len(fronts[0]["photos"]) == 1
    assert fronts[1]["kicker"] == "传统手艺焕发新生机"


def test_a_byline_line_whose_last_name_runs_into_a_time_or_number_is_the_dateline(tmp_path):
    assert classify("本报记者 欧阳晨 通讯员 李卫凌晨")[0] is LineKind.DATELINE
    assert classify("本报记者 欧阳晨 通讯员 李卫凌晨2点")[0] is LineKind.DATELINE
    for byline in ("本报记者 欧阳晨 通讯员 李卫", "本报记者 诸葛明远", "本报记者 王晓琳 张丽娜"):
        assert classify(byline)[0] is LineKind.BYLINE, byline
    text = ("胸痛中心让心梗患者抢回黄金时间\n本报记者 欧阳晨 通讯员 李卫凌晨\n"
            "2点14分，家住青山区的58岁市民老周突然胸口剧痛。\n")
    fronts, _ = _articles(tmp_path, text)
    assert fronts[0]["dateline"] == "本报记者 欧阳晨 通讯员 李卫" and "byline" not in fronts[0]
