"""What a line claims beyond feelings and time: a job, a business, wealth, a place or an event. Pure.

The arc and the filler pools add what the premise leaves open (the hook, reactions, feelings, the
time in between, the ending's emotion); they must not add a job, business, fortune, place or event
the premise does not ask for ("the richest pet" for a taxi driver who returns a ring, "the first
week, one customer" for a nurse). ``story/data/claims.json`` lists families of claim words, each
with the premise words that allow it; every lexicon job is a family of its own words too (a line
saying "delivery driver" needs a premise with a delivery job). ``Licence(premise).allows(line)``
says whether a line claims only what its premise allows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from story.datafiles import read_json
from story.lexicon import lexicon
from story.text import HAN as _HAN


@dataclass(frozen=True)
class Family:
    kind: str  # job | business | wealth | place | event
    claim: tuple[str, ...]  # the words a line claims the family with (English and Chinese)
    allowed_by: tuple[str, ...]  # premise words that allow it (the claim words allow it too)
    with_any_job: bool = False  # allowed as well when the premise gives anyone a job (shifts, working)


@cache
def _data() -> dict[str, Any]:
    data: dict[str, Any] = read_json("claims.json")
    return data


@cache
def families() -> tuple[Family, ...]:
    data = _data()
    out = [Family(f["kind"], (*f["claim"]["en"], *f["claim"]["zh"]), (*f["allowed_by"]["en"], *f["allowed_by"]["zh"]),
                  bool(f.get("with_any_job")))
           for f in data["families"]]
    for entry in lexicon().data["jobs"].values():  # "delivery driver", "厨师": a job the premise names
        words = (*entry["en"], *entry["zh"], entry["title_en"], entry["title_zh"])
        out.append(Family("job", tuple(dict.fromkeys(words)), ()))
    return tuple(out)


@cache
def _claim_re(word: str) -> re.Pattern[str]:
    if _HAN.search(word):
        return re.compile(re.escape(word))
    return re.compile(r"(?<![A-Za-z])" + re.escape(word.lower()) + r"(?:s|es|ed|d|ing)?(?![A-Za-z])")


def _said(word: str, text: str) -> bool:
    """``word`` is in a line: Chinese as a substring, English as a whole word with simple endings."""
    return _claim_re(word).search(text) is not None


@cache
def _family_re(claim: tuple[str, ...]) -> re.Pattern[str]:
    """Any of a family's claim words said as ``_said`` reads each (one search for the family, not one a word)."""
    han = [re.escape(w) for w in claim if _HAN.search(w)]
    en = [re.escape(w.lower()) for w in claim if not _HAN.search(w)]
    parts = [*han, *([r"(?<![A-Za-z])(?:" + "|".join(en) + r")(?:s|es|ed|d|ing)?(?![A-Za-z])"] if en else [])]
    return re.compile("|".join(parts) or r"(?!)")


@cache
def _all_claims() -> tuple[str, ...]:
    return tuple(dict.fromkeys(w for f in families() for w in f.claim))


@cache
def _start_re(word: str) -> re.Pattern[str]:
    return re.compile(r"(?<![A-Za-z])" + re.escape(word.lower()))


def _premise_has(word: str, premise: str) -> bool:
    """``word`` starts a word of the premise (English: "sell" in "sells"), or is in it (Chinese)."""
    if _HAN.search(word):
        return word in premise
    return _start_re(word).search(premise) is not None


def _without_pet_names(premise: str) -> str:
    """The premise with the words that name a pet blanked (claims.json ``pet_names``): a golden retriever
    (金毛) allows no gold."""
    for w in (*_data()["pet_names"]["en"], *_data()["pet_names"]["zh"]):
        premise = premise.replace(w, " ")
    return premise


def claims_business(text: str) -> bool:
    """Whether ``text`` tells a business running (customers, "word gets around", 生意, 开张): said only once it
    is open, never before the clause that opens it ("saves every coin and opens a burger shop")."""
    low = text.lower()
    return any(f.kind == "business" and _family_re(f.claim).search(low) for f in families())


class Licence:
    """The claim families one premise allows."""

    def __init__(self, premise: str, has_job: bool = False) -> None:
        """``has_job``: the premise gives someone a job (a nurse has shifts, a boss and a uniform)."""
        low = _without_pet_names(premise.lower())  # a golden retriever allows no gold
        self.premise = premise
        self._closed = [f for f in families()
                        if not (has_job and f.with_any_job)
                        and not any(_premise_has(w, low) for w in (*f.claim, *f.allowed_by))]
        self._said: dict[str, tuple[tuple[str, str], ...]] = {}

    def claims(self, text: str) -> list[tuple[str, str]]:
        """(kind, word) for each family ``text`` claims that the premise does not allow."""
        said = self._said.get(text)
        if said is None:
            said = self._said[text] = tuple(self._claims(text))  # a filler line is tried again and again
        return list(said)

    def _claims(self, text: str) -> list[tuple[str, str]]:
        low = text.lower()
        out: list[tuple[str, str]] = []
        if not _family_re(_all_claims()).search(low):  # no claim word at all: most lines
            return out
        for f in self._closed:
            if not _family_re(f.claim).search(low):  # none of its words: the common case, one search
                continue
            word = next((w for w in f.claim if _said(w, low)), None)
            if word is not None:
                out.append((f.kind, word))
        return out

    def allows(self, *texts: str | None) -> bool:
        """Every text (a line, a visual note) claims only what the premise allows."""
        return not any(t and self.claims(t) for t in texts)
