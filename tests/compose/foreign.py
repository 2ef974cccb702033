"""Paragraphs of news copy with foreign names, institutions, English titles, URLs and
numbers with their units, as a district paper prints them (written for the composer's
tests; seeded, so the same every run)."""
from __future__ import annotations

import random

NAMES = ["John Smith", "Anna-Lena Müller", "Michael O'Brien", "Jean-Pierre Dubois", "Maria Gonzalez",
         "Hiroshi Tanaka", "David Johnson", "Elizabeth Taylor", "Christopher Nolan", "Olga Petrova",
         "Lars Andersson", "Ahmed Hassan", "Sophie Martin", "Peter Wang"]
ORGS = ["World Health Organization", "Smart City Expo", "New York Times", "Siemens AG", "Tesla Inc.",
        "United Nations Development Programme", "Harvard University", "BBC News",
        "International Energy Agency", "Financial Times", "Deutsche Bahn", "Microsoft Research Asia"]
URLS = ["www.tiedong.gov.cn", "https://www.example.org/news/2025/07", "service.tiedong.gov.cn/zwfw",
        "weibo.com/tiedongfabu", "tdxw@163.com"]
TITLES = ["《The Old Man and the Sea》", "“Hello World”", "《Pride and Prejudice》", "“Made in China 2025”",
          "《A Brief History of Time》", "“Smart Cities for All”"]
NUMS = ["1260个", "2100余人次", "18.6万人次", "3.5公里", "120平方米", "4318户", "52.7%", "186.5亿元",
        "2025年7月17日", "1.2万平方米", "5G基站320座", "第18届", "36个", "850余家", "9.8亿元", "24小时"]
PLAIN = ["今年以来，铁东区坚持把项目建设作为推动高质量发展的“牛鼻子”，经济运行呈现稳中向好、进中提质的良好态势。",
         "回头望去，千山又隐入了云雾之中，仿佛刚才的一切，只是一场梦。",
         "“以前晚上八点街上就没什么人了，现在夜市到十一点还热热闹闹的。”摊主老李笑着说。",
         "社区工作人员挨家挨户走访，详细了解居民的需求，并建立了服务台账。",
         "活动吸引了周边社区的居民前来参观，大家纷纷拿出手机拍照留念。"]
FOREIGN = [
    "来自{org}的专家{name}在座谈会上表示，铁东区在社区治理方面的探索值得借鉴，截至目前已累计服务{num}。",
    "据{org}发布的报告显示，该项目总投资{num}，预计带动就业{num2}，相关信息可登录{url}查询。",
    "“这里的变化太大了！”{name}一边翻看英文版{title}，一边对记者说，他已经在铁东生活了{num}。",
    "活动现场，{name}用流利的中文朗读了{title}的片段，赢得{num}的阅读量和现场观众的阵阵掌声。",
    "{org}亚太区负责人{name}介绍，双方将在智慧交通、数字医疗等领域开展合作，首期投入{num}。",
    "在题为{title}的主题演讲中，{name}分享了{org}在城市更新方面的经验，现场{num}参与互动。",
]


def paragraphs(count: int = 60, seed: int = 26) -> list[str]:
    """`count` paragraphs of two to five sentences, about one in three foreign."""
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        sentences = []
        for _ in range(rng.randint(2, 5)):
            if rng.random() < 0.35:
                sentences.append(rng.choice(FOREIGN).format(
                    org=rng.choice(ORGS), name=rng.choice(NAMES), url=rng.choice(URLS),
                    title=rng.choice(TITLES), num=rng.choice(NUMS), num2=rng.choice(NUMS)))
            else:
                sentences.append(rng.choice(PLAIN))
        out.append("".join(sentences))
    return out
