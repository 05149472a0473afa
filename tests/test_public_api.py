"""The package's public names: every exported name exists, and the one-call entry points work."""

from __future__ import annotations

import thresher


def test_all_names_exist_and_nothing_public_is_missing() -> None:
    for name in thresher.__all__:
        assert hasattr(thresher, name), name
    public = {
        n
        for n in vars(thresher)
        if not n.startswith("_") and not isinstance(getattr(thresher, n), type(thresher))
    }
    assert public - {"annotations"} <= set(thresher.__all__)


def test_extract_and_clean_text_at_the_top_level() -> None:
    page = thresher.extract(
        '<html><head><title>Tides | Coast News</title><meta property="og:site_name" content="Coast News">'
        "</head><body><nav>Home | Sport</nav>"
        "<article><p>The tide tables for the coming month were published on Monday by the harbour office, "
        "with the highest tides expected in the second week.</p></article></body></html>"
    )
    assert "tide tables" in page.text and "Home | Sport" not in page.text
    assert page.metadata["title"] == "Tides"  # the site name is not part of the title
    assert page.metadata["site_name"] == "Coast News"
    cleaned = thresher.clean_text(
        "Home\nSport\nWeather\n"
        "The tide tables for the coming month were published on Monday by the harbour office, "
        "with the highest tides expected in the second week of the month.\n"
        "Share on Facebook"
    )
    assert cleaned.text.startswith("The tide tables") and "Share on Facebook" not in cleaned.text
