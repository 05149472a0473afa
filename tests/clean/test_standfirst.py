"""The standfirst (the teaser right under the headline) stays with the headline
(pages written for these tests)."""

from __future__ import annotations

import pytest

from thresher.clean import LineReason, clean_text

HEADLINE = "Neue Brücke über den Main soll 2027 fertig sein"
TEASER = (
    "Die Stadt hat den Auftrag für den Neubau vergeben. Der Verkehr soll während der Bauzeit "
    "über eine Behelfsbrücke fließen."
)
BODY = [
    "Frankfurt (dpa) - Die marode Brücke im Osten der Stadt wird durch einen Neubau ersetzt. Das "
    "hat der Magistrat am Dienstag nach langen Verhandlungen mit dem Land beschlossen.",
    "Die alte Brücke stammt aus den sechziger Jahren und ist seit einiger Zeit für Lastwagen "
    "gesperrt, weil Gutachter Risse in mehreren Pfeilern gefunden haben.",
    "Der Neubau soll rund 80 Millionen Euro kosten. Den größten Teil davon übernimmt der Bund, "
    "der Rest wird zwischen dem Land und der Stadt aufgeteilt.",
    "Anwohner hatten sich lange für einen schnelleren Neubau eingesetzt, weil sich der Verkehr "
    "seit der Sperrung durch die engen Straßen ihres Viertels quält.",
    "Während der Bauzeit soll eine Behelfsbrücke für Autos, Busse und Radfahrer gebaut werden, "
    "die nach der Fertigstellung wieder abgerissen wird.",
]
MENU = ["Startseite", "Frankfurt", "Verkehr", "Anmelden"]
FOOTER = ["Impressum", "Datenschutz", "© Mainpost Digital 2024"]


SHARE = ["Teilen", "Facebook", "WhatsApp", "E-Mail", "Die alte Brücke ist seit 2021 gesperrt.", "Foto: dpa"]


def page(*under_headline: str) -> str:
    return "\n".join([*MENU, HEADLINE, *under_headline, *SHARE, *BODY, *FOOTER])


@pytest.mark.parametrize(
    "under_headline",
    [
        [TEASER, "Von Jana Brückner", "14.05.2024, 06.30 Uhr"],
        ["Stand: 14.05.2024 06:30 Uhr", TEASER, "Von Jana Brückner"],
        ["Von Jana Brückner", TEASER, "14.05.2024, 06.30 Uhr"],
    ],
)
def test_the_standfirst_stays_with_the_headline(under_headline: list[str]) -> None:
    result = clean_text(page(*under_headline))
    reasons = {line.text: line.reason for line in result.lines}
    assert reasons[TEASER] is LineReason.STANDFIRST
    assert result.text.startswith(f"{HEADLINE}\n{TEASER}\n")
    assert reasons["Von Jana Brückner"] is LineReason.BYLINE


def test_the_article_body_alone_has_no_standfirst() -> None:
    result = clean_text(page(TEASER, "Von Jana Brückner"), keep_title=False)
    assert TEASER not in result.text
    assert result.text.startswith(BODY[0])


@pytest.mark.parametrize(
    "line",
    [
        f"Verkehr|{HEADLINE}.",  # the headline again, with a section label
        "Der Auftrag ist vergeben.",  # too short for a paragraph
    ],
)
def test_other_lines_under_the_headline_are_no_standfirst(line: str) -> None:
    reasons = {x.text: x.reason for x in clean_text(page(line)).lines}
    assert reasons[line] is not LineReason.STANDFIRST


def test_only_the_first_paragraph_under_the_headline_is_the_standfirst() -> None:
    second = (
        "Bis dahin müssen Pendler mit Umwegen rechnen, die an manchen Tagen eine halbe Stunde "
        "länger dauern können als die gewohnte Strecke."
    )
    reasons = {x.text: x.reason for x in clean_text(page(TEASER, second, "Von Jana Brückner")).lines}
    assert reasons[TEASER] is LineReason.STANDFIRST
    assert reasons[second] is not LineReason.STANDFIRST


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("Von Jana Brückner", True),
        ("Von: Jana Brückner und Tim Okafor", True),
        ("Von Montag an gilt eine neue Umleitung", False),
        ("Von Frankfurt aus fahren Ersatzbusse", False),
        ("Von Der Brücke Zum Fluss", False),
    ],
)
def test_a_byline_inside_the_article_is_dropped(line: str, byline: bool) -> None:
    lines = [*MENU, HEADLINE, TEASER, *SHARE, BODY[0], BODY[1], line, *BODY[2:], *FOOTER]
    reasons = {x.text: x.reason for x in clean_text("\n".join(lines)).lines}
    assert (reasons[line] is LineReason.BYLINE) is byline
    assert reasons[line].kept is not byline


def test_a_reviewer_line_under_the_headline_is_not_the_headline() -> None:
    lines = [
        *MENU,
        HEADLINE,
        TEASER,
        "Von Jana Brückner",
        "Fachlich geprüft von Prof. Dr. Anton Weißgerber",
        "Veröffentlicht am 14.05.2024",
        "Lesezeit: 4 Minuten",
        "Merken",
        "Teilen",
        "Die alte Brücke ist seit 2021 für Lastwagen gesperrt.",
        "Foto: dpa",
    ]
    result = clean_text("\n".join([*lines, *BODY, *FOOTER]))
    assert result.metadata["title"] == HEADLINE
