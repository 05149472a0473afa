"""A box of links to other stories inside an article, and lists of teasers after it
(pages written for these tests)."""

from __future__ import annotations

import pytest

from tests.clean.pages import reasons_of
from thresher.clean import LineReason

DE_HEAD = [
    "Zum Inhalt springen",
    "Startseite",
    "Politik",
    "Wirtschaft",
    "Anmelden",
    "Neue Radwege sollen die Innenstadt entlasten",
    "Von Miriam Albers",
    "12.05.2024, 08.15 Uhr",
]
DE_BEFORE = [
    "Die Stadt will in den kommenden drei Jahren mehr als zwanzig Kilometer neue Radwege bauen "
    "und dafür auf mehreren Hauptstraßen eine Fahrspur für Autos streichen.",
    "Der Stadtrat hat den Plan am Donnerstagabend mit knapper Mehrheit beschlossen, nachdem die "
    "Debatte über die Finanzierung fast vier Stunden gedauert hatte.",
    "Nach Angaben der Verwaltung nutzen schon heute an manchen Tagen mehr Menschen das Fahrrad "
    "als das Auto, wenn sie in die Innenstadt fahren.",
    "Die ersten Abschnitte sollen schon im Herbst fertig werden. Begonnen wird an der Ringstraße, "
    "wo sich in den vergangenen Jahren besonders viele Unfälle mit Radfahrern ereignet haben.",
    "Bezahlt wird der Umbau zum größten Teil aus einem Förderprogramm des Landes, den Rest muss die "
    "Stadt aus ihrem ohnehin knappen Haushalt aufbringen, wie der Kämmerer betonte.",
    "Die Opposition im Stadtrat hält den Zeitplan für zu ehrgeizig. Schon bei früheren Projekten "
    "seien die Kosten deutlich gestiegen, weil Baufirmen fehlten und sich die Planung verzögerte.",
    "Radfahrverbände begrüßten dagegen den Beschluss. Sie fordern aber, dass die neuen Wege breit "
    "genug werden, damit auch Lastenräder und Kinderanhänger sicher überholen können.",
]
DE_BOX = [
    "Mehr zum Thema",
    "Verkehrswende: Warum andere Städte schneller sind",
    "Parkgebühren steigen ab Juli deutlich",
    "Wie sicher sind die neuen Fahrradstraßen?",
]
DE_AFTER = [
    "Was ändert sich für Autofahrer?",
    "Für Autofahrer wird es auf den betroffenen Straßen enger. Die Verwaltung rechnet zu Beginn "
    "mit längeren Fahrzeiten im Berufsverkehr, hofft aber, dass viele Pendler umsteigen.",
    "Der Handelsverband sieht die Pläne kritisch und fürchtet, dass weniger Kunden aus dem Umland "
    "in die Geschäfte der Innenstadt kommen, wenn Parkplätze wegfallen.",
]
DE_TAIL = [
    "Verwandte Artikel",
    "Busse fahren künftig im Zehn-Minuten-Takt",
    "Impressum",
    "Datenschutz",
    "© Stadtanzeiger 2024",
]


@pytest.mark.parametrize("subheading", ["Was ändert sich für Autofahrer?", "Enger für Autofahrer"])
def test_the_article_goes_on_after_a_box_of_links_inside_it(subheading: str) -> None:
    after = [subheading, *DE_AFTER[1:]]
    reasons = reasons_of("\n".join(DE_HEAD + DE_BEFORE + DE_BOX + after + DE_TAIL))
    for line in DE_BEFORE + after:
        assert reasons[line].kept, line
    assert reasons["Mehr zum Thema"] is LineReason.RELATED_HEADING
    for line in DE_BOX[1:] + DE_TAIL:
        assert not reasons[line].kept, line


def test_a_long_box_ends_the_article() -> None:
    box = DE_BOX + [f"Weitere Meldung Nummer {n} aus der Region" for n in range(1, 8)]
    reasons = reasons_of("\n".join(DE_HEAD + DE_BEFORE + box + DE_AFTER + DE_TAIL))
    assert all(reasons[line].kept for line in DE_BEFORE)
    assert not any(reasons[line].kept for line in DE_AFTER)


EN_BEFORE = [
    "The museum will stay closed for most of next year while engineers replace the roof, which "
    "has leaked into two of the galleries since a storm damaged it in the spring.",
    "Its director said the collection would be moved to a warehouse outside the city and that a "
    "few of the best-known pieces would travel to partner museums abroad.",
    "The work is expected to cost about eight million dollars, most of it paid by the state.",
    "Visitors who bought season tickets will be offered a refund or a free pass for the year "
    "after the museum opens again, the director added in a letter to members.",
    "A smaller exhibition of drawings from the collection will be shown in the library of the "
    "university, which has offered the museum two of its rooms until the work is done.",
    "The roof was last replaced more than sixty years ago, and inspectors had warned for some "
    "time that the wooden beams under the copper sheets were starting to rot.",
    "Staff will use the closure to put the whole collection into a new digital catalogue, which "
    "should make it easier for researchers to find objects that are rarely shown.",
]
# headline, blurb, headline, blurb: stories of others, not the article going on
EN_HEAD = ["Home", "Arts", "Museum to close for a year while its roof is rebuilt"]
EN_TEASERS = [
    "More stories",
    "Opinion",
    "Bridges and budgets",
    "JANE ROE The city keeps promising to fix the old bridges, and every year the repairs are "
    "pushed back again while the cost of doing nothing quietly grows.",
    "School lunches",
    "JOHN DOE Parents deserve to know what their children are eating, and the new menus are a "
    "good start, but the portions are still far too small for teenagers.",
    "Night buses",
    "MARY MAJOR A city that wants young people to stay has to let them get home after midnight, "
    "which right now is impossible without a car or a very expensive taxi ride.",
]


def test_a_list_of_teasers_after_the_box_is_not_the_article() -> None:
    page = [*EN_HEAD, *EN_BEFORE, *EN_TEASERS]
    reasons = reasons_of("\n".join([*page, "Login", "Subscribe", "Terms of use"]))
    assert all(reasons[line].kept for line in EN_BEFORE)
    assert not any(reasons[line].kept for line in EN_TEASERS)


EN_AFTER = [
    "Engineers will first lift the copper sheets one by one, number them and store them, so "
    "that as many as possible can go back on the new frame once it has been built.",
    "The beams themselves cannot be saved. New ones will be cut from oak grown in the region, "
    "and a carpenter who worked on the cathedral roof ten years ago will lead the team.",
    "When the museum opens again, visitors will for the first time be able to climb to a small "
    "platform under the roof and see the work of the carpenters up close.",
]


def test_links_of_a_box_inside_the_article_are_named() -> None:
    box = [
        "Related articles",
        "Storm damage: what insurers will and will not pay for",
        "City plans new storage depot for its art collection",
    ]
    page = [*EN_HEAD, *EN_BEFORE, *box, *EN_AFTER]
    reasons = reasons_of("\n".join([*page, "Login", "Subscribe", "Terms of use"]))
    assert all(reasons[line].kept for line in EN_BEFORE + EN_AFTER)
    assert reasons["Related articles"] is LineReason.RELATED_HEADING
    assert reasons[box[1]] is LineReason.RELATED_HEADLINE
    assert reasons[box[2]] is LineReason.RELATED_HEADLINE


@pytest.mark.parametrize("heading", ["12 Kommentare", "Kommentare"])
def test_a_comment_count_under_the_byline_does_not_end_the_article(heading: str) -> None:
    """ "12 Kommentare" under the byline links to the comment section at the end (which
    may repeat it as its heading): the article runs on after it, a teaser alone above
    it is no article."""
    teaser = (
        "Mehr als zwanzig Kilometer neue Radwege in drei Jahren: Die Stadt will den Verkehr in der "
        "Innenstadt neu ordnen und nimmt dafür den Autos auf mehreren Hauptstraßen eine Spur weg. "
        "Was der Plan für Pendler, Händler und Anwohner bedeutet, und warum die Opposition den "
        "Zeitplan für zu ehrgeizig hält. Ein Überblick über die wichtigsten Fragen und Antworten "
        "zu dem Projekt, das die Stadt seit Jahren beschäftigt."
    )
    under_byline = ["4 Min. Lesezeit", "12 Kommentare", "Artikel hören", "Teilen", "Merken"]
    head = [*DE_HEAD[:6], teaser, *DE_HEAD[6:], *under_byline]
    comments = [
        heading,
        "Bitte melden Sie sich an, um zu kommentieren.",
        "radler_77",
        "vor 2 Stunden",
        "Endlich passiert etwas. Ich fahre jeden Tag durch die Innenstadt und fühle mich auf der "
        "Ringstraße nie sicher.",
        "Antworten",
    ]
    reasons = reasons_of("\n".join(head + DE_BEFORE + comments + DE_TAIL))
    assert all(reasons[line].kept for line in [teaser, *DE_BEFORE])
    assert not any(reasons[line].kept for line in comments)


def test_every_link_under_read_also_inside_the_article_is_another_story() -> None:
    box = [
        "Lesen Sie auch",
        "Verkehrswende: Warum andere Städte schneller vorankommen als wir",
        "Parkgebühren in der Innenstadt steigen ab Juli deutlich",
        "Wie sicher sind die neuen Fahrradstraßen in der Südstadt wirklich",
    ]
    after = ["Enger wird es für Autofahrer", *DE_AFTER[1:]]
    page = DE_HEAD + DE_BEFORE[:4] + box + after + DE_BEFORE[4:] + DE_TAIL
    reasons = reasons_of("\n".join(page))
    for line in box[1:]:
        assert reasons[line] is LineReason.RELATED_HEADLINE, line
    for line in DE_BEFORE + after:
        assert reasons[line].kept, line


@pytest.mark.parametrize("heading", ["Über die Autorin", "About the author", "À propos de l'auteur"])
def test_an_author_box_after_the_article_goes(heading: str) -> None:
    bio = [
        heading,
        "Miriam Albers",
        "Miriam Albers schreibt seit 2016 für den Stadtanzeiger über Verkehr, Stadtplanung und "
        "Umwelt. Vorher war sie Volontärin bei einem Radiosender in Norddeutschland und hat "
        "dort über die Kommunalpolitik der Region berichtet. Für ihre Reportage über die "
        "Schließung der letzten Dorfschule im Landkreis wurde sie 2021 mit einem Preis ausgezeichnet.",
    ]
    reasons = reasons_of("\n".join(DE_HEAD + DE_BEFORE + bio + DE_TAIL))
    assert all(reasons[line].kept for line in DE_BEFORE)
    assert not any(reasons[line].kept for line in bio)


def test_two_boxes_in_a_row_are_one_box() -> None:
    boxes = [
        "Mehr zum Thema",
        "Verkehrswende: Warum andere Städte schneller sind",
        "Mehr zum Thema",
        "Parkgebühren steigen ab Juli deutlich",
    ]
    reasons = reasons_of("\n".join(DE_HEAD + DE_BEFORE + boxes + DE_AFTER + DE_TAIL))
    for line in DE_BEFORE + DE_AFTER:
        assert reasons[line].kept, line
    assert not any(reasons[line].kept for line in boxes)
