"""Labels said of a pet, never a pet of the cast nor its name (pure): an insult or nickname one is called
(泰迪被大家笑话是个胆小鬼, 被同学叫做丑八怪, 狸花猫被村里人叫做没用的野猫, "the other puppies call the little pug a
loser"), the words in ``story/data/labels.json``. ``label_spans`` gives their character spans (a calling word's
label runs to its clause's end, but a pet told after the label's 的 and doing something of its own is no label:
被叫做胆小鬼的泰迪哭了); ``unlabelled`` drops the vocabulary hits and names inside them; ``called_hits`` reads a
calling word said by one pet of another as the mocking it is ("the puppies call the pug a loser": the puppies
mock the pug; never a passive "a husky called a coward by the dogs", whose doers are after "by")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from story.analysis import BY
from story.datafiles import read_json
from story.lexicon import Hit, Tokens, lexicon
from story.text import HAN

_CLAUSE_END = re.compile(r"[,.;!?，。；！？、:：]|\b(?:and|but|then|while|until|so|because)\b|然后|后来|但是|可是|于是|最后|结果")
_PASSIVE_EN = {"is", "was", "are", "were", "be", "been", "being", "gets", "got", "get", "getting"}
_ARTICLES_EN = ("a ", "an ", "the ")
_PETS = ("breeds", "species")
_WHO = ("breeds", "species", "relations")
_DESCRIBING = "一只个条头的小大老胖瘦"  # 叫做没用的小野猫: the pet said so, told with a word or two


@lru_cache(maxsize=1)
def _data() -> dict[str, list[str]]:
    data: dict[str, list[str]] = {k: v for k, v in read_json("labels.json").items() if not k.startswith("_")}
    return data


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    """One alternation per list, longest first (Chinese anywhere, English whole words)."""
    out = {}
    for key, words in _data().items():
        alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        out[key] = re.compile(alts if key.startswith("zh") else rf"\b(?:{alts})s?\b", re.IGNORECASE)
    return out


def _clause_start(text: str, at: int) -> int:
    return max((m.end() for m in _CLAUSE_END.finditer(text, 0, at)), default=0)


def _clause_end(text: str, at: int) -> int:
    m = _CLAUSE_END.search(text, at)
    return m.start() if m else len(text)


def clause_span(text: str, at: int) -> tuple[int, int]:
    """The start and end of the clause the character at ``at`` is in (its punctuation and joining words)."""
    return _clause_start(text, at), _clause_end(text, at)


@lru_cache(maxsize=256)
def label_spans(premise: str) -> tuple[tuple[int, int], ...]:
    """Character spans of the labels a pet is called in ``premise``."""
    chinese = bool(HAN.search(premise))
    pats = _patterns()
    lang = "zh" if chinese else "en"
    words, said, calling = pats[lang], pats[f"{lang}_said"], pats[f"{lang}_calling"]
    spans = [(m.start(), m.end()) for m in words.finditer(premise)]
    for m in calling.finditer(premise):
        stop = _clause_end(premise, m.end())
        inside = [*words.finditer(premise, m.end(), stop), *said.finditer(premise, m.end(), stop)]
        if not inside:
            continue  # 被主人叫做豆豆: a name, not a label
        first, end = min(x.start() for x in inside), max(x.end() for x in inside)
        if chinese:
            spans.append((first, _past_de(premise, m.start(), end, stop)))
        else:
            spans.append((_article_before(premise, first, m.end()), end))
    return tuple(sorted(set(spans)))


def _past_de(premise: str, call: int, end: int, stop: int) -> int:
    """Through a 的 and the pet word the label's clause ends with, when the one called is told before the call
    (狸花猫被村里人叫做没用的野猫，): the pet said so is the label; one told only after it (被叫做胆小鬼的泰迪，) or
    doing something after it (胆小鬼的泰迪哭了) is a pet of the cast; the doer after 被 is not the one called
    (被老板骂是废物的金毛: the golden retriever is the one called so, a pet of the cast)."""
    start = _clause_start(premise, call)
    before = premise[start:call]
    passive = min((before.find(w) for w in BY if w in before), default=-1)
    if premise[end:end + 1] != "的" or not lexicon().find(before[:passive] if passive >= 0 else before, _WHO):
        return end
    rest = premise[end + 1:stop].rstrip()
    pet = max(lexicon().find(rest, _PETS), key=lambda h: h.pos, default=None)
    said = pet is not None and pet.pos + len(pet.surface) == len(rest) and not rest[:pet.pos].strip(_DESCRIBING)
    return stop if said else end


def _article_before(premise: str, at: int, floor: int) -> int:
    """The start of "a loser" / "an ugly duckling": its article with it."""
    low = premise.lower()
    for art in _ARTICLES_EN:
        if at - len(art) >= floor and low[at - len(art):at] == art:
            return at - len(art)
    return at


def label_word(word: str) -> bool:
    """An English word that is a label wherever it stands ("a nobody", "a loser"): no thing to draw."""
    return word in _data()["en"]


def inside(pos: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


def unlabelled(hits: list[Hit], spans: Sequence[tuple[int, int]]) -> list[Hit]:
    """The hits outside every label: 野猫 in 被叫做没用的野猫 names no stray cat."""
    return [h for h in hits if not inside(h.pos, spans)] if spans else hits


def called_hits(premise: str, tokens: Tokens, spans: Sequence[tuple[int, int]], hits: list[Hit],
                passive: bool = True) -> list[Hit]:
    """A ``mock`` event at each calling word its label follows in the same clause, where no wrong is told
    already (同学们叫它丑八怪: the classmates mock; 被大家嘲笑是个胆小鬼 is told once); in English only an active
    call with its object before the label ("call the little pug a loser"). ``passive=False`` leaves out a
    Chinese call after 被 (被同学叫做丑八怪), whose doer is the rival already: the clause is still told and drawn as
    the mocking it is, the story's arc is not turned to it (被老板骂是废物，三年后开了自己的公司 is the company's)."""
    if not spans:
        return []
    lex = lexicon()
    chinese = tokens.chinese
    calling = _patterns()["zh_calling" if chinese else "en_calling"]
    wrongs = [h for h in hits if h.section == "events" and lex.entry("events", h.key)["kind"] == "wrong"]
    out: list[Hit] = []
    for m in calling.finditer(premise):
        label = next(((s, e) for s, e in spans if m.end() <= s < _clause_end(premise, m.end()) + 1), None)
        if label is None:
            continue
        start = next((i for i, off in enumerate(tokens.offsets) if off <= m.start() < off + len(tokens.words[i])), None)
        if start is None:
            continue
        end = next((i for i, off in enumerate(tokens.offsets) if off >= m.end()), len(tokens.words))
        if not chinese:
            between = premise[m.end():label[0]].strip()
            if not between or (start and tokens.words[start - 1] in _PASSIVE_EN):
                continue  # "a husky called a coward by the other dogs": passive, its doers after "by"
        clause_start = _clause_start(premise, m.start())
        if any(clause_start <= h.pos < label[0] for h in wrongs) or (
                chinese and not passive and any(w in BY for w in premise[clause_start:m.start()])):
            continue
        out.append(Hit("events", "mock", start, max(end, start + 1), tokens.offsets[start], m.group(0)))
    return out
