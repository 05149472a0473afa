"""``site_clean`` in a run: lines repeated across a site's pages go, the articles stay."""

from __future__ import annotations

from pathlib import Path

from tests.foundation.helpers import run_records
from thresher.engines import LocalEngine
from thresher.pipeline.config import parse_config
from thresher.pipeline.run import run_pipeline
from thresher.sample import write_sample_crawl


def _run(tmp_path: Path, step: str) -> dict[str, str]:
    crawl = tmp_path / "crawl.warc.gz"
    write_sample_crawl(crawl)
    config = parse_config({"steps": [{"name": "html_to_text"}, {"name": step}]})
    report = run_pipeline([str(crawl)], tmp_path / step, config, engine=LocalEngine(2))
    assert report.ok and report.stats.is_balanced()
    records = run_records(tmp_path / step)
    return {str(r["url"]): str(r["text"]) for r in records}


def test_site_template_lines_are_removed_and_articles_kept(tmp_path: Path) -> None:
    texts = _run(tmp_path, "site_clean")
    bridge = texts["https://www.riverton-herald.example/harbour-bridge-reopens"]
    assert "two years after engineers found cracks" in bridge
    assert "The bridge will carry buses and cars from Monday" in bridge
    for boilerplate in ("Share this article", "Leave a comment", "Riverton Herald Media", "We use cookies"):
        assert all(boilerplate not in text for text in texts.values()), boilerplate
    german = texts["https://techwire.example/rechenzentrum-abwaerme"]
    assert "Abwärme eines großen Rechenzentrums" in german
    assert "Impressum" not in german


_PROMO = (
    "Subscribe today and support independent local journalism in the valley, for less than a coffee a week."
)
_STORIES = [
    "The council approved a new cycle path along the canal on Tuesday evening after a long debate.",
    "Volunteers planted three hundred trees in the park behind the old railway station this weekend.",
    "The swimming pool will close for repairs in August, the leisure department said on Monday.",
    "A local bakery won a national prize for its rye bread, beating more than two hundred entries.",
]


_FOLLOW_UPS = [
    "Residents living near the canal said they had waited more than ten years for a safe route to school.",
    "The gardeners chose oaks, limes and wild cherries because they cope well with dry and hot summers.",
    "Swimmers can use the lake beach in the meantime, where lifeguards will be on duty every afternoon.",
    "The owner said the recipe came from her grandmother, who baked for the whole village after the war.",
]


def _promo_corpus(path: Path) -> None:
    lines = []
    for i, story in enumerate(_STORIES):
        follow_up = _FOLLOW_UPS[i]
        text = f"{story}\n{follow_up}\n{_PROMO}\nThe reporter can be reached at the newsroom."
        lines.append({"id": f"valley-{i}", "url": f"https://news.valley.example/story-{i}", "text": text})
    lone = f"{_STORIES[0]} Reported from the hills.\n{_PROMO}"
    lines.append({"id": "hills-0", "url": "https://hills.example/only-story", "text": lone})
    import orjson

    path.write_bytes(b"".join(orjson.dumps(line) + b"\n" for line in lines))


def _texts(tmp_path: Path, step: str) -> dict[str, str]:
    corpus = tmp_path / "corpus.jsonl"
    _promo_corpus(corpus)
    config = parse_config({"steps": [{"name": step}]})
    report = run_pipeline([str(corpus)], tmp_path / step, config, engine=LocalEngine(1))
    assert report.ok and report.stats.is_balanced()
    records = run_records(tmp_path / step)
    return {str(r["id"]): str(r["text"]) for r in records}


def test_prose_like_template_line_needs_the_site_pass(tmp_path: Path) -> None:
    plain = _texts(tmp_path, "clean")
    assert all(_PROMO in plain[f"valley-{i}"] for i in range(4))  # line rules alone keep it
    site = _texts(tmp_path, "site_clean")
    for i, story in enumerate(_STORIES):
        assert story in site[f"valley-{i}"]
        assert _PROMO not in site[f"valley-{i}"]
    assert _PROMO in site["hills-0"]  # one page of that site: no evidence, nothing dropped
