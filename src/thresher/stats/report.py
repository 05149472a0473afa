"""The run report: one self-contained HTML page (no script, no network) beside stats.json.

It shows where every document went: totals and the accounting law, each step's
funnel (seen, kept, dropped, errored, time), the drop and error reasons ranked, the
records that were not documents, and a few rejected documents per reason, so a user
can judge a rule by its victims.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import Any

_SAMPLES_PER_REASON = 3
_PREVIEW_CHARS = 400

_STYLE = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:1100px;
color:#1d2430;padding:0 1rem}
h1{font-size:1.6rem;margin:0 0 .2rem}h2{font-size:1.15rem;margin:2rem 0 .6rem;border-bottom:1px solid #dde3ea;
padding-bottom:.3rem}
.muted{color:#637083}.cards{display:flex;gap:.8rem;flex-wrap:wrap;margin:1rem 0}
.card{border:1px solid #dde3ea;border-radius:8px;padding:.7rem 1rem;flex:1;min-width:110px}
.card b{display:block;font-size:1.5rem}.ok{color:#17803d}.bad{color:#b42318}
table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
th,td{text-align:right;padding:.35rem .6rem;border-bottom:1px solid #eef1f5}
th:first-child,td:first-child{text-align:left}th{background:#f6f8fa;font-weight:600}
.bar{background:#e8edf3;border-radius:4px;height:.9rem;min-width:160px}
.bar span{display:block;height:100%;border-radius:4px;background:#d9822b}
.bar span.err{background:#b42318}
details{border:1px solid #dde3ea;border-radius:8px;margin:.5rem 0;padding:.4rem .8rem}
summary{cursor:pointer;font-weight:600}pre{white-space:pre-wrap;background:#f6f8fa;padding:.5rem;
border-radius:6px;font-size:.85rem;max-height:12rem;overflow:auto}
"""


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _card(label: str, value: object, css: str = "") -> str:
    return f'<div class="card"><b class="{css}">{_e(value)}</b>{_e(label)}</div>'


def _totals(summary: dict[str, Any]) -> str:
    dropped = sum(summary["dropped"].values())
    errored = sum(summary["errored"].values())
    run = summary.get("run", {})
    balanced = run.get("balanced", False)
    cards = [
        _card("documents in", summary["documents_in"]),
        _card("kept", summary["kept"], "ok"),
        _card("dropped", dropped),
        _card("errored", errored, "bad" if errored else ""),
        _card("shards × passes", f"{run.get('shards', '?')} × {run.get('passes', 1)}"),
        _card("seconds", run.get("seconds", "?")),
    ]
    law = "holds" if balanced else "DOES NOT HOLD"
    note = (
        f'<p class="{"ok" if balanced else "bad"}">documents in = kept + dropped + errored: {law} '
        f"({summary['documents_in']} = {summary['kept']} + {dropped} + {errored})</p>"
    )
    return f'<div class="cards">{"".join(cards)}</div>{note}'


def _steps(summary: dict[str, Any]) -> str:
    rows = []
    for name, step in summary["steps"].items():
        seen = step["seen"]
        per_doc = f"{1000 * step['seconds'] / seen:.2f}" if seen else "–"
        rows.append(
            f"<tr><td>{_e(name)}</td><td>{seen}</td><td>{step['kept']}</td>"
            f"<td>{sum(step['dropped'].values())}</td><td>{sum(step['errored'].values())}</td>"
            f"<td>{step['seconds']:.2f}</td><td>{per_doc}</td></tr>"
        )
    columns = ("step", "seen", "kept", "dropped", "errored", "seconds", "ms/doc")
    head = "<tr>" + "".join(f"<th>{c}</th>" for c in columns) + "</tr>"
    return f"<table>{head}{''.join(rows)}</table>"


def _reasons(summary: dict[str, Any]) -> str:
    ranked = [(r, n, "") for r, n in summary["dropped"].items()] + [
        (r, n, "err") for r, n in summary["errored"].items()
    ]
    if not ranked:
        return '<p class="muted">No document was dropped or errored.</p>'
    ranked.sort(key=lambda item: (-item[1], item[0]))
    top = max(n for _, n, _ in ranked)
    rows = [
        f'<tr><td>{_e(reason)}{" (error)" if css else ""}</td><td>{count}</td><td><div class="bar">'
        f'<span class="{css}" style="width:{100 * count / top:.1f}%"></span></div></td></tr>'
        for reason, count, css in ranked
    ]
    return f"<table><tr><th>step:reason</th><th>documents</th><th></th></tr>{''.join(rows)}</table>"


def _skipped(summary: dict[str, Any]) -> str:
    skipped: dict[str, int] = {}
    for step in summary["steps"].values():
        for reason, count in step.get("skipped", {}).items():
            skipped[reason] = skipped.get(reason, 0) + count
    if not skipped:
        return '<p class="muted">Every input record was a document.</p>'
    items = "".join(f"<tr><td>{_e(r)}</td><td>{n}</td></tr>" for r, n in sorted(skipped.items()))
    return f"<table><tr><th>record kind</th><th>records</th></tr>{items}</table>"


def _samples(rejects: Iterable[dict[str, Any]]) -> str:
    by_reason: dict[str, list[dict[str, Any]]] = {}
    for record in rejects:
        key = f"{record.get('step')}:{record.get('reason')}"
        bucket = by_reason.setdefault(key, [])
        if len(bucket) < _SAMPLES_PER_REASON:
            bucket.append(record)
    if not by_reason:
        return '<p class="muted">No rejects were written (run with --rejects to keep them).</p>'
    blocks = []
    for key in sorted(by_reason):
        items = []
        for record in by_reason[key]:
            preview = str(record.get("preview", ""))[:_PREVIEW_CHARS]
            items.append(
                f"<p><b>{_e(record.get('id'))}</b> "
                f"<span class='muted'>{_e(record.get('url') or '')}</span><br>"
                f"{_e(record.get('detail') or '')}</p><pre>{_e(preview)}</pre>"
            )
        blocks.append(f"<details><summary>{_e(key)}</summary>{''.join(items)}</details>")
    return "".join(blocks)


def render_report(summary: dict[str, Any], rejects: Iterable[dict[str, Any]], title: str) -> str:
    """The HTML report of a run from its merged ``stats.json`` data and its rejects records."""
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>thresher report: {_e(title)}</title><style>{_STYLE}</style></head><body>"
        f'<h1>thresher run report</h1><p class="muted">{_e(title)}</p>'
        f"{_totals(summary)}"
        f"<h2>Steps</h2>{_steps(summary)}"
        f"<h2>Why documents left</h2>{_reasons(summary)}"
        f"<h2>Records that were not documents</h2>{_skipped(summary)}"
        f"<h2>Examples of rejected documents</h2>{_samples(rejects)}"
        "</body></html>"
    )
