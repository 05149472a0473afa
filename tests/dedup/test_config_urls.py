"""Configuration validation, band choice and URL normalisation."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from thresher.dedup.config import (
    DedupConfig,
    MinHashConfig,
    candidate_probability,
    choose_bands_rows,
)
from thresher.dedup.urls import normalize_url, url_key
from thresher.errors import ConfigError


def test_candidate_probability_formula() -> None:
    # 1 - (1 - 0.5**2)**2 = 1 - 0.5625
    assert candidate_probability(0.5, 2, 2) == pytest.approx(0.4375)


@pytest.mark.parametrize("threshold", [0.5, 0.7, 0.8, 0.9])
def test_chosen_bands_catch_pairs_at_the_threshold(threshold: float) -> None:
    bands, rows = choose_bands_rows(threshold, 128)
    assert bands * rows <= 128
    assert candidate_probability(threshold, bands, rows) >= 0.95
    assert candidate_probability(threshold - 0.3, bands, rows) < 0.5


@pytest.mark.parametrize(
    ("kwargs", "key"),
    [
        ({"ngram": 0}, "ngram"),
        ({"num_perm": 0}, "num_perm"),
        ({"threshold": 1.0}, "threshold"),
        ({"bands": 4}, "bands"),
        ({"bands": 20, "rows": 8}, "bands"),
        ({"verify": "maybe"}, "verify"),
    ],
)
def test_minhash_config_errors_name_the_key(kwargs: dict[str, object], key: str) -> None:
    with pytest.raises(ConfigError, match=key):
        MinHashConfig(**kwargs)  # type: ignore[arg-type]


def test_dedup_config_errors() -> None:
    with pytest.raises(ConfigError, match="keep"):
        DedupConfig(keep="shortest")  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match="partitions"):
        DedupConfig(partitions=0)
    with pytest.raises(ConfigError, match="at least one"):
        DedupConfig(exact=False, near=False, url=False)
    assert DedupConfig(keep="longest").keep == "longest"  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("url", "normal"),
    [
        ("https://www.Example.com:443/a/b/?utm_source=x&b=2&a=1#top", "example.com/a/b?a=1&b=2"),
        ("http://example.com/a/b?a=1&b=2", "example.com/a/b?a=1&b=2"),
        ("example.com", "example.com/"),
        ("https://xn--mnchen-3ya.de/%7Euser/index.html", "münchen.de/~user"),
        ("http://EXAMPLE.com/Path/Case", "example.com/Path/Case"),
        ("", ""),
    ],
)
def test_normalize_url(url: str, normal: str) -> None:
    assert normalize_url(url) == normal


def test_url_key() -> None:
    assert url_key(None) is None
    assert url_key("") is None
    assert url_key("http://a.org/x/") == url_key("https://www.a.org/x")
    assert url_key("http://a.org/x") != url_key("http://a.org/y")


_URL_PARTS = st.tuples(
    st.sampled_from(["http://", "https://", ""]),
    st.sampled_from(["www.", ""]),
    st.from_regex(r"[a-z0-9]{1,8}\.(org|de|com)", fullmatch=True),
    st.lists(st.from_regex(r"[A-Za-z0-9_%~-]{0,6}", fullmatch=True), max_size=3),
    st.lists(st.tuples(st.sampled_from(["a", "b", "utm_x", "id"]), st.text("xyz12", max_size=3)), max_size=3),
    st.sampled_from(["", "#frag", "/"]),
)


@settings(max_examples=80, deadline=None)
@given(_URL_PARTS)
def test_normalize_url_is_idempotent(
    parts: tuple[str, str, str, list[str], list[tuple[str, str]], str],
) -> None:
    scheme, www, host, segments, query, tail = parts
    url = scheme + www + host + "/" + "/".join(segments)
    if query:
        url += "?" + "&".join(f"{k}={v}" for k, v in query)
    url += tail
    once = normalize_url(url)
    assert normalize_url(once) == once
    assert once.startswith(host)
