"""HTML helpers shared by readers and extractors: decoding, guards, visible text."""
