"""Links to files, numbered captions and a press portal's header (pages written for
these tests)."""

from __future__ import annotations

import pytest

from tests.clean.pages import reason_alone, reasons_of
from thresher.clean import LineReason, clean_text

PRESS_PAGE = [
    "Startseite",
    "Pressemitteilungen",
    "Suche",
    "presseecho.de - Das Presseportal für Unternehmen",
    "Kornfeld Mühlenwerke eröffnet neue Getreidemühle in Altbrück",
    "Altbrück (ots) - Die Kornfeld Mühlenwerke haben am Dienstag in Altbrück eine neue Mühle "
    "eröffnet, in der künftig jährlich bis zu 90.000 Tonnen Weizen verarbeitet werden.",
    "Das Unternehmen hat nach eigenen Angaben rund 60 Millionen Euro in den Standort investiert. "
    "Die Anlage ersetzt zwei ältere Mühlen, die im kommenden Jahr stillgelegt werden sollen.",
    "„Mit der neuen Mühle sparen wir fast ein Drittel der Energie und kommen mit deutlich weniger "
    "Lastwagenfahrten aus“, sagte Geschäftsführerin Ulrike Brenner bei der Eröffnung.",
    "In Altbrück entstehen 85 Arbeitsplätze, davon 12 für Auszubildende. Die ersten Lieferungen "
    "an Bäckereien in der Region sollen bereits im kommenden Monat beginnen.",
    "Bildmaterial",
    "Bild 1: Geschäftsführerin Ulrike Brenner und Bürgermeister Paul Edler bei der Eröffnung der "
    "neuen Mühle in Altbrück. Quelle: Kornfeld Mühlenwerke",
    "Bild 2: Blick in die Walzenhalle der neuen Getreidemühle.",
    "Download (JPG, 4,8 MB)",
    "Pressekontakt",
    "Impressum",
]
BODY = PRESS_PAGE[5:9]


def test_a_press_release_keeps_its_text_and_drops_its_picture_block() -> None:
    reasons = reasons_of("\n".join(PRESS_PAGE))
    for line in BODY:
        assert reasons[line].kept, line
    for line in PRESS_PAGE[9:13]:
        assert not reasons[line].kept, (line, reasons[line])
    assert reasons["Bild 2: Blick in die Walzenhalle der neuen Getreidemühle."] is LineReason.MEDIA
    assert reasons["Download (JPG, 4,8 MB)"] is LineReason.NAVIGATION


def test_the_portal_header_is_no_dateline() -> None:
    """ "presseecho.de - Das Presseportal" has the shape of "Place - Site", but a
    place is no domain name; the dateline is the one the release itself starts with."""
    meta = clean_text("\n".join(PRESS_PAGE)).metadata
    assert meta.get("dateline") == "Altbrück"
    assert "Presseportal" not in meta.get("site_name", "")


@pytest.mark.parametrize(
    "line",
    [
        "Bekanntmachung Vollsperrung Brückenstraße (PDF, 245 KB)",
        "Satzung über die Erhebung von Gebühren.pdf (98 KB)",
        "Antrag auf Sondernutzung als PDF-Datei, 1,2 MB",
        "Annual report 2023 (pdf | 3.4 MB)",
        "Plan de situation (PDF, 2 MB)",
        "Präsentation (PPTX, 12 MiB)",
    ],
)
def test_a_link_to_a_file_is_navigation(line: str) -> None:
    assert reason_alone(line) is LineReason.NAVIGATION


@pytest.mark.parametrize(
    "line",
    [
        "Das PDF hat 12 Seiten und ist 3 MB groß.",
        "Der MP3-Player kostet 20 Euro.",
        "Bild 2 der Serie zeigt den Hafen im Winter.",
    ],
)
def test_sentences_about_files_and_pictures_are_not_boilerplate(line: str) -> None:
    assert reason_alone(line) is None


NOTICE_PAGE = [
    "Stadt Lindenau",
    "Rathaus & Bürgerservice",
    "Aktuelles",
    "Amtliche Bekanntmachungen",
    "Bekanntmachung",
    "Sperrung der Mühlenstraße wegen Kanalbau vom 3. Juni bis 30. August 2024",
    "Datum: 21.05.2024",
    "Die Stadt Lindenau erneuert in den Sommermonaten den Abwasserkanal in der Mühlenstraße. "
    "Dafür muss die Straße zwischen Marktplatz und Bahnhofstraße voll gesperrt werden.",
    "Die Sperrung gilt ab Montag, 3. Juni 2024, voraussichtlich bis Freitag, 30. August 2024. "
    "Anwohnerinnen und Anwohner erreichen ihre Grundstücke über die Gartenstraße.",
    "Der Busverkehr wird über die Ringstraße umgeleitet. Die Haltestelle Mühlenstraße entfällt "
    "während der Bauzeit, Ersatzhaltestellen werden an der Ringstraße eingerichtet.",
    "Bekanntmachung zum Download (PDF, 245 KB)",
    "Impressum",
]


def test_a_headline_may_name_dates() -> None:
    """A headline that names a date range in a sentence is still the headline (a date
    line is short, has a time or is made of parts)."""
    result = clean_text("\n".join(NOTICE_PAGE))
    assert result.metadata["title"] == NOTICE_PAGE[5]
    reasons = {line.text: line.reason for line in result.lines}
    assert reasons[NOTICE_PAGE[5]] is LineReason.TITLE
    assert reasons["Datum: 21.05.2024"] is LineReason.STAMP
    assert reasons["Bekanntmachung zum Download (PDF, 245 KB)"] is LineReason.NAVIGATION
    for line in NOTICE_PAGE[7:10]:
        assert reasons[line].kept


ADVICE_BODY = [
    "Reizhusten ist ein trockener Husten ohne Schleim. Er entsteht oft nach einer Erkältung, "
    "wenn die Schleimhäute der Atemwege noch gereizt sind, und kann mehrere Wochen anhalten.",
    "Meist hilft es, viel zu trinken und die Luft in der Wohnung feucht zu halten. Warme Getränke "
    "wie Kräutertee beruhigen den Hals, und Lutschpastillen regen den Speichelfluss an.",
    "Wer länger als drei Wochen hustet, Fieber bekommt oder schlecht Luft bekommt, sollte eine "
    "Ärztin oder einen Arzt aufsuchen, damit andere Ursachen ausgeschlossen werden können.",
    "Bei Kindern gilt besondere Vorsicht: Manche Hustenmittel für Erwachsene sind für sie nicht "
    "geeignet, und bei Atemnot sollte man sofort ärztliche Hilfe holen.",
]


def test_sources_after_an_advice_article_end_it() -> None:
    page = [
        "Gesundheit",
        "Ratgeber",
        "Reizhusten: Was wirklich hilft",
        *ADVICE_BODY,
        "Ärztin oder Arzt in Ihrer Nähe finden",
        "PLZ oder Ort",
        "Jetzt suchen",
        "Quellen",
        "Deutsche Gesellschaft für Beispielkunde: Leitlinie Husten, Stand 2023",
        "Beispielverband der Apotheken: Patienteninformation Reizhusten, 2022",
        "Impressum",
    ]
    reasons = reasons_of("\n".join(page))
    for line in ADVICE_BODY:
        assert reasons[line].kept, line
    assert reasons["PLZ oder Ort"] is LineReason.FORM
    assert reasons["Jetzt suchen"] is LineReason.NAVIGATION
    assert reasons["Quellen"] is LineReason.RELATED_HEADING
    for line in page[-3:]:
        assert not reasons[line].kept, (line, reasons[line])


@pytest.mark.parametrize(
    "line",
    [
        "Gesamten Ticker anzeigen",
        "Liveticker zum Nachlesen",
        "Jetzt Angebote ansehen",
        "Learn more",
        "Mehr erfahren",
    ],
)
def test_buttons_are_navigation(line: str) -> None:
    assert reason_alone(line) is LineReason.NAVIGATION


def test_a_link_that_names_its_subject_is_no_button() -> None:
    """ "Learn more about the Style Editor" under a feature's description is part of a
    product page's text in the development gold; only the bare button is navigation."""
    assert reason_alone("Learn more about Style Editor", "en") is None


BROADCAST_PAGE = [
    "Startseite",
    "Inland",
    "Sturmtief Ottilie",
    "Bahnverkehr im Norden weitgehend eingestellt",
    "Stand: 14.11.2024 18:03 Uhr",
    "Orkanböen und umgestürzte Bäume haben den Zugverkehr im Norden Deutschlands fast vollständig "
    "zum Erliegen gebracht. Auch in den kommenden Tagen ist mit Ausfällen zu rechnen.",
    "Sturmtief sorgt für Chaos im Norden",
    "Video 1 Min",
    "14.11.2024",
    "Wegen des Sturms ist der Fernverkehr der Bahn in weiten Teilen Norddeutschlands eingestellt "
    "worden. Reisende sollten ihre Fahrt nach Möglichkeit verschieben, hieß es am Nachmittag.",
    "Auch im Regionalverkehr fallen zahlreiche Züge aus. Mehrere Betreiber haben ihren Betrieb "
    "vorsorglich eingestellt, bis die Strecken von umgestürzten Bäumen befreit sind.",
    "Nach Angaben der Bahn sind allein in einem Bundesland mehr als vierzig Bäume auf Gleise oder "
    "Oberleitungen gestürzt. Verletzt wurde nach ersten Erkenntnissen niemand.",
    "Wann der Verkehr wieder anläuft, ist unklar. Die Bahn rechnet mit Einschränkungen mindestens "
    "bis zum Freitagmittag und bittet Reisende, sich vor der Fahrt zu informieren.",
    "Impressum",
]


def test_a_clip_title_is_not_the_headline() -> None:
    """The title of a video with its length under it ("Video 1 Min") is not the page's
    headline, though it is nearer the article."""
    result = clean_text("\n".join(BROADCAST_PAGE))
    assert result.metadata["title"] == "Bahnverkehr im Norden weitgehend eingestellt"
    reasons = {line.text: line.reason for line in result.lines}
    assert reasons["Video 1 Min"] is LineReason.MEDIA
    assert reasons["Bahnverkehr im Norden weitgehend eingestellt"] is LineReason.TITLE


@pytest.mark.parametrize("line", ["Video 1 Min", "Audio 2:31 Min.", "Video (03:12)", "Podcast 45 Minuten"])
def test_a_clip_length_is_media(line: str) -> None:
    assert reason_alone(line) is LineReason.MEDIA


def test_a_headline_with_a_dash_is_no_dateline_and_roles_are_no_names() -> None:
    page = [
        "Startseite",
        "Region",
        "Pegel steigt weiter – Evakuierung in Haselried",
        "Von Theresa Kallweit (Text) und Milan Horvath (Fotos)",
        *ADVICE_BODY,
        "Impressum",
    ]
    meta = clean_text("\n".join(page)).metadata
    assert meta["title"] == "Pegel steigt weiter – Evakuierung in Haselried"
    assert "dateline" not in meta and "site_name" not in meta
    assert meta["authors"] == ["Theresa Kallweit", "Milan Horvath"]


@pytest.mark.parametrize(
    ("name", "bio"),
    [
        ("Theresa Kallweit", "Theresa Kallweit ist Reporterin im Ressort Gesellschaft und lebt in Hamburg."),
        ("Phil Meyers", "Phil Meyers is a reporter for the national desk."),
    ],
)
def test_an_author_box_at_the_end_goes(name: str, bio: str) -> None:
    page = ["Startseite", "Reizhusten: Was wirklich hilft", *ADVICE_BODY, name, bio, "Mehr von der Autorin"]
    reasons = reasons_of("\n".join(page))
    assert reasons[name] is LineReason.BYLINE
    assert reasons[bio] is LineReason.BYLINE
    for line in ADVICE_BODY:
        assert reasons[line].kept


def test_a_paragraph_that_starts_with_a_name_stays() -> None:
    """Without the name alone on the line above, "X ist ..." is article text."""
    last = "Theresa Kallweit ist seit zwanzig Jahren Ärztin und hat viele solche Fälle gesehen."
    reasons = reasons_of("\n".join(["Reizhusten: Was wirklich hilft", *ADVICE_BODY, last, "Impressum"]))
    assert reasons[last].kept


def test_a_caption_above_a_picture_credit_goes() -> None:
    caption = "Die Geschwister vor ihrer Werkstatt am Deich, im Hintergrund die Weiden."
    page = ["Reizhusten: Was wirklich hilft", *ADVICE_BODY[:2], caption, "Foto: privat", *ADVICE_BODY[2:]]
    reasons = reasons_of("\n".join(page))
    assert reasons[caption] is LineReason.MEDIA
    assert reasons["Foto: privat"] is LineReason.MEDIA
    for line in ADVICE_BODY:
        assert reasons[line].kept, line


@pytest.mark.parametrize(
    "above",
    [
        # a paragraph above a picture without a caption
        "Tarefas que pedem concentração rendem mais em casa. Já reuniões funcionam melhor cara a "
        "cara. Passei a organizar minha semana pensando nisso.",
        # a list item above a picture
        "Agua oxigenada (opcional)",
    ],
)
def test_text_above_a_picture_without_caption_stays(above: str) -> None:
    page = ["Reizhusten: Was wirklich hilft", *ADVICE_BODY[:2], above, "Foto: Unsplash", *ADVICE_BODY[2:]]
    reasons = reasons_of("\n".join(page))
    assert reasons[above] is not LineReason.MEDIA


def test_the_headline_above_a_picture_credit_stays_the_headline() -> None:
    page = ["Startseite", "Reizhusten: Was wirklich hilft", "Foto: dpa", *ADVICE_BODY, "Impressum"]
    result = clean_text("\n".join(page))
    assert result.metadata["title"] == "Reizhusten: Was wirklich hilft"
    assert result.text.splitlines()[0] == "Reizhusten: Was wirklich hilft"


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Lire aussi | Démissions de maires : un phénomène qui s'accélère", LineReason.RELATED_HEADLINE),
        ("Relacionado: La sequía dispara el precio del aceite", LineReason.RELATED_HEADLINE),
        ("Advertentie", LineReason.NAVIGATION),
    ],
)
def test_more_link_labels_and_ad_labels(line: str, reason: LineReason) -> None:
    assert reason_alone(line, "fr") is reason


def test_a_quoted_paragraph_above_a_credit_is_no_caption() -> None:
    last = (
        "Die Ortsgruppe begrüßte die Entscheidung. „Wir haben inzwischen Kinder, die nicht "
        "schwimmen können“, sagte der Vorsitzende. Er hofft auf mehr Kurse im Sommer."
    )
    page = ["Reizhusten: Was wirklich hilft", *ADVICE_BODY, last, "Foto: Lahntal-Bote/Archiv", "Impressum"]
    reasons = reasons_of("\n".join(page))
    assert reasons[last].kept


def test_table_rows_with_dates_stay_in_the_table() -> None:
    table = ["Mes\t2024\t2025", "Enero\t7,20\t4,35", "Febrero\t6,95\t4,10", "Marzo\t6,80\t4,05"]
    body = [
        "El precio del aceite de oliva ha caído con fuerza en los primeros meses del año, según los "
        "datos publicados este lunes por el observatorio del sector en la provincia.",
        "Los productores atribuyen la bajada a la buena cosecha tras dos años de sequía, aunque "
        "advierten de que los costes de producción siguen siendo muy altos para muchos.",
        "La tabla recoge el precio medio en origen, en euros por kilo, de los últimos meses:",
    ]
    page = [
        "Inicio",
        "Economía",
        "El aceite de oliva baja de precio",
        *body,
        *table,
        "Compartir",
        "Aviso legal",
    ]
    reasons = reasons_of("\n".join(page))
    for line in table:
        assert reasons[line].kept, (line, reasons[line])
