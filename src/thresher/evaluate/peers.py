"""Peer extractors measured beside thresher (each imported only when asked for).

Every adapter is ``html -> text`` with the peer's documented main-content call:
trafilatura ``extract(include_comments=False)``, resiliparse
``extract_plain_text(main_content=True, alt_texts=False)``, readability-lxml ``Document.summary()``
turned into text.
"""

from __future__ import annotations

from collections.abc import Callable

from thresher.errors import ConfigError

Extractor = Callable[[str, str | None], str]


def _trafilatura() -> Extractor:
    import trafilatura

    def run(html: str, url: str | None) -> str:
        return trafilatura.extract(html, url=url, include_comments=False) or ""

    return run


def _resiliparse() -> Extractor:
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.html import HTMLTree

    def run(html: str, url: str | None) -> str:
        return str(extract_plain_text(HTMLTree.parse(html), main_content=True, alt_texts=False))

    return run


def _readability() -> Extractor:
    from readability import Document
    from selectolax.lexbor import LexborHTMLParser

    def run(html: str, url: str | None) -> str:
        summary = Document(html, url=url).summary(html_partial=True)
        node = LexborHTMLParser(summary).body
        return node.text(separator="\n") if node is not None else ""

    return run


_PEERS: dict[str, Callable[[], Extractor]] = {
    "trafilatura": _trafilatura,
    "resiliparse": _resiliparse,
    "readability": _readability,
}
PEER_NAMES = tuple(_PEERS)


def load_peer(name: str) -> Extractor:
    """The extractor function of peer ``name``; ConfigError if unknown, ImportError if absent."""
    factory = _PEERS.get(name)
    if factory is None:
        raise ConfigError(f"peers: unknown peer {name!r} (known: {', '.join(PEER_NAMES)})")
    return factory()
