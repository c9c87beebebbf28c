"""Who takes a pet in, named by a role or a household (pure): "a kind farmer adopts the stray puppy", "a fisherman
takes him in", "adopted by a kind farmer", "a family adopts her", 被渔夫收养, 被好心的面包师收养, 农夫收养了一只流浪狗,
一家人收养了它. ``add_takers`` casts each such one as a person of the premise, in its role's job (the premise's own
word: the baker stays "the baker" in either language), on the hero's side as its family (``kind_by``, ``kind_to``);
a person the premise already names who takes a pet in ("a rich little girl adopts him") is marked so too, never
the rival. ``sides.json`` ``takers`` holds the taking-in words and the households."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

from story.analysis import BY, Person, slug
from story.doers import cast_group, many_said, role_end
from story.lexicon import Hit, Tokens, lexicon
from story.met import kindness_zh, role_zh
from story.nearest import nearest
from story.sides import sides_data
from story.text import HAN

_BEFORE_EN = {"kind", "old", "young", "lonely", "poor", "rich", "gentle", "friendly", "local", "little", "nice",
              "elderly", "retired", "big", "warm", "caring", "loving"}  # the words that may describe the taker
_BETWEEN_EN = {"finally", "soon", "kindly", "happily", "then", "later", "quickly", "gladly"}
_BETWEEN_ZH = {"都", "也", "就", "便", "终于", "决定", "马上", "立刻", "把"}


@cache
def _data() -> dict[str, Any]:
    data: dict[str, Any] = sides_data()["takers"]
    return data


@cache
def _takes_in_en() -> tuple[list[str], ...]:
    """The English taking-in phrases as words, the longest first (sorted once, not at every token)."""
    return _phrases(tuple(_data()["takes_in"]["en"]))


@cache
def _phrases(said: tuple[str, ...]) -> tuple[list[str], ...]:
    """English phrases as words, the longest first."""
    return tuple(p.split() for p in sorted(said, key=lambda p: -len(p.split())))


def _phrase_end(words: Sequence[str], at: int, phrases: tuple[list[str], ...]) -> int | None:
    """Where one of ``phrases`` starting at token ``at`` ends (``*``: one word of any kind), else None."""
    for parts in phrases:
        span = words[at:at + len(parts)]
        if len(span) == len(parts) and all(p == "*" and w.isalpha() or p == w for p, w in zip(parts, span, strict=True)):
            return at + len(parts)
    return None


@cache
def _meets_en() -> tuple[tuple[str, tuple[list[str], ...]], ...]:
    """The English kindness phrases a role does to a pet, by the role they give it (``friend``, ``mentor``)."""
    return tuple((role, _phrases(tuple(said))) for role, said in _data()["meets"].items() if not role.startswith("_"))


def meeting_end(words: Sequence[str], at: int) -> tuple[int, str] | None:
    """(end, role) of an English kindness phrase starting at token ``at`` ("finds", "is fed", "trains": friend,
    mentor), else None."""
    for role, phrases in _meets_en():
        end = _phrase_end(words, at, phrases)
        if end is not None:
            return end, role
    return None


@cache
def _households(language: str) -> tuple[str, ...]:
    """The households of ``language``, the longest first."""
    return tuple(sorted(_data()["households"][language], key=len, reverse=True))


def taking_end(words: Sequence[str], at: int, chinese: bool) -> int | None:
    """Where a taking-in phrase starting at token ``at`` ends ("adopts", "takes him in", "took in", 收养, 收留了),
    else None; ``*`` in a phrase of ``sides.json`` is one word of any kind (the one taken, said by a pronoun)."""
    if chinese:
        text = "".join(words[at:at + 3])
        said = next((w for w in _data()["takes_in"]["zh"] if text.startswith(w)), None)
        if said is None:
            return None
        k, length = at, 0
        while length < len(said):
            length += len(words[k])
            k += 1
        return k
    return _phrase_end(words, at, _takes_in_en())


def _verb_after(words: Sequence[str], end: int, chinese: bool) -> int | None:
    """The taking-in phrase's end when one follows a mention ending at ``end`` (an adverb, 都, 终于 between)."""
    between = _BETWEEN_ZH if chinese else _BETWEEN_EN
    k = end
    while k < len(words) and words[k] in between:
        k += 1
    return taking_end(words, k, chinese)


def _household(words: Sequence[str], end: int, chinese: bool) -> int | None:
    """Where a household named right before token ``end`` starts ("a family", 一家人, 一家三口), else None."""
    for said in _households("zh" if chinese else "en"):
        parts = list(said) if chinese else said.split()
        for n in range(1, len(parts) + 1):  # a Chinese household may be cut into any number of tokens
            if end - n >= 0 and ("".join(words[end - n:end]) if chinese else " ".join(words[end - n:end])) == said:
                return end - n
    return None


def _role_at(tokens: Tokens, hits: list[Hit], end: int, people: set[int]) -> tuple[int, str | None, str] | None:
    """The role or household named right before token ``end``: (its first token, its job or None, its words)."""
    words = tokens.words
    zh = tokens.chinese
    start = _household(words, end, zh)
    if start is not None:
        return start, None, ("" if zh else " ").join(words[start:end])
    job = next((h for h in hits if h.section == "jobs" and h.end == end), None)
    word = words[end - 1] if end else ""
    met = role_zh(words, end) if zh and job is None else None
    if met is not None:  # 门卫大爷, 外卖小哥: a trade, then the word that calls a person by it
        start = met[0]
        return (start, met[1], met[2]) if role_end(tokens, start, end, people) == end else None
    if job is not None:
        key: str | None = job.key
    else:
        near = nearest(word, "jobs", "zh" if zh else "en") if len(word) > 1 and word.isalpha() else None
        if near is None or (not zh and not word.endswith(("er", "or", "man", "woman", "ist", "ian", "se"))):
            return None  # an English role ends as one does (fisherman, gardener, nurse)
        key = near.used
    start = end - 1 if job is None else job.start
    said = word if job is None else job.surface
    before = next((h for h in hits if job is not None and h.section == "jobs" and h.key == job.key
                   and h.end == job.start), None)
    if role_end(tokens, start, end, people) != end:
        return None
    if before is not None and not people & set(range(before.start, start)):  # "a police officer": one role of
        start, said = before.start, ("" if zh else " ").join(words[before.start:end])  # two job words, both said
    return start, key, said


def _described_from(tokens: Tokens, hits: list[Hit], start: int) -> int:
    """The first token of the describing words before a role (a kind old, 好心的, 一位)."""
    words = tokens.words
    k = start
    while k > 0:
        w = words[k - 1]
        trait = any(h.section == "traits" and h.end == k for h in hits)
        if tokens.chinese and (w in {"的", "一位", "一个", "一名", "一对", "位", "个"} or trait):
            k -= 1
        elif not tokens.chinese and (w in _BEFORE_EN or trait):
            k -= 1
        else:
            break
    return k


def _taken_one(people: list[Person], taker: Person, at: int, words: Sequence[str], chinese: bool) -> str | None:
    """The pet taken in: the one named after the taking (to the clause's end), else the one named first."""
    stop = next((k for k in range(at, len(words)) if words[k] in {",", ".", ";", "，", "。", "；", "and", "but"}),
                len(words))
    pets = [p for p in people if p is not taker and (p.species or p.breed or p.relation)]
    one = next((p for p in pets if at <= p.start < stop), None) or next(iter(pets), None)
    return one.key if one is not None else None


def add_takers(people: list[Person], hits: list[Hit], tokens: Tokens, taken: set[str]) -> None:
    """Casts the ones named by a role or a household who take a pet in (or marks the person already cast who does),
    each on the hero's side as its family; in English also the ones named by a role who find, feed, train or rescue
    a pet ("an old fisherman finds a puppy", "is trained by an old policeman": its friend or mentor) and the one
    a pet helps ("a kitten helps the old farmer"); only where the premise names a pet to take in."""
    words = tokens.words
    zh = tokens.chinese
    if not any(p.species or p.breed for p in people):
        return
    lex = lexicon()
    for p in people:  # "a rich little girl adopts him", "a grumpy neighbour takes the stray dog in", "a family of
        # cats adopts a puppy": a person (or a household of pets) who takes a pet in, never its rival
        at = _verb_after(words, p.end if p.end > p.start else p.start + 1, zh)
        taken_one = _taken_one(people, p, at, words, zh) if at is not None else None
        stray = next((q for q in people if q.key == taken_one and _stray(q, words)), None)  # "an old cat adopts a
        # stray kitten": the stray taken in is the story's, the old cat its family
        if at is not None and (p.human or _no_pet_taker(p, words, zh) or stray is not None) and not p.does_wrong \
                and not p.after_by:
            p.kind_by, p.kind_to = "family", p.kind_to or taken_one
            if (p.species or p.breed) and p.words and not zh and words[max(0, p.start - 2):p.start] == ("family", "of"):
                # "a family of cats": told whole
                p.words = (" ".join(words[p.start - 2:p.end]),)
    _kin_kindness(people, words, zh)
    if not zh:
        _home_with(people, words)
    covered = {k for p in people for k in range(p.start, max(p.end, p.start + 1) + 1)}  # "a corgi baker": its job
    for k in range(len(words)):
        role = "family"
        found = _taker_before(tokens, hits, k, covered) or _taker_after_by(tokens, hits, k, covered) \
            if _taking_at_or_by(words, k, zh) is not None else None
        if found is None and not zh:
            met = _meeter_before(tokens, hits, k, covered, people) or _meeter_after_by(tokens, hits, k, covered)
            found, role = (met[:5], met[5]) if met is not None else (None, role)
        if found is None and not zh:  # "a stray puppy finds a home with a kind farmer": its family
            home = _phrase_end(words, k, _phrases(tuple(_data()["home_with"]["en"])))
            role_home = _role_after(tokens, hits, home, covered) if home is not None else None
            found = (*role_home, False) if role_home is not None else None
        helped = _helped_after(tokens, hits, k, covered, people) if found is None and not zh else None
        if helped is not None:
            found, role = (*helped[1:], False), "helped"
        if found is None:
            continue
        start, end, job, said, by = found
        first = _described_from(tokens, hits, start)
        traits = tuple(dict.fromkeys(h.key for h in hits if h.section == "traits" and first <= h.start < start
                                     and (lex.entry("traits", h.key)["side"] != "bad" or h.key == "rich")))
        role = "friend" if role == "helped" else role  # the one a pet helps is its friend
        person = Person(key=slug(job or _data()["households"]["key"], taken), role=role, side="hero",
                        pos=tokens.offsets[start], traits=traits, words=(("" if zh else " ").join(words[first:end]),),
                        start=start, end=end, job=job, job_words=said if job else "", after_by=by, kind_by=role)
        if helped is not None:
            helped[0].kind_to = helped[0].kind_to or person.key
        else:
            person.kind_to = None if by else _taken_one(people, person, end, words, zh)
        people.append(person)
        if job is not None and many_said(words, start, end, zh):  # "the firemen rescue her", 消防员们: two of them
            cast_group(people, person, job, taken)
        _taker_again(people, person, words, zh)
        covered |= set(range(first, end))


def _kin_kindness(people: list[Person], words: tuple[str, ...], zh: bool) -> None:
    """A person named by a relation no pet word goes with ("a teacher finds a shivering kitten", 老师在学校门口捡到一只
    流浪猫) who does a kindness to a pet named after it in its clause: that pet's friend (its mentor, for one who
    trains it), and the pet the story's."""
    lex = lexicon()
    for p in people:
        if p.species or p.breed or p.relation is None or p.of is not None or p.human or p.kind_by or p.does_wrong \
                or p.after_by or lex.entry("relations", p.relation)["role"] in {"rival", "boss"}:
            continue
        found = _kindness_after(words, max(p.end, p.start + 1), zh)
        if found is None:
            continue
        end, role = found
        stop = next((k for k in range(end, len(words)) if words[k] in {*_STOPS_EN, "，", "。", "；"}), len(words))
        pet = next((q for q in people if end <= q.start < stop and (q.species or q.breed)), None)
        if pet is not None:
            p.kind_by, p.kind_to = role, pet.key


def _kindness_after(words: tuple[str, ...], at: int, zh: bool) -> tuple[int, str] | None:
    """(end, role) of a kindness done right after token ``at``, past words of when and a Chinese where-phrase (在学校
    门口, 从河里), else None."""
    between = _BETWEEN_ZH if zh else _BETWEEN_EN
    while at < len(words) and words[at] in between:
        at += 1
    if not zh:
        return meeting_end(words, at)
    for k in range(at, min(at + 6, len(words))):
        if k > at and words[at] not in {"在", "从"}:
            break
        found = kindness_zh(words, k)
        if found is not None:
            return found
    return None


def _no_pet_taker(p: Person, words: tuple[str, ...], zh: bool) -> bool:
    """``p`` takes a pet in as no pet of the story would: a relation named by no pet word ("a grumpy neighbour",
    "a retired teacher"), or a household of pets ("a family of cats"): the one it takes in is the story's."""
    if zh:
        return False
    if p.species or p.breed:
        return words[max(0, p.start - 2):p.start] == ("family", "of")
    return p.relation is not None and p.of is None


def no_pet_taker(p: Person, words: tuple[str, ...], people: Sequence[Person] = ()) -> bool:
    """``p`` took a pet in (``kind_by`` family, ``kind_to`` the one taken) as no pet of the story would (a
    relation named by no pet word, a household of pets), or took in a stray (one of ``people``: "an old cat adopts
    a stray kitten", 老猫收养了一只流浪小猫): the one taken in is the hero."""
    return p.kind_by in {"family", "friend", "mentor"} and p.kind_to is not None and not p.after_by and (_no_pet_taker(
        p, words, any(HAN.search(w) for w in words)) or any(q.key == p.kind_to and _stray(q, words) for q in people))


_STRAY_WORDS = frozenset({"stray", "orphaned", "orphan", "abandoned", "homeless", "流浪", "流浪的", "被遗弃", "被遗弃的",
                          "被抛弃的", "遗弃"})


def _stray(p: Person, words: Sequence[str]) -> bool:
    """A pet with no home, told so in or right before its words ("a stray kitten", "an abandoned puppy", "the
    stray", 流浪小猫, 一只被遗弃的小狗)."""
    said = " ".join(p.words).lower()
    return p.breed in {"stray_cat", "mutt"} and "stray" in said or any(
        w in _STRAY_WORDS or w.startswith("流浪") for w in words[max(0, p.start - 3):max(p.end, p.start + 1)]) \
        or any(w in said for w in ("stray", "流浪"))


def _home_with(people: list[Person], words: tuple[str, ...]) -> None:
    """A pet that finds a home with another ("a puppy … finds a new home with a cat"): that other takes it in."""
    phrases = _phrases(tuple(_data()["home_with"]["en"]))
    for k in range(len(words)):
        end = _phrase_end(words, k, phrases)
        if end is None:
            continue
        end += words[end] in {"a", "an", "the"} if end < len(words) else 0
        pet = next((p for p in people if p.start == end and (p.species or p.breed) and not p.after_by), None)
        home = next((p for p in reversed(people) if p.start < k and (p.species or p.breed) and p is not pet), None)
        if pet is not None and home is not None and not pet.does_wrong:
            pet.kind_by, pet.kind_to = "family", home.key


_STOPS_EN = {",", ".", ";", "and", "but", "then", "until", "who", "while", "so", "when"}
_FILLER_EN = {"every", "each", "day", "night", "morning", "evening", "week", "one", "always", "later", "then", "soon",
              "finally", "kindly", "gently", "lovingly", "patiently", "secretly", "quietly", "carefully", "out", "up",
              "there", "here", "for", "years", "months", "weeks", "days", "by", "a"}


def _clause_pet(people: list[Person], at: int, words: tuple[str, ...]) -> Person | None:
    """The first pet named from token ``at`` to its clause's end, or None."""
    stop = next((k for k in range(at, len(words)) if words[k] in _STOPS_EN), len(words))
    return next((p for p in people if at <= p.start < stop and (p.species or p.breed)), None)


_PRONOUNS_EN = frozenset({"her", "him", "it", "them"})


def _pet_said(people: list[Person], k: int, words: tuple[str, ...]) -> bool:
    """The kindness at ``k`` is done to a pet said before by a pronoun right after its verb ("a cat is trapped in a
    tree and the firemen rescue her", "and a firefighter gets her down"): a pet named before it."""
    return k + 1 < len(words) and words[k + 1] in _PRONOUNS_EN and any(
        (p.species or p.breed) and p.start < k for p in people)


def _meeter_before(tokens: Tokens, hits: list[Hit], k: int, covered: set[int], people: list[Person]
                   ) -> tuple[int, int, str | None, str, bool, str] | None:
    """The role said right before an English kindness phrase at ``k`` done to a pet named after it in its clause ("an
    old fisherman finds a shivering puppy", "a nurse feeds the stray cat"): (start, end, job, words, False, role)."""
    words = tokens.words
    met = meeting_end(words, k)
    if met is None or k == 0 or _clause_pet(people, k + 1, words) is None and not _pet_said(people, k, words):
        return None  # "pulls a kitten out": inside it
    end = _came_first(words, k)
    while end > 0 and words[end - 1] in _BETWEEN_EN:
        end -= 1
    role = _role_at(tokens, hits, end, covered)
    if role is None or covered & set(range(role[0], end)):
        return None
    first = _described_from(tokens, hits, role[0])
    if first and words[first - 1] in {*BY, "her", "his", "their", "its"}:
        return None  # "a puppy kicked out by her family finds a new home": the puppy finds it
    return role[0], end, role[1], role[2], False, met[1]


_CAME_EN = frozenset({"comes", "come", "came", "rushes", "rush", "rushed", "hurries", "hurried", "runs", "ran", "races",
                      "arrives", "arrived", "climbs", "climb", "climbed", "jumps", "jumped", "dives", "dived", "swims",
                      "crawls", "goes", "went", "reaches", "reached", "shows", "showed"})
_ON_THE_WAY_EN = frozenset({"up", "down", "in", "out", "over", "inside", "into", "the", "a", "ladder", "tree", "roof",
                            "well", "river", "water", "there", "quickly", "fast", "just", "finally"})


def _came_first(words: Sequence[str], k: int) -> int:
    """Where the doer of the kindness at ``k`` ends when it first comes or climbs to it ("the fire department comes to
    rescue him", "a firefighter climbs up and rescues her", "rushes in and saves"): before that going; else ``k``."""
    if k >= 2 and words[k - 1] == "to" and words[k - 2] in _CAME_EN:
        return k - 2
    if k >= 2 and words[k - 1] == "and":
        j = k - 2
        while j > 0 and words[j] in _ON_THE_WAY_EN and k - 2 - j < 4:
            j -= 1
        if words[j] in _CAME_EN:
            return j
    return k


def _meeter_after_by(tokens: Tokens, hits: list[Hit], k: int, covered: set[int]
                     ) -> tuple[int, int, str | None, str, bool, str] | None:
    """The role after an English "by" that a kindness participle comes before, a few words of when between ("is
    trained by an old policeman", "is fed every day by a kind baker"): (start, end, job, words, True, role)."""
    words = tokens.words
    if words[k] not in BY or k < 1:
        return None
    met = next(((j, m) for j in range(k - 1, max(-1, k - 10), -1) if (m := meeting_end(words, j)) is not None
                and (all(w in _FILLER_EN for w in words[m[0]:k]) or _whence(words[m[0]:k]))), None)
    if met is None or any(w in _STOPS_EN for w in words[met[0]:k]):
        return None
    role = _role_after(tokens, hits, k + 1, covered)
    return (*role, True, met[1][1]) if role is not None else None


_WHENCE = frozenset({"from", "of", "out", "in", "into", "through", "off"})


def _whence(between: Sequence[str]) -> bool:
    """Words between a rescue's participle and "by" that say only where from ("is pulled out of a flooded river by",
    "was saved from the fire by", "is dug out of the snow by"): a short phrase opening with from/of/out."""
    return 0 < len(between) <= 7 and between[0] in _WHENCE and not any(w in _STOPS_EN for w in between)


def _helped_after(tokens: Tokens, hits: list[Hit], k: int, covered: set[int], people: list[Person]
                  ) -> tuple[Person, int, int, str | None, str] | None:
    """The one named by a role right after a pet's kindness phrase at ``k`` ("a kitten helps the old farmer", "a
    beagle saves a drowning fisherman"): (the pet, start, end, job, words)."""
    words = tokens.words
    end = _phrase_end(words, k, _phrases(tuple(_data()["helped"]["en"])))
    pet = next((p for p in people if (p.species or p.breed) and not p.after_by and max(p.end, p.start + 1) <= k
                and all(w in _OFTEN_EN for w in words[max(p.end, p.start + 1):k])), None)  # "a kitten always helps"
    if end is None or pet is None:
        return None
    role = _role_after(tokens, hits, end, covered)
    return (pet, *role) if role is not None else None


def _role_after(tokens: Tokens, hits: list[Hit], at: int, covered: set[int]) -> tuple[int, int, str | None, str] | None:
    """The role named from token ``at`` on, past an article and its describing words, the words of a compound role
    before it ("a kind farmer", "a mountain ranger", "the old baker"): (start, end, job, words)."""
    words = tokens.words
    start = at + (at < len(words) and words[at] in {"a", "an", "the"})
    named = {k for h in hits if h.section in {"species", "breeds", "relations"} for k in range(h.start, h.end)}
    for end in range(start + 1, min(start + 4, len(words)) + 1):
        role = _role_at(tokens, hits, end, covered)
        if role is None or covered & set(range(role[0], end)):
            continue
        first = _described_from(tokens, hits, role[0])
        if first <= start:
            return role[0], end, role[1], role[2]
        between = words[start:role[0]]  # "a mountain ranger", "a park ranger": one role of two words
        if all(w.isalpha() and w not in _NOT_ROLE_EN for w in between) and not named & set(range(start, role[0])):
            return start, end, role[1], " ".join(words[start:end])
    return None


_OFTEN_EN = {"always", "often", "also", "secretly", "quietly", "kindly", "then", "later", "soon", "bravely", "gently"}
_NOT_ROLE_EN = {"and", "or", "in", "on", "at", "of", "to", "with", "for", "from", "who", "that", "the", "a", "an", "by",
                "his", "her", "their", "its", "my", "is", "was", "are"}


def _taker_again(people: list[Person], taker: Person, words: tuple[str, ...], zh: bool) -> None:
    """The taker's job told again after it ("adopted by a kind firefighter … saves the firefighter"): the one
    who took the pet in, told of again, never a second one in that job."""
    for p in list(people):
        said = p.words[0].split()[-1] if p.words and p.words[0].split() else ""
        if p is taker or not taker.job or p.job not in {taker.job, None} or p.job is None and (
                not said or said != taker.words[0].split()[-1]) or p.start <= taker.start or p.species or p.breed \
                or p.name or p.alike > 1 or p.does_wrong or p.kind_by or p.relation \
                or not zh and (not p.start or words[p.start - 1] not in {"the", "that", "this"}):
            continue
        people.remove(p)
        taker.again = (*taker.again, (p.start, max(p.end, p.start + 1)), *p.again)
        taker.key = p.key if taker.key.startswith(f"{p.key}_") else taker.key  # one firefighter: no firefighter_2


def _taking_at_or_by(words: Sequence[str], k: int, chinese: bool) -> int | None:
    return taking_end(words, k, chinese) if chinese or words[k] not in BY else k + 1


def _taker_before(tokens: Tokens, hits: list[Hit], k: int, covered: set[int]
                  ) -> tuple[int, int, str | None, str, bool] | None:
    """The role or household said right before the taking-in phrase at ``k`` ("a kind farmer adopts", 农夫收养了,
    被渔夫收养: the passive's doer too): (start, end, job, words, after 被)."""
    words = tokens.words
    if words[k] in BY or taking_end(words, k, tokens.chinese) is None:
        return None
    end = k
    between = _BETWEEN_ZH if tokens.chinese else _BETWEEN_EN
    while end > 0 and words[end - 1] in between:
        end -= 1
    role = _role_at(tokens, hits, end, covered)
    if role is None or covered & set(range(role[0], end)):
        return None
    start, job, said = role
    first = _described_from(tokens, hits, start)
    by = tokens.chinese and first > 0 and words[first - 1] in BY
    return start, end, job, said, bool(by)


def _taker_after_by(tokens: Tokens, hits: list[Hit], k: int, covered: set[int]
                    ) -> tuple[int, int, str | None, str, bool] | None:
    """The role or household after an English "by" that a taking-in participle comes right before ("is adopted by
    a kind farmer", "taken in by a young nurse", "taken in by a mountain ranger")."""
    words = tokens.words
    if tokens.chinese or words[k] not in BY or k < 1:
        return None
    if not any(taking_end(words, j, False) == k for j in range(max(0, k - 3), k)):
        return None
    role = _role_after(tokens, hits, k + 1, covered)
    return (*role, True) if role is not None else None


def household_word(person: Person, language: str) -> str | None:
    """A household taker's word in ``language`` ("the family", 一家人), or None for anyone else."""
    data = _data()["households"]
    if person.job or person.species or person.breed or person.relation or not person.words:
        return None
    said = person.words[0]
    if not any(said.endswith(w) for w in (*data["en"], *data["zh"])):
        return None
    return str(data["say"][language])
