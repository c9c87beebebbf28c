"""Whose side a pet named after a passive "by" (被) is on (``story/data/sides.json``). Pure.

"mocked by a rich cat" names the rival; "adopted by a firefighter dog" names the hero's new family,
and "gets caught by the police dog" a pet who stops the wrongdoer: both on the hero's side. ``kind_doer``
reads the passive verb (the English participle before "by", the Chinese verb after the agent) and
says the role such a pet takes, or None when the deed is no kindness. ``own_wrong``: a wrong that is the
doer's own misdeed (cheats, copies, 偷吃), so the pet who does it may still be the hero; ``harm_at``: a deed
that harms a pet or its thing though it is no vocabulary wrong ("breaks her sister's trophy", 打碎): the pet
it is done to is no ally of the one who does it.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from story.datafiles import read_json


@cache
def sides_data() -> dict[str, Any]:
    data: dict[str, Any] = read_json("sides.json")
    return data


def _role_of(said: str, lang: str) -> str | None:
    for role, words in sides_data()["kind_by"].items():
        if said in words[lang]:
            return str(role)
    return None


def kind_doer(words: tuple[str, ...], by: int, end: int, chinese: bool) -> str | None:
    """The role ("family", "friend") of the pet after the passive mark at token ``by`` whose mention
    ends at token ``end``, when the passive deed is a kindness or a catch; else None."""
    if chinese:
        after = words[end:end + 2]
        return next((r for n in (2, 1) if len(after) >= n and (r := _role_of("".join(after[:n]), "zh"))), None)
    before = words[max(0, by - 2):by]
    said = next((r for n in (2, 1) if len(before) >= n and (r := _role_of(" ".join(before[-n:]), "en"))), None)
    if said is None:  # "is rescued from the rain by", "was taken in off the street by": the participle after "is"
        start = next((k + 1 for k in range(by - 1, max(-1, by - 7), -1) if words[k] in _BE), None)
        if start is not None and start < by - 2 and not (words[start + 1] in _LIKENED and set(
                words[start + 2:by]) & _LOWLY):  # "is treated like a slave by the rich cats": no kindness (but
            # "treated like a princess by her new family" is)
            said = next((r for n in (2, 1) if (r := _role_of(" ".join(words[start:start + n]), "en"))), None)
    return said


_LIKENED = {"like", "as"}
_LOWLY = {"slave", "slaves", "servant", "servants", "maid", "trash", "garbage", "dirt", "nobody", "nothing", "outsider",
          "stranger", "criminal", "pest", "beggar", "prisoner", "burden", "joke", "toy", "doormat"}
_BE = {"is", "was", "are", "were", "gets", "got", "get", "being", "been"}


def _said_at(words: tuple[str, ...], at: int, section: str, chinese: bool) -> bool:
    """One of ``sides.json``'s ``section`` words starts at token ``at`` (Chinese: in the hanzi from there on)."""
    said = sides_data()[section]["zh" if chinese else "en"]
    if chinese:
        text = "".join(words[at:at + 3])
        return any(text.startswith(w) for w in said)
    return at < len(words) and words[at] in said


def own_wrong(words: tuple[str, ...], at: int, chinese: bool) -> bool:
    """The wrong said at token ``at`` is the doer's own misdeed (cheats, copies the homework, 偷吃, 作弊),
    not one done to another pet: the pet who does it may be the story's hero."""
    return _said_at(words, at, "own_wrongs", chinese)


def _phrase_at(words: tuple[str, ...], at: int, section: str, chinese: bool) -> bool:
    """One of ``sides.json``'s ``section`` words or phrases starts at token ``at`` (English phrases word by word)."""
    if not chinese:
        return any(tuple(w.split()) == words[at:at + len(w.split())] for w in sides_data()[section]["en"])
    return _said_at(words, at, section, chinese)


def kind_at(words: tuple[str, ...], at: int, chinese: bool) -> bool:
    """A kindness or love done to another at token ``at`` ("comforts her", "falls in love with", 安慰, 爱上)."""
    return _phrase_at(words, at, "kind_to", chinese)


def harm_at(words: tuple[str, ...], at: int, chinese: bool) -> bool:
    """A deed at token ``at`` that harms a pet or its thing though it is no vocabulary wrong ("breaks her
    sister's trophy", 打碎, 撕了)."""
    return _said_at(words, at, "harms", chinese)


def harms_in(verb: str, chinese: bool) -> bool:
    """A verb phrase that harms a pet or its thing though it is no vocabulary wrong ("breaks her trophy",
    偷偷弄坏了它的画: a harm word anywhere in its Chinese, its first English word)."""
    said = sides_data()["harms"]["zh" if chinese else "en"]
    first = verb.lower().split()[:1]
    return any(w in verb for w in said) if chinese else bool(first) and first[0] in said


def answered_after(words: tuple[str, ...], at: int, chinese: bool, victim: bool) -> bool:
    """After token ``at`` the premise tells a deed's doer found out ("gets caught", "a police cat catches him",
    被发现, when the deed is done to no pet: ``victim`` False) or owning up to it ("apologises", 道歉, always):
    the deed is the doer's own misdeed, and the doer may be the story's hero (``sides.json`` ``answered``)."""
    said = sides_data()["answered"]
    lang = "zh" if chinese else "en"
    phrases = [*said["owns_up"][lang], *([] if victim else said["caught"][lang])]
    if chinese:
        rest = "".join(words[at:])
        return any(w in rest for w in phrases)
    rest_words = words[at:]
    return any(tuple(w.split()) == rest_words[k:k + len(w.split())] for w in phrases for k in range(len(rest_words)))


def takes_at(words: tuple[str, ...], at: int, chinese: bool) -> bool:
    """A deed at token ``at`` that takes a pet's thing ("takes his food truck", 抢走, ``sides.json`` ``takes``)."""
    return _phrase_at(words, at, "takes", chinese)
