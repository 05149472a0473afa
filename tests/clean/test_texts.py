"""Hand-written pages in English, German and Chinese: article kept, boilerplate gone."""

from __future__ import annotations

import pytest

from tests.clean.pages import PAGES, Page
from thresher.clean import LineReason, clean_text


@pytest.mark.parametrize("page", PAGES, ids=[p.lang for p in PAGES])
def test_article_lines_are_kept_whole(page: Page) -> None:
    kept = clean_text(page.text).text.split("\n")
    for line in page.keep:
        assert line in kept


@pytest.mark.parametrize("page", PAGES, ids=[p.lang for p in PAGES])
def test_boilerplate_is_dropped(page: Page) -> None:
    text = clean_text(page.text).text
    for fragment in page.drop:
        assert fragment not in text


@pytest.mark.parametrize("page", PAGES, ids=[p.lang for p in PAGES])
def test_title_and_language_recovered(page: Page) -> None:
    meta = clean_text(page.text).metadata
    assert meta["title"] == page.title
    assert meta["language"] == page.lang


@pytest.mark.parametrize("page", PAGES, ids=[p.lang for p in PAGES])
def test_every_line_has_a_decision(page: Page) -> None:
    result = clean_text(page.text)
    assert [line.text for line in result.lines] == page.lines
    for line in result.lines:
        assert line.kept == line.reason.kept


def test_reasons_name_the_boilerplate() -> None:
    from tests.clean.pages import EN

    reasons = {line.text: line.reason for line in clean_text(EN.text).lines}
    assert reasons["old ferry terminal to become a public library"] is LineReason.SLUG
    assert reasons["Name *"] is LineReason.FORM
    assert reasons["Sign in"] is LineReason.NAVIGATION
    assert reasons["12 March 2023"] is LineReason.STAMP
    assert reasons["Council approves new bike lanes on the seafront"] in {
        LineReason.RELATED_HEADLINE,
        LineReason.NAVIGATION,
    }
    assert reasons["Copyright © 2023 Harbour City Gazette. All rights reserved."] is (LineReason.FOOTER)
    assert reasons["Budget and timeline"] is LineReason.IN_ARTICLE


def test_metadata_from_english_page() -> None:
    from tests.clean.pages import EN

    meta = clean_text(EN.text).metadata
    assert meta["authors"] == ["Jane Holloway"]
    assert meta["published"] == "2023-03-14T09:30"
    assert meta["dateline"] == "Harbour City"


def test_german_update_stamp_is_iso() -> None:
    from tests.clean.pages import DE

    assert clean_text(DE.text).metadata["updated"] == "2022-05-03T14:20"


def test_declared_language_overrides_detection() -> None:
    from tests.clean.pages import EN

    assert clean_text(EN.text, lang="fr").metadata["language"] == "fr"


def test_keep_title_puts_the_headline_in_the_text() -> None:
    from tests.clean.pages import EN

    result = clean_text(EN.text, keep_title=True)
    assert result.text.startswith(EN.title + "\n")


def test_unknown_option_is_a_config_error() -> None:
    from thresher.errors import ConfigError

    with pytest.raises(ConfigError, match="unexpected"):
        clean_text("text", colour=True)
    with pytest.raises(ConfigError, match="site_min_share"):
        clean_text("text", site_min_share=0.0)


def test_url_slug_marks_the_headline_and_where_the_article_starts() -> None:
    from tests.clean.pages import EN, EN_BODY

    teasers = [
        "Council approves new bike lanes on the seafront after a long debate that went on "
        "for many months in the town hall.",
        "The fishing fleet returns to the harbour after a record season, and the owners say "
        "that they will hire more crew next year.",
    ]
    page = "\n".join(["Home", *teasers, "Old ferry terminal to become a public library", *EN_BODY])
    url = "https://gazette.example/news/2023/03/old-ferry-terminal-to-become-a-public-library"
    result = clean_text(page, url=url, keep_title=False)
    assert result.metadata["title"] == EN.title
    assert result.text.split("\n") == EN_BODY


def test_comment_thread_longer_than_the_article_is_dropped() -> None:
    from tests.clean.pages import EN_BODY

    comment = (
        "I have lived in this town for forty years and I think that the library is a "
        "good idea, but the council should also think about the people who need the roads."
    )
    thread: list[str] = []
    for n in range(12):
        thread += [f"reader{n} says:", f"March {n + 1}, 2023 at 10:0{n % 10} am", comment + f" ({n})"]
    page = "\n".join(["Old ferry terminal to become a public library", *EN_BODY, "42 Comments", *thread])
    result = clean_text(page)
    assert result.text.split("\n") == ["Old ferry terminal to become a public library", *EN_BODY]
    reasons = {line.text: line.reason for line in result.lines}
    assert reasons["42 Comments"] is LineReason.COMMENTS
    assert reasons["reader3 says:"] is LineReason.COMMENTS


DE_NEWS = [
    "Wir verwenden Cookies, um Ihnen ein optimales Nutzererlebnis zu bieten. Mit der Nutzung "
    "unserer Website stimmen Sie der Verwendung von Cookies zu.",
    "Akzeptieren",
    "Startseite",
    "Politik",
    "Newsletter abonnieren",
    "Anzeige",
    "Bahnstreik legt Fernverkehr lahm",
    "12.03.2024, 14:05 Uhr",
    "Berlin (dpa) - Ein Streik der Lokführer hat am Dienstag große Teile des Fernverkehrs in "
    "Deutschland lahmgelegt, und viele Reisende mussten auf andere Verkehrsmittel ausweichen.",
    "Nach Angaben der Bahn fielen rund achtzig Prozent der Fernzüge aus, im Regionalverkehr "
    "war die Lage je nach Bundesland sehr unterschiedlich.",
    "Lesen Sie auch",
    "Flughafen erwartet Rekord im Sommer",
    "Wie geht es weiter?",
    "Ein Sprecher der Bahn sagte, man sei jederzeit zu Gesprächen bereit, wenn die "
    "Gewerkschaft ihre Forderungen überdenke.",
    "Mehr zum Thema",
    "Streik: Was Reisende jetzt wissen müssen",
    "Kommentare (12)",
    "Impressum",
    "© 2024 Beispiel Zeitung GmbH",
]


def test_german_news_page() -> None:
    result = clean_text("\n".join(DE_NEWS))
    kept = result.text.split("\n")
    assert kept == [
        "Bahnstreik legt Fernverkehr lahm",
        DE_NEWS[8],
        DE_NEWS[9],
        "Wie geht es weiter?",
        DE_NEWS[13],
    ]
    reasons = {line.text: line.reason for line in result.lines}
    assert reasons["Flughafen erwartet Rekord im Sommer"] is LineReason.RELATED_HEADLINE
    assert reasons["Mehr zum Thema"] is LineReason.RELATED_HEADING
    assert reasons["Kommentare (12)"] is LineReason.COMMENTS
    assert reasons[DE_NEWS[0]] is LineReason.FOOTER or not reasons[DE_NEWS[0]].kept
    meta = result.metadata
    assert meta["title"] == "Bahnstreik legt Fernverkehr lahm"
    assert meta["dateline"] == "Berlin"
    assert meta["source_attribution"] == "dpa"
    assert meta["published"] == "2024-03-12T14:05"
    assert meta["language"] == "de"
