"""Type stub of the compiled labelling loop (``_speedups.c``)."""

from typing import Any

def label_lines(
    lines: list[str],
    memo: dict[str, Any],
    stops: frozenset[str],
    stop_table: tuple[bytes, tuple[str, ...]],
    per_char: bool,
    context: tuple[object, ...],
) -> list[Any]: ...
def needs_boilerplate_checks(
    text: str,
    words: tuple[str, ...],
    has_digit: bool,
    nospace: bool,
    latin1: bool,
    context: tuple[object, ...],
) -> bool: ...
def context_rows(
    labelled: list[Any], templated: set[int], code: set[int], constants: tuple[object, ...]
) -> tuple[Any, ...]: ...
def row_candidates(labelled: list[Any], code_kind: object) -> tuple[list[int], list[int], list[int]]: ...
def weights(
    kinds: list[Any], reasons: list[Any], words: list[float], params: tuple[object, ...]
) -> list[float]: ...
def final_reasons(
    kinds: list[Any],
    reasons: list[Any],
    runs: list[tuple[int, int]],
    outside: dict[Any, Any],
    inside: dict[Any, Any],
) -> list[Any]: ...
