"""Markdown in an article body is read as a column prints it: no asterisk, bracket or
tag reaches the page, no word of copy is dropped, and what changed is said at its line."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from layout.errors import Diagnostics, InputError
from layout.intake.docx.source import Source
from layout.manifest import load_issue
from layout.manifest.article import parse_body
from layout.manifest.markdown import escape_markdown, needs_markdown, parse_markdown
from layout.model import ParagraphKind

FRONT = '---\ntitle: "办好民生实事"\ndateline: "本报讯（记者 常欣月）"\n---\n\n'
BODY = """为优化社区服务，**近日**，文字**“近日”**文字，
　　两座*崭新*凉亭投入使用，详见[社区网站](https://example.cn/a?b=1)。

> 居民王大爷说：“这下好了，有地方歇脚了。”

1. 第一项，清晨的晨练闲谈；
2. 第二项，午后的家长里短。

- 傍晚的趣味分享
- 周末的邻里聚会

<span style="color:red">红字</span>提醒居民注意安全，网址<https://example.cn>。

### 三级标题也是小标题
紧接着的正文。
"""


@pytest.fixture
def issue(tmp_path, sample_dir) -> Path:
    target = tmp_path / "issue"
    shutil.copytree(sample_dir, target)
    return target


def test_each_construct_becomes_what_a_column_prints():
    got = [(p.kind, p.text, p.line) for p in parse_markdown(BODY, 6, Path("a.md"), None)]
    body, sub = ParagraphKind.BODY, ParagraphKind.SUBHEAD
    assert got == [
        (body, "为优化社区服务，近日，文字“近日”文字，两座崭新凉亭投入使用，"
               "详见社区网站（https://example.cn/a?b=1）。", 6),
        (body, "居民王大爷说：“这下好了，有地方歇脚了。”", 9),
        (body, "1.第一项，清晨的晨练闲谈；", 11),
        (body, "2.第二项，午后的家长里短。", 12),
        (body, "傍晚的趣味分享", 14),
        (body, "周末的邻里聚会", 15),
        (body, "红字提醒居民注意安全，网址https://example.cn。", 17),
        (sub, "三级标题也是小标题", 19),
        (body, "紧接着的正文。", 20),
    ]


def test_what_changed_is_said_once_per_kind_at_its_first_line(issue):
    (issue / "articles" / "hengji.md").write_text(FRONT + BODY, "utf-8")
    diag = Diagnostics()
    load_issue(issue, diag)
    said = [(w.line, w.message) for w in diag.warnings if w.path and "hengji" in w.path]
    assert [line for line, _ in said] == [6, 6, 9, 17], said
    assert len({message for _, message in said}) == 4


@pytest.mark.parametrize("snippet, line, word", [
    ("前文。\n\n| 项目 | 数量 |\n|---|---|\n| 凉亭 | 2座 |\n", 8, "table"),
    ("前文。\n\n后文![凉亭](photos/wenhua.jpg)。\n", 8, "photos:"),
])
def test_a_table_or_an_inline_picture_is_an_error_at_its_line(issue, snippet, line, word):
    (issue / "articles" / "hengji.md").write_text(FRONT + snippet, "utf-8")
    with pytest.raises(InputError) as err:
        load_issue(issue, Diagnostics())
    assert err.value.line == line and word in err.value.message
    assert err.value.path == issue / "articles" / "hengji.md"


CJK = st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), min_size=1, max_size=30)
PUNCT = st.sampled_from(["", "，", "。", "、", "：", "“", "”", "（", "）", "2025年", "12%"])
LINE = st.lists(st.tuples(CJK, PUNCT), min_size=1, max_size=4).map(
    lambda parts: "".join(a + b for a, b in parts))
BLOCK = st.one_of(st.lists(LINE, min_size=1, max_size=3).map("\n".join),
                  LINE.map(lambda t: "## " + t))


@settings(max_examples=80, deadline=None)
@given(st.lists(BLOCK, min_size=1, max_size=6))
def test_plain_copy_reads_the_same_through_markdown(blocks):
    """Copy without markup never needs the parser, and the parser would read it alike."""
    body = "\n\n".join(blocks) + "\n"
    assert not needs_markdown(body)
    plain = [(p.text, p.kind, p.line) for p in parse_body(body, 6)]
    parsed = [(p.text, p.kind, p.line) for p in parse_markdown(body, 6, Path("a.md"), None)]
    assert parsed == plain


def test_corrections_find_each_list_item_on_its_own_line(tmp_path):
    """A DOCX correction edits one item, never the block of lines all items share."""
    text = FRONT + "1. 第一项；\n2. 第二项。\n\n## 小标题\n紧接着的正文。\n"
    source = Source.parse(tmp_path / "a.md", text)
    spans = [(text[s.start:s.end], s.value) for s in source.body()]
    assert spans == [("1. 第一项；", "1.第一项；"), ("2. 第二项。", "2.第二项。"),
                     ("## 小标题", "小标题"), ("紧接着的正文。", "紧接着的正文。")]


def test_no_markup_reaches_the_printed_page(tmp_path, issue):
    import pymupdf
    from tests.cli_helpers import run
    (issue / "articles" / "hengji.md").write_text(FRONT + BODY, "utf-8")
    out = tmp_path / "out"
    assert run("build", issue, "-o", out, "--format", "pdf").code == 0
    with pymupdf.open(next(out.glob("*.pdf"))) as doc:
        text = "".join(page.get_text() for page in doc).replace("\n", "").replace(" ", "")
    for gone in ("**", "*崭新", "](", "<span", "> 居民", "- 傍晚"):
        assert gone not in text
    for kept in ("崭新凉亭", "（https://example.cn/a?b=1）", "1.第一项", "周末的邻里聚会"):
        assert kept in text


TYPED = st.text(st.one_of(st.characters(min_codepoint=0x21, max_codepoint=0x7E),
                          st.sampled_from("  近日文字，。“”（）　")), min_size=1, max_size=40)


@settings(max_examples=300, deadline=None)
@given(TYPED)
def test_text_written_back_by_a_correction_reads_back_as_typed(text):
    """What a copy editor types (`> 引文`, `1. 条目`, `**`, `[1](x)`) is copy, not markup."""
    from layout.manifest.text import join_lines
    expected = join_lines([text])
    paragraphs = parse_body(escape_markdown(text), 1, Path("a.md"))
    assert [(p.text, p.kind) for p in paragraphs] == (
        [(expected, ParagraphKind.BODY)] if expected else [])
