"""Articles of the sample crawl. All text here was written for thresher; it is fictional."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Article:
    slug: str
    title: str
    author: str
    published: str  # ISO 8601
    dateline: str
    paragraphs: tuple[str, ...]
    lang: str = "en"


RIVERTON_ARTICLES = (
    Article(
        "harbour-bridge-reopens",
        "Harbour bridge reopens after two years of repairs",
        "Maya Lindqvist",
        "2026-03-14T08:30:00+00:00",
        "RIVERTON",
        (
            "The old harbour bridge opened to traffic again on Saturday morning, two years after "
            "engineers found cracks in three of its steel supports and closed it without warning.",
            "City officials said the repairs cost about 41 million, slightly less than the estimate "
            "approved by the council in the spring of last year. Most of the work was done at night "
            "to keep the shipping lane below the bridge open.",
            "Commuters who had been taking the ferry or a detour of nearly half an hour welcomed "
            'the news. "I used to leave home at six just to be on time," said one nurse who works '
            "at the hospital on the east bank.",
            "The bridge will carry buses and cars from Monday, while a separate lane for bicycles "
            "is expected to open in the autumn once the railings have been replaced.",
        ),
    ),
    Article(
        "library-extends-opening-hours",
        "Central library to stay open until midnight during exams",
        "Tomasz Brenner",
        "2026-05-02T11:00:00+00:00",
        "RIVERTON",
        (
            "Students preparing for their final exams will be able to study at the central library "
            "until midnight for four weeks, the city announced on Thursday.",
            "The longer hours follow a petition signed by more than three thousand students, who "
            "said that reading rooms at the university were full by nine in the morning.",
            "Extra staff will be paid from a fund normally used for summer reading programmes. The "
            "library said it would publish the number of visitors each week to decide whether the "
            "late opening should become permanent.",
            "Librarians said the quiet rooms on the second floor would be reserved for students "
            "with an exam the next day. Group work will move to the ground floor after eight. "
            "Coffee will not be sold after ten, but water fountains stay on all night.",
        ),
    ),
    Article(
        "farmers-market-moves",
        "Farmers market moves to the riverside for the summer",
        "Maya Lindqvist",
        "2026-06-20T07:15:00+00:00",
        "RIVERTON",
        (
            "The weekly farmers market will leave the car park behind the town hall and set up its "
            "stalls along the riverside promenade from the first Saturday of July.",
            "Traders had complained for years about the heat on the asphalt and the lack of shade. "
            "The new site has trees, public toilets and room for forty more stalls.",
            "Residents of the promenade were consulted in May. Most supported the move, although "
            "some asked for deliveries to finish before eight in the morning, which the organisers "
            "have accepted.",
        ),
    ),
)

TECHWIRE_ARTICLES = (
    Article(
        "open-source-compression",
        "Small team releases faster open-source compression library",
        "Priya Raman",
        "2026-02-09T15:45:00+00:00",
        "BERLIN",
        (
            "A team of four developers has released a compression library that they say packs "
            "text logs about a fifth smaller than the formats most servers use today, while "
            "decompressing at the same speed.",
            "The project started as a hobby during a long train journey, according to its lead "
            "author, and grew after a logistics company began using it to archive sensor data.",
            "Independent tests published on Tuesday confirmed the gains on logs and source code "
            "but found no advantage on images or video, which are already compressed.",
            "The library is released under a permissive licence and works on the three main "
            "operating systems. Its authors plan a stable version before the end of the year.",
        ),
    ),
    Article(
        "battery-recycling-plant",
        "Battery recycling plant promises to recover most of the lithium",
        "Jonas Weber",
        "2026-04-18T09:00:00+00:00",
        "HAMBURG",
        (
            "A new recycling plant near the port will process old car batteries and recover most "
            "of their lithium, nickel and cobalt, its operator said at the opening on Friday.",
            "The plant can handle about twenty thousand tonnes of batteries a year. Until now, "
            "many of them were shipped abroad for processing, which added cost and emissions.",
            "Environmental groups welcomed the plant but asked for independent checks of the "
            "recovery rates, which so far come only from the company's own measurements.",
            "The operator expects to employ about one hundred and twenty people once both lines "
            "are running. A second plant is planned in the south if demand keeps growing. "
            "The city council has not yet said whether it will support that project.",
        ),
    ),
    Article(
        "rechenzentrum-abwaerme",
        "Rechenzentrum heizt künftig ein ganzes Wohnviertel",
        "Anna Hofmann",
        "2026-01-27T10:30:00+01:00",
        "FRANKFURT",
        (
            "Die Abwärme eines großen Rechenzentrums soll ab dem kommenden Winter rund zweitausend "
            "Wohnungen im Osten der Stadt mit Wärme versorgen.",
            "Die Stadtwerke haben dafür eine neue Leitung von gut drei Kilometern Länge gebaut. "
            "Wärmepumpen heben die Temperatur des Kühlwassers auf das Niveau, das die Heizungen "
            "der Gebäude brauchen.",
            "Nach Angaben des Betreibers lassen sich so jedes Jahr mehrere tausend Tonnen "
            "Kohlendioxid einsparen. Kritiker weisen darauf hin, dass das Rechenzentrum selbst "
            "sehr viel Strom verbraucht.",
        ),
        lang="de",
    ),
)

GARDEN_ARTICLES = (
    Article(
        "tomatoes-in-pots",
        "How to grow tomatoes in pots on a small balcony",
        "Elena Costa",
        "2026-04-03T06:00:00+00:00",
        "",
        (
            "Tomatoes grow well in containers as long as the pot holds at least twenty litres of "
            "soil and stands where it gets six hours of sun a day.",
            "Choose compact varieties that are sold for patios or hanging baskets. Tall varieties "
            "need a strong stake and quickly become top-heavy when the wind blows.",
            "Water deeply every morning in hot weather rather than a little several times a day. "
            "Uneven watering is the most common reason for split fruit and dark patches at the "
            "base of the tomato.",
        ),
    ),
    Article(
        "compost-without-smell",
        "Making compost in the city without bad smells",
        "Elena Costa",
        "2026-05-11T06:00:00+00:00",
        "",
        (
            "A compost bin smells only when it has too much wet kitchen waste and too little dry "
            "material such as cardboard, straw or dead leaves.",
            "Aim for roughly two buckets of dry material for every bucket of peelings, and turn "
            "the heap once a week with a fork so that air reaches the middle.",
            "Meat, dairy products and cooked food attract animals and should stay out of an open "
            "bin. A closed container with a tight lid is better on a small patio.",
            "After three to six months the bottom of the heap turns dark and crumbly. Sieve it "
            "and mix it into the soil of your pots in spring. Anything still coarse can go back "
            "on top of the heap for another round.",
        ),
    ),
)
