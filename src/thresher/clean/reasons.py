"""Why a line was kept or dropped, and why a whole document was dropped."""

from __future__ import annotations

from enum import StrEnum


class LineReason(StrEnum):
    """The decision behind one line of a cleaned text.

    The first group names kept lines, the rest dropped ones.
    """

    # kept
    CONTENT = "content"
    """Prose of the article."""
    IN_ARTICLE = "in_article"
    """A short line (subheading, dateline, list item) inside the article's run of prose."""
    TITLE = "title"
    """The headline line, kept when the ``keep_title`` option asks for it."""
    STANDFIRST = "standfirst"
    """The lead paragraph right under the headline, kept with it."""
    # dropped
    EMPTY = "empty"
    NAVIGATION = "navigation"
    FORM = "form"
    STAMP = "stamp"
    RELATED_HEADLINE = "related_headline"
    FOOTER = "footer"
    SOCIAL = "social"
    MEDIA = "media"
    """A picture or video credit, or a link to a video or a gallery ("Foto: dpa",
    "Photo by X/Getty Images", "Video: ...")."""
    SITE_REPEATED = "site_repeated"
    PAGE_REPEATED = "page_repeated"
    SLUG = "slug"
    DUPLICATE_TITLE = "duplicate_title"
    HEADLINE = "headline"
    """The headline line, dropped from the text (it is in the metadata as ``title``)."""
    SOURCE_LINE = "source_line"
    BYLINE = "byline"
    COMMENTS = "comments"
    RELATED_HEADING = "related_heading"
    OUTSIDE_ARTICLE = "outside_article"
    GARBAGE = "garbage"

    @property
    def kept(self) -> bool:
        """True for the reasons that keep a line."""
        return self in KEPT_REASONS


KEPT_REASONS = frozenset({LineReason.CONTENT, LineReason.IN_ARTICLE, LineReason.TITLE, LineReason.STANDFIRST})
"""The reasons that keep a line (a set lookup is cheaper than :attr:`LineReason.kept`)."""


class CleanDropReason(StrEnum):
    """Why the ``clean`` step dropped a whole document."""

    ALL_BOILERPLATE = "all_boilerplate"
