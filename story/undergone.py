"""A Chinese pet named, as another's object, after what was done to it before, retold in the order it happened. Pure.

老板收养了一只被遗弃的小狗, 小女孩收留了一只被赶出家门的流浪猫, 面包店老板收留了一只被主人抛弃的橘猫: the 被 clause
before the pet's 的 says what befell the pet earlier; the clause's own deed is the one named first (the boss adopts
it). Read as it stands, the 被 would make the adopter the one abandoned. ``in_order_zh(premise)`` tells it as two
clauses in order: 一只小狗被遗弃了，后来老板收养了它, where the one who takes it in is a person of the story (a role, a
job); a pet that does it (柯基帮助了一只被欺负的小猫) is the hero, told first, and its clause stays. A 被 clause that opens its clause (被遗弃的柯基被…) is the pet's
own subject and is read so already (``story.fragments.relatives_zh``): it stays as it is, as does every other premise.
"""

from __future__ import annotations

import re

from story.lexicon import lexicon
from story.text import HAN

_PEOPLE = ("species", "breeds", "relations", "jobs")  # the words that name who does the clause's deed
_PET = ("species", "breeds")
_LOOKS = ("traits", "colours")  # words a pet's head may have before it (流浪的小猫 aside: no 的 inside)
_COUNT = re.compile(r"(?:[一两二三四五六七八九十几]|这|那)?(?:只|条|个|头|匹|位)$")
_MANY = re.compile(r"^(?:[两二三四五六七八九十几]|好几)")
_CLAUSE = re.compile(r"([^，,。！？!?；;]+)([，,。！？!?；;]*)")
_REL = re.compile(r"被([^，,。！？!?；;的被]{1,12})的")


def in_order_zh(premise: str) -> str:
    """The premise with each clause whose object is a pet told after what befell it retold in order, else itself."""
    if not HAN.search(premise) or "被" not in premise:
        return premise
    return "".join(_retold(m.group(1)) + m.group(2) for m in _CLAUSE.finditer(premise))


def _retold(clause: str) -> str:
    m = _REL.search(clause)
    if m is None or m.start() == 0:
        return clause
    lex = lexicon()
    before, pet = clause[:m.start()], clause[m.end():]
    count = _COUNT.search(before)
    said = before[:count.start()] if count else before  # 老板收养了 (一只)
    if not said or said.endswith(("的", "被")) or "被" in said:
        return clause
    tokens = lex.tokenize(said)
    heads = lex.find_tokens(tokens, _PEOPLE)
    if not heads or heads[-1].end >= len(tokens.words) or tokens.words[-1] == "的":
        return clause  # no one named before a verb of its own (雨夜里被遗弃的小狗…: the pet's own clause)
    if heads[-1].section in _PET:
        return clause  # 柯基帮助了一只被欺负的小猫: the pet that helps is the story's hero, told first
    if not _pet_only(pet):
        return clause
    undergone = m.group(1) if m.group(1).endswith("了") else f"{m.group(1)}了"
    counted = count.group(0) if count else ""
    it = "它们" if _MANY.match(counted) else "它"
    return f"{counted}{pet}被{undergone}，后来{said}{it}"  # 后来: a new clause, its own doer


def _pet_only(words: str) -> bool:
    """``words`` are a pet's head alone (小狗, 流浪猫, 小橘猫), with only its looks before it."""
    lex = lexicon()
    tokens = lex.tokenize(words)
    if not tokens.words:
        return False
    hits = lex.find_tokens(tokens, (*_PET, *_LOOKS))
    covered = {k for h in hits for k in range(h.start, h.end)}
    last = tokens.words[-1]
    return all(k in covered for k in range(len(tokens.words))) and any(
        h.section in _PET and h.end == len(tokens.words) for h in hits) and last != "的"
