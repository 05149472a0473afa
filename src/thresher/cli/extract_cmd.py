"""``thresher extract``: one page or text in, its main text (or Markdown, or JSON) out."""

from __future__ import annotations

from typing import Any

import click
import orjson

from thresher.cli.errors import CommandError
from thresher.cli.inputs import read_source
from thresher.document import Document, Failure
from thresher.io.readers import ReaderOptions, page_from_bytes


def _read(source: str) -> Document:
    data = read_source(source)
    is_html_name = source.lower().endswith((".html", ".htm", ".xhtml"))
    doc = page_from_bytes(data, source, source, ReaderOptions(), html=is_html_name, sniff=True)
    if isinstance(doc, Failure):
        raise CommandError(f"{source}: {doc.reason}: {doc.detail}")
    return doc


def _from_html(doc: Document, url: str | None, markdown: bool) -> tuple[str, dict[str, Any]]:
    assert doc.html is not None
    try:
        from thresher.extract import extract
    except ImportError:
        from thresher.html.visible_text import visible_text

        return visible_text(doc.html), {"extractor": "visible_text"}
    result = extract(doc.html, url=url)
    return (result.markdown if markdown else result.text), dict(result.metadata)


def _from_text(doc: Document, url: str | None) -> tuple[str, dict[str, Any]]:
    try:
        from thresher.clean import clean_text
    except ImportError:
        return doc.text, {}
    cleaned = clean_text(doc.text, url=url)
    return cleaned.text, dict(cleaned.metadata)


@click.command("extract")
@click.argument("source", default="-")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["txt", "markdown", "json"]),
    default="txt",
    show_default=True,
)
@click.option("--url", help="The page's URL (helps metadata and relative links).")
def command(source: str, fmt: str, url: str | None) -> None:
    """Print the main content of one HTML page or text file (SOURCE, or - for stdin)."""
    doc = _read(source)
    if doc.html is not None:
        text, metadata = _from_html(doc, url, markdown=fmt == "markdown")
    else:
        text, metadata = _from_text(doc, url)
    if fmt == "json":
        record = {"source": source, "url": url, "text": text, "metadata": metadata}
        click.echo(orjson.dumps(record, option=orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS).decode())
    else:
        click.echo(text)
