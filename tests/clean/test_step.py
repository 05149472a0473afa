"""The ``clean`` pipeline step."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.clean.pages import EN, EN_BODY
from thresher.clean import SiteLineTable
from thresher.clean.step import Clean
from thresher.document import Document
from thresher.errors import ConfigError
from thresher.evaluate.cleaning import TextPage
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


def test_a_batch_of_documents_is_cleaned_as_each_one_alone(textclean_pages: list[TextPage]) -> None:
    """Clean.apply_batch (languages detected first, for the whole batch) gives what
    apply gives document by document; HTML passes and a document that raises is that
    document's error only."""
    pages = textclean_pages[:40]

    def docs() -> list[Document]:
        made = [Document(id=p.id, text=p.text, url=p.url) for p in pages]
        made.insert(3, Document(id="h", html="<p>Home</p>", text=""))
        made.insert(5, Document(id="bad", text=None))  # type: ignore[arg-type]
        return made

    step = Clean()
    step.setup()
    batch = step.apply_batch(docs())
    for doc, got in zip(docs(), batch, strict=True):
        if doc.id == "bad":
            assert isinstance(got, Exception)
            continue
        want = step.apply(doc)
        assert type(got) is type(want)
        if isinstance(want, Document):
            assert isinstance(got, Document)
            assert (got.text, got.meta) == (want.text, want.meta)
        else:
            assert got == want


def test_clean_many_gives_what_clean_with_gives(textclean_pages: list[TextPage]) -> None:
    """Over the bounds of its batches of pages too."""
    from thresher.clean import api

    pages = (textclean_pages * 2)[: 2 * api.LANGUAGE_BATCH + 10]
    opts = api.CleanOptions()
    many = list(api.clean_many(((p.text, p.url) for p in pages), opts))
    assert len(many) == len(pages) > 2 * api.LANGUAGE_BATCH
    for page, got in zip(pages, many, strict=True):
        want = api.clean_with(page.text, page.url, opts)
        assert (got.text, got.metadata, got.lines) == (want.text, want.metadata, want.lines)
