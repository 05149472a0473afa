"""What class and id names say about an element, in several languages.

Names are matched as substrings of the lower-cased ``class`` and ``id`` values, so
``article-body``, ``articleBody`` and ``post_content`` all count as content.
"""

from __future__ import annotations

import functools
import re

# Containers of the main text (en, de, fr, es, it, pt, nl, pl, ru transliterated).
_POSITIVE = re.compile(
    r"article|body|content|entry|main|post|story|text|blog|hentry|prose|page-?content|"
    r"artikel|inhalt|beitrag|meldung|texto|contenu|corpo|conteudo|noticia|nota|"
    r"tresc|tekst|statya|richtext|rte"
)
# Boilerplate: comments, navigation, sharing, ads, consent, related links.
_NEGATIVE = re.compile(
    r"comment|sidebar|side-bar|footer|foot\b|masthead|nav|menu|breadcrumb|share|sharing|"
    r"social|related|recommend|promo|advert|\bads?\b|\bad-|-ad\b|sponsor|cookie|consent|"
    r"gdpr|banner|newsletter|subscri|signup|sign-up|login|popup|modal|overlay|widget|"
    r"pagination|pager|disqus|outbrain|taboola|teaser|toolbar|tags\b|tagcloud|rating|"
    r"author-?bio|about-?author|byline|dateline|meta-?data|print|skip|hidden|caption|"
    r"gallery|slideshow|carousel|lightbox|"
    r"kommentar|werbung|anzeige|teilen|verwandt|weitere|empfehl|fusszeile|fußzeile|"
    r"datenschutz|commentaire|publicite|publicité|partage|pied|comentario|publicidad|"
    r"compartir|relacionad|commento|pubblicit|condividi|correlat|reageer|gerelateerd|"
    r"komentarz|reklama|powiazane|kommentarii|reklama"
)
# Words that mark a whole subtree as boilerplate when no content word rescues it.
_BOILERPLATE = re.compile(
    r"comment|sidebar|side-bar|footer|\bnav|navbar|navigation|menu|breadcrumb|share|"
    r"sharing|social|related|recommend|promo|advert|\bads?\b|\bad-|sponsor|cookie|consent|"
    r"gdpr|newsletter|subscri|signup|popup|modal|disqus|outbrain|taboola|pagination|"
    r"gallery|slideshow|carousel|lightbox|"
    r"kommentar|werbung|anzeige|teilen|verwandt|empfehl|datenschutz|commentaire|"
    r"publicit|partage|comentario|compartir|relacionad|commento|condividi|correlat|"
    r"reageer|gerelateerd|komentarz|reklama|powiazane"
)
_RESCUE = re.compile(r"article|content|entry|story|main|post-body|artikel|inhalt|hentry")
_COMMENT = re.compile(r"comment|kommentar|commentaire|comentario|commento|reageer|komentarz|disqus")
WEIGHT = 25


@functools.lru_cache(maxsize=65536)
def name_semantics(names: str) -> tuple[int, bool, bool]:
    """Weight, boilerplate flag and comment flag of a lower-cased class/id string."""
    weight = WEIGHT if _POSITIVE.search(names) else 0
    if _NEGATIVE.search(names) is None:  # every boilerplate and comment word is negative
        return weight, False, False
    boiler = _BOILERPLATE.search(names) is not None and _RESCUE.search(names) is None
    return weight - WEIGHT, boiler, _COMMENT.search(names) is not None
