"""Building model issues in memory for the pages tests."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from layout.model import Article, ArticleKind, Headline, Hints, Issue, Page, Paragraph, Photo
from layout.style import default_style

REPO = Path(__file__).resolve().parents[2]
PHOTO = REPO / "issues" / "sample" / "photos" / "yizhen.jpg"
HAN = (REPO.parent / "shared" / "data" / "tongyong-guifan-hanzi-8105.txt")


def han_alphabet() -> str:
    if HAN.exists():
        return "".join(line.strip()[:1] for line in HAN.read_text("utf-8").splitlines()[:3500])
    return "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严"


def story(n: int, chars: int, columns: int | None = None, photo: bool = False,
          alphabet: str | None = None) -> Article:
    alphabet = alphabet or han_alphabet()
    text = "".join(alphabet[(n * 31 + i * 7) % len(alphabet)] for i in range(chars))
    paragraphs, i = [], 0
    while i < len(text):
        paragraphs.append(Paragraph(text[i:i + 90] + "。"))
        i += 90
    photos = (Photo(PHOTO, "图片说明" + text[:10] + "。", "本报记者 王明 摄", 2000, 1333),) if photo else ()
    title = "".join(alphabet[(n * 13 + k) % len(alphabet)] for k in range(6 + n % 8))
    return Article(f"a{n}", Headline(title, subtitle="副题" + title[:5] if n % 2 else ""),
                   tuple(paragraphs), photos=photos, hints=Hints(columns=columns),
                   dateline="本报讯（记者 李华）" if n % 3 else "")


def photo_news(n: int) -> Article:
    return Article(f"p{n}", Headline(""), (), kind=ArticleKind.PHOTO,
                   photos=(Photo(PHOTO, "为进一步提升社区居民健康意识，近日开展义诊活动。", "本报通讯员 东宣 摄",
                                 2000, 1333),))


def issue_of(articles: list[Article], style=None) -> Issue:
    return Issue("t", "铁东新闻", dt.date(2025, 6, 18),
                 (Page(1, "社区", tuple(articles), "李明"),), style or default_style(), 2316)
