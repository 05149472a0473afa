"""The compiled build of text cleaning: what it compiles, and the stale-build guard."""

from __future__ import annotations

import importlib.machinery
import json
import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from thresher.clean import SiteLineTable, classify, clean_text, native
from thresher.clean.api import CleanOptions
from thresher.clean.classify import Thresholds
from thresher.clean.decide import SiteRule
from thresher.evaluate.cleaning import TextPage

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


_PURE_RUN = """
import json, sys
from thresher.clean import classify, native
from thresher.clean.api import clean_text
assert not native.compiled_modules() and not classify.compiled(), "not the pure-Python sources"
out = []
for page in json.load(sys.stdin):
    result = clean_text(page["text"], page["url"])
    out.append([result.text, [str(line.reason) for line in result.lines], result.metadata])
json.dump(out, sys.stdout)
"""


def test_the_sources_alone_clean_as_the_compiled_build(
    tmp_path: Path, textclean_pages: list[TextPage]
) -> None:
    """Installed without a compiler, thresher runs these same sources in Python: a copy of
    them, with no extension module at all, gives every dev page the same text, reasons
    and metadata as the build under test (compiled when a compiler was there)."""
    if not native.compiled_modules() and not classify.compiled():
        pytest.skip("this checkout runs the sources already")
    package = native.HERE.parent  # src/thresher
    shutil.copytree(
        package, tmp_path / "thresher", ignore=shutil.ignore_patterns("*.so", "*.pyd", "__pycache__")
    )
    pages = textclean_pages[::4]  # 78 pages of every subset, in a few seconds
    env = {**os.environ, "PYTHONPATH": str(tmp_path), "THRESHER_PURE_PYTHON": "1"}
    done = subprocess.run(
        [sys.executable, "-c", _PURE_RUN],
        input=json.dumps([{"text": p.text, "url": p.url} for p in pages]),
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    pure = json.loads(done.stdout)
    for page, (text, reasons, metadata) in zip(pages, pure, strict=True):
        result = clean_text(page.text, page.url)
        assert text == result.text, page.id
        assert reasons == [str(line.reason) for line in result.lines], page.id
        assert metadata == json.loads(json.dumps(result.metadata)), page.id


def test_ci_builds_the_c_extension_where_there_is_a_compiler() -> None:
    """The C extension is optional (an install without a compiler still works), so a C
    file that no longer compiles would only make the compiled-loop tests skip: in CI,
    with a C compiler on the machine, it must have been built."""
    import sysconfig

    compiler = (sysconfig.get_config_var("CC") or "cc").split()[0]
    if not os.environ.get("CI") or os.environ.get("THRESHER_PURE_PYTHON") or shutil.which(compiler) is None:
        pytest.skip("only in CI, with a C compiler, without THRESHER_PURE_PYTHON")
    assert classify.compiled(), "thresher.clean._speedups was not built: see the pip install log"
