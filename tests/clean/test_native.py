"""The compiled build of text cleaning: what it compiles, and the stale-build guard."""

from __future__ import annotations

import importlib.machinery
import pickle
import shutil
from pathlib import Path

import pytest

from thresher.clean import SiteLineTable, native
from thresher.clean.api import CleanOptions
from thresher.clean.classify import Thresholds
from thresher.clean.decide import SiteRule

SUFFIX = importlib.machinery.EXTENSION_SUFFIXES[0]


def fake_build(tmp_path: Path, compiled: tuple[str, ...] = native.COMPILED_MODULES) -> Path:
    """A copy of the clean sources with an empty "extension" beside each compiled one and
    the manifest the build writes."""
    for name in native.COMPILED_MODULES:
        shutil.copy(native.HERE / f"{name}.py", tmp_path / f"{name}.py")
    for name in compiled:
        (tmp_path / f"{name}{SUFFIX}").write_bytes(b"")
    (tmp_path / native.MANIFEST).write_text(native.manifest_text(tmp_path), encoding="utf-8")
    return tmp_path


def test_a_fresh_build_is_not_stale(tmp_path: Path) -> None:
    directory = fake_build(tmp_path)
    assert native.compiled_modules(directory) == list(native.COMPILED_MODULES)
    assert native.stale_modules(directory) == []
    native.check_fresh(directory)


def test_a_changed_source_makes_its_module_stale(tmp_path: Path) -> None:
    directory = fake_build(tmp_path)
    with (directory / "decide.py").open("a", encoding="utf-8") as source:
        source.write("\n# an edit after the build\n")
    assert native.stale_modules(directory) == ["decide"]
    with pytest.raises(ImportError, match=r"thresher\.clean\.decide: .*pip install -e \."):
        native.check_fresh(directory)


def test_only_compiled_modules_are_checked(tmp_path: Path) -> None:
    directory = fake_build(tmp_path, compiled=("classify",))
    (directory / "decide.py").write_text("# not compiled: may change freely\n", encoding="utf-8")
    assert native.compiled_modules(directory) == ["classify"]
    assert native.stale_modules(directory) == []


def test_a_compiled_module_without_manifest_is_stale(tmp_path: Path) -> None:
    directory = fake_build(tmp_path, compiled=("api", "features"))
    (directory / native.MANIFEST).unlink()
    assert native.stale_modules(directory) == ["api", "features"]


def test_sources_alone_need_no_manifest(tmp_path: Path) -> None:
    directory = fake_build(tmp_path, compiled=())
    (directory / native.MANIFEST).unlink()
    assert native.stale_modules(directory) == []


def test_the_installed_build_is_fresh() -> None:
    """Whatever this checkout runs (compiled or not) matches its sources."""
    assert native.stale_modules() == []


def test_setup_compiles_the_modules_named_here() -> None:
    """setup.py reads the list from this module, and every name is a module of the package."""
    setup_py = (native.HERE.parents[2] / "setup.py").read_text(encoding="utf-8")
    assert "native.COMPILED_MODULES" in setup_py
    for name in native.COMPILED_MODULES:
        assert (native.HERE / f"{name}.py").exists()


def test_frozen_options_survive_pickling() -> None:
    """Workers (processes, Ray) get the options pickled; compiled frozen dataclasses
    cannot be unpickled field by field, so they pickle as constructor calls."""
    table = SiteLineTable()
    table.add_page("https://example.org/a", "Home\nNews\n")
    thresholds = Thresholds(good_words=12.0, after_box=25.0)
    options = CleanOptions(lang="de", keep_title=False, site_table=table, thresholds=thresholds)
    rule = SiteRule(table, "example.org", 0.5, 2)
    for value in (thresholds, options, rule):
        copy = pickle.loads(pickle.dumps(value))
        assert type(copy) is type(value)
    assert pickle.loads(pickle.dumps(thresholds)) == thresholds
    copied = pickle.loads(pickle.dumps(options))
    assert (copied.lang, copied.keep_title, copied.thresholds) == ("de", False, thresholds)
    assert copied.site_table is not None and copied.site_table.pages("example.org") == 1
    assert pickle.loads(pickle.dumps(rule)).min_share == 0.5
