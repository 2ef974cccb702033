"""`make bench-import`: `layout import` on a million characters of copy of every shape.

Issue 17 found the import quadratic (one line of 40,000 Latin letters took
48 s; a million never ended). Each case here is generated in memory — one
long Latin line, copy in the three shapes editors send (chunked columns,
typeset PDF lines, a paragraph a line), and text built to provoke the
normaliser (long runs of dashes and quotes, spaces between every
character, many addresses, one story followed by thousands of captions)
— written to a file and imported into a fresh
issue folder. The table gives wall and CPU seconds (the machines are shared:
CPU time is the steadier figure) and articles written; time should grow in
proportion to the input (try --chars 250000 and compare).
Run: python -m layout.intake.bench [--chars N]
"""
from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

_SENTENCES = (
    "记者6月17日从区民政局获悉，今年以来全区新建社区长者食堂15个，日均服务老年人4600余人次。",
    "夜市开市首月客流量达18.6万人次，带动周边营业额同比增长31.6%。",
    "市民可登录https://www.example.gov.cn/fw查询进度，或发送邮件至info@example.cn反映问题。",
    "平台采用5G、AI视频识别等技术，在38个停车场布设Wi-Fi信号和电子引导屏。",
    "“饭菜软烂清淡，价格也实惠。”78岁的张大爷几乎每天都来这里吃午饭。",
)


_TITLES = ("我区新增15个社区长者食堂", "智慧停车平台上线运行", "夜市经济“火”起来",
           "河湾区开通“15分钟就医圈”服务专线", "青年志愿者走进敬老院")


def _paragraphs(rng: random.Random, chars: int) -> list[list[str]]:
    """Stories (a headline, then paragraphs of three to six sentences) of about `chars`."""
    stories, size = [], 0
    while size < chars:
        story = [rng.choice(_TITLES) + f"（{len(stories) + 1}）"]
        for _ in range(rng.randint(2, 5)):
            story.append("".join(rng.choice(_SENTENCES) for _ in range(rng.randint(3, 6))))
        stories.append(story)
        size += sum(len(p) for p in story)
    return stories


def _chop(text: str, width: int) -> list[str]:
    return [text[i:i + width] for i in range(0, len(text), width)]


def cases(chars: int) -> dict[str, str]:
    rng = random.Random(19)
    stories = _paragraphs(rng, chars)
    chunked = "\n\n".join(piece for s in stories for p in s for piece in _chop(p, 150))
    typeset = "\n\n".join("\n".join([s[0]] + [ln for p in s[1:] for ln in _chop(p, 17)])
                          for s in stories)
    paragraphs = "\n\n".join("\n".join(s) for s in stories)
    return {
        "one Latin line": "标题\n\n" + "a" * chars,
        "chunked columns": chunked[:chars],
        "typeset lines": typeset[:chars],
        "a paragraph a line": paragraphs[:chars],
        "dashes and quotes": "标题\n\n中" + "—“" * (chars // 2),
        "spaces between all": "标题\n\n" + "中 " * (chars // 2),
        "addresses": "标题\n\n" + "见www.a.cn/x,或a@b.cn。" * (chars // 20),
        "a story, many photos": "标题\n本报记者 王琳\n" + "\n".join(
            "".join(s[1:]) for s in stories)[:chars // 2] + "。\n"
        + "小区新增休闲广场。\n本报记者 赵刚 摄\n" * (chars // 40),
    }


def run(chars: int) -> list[tuple[str, int, float, float, int]]:
    from layout.errors import Diagnostics
    from layout.intake import import_file

    rows = []
    for name, text in cases(chars).items():
        with tempfile.TemporaryDirectory() as tmp:
            source = Path(tmp) / "copy.txt"
            source.write_text(text, encoding="utf-8")
            wall, cpu = time.perf_counter(), time.process_time()
            import_file(source, Path(tmp) / "issue", force=False, dry_run=False,
                        diag=Diagnostics())
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            articles = len(list((Path(tmp) / "issue" / "articles").glob("*.md")))
        rows.append((name, len(text), wall, cpu, articles))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description="Time layout import on large copy.")
    parser.add_argument("--chars", type=int, default=1_000_000)
    args = parser.parse_args()
    print(f"{'copy':<20} {'characters':>10} {'wall s':>7} {'CPU s':>6} {'articles':>8}")
    for name, size, wall, cpu, articles in run(args.chars):
        print(f"{name:<20} {size:>10,} {wall:>7.2f} {cpu:>6.2f} {articles:>8}")


if __name__ == "__main__":
    main()
