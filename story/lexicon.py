"""The story vocabulary (``story/data/lexicon.json``) and whole-word matching over it. Pure.

English is matched by whole words with simple inflections (``cook`` matches cooks/cooked/cooking,
never ``cookie``; ``sing`` never matches ``single``; ``found`` never ``founder``); a phrase matches
a run of whole words. Chinese is segmented with ``jieba`` (the vocabulary is added to a private
tokenizer's dictionary); a segment that is not a vocabulary word but splits wholly into vocabulary
words (``穷橘`` → ``穷`` ``橘``) yields its parts. Longer matches win over the words inside them.
"""

from __future__ import annotations

import gc
import re
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from typing import Any

from story.datafiles import read_json
from story.text import HAN as _HAN
from story.titled import kin_titles, kin_words

SECTIONS = (
    "species", "breeds", "colours", "traits", "relations", "jobs", "places", "props", "actions",
    "times", "weathers", "outfits", "events",
)
_WORD = re.compile(r"[a-z0-9\u00e0-\u00ff]+(?:[-'’][a-z0-9\u00e0-\u00ff]+)*")
_VOWELS = set("aeiou")


_CREWS = ("department", "brigade", "crew", "队")  # a job said as its crew: its words name no thing


@dataclass(frozen=True)
class Hit:
    """One vocabulary match: ``section``/``key`` of the entry, where (token and character spans), what."""

    section: str
    key: str
    start: int  # first token index
    end: int  # token index after the match
    pos: int  # character offset in the text
    surface: str


@dataclass(frozen=True)
class Tokens:
    words: tuple[str, ...]
    offsets: tuple[int, ...]
    chinese: bool


def load_data() -> dict[str, dict[str, dict[str, Any]]]:
    """The raw vocabulary (section → key → entry with ``en``/``zh`` word lists and attributes)."""
    data: dict[str, dict[str, dict[str, Any]]] = read_json("lexicon.json")
    for relation, words in kin_words().items():  # 李阿姨, 王叔, 张奶奶: a person named by surname and kin title
        entry = data["relations"][relation]
        entry["zh"] = [*entry["zh"], *words]
        entry["human"] = [*entry.get("human", ()), *kin_titles(relation)]
    return data


def inflections(word: str) -> set[str]:
    """Simple English inflections of one word: plural/3rd person, past, -ing (not derivations like -er)."""
    forms = {word, word + "s", word + "es", word + "ed", word + "ing"}
    if word.endswith("e"):
        forms |= {word + "d", word[:-1] + "ing"}
    if word.endswith("y") and len(word) > 2 and word[-2] not in _VOWELS:
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    if (len(word) >= 3 and word[-1] not in _VOWELS | {"w", "x", "y"} and word[-2] in _VOWELS
            and word[-3] not in _VOWELS):
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    if word.endswith("f"):
        forms.add(word[:-1] + "ves")
    return forms


_Found = list[list[tuple[int, list[tuple[str, str]]]]]  # per token: (phrase length, its (section, key)s)
_NOUNS = {"places", "props"}
_INSIDE_THINGS = {"places", "events"}  # words that name no place or event inside a longer thing's name
_OBJECT_PRONOUNS = {"him", "them", "me", "us"}  # never after a noun ("her" may be a possessive)


def tokenize_en(text: str) -> Tokens:
    low = text.lower().replace("’", "'")
    words, offsets = [], []
    for m in _WORD.finditer(low):
        w = m.group(0)
        if w.endswith("'s"):
            w = w[:-2]
        words.append(w)
        offsets.append(m.start())
    return Tokens(tuple(words), tuple(offsets), False)


def is_chinese(text: str) -> bool:
    return len(_HAN.findall(text)) >= max(1, len(re.findall(r"[A-Za-z]+", text)))


class Lexicon:
    """Indexes of the vocabulary for fast whole-word lookups in both languages."""

    def __init__(self, data: dict[str, dict[str, dict[str, Any]]]) -> None:
        self.data = data
        self._en: dict[tuple[str, ...], list[tuple[str, str]]] = {}
        self._zh: dict[str, list[tuple[str, str]]] = {}
        self._max_en = 1
        # an outfit's own last words ("dress", "suit"): their -ed and -ing forms are how one is dressed, no outfit
        self._outfit_words = frozenset(tokenize_en(p).words[-1] for e in data.get("outfits", {}).values()
                                       for p in e.get("en", ()) if tokenize_en(p).words)
        en, zh = self._en, self._zh
        with _collector_paused():  # ~40k new tuples and lists: the cyclic collector would rescan every live object
            self._index(data, en, zh)
        self._jieba: Any = None
        self._lock = threading.Lock()

    def _index(self, data: dict[str, dict[str, dict[str, Any]]], en: dict[tuple[str, ...], list[tuple[str, str]]],
               zh: dict[str, list[tuple[str, str]]]) -> None:
        for section, entries in data.items():
            for key, entry in entries.items():
                where = (section, key)
                for phrase in entry.get("en", ()):
                    forms, length = _forms_of(phrase)
                    for form in forms:
                        found = en.get(form)
                        if found is None:
                            en[form] = [where]
                        else:
                            found.append(where)
                    if length > self._max_en:
                        self._max_en = length
                for word in entry.get("zh", ()):
                    zh.setdefault(word, []).append(where)

    def entry(self, section: str, key: str) -> dict[str, Any]:
        return self.data[section][key]

    # -- tokenising ---------------------------------------------------------------------------

    def _tokenizer(self) -> Any:
        with self._lock:
            if self._jieba is None:
                import logging

                import jieba

                jieba.setLogLevel(logging.WARNING)
                tok = jieba.Tokenizer()
                for word in sorted(self._zh, key=len, reverse=True):
                    if len(word) > 1:
                        tok.add_word(word, freq=200_000)
                for word in _whole_zh():
                    tok.add_word(word, freq=200_000)
                self._jieba = tok
            return self._jieba

    def tokenize(self, text: str) -> Tokens:
        if not is_chinese(text):
            return tokenize_en(text)
        words: list[str] = []
        offsets: list[int] = []
        for seg, start, _end in self._tokenizer().tokenize(text):
            if not seg.strip():
                continue
            head: list[str] = []
            if len(seg) > 1 and seg[0] == "被" and seg not in self._zh and not seg.startswith(_BEI_WORDS):
                head, seg = ["被"], seg[1:]  # 被关在笼子里, 被困, 被骗: the passive's 被, then its verb
            parts = [seg] if seg in self._zh or seg in _whole_zh() or not _HAN.search(seg) \
                else (self._split_zh(seg) or [seg])  # 养家 kept whole: no home inside it
            parts = [*head, *parts]
            off = start
            for part in parts:
                if _HAN.search(part) or part.strip():
                    words.append(part.lower())
                    offsets.append(off)
                off += len(part)
        return Tokens(tuple(words), tuple(offsets), True)

    def _split_zh(self, seg: str) -> list[str] | None:
        """``seg`` split into vocabulary words and single leftover characters (fewest leftovers),
        or None when no vocabulary word is inside (``被富`` → ``被`` ``富``)."""
        n = len(seg)
        best: list[tuple[int, list[str]] | None] = [None] * (n + 1)
        best[0] = (0, [])
        for i in range(n):
            here = best[i]
            if here is None:
                continue
            for j in range(i + 1, n + 1):
                piece = seg[i:j]
                cost = 0 if piece in self._zh else (1 if j == i + 1 else None)
                if cost is None:
                    continue
                cand = (here[0] + cost, [*here[1], piece])
                old = best[j]
                if old is None or (cand[0], len(cand[1])) < (old[0], len(old[1])):
                    best[j] = cand
        result = best[n]
        if result is None or result[0] == n:
            return None
        return result[1]

    # -- matching -----------------------------------------------------------------------------

    def find(self, text: str, sections: Iterable[str] | None = None) -> list[Hit]:
        """Every vocabulary match in ``text`` (longest match first at each position, no overlaps)."""
        return self.find_tokens(self.tokenize(text), sections)

    def find_tokens(self, tokens: Tokens, sections: Iterable[str] | None = None) -> list[Hit]:
        """Matches per section: at each position the longest phrase of that section wins."""
        hits: list[Hit] = []
        found = self._found(tokens)
        for section in sections if sections is not None else self.data:
            hits.extend(self._scan(tokens, section, found))
        if any(h.section in _INSIDE_THINGS for h in hits):  # "wedding ring" is a ring: no wedding, no hall
            things = self._scan(tokens, "props", found)
            hits = [h for h in hits if h.section not in _INSIDE_THINGS or not any(
                t.start <= h.start and h.end <= t.end and t.end - t.start > h.end - h.start
                or (h.section == "places" and (t.start, t.end) == (h.start, h.end) and not self._in_place(tokens, h))
                for t in things)]
        crews = [h for h in hits if h.section == "jobs" and h.surface.lower().endswith(_CREWS)]
        if crews:  # "the fire department": firefighters, no fire
            hits = [h for h in hits if h.section != "props" or not any(
                j.start < h.end <= j.end and h.start <= j.start for j in crews)]
        if not tokens.chinese and any(h.section == "actions" for h in hits):  # "train station": no training
            places = self._scan(tokens, "places", found)
            hits = [h for h in hits if h.section != "actions" or not any(
                p.start <= h.start and h.end <= p.end and p.end - p.start > h.end - h.start for p in places)]
        return sorted(hits, key=lambda h: (h.start, -h.end))

    @staticmethod
    def _in_place(tokens: Tokens, hit: Hit) -> bool:
        """A word both a thing and a place ("ring") is the place only after "in the", "at the", "into the"."""
        words = tokens.words
        return tokens.chinese or (hit.start >= 2 and words[hit.start - 1] in {"the", "a"}
                                  and words[hit.start - 2] in {"in", "at", "into", "inside", "to", "from"})

    def _found(self, tokens: Tokens) -> _Found:
        """At each token, the phrases of any section starting there: (length, its (section, key)s), longest
        first. Looked up once for all the sections ``_scan`` reads."""
        words = tokens.words
        longest = 3 if tokens.chinese else self._max_en
        out: _Found = []
        for i in range(len(words)):
            here = []
            for n in range(min(longest, len(words) - i), 0, -1):
                key = words[i:i + n]
                found = self._zh.get("".join(key)) if tokens.chinese else self._en.get(key)
                if found:
                    here.append((n, found))
            out.append(here)
        return out

    def _scan(self, tokens: Tokens, section: str, found_at: _Found) -> list[Hit]:
        hits: list[Hit] = []
        words = tokens.words
        sep = "" if tokens.chinese else " "
        i = 0
        while i < len(words):
            matched = 0
            for n, found in found_at[i]:
                keys = list(dict.fromkeys(k for s, k in found if s == section))
                if keys and section in _NOUNS and not tokens.chinese and i + n < len(words) \
                        and words[i + n] in _OBJECT_PRONOUNS:
                    keys = []  # "tracks him down": a verb before its object, not a running track
                if keys and section == "outfits" and not tokens.chinese and words[i + n - 1] not in self._outfit_words \
                        and words[i + n - 1].endswith(("ed", "ing")):
                    keys = []  # "plainly dressed", "dressing up": how one is dressed, never the dress itself
                if keys:
                    hits.extend(Hit(section, k, i, i + n, tokens.offsets[i], sep.join(words[i:i + n])) for k in keys)
                    matched = n
                    break
            i += matched or 1
        return hits

    def keys(self, text: str, section: str) -> list[str]:
        """Keys of ``section`` found in ``text``, in order of first mention, without repeats."""
        seen: dict[str, None] = {}
        for hit in self.find(text, [section]):
            seen.setdefault(hit.key, None)
        return list(seen)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off for a burst of allocations that makes no cycles (on again after,
    unless it was off already)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


@cache
def _forms_of(phrase: str) -> tuple[tuple[tuple[str, ...], ...], int]:
    """The token tuples an English vocabulary ``phrase`` matches as, and its length in words (kept: the
    lexicon's and the nearest-word table's indexes share most of their phrases)."""
    parts = tokenize_en(phrase).words
    return tuple(_phrase_forms(parts)), len(parts)


def _phrase_forms(parts: tuple[str, ...]) -> set[tuple[str, ...]]:
    if not parts:
        return set()
    if len(parts) == 1:
        return {(f,) for f in inflections(parts[0])}
    # inflect the first word (the verb: "runs for") and the last (the noun: "window cleaners")
    firsts = inflections(parts[0])
    lasts = inflections(parts[-1])
    middle = parts[1:-1]
    return {(f, *middle, last) for f in firsts for last in lasts}


_ARTICLES = frozenset({"a", "an", "the", "his", "her", "their", "its", "my", "your", "our"})
_IN = frozenset({"in", "into", "inside", "at", "on", "onto", "to", "from", "out"})


_FIND = {"find", "finds", "found", "finding"}
_HOMEWARD = {"home", "way", "owner", "owners", "family", "mother", "mom", "mum", "father", "dad", "parents"}
_GUESTS = {"party", "guests", "guest", "planner", "crowd", "band", "photographer", "singer"}


def in_context(hits: list[Hit], tokens: Tokens) -> list[Hit]:
    """The hits that read as meant in their sentence (English): "a lost ring" is a ring someone lost,
    not the event of losing; "ring" is a place only after in/into/at… ("into the ring"), else the prop."""
    hits = [h for h in hits if not beside(h, hits)]
    if tokens.chinese:
        hits = _described_kin_zh(hits)
        people = {h.end for h in hits if h.section in {"breeds", "species", "relations"}}
        starts = {h.start for h in hits if h.section in {"breeds", "species", "relations"}}
        kept = [h for h in hits if not _family_or_measure(h, tokens, people) and not _doubled(h, tokens)
                and not _brought_home(h, tokens) and not _scorns_nobody(h, tokens, starts)
                and not _wronged_to_tears(h, hits)]
        return _thrown_things([m for h in kept for m in _laughed_at(h, tokens, people | starts)], tokens)
    words = tokens.words
    props = {(h.start, h.end) for h in hits if h.section == "props"}
    out = []
    for h in hits:
        before = words[max(0, h.start - 2):h.start]
        if h.section == "events" and h.surface == "lost" and before[-1:] and before[-1] in _ARTICLES:
            continue
        if h.section == "events" and h.surface == "wedding" and words[h.end:h.end + 1] and \
                words[h.end] in _GUESTS:
            continue  # "a wedding party orders her roses": someone else's wedding, not the hero's
        if h.section == "events" and h.key == "find" and h.surface in _FIND and not _HOMEWARD & set(
                words[h.end:h.end + 4]):
            continue  # "finds out", "finds a lost wallet", "helps him find it": no pet finding its way home
        if h.section == "events" and h.surface == "stray" and any(
                x.start == h.end and x.section in {"breeds", "species"} for x in hits):
            continue  # "a scruffy stray tabby": what the pet is, not a pet that strays
        if h.section == "events" and h.surface in _STRAYS and _stray_pet(h, hits, words):
            out.append(Hit("breeds", "stray_cat", h.start, h.end, h.pos, h.surface))
            continue  # "a stray follows her home", "the shivering stray": a pet, no pet that gets lost
        if h.section == "places" and (h.start, h.end) in props and not any(w in _IN for w in before):
            continue
        if h.section == "events" and h.key == "dump" and _dropped_off(h, hits, words):
            continue  # "mom leaves her at kindergarten": a parent drops the little one off, no one is left
        if h.section == "props" and h.key == "phone" and h.surface in {"call", "calls", "called"} and words[
                h.end:h.end + 1] and words[h.end] in {"her", "him", "it", "them", "me", "us", "you"}:
            continue  # "her friends call her Bean": what they call her, no phone call
        if h.section == "events" and h.key == "sabotage" and _journey(h, hits, words):
            continue  # "goes on a rocket trip", "a road trip across the country": a journey, no one tripped
        out.append(h)
    return out


def beside(h: Hit, hits: list[Hit]) -> bool:
    """A place word that only says where another place named beside it stands (its entry's ``beside``: "the bakery
    next door", 隔壁的咖啡馆, a shop's goods after it): the other place is the one meant, no neighbour's home."""
    return h.section == "places" and bool(lexicon().entry("places", h.key.rstrip("~")).get("beside")) and any(
        x is not h and (x.section in ("places", "props") and h.end <= x.start <= h.end + 2  # 隔壁的咖啡馆
                        or x.section == "places" and x.end == h.start) for x in hits)


def _described_kin_zh(hits: list[Hit]) -> list[Hit]:
    """盲人奶奶, 盲人爷爷: one person, the kin word told with how it is (a grandma who is blind), never a blind person
    and a grandma beside her: one relation hit of the kin's key over both words."""
    out: list[Hit] = []
    skip: set[int] = set()
    for k, h in enumerate(hits):
        if k in skip:
            continue
        kin = next((j for j, x in enumerate(hits) if x.section == "relations" and x.start == h.end and x.key != h.key),
                   None) if h.section == "relations" and h.key == "blind" else None
        if kin is None:
            out.append(h)
            continue
        x = hits[kin]
        out.append(Hit("relations", x.key, h.start, x.end, h.pos, h.surface + x.surface))
        skip.add(kin)
    return out


_STRAYS = frozenset({"stray", "strays"})
_NO_PET_BETWEEN = frozenset({"and", "or", "but", "who", "that", "to", "from", "of", "with", "by"})


def _stray_pet(h: Hit, hits: list[Hit], words: tuple[str, ...]) -> bool:
    """"stray" said as a noun, a pet of the street ("a stray follows a little girl home", "throws coins at the
    shivering stray", "feeds the strays"): an article among the three words before it, no pet, person or joining
    word between (else "the puppy ... strays"), and no pet word right after it (that is "a stray kitten")."""
    before = words[max(0, h.start - 3):h.start]
    at = max((k for k, w in enumerate(before) if w in _ARTICLES or w in {"this", "that", "one", "some"}), default=None)
    if at is None or _NO_PET_BETWEEN & set(before[at + 1:]):
        return False
    first = h.start - len(before) + at
    return not any(first <= x.start < h.start and x.section in {"breeds", "species", "relations"} for x in hits) \
        and not any(x.start == h.end and x.section in {"breeds", "species", "relations"} for x in hits)


_TRIP = frozenset({"trip", "trips"})
_TRIPPED = frozenset({"him", "her", "them", "me", "us", "it", "everyone", "up", "over", "the", "a", "an", "his",
                      "their", "its", "my", "your", "our"})  # what follows the verb: whom it trips


def _journey(h: Hit, hits: list[Hit], words: tuple[str, ...]) -> bool:
    """"trip" said as a noun, a journey ("a rocket trip", "goes on a road trip", "her first school trip"): a
    determiner among the three words before it, no pet right before it (the poodle trips…) and no one after it
    whom it trips ("trips him", "trips the golden retriever")."""
    return h.surface in _TRIP and not _TRIPPED & set(words[h.end:h.end + 1]) \
        and bool(_ARTICLES & set(words[max(0, h.start - 3):h.start])) \
        and not any(x.end == h.start and x.section in {"breeds", "species", "relations"} for x in hits)


_PARENTS = frozenset({"mother", "father", "grandma", "grandpa", "owner", "stepmother"})
_DROPPED_AT = frozenset({"at", "with", "outside"})


def _dropped_off(h: Hit, hits: list[Hit], words: tuple[str, ...]) -> bool:
    """A parent (mom, dad, grandma) who "leaves" the little one ("mom leaves her at kindergarten", "when her mom
    leaves"), or its owner who leaves it at a place or with someone: it drops it off, it leaves no partner."""
    by = next((x.key for x in hits if x.section == "relations" and 0 <= h.start - x.end <= 1), None)
    return h.surface in {"leave", "leaves", "left", "leaving"} and (by in _PARENTS - {"owner"} or (
        by == "owner" and bool(_DROPPED_AT & set(words[h.end:h.end + 3]))))


_AT_WHOM_ZH = frozenset({"它", "他", "她", "它们", "他们", "她们", "我", "你"})


def _scorns_nobody(h: Hit, tokens: Tokens, starts: set[int]) -> bool:
    """嫌 is scorn only said of whom it scorns right after it (老婆嫌他穷, 嫌柯基太胖; ``starts``: where the pets
    are named): 他嫌麻烦 finds a thing a bother, and 嫌疑犯, a suspect, is a word of its own."""
    return h.surface == "嫌" and not (tokens.words[h.end:h.end + 1] and tokens.words[h.end] in _AT_WHOM_ZH
                                      or h.end in starts)


def _laughed_at(h: Hit, tokens: Tokens, people: set[int]) -> list[Hit]:
    """笑 with whom it laughs at right after it (同学们都笑它胖, 大家都笑小猫矮) is mockery, not a laugh: the
    hit read as the sneer it is, and the mocking event."""
    said = "".join(tokens.words[h.end:h.end + 2])
    at = h.end + next((len(m) for m in (("这", "只"), ("那", "只"), ("这只",), ("那只",)) if said.startswith("".join(m))), 0)
    at += int(tokens.words[at:at + 1] in (("老",), ("小",)))  # 笑这只老狗: whom it laughs at, told with its measure word
    if h.section != "actions" or h.key != "laugh" or h.surface != "笑" or not (
            tokens.words[h.end:h.end + 1] and tokens.words[h.end] in _AT_WHOM_ZH or at in people):
        return [h]
    return [Hit("actions", "sneer", h.start, h.end, h.pos, h.surface), Hit("events", "mock", h.start, h.end, h.pos, h.surface)]


def _wronged_to_tears(h: Hit, hits: list[Hit]) -> bool:
    """哭 right after a wrong's verb (被老板骂哭了, 把小狗欺负哭了): the tears are the one wronged's, the result of the
    scolding, never a deed of the one who scolds."""
    return h.section == "actions" and h.key == "cry" and any(
        x.section == "events" and x.end == h.start and x.key in _WRONGED_TO_TEARS for x in hits)


_WRONGED_TO_TEARS = frozenset({"mock", "frame", "fire", "betray", "dump"})
_THROWS_ZH = ("甩", "扔", "丢", "摔", "砸")  # 把钱甩在它脸上, 把工资扔在地上, 把钞票砸在流浪猫身上
_PUNCT_ZH = frozenset("，。！？；、,.!?;：:")


def _thrown_things(hits: list[Hit], tokens: Tokens) -> list[Hit]:
    """The hits less a pet dumped or abandoned where a thing is flung (把钱甩在小猫脸上, 把工资扔在地上): 把, a thing of
    the vocabulary and no pet or pronoun between, then 甩/扔/丢/摔/砸 is a throw (``story.staged.action_of`` stages it
    as the shove a throw is drawn from), no wrong of leaving (把小猫扔在路边, 把它甩了 stay so)."""
    words = tokens.words
    out = list(hits)
    for b, w in enumerate(words):
        if w != "把":
            continue
        v = next((k for k in range(b + 1, min(len(words), b + 6)) if words[k] in _PUNCT_ZH
                  or words[k].startswith(_THROWS_ZH)), None)
        if v is None or words[v] in _PUNCT_ZH:
            continue
        between = [h for h in hits if b < h.start < v]
        if not any(h.section == "props" for h in between) or any(
                h.section in {"breeds", "species", "relations"} for h in between) or \
                any(x in _AT_WHOM_ZH for x in words[b + 1:v]):
            continue
        out = [h for h in out if not (h.section == "events" and h.key in {"dump", "abandon"} and h.start == v)]
    return out


_DREAM_OF = {"梦想", "理想"}  # 梦想(中)的学校, "her dream school": the thing wished for, no career dream
_NOT_A_THING = frozenset({"of", "to", "about", "come", "came", "comes", "is", "was", "and", "big", "that"})


def dreamed_thing_at(tokens: Tokens, start: int) -> bool:
    """Whether the word at ``start`` is the thing a dream word describes: "her dream school", 梦想的学校,
    梦想中的房子 (the school, the house wished for; no dream of being a student)."""
    words = tokens.words
    if not tokens.chinese:
        return start >= 2 and words[start - 1] == "dream" and words[start - 2] in _ARTICLES \
            and words[start] not in _NOT_A_THING
    k = start - 1 if 1 <= start < len(words) and words[start - 1] == "的" else -1
    k -= int(k >= 1 and words[k - 1] == "中")
    return k >= 1 and words[k - 1] in _DREAM_OF


def _doubled(hit: Hit, tokens: Tokens) -> bool:
    """A one-character word said twice is a manner, not its deed: 偷偷 is "secretly" (偷偷弄坏 steals nothing)."""
    words = tokens.words
    return len(hit.surface) == 1 and hit.end == hit.start + 1 and (
        (hit.end < len(words) and words[hit.end] == hit.surface) or (hit.start > 0 and words[hit.start - 1] == hit.surface))


_BRING = {"带", "送", "抱", "领", "接", "捡", "背"}  # 把它带回家: someone brought home, no pet finding its way


def _brought_home(hit: Hit, tokens: Tokens) -> bool:
    """回家 after 带/送/抱/领/接 (把小狗带回家照顾): the pet is brought home by another, it does not find its way;
    回家 every day (每天半夜才回家): the way home after work, no lost pet finding it."""
    if hit.section != "events" or hit.surface != "回家" or hit.start == 0:
        return False
    words = tokens.words
    clause = words[:hit.start]
    for i in range(len(clause) - 1, -1, -1):
        if clause[i] in _CLAUSE_ENDS:
            clause = clause[i + 1:]
            break
    return words[hit.start - 1] in _BRING or bool(_EVERY_DAY & set(clause))


_EVERY_DAY = {"每天", "天天", "每晚", "每天晚上", "每个晚上", "每天夜里", "总是", "经常"}
_CLAUSE_ENDS = {"，", "。", "！", "？", "；", ",", ".", "!", "?", ";"}


_ONE_HOUSEHOLD = {"全", "整"}  # 全家 / 整家: a whole family
_NUMERAL = re.compile(r"[一二两三四五六七八九十几半每这那]$")


def _family_or_measure(hit: Hit, tokens: Tokens, people: set[int]) -> bool:
    """A one-character place word that is no place: a family (救了金毛一家, 全家, 家人), a measure word
    after a number (开了一家餐厅, 一窝小猫), or a pet's household before 的 (买下了白猫家的大楼)."""
    if hit.section != "places" or len(hit.surface) != 1:
        return False
    words = tokens.words
    before = words[hit.start - 1] if hit.start > 0 else ""
    after = words[hit.end] if hit.end < len(words) else ""
    return bool(_NUMERAL.search(before)) or before in _ONE_HOUSEHOLD or (
        hit.surface == "家" and (after.startswith(("人", "老小")) or (hit.start in people and after == "的")))


# words that start with 被 and are no passive (a quilt, a defendant, forced): read whole
_BEI_WORDS = ("被子", "被窝", "被单", "被套", "被褥", "被罩", "被面", "被告", "被动", "被迫", "被誉为", "被称为", "被称作",
              "被选为", "被宠若惊", "被服", "被覆", "被除数", "被减数", "被加数", "被乘数")


@cache
def _whole_zh() -> frozenset[str]:
    """Chinese words read whole, never split for the vocabulary word inside (``whole_zh.json``: 养家 is no home)."""
    return frozenset(read_json("whole_zh.json")["zh"])


@cache
def lexicon() -> Lexicon:
    """The shared vocabulary (loaded once)."""
    return Lexicon(load_data())
