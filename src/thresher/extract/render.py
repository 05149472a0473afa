"""Blocks to plain text and to Markdown (headings, lists, tables, code, quotes)."""

from __future__ import annotations

from thresher.extract.dom import Block

_CODE_OPEN, _CODE_CLOSE = "\x01", "\x02"


def _plain(text: str) -> str:
    return text.replace(_CODE_OPEN, "").replace(_CODE_CLOSE, "")


def render_text(blocks: list[Block]) -> str:
    """One block per line (table cells of a row joined by tabs), sentinels removed."""
    lines: list[str] = []
    row = -1
    for block in blocks:
        text = _plain(block.text)
        if block.row >= 0 and block.row == row and lines:
            lines[-1] += "\t" + text.replace("\n", " ")
        else:
            lines.append(text)
        row = block.row
    return "\n".join(lines)


def render_markdown(blocks: list[Block]) -> str:
    """Markdown of the blocks; table rows become pipe tables."""
    out: list[str] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if block.row >= 0:
            i = _table(blocks, i, out)
            continue
        text = _markdown_block(block)
        previous = blocks[i - 1] if i else None
        if block.kind == "li" and previous and previous.kind == "li" and previous.ordered == block.ordered:
            out[-1] += "\n" + text  # items of one list stay together (a tight list)
        else:
            out.append(text)
        i += 1
    return "\n\n".join(part for part in out if part)


def _markdown_block(block: Block) -> str:
    kind = block.kind
    if block.code:
        return f"```\n{_plain(block.text)}\n```"
    text = block.text.replace(_CODE_OPEN, "`").replace(_CODE_CLOSE, "`")
    if len(kind) == 2 and kind[0] == "h" and kind[1].isdigit():
        text = f"{'#' * int(kind[1])} {' '.join(text.split())}"
    elif kind == "li":
        indent = "  " * max(block.list_depth - 1, 0)
        marker = "1." if block.ordered else "-"
        text = f"{indent}{marker} {text}"
    if block.quote:
        text = "\n".join(f"> {line}" for line in text.split("\n"))
    return text


def _table(blocks: list[Block], start: int, out: list[str]) -> int:
    rows: list[list[str]] = []
    row = -2
    i = start
    while i < len(blocks) and blocks[i].row >= 0:
        cell = _plain(blocks[i].text).replace("\n", " ").replace("|", "\\|")
        if blocks[i].row != row:
            rows.append([])
            row = blocks[i].row
        rows[-1].append(cell)
        i += 1
    width = max(len(r) for r in rows)
    lines = []
    for n, cells in enumerate(rows):
        cells = cells + [""] * (width - len(cells))
        lines.append("| " + " | ".join(cells) + " |")
        if n == 0:
            lines.append("|" + " --- |" * width)
    out.append("\n".join(lines))
    return i
