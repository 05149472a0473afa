"""Type stub of the compiled labelling loop (``_speedups.c``)."""

from typing import Any

def label_lines(
    lines: list[str],
    lang: str,
    memo: dict[str, Any],
    stops: frozenset[str],
    stop_table: tuple[bytes, tuple[str, ...]],
    per_char: bool,
    context: tuple[object, ...],
) -> list[Any]: ...
def context_rows(
    labelled: list[Any], templated: set[int], code: set[int], constants: tuple[object, ...]
) -> tuple[Any, ...]: ...
def row_candidates(labelled: list[Any], code_kind: object) -> tuple[list[int], list[int], list[int]]: ...
