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


def _in_order_zh(text: str) -> str | None:
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
