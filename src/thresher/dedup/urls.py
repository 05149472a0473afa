"""URL normalisation: two URLs of the same page map to the same key.

The scheme (``http``/``https``), a leading ``www.``, default ports, the fragment,
tracking parameters (``utm_*``, ``fbclid``, ``gclid``...), the order of query
parameters, a trailing slash and ``index.html``-style file names are ignored; the
host is lower-cased and IDNA-decoded, percent-escapes are normalised.
"""

from __future__ import annotations

import contextlib
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit

import xxhash

_TRACKING_PREFIXES = ("utm_", "mc_", "pk_", "hsa_")
_TRACKING_NAMES = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "msclkid",
        "yclid",
        "igshid",
        "_ga",
        "ref_src",
        "sessionid",
        "phpsessid",
        "sid",
        "jsessionid",
        "spm",
        "share",
        "ocid",
    }
)
_INDEX_FILES = ("index.html", "index.htm", "index.php", "default.aspx", "index.shtml")
_SAFE_PATH = "/:@!$&'()*+,;=-._~"


def _host(netloc: str) -> str:
    host = netloc.rsplit("@", 1)[-1].lower()
    if host.endswith((":80", ":443")):
        host = host.rsplit(":", 1)[0]
    host = host.rstrip(".")
    if "xn--" in host:
        with contextlib.suppress(UnicodeError):
            host = host.encode("ascii").decode("idna")
    return host.removeprefix("www.")


def _path(path: str) -> str:
    path = quote(unquote(path), safe=_SAFE_PATH)
    for name in _INDEX_FILES:
        if path.endswith("/" + name):
            path = path[: -len(name)]
            break
    return path.rstrip("/") or "/"


def _query(query: str) -> str:
    pairs = [
        (key, value)
        for key, value in parse_qsl(query, keep_blank_values=True)
        if not key.lower().startswith(_TRACKING_PREFIXES) and key.lower() not in _TRACKING_NAMES
    ]
    return urlencode(sorted(pairs))


def normalize_url(url: str) -> str:
    """The canonical form of ``url`` used to find URL duplicates ("" if unusable)."""
    url = url.strip()
    if not url:
        return ""
    try:
        parts = urlsplit(url if "://" in url else "http://" + url)
    except ValueError:
        return url
    host = _host(parts.netloc)
    if not host:
        return url
    query = _query(parts.query)
    return f"{host}{_path(parts.path)}" + (f"?{query}" if query else "")


def url_key(url: str | None) -> int | None:
    """64-bit key of the normalised URL, ``None`` when there is no usable URL."""
    if not url:
        return None
    normal = normalize_url(url)
    return xxhash.xxh3_64_intdigest(normal.encode("utf-8", "replace"), seed=7) if normal else None
