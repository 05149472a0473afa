"""``clean_text``: the article back out of a page's full text, line by line."""

from __future__ import annotations

import itertools
import logging
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Final, NamedTuple

from thresher.clean import classify, metadata
from thresher.clean.classify import Thresholds
from thresher.clean.decide import SiteRule, decide
from thresher.clean.features import LineFeatures
from thresher.clean.reasons import KEPT_REASONS, LineReason
from thresher.clean.site import SiteLineTable, registered_domain
from thresher.errors import ConfigError

# Reasons the functions below set or test, bound once (compiled, a LineReason member
# looked up on its class costs a generic attribute look-up every time).
_R_BYLINE: Final = LineReason.BYLINE
_R_EMPTY: Final = LineReason.EMPTY
_R_IN_ARTICLE: Final = LineReason.IN_ARTICLE
_R_MEDIA: Final = LineReason.MEDIA
_R_SOURCE_LINE: Final = LineReason.SOURCE_LINE

logger = logging.getLogger(__name__)

_LANG_SAMPLE_CHARS: Final = 400
_NEAR_ARTICLE: Final = 25
_LANG_MIN_LINE: Final = 40
_LANG_MAX_LINES: Final = _LANG_SAMPLE_CHARS // _LANG_MIN_LINE + 2
_LANG_FIRST_CHARS: Final = 100
_LANG_SURE: Final = 0.8


class CleanedLine(NamedTuple):
    """One input line, whether it was kept, and why."""

    text: str
    kept: bool
    reason: LineReason


class Cleaned:
    """The result of :func:`clean_text`.

    Attributes:
        text: the kept lines, joined by newlines.
        metadata: what was found (``title``, ``authors``, ``published``, ``updated``,
            ``site_name``, ``canonical_url``, ``description``, ``language``,
            ``source_attribution``, ``dateline``): only the keys found.
        lines: every input line with its decision and reason (built on first use).
        site_note: what site-level cleaning did (None when no table was given).
    """

    __slots__ = ("_lines", "_raw", "_reasons", "metadata", "site_note", "text")

    def __init__(
        self,
        text: str,
        metadata: dict[str, Any],
        raw: list[str],
        reasons: list[LineReason],
        site_note: str | None = None,
    ) -> None:
        self.text = text
        self.metadata = metadata
        self.site_note = site_note
        self._raw = raw
        self._reasons = reasons
        self._lines: list[CleanedLine] | None = None

    @property
    def lines(self) -> list[CleanedLine]:
        """Every input line (stripped) with its decision and reason."""
        if self._lines is None:
            self._lines = [CleanedLine(t, r.kept, r) for t, r in zip(self._raw, self._reasons, strict=True)]
        return self._lines

    def drop_counts(self) -> dict[str, int]:
        """Dropped non-empty lines per reason."""
        counts = Counter(str(r) for r in self._reasons if not r.kept and r is not _R_EMPTY)
        return dict(sorted(counts.items()))

    def __repr__(self) -> str:
        return f"Cleaned(text={self.text[:40]!r}..., metadata={self.metadata!r})"


@dataclass(frozen=True, slots=True)
class CleanOptions:
    """Options of :func:`clean_text` and of the ``clean`` step.

    Attributes:
        lang: the text's language when known (ISO 639-1); detected otherwise.
        keep_title: keep the headline line, and the standfirst right under it, at the
            top of the text (the default: both are part of the article for most readers
            and for human-annotated benchmarks; the headline is always in
            ``metadata["title"]`` too). False gives the article body alone, as
            schema.org's ``articleBody`` has it.
        metadata: recover title, dateline, source, dates and language.
        site_table: line counts of the page's site (see :class:`SiteLineTable`).
        site_min_share: a line found on at least this share of the site's pages is
            template; ``site_min_pages`` is the least number of such pages.
        thresholds: the line classifier's numbers.
    """

    lang: str | None = None
    keep_title: bool = True
    metadata: bool = True
    site_table: SiteLineTable | None = None
    site_min_share: float = 0.3
    site_min_pages: int = 2
    thresholds: Thresholds = field(default_factory=Thresholds)

    def __reduce__(self) -> tuple[type[CleanOptions], tuple[Any, ...]]:
        return (CleanOptions, classify.field_values(self))

    def __post_init__(self) -> None:
        if self.lang is not None and not (2 <= len(self.lang) <= 12):
            raise ConfigError(f"clean.lang must be a language code, got {self.lang!r}")
        if not 0.0 < self.site_min_share <= 1.0:
            raise ConfigError("clean.site_min_share must be in (0, 1]")
        if self.site_min_pages < 2:
            raise ConfigError("clean.site_min_pages must be >= 2")


def load_resources() -> None:
    """Load what cleaning reads on its first pages (fastText's language model, the
    fallback stop-word lists): once per process, in a step's setup, so that no page
    pays for it."""
    from thresher.clean import stopwords
    from thresher.langid.model import shared_model

    shared_model()
    stopwords.load()


def clean_text(text: str, url: str | None = None, **options: Any) -> Cleaned:
    """Clean one page's full text: keep the article, drop boilerplate, say why per line.

    ``options`` are the fields of :class:`CleanOptions` (``lang``, ``keep_title``,
    ``site_table``...); unknown names raise :class:`~thresher.errors.ConfigError`.
    """
    try:
        opts = CleanOptions(**options)
    except TypeError as exc:
        raise ConfigError(f"clean_text: {exc}") from exc
    return clean_with(text, url, opts)


def clean_with(text: str, url: str | None, opts: CleanOptions) -> Cleaned:
    """:func:`clean_text` with options already validated."""
    raw = split_lines(text)
    return clean_lines(raw, url, opts, opts.lang or page_language(raw))


LANGUAGE_BATCH: Final = 256
"""Pages whose languages :func:`clean_many` detects one after the other."""


def clean_many(pages: Iterable[tuple[str, str | None]], opts: CleanOptions) -> Iterator[Cleaned]:
    """:func:`clean_with` of each ``(text, url)``, in order, for a stream of pages.

    The languages of :data:`LANGUAGE_BATCH` pages are detected one after the other
    before those pages are cleaned: fastText's model is far larger than the CPU's
    caches, and a page's cleaning pushes the parts of it that the next detection
    needs out of them (detected back to back, a page's language costs a third as much).
    The results are those of :func:`clean_with`.
    """
    stream = iter(pages)
    while batch := list(itertools.islice(stream, LANGUAGE_BATCH)):
        split = [(split_lines(text), url) for text, url in batch]
        langs = [opts.lang or page_language(raw) for raw, _ in split]
        for (raw, url), lang in zip(split, langs, strict=True):
            yield clean_lines(raw, url, opts, lang)


def split_lines(text: str) -> list[str]:
    """The lines of a page's text as cleaning reads them (white space stripped)."""
    return [line.strip() for line in text.splitlines()]


def clean_lines(raw: list[str], url: str | None, opts: CleanOptions, lang: str) -> Cleaned:
    """:func:`clean_with` of a page's :func:`split_lines` in a language known (declared
    or from :func:`page_language`)."""
    th = opts.thresholds
    labelled = classify.label_lines(raw, lang, th)
    feats = [x[0] if x is not None else None for x in labelled]
    site_rule, site_note = _site_rule(opts, url)
    slug = metadata.url_slug_words(url)
    decision = decide(labelled, th, opts.keep_title, site_rule, slug, feats)
    reasons = decision.reasons
    _name_bylines_and_sources(raw, feats, reasons, decision.runs)
    _author_boxes(raw, reasons, decision.runs)
    _captions_above_credits(raw, reasons, decision.runs)
    kept = KEPT_REASONS
    kept_text = "\n".join([t for t, r in zip(raw, reasons, strict=True) if r in kept])
    meta: dict[str, Any] = {}
    if opts.metadata and kept_text:
        meta.update(decision.metadata)
        title = decision.metadata.get("title")
        for key, value in metadata.find_facts(raw, feats, decision.runs, lang, title).items():
            meta.setdefault(key, value)
        meta["language"] = lang
    return Cleaned(kept_text, meta, raw, reasons, site_note)


def _name_bylines_and_sources(
    raw: list[str],
    feats: list[LineFeatures | None],
    reasons: list[LineReason],
    runs: list[tuple[int, int]],
) -> None:
    """Dropped "By X" and "Source: X" lines near the article say so."""
    if not runs:
        return
    lo, hi = max(0, runs[0][0] - _NEAR_ARTICLE), min(len(raw), runs[-1][1] + _NEAR_ARTICLE)
    skip, longest, in_article = _NOT_NAMED, metadata.NAMED_LINE_CHARS, _R_IN_ARTICLE
    may_name = metadata.may_name_author  # False rules out every byline pattern
    for i in range(lo, hi):
        reason, feat = reasons[i], feats[i]
        if reason is in_article:
            if feat is not None and may_name(feat) and metadata.is_name_byline(raw[i]):
                reasons[i] = _R_BYLINE  # a byline inside the article's run
            continue
        if reason in skip or feat is None or len(raw[i]) > longest:
            continue
        if metadata.is_source_line(raw[i]):
            reasons[i] = _R_SOURCE_LINE
        elif may_name(feat) and metadata.is_byline(raw[i]):
            reasons[i] = _R_BYLINE


_NOT_NAMED: Final = KEPT_REASONS | {LineReason.EMPTY}


def _author_boxes(raw: list[str], reasons: list[LineReason], runs: list[tuple[int, int]]) -> None:
    """An author box at the end of the article goes: a name alone on its line, then a
    sentence about that person ("Theresa Kallweit" / "Theresa Kallweit ist Reporterin im
    Ressort Gesellschaft."; "Phil Helsel" / "Phil Helsel is a reporter for NBC News.")."""
    if not runs:
        return
    end = runs[-1][1]
    lo, hi = max(0, end - _AUTHOR_BOX_ROWS), min(len(raw), end + _NEAR_ARTICLE)
    for i in range(lo, hi - 1):
        name = raw[i]
        if not name or len(name) > _NAME_CHARS:
            continue
        j = i + 1
        while j < hi and not raw[j]:
            j += 1
        if (
            j < hi
            and raw[j].startswith(name)
            and metadata.is_person_name(name)
            and metadata.is_author_bio(raw[j], name)
        ):
            reasons[i] = reasons[j] = _R_BYLINE


def _captions_above_credits(raw: list[str], reasons: list[LineReason], runs: list[tuple[int, int]]) -> None:
    """A kept line right above a picture credit ("Photo: Jane Doe, AP", "Foto: privat") is
    the picture's caption."""
    if not runs:
        return
    media = _R_MEDIA
    for i in range(runs[0][0], min(len(raw), runs[-1][1] + 1)):
        if reasons[i] is not media or not metadata.is_picture_credit(raw[i]):
            continue
        j = i - 1
        while j >= 0 and not raw[j]:
            j -= 1
        if j >= 0 and reasons[j] in _BODY and _may_be_caption(raw[j]):
            reasons[j] = media  # (never the headline or the standfirst)


def _may_be_caption(text: str) -> bool:
    """A caption describes a picture in a few words or a sentence or two, not in a list
    item ("Agua oxigenada (opcional)") or a paragraph of three sentences (the text
    above a picture that has no caption)."""
    if len(text) > _CAPTION_CHARS or len(text.split()) < _CAPTION_WORDS:
        return False
    return len(_SENTENCE_BREAK.findall(text)) <= 1


_BODY: Final = frozenset({LineReason.CONTENT, LineReason.IN_ARTICLE})
_CAPTION_CHARS: Final = 300
_CAPTION_WORDS: Final = 5
_SENTENCE_BREAK: Final = re.compile(r"[.!?][\"”»’)]?\s+[\"„“«‚(]?[A-ZÀ-ÞА-Я]")
_AUTHOR_BOX_ROWS: Final = 8  # rows of the article's end an author box may be in
_NAME_CHARS: Final = 60


def _site_rule(opts: CleanOptions, url: str | None) -> tuple[SiteRule | None, str | None]:
    table = opts.site_table
    if table is None:
        return None, None
    site = registered_domain(url)
    rule = SiteRule(table, site, opts.site_min_share, opts.site_min_pages)
    if site is None:
        return None, "no site: the page has no URL, site-level cleaning skipped"
    if not rule.active:
        pages = table.pages(site)
        note = (
            f"site {site}: {pages} page(s) in the table, site-level cleaning needs "
            f"{opts.site_min_pages}; skipped"
        )
        logger.debug(note)
        return None, note
    return rule, f"site {site}: {table.pages(site)} pages in the table"


def page_language(lines: list[str]) -> str:
    """The language of a page's lines (fastText's on a sample of its longest lines;
    ``und`` for a page without words)."""
    sample: list[str] = []
    size = 0
    # at most 11 lines of >= _LANG_MIN_LINE characters fill the sample, longest first
    # (ties in page order: the same lines as heapq.nlargest, for a third of the cost);
    # shorter lines never make it, so only the long ones are sorted
    long_lines = [line for line in lines if len(line) >= _LANG_MIN_LINE]
    for line in sorted(long_lines, key=len, reverse=True)[:_LANG_MAX_LINES]:
        if size > _LANG_SAMPLE_CHARS:
            break
        sample.append(line)
        size += len(line)
    if not sample:
        sample = [line for line in lines if line][:50]
    if not sample:
        return "und"
    from thresher.langid import detect_language

    text = " ".join(sample)[:_LANG_SAMPLE_CHARS]
    if len(text) > _LANG_FIRST_CHARS:
        # fastText's time grows with the text: its first characters settle most pages
        # (on the development pages and the written ones, every answer this sure of
        # itself was the answer of the whole sample); the others get the whole sample
        first = detect_language(text[:_LANG_FIRST_CHARS])
        if first.score >= _LANG_SURE:
            return first.language
    return detect_language(text).language
