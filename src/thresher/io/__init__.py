"""Reading crawl inputs into Documents and writing Documents out."""

from thresher.io.readers import ReaderOptions, Skip, read_input
from thresher.io.sources import InputFile, InputKind, Shard, discover_inputs, plan_shards

__all__ = [
    "InputFile",
    "InputKind",
    "ReaderOptions",
    "Shard",
    "Skip",
    "discover_inputs",
    "plan_shards",
    "read_input",
]
