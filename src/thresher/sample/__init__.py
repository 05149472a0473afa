"""A small synthetic crawl (pages written for thresher) to try the pipeline on."""

from thresher.sample.crawl import write_sample_crawl

__all__ = ["write_sample_crawl"]
