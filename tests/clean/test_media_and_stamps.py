"""Picture credits, audio and gallery controls, reading times, signed stamps and
"more news" headings, in several languages (pages written for these tests)."""

from __future__ import annotations

import pytest

from tests.clean.pages import reason_alone, reasons_of
from thresher.clean import LineReason, clean_text

HEADLINE = "Stadtrat beschließt neues Radwegenetz für die Innenstadt"
BODY = [
    "Neustadt. Mit einer deutlichen Mehrheit von 28 zu 9 Stimmen hat der Stadtrat am Dienstagabend "
    "das lange umstrittene Radwegekonzept verabschiedet. Bis 2027 sollen rund zwölf Kilometer neue "
    "Radwege entstehen, die meisten davon auf bisherigen Parkstreifen.",
    "„Wir haben lange um diesen Kompromiss gerungen, aber jetzt haben wir ein Konzept, das für alle "
    "funktioniert“, sagte die Oberbürgermeisterin nach der Abstimmung im Rathaus.",
    "Kritik vom Einzelhandel",
    "Der Einzelhandelsverband sieht die Pläne dagegen skeptisch. Durch den Wegfall von etwa 300 "
    "Parkplätzen in der Innenstadt befürchten viele Geschäftsleute einen Rückgang der Kundschaft.",
    "Die Bauarbeiten sollen im Herbst beginnen. Zunächst wird der Abschnitt zwischen Bahnhof und "
    "Marktplatz umgebaut, der als besonders gefährlich gilt.",
]
GERMAN_NEWS = "\n".join(
    [
        "Zum Inhalt springen",
        "Startseite",
        "Politik",
        "Region",
        HEADLINE,
        "Veröffentlicht am 12.03.2023 um 18:45 Uhr von Katrin Oberländer",
        "Lesedauer: 3 Min.",
        "Artikel anhören",
        "Artikel teilen",
        "Merken",
        "Foto: Jens Hauser",
        *BODY[:2],
        "Bildergalerie",
        "Bild 1 von 8",
        *BODY[2:],
        "Weitere Meldungen",
        "Hitzewelle in Südeuropa: Temperaturen über 45 Grad",
        "In Spanien und Italien werden neue Rekordtemperaturen erwartet. "
        "Die Behörden rufen zur Vorsicht auf.",
        "Waldbrände in Kanada weiten sich aus",
        "Tausende Menschen mussten ihre Häuser verlassen, der Rauch zieht bis nach Europa "
        "und darüber hinaus.",
        "Impressum",
        "© 2023 Rheintaler Anzeiger GmbH",
    ]
)


def test_german_news_page_keeps_the_article_and_names_each_control() -> None:
    result = clean_text(GERMAN_NEWS)
    assert result.text.split("\n") == [HEADLINE, *BODY]
    reasons = reasons_of(GERMAN_NEWS)
    assert reasons["Foto: Jens Hauser"] is LineReason.MEDIA
    assert reasons["Artikel anhören"] is LineReason.MEDIA
    assert reasons["Bild 1 von 8"] is LineReason.MEDIA
    assert reasons["Lesedauer: 3 Min."] is LineReason.STAMP
    assert reasons["Artikel teilen"] is LineReason.SOCIAL
    assert reasons["Weitere Meldungen"] is LineReason.RELATED_HEADING


def test_a_picture_credit_is_never_the_headline() -> None:
    meta = clean_text(GERMAN_NEWS).metadata
    assert meta["title"] == HEADLINE


def test_signed_stamp_gives_date_and_author() -> None:
    meta = clean_text(GERMAN_NEWS).metadata
    assert meta["published"] == "2023-03-12T18:45"
    assert meta["authors"] == ["Katrin Oberländer"]
    assert reasons_of(GERMAN_NEWS)[GERMAN_NEWS.split("\n")[5]] is LineReason.STAMP


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Photo by Jane Doe/Getty Images", LineReason.MEDIA),
        ("Jane Doe | Bloomberg | Getty Images", LineReason.MEDIA),
        ("AP Photo/John Smith", LineReason.MEDIA),
        ("Crédit photo : Jean Martin", LineReason.MEDIA),
        ("Listen to this article", LineReason.MEDIA),
        ("3 of 12", LineReason.MEDIA),
        ("00:00 / 03:12", LineReason.MEDIA),
        ("5 min read", LineReason.STAMP),
        ("Temps de lecture : 4 minutes", LineReason.STAMP),
        ("Posted on March 4, 2022 by Jane Doe", LineReason.STAMP),
        ("Publié le 3 mars 2023 à 14h05 par Jean Dupont", LineReason.STAMP),
        ("Más noticias", LineReason.RELATED_HEADING),
        ("Das könnte dich auch interessieren:", LineReason.RELATED_HEADING),
    ],
)
def test_boilerplate_lines_in_many_languages(line: str, reason: LineReason) -> None:
    page = "\n".join([*BODY[:2], line, *BODY[3:]])
    assert reasons_of(page)[line] is reason


@pytest.mark.parametrize(
    "line",
    [
        "Videospiele sind in Deutschland so beliebt wie nie.",
        "Video games are booming: sales rose again this year.",
        "Top 10 by John Doe",
        "Sold 4 units by Friday",
    ],
)
def test_lines_that_only_look_like_media_or_stamps_are_not(line: str) -> None:
    assert reason_alone(line, "en") not in {LineReason.MEDIA, LineReason.STAMP}


EN_BODY = [
    "The old ferry terminal will reopen as a public library next spring, the council said on Tuesday, "
    "after two years of work on the building and its roof.",
    "Architects kept the iron frame of the waiting hall and added a reading room that looks out over "
    "the harbour, where the ferries used to dock until the bridge was built.",
    "The council expects the library to welcome about a thousand visitors a day once it is open.",
]


def test_the_signed_headline_beats_lines_nearer_the_article() -> None:
    headline = "Old ferry terminal to reopen as the city's new public library"
    page = "\n".join(
        [
            "Home",
            "News",
            headline,
            "By Jane Holloway",
            "March 14, 2023",
            "Harbour City",
            "Up next: council votes on the new bike lanes",
            *EN_BODY,
        ]
    )
    assert clean_text(page).metadata["title"] == headline


def test_a_headline_spelled_twice_is_still_the_headline() -> None:
    headline = "Old ferry terminal to reopen as a library"
    page = "\n".join(["Home", "Sign in", "Jane Holloway", "5 min read", headline, headline, *EN_BODY])
    result = clean_text(page)
    assert result.metadata["title"] == headline
    assert result.text.split("\n") == [headline, *EN_BODY]  # one copy of the headline


def test_a_line_ending_in_by_is_no_headline() -> None:
    headline = "Old ferry terminal to reopen as a library"
    page = "\n".join([headline, "March 14, 2023", "This section is sponsored by", *EN_BODY])
    assert clean_text(page).metadata["title"] == headline


def test_a_video_box_inside_the_article_goes() -> None:
    page = "\n".join([*BODY[:2], "Video", "Bildungsstudie: Grundschüler lesen schlechter", *BODY[2:]])
    reasons = reasons_of(page)
    assert reasons["Video"] is LineReason.MEDIA
    assert reasons["Bildungsstudie: Grundschüler lesen schlechter"] is LineReason.MEDIA
    assert clean_text(page).text.split("\n") == BODY


def test_an_audio_player_title_is_not_the_headline() -> None:
    page = "\n".join(
        [
            "Startseite",
            HEADLINE,
            "Stand: 22.02.2024 17:32 Uhr",
            "Audio",
            "Radwege: Neustadt baut um",
            "00:00 / 03:12",
            *BODY,
        ]
    )
    assert clean_text(page).metadata["title"] == HEADLINE


def test_a_comments_button_in_a_share_bar_does_not_end_the_article() -> None:
    notice = (
        "Quotes are delayed by at least fifteen minutes and market data is provided by a third "
        "party, which is not responsible for errors or for any decision that is taken on the "
        "basis of the numbers that are shown on this page."
    )
    page = "\n".join(["Home", notice, "Facebook", "Twitter", "Comments", "Print", *EN_BODY, "Comments"])
    result = clean_text(page)
    assert result.text.split("\n")[-3:] == EN_BODY
    reasons = [x.reason for x in result.lines]
    assert reasons[4] is LineReason.SOCIAL
    assert reasons[-1] is LineReason.COMMENTS


CODE = [
    'fetch("/data.json").then(function(res) {',
    "if (res.ok) {",
    "console.log(res.status);",
    "}",
    "});",
    "The same request with parameters:",
    'fetch("/submit", { method: "POST" }).then(function(res) {',
    "if (res.ok) {",
    'alert("Saved");',
    "}",
    "});",
]


def test_a_code_block_inside_a_technical_article_is_kept_whole() -> None:
    page = "\n".join(["Home", "Articles", *EN_BODY[:2], *CODE, EN_BODY[2], "Comments"])
    assert clean_text(page).text.split("\n") == [*EN_BODY[:2], *CODE, EN_BODY[2]]


def test_two_calls_in_a_menu_are_no_code_block() -> None:
    page = "\n".join(["Cart(0)", "Wishlist(2)", *EN_BODY])
    assert clean_text(page, keep_title=False).text.split("\n") == EN_BODY
