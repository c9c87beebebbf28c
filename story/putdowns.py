"""Put-downs said of a pet (pure): a saying word followed in its clause by a doubt or a slight of the one it is
said of ("everyone said the little shiba could never win the race", "her classmates said the corgi was too fat to
dance", 大家都说小柯基永远不会成功, 同事们都说哈士奇太懒了) is the mocking it is (a ``mock`` event at the saying
word), so the ones saying it are the mockers and the one it is said of the hero, the saying drawn as the wrong it
is, never as plain talk. The words are in ``story/data/putdowns.json``; a vow ("said she would never leave him")
is no put-down."""

from __future__ import annotations

import re
from functools import lru_cache

from story.analysis import BY
from story.datafiles import read_json
from story.labels import clause_span
from story.lexicon import Hit, Tokens, lexicon
from story.text import alternation

_PASSIVE_EN = {"is", "was", "are", "were", "be", "been", "being", "gets", "got", "get", "getting"}


@lru_cache(maxsize=1)
def _data() -> dict[str, frozenset[str] | re.Pattern[str]]:
    data = read_json("putdowns.json")
    return {"en_saying": frozenset(data["en_saying"]), "zh_saying": frozenset(data["zh_saying"]),
            "en_doubt": re.compile(alternation(data["en_doubt"], True), re.IGNORECASE),
            "zh_doubt": re.compile(alternation(data["zh_doubt"], False))}


def says(verb: str) -> bool:
    """True when a clause's verb is a saying word ("said", "told", 都说): what follows is said, not done."""
    data = _data()
    words = verb.lower().split()
    zh, en = data["zh_saying"], data["en_saying"]
    assert isinstance(zh, frozenset) and isinstance(en, frozenset)
    return bool(words) and (words[0] in en or " ".join(words[:2]) in en or verb in zh)


def putdown_hits(premise: str, tokens: Tokens, hits: list[Hit], passive: bool = True) -> list[Hit]:
    """A ``mock`` event at each saying word whose clause then says a doubt or a slight, where no wrong is told in
    that clause already (大家都嘲笑它永远不会成功 is told once); never an English passive ("was told he could never
    win": no one of the cast says it), nor with ``passive=False`` a Chinese one after 被 (as ``called_hits``)."""
    data = _data()
    lang = "zh" if tokens.chinese else "en"
    saying, doubt = data[f"{lang}_saying"], data[f"{lang}_doubt"]
    assert isinstance(saying, frozenset) and isinstance(doubt, re.Pattern)
    lex = lexicon()
    wrongs = [h for h in hits if h.section == "events" and lex.entry("events", h.key)["kind"] == "wrong"]
    out: list[Hit] = []
    words = tokens.words
    for k, word in enumerate(words):
        two = f"{word} {words[k + 1]}".lower() if k + 1 < len(words) and not tokens.chinese else ""
        said = two if two in saying else word.lower() if word.lower() in saying else ""
        if not said:
            continue
        at = tokens.offsets[k]
        start, stop = clause_span(premise, at)
        if not doubt.search(premise, at + len(word), stop):
            continue
        if tokens.chinese:
            if not passive and any(w in BY for w in premise[start:at]):
                continue
        elif k and words[k - 1].lower() in _PASSIVE_EN:
            continue  # "the puppy was told he could never win": said by no one of the cast
        if any(start <= h.pos < stop for h in wrongs):
            continue
        out.append(Hit("events", "mock", k, k + (2 if said == two else 1), at, said))
    return out
