"""PII redaction: true positives replaced and counted; dates, versions, prices, ISBNs untouched."""

from __future__ import annotations

import itertools

import pytest

from thresher.document import Document
from thresher.errors import ConfigError
from thresher.pii import PiiKind, RedactPii, find_pii


def _redact(text: str, kinds: list[str] | None = None) -> Document:
    doc = Document(id="t", text=text)
    step = RedactPii() if kinds is None else RedactPii(kinds=kinds)
    answer = step.apply(doc)
    assert answer is doc
    return doc


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Write to jane.doe+news@example.co.uk today.", "Write to <EMAIL> today."),
        ("Mail: info@müller-bau.de", "Mail: <EMAIL>"),
        ("Call +1 (555) 123-4567 now", "Call <PHONE> now"),
        ("Tel. +49 30 12345678.", "Tel. <PHONE>."),
        ("Phone: (555) 123-4567", "Phone: <PHONE>"),
        ("Phone: 555-123-4567", "Phone: <PHONE>"),
        ("Telefon 030 1234567", "Telefon <PHONE>"),
        ("Mobil: 0171-123 45 67", "Mobil: <PHONE>"),
        ("+44 20 7946 0958", "<PHONE>"),
        ("Tel: 0301234567", "Tel: <PHONE>"),
        ("phone 5551234567.", "phone <PHONE>."),
        ("Server at 203.0.113.42 is down.", "Server at <IPV4> is down."),
        ("Gateway 192.168.0.1, mask 255.255.255.0", "Gateway <IPV4>, mask <IPV4>"),
        ("Use 2001:db8:85a3::8a2e:370:7334 here", "Use <IPV6> here"),
        ("Full fe80:0000:0000:0000:0202:b3ff:fe1e:8329 form", "Full <IPV6> form"),
    ],
)
def test_pii_is_replaced(text: str, expected: str) -> None:
    assert _redact(text).text == expected


@pytest.mark.parametrize(
    "text",
    [
        # dates
        "Published 2023-11-25 and updated 25.11.2023 or 11/25/2023.",
        "Am 01.02.2024 um 10:30:45 Uhr; from 1990-2000 and 2001–2005.",
        "Datum: 2024-01-15T10:30:00Z",
        "pubdate:08/15/2012 14:30 EDT and 03.04.2021 09 Uhr",
        # versions
        "Python 3.11.7, release v2.10.4, version 1.2.3.4 and build 10.0.19041.1234.",
        "Upgrade to ver. 4.2.0.1 now.",
        # prices and numbers
        "It costs $1,299.99, €12.50 or 1.299,00 € (about USD 1,000,000).",
        "Population 8 336 817; pi is 3.14159265; 0.5 % growth.",
        # ISBNs
        "ISBN 978-3-16-148410-0 and ISBN-10: 0-306-40615-2.",
        "ISBN 978 0 306 40615 7, ISBN-13: 9780306406157.",
        # handles, times and code
        "Follow @jane on social media; meet at 10:30; std::vector<int> a;",
        "Score 3-1 after 90+4 minutes, ratio 16:9, room 12.04.",
        "The phone costs 1299 dollars; Tel Aviv had 460613 residents in 2021.",
    ],
)
def test_no_false_positives(text: str) -> None:
    doc = _redact(text)
    assert doc.text == text
    assert sum(doc.meta["pii"].values()) == 0


def test_counts_per_kind() -> None:
    text = "a@b.org, c@d.net, 203.0.113.9, +1 555 123 4567"
    doc = _redact(text)
    assert doc.meta["pii"] == {"email": 2, "phone": 1, "ipv4": 1, "ipv6": 0}


def test_kinds_can_be_chosen() -> None:
    doc = _redact("a@b.org and 203.0.113.9", kinds=["ipv4"])
    assert doc.text == "a@b.org and <IPV4>"
    assert doc.meta["pii"] == {"ipv4": 1}


def test_placeholders_can_be_chosen() -> None:
    doc = Document(id="t", text="a@b.org")
    RedactPii(placeholders={"email": "[email]"}).apply(doc)
    assert doc.text == "[email]"


def test_unknown_kind_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="credit_card"):
        RedactPii(kinds=["credit_card"])


def test_spans_do_not_overlap() -> None:
    spans = find_pii("x a@b.org 203.0.113.9", frozenset(PiiKind))
    assert [kind for _, _, kind in spans] == [PiiKind.EMAIL, PiiKind.IPV4]
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
