"""``thresher eval dedup``: MinHash-LSH against exact Jaccard on a sample of a corpus."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import click
import orjson

from thresher.cli.errors import CommandError
from thresher.cli.options import minhash_options
from thresher.dedup.config import MinHashConfig, Verify, candidate_probability, choose_bands_rows


def _sample_texts(inputs: tuple[str, ...], text_field: str, size: int, seed: int) -> list[str]:
    """A uniform sample (reservoir) of the documents' texts, in input order."""
    from thresher.document import Document
    from thresher.io import ReaderOptions, discover_inputs, read_input

    options = ReaderOptions(text_field=text_field)
    rng = random.Random(seed)
    reservoir: list[tuple[int, str]] = []
    seen = 0
    for source in discover_inputs(list(inputs)):
        for item in read_input(source, options):
            if not isinstance(item, Document):
                continue
            if len(reservoir) < size:
                reservoir.append((seen, item.text))
            else:
                slot = rng.randrange(seen + 1)
                if slot < size:
                    reservoir[slot] = (seen, item.text)
            seen += 1
    return [text for _, text in sorted(reservoir)]


def _configs(opt: dict[str, Any]) -> list[MinHashConfig]:
    base = {
        "ngram": opt["ngram"],
        "num_perm": opt["num_perm"],
        "threshold": opt["threshold"],
        "verify": Verify(opt["verify"]),
    }
    if not opt["sweep"]:
        return [MinHashConfig(**base, bands=opt["bands"], rows=opt["rows"])]
    chosen = choose_bands_rows(opt["threshold"], opt["num_perm"])
    shapes = {(opt["num_perm"] // r, r) for r in range(2, min(opt["num_perm"], 20) + 1)}
    shapes.add(chosen)
    return [MinHashConfig(**base, bands=b, rows=r) for b, r in sorted(shapes, key=lambda s: s[1])]


@click.command("dedup")
@click.argument("inputs", nargs=-1)
@click.option(
    "--synthetic",
    type=click.IntRange(min=2),
    help="Evaluate on this many generated documents with injected near duplicates.",
)
@click.option(
    "--sample",
    default=20000,
    show_default=True,
    type=click.IntRange(min=2),
    help="Documents sampled from INPUTS.",
)
@minhash_options
@click.option("--sweep", is_flag=True, help="Try every bands x rows shape for --num-perm.")
@click.option("--text-field", default="text", show_default=True)
@click.option("--seed", default=0, show_default=True, type=int)
@click.option(
    "--json",
    "json_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the results as JSON.",
)
def command(**opt: Any) -> None:
    """Precision and recall of near-duplicate pairs against brute-force Jaccard.

    Every pair of the sample with Jaccard >= threshold is found exactly; the
    table shows which of them MinHash-LSH finds with each bands x rows shape.
    """
    from thresher.dedup.evaluate import evaluate_minhash, exact_similar_pairs, shingle_sets
    from thresher.dedup.synthetic import synthetic_corpus

    if opt["synthetic"]:
        texts = synthetic_corpus(opt["synthetic"], seed=opt["seed"]).texts
    elif opt["inputs"]:
        texts = _sample_texts(opt["inputs"], opt["text_field"], opt["sample"], opt["seed"])
    else:
        raise CommandError("give INPUTS to sample from, or --synthetic N")
    configs = _configs(opt)
    truth = exact_similar_pairs(shingle_sets(texts, opt["ngram"]), opt["threshold"])
    click.echo(f"{len(texts)} documents, {len(truth)} pairs with Jaccard >= {opt['threshold']}")
    header = f"{'bands':>5} {'rows':>4} {'P(cand|t)':>9} {'found':>7} {'precision':>9} {'recall':>7}"
    click.echo(header)
    click.echo("-" * len(header))
    evaluations = []
    for config in configs:
        ev = evaluate_minhash(texts, config, truth)
        evaluations.append(ev)
        chance = candidate_probability(ev.threshold, ev.bands, ev.rows)
        click.echo(
            f"{ev.bands:>5} {ev.rows:>4} {chance:>9.3f} {ev.found_pairs:>7}"
            f" {ev.precision:>9.4f} {ev.recall:>7.4f}"
        )
    if len(evaluations) == 1:
        for span, (count, recall) in evaluations[0].recall_by_similarity.items():
            click.echo(f"  recall for Jaccard in {span}: {recall:.4f} ({count} pairs)")
    if opt["json_path"] is not None:
        results = [ev.to_json() for ev in evaluations]
        opt["json_path"].write_bytes(orjson.dumps(results, option=orjson.OPT_INDENT_2))
