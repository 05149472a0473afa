"""From line features to a decision per line, with the metadata found on the way."""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field
from typing import Any, Final

from thresher.clean import classify, metadata, vocab
from thresher.clean.classify import Kind, Thresholds
from thresher.clean.features import LineFeatures
from thresher.clean.reasons import LineReason
from thresher.clean.site import SiteLineTable

# Reasons the functions below set or test, bound once (compiled, a LineReason member
# looked up on its class costs a generic attribute look-up every time).
_R_COMMENTS: Final = LineReason.COMMENTS
_R_CONTENT: Final = LineReason.CONTENT
_R_DUPLICATE_TITLE: Final = LineReason.DUPLICATE_TITLE
_R_EMPTY: Final = LineReason.EMPTY
_R_HEADLINE: Final = LineReason.HEADLINE
_R_IN_ARTICLE: Final = LineReason.IN_ARTICLE
_R_MEDIA: Final = LineReason.MEDIA
_R_NAVIGATION: Final = LineReason.NAVIGATION
_R_OUTSIDE_ARTICLE: Final = LineReason.OUTSIDE_ARTICLE
_R_PAGE_REPEATED: Final = LineReason.PAGE_REPEATED
_R_RELATED_HEADING: Final = LineReason.RELATED_HEADING
_R_RELATED_HEADLINE: Final = LineReason.RELATED_HEADLINE
_R_SITE_REPEATED: Final = LineReason.SITE_REPEATED
_R_SLUG: Final = LineReason.SLUG
_R_SOCIAL: Final = LineReason.SOCIAL
_R_STAMP: Final = LineReason.STAMP
_R_STANDFIRST: Final = LineReason.STANDFIRST
_R_TITLE: Final = LineReason.TITLE

# Vocabulary the functions below read, bound once (compiled, a Final name is a C
# static; `vocab.X` would be two dictionary look-ups per use).
_READ_ALSO: Final = vocab.READ_ALSO

_REPEAT_MAX_WORDS: Final = 8
_RELATED_MAX_WORDS: Final = 18
_NEIGHBOURS: Final = 2
PROSE_SHARE: Final = 0.5
_ECHO_DISTANCE: Final = 10
_READ_ALSO_WORDS: Final = 4


@dataclass(frozen=True, slots=True)
class SiteRule:
    """The site table and the share of a site's pages that makes a line template."""

    table: SiteLineTable
    site: str | None
    min_share: float
    min_pages: int

    def __reduce__(self) -> tuple[type[SiteRule], tuple[Any, ...]]:
        return (SiteRule, classify.field_values(self))

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
    feats: list[LineFeatures | None] | None = None,
) -> Decision:
    """Decide every line of a page from its first labels (None for blank lines).

    ``slug`` holds the words of the page URL's slug: the line spelling it is the
    headline, and the article starts after it. ``feats`` are the labels' features
    when the caller has them already.
    """
    if feats is None:
        feats = [x[0] if x is not None else None for x in labelled]
    labelled, code = _lists_and_code(labelled)
    page = _context_pass(labelled, site_rule, code)
    runs = _find_runs(page, th)
    url_title = None
    if runs:
        url_title = metadata.find_url_title(feats, slug, max(e for _, e in runs))
        if url_title is not None:
            runs = _start_after(runs, url_title)
    reasons = _final_reasons(page.kinds, page.reasons, runs)
    _mark_read_also(reasons, feats, page.read_also)
    if page.barriers:
        _mark_box_links(reasons, page)
    decision = Decision(reasons=reasons, runs=runs)
    if runs:
        start = runs[0][0]
        first = page.reasons
        blocked = {
            i
            for i in range(max(0, start - metadata.TITLE_WINDOW), start)
            if first[i] is not None and not _repeated_headline(i, first[i], feats[i], page.keys)
        }
        title_row = _apply_title(decision, feats, keep_title, blocked, url_title, page.keys, first)
        if keep_title and title_row is not None:
            _keep_standfirst(decision.reasons, page.kinds, feats, title_row, start)
        _mark_related(decision, feats, page.stamps)
    return decision


# "1. ", "2) ", and ordinal numbers: "1st", "2nd", "3a", "4ª", "5º", "6e", "7ème"
_ORDINAL: Final = re.compile(r"(\d{1,2})(?:\s?[.)]|st|nd|rd|th|ème|er|e|a|o|ª|º)\s+\S")
_SEQUENCE_GAP: Final = 30  # lines between two items of one numbered list, at most
_SEQUENCE_MIN: Final = 3


def _lists_and_code(
    labelled: list[classify.Label | None],
) -> tuple[list[classify.Label | None], set[int]]:
    """Items of numbered lists and lines of program code count as short sentences; the
    labels so changed, and the rows of the code blocks.

    Alone, "2. Take inventory" looks like a menu entry; three or more lines numbered
    n, n+1, n+2... ("1. ...", "2) ...", "3ª ...", "4th ...") close to one another are the
    steps or entries of a list in the article (a how-to, a ranking), so they are
    relabelled ``NEAR`` with no reason: they join the article run when they are in or
    beside it, and go with it otherwise. Blocks of code (three or more code lines close
    together) in a technical article likewise, and their repeated lines ("}", "});") are
    not page furniture.
    """
    code_kind = Kind.CODE
    speedups = classify.compiled_module()
    if speedups is not None:
        candidates: _RowCandidates = speedups.row_candidates(labelled, code_kind)
    else:
        candidates = _row_candidates_python(labelled)
    numbered_rows, code_rows, table_rows = candidates
    found: list[tuple[int, int]] = []
    for i in numbered_rows:
        x = labelled[i]
        if x is not None and (m := _ORDINAL.match(x[0].text)):
            found.append((i, int(m.group(1))))
    chosen = _numbered_rows(found)
    code = _code_block_rows(code_rows)
    table = _table_rows(labelled, table_rows)
    if not chosen and not code and not table:
        return labelled, code
    out = list(labelled)
    for row in chosen:
        x = out[row]
        if x is not None and x[1] is not Kind.GOOD:
            out[row] = (x[0], Kind.NEAR, None)
    for row in table:
        x = out[row]  # a row with a date in it is no stamp ("Enero\t7,20\t4,35")
        if x is not None and x[1] is not Kind.GOOD and (x[2] is None or x[2] is _R_STAMP):
            out[row] = (x[0], Kind.NEAR, None)
    for row in code:
        x = out[row]
        if x is not None and (x[1] is Kind.SHORT or x[1] is code_kind) and x[2] is None:
            out[row] = (x[0], Kind.NEAR, None)
    return out, code


# rows that may be numbered list items, code lines, rows that may be table rows
_RowCandidates = tuple[list[int], list[int], list[int]]


def _row_candidates_python(labelled: list[classify.Label | None]) -> _RowCandidates:
    """The rows :func:`_lists_and_code` looks at: a digit first (the numbered-item pattern
    starts with one: \\d is what str.isdecimal says), a code line, a tab or " | " (table
    cells). ``_speedups.row_candidates`` does the same in C."""
    numbered: list[int] = []
    code: list[int] = []
    table: list[int] = []
    code_kind = Kind.CODE
    for i, x in enumerate(labelled):
        if x is None:
            continue
        text = x[0].text
        if x[0].has_digit and text[0].isdecimal():
            numbered.append(i)
        if x[1] is code_kind:
            code.append(i)
        if "\t" in text or " | " in text:
            table.append(i)
    return numbered, code, table


def _numbered_rows(found: list[tuple[int, int]]) -> set[int]:
    """Rows of the numbered lists among (row, number) pairs."""
    chosen: set[int] = set()
    if len(found) < _SEQUENCE_MIN:
        return chosen
    chain = found[:1]
    for row, number in found[1:]:
        last_row, last_number = chain[-1]
        if number == last_number + 1 and row - last_row <= _SEQUENCE_GAP:
            chain.append((row, number))
            continue
        if len(chain) >= _SEQUENCE_MIN:
            chosen.update(r for r, _ in chain)
        chain = [(row, number)]
    if len(chain) >= _SEQUENCE_MIN:
        chosen.update(r for r, _ in chain)
    return chosen


_TABLE_MIN: Final = 3  # rows of a table, at least
_TABLE_GAP: Final = 2  # lines between two rows of one table, at most


def _cells(text: str) -> int:
    """Cells of a table row: runs of tabs between them ("Pos\t\tPlayer\t\tPlays"), or
    at least three parts between " | " ("Bank | Zins p. a. | Zinsgarantie"); 0 otherwise."""
    if "\t" in text:
        return len([c for c in text.split("\t") if c.strip()])
    if " | " in text:
        cells = text.count(" | ") + 1
        return cells if cells >= 3 else 0
    return 0


def _table_rows(labelled: list[classify.Label | None], candidates: list[int]) -> set[int]:
    """Rows of tables: three or more lines of two or more cells close together. A table
    in an article (results, prices, a comparison) is part of it; alone, each row looks
    like a menu line. (``candidates``: the rows with a tab or " | ", in order.)"""
    rows: set[int] = set()
    if len(candidates) < _TABLE_MIN:
        return rows
    chain: list[int] = []
    for i in candidates:
        x = labelled[i]
        if x is None or _cells(x[0].text) < 2:
            continue
        if chain and i - chain[-1] > _TABLE_GAP:
            if len(chain) >= _TABLE_MIN:
                rows.update(chain)
            chain = []
        chain.append(i)
    if len(chain) >= _TABLE_MIN:
        rows.update(chain)
    return rows


_CODE_GAP: Final = 2  # rows between two code lines of one block, at most
_CODE_MIN: Final = 3


def _code_block_rows(code_rows: list[int]) -> set[int]:
    """Rows of the code blocks: from the first to the last of three or more code lines
    at most ``_CODE_GAP`` rows apart."""
    blocks: set[int] = set()
    if len(code_rows) < _CODE_MIN:
        return blocks
    chain = code_rows[:1]
    for row in code_rows[1:]:
        if row - chain[-1] <= _CODE_GAP:
            chain.append(row)
            continue
        if len(chain) >= _CODE_MIN:
            blocks.update(range(chain[0], chain[-1] + 1))
        chain = [row]
    if len(chain) >= _CODE_MIN:
        blocks.update(range(chain[0], chain[-1] + 1))
    return blocks


@dataclass
class _Page:
    """One page's lines after the context pass: kinds and reasons (None: decided by
    the article runs), the non-blank rows with their word counts and the rows where
    a barrier starts, and the few lines later steps look at."""

    kinds: list[Kind]
    reasons: list[LineReason | None]
    rows: list[int]
    row_words: list[float]
    barriers: list[int]
    read_also: list[int]
    stamps: list[int]
    keys: dict[str, list[int]]
    headings: set[int]
    """Lines listed again further down, right above prose, on a page with a table of
    contents (its heading, or three such lines): section headings."""


def _context_pass(labelled: list[classify.Label | None], site_rule: SiteRule | None, code: set[int]) -> _Page:
    """Labels in context, in one pass over the lines: site template lines, short lines
    repeated on the page (not in ``code`` blocks), paragraphs repeated far from their
    first copy (echoes)."""
    templated = _site_template(labelled, site_rule)
    speedups = classify.compiled_module()
    if speedups is not None:
        rows_found: _ContextRows = speedups.context_rows(labelled, templated, code, _context_constants())
    else:
        rows_found = _context_rows_python(labelled, templated, code)
    kinds, reasons, rows, row_words, barriers, read_also, stamps, keys, repeats, toc = rows_found
    # short lines found more than once on the page; the last copy stays when prose
    # follows it (a subheading also listed in a table of contents above)
    last_copy = {first: i for first, i in repeats}
    headings: set[int] = set()
    bad, page_repeated = Kind.BAD, _R_PAGE_REPEATED
    for first, i in repeats:
        for row in (first, i):
            if row != last_copy[first] or not _heads_prose(labelled, row):
                kinds[row] = bad
                reasons[row] = page_repeated
            else:
                headings.add(row)
    if not toc and len(headings) < _TOC_HEADINGS:
        headings.clear()  # a line or two repeated: no table of contents
    if barriers:
        barriers = _without_share_buttons(barriers, rows, reasons)
        barriers = _without_jump_links(barriers, rows, labelled)
    return _Page(kinds, reasons, rows, row_words, barriers, read_also, stamps, keys, headings)


# kinds, reasons, rows, row_words, barriers, read_also, stamps, keys, repeats, toc
_ContextRows = tuple[
    list[Kind],
    list[LineReason | None],
    list[int],
    list[float],
    list[int],
    list[int],
    list[int],
    dict[str, list[int]],
    list[tuple[int, int]],
    bool,
]


@functools.cache
def _context_constants() -> tuple[object, ...]:
    """What the compiled loop (``_speedups.context_rows``) reads."""
    return (
        Kind.BAD,
        _R_EMPTY,
        _R_STAMP,
        Kind.ECHO,
        _R_SITE_REPEATED,
        _BARRIERS,
        _READ_ALSO_STARTS,
        _TOC_KEYS,
        float(_REPEAT_MAX_WORDS),
        _ECHO_DISTANCE,
        float(_READ_ALSO_WORDS),
        float(metadata.TITLE_MAX_WORDS * 2),
    )


def _context_rows_python(
    labelled: list[classify.Label | None], templated: set[int], code: set[int]
) -> _ContextRows:
    """The loop of :func:`_context_pass`; ``_speedups.context_rows`` does the same in C
    (tests/clean/test_speedups.py compares both)."""
    kinds: list[Kind] = []
    reasons: list[LineReason | None] = []
    rows: list[int] = []
    row_words: list[float] = []
    barriers: list[int] = []
    read_also: list[int] = []
    stamps: list[int] = []
    keys: dict[str, list[int]] = {}
    first_short: dict[str, int] = {}
    repeats: list[tuple[int, int]] = []
    seen_long: dict[str, int] = {}
    bad, empty, stamp, echo = Kind.BAD, _R_EMPTY, _R_STAMP, Kind.ECHO
    barrier_reasons, read_also_starts = _BARRIERS, _READ_ALSO_STARTS
    title_words = metadata.TITLE_MAX_WORDS * 2
    toc, toc_keys = False, _TOC_KEYS
    for i, x in enumerate(labelled):
        if x is None:
            kinds.append(bad)
            reasons.append(empty)
            continue
        feat, kind, reason = x
        text, words = feat.text, feat.words
        if templated and i in templated:
            kind, reason = bad, _R_SITE_REPEATED
        elif words <= _REPEAT_MAX_WORDS and (not code or i not in code):
            first = first_short.setdefault(text, i)
            if first != i and kind is not bad:
                repeats.append((first, i))
        else:  # a paragraph again, far from its last copy
            last = seen_long.get(text)
            if last is not None and i - last > _ECHO_DISTANCE:
                kind = echo
            seen_long[text] = i
        if reason is not None:
            if reason in barrier_reasons:
                barriers.append(len(rows))
            elif reason is stamp:
                stamps.append(i)
        rows.append(i)
        row_words.append(words)
        kinds.append(kind)
        reasons.append(reason)
        if words <= _READ_ALSO_WORDS:
            low_words = feat.low_words
            if low_words and low_words[0] in read_also_starts:
                read_also.append(i)
            if feat.key in toc_keys:
                toc = True
        if 2 <= words <= title_words and (key := feat.key):
            same_key = keys.get(key)
            if same_key is None:
                keys[key] = [i]
            else:
                same_key.append(i)
    return kinds, reasons, rows, row_words, barriers, read_also, stamps, keys, repeats, toc


def _without_share_buttons(
    barriers: list[int], rows: list[int], reasons: list[LineReason | None]
) -> list[int]:
    """Barriers minus "Comments" buttons of a share bar (a comments line next to a social
    line: "Facebook / Twitter / Comments / Print"), which are relabelled social."""
    kept: list[int] = []
    social, comments = _R_SOCIAL, _R_COMMENTS
    for b in barriers:
        row = rows[b]
        if reasons[row] is comments and any(
            0 <= n < len(rows) and reasons[rows[n]] is social for n in (b - 1, b + 1)
        ):
            reasons[row] = social
            continue
        kept.append(b)
    return kept


def _without_jump_links(
    barriers: list[int], rows: list[int], labelled: list[classify.Label | None]
) -> list[int]:
    """Barriers minus links to a section further down: a comments line whose words come
    again in a later barrier ("142 Kommentare" under the byline and again as the heading
    of the comment section) does not start the comments; the later one does."""
    if len(barriers) < 2:
        return barriers
    keys: list[frozenset[str]] = []
    for b in barriers:
        x = labelled[rows[b]]
        keys.append(frozenset(x[0].low_words) if x is not None else frozenset())
    last = {key: n for n, key in enumerate(keys)}
    comments = _R_COMMENTS
    kept: list[int] = []
    for n, b in enumerate(barriers):
        x = labelled[rows[b]]
        if x is not None and x[2] is comments and keys[n] and last[keys[n]] > n:
            continue
        kept.append(b)
    return kept


def _heads_prose(labelled: list[classify.Label | None], row: int) -> bool:
    """The next non-blank line after ``row`` is prose, or a question answered by prose
    (the heading of questions and answers)."""
    found = [x for x in labelled[row + 1 : row + 5] if x is not None][:2]
    if not found:
        return False
    if found[0][1] is Kind.GOOD:
        return True
    return found[0][0].text[-1] in "?？" and len(found) == 2 and found[1][1] is Kind.GOOD


def _find_runs(page: _Page, th: Thresholds) -> list[tuple[int, int]]:
    """The article runs; pages without one clear article are read leniently."""
    rows = page.rows
    if len(rows) == len(page.kinds):
        kinds, reasons = page.kinds, page.reasons
    else:
        kinds = [page.kinds[i] for i in rows]
        reasons = [page.reasons[i] for i in rows]
    weights = _weights(kinds, reasons, page.row_words, th)
    runs, score = classify.article_runs(weights, th, page.barriers)
    if score < th.clear_article:
        lenient = _lenient(th)
        weights = _weights(kinds, reasons, page.row_words, lenient)
        runs, _ = classify.article_runs(weights, lenient, page.barriers)
    if runs and page.barriers:
        runs = _runs_after_boxes(runs, weights, kinds, reasons, page.barriers, th)
    if runs:
        runs = _runs_after_lists(runs, weights, kinds, reasons, page.barriers, th, page.row_words)
    # a section heading a table of contents names, right above a run, opens it
    if page.headings:
        runs = [(s - 1 if s > 0 and rows[s - 1] in page.headings else s, e) for s, e in runs]
    return [(rows[s], rows[e - 1] + 1) for s, e in runs]


_BOX_GAP: Final = 1  # rows between the article and the heading of a box inside it, at most
_BOX_ROWS: Final = 6  # rows of links in such a box, at most


def _runs_after_boxes(
    runs: list[tuple[int, int]],
    weights: list[float],
    kinds: list[Kind],
    reasons: list[LineReason | None],
    barriers: list[int],
    th: Thresholds,
) -> list[tuple[int, int]]:
    """The article runs, plus the article going on after "related" boxes inside it.

    News sites put a box of links to other stories ("Mehr zum Thema", "Related") in
    the middle of an article. Its heading is a barrier, so the text after it would be
    lost; it is taken back when the box is short (a heading right after the article
    and at most ``_BOX_ROWS`` lines of links) and what follows reads like the same
    article: a run worth ``after_box`` with two paragraphs in a row. A list of
    teasers (a headline, a blurb, a headline, a blurb) never has two in a row.
    (Indexes are of non-blank rows.)
    """
    out = list(runs)
    good = Kind.GOOD
    end = max(e for _, e in out)
    k = bisect.bisect_left(barriers, end)  # barriers are in page order
    related = _R_RELATED_HEADING
    while k < len(barriers):
        box = barriers[k]
        if box - end > _BOX_GAP or reasons[box] is not related:
            return out
        # boxes one after another ("Lire aussi" + a link, twice) are one box
        while (
            k + 1 < len(barriers)
            and reasons[barriers[k + 1]] is related
            and barriers[k + 1] - box <= _BOX_ROWS
            and not any(kinds[r] is good for r in range(box + 1, barriers[k + 1]))
        ):
            k += 1
            box = barriers[k]
        after = barriers[k + 1] if k + 1 < len(barriers) else len(weights)
        start, stop, score = classify.best_run(weights[box + 1 : after])
        links = range(box + 1, box + 1 + start)
        if score < th.after_box or start > _BOX_ROWS or any(kinds[r] is good for r in links):
            return out
        start, stop = box + 1 + start, box + 1 + stop
        if not _two_paragraphs_in_a_row(kinds, start, stop):
            return out
        # the article goes on at its first paragraph, under the line above it (a
        # subheading, or the box's last link: _mark_box_links tells them apart)
        first = next(r for r in range(start, stop) if kinds[r] is good)
        out.append((max(box + 1, first - 1), stop))
        end = stop
        k = bisect.bisect_left(barriers, end, k + 1)
    return out


_TOC_HEADINGS: Final = 3  # lines repeated on a page that make a table of contents without a heading
# The heading of a table of contents (letters of the line, lower case).
_TOC_KEYS: Final = vocab.words(
    """inhaltsverzeichnis inhalt tableofcontents contents onthispage inthisarticle sommaire
    índice indice índicedecontenidos indicedeicontenuti inhoudsopgave spistreści содержание
    obsah innehåll içindekiler"""
)
_LIST_ROWS: Final = 25  # rows of a list of short lines inside the article, at most
_LIST_LABELS: Final = 2  # one-word lines among them that a menu word spells, at most


def _runs_after_lists(
    runs: list[tuple[int, int]],
    weights: list[float],
    kinds: list[Kind],
    reasons: list[LineReason | None],
    barriers: list[int],
    th: Thresholds,
    row_words: list[float],
) -> list[tuple[int, int]]:
    """The article going on after a list of short lines inside it (pros and cons of a
    review, then its verdict): right after the article, at most ``_LIST_ROWS`` short
    lines that no rule marks as boilerplate (but two one-word labels such as "Plus"),
    then a run worth ``after_box`` with two paragraphs in a row or one of 40 words and
    more (a teaser list has neither: a headline, a short blurb, a headline...)."""
    end = max(e for _, e in runs)
    short, good = Kind.SHORT, Kind.GOOD
    row, labels = end, 0
    while row < len(kinds) and row - end < _LIST_ROWS:
        if kinds[row] is short and reasons[row] is None:
            row += 1
        elif reasons[row] is _R_NAVIGATION and labels < _LIST_LABELS and row_words[row] <= 1:
            row, labels = row + 1, labels + 1  # "Plus", "Minus": a label a menu word spells
        else:
            break
    if row - end < 3 or row >= len(kinds) or kinds[row] is not good:
        return runs
    after = min((b for b in barriers if b >= row), default=len(weights))
    start, stop, score = classify.best_run(weights[row:after])
    if start != 0 or score < th.after_box:
        return runs
    stop += row
    long_paragraph = row_words[row] >= 2 * th.prose_words  # a verdict, not a teaser's blurb
    if not long_paragraph and not _two_paragraphs_in_a_row(kinds, row, stop):
        return runs
    return [*runs, (end, stop)]


def _two_paragraphs_in_a_row(kinds: list[Kind], start: int, stop: int) -> bool:
    """Rows ``[start, stop)`` hold two prose lines one after the other: the article going
    on, which a list of teasers (a headline, a blurb, a headline...) never has."""
    good = Kind.GOOD
    return any(kinds[r] is good and kinds[r + 1] is good for r in range(start, stop - 1))


@functools.cache
def _lenient(th: Thresholds) -> Thresholds:
    return th.lenient()


def _weights(
    kinds: list[Kind], reasons: list[LineReason | None], words: list[float], th: Thresholds
) -> list[float]:
    """:func:`classify.line_weight` of every non-blank line, in one pass (in C when the
    extension is built: ``_speedups.weights``)."""
    speedups = classify.compiled_module()
    if speedups is not None:
        found: list[float] = speedups.weights(kinds, reasons, words, _weight_params(th))
        return found
    return _weights_python(kinds, reasons, words, th)


@functools.cache
def _weight_params(th: Thresholds) -> tuple[object, ...]:
    """What ``_speedups.weights`` reads: the kinds, the barrier reasons, the weights."""
    return (
        Kind.GOOD,
        Kind.NEAR,
        Kind.SHORT,
        Kind.ECHO,
        Kind.CODE,
        _BARRIERS,
        float(th.good_offset),
        float(th.near_weight),
        -float(th.short_penalty),
        -float(th.bad_penalty),
        -float(th.comment_penalty),
    )


def _weights_python(
    kinds: list[Kind], reasons: list[LineReason | None], words: list[float], th: Thresholds
) -> list[float]:
    """:func:`_weights` in Python: the reference of the compiled one."""
    offset, near, short, bad, against = (
        th.good_offset,
        th.near_weight,
        -th.short_penalty,
        -th.bad_penalty,
        -th.comment_penalty,
    )
    good, near_kind, short_kind, echo, code = Kind.GOOD, Kind.NEAR, Kind.SHORT, Kind.ECHO, Kind.CODE
    barriers = _BARRIERS
    out: list[float] = []
    append = out.append
    for kind, reason, count in zip(kinds, reasons, words, strict=True):
        if kind is good:
            append(max(count - offset, 1.0))
        elif kind is short_kind:
            append(short)
        elif kind is near_kind:
            append(count * near)
        elif kind is echo:
            append(0.0)
        elif kind is code:
            append(short)
        else:
            append(against if reason in barriers else bad)
    return out


def _final_reasons(
    kinds: list[Kind], reasons: list[LineReason | None], runs: list[tuple[int, int]]
) -> list[LineReason]:
    """Every line's reason: its own, or what its kind means inside or outside the runs
    (in C when the extension is built: ``_speedups.final_reasons``)."""
    speedups = classify.compiled_module()
    if speedups is not None:
        found: list[LineReason] = speedups.final_reasons(kinds, reasons, runs, _FINAL_OUTSIDE, _FINAL_INSIDE)
        return found
    return _final_reasons_python(kinds, reasons, runs)


def _final_reasons_python(
    kinds: list[Kind], reasons: list[LineReason | None], runs: list[tuple[int, int]]
) -> list[LineReason]:
    """:func:`_final_reasons` in Python: the reference of the compiled one."""
    outside, inside = _FINAL_OUTSIDE, _FINAL_INSIDE
    final = [reason or outside[kind] for kind, reason in zip(kinds, reasons, strict=True)]
    for start, end in runs:
        final[start:end] = [
            reason or inside[kind] for kind, reason in zip(kinds[start:end], reasons[start:end], strict=True)
        ]
    return final


def _site_template(labelled: list[classify.Label | None], site_rule: SiteRule | None) -> set[int]:
    """Lines found on many pages of the site. When that would take most of the page's
    prose, the page is a copy of another page of the site (an article under two
    URLs): then the site table is not used for it."""
    if site_rule is None or not site_rule.active:
        return set()
    found = {i for i, x in enumerate(labelled) if x is not None and site_rule.repeated(x[0].text)}
    good = Kind.GOOD
    prose = [i for i, x in enumerate(labelled) if x is not None and x[1] is good]
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
        return _R_CONTENT if inside else _R_PAGE_REPEATED
    if inside:
        return _R_CONTENT if kind in (Kind.GOOD, Kind.NEAR) else _R_IN_ARTICLE
    if kind is Kind.SHORT or kind is Kind.CODE:
        return _R_NAVIGATION
    return _R_OUTSIDE_ARTICLE


# The final reason of a line without a boilerplate reason, by kind, outside and inside
# an article run (tables of :func:`_final_reason`).
_FINAL_OUTSIDE: Final = {kind: _final_reason(kind, None, False) for kind in Kind}
_FINAL_INSIDE: Final = {kind: _final_reason(kind, None, True) for kind in Kind}


def _start_after(runs: list[tuple[int, int]], title: int) -> list[tuple[int, int]]:
    """Runs with the one holding the headline cut to start after it."""
    cut = [(title + 1, end) if start <= title < end else (start, end) for start, end in runs]
    return [(start, end) for start, end in cut if start < end]


def _repeated_headline(
    i: int, reason: LineReason | None, feat: LineFeatures | None, keys: dict[str, list[int]]
) -> bool:
    """A line of several words found twice close together may be the headline (the
    page title and the heading both spell it)."""
    if reason is not _R_PAGE_REPEATED or feat is None or feat.words < _HEADLINE_MIN_WORDS:
        return False
    return any(j != i and abs(j - i) <= _HEADLINE_COPY_GAP for j in keys.get(feat.key, ()))


_HEADLINE_MIN_WORDS: Final = 4
_HEADLINE_COPY_GAP: Final = 10


def _apply_title(
    decision: Decision,
    feats: list[LineFeatures | None],
    keep: bool,
    blocked: set[int],
    preferred: int | None,
    keys: dict[str, list[int]],
    first_reasons: list[LineReason | None],
) -> int | None:
    """Mark the headline, slugs and repeated titles; the headline's row."""
    reasons = decision.reasons
    stamps = {i for i in blocked if first_reasons[i] is _R_STAMP}
    media = {i for i in blocked if first_reasons[i] is _R_MEDIA}
    found = metadata.find_title(feats, keys, decision.runs[0][0], blocked, preferred, stamps, media)
    for i in found.slugs:
        reasons[i] = _R_SLUG
    for i in found.duplicates:
        reasons[i] = _R_DUPLICATE_TITLE
    if found.index is None:
        return None
    title = feats[found.index]
    if title is not None:
        decision.metadata["title"] = title.text
    if keep:
        reasons[found.index] = _R_TITLE
    elif not reasons[found.index].kept:
        reasons[found.index] = _R_HEADLINE
    return found.index


def _mark_box_links(reasons: list[LineReason], page: _Page) -> None:
    """Kept lines of a "related" box inside the article are links to other stories:
    the lines under its heading up to the next paragraph (at most ``_BOX_ROWS``),
    but a subheading right above that paragraph (a sentence or a few words: "Was
    bedeutet das für Hausbesitzer?", "Ônibus terão desvio"; the links are headlines)."""
    rows, kinds, words = page.rows, page.kinds, page.row_words
    good, kept = Kind.GOOD, _BOX_KEPT
    for b in page.barriers:
        if reasons[rows[b]] is not _R_RELATED_HEADING:
            continue
        box = list(range(b + 1, min(b + 1 + _BOX_ROWS, len(rows))))
        paragraph = next((n for n in box if kinds[rows[n]] is good), None)
        if paragraph is None:
            continue  # no paragraph close under the heading: not a box inside the article
        links = box[: paragraph - b - 1]
        if links and (kinds[rows[links[-1]]] is Kind.NEAR or words[links[-1]] <= _SUBHEADING_WORDS):
            links.pop()
        for n in links:
            if reasons[rows[n]] in kept:
                reasons[rows[n]] = _R_RELATED_HEADLINE


_SUBHEADING_WORDS: Final = 6
_BOX_KEPT: Final = frozenset({LineReason.IN_ARTICLE, LineReason.CONTENT})


def _keep_standfirst(
    reasons: list[LineReason], kinds: list[Kind], feats: list[LineFeatures | None], title: int, start: int
) -> None:
    """Keep the standfirst: the lead paragraph right under the headline, before the
    article run (the teaser of German news, "Die Wiener Linien rechnen mit ..."); a
    stamp or byline may stand between them. It is prose that ends a sentence and does
    not spell the headline again."""
    head = feats[title]
    seen = 0
    for i in range(title + 1, start):
        feat = feats[i]
        if feat is None:
            continue
        seen += 1
        if seen > _STANDFIRST_ROWS:
            return
        text = feat.text
        if reasons[i] is _R_STAMP or metadata.is_byline(text) or metadata.is_source_line(text):
            continue  # bylines are named later (api), so they are read here
        if (
            reasons[i] is _R_OUTSIDE_ARTICLE
            and kinds[i] is Kind.GOOD
            and feat.end_punct
            and not (head is not None and head.key and head.key in feat.key)
        ):
            reasons[i] = _R_STANDFIRST
        return


_STANDFIRST_ROWS: Final = 2


def _mark_read_also(reasons: list[LineReason], feats: list[LineFeatures | None], lines: list[int]) -> None:
    """The short lines right after "read also" inside the article are other stories,
    up to the next paragraph (at most ``_BOX_ROWS``; a subheading right above that
    paragraph stays, as in :func:`_mark_box_links`); the one after "Video" is the
    video's title (``lines``: the short lines starting with a first word of such a
    phrase)."""
    for i in lines:
        f = feats[i]
        if f is None:
            continue
        key = " ".join(f.low_words)
        if key in _READ_ALSO:
            relabel, most = _R_RELATED_HEADLINE, _BOX_ROWS
        elif key in _MEDIA_LEADS:  # "Video" then the video's title
            relabel, most = _R_MEDIA, 1
        else:
            continue
        links = [j for j in range(i + 1, min(i + 1 + 2 * most, len(feats))) if feats[j] is not None][:most]
        box: list[int] = []
        for j in links:
            if reasons[j] is not _R_IN_ARTICLE:
                break
            box.append(j)
        if len(box) > 1 and _is_subheading(feats[box[-1]], reasons, box[-1]):
            box.pop()
        for j in box:
            reasons[j] = relabel


def _is_subheading(feat: LineFeatures | None, reasons: list[LineReason], row: int) -> bool:
    """A short line (at most ``_SUBHEADING_WORDS`` words) followed by a paragraph."""
    if feat is None or feat.words > _SUBHEADING_WORDS:
        return False
    empty = _R_EMPTY
    nxt = row + 1
    while nxt < len(reasons) and reasons[nxt] is empty:
        nxt += 1
    return nxt < len(reasons) and reasons[nxt] is _R_CONTENT


_MEDIA_LEADS: Final = frozenset(["video", "videos", "audio", "podcast"])
_READ_ALSO_STARTS: Final = frozenset(phrase.split(" ", 1)[0] for phrase in vocab.READ_ALSO) | _MEDIA_LEADS


def _mark_related(decision: Decision, feats: list[LineFeatures | None], stamp_lines: list[int]) -> None:
    """Name dropped headline-like lines next to stamps (lists of other stories);
    ``stamp_lines`` are the lines labelled as stamps before the headline was found."""
    reasons = decision.reasons
    stamps = [i for i in stamp_lines if reasons[i] is _R_STAMP]
    near: set[int] = set()
    for i in stamps:
        near.update(range(i - _NEIGHBOURS, i + _NEIGHBOURS + 1))
    for i in near:
        if not 0 <= i < len(reasons) or reasons[i] not in _RELABEL:
            continue
        f = feats[i]
        if f is not None and 2 <= f.words <= _RELATED_MAX_WORDS:
            reasons[i] = _R_RELATED_HEADLINE


_BARRIERS: Final = frozenset({LineReason.COMMENTS, LineReason.RELATED_HEADING})
_RELABEL: Final = frozenset({LineReason.NAVIGATION, LineReason.OUTSIDE_ARTICLE})
