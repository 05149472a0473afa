"""Function words per language, for the stop-word density of a line.

Prose is full of function words ("the", "und", "de", "的"); menus, headlines and
form labels hardly have any, in every language. The compact lists below (written for
thresher: articles, pronouns, prepositions, conjunctions, auxiliaries) cover the
languages most frequent on the web; other languages fall back to the lists of the
``stopwordsiso`` package (MIT) when it is installed, and to a union of the compact
lists otherwise. Languages written without spaces are measured per character.
"""

from __future__ import annotations

import contextlib
import functools
import logging

logger = logging.getLogger(__name__)

_COMPACT: dict[str, str] = {
    "en": "the a an and or but of to in on at for with from by as is are was were be been "
    "being it its this that these those he she they we you i his her their our your my "
    "not no have has had do does did will would can could should may might must there "
    "which who whom what when where why how than then so if about into over after before "
    "also just more most some any all such only very up out them him us me",
    "de": "der die das den dem des ein eine einer eines einem einen und oder aber auch "
    "nicht kein keine ist sind war waren wird werden wurde wurden hat haben hatte sein "
    "im in am an auf aus bei mit nach von vor zu zum zur für über unter durch gegen um "
    "ich du er sie es wir ihr man sich sein seine ihre dass daß wie als wenn so noch nur "
    "schon sehr mehr dies diese dieser dieses jetzt dann doch denn da wo was wer",
    "fr": "le la les l un une des du de d et ou mais donc or ni car est sont était être "
    "a ont avait avoir en dans sur sous par pour avec sans chez entre vers au aux ce cet "
    "cette ces il elle ils elles on nous vous je tu se sa son ses leur leurs qui que quoi "
    "dont où ne pas plus très aussi comme si y c qu n s",
    "es": "el la los las lo un una unos unas y o pero ni que de del en con por para sin "
    "sobre entre hasta desde es son era fue ser está están ha han había se su sus le les "
    "al como más muy también ya no si este esta estos estas ese esa eso yo tú él ella "
    "nosotros ellos ellas me te nos cuando donde porque",
    "it": "il lo la i gli le un uno una e ed o ma che di del della dei degli delle da dal "
    "dalla in nel nella con su sul sulla per tra fra è sono era erano essere ha hanno "
    "aveva si non più anche come se questo questa quello quella ci ne al alla ai io tu "
    "lui lei noi voi loro mi ti suo sua suoi",
    "pt": "o a os as um uma uns umas e ou mas que de do da dos das em no na nos nas com "
    "por para pelo pela sem sobre entre é são era foi ser está estão tem têm se seu sua "
    "seus suas ao à como mais muito também já não este esta isso esse essa eu ele ela "
    "nós eles elas me lhe quando onde porque",
    "nl": "de het een en of maar dat die dit deze van in op aan met voor naar bij door "
    "over uit om tot is zijn was waren wordt worden werd heeft hebben had niet geen ook "
    "als dan nog wel zo er hij zij ze we wij je jij ik u men zich hun haar zijn",
    "ru": "и в во не что он она оно они на я с со как а то все так его но да ты к у же "
    "вы за бы по только ее её мне было вот от меня еще ещё нет о из ему теперь когда "
    "даже ну ли если уже или ни быть был была были до вас нибудь опять уж вам ведь там "
    "потом себя ничего ей может тут где есть надо для мы тебя их чем сам без это этот "
    "эта эти который которые также при",
    "pl": "i w we z ze na do nie że to jest są był była było być się o od po za przez dla "
    "jak ale lub czy a oraz już tak też tylko jego jej ich on ona ono oni my wy ja ty "
    "ten ta te tego tej który która które przy pod nad bardzo",
    "sv": "och i att det som en ett på är av för med till den har de inte om ett han hon "
    "vi ni jag du var men så från kan eller när då också vid under efter",
    "da": "og i at det som en et på er af for med til den har de ikke om han hun vi jeg "
    "du var men så fra kan eller når også ved efter",
    "no": "og i at det som en et på er av for med til den har de ikke om han hun vi jeg "
    "du var men så fra kan eller når også ved etter",
    "fi": "ja on ei se että oli ovat olla hän he me te minä sinä mutta tai kun jos niin "
    "kuin myös sekä joka jotka tämä nämä siitä sen ole",
    "cs": "a i v ve na s se z ze do je jsou byl byla bylo být že to ten ta to jak ale "
    "nebo pro po od o k ke u za při jeho její jejich který která které také jen už",
    "tr": "ve bir bu da de ile için ama gibi çok daha olan olarak en ne o şu ki mi değil "
    "var yok her sonra kadar ise veya",
    "id": "yang dan di ke dari ini itu dengan untuk pada adalah dalam tidak akan juga "
    "atau oleh karena sebagai ada saya kami mereka ia dia telah sudah",
    "vi": "và của là có được cho trong không những các một người này đã với khi thì để cũng như đến từ ra về",
    "ar": "في من على إلى عن أن إن أو و ثم هذا هذه ذلك التي الذي كان كانت قد لا ما مع "
    "بعد قبل بين كما حتى عند هو هي هم",
    "hu": "a az és hogy nem is egy ez az van volt de meg csak már mint még ha vagy által után között",
    "ro": "și în la de pe cu că nu o un a al ale este sunt era fost ca mai din pentru care sau dar se",
    "uk": "і й в у на не що з із до за як але та це він вона вони ми ви я був була було "
    "бути також для від по при який яка які",
    "el": "και το η ο οι τα του της των σε στο στη στην με για από που να δεν είναι ήταν θα ως ένα μια",
}

# Per-character function words of languages written without spaces.
_CHAR_STOPS: dict[str, str] = {
    "zh": "的了是在和有我他这也就不都一们来到为说对与而但被把从将以其"
    "之于中上个地得着过要会能可所等及或她它你",
    "ja": "のにはをがでとたてしもなるからますいうこれそれあるです",
    "th": "ที่และในของการเป็นได้ไม่มีจะให้ว่าก็",
}
CHAR_LANGUAGES = frozenset(_CHAR_STOPS)


@functools.cache
def stop_words(language: str) -> frozenset[str]:
    """Function words of ``language`` (lower case); a multilingual union when unknown.
    (Made once per language and process: every page of that language reads the same set.)"""
    lang = language.split("-")[0].split("_")[0].lower()
    if lang in _COMPACT:
        return frozenset(_COMPACT[lang].split())
    if lang in _CHAR_STOPS:
        return frozenset(_CHAR_STOPS[lang])
    fallback = _from_stopwordsiso(lang)
    return fallback if fallback else _union()


def load() -> None:
    """Load the fallback lists now (importing ``stopwordsiso`` reads all its languages,
    ~0.1 s): a once-per-process cost for a step's setup, not for the first page in a
    language the compact lists lack."""
    with contextlib.suppress(ImportError):
        import stopwordsiso  # noqa: F401


def _from_stopwordsiso(lang: str) -> frozenset[str]:
    try:
        import stopwordsiso
    except ImportError:
        return frozenset()
    try:
        words = stopwordsiso.stopwords(lang)
    except (KeyError, ValueError):  # pragma: no cover - depends on the package version
        return frozenset()
    # The package's lists are long; short words are the function words among them.
    return frozenset(w.lower() for w in words if len(w) <= 5 and " " not in w)


@functools.cache
def _union() -> frozenset[str]:
    words: set[str] = set()
    for text in _COMPACT.values():
        words.update(text.split())
    return frozenset(words)
