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


# 新华社-style wire copy: names with accents and hyphens, products, URLs, e-mail addresses,
# 5G/GDP/PM2.5, dates (2026-12-01), times (13:30—15:00), telephone numbers.
WIRE = [
    "新华社北京12月1日电（记者王磊）世界卫生组织（WHO）总干事Tedros Adhanom Ghebreyesus当天在日内瓦表示，全球已有超过120个国家接入该组织的数字健康平台，详情可访问www.who.int/zh/news查询。",
    "据美国《The Wall Street Journal》报道，Apple公司首席执行官Tim Cook在2026年12月1日的发布会上宣布，新款iPhone将支持5G-Advanced网络，起售价为799美元。",
    "国家统计局数据显示，前三季度全市GDP同比增长5.2%，规模以上工业增加值增长6.8%，PM2.5平均浓度为32微克/立方米，同比下降8.6%。",
    "活动时间为2026-12-01至2026-12-15，每天13:30—15:00开放，市民可发送邮件至service@tiedong.gov.cn或拨打12345热线预约。",
    "来自德国的工程师Hans-Christian Schneider和来自法国的建筑师Marie-Claire Lefebvre共同参与了该项目的设计，项目获得了Red Dot Design Award。",
    "英国《Financial Times》援引International Monetary Fund（IMF）的最新报告称，亚洲经济体明年有望保持4.5%左右的增长。",
    "Microsoft公司与OpenAI合作推出的ChatGPT Enterprise已在本地多家企业试用，相关负责人Satya Nadella表示，人工智能将重塑工作方式。",
    "市民可通过“铁东发布”微信公众号或登录https://www.tiedong.gov.cn/zwgk/tzgg/202612/t20261201_1234567.html查看全文，咨询电话0412-2345678。",
    "本届论坛以“Building Resilient Cities Together”为主题，吸引了来自Singapore、Netherlands、Australia等18个国家和地区的300余名代表参加。",
    "据Reuters报道，Tesla公司在上海超级工厂生产的Model Y累计下线已突破100万辆，Elon Musk在社交平台X上发文表示祝贺。",
    "新华社记者从中国科学院了解到，由Jennifer Doudna团队与国内科研人员联合开展的CRISPR-Cas9基因编辑研究取得新进展，论文发表于《Nature Biotechnology》。",
    "冬季供暖期间，室内温度应不低于18℃，居民如遇暖气不热，可在8:00—17:00拨打0412-5551234报修，或通过APP“暖心铁东”在线提交。",
    "联合国秘书长António Guterres在COP31气候大会开幕式上呼吁各国加快落实《Paris Agreement》承诺，到2030年将温室气体排放量减少43%。",
    "该款车型搭载的LiDAR激光雷达和NVIDIA DRIVE Orin芯片，可实现L2+级辅助驾驶，百公里电耗仅为12.5kWh。",
    "世界银行（World Bank）行长Ajay Banga在视频致辞中说，数字基础设施投资是发展中国家实现可持续增长的关键，首期资金为2.5亿美元。",
]


# A 文体 page's copy (sports results, concerts, a science fair): foreign names, scores
# (3:1, 98-95), times (2:05:33), speeds and units (km/h, 5G, COVID-19, 4K), dates, URLs
# and e-mail addresses — the strings a reader must find unchanged in every output.
SPORT_NAMES = ["Michael Johnson", "Serena Williams", "Kylian Mbappé", "LeBron James", "Novak Djokovic",
               "Eliud Kipchoge", "Simone Biles", "Lionel Messi", "Naomi Osaka", "Stephen Curry",
               "Usain Bolt", "Rafael Nadal", "Katie Ledecky", "Erling Haaland"]
SPORT_TEAMS = ["Los Angeles Lakers", "Real Madrid", "Manchester United", "Golden State Warriors",
               "Bayern München", "Paris Saint-Germain", "New York Yankees", "FC Barcelona"]
SPORT_EVENTS = ["NBA总决赛", "FIFA世界杯", "ATP年终总决赛", "WTA 1000赛", "F1中国大奖赛",
                "CBA联赛", "UEFA欧洲冠军联赛", "Diamond League钻石联赛"]
SCORES = ["3:1", "98-95", "2:2", "6-4", "7-6(5)", "112-108", "1:0", "4:3"]
UNITS = ["350km/h", "5G", "COVID-19", "4K", "120Hz", "2.5GHz", "100m", "42.195km", "9.58s",
         "2:01:09", "USB-C", "Wi-Fi 7", "iPhone 17", "AI+"]
SPORT_URLS = ["www.tdsports.cn", "https://tiyu.tiedong.gov.cn/saishi/2026", "tdtyj@126.com",
              "www.olympics.com/zh", "ticket.tdsports.cn/buy?id=2026"]
SPORT = [
    "在{event}中，{team}以{score}战胜对手，{name}全场贡献关键一球，赛后他在社交媒体上感谢了球迷的支持。",
    "{name}在接受采访时说：“比赛很艰难，但我们坚持到了最后。”本场比赛的直播观看人次超过{unit}规模的预期。",
    "本届比赛设立{unit}组和公开组，报名截止日期为2026-12-20，详情请登录{url}或发送邮件至{mail}咨询。",
    "据{team}官网消息，{name}将于下周抵达铁东，参加为期三天的青少年训练营，营地设在区全民健身中心。",
    "比赛采用{unit}超高清直播，最高时速达到{unit2}的赛车在弯道处上演了精彩的超越，{name}最终夺冠。",
    "受COVID-19疫情影响停办三年的城市马拉松今年恢复举办，全程{unit}，{name}以{score}的比分佳绩……",
    "{team}与{team2}的比赛打得难解难分，最终比分定格在{score}，{name}获评全场最有价值球员（MVP）。",
    "区文体局提醒，购票请通过{url}官方渠道，谨防诈骗，如有疑问可致电0412-2661234或写信至{mail}。",
]


def sport_paragraphs(count: int = 48, seed: int = 29) -> list[str]:
    """`count` paragraphs of a 文体 page: two to four sentences, about half foreign."""
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        sentences = []
        for _ in range(rng.randint(2, 4)):
            if rng.random() < 0.5:
                sentences.append(rng.choice(SPORT).format(
                    event=rng.choice(SPORT_EVENTS), team=rng.choice(SPORT_TEAMS),
                    team2=rng.choice(SPORT_TEAMS), name=rng.choice(SPORT_NAMES),
                    score=rng.choice(SCORES), unit=rng.choice(UNITS), unit2=rng.choice(UNITS),
                    url=rng.choice(SPORT_URLS[:2] + SPORT_URLS[3:]), mail=SPORT_URLS[2]))
            else:
                sentences.append(rng.choice(PLAIN))
        out.append("".join(sentences))
    return out
