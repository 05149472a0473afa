"""Stamps, dates, bylines, credits and tables of contents across languages (lines and
pages written for these tests)."""

from __future__ import annotations

import pytest

from tests.clean.pages import reasons_of
from thresher.clean import LineReason, clean_text
from thresher.clean.dates import parse_date

BODY_IT = [
    "I titolari della pasticceria hanno deciso di andare in pensione dopo sessant'anni di attività "
    "e nessuno in famiglia ha voluto proseguire il lavoro iniziato dal nonno.",
    "La notizia ha colpito molti clienti affezionati, che in questi giorni fanno la fila davanti al "
    "negozio per comprare un ultimo vassoio di paste.",
    "Il comune ha promesso di aiutare chi vorrà rilevare l'attività e mantenere l'insegna storica "
    "sotto i portici del centro.",
]


@pytest.mark.parametrize(
    ("text", "day_first", "iso"),
    [
        ("12/03/2024", False, "2024-12-03"),
        ("12/03/2024", True, "2024-03-12"),
        ("03/25/2024", True, "2024-03-25"),
        ("25/03/2024", False, "2024-03-25"),
        ("4.3.2024", False, "2024-03-04"),
        ("Gepubliceerd op 9 januari 2024", True, "2024-01-09"),
        ("Opublikowano: 18 listopada 2023", True, "2023-11-18"),
    ],
)
def test_numeric_and_named_dates(text: str, day_first: bool, iso: str) -> None:
    assert parse_date(text, day_first) == iso


def in_body(line: str) -> str:
    """The Italian article with ``line`` between its second and third paragraphs."""
    return "\n".join([*BODY_IT[:2], line, BODY_IT[2]])


def italian_page(*head: str) -> str:
    return "\n".join(["Home", "Cronaca", "Chiude la storica pasticceria del centro", *head, *BODY_IT])


def test_numeric_dates_are_day_first_outside_english() -> None:
    meta = clean_text(italian_page("Pubblicato il 12/03/2024 alle 17:25")).metadata
    assert meta["language"] == "it"
    assert meta["published"] == "2024-03-12T17:25"


@pytest.mark.parametrize(
    "line",
    [
        "Dernière mise à jour : 12 janvier 2024",
        "Última actualización: 2 de abril de 2024",
        "Gepubliceerd op 9 januari 2024",
        "Laatst bijgewerkt: 20 maart 2024",
        "Aktualizacja: 15 maja 2024, 9:40",
        "Zuletzt aktualisiert am 3. Mai 2024",
        "Pubblicato il 24 luglio 2023 da Giuseppina Russo",
    ],
)
def test_labelled_stamps_in_many_languages(line: str) -> None:
    reasons = reasons_of(italian_page(line))
    assert reasons[line] is LineReason.STAMP


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Escrito por Lucía Gómez", ["Lucía Gómez"]),
        ("Geschreven door Ruud Hendriks", ["Ruud Hendriks"]),
        ("Autor: Helena Nowak", ["Helena Nowak"]),
        ("Written by Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
        ("Von: Dennis Krogmann und Sandra Pütz", ["Dennis Krogmann", "Sandra Pütz"]),
        ("By: Jane Doe", ["Jane Doe"]),
    ],
)
def test_bylines_in_many_languages(line: str, names: list[str]) -> None:
    result = clean_text(italian_page(line))
    assert result.metadata["authors"] == names
    assert {x.text: x.reason for x in result.lines}[line] is LineReason.BYLINE


def test_a_subheading_starting_with_por_is_no_byline() -> None:
    result = clean_text(italian_page("Por qué aparece el moho"))
    assert "authors" not in result.metadata


@pytest.mark.parametrize("line", ["(Foto Alberto Mazzoleni)", "Fot. Paweł Murzyn / Kurier Podhalański"])
def test_credits_without_a_colon(line: str) -> None:
    result = clean_text(italian_page(line))
    assert {x.text: x.reason for x in result.lines}[line] is LineReason.MEDIA
    assert result.metadata["title"] == "Chiude la storica pasticceria del centro"


def test_subheadings_listed_in_a_table_of_contents_stay() -> None:
    page = "\n".join(
        [
            "Indice dei contenuti",
            "Gli ingredienti",
            "La preparazione",
            BODY_IT[0],
            "Gli ingredienti",
            BODY_IT[1],
            "La preparazione",
            BODY_IT[2],
        ]
    )
    lines = clean_text(page).lines
    kept = [x.text for x in lines if x.kept]
    assert kept == [BODY_IT[0], "Gli ingredienti", BODY_IT[1], "La preparazione", BODY_IT[2]]
    assert [x.reason for x in lines[1:3]] == [LineReason.PAGE_REPEATED] * 2


def test_a_menu_repeated_in_the_footer_still_goes() -> None:
    menu = ["Cronaca", "Sport", "Cultura", "Economia"]
    page = "\n".join([*menu, *BODY_IT, *menu])
    assert clean_text(page).text.split("\n") == BODY_IT


def test_feedback_prompts_go() -> None:
    line = "Questo articolo ti è stato utile?"
    reasons = reasons_of("\n".join([*BODY_IT, line, BODY_IT[0]]))
    assert reasons[line] is LineReason.FORM


@pytest.mark.parametrize(
    "line",
    [
        "A sign directs patients to the new clinic in Portland, Maine, on Tuesday. (AP Photo/Jane Doe, File)",
        "Passengers wait at a station in London during the strike. Photograph: Jonas Lind/PA",
        "Polizisten sichern den Unfallort an der Autobahn ab. Foto: Marius Becker/dpa",
        "Der Bundestag in Berlin während einer Sitzung am Donnerstag (Archivbild)",
    ],
)
def test_captions_ending_in_a_credit_go(line: str) -> None:
    reasons = reasons_of(in_body(line))
    assert reasons[line] is LineReason.MEDIA


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Ein Kommentar von Anna Müller", ["Anna Müller"]),
        ("Von unserem Korrespondenten Jörg Schmitz", ["Jörg Schmitz"]),
        ("Von Lena Hoffmann, BR", ["Lena Hoffmann"]),
        ("Von Anna Müller und Jan Roth", ["Anna Müller", "Jan Roth"]),
        ("Text: Anna Müller", ["Anna Müller"]),
        ("Analysis by Jane Doe", ["Jane Doe"]),
    ],
)
def test_more_byline_forms(line: str, names: list[str]) -> None:
    assert clean_text(italian_page(line)).metadata["authors"] == names


def test_a_time_written_with_a_dot_before_uhr() -> None:
    assert parse_date("14.03.2024, 06.02 Uhr") == "2024-03-14T06:02"
    assert parse_date("Stand: 14.03.2024 11.50") == "2024-03-14"  # "11.50" alone is no time


def test_stamp_and_skip_lines_are_never_the_headline() -> None:
    page = italian_page(
        "Publiziert heute um 06:30 Uhr", "Published in The Long Scroll", "Skip to primary sidebar"
    )
    result = clean_text(page)
    assert result.metadata["title"] == "Chiude la storica pasticceria del centro"
    reasons = {x.text: x.reason for x in result.lines}
    assert reasons["Publiziert heute um 06:30 Uhr"] is LineReason.STAMP
    assert not reasons["Skip to primary sidebar"].kept


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Lesen Sie auch: Baustellen in NRW – hier wird im Mai gesperrt", LineReason.RELATED_HEADLINE),
        (
            "Related: Train strikes: what are your rights if your journey is cancelled?",
            LineReason.RELATED_HEADLINE,
        ),
        ("À lire aussi : la passerelle rouvrira en septembre", LineReason.RELATED_HEADLINE),
        ("MORE: Cheeky seagull steals a pasty on the pier", LineReason.RELATED_HEADLINE),
        ("Audio: Den Artikel anhören", LineReason.MEDIA),
        ("Bildergalerie: Die Baustelle in Bildern", LineReason.MEDIA),
        ("Ich bin damit einverstanden, dass mir externe Inhalte angezeigt werden.", LineReason.FOOTER),
    ],
)
def test_boxes_inside_the_article_go(line: str, reason: LineReason) -> None:
    reasons = reasons_of(in_body(line))
    assert reasons[line] is reason


@pytest.mark.parametrize(
    "line",
    [
        "Lesen Sie jetzt weiter mit RP+",
        "Sie haben bereits ein Abo? Hier einloggen",
        "Alle akzeptieren",
        "Zustimmen und weiter",
        "Jetzt 4 Wochen gratis testen",
        "Already a subscriber? Sign in",
        "Check price on Amazon",
        "E-Mail-Adresse",
        "Jetzt anmelden",
        "Hier klicken",
        "Votre adresse e-mail",
        "ab 54,90 €",
        "61,99 € bei Zweirad-Direkt",
        "$149.99 at Amazon",
        "Weitere Angebote",
        "Alle Bilder anzeigen",
    ],
)
def test_paywall_consent_and_shop_prompts_go(line: str) -> None:
    reasons = reasons_of(in_body(line))
    assert not reasons[line].kept


@pytest.mark.parametrize("line", ["Die Jahreskarte kostet 365 €.", "2.500 Euro Strafe", "12 Monate"])
def test_prices_in_the_text_stay(line: str) -> None:
    assert reasons_of(in_body(line))[line].kept


def test_a_subheading_with_a_colon_is_not_a_link() -> None:
    page = "\n".join([*BODY_IT[:2], "Vocabulary: related", BODY_IT[2]])
    reasons = reasons_of(page)
    assert reasons["Vocabulary: related"].kept


def test_stamps_and_bylines_joined_by_separators() -> None:
    line = "Published: Jan 18, 2023 · Modified: Feb 2, 2023 by Hannah Whitley"
    result = clean_text(italian_page(line), lang="en")
    assert {x.text: x.reason for x in result.lines}[line] is LineReason.STAMP
    assert result.metadata["published"] == "2023-01-18"
    assert result.metadata["updated"] == "2023-02-02"
    assert result.metadata["authors"] == ["Hannah Whitley"]


def test_a_byline_and_a_date_on_one_line() -> None:
    meta = clean_text(italian_page("Von Anna Müller · 03.05.2024, 16:44 Uhr")).metadata
    assert meta["authors"] == ["Anna Müller"]
    assert meta["published"] == "2024-05-03T16:44"


@pytest.mark.parametrize("line", ["Inhaltsverzeichnis", "Table of contents", "Índice de contenidos"])
def test_table_of_contents_headings_go(line: str) -> None:
    reasons = reasons_of(in_body(line))
    assert reasons[line] is LineReason.NAVIGATION


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Mohlo by vás zajímat", LineReason.RELATED_HEADING),
        ("Komentáře (12)", LineReason.COMMENTS),
        ("Комментарии (15)", LineReason.COMMENTS),
        ("Yorumlar", LineReason.COMMENTS),
        ("Läs också: Lärarbristen i Göteborg växer", LineReason.RELATED_HEADLINE),
        ("İlgili Haberler", LineReason.RELATED_HEADING),
        ("Fotoğraf: Elif Şahin", LineReason.MEDIA),
        ("12. března 2024 14:05", LineReason.STAMP),
        ("Publicerad 12 mars 2024", LineReason.STAMP),
        ("12 марта 2024, 14:05", LineReason.STAMP),
    ],
)
def test_more_languages(line: str, reason: LineReason) -> None:
    reasons = reasons_of(in_body(line))
    assert reasons[line] is reason


def test_czech_and_russian_dates() -> None:
    assert parse_date("12. března 2024 14:05") == "2024-03-12T14:05"
    assert parse_date("5 ноября 2023") == "2023-11-05"
