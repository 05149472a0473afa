"""Metadata recovered from page text: headline, slug, dateline, source, authors, dates.

Works on the stripped lines and the article runs found by the classifier; each
finder looks only where that item sits on a news page (the headline just above the
article, the dateline at its top, the source line just below it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Final
from urllib.parse import urlsplit

from thresher.clean import dates, vocab
from thresher.clean.features import SAMPLE_CHARS as _SAMPLE_CHARS
from thresher.clean.features import LineFeatures, is_stamp, line_parts, signed_stamp_names

# Vocabulary the functions below read, bound once (compiled, a Final name is a C
# static; `vocab.X` would be two dictionary look-ups per use).
_SIGNING_WORDS: Final = vocab.SIGNING_WORDS
_TIME: Final = vocab.TIME

TITLE_WINDOW: Final = 25
"""The headline is looked for this many lines above the article."""
TITLE_MAX_WORDS: Final = 30
_DATELINE_LINE: Final = re.compile(
    r"^(?P<place>[^\W\d_][\w.'’ ]{1,40}?)\s+[-–—|]\s+(?P<site>[^\W\d_][\w.'’ ,&-]{1,60})$"
)
_DATELINE_LEAD: Final = re.compile(
    r"^(?P<place>[A-ZÀ-Þ][A-ZÀ-Þ.'’ -]{2,40}?)(?:,\s*[\w.]+(?:\s[\w.]+)?)?\s*"
    r"(?:\((?P<agency>[^)]{2,30})\))?\s*[-–—]{1,2}\s"
)
# A place is no domain name ("pressefeed.de - Das Presseportal" is the site's header).
_DOMAIN_END: Final = re.compile(r"\w\.[a-z]{2,6}$")
# "Berlin (dpa) -": a place in title case needs the agency in brackets to count.
_DATELINE_AGENCY: Final = re.compile(
    r"^(?P<place>[^\W\d_][\w.'’ -]{1,30}?)\s*\((?P<agency>[^)]{2,30})\)\s*[-–—:]{1,2}\s"
)
_SOURCE: Final = re.compile(
    r"^(?:source|sources|quelle|quellen|fuente|fonte|bron|источник|źródło|zdroj|"
    r"kaynak|sumber|来源|來源|出典|出処|المصدر)\s*[:：]\s*(?P<src>.{2,80}?)\s*$",
    re.IGNORECASE,
)
_AGENCY: Final = re.compile(
    r"\((?P<a>AP|AFP|Reuters|dpa|EFE|ANSA|Xinhua|UPI|PA|KNA|epd|SID|APA|"
    r"Bloomberg|TASS|Kyodo|Yonhap|CNA|IANS|PTI|ANI)\)"
)
_AUTHOR: Final = re.compile(
    r"^(?:(?:(?:written|posted|story|words|reporting|analysis|commentary|opinion|geschrieben|"
    r"écrit|escrito|scritto|geschreven|napisane)\s+|"
    r"(?:ein|eine)\s+(?:kommentar|analyse|gastbeitrag|essay|interview|bericht|reportage|"
    r"kolumne|kritik|glosse)\s+)?"
    r"(?:by|von|par|por|di|door|da|av|af|автор|przez)(?:\s*[:：])?\s+"
    r"(?:(?:unserem|unserer)\s+(?:\w+\s+)?(?:korrespondenten|korrespondentin|redakteur|"
    r"redakteurin|reporter|reporterin|mitarbeiter|mitarbeiterin)\s+)?|"
    r"(?:authors?|autor(?:en|es|a|ka)?|auteurs?|autore|autrice|redacción|redactie|text|texte|"
    r"yazar|författare|forfatter|автор)\s*[:：]\s*)"
    r"(?P<names>[^\W\d_][^|•·]{1,80}?)\s*$",
    re.IGNORECASE,
)
# Every word a line matching _AUTHOR can start with (and the "by" words themselves).
_BY_WORDS: Final = vocab.words(
    """by von par por di door da av af автор przez written posted story words reporting
    analysis commentary opinion geschrieben écrit escrito scritto geschreven napisane ein
    eine author authors autor autoren autores autora autorka auteur auteurs autore autrice
    redacción redactie text texte yazar författare forfatter"""
)


def _author(text: str) -> re.Match[str] | None:
    """The "By X" match of a line whose names start with a capital ("Por qué..." is
    Spanish for "why", not a byline)."""
    match = _AUTHOR.match(text)
    return match if match is not None and match["names"][0].isupper() else None


_STAMP_STARTS: Final = vocab.words(
    """published posted updated modified publiziert veröffentlicht aktualisiert erstellt
    publié publicado pubblicato aggiornato gepubliceerd opublikowano"""
)
_AUTHOR_SPLIT: Final = re.compile(r"\s*(?:,|&|\band\b|\bund\b|\bet\b|\by\b|\be\b|\ben\b)\s*")
_URL_LINE: Final = re.compile(r"^https?://\S+$")


@dataclass
class TitleFinding:
    """The headline line and the lines that only repeat it."""

    index: int | None = None
    slugs: set[int] = field(default_factory=set)
    duplicates: set[int] = field(default_factory=set)


def find_title(
    feats: list[LineFeatures | None],
    keys: dict[str, list[int]],
    article_start: int,
    blocked: set[int],
    preferred: int | None = None,
    stamps: set[int] | frozenset[int] = frozenset(),
    media: set[int] | frozenset[int] = frozenset(),
) -> TitleFinding:
    """The headline above the article, slug lines and repeated title lines.

    ``keys`` maps the key of every line of 2 to 60 words to the lines having it, in
    order. Lines in ``blocked`` (already known as boilerplate) are never
    the headline; ``stamps`` are the date lines among them, ``media`` the picture,
    audio and video lines.
    """
    pick = (
        preferred
        if preferred is not None
        else _pick_title(feats, keys, article_start, blocked, stamps, media)
    )
    found = TitleFinding(index=pick)
    title = feats[pick] if pick is not None else None
    if title is None:
        return found
    key = title.key
    for own, lines in keys.items():
        if key not in own:
            continue
        for i in lines:
            f = feats[i]
            if f is None or i == pick:
                continue
            if own == key or own == key * 2:
                (found.duplicates if f.text == title.text else found.slugs).add(i)
            elif len(own) < len(key) * 2 and f.text != title.text:
                (found.slugs if f.lower_only else found.duplicates).add(i)
    return found


def _pick_title(
    feats: list[LineFeatures | None],
    keys: dict[str, list[int]],
    article_start: int,
    blocked: set[int],
    stamps: set[int] | frozenset[int],
    media: set[int] | frozenset[int],
) -> int | None:
    """The likeliest headline among the title-like lines above the article (the
    nearest one on a tie)."""
    best, best_score = None, float("-inf")
    lo = max(0, article_start - TITLE_WINDOW)
    signed = {j for j in range(lo, article_start) if j in stamps or _is_byline_feature(feats[j])}
    for i in range(article_start - 1, lo - 1, -1):
        f = feats[i]
        if f is None or i in blocked or not _title_like(f):
            continue
        score = _title_score(i, f, feats, keys, article_start, signed)
        if media and _next_line(feats, i) in media:
            score -= _CLIP_TITLE  # the title of a video or audio clip ("Video 1 Min" under it)
        if score > best_score:
            best, best_score = i, score
    return best


_CLIP_TITLE: Final = 3.0


def _next_line(feats: list[LineFeatures | None], i: int) -> int | None:
    """The row of the first non-blank line after ``i`` (within three rows)."""
    for j in range(i + 1, min(i + 4, len(feats))):
        if feats[j] is not None:
            return j
    return None


_SIGNATURE_LINES: Final = 6
_CAPTION_MARK: Final = re.compile(
    r"\b(?:foto|fotos|photo|photos|bild|image|credit|crédit|imagen)\s?[:：]", re.I
)


def _title_score(
    i: int,
    f: LineFeatures,
    feats: list[LineFeatures | None],
    keys: dict[str, list[int]],
    article_start: int,
    signed: set[int],
) -> float:
    """How much a line looks like the page's headline (``signed``: the rows of bylines
    and date stamps).

    A headline has a few words to a couple of dozen (one to three are a name, a place,
    a section), is often signed or dated just below (byline, date stamp), and may be
    repeated on the page (a slug, the page title); captions and section labels are not.
    """
    words = f.words
    score = -0.1 * (article_start - i)  # nearer the article is likelier
    if words <= 2:
        score -= 3.0
    elif words <= 3:
        score -= 1.5
    elif words > 20:
        score -= 0.25 * (words - 20)
    elif 5 <= words <= 16:
        score += 1.0
    text = f.text
    if text[-1] in "—–-|•·" or " | " in text or " • " in text:
        score -= 2.0
    if f.low_words and f.low_words[0] in _STAMP_STARTS:
        score -= 3.0  # "Published in ...", "Publiziert heute ..."
    if f.low_words and f.low_words[-1] in _SIGNING_WORDS:
        score -= 3.0  # "... sponsored by"
    if (_has_colon(text) and _CAPTION_MARK.search(text) is not None) or not _AGENCY_MARKS.isdisjoint(
        f.low_words
    ):
        score -= 2.0
    same = keys.get(f.key, ())
    if len(same) > 1:
        if not f.lower_only and len({g.text for j in same if (g := feats[j]) is not None}) > 1:
            score += 3.0  # spelled again as a slug
        elif words >= 4:
            score += 1.5  # the page title and the headline
    if signed and not signed.isdisjoint(range(i + 1, min(article_start, i + 1 + _SIGNATURE_LINES))):
        score += 2.0
    return score


_AGENCY_MARKS: Final = vocab.PICTURE_AGENCY_MARKS


def _is_byline_feature(f: LineFeatures | None) -> bool:
    return f is not None and len(f.text) <= NAMED_LINE_CHARS and is_byline(f.text)


def _title_like(f: LineFeatures) -> bool:
    if not 2 <= f.words <= TITLE_MAX_WORDS or f.garbage or f.lower_only:
        return False
    text = f.text
    if text.endswith((".", ":")) and not text.endswith("..."):
        return False
    if f.has_digit and is_stamp(text, f.latin1, f.low_words):
        return False
    if f.has_digit and _may_be_dated_line(f) and dates.parse_date(text):
        return False
    if _has_colon(text) and (_SOURCE.match(text) or _URL_LINE.match(text)):
        return False
    if f.low_words and f.low_words[0] in _REVIEW_STARTS and _REVIEWED.match(text) is not None:
        return False  # "Medically reviewed by Dr. X": a signature, not the headline
    return not may_name_author(f) or _author(text) is None


_DATED_WORDS: Final = 8
_PART_SEPARATOR: Final = re.compile(r"\s[-–—|·•]\s")


def _may_be_dated_line(f: LineFeatures) -> bool:
    """A line with a date in it that may be a date line (short, with a time, or in parts:
    "05/10/2018 - Publicado por: X - Categoria: Y"); a headline may name a date in a
    sentence ("Vollsperrung der Brückenstraße vom 3. Juni bis 30. August 2024")."""
    text = f.text
    return (
        f.words <= _DATED_WORDS or _TIME.search(text) is not None or _PART_SEPARATOR.search(text) is not None
    )


_REVIEWED: Final = re.compile(
    r"^(?:(?:fachlich|medizinisch|medically|clinically)\s+)?(?:geprüft|überprüft|reviewed|"
    r"fact[- ]checked|revisado|vérifié|relu|verificato|gecontroleerd)\s+(?:von|by|por|par|da|door)\s",
    re.IGNORECASE,
)
_REVIEW_STARTS: Final = vocab.words(
    """fachlich medizinisch medically clinically geprüft überprüft reviewed fact revisado
    vérifié relu verificato gecontroleerd"""
)


def _whole_words_known(f: LineFeatures) -> bool:
    """The line's tokens are all of it and lower-cased as case-insensitive patterns
    compare: a pattern needing a word can then be skipped when the word is missing."""
    return f.latin1 and len(f.text) <= _SAMPLE_CHARS


def may_name_author(f: LineFeatures) -> bool:
    """False when no part of the line can start with "By" (or its translations): then
    neither :func:`is_byline` nor :func:`is_name_byline` can hold (every "By" word is
    a whole token of fewer than 14 letters, what ``_byline`` reads)."""
    return not _whole_words_known(f) or not _BY_WORDS.isdisjoint(f.low_words)


def _is_update_stamp(f: LineFeatures) -> bool:
    """:func:`dates.is_update_stamp`, skipped when no "updated" word is there."""
    if _whole_words_known(f) and dates.UPDATE_WORDS.isdisjoint(f.low_words):
        return False
    return dates.is_update_stamp(f.text)


def find_facts(
    lines: list[str],
    feats: list[LineFeatures | None],
    runs: list[tuple[int, int]],
    lang: str = "en",
    title: str | None = None,
) -> dict[str, Any]:
    """Dateline, source, authors, dates and canonical URL found around the article
    (``lang``: numeric dates are read day first except in English; the ``title`` line
    is no "Place - Site" dateline even when it has that shape)."""
    facts: dict[str, Any] = {}
    if not runs:
        return facts
    start, end = runs[0][0], runs[-1][1]
    head = [i for i in range(max(0, start - TITLE_WINDOW), min(end, start + 6))]
    tail = [i for i in range(max(start, end - 3), min(len(lines), end + 6))]
    day_first = lang != "en"
    for i in head:
        _read_head_line(lines[i], feats[i], facts, day_first, lines[i] == title)
    for i in tail:
        match = _SOURCE.match(lines[i]) if _has_colon(lines[i]) else None
        if match and "source_attribution" not in facts:
            facts["source_attribution"] = match["src"].rstrip(".")
    for i in range(start, min(end, start + 4)):
        _read_lead(lines[i], facts)
    return facts


def _read_head_line(
    text: str, feat: LineFeatures | None, facts: dict[str, Any], day_first: bool, is_title: bool = False
) -> None:
    if feat is None or feat.words > 12:
        return
    parts = line_parts(text)
    if len(parts) == 1:
        update = _is_update_stamp(feat)
        if update or (feat.has_digit and is_stamp(text, feat.latin1, feat.low_words)):
            _read_stamp(text, update, facts, day_first)
    else:  # "By X · March 4, 2023", "Published: ... | Updated: ..."
        for part in parts:
            update = dates.is_update_stamp(part)
            if update or is_stamp(part, feat.latin1):
                _read_stamp(part, update, facts, day_first)
    if "authors" not in facts and may_name_author(feat):
        for part in parts:
            author = _author(part)
            if author and "authors" not in facts:
                names = _names(author["names"])
                facts["authors"] = names
    if feat.words <= 8 and "dateline" not in facts and not is_title and _has_dash_or_bar(text):
        dateline = _DATELINE_LINE.match(text)
        if dateline and _DOMAIN_END.search(dateline["place"]) is None:  # "portal.de - Site"
            facts["dateline"] = _place(dateline["place"])
            facts.setdefault("site_name", dateline["site"].strip())
    source = _SOURCE.match(text) if _has_colon(text) else None
    if source:
        facts.setdefault("source_attribution", source["src"].rstrip("."))
    if text.startswith(("http://", "https://")) and _URL_LINE.match(text):
        facts.setdefault("canonical_url", text)


def _read_stamp(text: str, update: bool, facts: dict[str, Any], day_first: bool) -> None:
    """The date of a stamp line, and the author who signs it."""
    iso = dates.parse_date(text, day_first)
    if iso is not None:
        facts.setdefault("updated" if update else "published", iso)
    signed = signed_stamp_names(text) if "authors" not in facts else None
    if signed is not None:
        facts["authors"] = _names(signed["names"])


def _names(text: str) -> list[str]:
    """The people of a byline: "Anna Müller, Krefeld" is one person (a lone word after
    full names is a place or an outlet), "Anna Müller und Jan Roth" two."""
    parts = [n for part in _AUTHOR_SPLIT.split(text) if (n := _ROLE.sub("", part))]
    full = [n for n in parts if " " in n]
    return full or parts


# A role or an outlet in brackets after a name: "Theresa Kallweit (Text)", "Jane Doe (AP)".
_ROLE: Final = re.compile(r"\s*\([^()]{1,25}\)$")


def _has_dash_or_bar(text: str) -> bool:
    """A "Place - Site" dateline line needs one of these between its parts."""
    return "-" in text or "|" in text or "–" in text or "—" in text


def _has_colon(text: str) -> bool:
    """A "Source: X" line needs a colon (ASCII or full width)."""
    return ":" in text or "：" in text


def _read_lead(text: str, facts: dict[str, Any]) -> None:
    lead = _DATELINE_LEAD.match(text) or _DATELINE_AGENCY.match(text)
    if lead and "dateline" not in facts:
        facts["dateline"] = _place(lead["place"])
        if lead["agency"]:
            facts.setdefault("source_attribution", lead["agency"])
    agency = _AGENCY.search(text[:200])
    if agency:
        facts.setdefault("source_attribution", agency["a"])


def _place(text: str) -> str:
    place = text.strip(" ,")
    return place.title() if place.isupper() else place


NAMED_LINE_CHARS: Final = 100
"""Byline and source lines are at most this long."""


def is_byline(text: str) -> bool:
    """A "By X" line (in several languages)."""
    return _byline(text) is not None


def _byline(text: str) -> re.Match[str] | None:
    """The "By X" match of a byline (cheap tests first)."""
    first = text[:14].split(None, 1)[0].rstrip(":：").lower() if text else ""
    return _author(text) if first in _BY_WORDS and len(text) <= NAMED_LINE_CHARS else None


def is_name_byline(text: str) -> bool:
    """A byline that names people only ("Von Sebastian Harms", "By Jane Doe and John
    Roe": two to four capitalised words each, no sentence end), so that it is one even
    inside the article ("Von Montag an gilt die neue Regel." is not)."""
    if not text or text[-1] in ".!?:;,":
        return False
    match = _byline(text)
    names = _names(match["names"]) if match is not None else []
    return bool(names) and all(
        _NAME_WORDS[0] <= len(words := name.split()) <= _NAME_WORDS[1]
        and all(w[0].isupper() for w in words)
        and words[0].lower() not in _ARTICLES
        for name in names
    )


_NAME_WORDS: Final = (2, 4)
_PERSON_NAME: Final = re.compile(r"^(?:[^\W\d_][\w'’.-]*\s){1,3}[^\W\d_][\w'’-]+$")
# A sentence about a person, after the name: "is a reporter", "ist Redakteurin", "écrit".
_BIO_VERBS: Final = vocab.words(
    """is was writes covers reports lives works ist war schreibt berichtet arbeitet lebt
    est était écrit travaille vit es era escribe trabaja vive è era scrive lavora vive
    é escreve trabalha vive jest był była pisze pracuje mieszka är var skriver arbetar bor"""
)


_PICTURE_CREDIT: Final = re.compile(
    r"^\(?(?:photo|foto|fotos|bild|bilder|image|picture|photograph|credit|crédit|imagen|immagine)s?"
    r"(?:\s?credits?)?\s?[:：]\s*\S|^©\s?\S",
    re.IGNORECASE,
)


def is_picture_credit(text: str) -> bool:
    """A line that credits a picture: "Photo: Jane Doe, AP", "Foto: privat", "© dpa"."""
    return len(text) <= NAMED_LINE_CHARS and _PICTURE_CREDIT.match(text) is not None


def is_person_name(text: str) -> bool:
    """Two to four capitalised words and nothing else ("Theresa Kallweit")."""
    if _PERSON_NAME.match(text) is None:
        return False
    words = text.split()
    return all(w[0].isupper() for w in words) and words[0].lower() not in _ARTICLES


def is_author_bio(text: str, name: str) -> bool:
    """A sentence about the person ``name`` that starts with the name and a verb of
    being or writing ("Theresa Kallweit ist Reporterin im Ressort Gesellschaft.")."""
    if not text.startswith(name + " ") or text[-1] not in ".!?":
        return False
    rest = text[len(name) + 1 :].split(None, 1)
    return bool(rest) and rest[0].lower() in _BIO_VERBS


# "By The Numbers" is a subheading: no name starts with an article.
_ARTICLES: Final = vocab.words("the a an der die das ein eine le la les un une el los las il lo gli het een")


def is_source_line(text: str) -> bool:
    """A "Source: X" line."""
    return len(text) <= NAMED_LINE_CHARS and _has_colon(text) and _SOURCE.match(text) is not None


_SLUG_SPLIT: Final = re.compile(r"[-_.+]+|%20")
_SLUG_NOISE: Final = frozenset(["html", "htm", "php", "aspx", "asp", "shtml", "amp", "index"])
_SLUG_MIN_WORDS: Final = 3
_SLUG_MATCH: Final = 0.6


def url_path(url: str) -> str | None:
    """``urlsplit(url).path``, None when urlsplit cannot read the URL. A plain http(s)
    URL (ASCII, no white space or control character, no "[" or "]" in its host) is cut
    where urlsplit cuts it, without urlsplit's cost (which is most of the slug's)."""
    if url.startswith(("https://", "http://")) and url.isascii() and url.isprintable() and " " not in url:
        start = url.index("//") + 2
        end = len(url)
        for mark in "/?#":
            at = url.find(mark, start)
            if 0 <= at < end:
                end = at
        if "[" not in url[start:end] and "]" not in url[start:end]:
            path_end = len(url)
            for mark in "?#":
                at = url.find(mark, end)
                if 0 <= at < path_end:
                    path_end = at
            return url[end:path_end]
    try:
        return urlsplit(url).path
    except ValueError:
        return None


def url_slug_words(url: str | None) -> frozenset[str]:
    """The words of the URL's slug (``/2019/11/michigan-officials-report`` ->
    michigan, officials, report), empty when the URL has none."""
    if not url:
        return frozenset()
    path = url_path(url)
    if path is None:  # "http://[abc/...": not a URL that can be read
        return frozenset()
    best: list[str] = []
    for segment in path.split("/"):
        words = [w.lower() for w in _SLUG_SPLIT.split(segment) if w and not w.isdigit()]
        words = [w for w in words if w not in _SLUG_NOISE]
        if len(words) > len(best):
            best = words
    return frozenset(best) if len(best) >= _SLUG_MIN_WORDS else frozenset()


def find_url_title(feats: list[LineFeatures | None], slug: frozenset[str], before: int) -> int | None:
    """The first line before ``before`` that spells most of the URL's slug."""
    if not slug:
        return None
    need = max(_SLUG_MIN_WORDS, _SLUG_MATCH * len(slug))
    for i in range(min(before, len(feats))):
        f = feats[i]
        if f is None or not _SLUG_MIN_WORDS <= f.words <= TITLE_MAX_WORDS:
            continue
        if len(slug.intersection(f.low_words)) >= need and _title_like(f):
            return i
    return None
