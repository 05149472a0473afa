"""Type stub of the compiled labelling loop (``_speedups.c``)."""

from typing import Any

def label_lines(
    lines: list[str],
    lang: str,
    memo: dict[str, Any],
    stops: frozenset[str],
    stop_table: bytes,
    per_char: bool,
    context: tuple[object, ...],
) -> list[Any]: ...
