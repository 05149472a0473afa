"""From line features to a decision per line, with the metadata found on the way."""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from thresher.clean import classify, metadata, vocab
from thresher.clean.classify import Kind, Thresholds
from thresher.clean.features import LineFeatures
from thresher.clean.reasons import LineReason

if TYPE_CHECKING:
    from thresher.clean.site import SiteLineTable

_REPEAT_MAX_WORDS = 8
_RELATED_MAX_WORDS = 18
_NEIGHBOURS = 2
PROSE_SHARE = 0.5
_ECHO_DISTANCE = 10
_READ_ALSO_WORDS = 4


@dataclass(frozen=True, slots=True)
class SiteRule:
    """The site table and the share of a site's pages that makes a line template."""

    table: SiteLineTable
    site: str | None
    min_share: float
    min_pages: int

    @property
    def active(self) -> bool:
        return self.table.pages(self.site) >= self.min_pages

    def repeated(self, text: str) -> bool:
        """A template line of the site."""
        pages = self.table.pages(self.site)
        seen = self.table.line_pages(self.site, text)
        return seen >= self.min_pages and seen >= self.min_share * pages


@dataclass
class Decision:
    """Reasons per line (``EMPTY`` for blank ones), article runs and metadata found."""

    reasons: list[LineReason]
    runs: list[tuple[int, int]] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)


def decide(
    labelled: list[classify.Label | None],
    th: Thresholds,
    keep_title: bool,
    site_rule: SiteRule | None,
    slug: frozenset[str] = frozenset(),
) -> Decision:
    """Decide every line of a page from its first labels (None for blank lines).

    ``slug`` holds the words of the page URL's slug: the line spelling it is the
    headline, and the article starts after it.
    """
    feats = [x[0] if x is not None else None for x in labelled]
    labels = _context_labels(labelled, site_rule)
    runs = _find_runs(feats, labels, th)
    url_title = None
    if runs:
        url_title = metadata.find_url_title(feats, slug, max(e for _, e in runs))
        if url_title is not None:
            runs = _start_after(runs, url_title)
    inside = [False] * len(feats)
    for start, end in runs:
        inside[start:end] = [True] * (end - start)
    final = _FINAL
    reasons = [
        reason if reason is not None else final[kind, within]
        for (kind, reason), within in zip(labels, inside, strict=True)
    ]
    _mark_read_also(reasons, feats)
    decision = Decision(reasons=reasons, runs=runs)
    if runs:
        blocked = {i for i, (_, reason) in enumerate(labels) if reason is not None}
        _apply_title(decision, feats, keep_title, blocked, url_title)
        _mark_related(decision, feats)
    return decision


def _find_runs(
    feats: list[LineFeatures | None],
    labels: list[tuple[Kind, LineReason | None]],
    th: Thresholds,
) -> list[tuple[int, int]]:
    """The article runs; pages without one clear article are read leniently."""
    index = [i for i, f in enumerate(feats) if f is not None]
    rows = [(labels[i], f.words) for i in index if (f := feats[i]) is not None]
    barriers = [n for n, ((_, reason), _) in enumerate(rows) if reason in _BARRIERS]
    for current in (th, _lenient(th)):
        runs, score = classify.article_runs(_weights(rows, current), current, barriers)
        if score >= th.clear_article:
            break
    return [(index[s], index[e - 1] + 1) for s, e in runs]


@functools.cache
def _lenient(th: Thresholds) -> Thresholds:
    return th.lenient()


def _weights(rows: list[tuple[tuple[Kind, LineReason | None], float]], th: Thresholds) -> list[float]:
    """:func:`classify.line_weight` of every non-blank line, in one pass."""
    offset, near, short, bad, against = (
        th.good_offset,
        th.near_weight,
        -th.short_penalty,
        -th.bad_penalty,
        -th.comment_penalty,
    )
    good, near_kind, short_kind, echo = Kind.GOOD, Kind.NEAR, Kind.SHORT, Kind.ECHO
    out: list[float] = []
    append = out.append
    for (kind, reason), words in rows:
        if kind is good:
            append(max(words - offset, 1.0))
        elif kind is short_kind:
            append(short)
        elif kind is near_kind:
            append(words * near)
        elif kind is echo:
            append(0.0)
        else:
            append(against if reason in _BARRIERS else bad)
    return out


def _context_labels(
    labelled: list[classify.Label | None], site_rule: SiteRule | None
) -> list[tuple[Kind, LineReason | None]]:
    repeats = Counter([x[0].text for x in labelled if x is not None and x[0].words <= _REPEAT_MAX_WORDS])
    repeated = {text for text, n in repeats.items() if n > 1}
    templated = _site_template(labelled, site_rule)
    seen_long: dict[str, int] = {}
    labels: list[tuple[Kind, LineReason | None]] = []
    append = labels.append
    blank = (Kind.BAD, LineReason.EMPTY)
    for i, x in enumerate(labelled):
        if x is None:
            append(blank)
            continue
        f, kind, reason = x
        if templated and i in templated:
            append((Kind.BAD, LineReason.SITE_REPEATED))
        elif kind is not Kind.BAD and f.text in repeated:
            append((Kind.BAD, LineReason.PAGE_REPEATED))
        elif f.words > _REPEAT_MAX_WORDS:  # a paragraph again, far from its last copy
            last = seen_long.get(f.text)
            if last is not None and i - last > _ECHO_DISTANCE:
                kind = Kind.ECHO
            seen_long[f.text] = i
            append((kind, reason))
        else:
            append((kind, reason))
    return labels


def _site_template(labelled: list[classify.Label | None], site_rule: SiteRule | None) -> set[int]:
    """Lines found on many pages of the site. When that would take most of the page's
    prose, the page is a copy of another page of the site (an article under two
    URLs): then the site table is not used for it."""
    if site_rule is None or not site_rule.active:
        return set()
    found = {i for i, x in enumerate(labelled) if x is not None and site_rule.repeated(x[0].text)}
    prose = [i for i, x in enumerate(labelled) if x is not None and x[1] is Kind.GOOD]
    prose_words = sum(_labelled_words(labelled, prose))
    templated_words = sum(_labelled_words(labelled, [i for i in prose if i in found]))
    if prose_words and templated_words > PROSE_SHARE * prose_words:
        return set()
    return found


def _labelled_words(labelled: list[classify.Label | None], rows: list[int]) -> list[float]:
    """Word counts of the given labelled lines."""
    return [x[0].words for i in rows if (x := labelled[i]) is not None]


def _final_reason(kind: Kind, reason: LineReason | None, inside: bool) -> LineReason:
    if reason is not None:
        return reason
    if kind is Kind.ECHO:
        return LineReason.CONTENT if inside else LineReason.PAGE_REPEATED
    if inside:
        return LineReason.CONTENT if kind in (Kind.GOOD, Kind.NEAR) else LineReason.IN_ARTICLE
    if kind is Kind.SHORT:
        return LineReason.NAVIGATION
    return LineReason.OUTSIDE_ARTICLE


# The final reason of a line without a boilerplate reason, by kind and whether it is
# inside an article run (a table of :func:`_final_reason`).
_FINAL = {(kind, inside): _final_reason(kind, None, inside) for kind in Kind for inside in (False, True)}


def _start_after(runs: list[tuple[int, int]], title: int) -> list[tuple[int, int]]:
    """Runs with the one holding the headline cut to start after it."""
    cut = [(title + 1, end) if start <= title < end else (start, end) for start, end in runs]
    return [(start, end) for start, end in cut if start < end]


def _apply_title(
    decision: Decision,
    feats: list[LineFeatures | None],
    keep: bool,
    blocked: set[int],
    preferred: int | None,
) -> None:
    reasons = decision.reasons
    found = metadata.find_title(feats, decision.runs[0][0], blocked, preferred)
    for i in found.slugs:
        reasons[i] = LineReason.SLUG
    for i in found.duplicates:
        reasons[i] = LineReason.DUPLICATE_TITLE
    if found.index is None:
        return
    title = feats[found.index]
    if title is not None:
        decision.metadata["title"] = title.text
    if keep:
        reasons[found.index] = LineReason.TITLE
    elif not reasons[found.index].kept:
        reasons[found.index] = LineReason.HEADLINE


def _mark_read_also(reasons: list[LineReason], feats: list[LineFeatures | None]) -> None:
    """A short line right after "read also" inside the article is another story."""
    for i, f in enumerate(feats):
        if f is None or f.words > _READ_ALSO_WORDS or not f.low_words:
            continue
        if f.low_words[0] not in _READ_ALSO_STARTS or " ".join(f.low_words) not in vocab.READ_ALSO:
            continue
        j = i + 1
        while j < len(feats) and feats[j] is None:
            j += 1
        if j < len(feats) and reasons[j] is LineReason.IN_ARTICLE:
            reasons[j] = LineReason.RELATED_HEADLINE


_READ_ALSO_STARTS = frozenset(phrase.split(" ", 1)[0] for phrase in vocab.READ_ALSO)


def _mark_related(decision: Decision, feats: list[LineFeatures | None]) -> None:
    """Name dropped headline-like lines next to stamps (lists of other stories)."""
    reasons = decision.reasons
    stamps = [i for i, r in enumerate(reasons) if r is LineReason.STAMP]
    near: set[int] = set()
    for i in stamps:
        near.update(range(i - _NEIGHBOURS, i + _NEIGHBOURS + 1))
    for i in near:
        if not 0 <= i < len(reasons) or reasons[i] not in _RELABEL:
            continue
        f = feats[i]
        if f is not None and 2 <= f.words <= _RELATED_MAX_WORDS:
            reasons[i] = LineReason.RELATED_HEADLINE


_BARRIERS = frozenset({LineReason.COMMENTS, LineReason.RELATED_HEADING})
_RELABEL = frozenset({LineReason.NAVIGATION, LineReason.OUTSIDE_ARTICLE})
