"""Full-page texts written for these tests (not copied from any site).

Each page is a list of lines as a WET record would hold them: menus, a headline,
the article, then forms, related stories and a footer. ``KEEP`` lines must survive
whole; ``DROP`` lines must go.
"""

from __future__ import annotations

from dataclasses import dataclass

from thresher.clean import LineReason, clean_text
from thresher.clean.classify import Thresholds, first_label
from thresher.clean.features import line_features
from thresher.clean.stopwords import stop_words


def reasons_of(text: str) -> dict[str, LineReason]:
    """Every line of the cleaned ``text`` with its reason."""
    return {line.text: line.reason for line in clean_text(text).lines}


def reason_alone(line: str, lang: str = "de") -> LineReason | None:
    """The boilerplate reason of ``line`` from its own features (its first label)."""
    feat = line_features(line, stop_words(lang), per_char=False)
    return first_label(feat, Thresholds())[1]


@dataclass(frozen=True)
class Page:
    lang: str
    lines: list[str]
    keep: list[str]
    drop: list[str]
    title: str

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


EN_BODY = [
    "HARBOUR CITY — The city council voted on Tuesday to turn the old ferry terminal into a "
    "public library, ending a debate that has lasted for almost ten years.",
    "The plan, which was first proposed by a group of retired teachers, will keep the brick "
    "walls of the terminal and add a reading room with a view of the water.",
    "Supporters said the building had been empty for too long and that the neighbourhood "
    "needed a place where children could study after school.",
    "Budget and timeline",
    "The council expects the work to cost about 12 million dollars, most of which will come "
    "from a regional fund for the reuse of old public buildings.",
    "Construction is due to start next spring, and the library should open its doors to "
    "the first readers at the end of the following year.",
    "Not everyone was pleased. A group of shop owners argued that the money should have been "
    "spent on repairing the roads that lead to the harbour.",
]
EN = Page(
    lang="en",
    title="Old ferry terminal to become a public library",
    lines=[
        "Home",
        "News",
        "Sport",
        "Business",
        "Culture",
        "Sign in",
        "Subscribe",
        "old ferry terminal to become a public library",
        "Old ferry terminal to become a public library",
        "By Jane Holloway",
        "Published 14 March 2023, 09:30",
        *EN_BODY,
        "Share this article",
        "Facebook",
        "Twitter",
        "Email",
        "Leave a comment",
        "Name *",
        "Email *",
        "Comment",
        "Submit",
        "Related stories",
        "Council approves new bike lanes on the seafront",
        "12 March 2023",
        "Fishing fleet returns after record season",
        "10 March 2023",
        "Copyright © 2023 Harbour City Gazette. All rights reserved.",
        "Privacy policy",
        "Terms of use",
    ],
    keep=EN_BODY,
    drop=[
        "Sign in",
        "Share this article",
        "Name *",
        "Council approves new bike lanes on the seafront",
        "Copyright ©",
        "old ferry terminal to become a public library",
    ],
)

DE_BODY = [
    "Die Stadtverwaltung hat am Montag beschlossen, den alten Güterbahnhof in einen Park "
    "mit Spielplätzen und Gärten für die Anwohner umzubauen.",
    "Nach Angaben der Verwaltung sollen die ersten Bäume schon im Herbst gepflanzt werden, "
    "wenn das Wetter es zulässt und die Genehmigungen vorliegen.",
    "Viele Anwohner hatten sich seit Jahren für eine grüne Fläche in dem dicht bebauten "
    "Viertel eingesetzt und Unterschriften gesammelt.",
    "Kosten und Zeitplan",
    "Die Kosten werden auf rund acht Millionen Euro geschätzt, wobei das Land einen großen "
    "Teil der Summe aus einem Förderprogramm übernehmen will.",
    "Kritik kam von der Opposition, die den Zeitplan für zu ehrgeizig hält und vor "
    "steigenden Baupreisen in den kommenden Jahren warnt.",
]
DE = Page(
    lang="de",
    title="Alter Güterbahnhof wird zum Stadtpark",
    lines=[
        "Startseite",
        "Politik",
        "Wirtschaft",
        "Sport",
        "Anmelden",
        "Alter Güterbahnhof wird zum Stadtpark",
        "Von Petra Lange",
        "Aktualisiert am 03.05.2022, 14:20 Uhr",
        *DE_BODY,
        "Artikel teilen",
        "Facebook",
        "Twitter",
        "Kommentar schreiben",
        "Ihr Name",
        "Absenden",
        "Mehr zum Thema",
        "Neue Radwege für die Innenstadt geplant",
        "02.05.2022",
        "Schwimmbad öffnet nach Sanierung wieder",
        "29.04.2022",
        "Impressum",
        "Datenschutz",
        "© 2022 Stadtanzeiger. Alle Rechte vorbehalten.",
    ],
    keep=DE_BODY,
    drop=["Anmelden", "Artikel teilen", "Ihr Name", "Neue Radwege", "Impressum", "Alle Rechte"],
)

ZH_BODY = [
    "市政府周二宣布，将把城市东部的旧工厂改造成一个大型公园，为附近的居民提供更多的绿地和休闲空间。",
    "据有关部门介绍，公园的设计保留了工厂原有的烟囱和厂房，并将在其中建设图书馆、咖啡馆和儿童活动中心。",
    "许多居民表示，他们多年来一直希望在这个人口密集的地区有一个可以散步和锻炼的地方。",
    "工程预计明年春天开工，总投资约为三亿元，其中大部分资金将由市财政承担。",
    "也有专家指出，改造过程中需要注意保护历史建筑，不能为了追求速度而忽视质量。",
]
ZH = Page(
    lang="zh",
    title="旧工厂将变身城市公园",
    lines=[
        "首页",
        "新闻",
        "财经",
        "体育",
        "登录",
        "注册",
        "旧工厂将变身城市公园",
        "2021年6月8日 10:15",
        *ZH_BODY,
        "分享",
        "相关文章",
        "地铁三号线将于年底通车",
        "2021年6月7日",
        "老城区改造计划公布",
        "2021年6月5日",
        "版权所有 © 2021 城市日报",
        "联系我们",
    ],
    keep=ZH_BODY,
    drop=["登录", "相关文章", "地铁三号线将于年底通车", "版权所有"],
)

PAGES = [EN, DE, ZH]
