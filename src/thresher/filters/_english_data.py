"""Tables behind :mod:`thresher.filters.words`: English punctuation, units and special cases.

The lists were written for thresher by checking how spaCy's blank English tokenizer treats
each form (``Mr.`` stays whole, ``Col.`` loses its period, ``dont`` becomes ``do`` ``nt``),
so that word and sentence counts agree with datatrove's; they are not copied from spaCy.
"""

from __future__ import annotations

PUNCT = "…,:;!?¿؟¡()[]{}<>_#*&。？！，、；：～·।،۔؛٪"
QUOTES = "'\"”“`‘´’‚„»«「」『』（）〔〕【】《》〈〉⟨⟩"
PREFIX_CHARS = frozenset(PUNCT + QUOTES + "§%=—–")
SUFFIX_CHARS = frozenset(PUNCT + QUOTES + "—–")
PERIOD_AFTER = frozenset(PUNCT + QUOTES + "%²-+")
MULTI_CHAR_CURRENCIES = ("US$", "C$", "A$")

_UNITS = (
    "km km² km³ m m² m³ dm dm² dm³ cm cm² cm³ mm mm² mm³ ha µm nm yd in ft kg g mg µg t lb oz "
    "m/s km/h kmh mph hPa Pa mbar mb MB kb KB gb GB tb TB T G M K % "
    "км км² км³ м м² м³ дм см мм нм кг г мг м/с км/ч кПа Па мбар Кб КБ кб Мб МБ мб Гб ГБ гб"
)
UNITS_BY_LENGTH = tuple(sorted(set(_UNITS.split()), key=len, reverse=True))

# Unicode's Sentence_Terminal characters (every script's full stop, question and exclamation).
SENTENCE_ENDS = frozenset(
    "!.?։؝؞؟۔܀܁܂߹࠷࠹࠽࠾।॥၊။።፧፨᙮᜵᜶។៕᠃᠉᥄᥅᪨᪩᪪᪫\u1b4e\u1b4f᭚᭛᭞᭟᭽᭾\u1b7f᰻᰼᱾᱿․‼‽⁇⁈⁉⳹⳺⳻⸮⸼⹓⹔"
    "\u2e60\u2e61\u3002\ua4ff\ua60e\ua60f\ua6f3\ua6f7\ua876\ua877\ua8ce\ua8cf\ua92f"
    "\ua9c8\ua9c9\uaa5d\uaa5e\uaa5f\uaaf0\uaaf1\uabeb\ufe12\ufe15\ufe16\ufe52\ufe56"
    "\ufe57\uff01\uff0e\uff1f\uff61\U00010a56\U00010a57\U00010f55\U00010f56\U00010f57"
    "\U00010f58\U00010f59\U00010f86\U00010f87\U00010f88\U00010f89\U00011047\U00011048"
    "\U000110be\U000110bf\U000110c0\U000110c1\U00011141\U00011142\U00011143\U000111c5"
    "\U000111c6\U000111cd\U000111de\U000111df\U00011238\U00011239\U0001123b\U0001123c"
    "\U000112a9\U000113d4\U000113d5\U0001144b\U0001144c\U000115c2\U000115c3\U000115c9"
    "\U000115ca\U000115cb\U000115cc\U000115cd\U000115ce\U000115cf\U000115d0\U000115d1"
    "\U000115d2\U000115d3\U000115d4\U000115d5\U000115d6\U000115d7\U00011641\U00011642"
    "\U0001173c\U0001173d\U0001173e\U00011944\U00011946\U00011a42\U00011a43\U00011a9b"
    "\U00011a9c\U00011c41\U00011c42\U00011ef7\U00011ef8\U00011f43\U00011f44\U00016a6e"
    "\U00016a6f\U00016af5\U00016b37\U00016b38\U00016b44\U00016d6e\U00016d6f\U00016e98"
    "\U0001bc9f\U0001da88"
)

_KEPT_ABBREVIATIONS = (
    "Mr. Mrs. Ms. Dr. St. Jr. Prof. Messrs. Rep. Gen. Sen. Gov. Mt. Rev. Inc. Ltd. Co. co. "
    "Corp. vs. v. e.g. i.e. a.m. p.m. Jan. Feb. Mar. Apr. Jun. Jul. Aug. Sep. Sept. Oct. "
    "Nov. Dec. Ala. Ariz. Ark. Calif. Colo. Conn. Del. Fla. Ga. Ill. Ind. Kan. Ky. La. Md. "
    "Mass. Mich. Minn. Miss. Mo. Neb. Nev. Okla. Ore. Pa. Tenn. Va. Wash. Wis. "
    "'em 'cause ’em ’cause 's 'S ’s ’S 're 've 'll 'd 'm ’re ’ve ’ll ’d ’m and/or v.s."
)
_EMOTICONS = (
    ":) :-) ;) ;-) :( :-( :D :-D :P :-P :p :/ :-/ :| :o :O :3 :> :] :'( =) =( 8) (: ): "
    "<3 </3 ^_^ ^__^ -_- -__- o.O O.o O.O o.o xD XD xDD XDD ;D"
)
_NOT_VERBS = (
    "do does did is are was were has have had could would should might must need ought dare ca wo ai sha"
)
# Pronoun -> endings that spaCy splits off when written without an apostrophe.
_BARE_ENDINGS = {
    "i": "m ve d dve llve",
    "you": "re ve ll d dve llve",
    "he": "s d dve llve",
    "she": "s dve llve",
    "it": "d dve ll llve",
    "we": "ve d dve llve",
    "they": "re ve ll d dve llve",
    "who": "s ve ll d dve llve",
    "what": "s re ve ll d dve llve",
    "when": "s re ve ll d dve llve",
    "where": "s re ve ll d dve llve",
    "why": "s re ve ll d dve llve",
    "how": "s re ve ll d dve llve",
    "there": "s re ve ll d dve llve",
    "that": "s ll d dve llve",
    "this": "s ll d dve llve",
    "these": "re ve ll d dve llve",
    "those": "re ve ll d dve llve",
}
_APOSTROPHE_ENDINGS = ("re", "ve", "ll", "d")


def _cased(word: str) -> tuple[str, ...]:
    return (word, word[0].upper() + word[1:])


def _ending_parts(ending: str) -> tuple[str, ...]:
    """``dve`` -> (``d``, ``ve``); ``llve`` -> (``ll``, ``ve``)."""
    if ending in ("dve", "llve"):
        return (ending[:-2], "ve")
    return (ending,)


def _build_special_cases() -> dict[str, tuple[str, ...]]:
    cases: dict[str, tuple[str, ...]] = {}
    for word in _KEPT_ABBREVIATIONS.split() + _EMOTICONS.split():
        cases[word] = (word,)
    for letter in "abcdefghijklmnopqrstuvwxyzäöü":
        cases[letter + "."] = (letter + ".",)
    for verb in _NOT_VERBS.split():
        for cased in _cased(verb):
            cases[cased + "nt"] = (cased, "nt")
            for apostrophe in "'’":
                cases[cased + "n" + apostrophe + "t"] = (cased, "n" + apostrophe + "t")
    for pronoun, endings in _BARE_ENDINGS.items():
        for cased in _cased(pronoun):
            for ending in endings.split():
                cases[cased + ending] = (cased, *_ending_parts(ending))
            for apostrophe in "'’":
                for ending in (*_APOSTROPHE_ENDINGS, "m"):
                    if ending == "m" and pronoun != "i":
                        continue
                    cases[cased + apostrophe + ending] = (cased, apostrophe + ending)
    for cased in _cased("gonna"):
        cases[cased] = (cased[:3], "na")
    for cased in _cased("gotta"):
        cases[cased] = (cased[:3], "ta")
    for cased in _cased("cannot"):
        cases[cased] = (cased[:3], "not")
    for verb in ("would", "could", "should", "might", "must"):
        for cased in _cased(verb):
            for apostrophe in "'’":
                cases[cased + apostrophe + "ve"] = (cased, apostrophe + "ve")
    for hour in range(1, 13):
        for period in ("am", "pm", "a.m.", "p.m."):
            cases[f"{hour}{period}"] = (str(hour), period)
    cases["yall"] = ("y", "all")
    cases["y'all"] = ("y'", "all")
    cases["y’all"] = ("y’", "all")
    return cases


SPECIAL_CASES: dict[str, tuple[str, ...]] = _build_special_cases()
