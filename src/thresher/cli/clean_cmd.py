"""``thresher clean``: one text file in, its article out, with every decision explained."""

from __future__ import annotations

import sys
from typing import Any

import click
import orjson

from thresher.cli.errors import CommandError
from thresher.cli.inputs import read_source


def _read_text(source: str) -> str:
    from thresher.html.encoding import decode_html_bytes

    return decode_html_bytes(read_source(source)).text


def _explain_line(kept: bool, reason: str, text: str, colour: bool) -> str:
    mark = "+" if kept else "-"
    line = f"{mark} {reason:<16} {text}"
    if not colour:
        return line
    return click.style(line, fg="green" if kept else "red", dim=not kept)


@click.command("clean")
@click.argument("source", default="-")
@click.option("--explain", is_flag=True, help="Print every line with its decision and reason.")
@click.option("--format", "fmt", type=click.Choice(["txt", "json"]), default="txt", show_default=True)
@click.option("--lang", help="The text's language (ISO 639-1); detected when not given.")
@click.option("--url", help="The page's URL (used for the site and metadata).")
@click.option(
    "--keep-title/--drop-title",
    default=True,
    show_default=True,
    help="Keep the headline and the standfirst under it at the top of the text (the headline is in "
    "the metadata either way).",
)
def command(
    source: str, explain: bool, fmt: str, lang: str | None, url: str | None, keep_title: bool
) -> None:
    """Clean the full text of one web page (SOURCE, or - for stdin): keep the article."""
    from thresher.clean import clean_text
    from thresher.errors import ConfigError

    text = _read_text(source)
    try:
        result = clean_text(text, url=url, lang=lang, keep_title=keep_title)
    except ConfigError as exc:
        raise CommandError(str(exc)) from exc
    if fmt == "json":
        record: dict[str, Any] = {
            "source": source,
            "url": url,
            "text": result.text,
            "metadata": result.metadata,
            "dropped_lines": result.drop_counts(),
        }
        if explain:
            record["lines"] = [
                {"text": ln.text, "kept": ln.kept, "reason": str(ln.reason)} for ln in result.lines if ln.text
            ]
        click.echo(orjson.dumps(record, option=orjson.OPT_INDENT_2).decode())
        return
    if not explain:
        click.echo(result.text)
        return
    colour = sys.stdout.isatty()
    for ln in result.lines:
        if ln.text:
            click.echo(_explain_line(ln.kept, str(ln.reason), ln.text, colour), color=colour)
    for key, value in result.metadata.items():
        click.echo(f"# {key}: {value}")
