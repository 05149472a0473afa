"""Class/id semantics across languages."""

from __future__ import annotations

import importlib

import pytest

from thresher.extract.semantics import name_semantics


@pytest.mark.parametrize("names", ["article-body", "post_content", "artikel-inhalt", "contenu"])
def test_content_names_weigh_positive(names: str) -> None:
    weight, boiler, comment = name_semantics(names)
    assert weight > 0 and not boiler and not comment


@pytest.mark.parametrize(
    "names",
    [
        "sidebar",
        "cookie-consent",
        "werbung",
        "empfehlungen",
        "social-share",
        "newsletter-signup",
        "publicite",
    ],
)
def test_boilerplate_names(names: str) -> None:
    weight, boiler, _ = name_semantics(names)
    assert weight < 0 and boiler


@pytest.mark.parametrize("names", ["comments", "kommentare", "commentaires", "disqus_thread"])
def test_comment_names(names: str) -> None:
    assert name_semantics(names)[2]


def test_content_word_rescues_a_mixed_name() -> None:
    weight, boiler, _ = name_semantics("article-content share-enabled")
    assert not boiler and weight == 0


def test_public_names_are_exported() -> None:
    package = importlib.import_module("thresher.extract")  # ``thresher.extract`` is the function
    for name in package.__all__:
        assert hasattr(package, name)
    assert set(package.__all__) == {"ExtractOptions", "Extraction", "Skipped", "extract"}
