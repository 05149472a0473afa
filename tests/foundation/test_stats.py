"""Laws of the statistics: merging is associative with an identity, JSON round-trips."""

from __future__ import annotations

from collections import Counter

import orjson
from hypothesis import given
from hypothesis import strategies as st

from thresher.stats.counters import RunStats, StepStats, Summary

_reasons = st.sampled_from(["empty_text", "too_short", "invalid_json", "gopher_short_doc"])
_counter = st.dictionaries(_reasons, st.integers(0, 50)).map(Counter)


@st.composite
def step_stats(draw: st.DrawFn) -> StepStats:
    values = draw(st.lists(st.floats(-1e6, 1e6, allow_nan=False), max_size=8))
    summary = Summary()
    for v in values:
        summary.add(v)
    return StepStats(
        seen=draw(st.integers(0, 100)),
        kept=draw(st.integers(0, 100)),
        dropped=draw(_counter),
        errored=draw(_counter),
        skipped=draw(_counter),
        chars_in=draw(st.integers(0, 10**6)),
        seconds=draw(st.floats(0, 100)),
        summaries={"length": summary},
    )


@st.composite
def run_stats(draw: st.DrawFn) -> RunStats:
    names = draw(st.lists(st.sampled_from(["read", "clean", "write"]), unique=True, max_size=3))
    return RunStats(
        steps={n: draw(step_stats()) for n in names},
        documents_in=draw(st.integers(0, 1000)),
        kept=draw(st.integers(0, 1000)),
        shards=draw(st.integers(0, 3)),
    )


def _canonical(stats: RunStats) -> dict[str, object]:
    data = stats.to_json()
    # float sums may differ in the last bits with grouping; compare them rounded
    for step in data["steps"].values():
        step["seconds"] = round(step["seconds"], 3)
        for summary in step["summaries"].values():
            for key in ("mean", "std"):
                if key in summary:
                    summary[key] = round(summary[key], 3)
    return data


@given(run_stats(), run_stats(), run_stats())
def test_merge_is_associative(a: RunStats, b: RunStats, c: RunStats) -> None:
    assert _canonical(a.merge(b).merge(c)) == _canonical(a.merge(b.merge(c)))


@given(run_stats())
def test_empty_stats_are_the_identity(a: RunStats) -> None:
    assert _canonical(RunStats().merge(a)) == _canonical(a)
    assert _canonical(a.merge(RunStats())) == _canonical(a)


@given(run_stats())
def test_json_round_trip(a: RunStats) -> None:
    again = RunStats.from_json(orjson.loads(orjson.dumps(a.to_json())))
    assert _canonical(again) == _canonical(a)


@given(st.lists(st.floats(-1e3, 1e3, allow_nan=False), min_size=1, max_size=40), st.integers(0, 40))
def test_summary_merge_equals_one_pass(values: list[float], split: int) -> None:
    whole, left, right = Summary(), Summary(), Summary()
    for v in values:
        whole.add(v)
    for v in values[:split]:
        left.add(v)
    for v in values[split:]:
        right.add(v)
    merged = left.merge(right)
    assert merged.count == whole.count
    assert abs(merged.mean - whole.mean) < 1e-6
    assert abs(merged.variance - whole.variance) < 1e-4 * max(1.0, whole.variance)
    assert merged.minimum == whole.minimum and merged.maximum == whole.maximum


def test_balance_law_counts_every_reason() -> None:
    stats = RunStats(documents_in=10, kept=6)
    stats.step("read").errored["invalid_json"] = 1
    stats.step("clean").dropped["all_boilerplate"] = 2
    assert not stats.is_balanced()
    stats.step("filters").dropped["gopher_short_doc"] = 1
    assert stats.is_balanced()
    assert stats.dropped == Counter({"clean:all_boilerplate": 2, "filters:gopher_short_doc": 1})
