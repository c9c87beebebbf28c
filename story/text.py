"""Text that can be stored, hashed and sent, English possessives in filled templates, and a verb said of many
(pure).

Python keeps bytes that are not valid UTF-8 as lone surrogates (``"\\udcff"``: an argv decoded with
``surrogateescape``, a JSON string with ``"\\ud800"``). Such a string can't be encoded to UTF-8, so it
would fail later (hashing, SQLite, the Bot API) with a traceback. ``check_utf8`` refuses it at the
door with the user-facing ``BadPremise``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Literal

from petreel.errors import BadPremise

_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
HAN = re.compile(r"[\u3400-\u9fff]")  # a hanzi (CJK ideographs and extension A): the writer's "is this Chinese" test
# one sentence of a line, its end mark kept (nothing after it): how riches, buying and outfits read a line sentence by
# sentence (``within`` keeps ellipses, closing quotes and the space after: its own ``_SENTENCE``)
SENTENCE = re.compile(r"[^.!?。！？]+[.!?。！？]?")


_PLURAL_OF = {"is": "are", "was": "were", "has": "have", "does": "do", "goes": "go", "isn't": "aren't",
              "wasn't": "weren't", "hasn't": "haven't", "doesn't": "don't"}
_NOT_VERBS = frozenset({"and", "as", "is", "was", "his", "its", "this", "plus", "less", "always", "across", "towards",
                        "unless", "yes", "us", "thus", "perhaps", "news", "whereas", "besides"})


def plural_verb(word: str) -> str:
    """A verb said of one ("comes", "carries", "rushes", "misses", "dies", "is") as said of many ("come", "carry",
    "rush", "miss", "die", "are"); a word that is no such verb ("this", "always", "run") as it is."""
    low = word.lower()
    if low in _PLURAL_OF:
        return _PLURAL_OF[low]
    if low in _NOT_VERBS or not low.endswith("s") or low.endswith("ss") or not low.isalpha():
        return word
    if low.endswith("ies") and len(low) > 4:
        return word[:-3] + "y"
    if re.search(r"(?:ch|sh|x|z|ss|o)es$", low):
        return word[:-2]
    return word[:-1]


def alternation(words: Sequence[str], english: bool) -> str:
    """A regex alternative of ``words``, the longest first: English ones as whole words (``\\b``), Chinese
    ones anywhere (no word breaks in hanzi)."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(rf"\b{re.escape(w)}\b" if english else re.escape(w) for w in ordered)


def is_utf8(text: str) -> bool:
    """True when ``text`` encodes to UTF-8 (it has no lone surrogates)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def check_utf8(text: str) -> str:
    """``text`` unchanged, or ``BadPremise`` when it is not valid UTF-8 text."""
    if not is_utf8(text):
        raise BadPremise("not valid UTF-8 text")
    return text


def script_language(premise: str) -> Literal["en", "zh"]:
    """The script follows the premise's language: any Chinese characters → Chinese, else English."""
    return "zh" if _HAN.search(premise) else "en"


_HAN_THEN_LATIN = re.compile(r"(?<=[\u3400-\u9fff\uf900-\ufaff])(?=[A-Za-z])|(?<=[A-Za-z])(?=[\u3400-\u9fff\uf900-\ufaff])")


def cjk_spaced(text: str) -> str:
    """Chinese text with one space between hanzi and a Latin word beside them (当CEO → 当 CEO,
    用App卖 → 用 App 卖), as Chinese typesetting writes mixed text; digits, punctuation and the
    rest are unchanged."""
    return _HAN_THEN_LATIN.sub(" ", text)


# a space or an emoji between two hanzi: where a Douyin premise's clauses meet (被丈母娘看不起 三年后他成了首富,
# 捡回家😭后来成了招牌猫); the emoji are kept, only the spaces go
_SPACED_CLAUSE = re.compile(r"(?<=[\u3400-\u9fff\uf900-\ufaff])([\s\U0001f000-\U0001faff\u2600-\u27bf\u200d\ufe0f]+)"
                            r"(?=[\u3400-\u9fff\uf900-\ufaff])")


def spaced_clauses(text: str) -> str:
    """Chinese clauses typed with a space or an emoji between them, as Douyin premises are (婆婆嫌弃儿媳
    天天挑刺), read as the clauses they are: a comma where they meet (婆婆嫌弃儿媳，天天挑刺), the emoji kept
    before it. Hanzi beside Latin words, digits or punctuation keep their spacing."""
    return _SPACED_CLAUSE.sub(lambda m: "".join(m.group(1).split()) + "，", text)


def possessive(name: str) -> str:
    """An English possessive: "Mango's", and "Whiskers'" for a name ending in s."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"


_POSSESSIVE = re.compile(r"\{(\w+)\}(['’])s\b")
FIELD = re.compile(r"\{([a-z_]+)\}")


def english_possessives(template: str, values: Mapping[str, str]) -> str:
    """``template`` with ``{field}'s`` written ``{field}'`` where the field's value ends in s, so a name
    like Whiskers reads "Whiskers'" once filled, not "Whiskers's" (other fields and text unchanged;
    Chinese templates have no ``'s``)."""

    def fix(m: re.Match[str]) -> str:
        value = values.get(m.group(1), "")
        return m.group(0)[:-1] if value.endswith("s") else m.group(0)

    return _POSSESSIVE.sub(fix, template)


# places said by their own name, never with "the" ("explores mars": on Mars, never "at the mars"); a planet is
# stood on, a city or a country is been in
PLANETS = frozenset({"mars", "venus", "jupiter", "saturn", "neptune", "uranus", "pluto"})
_NAMED_PLACES = frozenset({"paris", "tokyo", "london", "rome", "beijing", "shanghai", "hong kong", "new york",
                           "japan", "france", "italy", "america", "england", "korea", "seoul", "hawaii", "mexico"})


def proper_place(word: str) -> str | None:
    """A place said by its own name ("mars", "new york"), capitalised ("Mars", "New York"); None for any other."""
    low = word.strip().lower()
    return low.title() if low in PLANETS | _NAMED_PLACES else None


def places_capitalised(text: str) -> str:
    """``text`` with each place said by its own name capitalised, with no "the" ("explores mars": explores Mars)."""
    for low in sorted(PLANETS | _NAMED_PLACES, key=len, reverse=True):
        text = re.sub(rf"\b(?:[Tt]he )?{low}\b", low.title(), text)  # "flies to the mars": to Mars
    return text


def at_proper_place(name: str) -> str:
    """Where something is at a place of its own name: "on Mars", "in Paris"."""
    return f"{'on' if name.lower() in PLANETS else 'in'} {name}"


_ARTICLE_FIELD = re.compile(r"\b(a|an|the)\s+\{([a-z_]+)\}", re.IGNORECASE)
_DETERMINER = re.compile(r"(?:a|an|the|his|her|their|its|my|your|our)\s", re.IGNORECASE)


def one_article(template: str, values: Mapping[str, str]) -> str:
    """``template`` without its article before a field whose value brings its own ("the {thing}" with
    "a fire" reads "a fire", never "the a fire"; "the his restaurant" is "his restaurant"); an article
    that opens a sentence hands its capital to the value."""

    def fix(m: re.Match[str]) -> str:
        value = values.get(m.group(2), "")
        if not _DETERMINER.match(value) and proper_place(value) != value:  # "the {place}" with "Mars": Mars
            return m.group(0)
        field = "{" + m.group(2) + "}"
        return field if m.group(1).islower() else "{" + m.group(2) + ":cap}"

    return _ARTICLE_FIELD.sub(fix, template)


def fill_fields(template: str, values: Mapping[str, str]) -> str | None:
    """``template`` with each ``{field}`` replaced by its value (English possessives fitted, one article
    before a value: ``one_article``), or None when a field has no value."""
    fields = FIELD.findall(template)
    if any(f not in values for f in fields):
        return None
    template = one_article(template, values)
    for f in fields:
        value = values[f]
        template = template.replace("{" + f + ":cap}", value[:1].upper() + value[1:])
    text = english_possessives(template, values)
    for f in fields:
        text = text.replace("{" + f + "}", values[f])
    return text


_SENTENCE = re.compile(r"[^.!?。！？…]+[.!?。！？…]*[”\"'’]?\s*")


def within(line: str, most: int) -> str:
    """``line`` in at most ``most`` characters: its whole sentences that fit, else its words that fit
    (a line made of several sentences loses its last ones, never half a word)."""
    if len(line) <= most:
        return line
    kept = ""
    for sentence in _SENTENCE.findall(line):
        if len(kept) + len(sentence.rstrip()) > most:
            break
        kept += sentence
    kept = kept.strip()
    if kept:
        return kept
    cut = line[:most]
    return cut.rsplit(" ", 1)[0] if " " in cut else cut
