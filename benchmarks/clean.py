"""Speed of text-only cleaning (``clean_text``) and a dump of its decisions.

Pages: ``shared/data/textclean/dev.jsonl.gz`` (310 pages of full text). Each pass cleans
every page once as the pipeline does (``clean_many``: languages detected a batch of pages
at a time) and is timed in process CPU time; the per-process label memo is emptied
before each pass (cold), and the fastText model and stop-word lists are loaded before
the first one. A pass of one ``clean_with`` call per page is timed in each round too. The
result is the best of ``--passes`` passes (the machine is shared: the minimum is the
steadiest estimate of the cost). Each thresher pass follows a pass of C4's line rules
(``evaluate.cleaning.c4_lines``, the cheap baseline the issue measures speed against) over
the same pages, so that both see the same minute of a machine whose speed moves: the
ratio of the two bests, and the median of the ratios of each round, are printed too.

``--dump FILE`` writes text, line reasons, metadata and site note of every page, with
and without the site table, as JSON Lines: two dumps of two versions of the code diff
to nothing when their decisions are the same. ``--variants`` adds five rewritten copies
of every page (upper case, accented Latin, Cyrillic, CJK ideographs, case-folding
oddities) so that the other code paths are compared too.

Usage::

    PYTHONPATH=src python benchmarks/clean.py [--passes 6] [--dump out.jsonl [--variants]] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import re
import time
from pathlib import Path

from thresher.clean import classify
from thresher.clean.api import CleanOptions, clean_many, clean_with, load_resources
from thresher.clean.classify import Thresholds
from thresher.evaluate.cleaning import TextPage, c4_lines, read_text_pages, site_table_for

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "textclean" / "dev.jsonl.gz"


def cold_pass(pages: list[TextPage], opts: CleanOptions) -> float:
    """CPU seconds to clean every page once as the pipeline does (``clean_many``), the
    label memo emptied first."""
    classify.clear_memo(Thresholds())
    started = time.process_time()
    for _ in clean_many(((page.text, page.url) for page in pages), opts):
        pass
    return time.process_time() - started


def single_pass(pages: list[TextPage], opts: CleanOptions) -> float:
    """The same, one ``clean_with`` call per page (as ``clean_text`` on its own)."""
    classify.clear_memo(Thresholds())
    started = time.process_time()
    for page in pages:
        clean_with(page.text, page.url, opts)
    return time.process_time() - started


def c4_pass(pages: list[TextPage]) -> float:
    """CPU seconds for C4's line rules over every page once."""
    started = time.process_time()
    for page in pages:
        c4_lines(page.text, page.url)
    return time.process_time() - started


# Variants of every page that take the other code paths (accented Latin, Cyrillic,
# ideographs, upper case, case-folding oddities): a speed-up must not change them either.
_LATIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_CYRILLIC = "абцдефгхийклмнопярстувшхызАБЦДЕФГХИЙКЛМНОПЯРСТУВШХЫЗ"
_VARIANTS: dict[str, dict[int, int]] = {
    "latin": str.maketrans("aouesAOUE'-", "äöüéßÄÖÜÉ\u2019\u2013"),
    "cyrillic": str.maketrans(_LATIN, _CYRILLIC),
    "ideographs": str.maketrans(_LATIN[:26], "".join(chr(0x4E00 + 7 * ord(c)) for c in _LATIN[:26])),
    "folding": str.maketrans("iIsk", "\u0131\u0130\u017f\u212a"),
}


_LONG_WORD = re.compile(r"\w{5,}")


def page_variants(text: str) -> dict[str, str]:
    """The page as it is and in each variant script."""
    out = {"page": text, "upper": text.upper()}
    out.update({name: text.translate(table) for name, table in _VARIANTS.items()})
    # accents on long words only: function words stay, so prose is still found
    out["latin"] = _LONG_WORD.sub(lambda m: m[0].translate(_VARIANTS["latin"]), text)
    return out


def dump(pages: list[TextPage], path: Path, variants: bool = False) -> None:
    """Text, reasons, metadata and site note of every page, without and with the site
    table (and of each variant of every page)."""
    table = site_table_for(pages)
    modes: list[tuple[str, CleanOptions]] = [
        ("page", CleanOptions()),
        ("site", CleanOptions(site_table=table)),
    ]
    with path.open("w", encoding="utf-8") as out:
        for name, opts in modes:
            classify.clear_memo(Thresholds())
            for page in pages:
                texts = page_variants(page.text) if variants and name == "page" else {name: page.text}
                for variant, text in texts.items():
                    result = clean_with(text, page.url, opts)
                    row = {
                        "id": page.id,
                        "mode": variant,
                        "text": result.text,
                        "reasons": [str(line.reason) for line in result.lines],
                        "metadata": result.metadata,
                        "site_note": result.site_note,
                    }
                    out.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--passes", type=int, default=6)
    parser.add_argument("--dump", type=Path, help="write every page's decisions here")
    parser.add_argument("--variants", action="store_true", help="dump also variants of every page")
    parser.add_argument("--profile", action="store_true", help="cProfile one cold pass")
    args = parser.parse_args()
    pages = read_text_pages([args.data])
    load_resources()
    if args.dump:
        dump(pages, args.dump, args.variants)
        print(f"dumped {len(pages)} pages to {args.dump}")
    opts = CleanOptions()
    if args.profile:
        classify.clear_memo(Thresholds())
        profiler = cProfile.Profile()
        profiler.enable()
        for page in pages:
            clean_with(page.text, page.url, opts)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("tottime").print_stats(30)
    times: list[float] = []
    c4_times: list[float] = []
    single_times: list[float] = []
    for _ in range(args.passes):
        c4_times.append(c4_pass(pages))
        times.append(cold_pass(pages, opts))
        single_times.append(single_pass(pages, opts))
    best, c4_best = min(times), min(c4_times)
    ratios = sorted(c4 / t for c4, t in zip(c4_times, times, strict=True))
    n = len(pages)
    print(
        f"{n} pages, {args.passes} cold passes: best {best / n * 1e3:.3f} ms/page "
        f"({n / best:.0f} pages/s), median {sorted(times)[len(times) // 2] / n * 1e3:.3f} ms/page"
    )
    print(
        f"C4 line rules in the same rounds: best {c4_best / n * 1e3:.3f} ms/page "
        f"({n / c4_best:.0f} pages/s); thresher's speed / C4's: {c4_best / best:.2f} (bests), "
        f"{ratios[len(ratios) // 2]:.2f} (median round)"
    )
    single = min(single_times)
    print(
        f"one clean_with call per page (languages not detected in batches): best "
        f"{single / n * 1e3:.3f} ms/page ({n / single:.0f} pages/s)"
    )


if __name__ == "__main__":
    main()
