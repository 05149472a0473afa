"""What the word-counting rules need to know about a language.

English follows datatrove exactly (spaCy-style words, Gopher's eight stop words, C4's
``. ? ! " '`` line ends) so that decisions agree with it. Other languages get what they need
instead of English assumptions (see ``docs/filters.md``):

* **segmentation**: languages written with spaces are split like English; Chinese, Japanese,
  Thai, Lao, Khmer, Myanmar and Tibetan have no spaces between words, so each character of
  those scripts counts as one word (other runs in the same text are split as usual);
* **stop words**: a short list of the most frequent function words per language, compared
  case-insensitively (about 40 languages); a language without a list skips the stop-word
  rule rather than
  failing it (English stop words on a German page would drop every German page);
* **word length**: the Gopher mean-word-length rule only applies to alphabetic scripts written
  with spaces (not to Chinese, Japanese, Korean, Amharic...);
* **n-grams**: where each character counts as a word, Gopher's repetition n-grams span twice
  as many characters (a 5-gram becomes 10 characters), about as much text as 5 words;
* **line ends**: every Unicode sentence terminal and closing quote ends a sentence line.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from thresher.filters.words import english_words, split_chunk

ENGLISH = "en"
CHARACTERS_PER_WORD = 2  # a Chinese or Japanese word is one to three characters

_GOPHER_STOP_WORDS = frozenset(("the", "be", "to", "of", "and", "that", "have", "with"))

_STOP_WORDS: dict[str, str] = {
    "de": "der die das und ist nicht zu den von mit sich des auf für ein eine im dem",
    "fr": "le la les de des et est un une du en que qui dans pour pas",
    "es": "el la los las de y que en un una es por con para del se",
    "it": "il la di che è un una per in del non con sono le gli",
    "pt": "o a os as de que do da em um uma para com não é",
    "nl": "de het een en van is dat niet op te in zijn met voor",
    "ru": "и в не на что с по это как он к но из",
    "uk": "і в на що з не до як це та",
    "pl": "i w nie na się z do że to jest jak o",
    "cs": "a se na je v že to s z do ve jako",
    "sv": "och i att det som en på är av för med till",
    "da": "og i at det er en til på som af med for",
    "no": "og i det er til på som en av for med å",
    "nb": "og i det er til på som en av for med å",
    "fi": "ja on ei että se oli hän kun mutta myös",
    "tr": "ve bir bu da de için ile çok olarak gibi",
    "id": "yang dan di dengan untuk ini dari dalam itu tidak",
    "vi": "và của là có được trong cho không những một",
    "ro": "și de la în a cu că nu pe care",
    "hu": "a az és hogy nem is egy meg",
    "el": "και το η να του της με που",
    "ar": "في من على أن إلى عن مع هذا التي الذي",
    "fa": "و در به از که این را با است",
    "he": "של את על עם לא זה גם הוא",
    "hi": "के है में की और से को का एक",
    "ca": "el la de i que a en un una per amb no es els les",
    "hr": "i je u na da se za su od ne što kao",
    "sr": "и у на да се за је од не са i u na da se za je od ne sa",
    "sk": "a je sa na v že to z do ako aj pre",
    "sl": "in je v na da se za so ki ne to pa",
    "bg": "и в на да се за от че е не са по",
    "lt": "ir kad yra į su ne bet tai kaip iš",
    "lv": "un ir ar uz par ka no kas arī lai",
    "et": "ja on et ei see ka kui oli ning mis",
    "ms": "yang dan di untuk dengan ini itu dari dalam tidak",
    "tl": "ang ng sa na at mga ay hindi ko si",
    "sw": "na ya wa kwa ni za katika la kwamba hii",
    "bn": "এবং এই করে হয় না যে থেকে ও একটি",
    "ur": "کے کی ہے اور میں سے کو نے کا",
    "zh": "的 是 在 了 和 有 不 我 这 也 人 们",
    "ja": "の に は を た が で て と し",
}

# Korean words (eojeol) average under 3 Hangul syllables, as do Amharic and Tigrinya words
# written in Ethiopic syllables: the 3-10 character mean-length rule is for alphabets.
_SHORT_WORD_SCRIPTS = frozenset(("ko", "am", "ti"))
_UNSPACED = frozenset(("zh", "ja", "th", "lo", "km", "my", "bo", "wuu", "yue"))
# Han, kana, Thai, Lao, Tibetan, Myanmar, Khmer and CJK punctuation-free letters.
_UNSPACED_CHAR = re.compile(
    r"([\u0e00-\u0eff\u0f00-\u0fff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff"
    r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f])"
)


@dataclass(frozen=True, slots=True)
class LanguageProfile:
    """How the quality rules treat one language."""

    code: str
    spaced: bool
    stop_words: frozenset[str] | None
    fold_case: bool

    @property
    def checks_word_length(self) -> bool:
        """False for scripts whose words are a few dense characters (Hangul, Han, Ethiopic)."""
        return self.spaced and self.code not in _SHORT_WORD_SCRIPTS

    @property
    def ngram_scale(self) -> int:
        """Words per n-gram word: 2 characters stand for one word where each character counts."""
        return 1 if self.spaced else CHARACTERS_PER_WORD

    def count_stop_words(self, words: list[str]) -> int | None:
        """Distinct stop words among ``words``; None when the language has no list."""
        if self.stop_words is None:
            return None
        present = {word.lower() for word in words} if self.fold_case else set(words)
        return len(self.stop_words & present)


@functools.cache
def profile_for(language: str) -> LanguageProfile:
    """The profile of an ISO 639 code (``de``, ``zh``, ``pt-BR``...); unknown codes get none."""
    code = language.lower().replace("_", "-").split("-")[0]
    if code == ENGLISH:
        return LanguageProfile(ENGLISH, True, _GOPHER_STOP_WORDS, False)
    listed = _STOP_WORDS.get(code)
    stop_words = frozenset(listed.split()) if listed else None
    return LanguageProfile(code, code not in _UNSPACED, stop_words, True)


def _unspaced_words(text: str) -> list[str]:
    words: list[str] = []
    for chunk in text.split():
        if chunk.isascii():
            words.extend(split_chunk(chunk))
            continue
        for piece in _UNSPACED_CHAR.split(chunk):
            if not piece:
                continue
            if len(piece) == 1 and _UNSPACED_CHAR.match(piece):
                words.append(piece)
            else:
                words.extend(split_chunk(piece))
    return words


@functools.lru_cache(maxsize=8)
def _cached_words(text: str, spaced: bool) -> tuple[str, ...]:
    return tuple(english_words(text) if spaced else _unspaced_words(text))


def words_of(text: str, profile: LanguageProfile) -> tuple[str, ...]:
    """The words of ``text`` as the profile segments them (the last few texts are cached)."""
    return _cached_words(text, profile.spaced)
