"""A premise that names its hero only inside a "who" clause of mocking, retold in the order it happened. Pure.

"everyone who laughed at the greyhound is speechless when he wins the race", "the dogs who made fun of the tiny
chihuahua can't believe it when she wins", 那些笑话柯基腿短的狗狗们，看到它拿了跑步冠军都傻眼了: the mocking is
told first, as a clause of its own, then the deed the "when" (当…时, 看到…) clause tells, then the same many
stunned: "everyone laughed at the greyhound, but he wins the race, and everyone is speechless". ``in_order(premise)``
gives the premise retold so, or the premise itself when it is not of that form; ``story/premise.py``'s ``analyse``
reads the retold one (pure).
"""

from __future__ import annotations

import re

from story.lexicon import lexicon
from story.text import HAN

# the many a who clause names that are nobody of the cast ("those who", "everyone who"): told as "everyone"
_ANYONE = {"everyone", "everybody", "those", "all those", "anyone", "people", "all"}
_SAID = {"called", "teased", "bullied"}  # "those who called the pug lazy": an insult, though no vocabulary wrong
_OBJECT = {"he": "him", "she": "her", "it": "it", "they": "them"}
_WHEN_EN = r"when|once|as soon as|after|the day"

_EN = re.compile(
    rf"^(?P<group>.+?)\s+who\s+(?P<rel>.+)\s+(?P<shock>(?:is|are|was|were|all|can't|cannot|couldn't|could not|can not"
    rf"|look|looks|stand|stands|go|goes|get|gets|fall|falls)\b.*?)\s*,?\s+(?:{_WHEN_EN})\s+"
    rf"(?P<pro>he|she|it|they)\s+(?P<deed>.+?)\s*[.!]*$", re.IGNORECASE)
_EN_WHEN_FIRST = re.compile(  # "when he wins the race, everyone who laughed at the greyhound is speechless"
    rf"^(?:{_WHEN_EN})\s+(?P<pro>he|she|it|they)\s+(?P<deed>.+?)\s*,\s*(?P<group>.+?)\s+who\s+(?P<rel>.+)\s+"
    rf"(?P<shock>(?:is|are|was|were|all|can't|cannot|couldn't|could not|can not)\b.*?)\s*[.!]*$", re.IGNORECASE)

_BEFORE_ZH = ("当初", "曾经", "以前", "之前", "过去")  # when the mocking was: kept with it
_THOSE_ZH = ("那些", "那群", "所有")  # who the many are: said again where they are stunned
_WHEN_ZH = ("在", "当", "看到", "看见", "等到", "见到", "听说")
_ZH = re.compile(r"^(?P<pre>(?:当初|曾经|以前|之前|过去|那些|那群|所有)*)(?P<rel>[^，,。的]+)的(?P<group>[^，,。的]{1,8}?)"
                 r"(?:们)?[，,]?(?P<tail>(?:在|当|看到|看见|等到|见到|听说)[^，,。]+|[^，,。]*?(?:时|的时候)[，,]?[^，,。]+)"
                 r"[。！!]*$")
_END_ZH = re.compile(r"(?:的时候|时候|时|以后|之后)?[，,]?(?P<all>全都|都|全|一个个)(?P<shock>[^，,。都]+)$")


def _mocks(text: str) -> bool:
    lex = lexicon()
    return any(lex.entry("events", k)["kind"] == "wrong" for k in lex.keys(text, "events")) or \
        text.split()[0].lower() in _SAID


def _stunned(text: str) -> bool:
    lex = lexicon()
    return "shock" in lex.keys(text, "events") or "shocked" in lex.keys(text, "actions")


def in_order(premise: str) -> str:
    """The premise retold in order where its hero is named only in a who clause of mocking, else itself."""
    text = premise.strip()
    if HAN.search(text):
        return _in_order_zh(text) or premise
    m = _EN.match(text) or _EN_WHEN_FIRST.match(text)
    if m is None or "," in m["rel"] or not _mocks(m["rel"]) or not _stunned(m["shock"]):
        return premise
    group = m["group"].strip()
    anyone = group.lower() in _ANYONE
    first = "everyone" if anyone else group
    rel = m["rel"]
    if re.search(rf"\b{_OBJECT[m['pro'].lower()]}\b", rel, re.IGNORECASE):
        return premise  # "everyone who laughed at him": the hero is named elsewhere, not in the who clause
    # the same many again where they are stunned, in the same words ("everyone" for those nobody of the cast is)
    shock = m["shock"]
    if anyone:  # "those who … are shocked": everyone is
        shock = re.sub(r"^(are|were)\b", lambda b: {"are": "is", "were": "was"}[b[0].lower()], shock, flags=re.I)
    return f"{first} {rel}, but {m['pro'].lower()} {m['deed']}, and {first} {shock}"


# the deed first, then the many who once mocked the hero, at the end (流浪猫中了彩票，以前嘲笑他的富猫都来巴结他)
_AFTER_ZH = re.compile(r"^(?P<deed>[^，,。！!？?]+)[，,](?P<pre>(?:当初|曾经|以前|之前|过去|那些|那群|所有)*)"
                       r"(?P<rel>[^，,。的]+)的(?P<group>[^，,。的]{1,8}?)(?:们)?(?P<rest>(?:都|全都|全|也|一个个)[^，,。]+)"
                       r"[。！!]*$")
_HIM_ZH = re.compile(r"[他她它](?!们)")
_COUNTED_ZH = re.compile(r"(?:一|这|那)(?:只|条|个|头|位)")


def _recalled_mockers_zh(text: str) -> str | None:
    """流浪猫中了彩票，以前嘲笑他的富猫都来巴结他, 一只穷狗中了彩票，嘲笑过它的邻居都傻眼了: the mocking was before the
    deed (以前, 曾经, 嘲笑过), though told after it: retold mocking first, "富猫以前嘲笑流浪猫，后来它中了彩票，富猫都来巴结
    他", so it is never staged after the win; None when the premise is not of that form."""
    m = _AFTER_ZH.match(text)
    if m is None or not _mocks(m["rel"]) or not _HIM_ZH.search(m["rel"]):
        return None
    before = "".join(w for w in _BEFORE_ZH if w in m["pre"])
    if not before and "过" not in m["rel"]:
        return None  # 嘲笑他的富猫都来了: no word says the mocking was before
    lex = lexicon()
    if not any(lex.entry("events", k)["kind"] == "outcome" for k in lex.keys(m["deed"], "events")):
        return None  # a win or a windfall only: a deed of care told first (背着妈妈逃出了火场) keeps its order
    tokens = lex.tokenize(m["deed"])
    head = next(iter(lex.find_tokens(tokens, ("species", "breeds"))), None)
    if head is None:
        return None
    looks = {h.start for h in lex.find_tokens(tokens, ("traits", "colours"))}
    start = head.start
    while start - 1 in looks:  # 穷狗: the pet as the premise describes it
        start -= 1
    pet = "".join(tokens.words[start:head.end])
    rel = _HIM_ZH.sub(pet, m["rel"], count=1)
    group = m["group"]
    if start > 0 and _COUNTED_ZH.fullmatch(tokens.words[start - 1]):
        start -= 1
    said = tokens.offsets[start]  # 一只胖柯基中了彩票 → 它中了彩票: the pet told of already, not one more
    deed = f"{m['deed'][:said]}它{m['deed'][tokens.offsets[head.end - 1] + len(tokens.words[head.end - 1]):]}"
    return f"{group}{before}{rel}，后来{deed}，{group}{m['rest']}"


def _in_order_zh(text: str) -> str | None:
    after = _recalled_mockers_zh(text)
    if after is not None:
        return after
    m = _ZH.match(text)
    if m is None or not _mocks(m["rel"]):
        return None
    end = _END_ZH.search(m["tail"])
    if end is None or not _stunned(end["shock"]):
        return None
    deed = m["tail"][:end.start()]
    deed = next((deed[len(w):] for w in _WHEN_ZH if deed.startswith(w)), deed)
    if not deed:
        return None
    group = m["group"]
    before = "".join(w for w in _BEFORE_ZH if w in m["pre"])
    pets = bool(lexicon().keys(group, "species") or lexicon().keys(group, "breeds"))
    again = f"那些{group}" if pets else f"{group}们"  # 那些狗狗: the pets told of before, never more of them
    return f"{group}们{before}{m['rel']}，后来{deed}，{again}{end['all']}{end['shock']}"
