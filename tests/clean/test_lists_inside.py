"""A list of short lines inside an article (pros and cons of a review, then its verdict),
and lists after an article that must not pull other text in (pages written for these
tests)."""

from __future__ import annotations

import pytest

from tests.clean.pages import reasons_of
from thresher.clean import LineReason

HEAD = [
    "Startseite",
    "Tests",
    "Kopfhörer",
    "Anmelden",
    "Der Lumio Aria 3 im Test: Leise Umgebung, lauter Preis",
    "Von Tobias Rein",
    "03.06.2024, 10:00 Uhr",
]
BODY = [
    "Mit dem Aria 3 will Lumio zeigen, dass gute Geräuschunterdrückung nicht nur etwas für die "
    "großen Marken ist. Wir haben den Kopfhörer drei Wochen lang im Alltag getragen.",
    "Im Zug und im Großraumbüro schluckt der Kopfhörer tiefe Brummtöne zuverlässig. Stimmen in "
    "der Nähe dringen dagegen noch etwas durch, was bei dieser Preisklasse aber üblich ist.",
    "Der Klang ist warm abgestimmt, die Bässe sind kräftig, ohne die Mitten zu überdecken. Wer "
    "es neutraler mag, kann in der App einen Equalizer mit fünf Bändern einstellen.",
    "Beim Akku bleibt der Aria 3 unter der Angabe des Herstellers: Statt vierzig Stunden kamen "
    "wir mit eingeschalteter Geräuschunterdrückung auf knapp zweiunddreißig Stunden.",
    "Die App funktioniert ohne Konto und ist übersichtlich. Zweimal musste der Kopfhörer in "
    "unserem Test neu gekoppelt werden, nachdem das Telefon ein Update installiert hatte.",
    "Beim Telefonieren machen die Mikrofone eine ordentliche Figur. Unsere Gesprächspartner "
    "verstanden uns auch an einer belebten Straße gut, nur bei starkem Wind wurde es schwierig.",
    "Die Ohrpolster sind weich und bleiben auch nach Stunden angenehm. Der Bügel drückt kaum, "
    "und mit einer Brille auf der Nase entstehen keine unangenehmen Druckstellen.",
    "Zum Lieferumfang gehören ein stabiles Etui, ein kurzes Ladekabel und ein Adapter für das "
    "Flugzeug. Ein Netzteil fehlt, wie inzwischen bei fast allen Herstellern.",
]
PROS_CONS = [
    "Pro",
    "Starke Geräuschunterdrückung",
    "Bequemer Sitz, auch mit Brille",
    "Warmer Klang",
    "Contra",
    "Akku unter Herstellerangabe",
    "Kopplung nicht immer stabil",
]
VERDICT = [
    "Fazit",
    "Der Lumio Aria 3 ist ein guter Begleiter für alle, die viel unterwegs sind und Ruhe suchen. "
    "Klang und Tragekomfort überzeugen, die Geräuschunterdrückung ist stark für den Preis.",
    "Beim Akku und bei der Kopplung muss der Hersteller nachbessern. Wer darauf verzichten kann, "
    "bekommt für unter zweihundert Euro dennoch einen der besten Kopfhörer seiner Klasse.",
]
TAIL = [
    "Technische Daten",
    "Gewicht: 248 Gramm",
    "Bluetooth: 5.3",
    "Artikel teilen",
    "Ähnliche Tests",
    "Die besten Kopfhörer bis 100 Euro",
    "Impressum",
    "Datenschutz",
    "© Testmagazin 2024",
]


def test_the_verdict_after_a_pros_and_cons_list_stays() -> None:
    reasons = reasons_of("\n".join(HEAD + BODY + PROS_CONS + VERDICT + TAIL))
    for line in BODY + PROS_CONS + VERDICT:
        assert reasons[line].kept, (line, reasons[line])
    for line in ["Gewicht: 248 Gramm", "Artikel teilen", "Die besten Kopfhörer bis 100 Euro", "Impressum"]:
        assert not reasons[line].kept, (line, reasons[line])


def test_the_same_in_english() -> None:
    body = [
        "We spent three weeks with the Aria 3 on trains, in open-plan offices and on long walks, "
        "and it held up better than we expected for a pair at this price.",
        "Low rumble disappears almost completely when noise cancelling is on. Voices nearby still "
        "come through a little, which is common at this price and rarely a problem.",
        "The sound is warm with a strong bass that does not cover the voices. There is a "
        "five-band equaliser in the app for anyone who prefers a flatter sound.",
        "Battery life fell short of the maker's claim: we measured about thirty-two hours with "
        "noise cancelling switched on, against the forty hours on the box.",
    ]
    lists = ["Pros", "Strong noise cancelling", "Comfortable fit", "Cons", "Battery below the claim"]
    verdict = [
        "Verdict",
        "The Aria 3 is an easy pair to recommend to anyone who travels a lot and wants some quiet, "
        "as long as the battery life is not the first thing they look at.",
        "If the maker fixes the pairing problems with an update, it will be one of the best "
        "choices in its class, and it already costs less than most of its rivals.",
    ]
    page = ["Home", "Reviews", "Aria 3 review: quiet trains, loud price", *body, *lists, *verdict]
    reasons = reasons_of("\n".join([*page, "Share this article", "Related reviews", "Best cheap earbuds"]))
    for line in body + lists + verdict:
        assert reasons[line].kept, (line, reasons[line])
    assert not reasons["Best cheap earbuds"].kept


def test_teasers_after_a_list_of_links_stay_out() -> None:
    """Short link lines after the article, then teasers (a headline, a blurb, a headline,
    a blurb): never two paragraphs in a row, so nothing of it joins the article."""
    links = ["Kopfhörer", "Bluetooth", "Testberichte", "Technik"]
    teasers = [
        "Sechs Kopfhörer für Sportler im Vergleich",
        "Wir haben sechs Modelle beim Laufen und im Fitnessstudio getestet und sagen, welches am "
        "besten sitzt und am längsten durchhält.",
        "Was taugen Kopfhörer mit Knochenschall?",
        "Sie lassen die Ohren frei und sollen beim Radfahren sicherer sein. Wir haben drei Modelle "
        "ein Wochenende lang ausprobiert und erklären, für wen sie sich lohnen.",
    ]
    reasons = reasons_of("\n".join(HEAD + BODY + links + teasers + TAIL))
    for line in BODY:
        assert reasons[line].kept
    for line in links + teasers:
        assert not reasons[line].kept, (line, reasons[line])


@pytest.mark.parametrize("count", [2, 26])
def test_lists_too_short_or_too_long_are_no_bridge(count: int) -> None:
    """Two short lines are bridged by the article run itself or not at all; twenty-six
    are more than a list inside an article (a menu)."""
    items = [f"Punkt Nummer {chr(65 + i)}" for i in range(count)]
    reasons = reasons_of("\n".join(HEAD + BODY + items + VERDICT[1:] + TAIL))
    if count == 26:
        for line in items:
            assert reasons[line] is not LineReason.IN_ARTICLE, line
        assert not reasons[VERDICT[1]].kept


FEATURE = [
    "Magazin",
    "Reportage",
    "Die Letzten, die noch Körbe flechten",
    "In einem Dorf am Fluss flechten drei Geschwister noch Körbe aus Weiden, wie es ihr "
    "Großvater getan hat. Ein Besuch in einer Werkstatt, die es bald nicht mehr geben könnte.",
    "Von Jana Ostrowski",
    "Inhalt",
    "Die Werkstatt am Fluss",
    "Vom Schneiden der Weiden",
    "Wer soll das weitermachen?",
    "Die Werkstatt am Fluss",
    "Die Werkstatt liegt am Ende einer Schotterstraße, direkt hinter dem Deich. Drinnen riecht es "
    "nach nassem Holz, an den Wänden hängen Körbe in allen Größen, manche fertig, manche halb.",
    "Seit mehr als sechzig Jahren wird hier geflochten. Der Großvater hat die Werkstatt nach dem "
    "Krieg gegründet, heute arbeiten seine drei Enkel hier, jeden Tag außer sonntags.",
    "Vom Schneiden der Weiden",
    "Im Winter schneiden die Geschwister die Weiden an den Ufern des Flusses. Die Ruten müssen "
    "trocknen und werden vor dem Flechten tagelang in Wasser eingeweicht, damit sie nicht brechen.",
    "Ein großer Korb braucht zwei Tage Arbeit. Die Kunden kommen aus der ganzen Region, manche "
    "bringen alte Körbe zur Reparatur, die schon ihre Großeltern gekauft haben.",
    "Wer soll das weitermachen?",
    "Kinder haben die drei nicht, und junge Leute, die das Handwerk lernen wollen, finden sich "
    "kaum. Die Geschwister wollen trotzdem weitermachen, solange ihre Hände es zulassen.",
    "Artikel teilen",
    "Impressum",
]


def test_a_table_of_contents_does_not_hide_the_headline_or_the_first_section() -> None:
    """The sections a table of contents names open their part of the article, the first
    one too, so none of them is taken for the headline."""
    from thresher.clean import clean_text

    result = clean_text("\n".join(FEATURE))
    assert result.metadata["title"] == "Die Letzten, die noch Körbe flechten"
    kept = result.text.splitlines()
    assert kept[0] == "Die Letzten, die noch Körbe flechten"
    # the copy above the first paragraph stays, the table of contents goes
    assert kept.count("Die Werkstatt am Fluss") == 1
    assert kept[kept.index("Die Werkstatt am Fluss") + 1].startswith("Die Werkstatt liegt")
    assert "Wer soll das weitermachen?" in kept and "Inhalt" not in kept


def test_the_heading_of_questions_and_answers_named_in_the_contents_stays() -> None:
    faq = [
        "Häufige Fragen",
        "Wie lange hält ein Weidenkorb?",
        "Bei guter Pflege hält ein Korb aus Weiden mehrere Jahrzehnte. Er sollte trocken stehen "
        "und gelegentlich mit einem feuchten Tuch abgewischt werden, damit die Ruten nicht spröde werden.",
        "Kann man kaputte Körbe reparieren lassen?",
        "Ja, die meisten Schäden lassen sich beheben. Gebrochene Ruten werden herausgenommen und "
        "durch neue ersetzt, was je nach Größe des Korbes ein bis zwei Stunden dauert.",
    ]
    page = [*FEATURE[:9], "Häufige Fragen", *FEATURE[9:-2], *faq, *FEATURE[-2:]]
    reasons = reasons_of("\n".join(page))
    for line in faq:
        assert reasons[line].kept, (line, reasons[line])


SAVINGS_BODY = [
    "Die Zinsen für Tagesgeld sinken wieder. Nach der jüngsten Entscheidung der Notenbank haben "
    "viele Banken ihre Angebote gesenkt, manche gleich um einen halben Prozentpunkt.",
    "Für Sparer lohnt sich der Vergleich dennoch: Zwischen dem besten und dem schlechtesten "
    "Angebot liegen noch immer mehr als zwei Prozentpunkte, wie unsere Auswertung zeigt.",
    "Besonders die großen Filialbanken zahlen kaum etwas. Bei vielen von ihnen liegt der Zins "
    "für Tagesgeld weiterhin unter einem Prozent, obwohl die Leitzinsen deutlich höher sind.",
    "Verbraucherschützer raten deshalb, das Ersparte aufzuteilen: einen Teil als Reserve auf dem "
    "Girokonto, den Rest dort, wo es die besten Zinsen gibt, solange die Einlagen sicher sind.",
    "Auch Festgeld kann sich lohnen, wenn man das Geld für einige Zeit nicht braucht. Die Zinsen "
    "sind dann für die gesamte Laufzeit garantiert, dafür kommt man vorher nicht an das Geld.",
    "Die besten Angebote im Vergleich",
    "Wer sein Geld flexibel anlegen will, findet die höchsten Zinsen derzeit bei kleineren "
    "Direktbanken. Die folgende Übersicht zeigt die Angebote mit der längsten Zinsgarantie.",
]
SAVINGS_TABLE = [
    "Bank | Zins p. a. | Zinsgarantie | Einlagensicherung",
    "Beispielbank Nord | 3,20 % | 6 Monate | Deutschland",
    "Musterkasse | 3,05 % | 4 Monate | Deutschland",
    "Direktbank Süd | 2,90 % | 3 Monate | Österreich",
    "Hansabank | 2,75 % | keine | Deutschland",
    "Kreditbank West | 2,70 % | 3 Monate | Deutschland",
    "Nordsparkasse | 2,60 % | keine | Deutschland",
    "Alpenbank | 2,55 % | 6 Monate | Österreich",
    "Fördebank | 2,40 % | keine | Deutschland",
]


@pytest.mark.parametrize("separator", [" | ", "\t\t"])
def test_a_table_at_the_end_of_the_article_stays(separator: str) -> None:
    table = [row.replace(" | ", separator) for row in SAVINGS_TABLE]
    page = [
        "Startseite | Finanzen | Sparen",
        "Tagesgeld: Wo es noch gute Zinsen gibt",
        *SAVINGS_BODY,
        *table,
        "Quelle: Zinsvergleich der Redaktion, Stand 13.11.2024",
        "Artikel teilen",
        "Impressum | Datenschutz | AGB",
    ]
    reasons = reasons_of("\n".join(page))
    for line in SAVINGS_BODY + table:
        assert reasons[line].kept, (line, reasons[line])
    assert not reasons["Startseite | Finanzen | Sparen"].kept
    assert not reasons["Impressum | Datenschutz | AGB"].kept


def test_two_rows_are_no_table() -> None:
    """Two lines of parts (a breadcrumb and a menu under it) are no table."""
    lines = ["Startseite | Finanzen | Sparen", "Konto | Depot | Kredit | Versicherung"]
    page = ["Tagesgeld: Wo es noch gute Zinsen gibt", *lines, *SAVINGS_BODY]
    reasons = reasons_of("\n".join(page))
    for line in lines:
        assert not reasons[line].kept, line


SPECS = [
    "Technische Daten: Lumio Aria 3",
    "Bauform: Over-Ear, geschlossen",
    "Treiber: 40 mm, dynamisch",
    "Bluetooth: 5.3, Multipoint",
    "Codecs: SBC, AAC, LDAC",
    "Akkulaufzeit: 40 Stunden",
    "Ladezeit: 2 Stunden",
    "Gewicht: 248 Gramm",
    "Farben: Schwarz, Sand",
    "Preis: 199 Euro",
    "Plus",
    "Starke Geräuschunterdrückung",
    "Bequemer Sitz",
    "Minus",
    "Akku unter Herstellerangabe",
    "Fazit",
]
ONE_VERDICT = (
    "Der Lumio Aria 3 ist ein guter Begleiter für alle, die viel unterwegs sind und Ruhe suchen. "
    "Klang und Tragekomfort überzeugen, die Geräuschunterdrückung ist stark für den Preis, beim "
    "Akku und bei der Kopplung muss der Hersteller aber nachbessern, bevor er mit den großen "
    "Marken wirklich mithalten kann."
)


def test_a_spec_box_then_a_one_paragraph_verdict_stays() -> None:
    """A long box of specs, pros and cons ("Plus", "Minus" are menu words too), then a
    verdict of one long paragraph: a teaser's blurb is never that long."""
    reasons = reasons_of("\n".join([*HEAD, *BODY, *SPECS, ONE_VERDICT, "Artikel teilen", "Impressum"]))
    for line in [*SPECS[1:10], ONE_VERDICT]:
        assert reasons[line].kept, (line, reasons[line])
    assert not reasons["Artikel teilen"].kept
