"""What the parts of a story look like in raw copy, as data (newspaper.md, makeup.md 副刊).

Line patterns (byline, 副刊 byline, 电头, photo credit, 小标题 marks, poem
headings) and the cue tables the rejoining and segmenting steps consult:
marks that may not start or end a line (typography.md §1, GB/T 15834-2011
§5.1.3), and the function characters a headline never ends with. Each entry
says where it comes from; code elsewhere only asks these questions.
"""
from __future__ import annotations

import re

_SPACE = r"[ \u3000\u00a0]"
# A staff title as the paper prints it before a name (newspaper.md: bylines, 电头).
STAFF = (r"(?:本报|新华社|人民网|中新社|央视网)?(?:特约|实习|首席)?"
         r"(?:记者|通讯员|摄影记者|实习生|特约通讯员|评论员)")
_NAME = r"[^\s，。,.；;：:！？!?（）()“”‘’《》「」]{1,12}"

# `本报记者 王琳`, `本报记者 王琳 通讯员 东宣` — under the headline, before the text.
BYLINE = re.compile(rf"^{STAFF}(?:{_SPACE}+{_NAME}){{1,6}}$")
# 副刊 bylines (makeup.md 副刊): `□ 刘堃`, `文／刘堃`, `文/刘堃 图/张扬`.
LITERARY_BYLINE = re.compile(
    rf"^(?:[□■◇◆○●]{_SPACE}*{_NAME}|(?:文|文图|文·图|文／图|诗)[／/]{_SPACE}*{_NAME}"
    rf"(?:{_SPACE}+(?:图|摄影)[／/]{_SPACE}*{_NAME})?)$")
# A photo credit ends with 摄 (`本报通讯员 东宣 摄`), or 供图 for a picture lent (`临江市美术馆供图`).
CREDIT = re.compile(rf"^[（(]?(?:{STAFF}{_SPACE}+)?[^，。,.；;！？!?（）()]{{1,30}}{_SPACE}*(?:摄(?:影)?|供图)[）)]?$")
CREDIT_MAX_CHARS = 34
# ... written in brackets on a web page (`（本报记者 蒋一帆 摄）`): the brackets are markup.
BRACKETED_CREDIT = r"^[（(]([^（）()]{1,32}(?:摄影?|供图))[）)]$"
# The 电头 opening the first paragraph: 本报讯（…）, 本报6月18日讯, 本报北京6月18日电,
# 新华社北京6月17日电（记者 …）, and any of them in 【】 (【本报讯】). Group 1 is the 电头,
# group 2 the text after it.
_DATELINE_CORE = (r"(?:本报讯|本报[^\s，。,()（）【】]{1,12}[电讯]|"
                  r"(?:新华社|中新社|人民网|央视网)[^\s，。,()（）【】]{1,16}电)")
_DATELINE_STAFF = r"(?:[ \u3000]*[(（][^()（）]{1,40}[)）])?"
DATELINE = re.compile(
    rf"^(【{_DATELINE_CORE}{_DATELINE_STAFF}】|{_DATELINE_CORE}{_DATELINE_STAFF})"
    r"[ \u3000]*(.*)$", re.S)
DATELINE_START = re.compile(rf"^【?{_DATELINE_CORE}")
# A paragraph opening with a staff title and a name run straight into the text (`本报记者 冯洁清晨
# 6时，…`): a byline set as an 电头, whose name's end the raw text does not show.
STAFF_LEAD = re.compile(rf"^{STAFF}{_SPACE}+[\u4e00-\u9fff]")
# A staff title written against the name in a credit (记者邵阳): a space goes between them
# (not before 站 or 部: 记者站, 通讯员部).
STAFF_NAME_JOINED = re.compile(r"(?:(?<=记者)|(?<=通讯员)|(?<=实习生))(?=[\u4e00-\u9fff])(?![站部证节])")
# Inside an 电头's brackets a title and a name are set apart by a space.
STAFF_TITLE = re.compile(r"(?:记者|通讯员|实习生|摄影|编辑)$")
STAFF_TITLE_START = re.compile(r"^(?:本报|新华社)?(?:特约|实习|首席)?(?:记者|通讯员|实习生|摄影)")

# A 小标题 often carries a number or a mark: 一、 （一） 1. ■ ● ◆ ▲ 【…】
SUBHEAD_MARK = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|"
                          r"\d{1,2}[.、．](?!\d)|[■●◆▲★▶►◎]|【)")
# The opening of a news story's first paragraph: a date or 近日 early on (after a quote the
# story may open with: “以前来买教辅……”8月10日上午), or 记者…获悉 (newspaper.md: the lead). A short line followed by such a paragraph heads a new story.
LEDE = re.compile(r"^(?:“[^”]{1,80}”)?[^。！？]{0,20}?(?:\d{1,2}月\d{1,2}日|\d{1,2}日[，,上下晚]|近日|日前|"
                  r"即日起|\d{1,2}月(?:起|份|初|中旬|上旬|下旬|底)[，,]|"
                  r"昨天|今天|昨日|今日|记者[^。，]{0,16}(?:获悉|了解到))")
# The addressees a 通知 or 倡议书 opens with, a paragraph of their own (newspaper.md: notices):
# `各街道办事处，区直各有关单位：`, `广大市民朋友：`, `尊敬的用户：`.
SALUTATION = re.compile(r"^(?:各|全体|广大|尊敬的|亲爱的)[^。！？!?；;：:]{1,40}[：:]$")
# ... and the formula it closes with, a paragraph of its own: `特此公告。`, `特此通知。`.
CLOSING_FORMULA = re.compile(r"^特此(?:公告|通告|通知|函告|说明|声明|证明|批复)[。！]?$")
# The 落款 closing a 公告/通知/倡议书 (newspaper.md: notices): the issuer's name on a line of its
# own and the date under it (`柏桥区人民政府` / `2026年11月30日`, `二〇二六年十一月三十日`). A date
# alone on its line is never a headline; it and the issuer above it end the text before them.
CLOSING_DATE = re.compile(r"^(?:\d{4}|[〇零一二三四五六七八九]{4})年"
                          r"(?:\d{1,2}|[一二三四五六七八九十]{1,2})月"
                          r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})日$")
CLOSING_ISSUER_MAX = 30   # characters: an issuer's name (`柏桥区住房和城乡建设局`) is shorter
# The title of a notice set as a story of its own, with no 电头 or byline (停水通知, 冬季防火温馨提示,
# 招聘启事): a line naming itself so heads a new story, when it says more than the bare word
# (`温馨提示` alone, inside a story, is its 小标题).
NOTICE_TITLE = re.compile(r"^[^，,、：:]{2,}(?:通知|公告|通告|提示|启事|须知|告示|公示|倡议书|声明)$")
# Headings that announce verse (issue 12: poems in a 副刊 or under 诗/词 headings).
POEM_HEADING = re.compile(r"组诗|诗歌|诗词|诗[一二三四五六七八九十两]首|外[一二三两]首|"
                          r"^[七五][律绝言]|^[\u4e00-\u9fff]{2,5}·[\u4e00-\u9fff]|"
                          r"[（(](?:诗|词|组诗|外一首)[）)]$")
# A poem's section heads on a line of their own: a 词's 上阕 and 下阕 (上片, 下片), a sequence's
# numbers (一, 其二, （三）).
VERSE_SECTION = re.compile(r"^(?:[上下][阕片]|其?[一二三四五六七八九十]{1,3}|[（(][一二三四五六七八九十]{1,3}[）)])$")
# Page or section names that say the copy is literary (makeup.md 副刊).
LITERARY_SECTION = frozenset({"副刊", "文苑", "百花园", "文艺副刊", "读书", "诗苑"})

# typography.md §1 (禁则): marks that may not start a line, so one found at a line
# start belongs to the line before (full width and ASCII).
NO_LINE_START = frozenset("，。、；：？！）》」』】〕〗〉”’…%‰·,.;:?!)]}")
# ASCII punctuation of addresses and words, at either side of a line break, joins the two
# lines (`service@` + `example.cn`, `/path`, `_id`): a word or address cut in two.
ASCII_RUNS_ON = frozenset("@/_&=~+|^\\")
# ... and marks that may not end a line, so a line ending with one continues.
NO_LINE_END = frozenset("（《「『【〔〖〈“‘([{")
# A line opening with 的 or 们, or with a clause of one character (民，在铁东区…), is the rest
# of a sentence cut at the line before: no paragraph or headline starts so (一、 numbers one).
CONTINUES_LINE = re.compile(r"^(?:[的们]|[\u4e00-\u9fff][，,。]|(?![一二三四五六七八九十])[\u4e00-\u9fff]、)")
# Function characters a headline or 小标题 does not end with: a short line ending with
# one stops mid-clause and continues on the next line (newspaper.md: headlines).
MID_CLAUSE_END = frozenset("的地在和与及或对把被将从向给并而但且之其这那每至")
# ... except where that character ends a word a headline can end with (`群众参与`,
# `全面普及`, `建设基地`, `正确导向`): the line is whole.
WORDS_ENDING_AS_FUNCTION = frozenset(
    "参与 给予 赋予 授予 准予 存在 现在 正在 实在 所在 自在 健在 好在 内在 外在 潜在 "
    "普及 涉及 波及 危及 惠及 顾及 企及 来不及 "
    "基地 土地 工地 园地 各地 落地 用地 阵地 高地 湿地 腹地 耕地 绿地 场地 本地 外地 "
    "目的 有的 "
    "温和 平和 祥和 缓和 调和 共和 饱和 "
    "面对 应对 绝对 相对 反对 核对 比对 "
    "方向 走向 导向 志向 转向 去向 面向 双向 "
    "供给 补给 发给 交给 "
    "合并 兼并 "
    "然而 从而 因而 进而 继而 "
    "而且 并且 尚且 暂且 "
    "总之 "
    "尤其 极其 与其 "
    "每每 "
    "服从 遵从 听从 盲从 "
    "即将 必将 终将 "
    "棉被 冬至 夏至 ".split())
# Prepositions and conjunctions that open a clause: a line ending with one stops mid-clause
# (`对全区40个社区深入摸排，依据`), whatever its length.
MID_CLAUSE_END_WORDS = tuple(
    "依据 根据 按照 依照 通过 为了 关于 对于 围绕 针对 经过 随着 由于 因为 如果 虽然 "
    "以及 或者 还是 只要 只有 除了 沿着 朝着 作为 鉴于 "
    # verbs whose object must follow (`…的战绩升至` + `积分榜第二位`)
    "升至 降至 增至 减至 截至 直至 延至 达到 位于 来自 成为 提高到 增加到 减少到 下降到".split())
# Marks of running text; a headline holds at most one of the pausing ones.
SENTENCE_MARKS = frozenset("。；;")
PAUSE_MARKS = frozenset("，,、：:")

HEADLINE_MAX_CHARS = 36  # a longer line is running text, not a 题
VERSE_MAX_EMS = 24       # a verse line is shorter than this
