"""Finding personal data in text: e-mail addresses, phone numbers, IPv4 and IPv6 addresses.

Precision first: a match must look like what it claims in full, so dates, version numbers,
prices and ISBNs are never taken for phone numbers or IP addresses.

* e-mail: ``local@domain.tld`` with a letter-only top-level domain;
* IPv4: four dotted numbers 0-255 (no leading zeros), not inside a longer dotted number and
  not after ``v``/``version``/``build``...;
* IPv6: colon-separated hex groups that :mod:`ipaddress` accepts, with at least three groups;
* phone: an international number (``+`` and 8 to 15 digits), a North American number
  (``(555) 123-4567``, ``555-123-4567``), a number with a trunk ``0`` and separators
  (``030 1234567``, ``0171-123 45 67``) of 9 to 13 digits, or 7 to 15 digits right after
  a phone keyword (``Tel: 0301234567``); a run that starts with a date, or that follows
  ``ISBN``, is not a phone number.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Callable, Iterator
from enum import StrEnum


class PiiKind(StrEnum):
    EMAIL = "email"
    PHONE = "phone"
    IPV4 = "ipv4"
    IPV6 = "ipv6"


_EMAIL = re.compile(r"(?<![\w.%+-])[\w.%+-]*\w@(?:[^\W_](?:[\w-]*[^\W_])?\.)+[^\W\d_]{2,24}(?![\w-])")
_OCTET = r"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]\d|\d)"
_IPV4 = re.compile(rf"(?<![\w.-])(?:{_OCTET}\.){{3}}{_OCTET}(?!\.?\w)(?!\.\d)")
_VERSION_CONTEXT = re.compile(
    r"(?:\bv|\bver\.?|\bversion|\brelease|\bbuild|\bfirmware|\bupdate|\brev\.?)\s*$", re.IGNORECASE
)
_IPV6 = re.compile(r"(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![\w:])")
_INTERNATIONAL = re.compile(r"(?<![\w+])\+\d{1,3}(?:[ .\-/]?\(?\d{1,5}\)?){1,6}(?![\w.,]?\d)")
_NORTH_AMERICAN = re.compile(r"(?<![\w\-.+/])(?:\(\d{3}\)\s?|\d{3}[.\- ])\d{3}[.\- ]\d{4}(?![\w\-/]|[.,]\d)")
_TRUNK = re.compile(r"(?<![\w\-.+/,])0\d{1,4}(?:[ /\-]\d{2,8}){1,4}(?![\w\-/]|[.,]\d)")
_ANY_DIGIT = re.compile(r"\d")
# A run of 7-15 digits (spaces allowed) right after a phone keyword: "Tel: 0301234567".
_DIGIT_RUN = re.compile(r"(?<![\w+])\+?\d(?:[ ]?\d){6,14}(?![\w.,]?\d)")
_KEYWORD_BEFORE = re.compile(
    r"\b(?:tel|phone|telephone|telefon|fon|mobile|mobil|cell|fax|tél|téléfono|teléfono)"
    r"\.?\s*(?:no\.?|nr\.?)?\s*[:.]?\s*$",
    re.IGNORECASE,
)
_DATE = re.compile(r"\d{1,4}([./\-])\d{1,2}\1\d{1,4}")
_ISBN_CONTEXT = re.compile(r"ISBN(?:-1[03])?:?\s*$", re.IGNORECASE)


def _digits(text: str) -> int:
    return sum(char.isdigit() for char in text)


def _phone_spans(text: str) -> Iterator[tuple[int, int]]:
    if not _ANY_DIGIT.search(text):
        return
    for match in _INTERNATIONAL.finditer(text):
        if 8 <= _digits(match.group()) <= 15:
            yield match.span()
    for match in _DIGIT_RUN.finditer(text):
        if _KEYWORD_BEFORE.search(text, max(0, match.start() - 24), match.start()):
            yield match.span()
    for pattern in (_NORTH_AMERICAN, _TRUNK):
        for match in pattern.finditer(text):
            found = match.group()
            if not 9 <= _digits(found) <= 13 and pattern is _TRUNK:
                continue
            if _DATE.match(found) or _ISBN_CONTEXT.search(text, 0, match.start()):
                continue
            yield match.span()


def _email_spans(text: str) -> Iterator[tuple[int, int]]:
    if "@" not in text:
        return iter(())
    return (match.span() for match in _EMAIL.finditer(text))


def _ipv6_spans(text: str) -> Iterator[tuple[int, int]]:
    if "::" not in text and text.count(":") < 7:
        return
    for match in _IPV6.finditer(text):
        found = match.group()
        if sum(1 for group in found.split(":") if group) < 3:
            continue
        try:
            ipaddress.IPv6Address(found)
        except ValueError:
            continue
        yield match.span()


def _ipv4_spans(text: str) -> Iterator[tuple[int, int]]:
    if "." not in text:
        return
    for match in _IPV4.finditer(text):
        if _VERSION_CONTEXT.search(text[max(0, match.start() - 12) : match.start()]):
            continue
        yield match.span()


def find_pii(text: str, kinds: frozenset[PiiKind]) -> list[tuple[int, int, PiiKind]]:
    """Non-overlapping ``(start, end, kind)`` spans in text order; earlier kinds win overlaps."""
    spans: list[tuple[int, int, PiiKind]] = []
    finders: tuple[tuple[PiiKind, Callable[[str], Iterator[tuple[int, int]]]], ...] = (
        (PiiKind.EMAIL, _email_spans),
        (PiiKind.IPV6, _ipv6_spans),
        (PiiKind.IPV4, _ipv4_spans),
        (PiiKind.PHONE, _phone_spans),
    )
    taken: list[tuple[int, int]] = []
    for kind, finder in finders:
        if kind not in kinds:
            continue
        for start, end in finder(text):
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            taken.append((start, end))
            spans.append((start, end, kind))
    spans.sort()
    return spans
