"""Numbered lists in an article (steps of a how-to, entries of a ranking) stay with it."""

from __future__ import annotations

from thresher.clean import LineReason, clean_text

_MENU = ["Home", "News", "Ratgeber", "Sport", "Kontakt", "Anmelden"]

_STEPS_DE = [
    "1. Den Boden vorbereiten",
    "Vor dem Pflanzen lockern Sie die Erde gründlich und entfernen alle Wurzeln und Steine, "
    "damit die jungen Pflanzen im Frühjahr genug Raum und Luft für ihre Wurzeln haben.",
    "2. Die richtigen Sorten wählen",
    "Nicht jede Tomate wächst in jedem Garten gleich gut, deshalb fragen Sie am besten in "
    "der örtlichen Gärtnerei nach Sorten, die mit dem Klima in Ihrer Gegend zurechtkommen.",
    "3. Regelmäßig gießen",
    "Gießen Sie morgens und direkt an der Wurzel, denn nasse Blätter werden in warmen "
    "Nächten schnell krank und die Pflanzen verlieren dann einen Teil ihrer Früchte.",
    "4. Geduldig ernten",
    "Die Früchte schmecken am besten, wenn sie an der Pflanze ganz ausreifen dürfen, auch "
    "wenn die Versuchung groß ist, die ersten roten Tomaten sofort zu pflücken.",
]

_RANKING_EN = [
    "The survey asked people in forty countries how satisfied they are with their lives, "
    "and the results were broadly similar to those of the previous three years of study.",
    "The authors note that trust in public institutions and a short commute were the two "
    "things that the happiest countries had in common, far more than income alone.",
    "These were the ten countries where people said they were happiest:",
    "1. Finland",
    "2. Denmark",
    "3. Iceland",
    "4. Sweden",
    "5. Norway",
    "6. Netherlands",
    "7. Switzerland",
    "8. Luxembourg",
    "9. New Zealand",
    "10. Austria",
]

_MOST_READ = ["Most read", "1. Storm closes harbour", "2. New mayor sworn in", "3. Ferry fares rise"]


def test_numbered_subheadings_of_a_how_to_are_kept() -> None:
    page = "\n".join([*_MENU, "Tomaten im eigenen Garten: so gelingt es", *_STEPS_DE, "Impressum"])
    result = clean_text(page)
    kept = result.text.split("\n")
    for line in _STEPS_DE:
        assert line in kept
    assert "Anmelden" not in kept and "Impressum" not in kept


def test_a_ranking_that_ends_the_article_is_kept() -> None:
    page = "\n".join(["Sign in", "World", "Science", *_RANKING_EN, "Share this article", "Newsletter"])
    kept = clean_text(page).text.split("\n")
    for line in _RANKING_EN:
        assert line in kept
    assert "Share this article" not in kept and "Newsletter" not in kept


def test_a_numbered_most_read_box_after_the_article_still_goes() -> None:
    page = "\n".join([*_RANKING_EN, "Share this article", *_MOST_READ, "Contact us"])
    result = clean_text(page)
    kept = result.text.split("\n")
    for line in _MOST_READ:
        assert line not in kept
    for line in _RANKING_EN:
        assert line in kept


def test_a_lone_numbered_line_is_not_a_list() -> None:
    page = "\n".join([*_RANKING_EN[:1], "2. Bundesliga", *_RANKING_EN[1:2]])
    reasons = {line.text: line.reason for line in clean_text(page).lines}
    assert reasons["2. Bundesliga"] is not LineReason.CONTENT


def test_ordinal_numbers_make_a_list_too() -> None:
    """ "1ª etapa", "2ª etapa"... (and "1st", "2nd", "3rd") number a list as "1.", "2." do."""
    rounds = [
        "1ª etapa: 3 de março – Cidade Alta",
        "2ª etapa: 7 de abril – Porto Velho",
        "3ª etapa: 5 de maio – Vale Verde",
        "4ª etapa: 2 de junho – Serra Azul",
        "5ª etapa: 7 de julho – Campo Largo",
        "6ª etapa: 4 de agosto – Cidade Alta",
    ]
    intro = (
        "A liga regional de kart divulgou nesta semana o calendário completo da temporada, "
        "com seis etapas em cinco cidades e uma final disputada no mesmo circuito da abertura."
    )
    page = "\n".join(["Início", "Notícias", "Calendário", intro, *rounds, "Contato", "Entrar"])
    kept = clean_text(page).text.split("\n")
    for line in [intro, *rounds]:
        assert line in kept
    assert "Entrar" not in kept
