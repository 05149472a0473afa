"""C4's rules (Raffel et al., 2020) as datatrove's ``C4QualityFilter`` applies them.

Line rules remove lines (counted by reason in ``doc.meta["c4_line_removals"]``): a word over
``max_word_length`` characters, no terminal punctuation (or an ellipsis), fewer than
``min_words_per_line`` words, ``javascript``, a cookie or terms-of-use phrase. Document
rules drop the page: ``lorem ipsum``, a curly bracket, fewer than ``min_num_sentences``
sentences in the kept lines. Wikipedia-style citations (``[1]``, ``[edit]``) are removed.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from enum import StrEnum

from thresher.document import Document, Drop
from thresher.errors import ConfigError
from thresher.filters._common import resolve_profile, store_signals
from thresher.filters._english_data import SENTENCE_ENDS
from thresher.filters.languages import ENGLISH, LanguageProfile, words_of
from thresher.filters.words import count_sentences
from thresher.step import DocStep

_CITATION = re.compile(r"\[\d*]|\[edit]|\[citation needed]")
_END_PUNCTUATION = (".", "?", "!", '"', "'")
_WIDE_END_PUNCTUATION = (*SENTENCE_ENDS, '"', "'", "”", "’", "»", "«", "」", "』", "“")
_ELLIPSIS = "..."
_POLICY = ("terms of use", "privacy policy", "cookie policy", "uses cookies", "use of cookies", "use cookies")
_SENTENCE = re.compile(r"\S.*?(?:[.!?。！？]+[\"'”’»)]*(?=\s|$)|$)", re.DOTALL)
LINE_REMOVALS_KEY = "c4_line_removals"


class C4Reason(StrEnum):
    LOREM_IPSUM = "c4_lorem_ipsum"
    CURLY_BRACKET = "c4_curly_bracket"
    TOO_FEW_SENTENCES = "c4_too_few_sentences"


class C4LineReason(StrEnum):
    TOO_LONG_WORD = "too_long_word"
    NO_TERMINAL_PUNCT = "no_terminal_punct"
    TOO_FEW_WORDS = "too_few_words"
    JAVASCRIPT = "javascript"
    POLICY = "policy"


@dataclass
class C4QualityFilter(DocStep):
    """C4's line and document rules with datatrove's parameter names and defaults.

    ``None`` (or datatrove's ``-1``) turns a numeric rule off. ``split_paragraph=False``
    applies the line rules to sentences (split at sentence-final punctuation) instead of
    lines. Other languages than English accept every Unicode sentence terminal and closing
    quote as a line end and count words as their language segments them.
    """

    name = "c4_quality"
    split_paragraph: bool = True
    remove_citations: bool = True
    filter_no_terminal_punct: bool = True
    min_num_sentences: int | None = 5
    min_words_per_line: int | None = 3
    max_word_length: int | None = 1000
    filter_lorem_ipsum: bool = True
    filter_javascript: bool = True
    filter_curly_bracket: bool = True
    filter_policy: bool = True
    language: str | None = None
    signals: bool = False

    def __post_init__(self) -> None:
        for key in ("min_num_sentences", "min_words_per_line", "max_word_length"):
            value = getattr(self, key)
            if value == -1:
                setattr(self, key, None)
            elif value is not None and value < 0:
                raise ConfigError(f"{self.name}.{key} must be >= 0, -1 or None (got {value!r})")

    def apply(self, doc: Document) -> Document | Drop:
        profile = resolve_profile(doc, self.language)
        if self.split_paragraph:
            units = doc.text.splitlines()
        else:
            units = [match.group().strip() for match in _SENTENCE.finditer(doc.text)]
        removed: Counter[str] = Counter()
        kept: list[str] = []
        sentences = 0
        for raw in units:
            line = raw.strip()
            if not line:
                continue
            outcome = self._judge_line(line, profile)
            if isinstance(outcome, Drop):
                return outcome
            if isinstance(outcome, C4LineReason):
                removed[outcome] += 1
                continue
            if self.min_num_sentences is not None:
                sentences += self._sentences(outcome, profile)
            kept.append(outcome)
        doc.meta[LINE_REMOVALS_KEY] = {str(key): count for key, count in removed.items()}
        if self.signals:
            store_signals(doc, {"c4_sentences": sentences, "c4_kept_lines": len(kept)})
        if self.min_num_sentences is not None and sentences < self.min_num_sentences:
            return Drop(C4Reason.TOO_FEW_SENTENCES, f"{sentences} < {self.min_num_sentences}")
        doc.text = ("\n" if self.split_paragraph else " ").join(kept).strip()
        return doc

    def _sentences(self, line: str, profile: LanguageProfile) -> int:
        if not self.split_paragraph:
            return 1
        return count_sentences(words_of(line, profile))

    def _judge_line(self, line: str, profile: LanguageProfile) -> str | C4LineReason | Drop:
        """The kept line, the reason it is removed, or a Drop of the whole document."""
        words = line.split()
        limit = self.max_word_length
        if limit is not None and any(len(word) > limit for word in words):
            return C4LineReason.TOO_LONG_WORD
        if self.remove_citations:
            line = _CITATION.sub("", line)
        ends = _END_PUNCTUATION if profile.code == ENGLISH else _WIDE_END_PUNCTUATION
        if self.filter_no_terminal_punct and (not line.endswith(ends) or line.endswith(_ELLIPSIS)):
            return C4LineReason.NO_TERMINAL_PUNCT
        n_words = len(words) if profile.spaced else len(words_of(line, profile))
        if self.min_words_per_line is not None and n_words < self.min_words_per_line:
            return C4LineReason.TOO_FEW_WORDS
        lowered = line.lower()
        if self.filter_lorem_ipsum and "lorem ipsum" in lowered:
            return Drop(C4Reason.LOREM_IPSUM)
        if self.filter_javascript and "javascript" in lowered:
            return C4LineReason.JAVASCRIPT
        if self.filter_curly_bracket and "{" in line:
            return Drop(C4Reason.CURLY_BRACKET)
        if self.filter_policy and any(phrase in lowered for phrase in _POLICY):
            return C4LineReason.POLICY
        return line
