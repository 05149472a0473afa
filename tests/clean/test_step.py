"""The ``clean`` pipeline step."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.clean.pages import EN, EN_BODY
from thresher.clean import SiteLineTable
from thresher.clean.step import Clean
from thresher.document import Document
from thresher.errors import ConfigError
from thresher.pipeline.registry import step_class


def test_registered_under_its_name() -> None:
    assert step_class("clean") is Clean
    assert Clean.name == "clean"


def test_cleans_text_and_merges_metadata_without_overwriting() -> None:
    doc = Document(id="1", text=EN.text, meta={"title": "From extraction"})
    out = Clean().apply(doc)
    assert isinstance(out, Document)
    assert out.text.split("\n") == [EN.title, *EN_BODY]  # the headline stays by default
    assert out.meta["title"] == "From extraction"
    assert out.meta["language"] == "en"
    assert out.meta["authors"] == ["Jane Holloway"]
    dropped = out.meta["clean"]["dropped_lines"]
    assert dropped["form"] >= 2
    assert dropped["navigation"] >= 5


def test_html_documents_pass_untouched() -> None:
    doc = Document(id="h", html="<p>Home</p>", text="")
    assert Clean().apply(doc) is doc
    assert doc.meta == {}


def test_site_table_from_file(tmp_path: Path) -> None:
    table = SiteLineTable()
    for i in range(5):
        table.add_page(f"https://example.org/{i}", f"Example Weekly\nunique {i}")
    path = tmp_path / "sites.bin"
    path.write_bytes(table.to_bytes())
    step = Clean(site_table=str(path))
    step.setup()
    text = "Example Weekly\n" + "\n".join(EN_BODY)
    out = step.apply(Document(id="s", text=text, url="https://example.org/9"))
    assert isinstance(out, Document)
    assert "Example Weekly" not in out.text
    assert out.meta["clean"]["dropped_lines"]["site_repeated"] == 1
    assert "5 pages" in out.meta["clean"]["site"]


def test_config_errors_name_the_key(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="site_table"):
        Clean(site_table=str(tmp_path / "missing.bin"))
    with pytest.raises(ConfigError, match="site_min_pages"):
        Clean(site_min_pages=1)
