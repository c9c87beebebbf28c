"""Who a Chinese premise names by a role beside its pet in a kindness (pure): the one who finds, saves, frees or trains
the pet (老渔夫在码头捡到一只发抖的小猫, 外卖小哥捡到一只受伤的小猫, 小狗被消防员救出来, 警犬被老警察训练了三年) and the one
the pet saves or helps (小狗在河边救了市长, 小橘猫帮邮递员找回了丢失的信). ``add_met_zh`` casts each as a person of the
premise in its role's job (the premise's own word: the fisherman stays 渔夫), on the hero's side (a friend; a mentor
for one who trains it), so the painter draws it beside the pet and the job is never the pet's own. ``met.json``
holds the deeds and the words that call a person by a role (外卖小哥)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

from story.analysis import BY, Person, slug
from story.datafiles import read_json
from story.doers import cast_group, many_said
from story.lexicon import Hit, Tokens, lexicon
from story.nearest import nearest
from story.text import HAN

_BEFORE = {"的", "一位", "一个", "一名", "位", "个", "名", "这位", "那位"}  # 一位好心的, 退休的: before a role
_BETWEEN = {"都", "也", "就", "便", "终于", "又", "还", "每天", "天天", "偷偷", "悄悄", "把", "连夜", "立刻", "马上", "赶紧",
            "及时", "第一时间", "一直", "默默", "耐心", "细心", "悉心", "小心翼翼地", "轻轻", "轻轻地", "赶来", "赶到",
            "赶过来", "跑来", "冲过来", "冲进去", "爬上去", "来", "冒着大火", "冒着危险", "冒着大雨", "冒雨", "冒着暴雨"}  # 消防队赶来救它: came, then the deed
_AFTER_VERB = {"了", "着", "过"}
_WHERE = {"在", "从"}  # a place between a role and its deed (老渔夫在码头捡到, 被老农从河里救上来)
_ENDS = {"，", ",", "。", "；", ";", "！", "？", "后", "以后", "之后", "然后", "后来", "但", "却"}


@cache
def _data() -> dict[str, Any]:
    data: dict[str, Any] = read_json("met.json")
    return data


def _deed_at(words: Sequence[str], at: int, said: Sequence[str]) -> int | None:
    """Where one of ``said`` (the longest first) starting at token ``at`` ends, else None."""
    text = "".join(words[at:at + 4])
    for w in sorted(said, key=len, reverse=True):
        if text.startswith(w):
            k, length = at, 0
            while length < len(w):
                length += len(words[k])
                k += 1
            if length == len(w):
                return k
    return None


@cache
def _role_words() -> frozenset[str]:
    """The Chinese words that name a person by a role: the vocabulary's jobs and the nearest table's, those that end
    as a person's name for a role does (渔夫, 市长, 邮递员, 兽医; never 农场, 竞选)."""
    said = [w for e in lexicon().data["jobs"].values() for w in e.get("zh", ())]
    said += [w for e in read_json("nearest.json")["jobs"].values() for w in e.get("zh", ())]
    return frozenset(w for w in said if len(w) >= 2 and w[-1] in _PERSON_ENDS)


_PERSON_ENDS = set("员夫长师生医工民人察官手匠翁士哥姐叔姨爷奶警客主板厨安机丁农差队")  # 队: a crew (消防队)


def _role(text: str) -> tuple[str, str] | None:
    """(job key, role word) when ``text`` is a role (渔夫, 市长, 邮递员, 外卖小哥: a vocabulary job or its nearest one,
    with a word that calls a person by it after it), else None."""
    base = next((text[:-len(t)] for t in _data()["tails"] if text.endswith(t) and len(text) > len(t)), None)
    if text not in _role_words() and (base is None or not any(  # 外卖小哥, 门卫大爷: a trade, then who works it
            h.section == "jobs" and h.surface == base for h in lexicon().find(base))):
        return None
    near = nearest(text if base is None else base, "jobs", "zh")
    return (near.used, text) if near is not None else None


def _thing_after(words: Sequence[str], end: int) -> bool:
    """A role word that names a thing (外卖公司, 面包师的店): no person."""
    nxt = words[end] if end < len(words) else ""
    return nxt == "的" or any(h.section in {"places", "props", "jobs"} for h in lexicon().find(nxt)) if nxt else False


def _role_ending(words: Sequence[str], end: int, covered: set[int]) -> tuple[int, str, str] | None:
    """The role named by the tokens right before token ``end``: (first token, job, role word)."""
    for n in (4, 3, 2, 1):
        if end - n < 0 or covered & set(range(end - n, end)):
            continue
        found = _role("".join(words[end - n:end]))
        if found is not None:
            return end - n, *found
    return None


def _role_starting(words: Sequence[str], start: int, covered: set[int]) -> tuple[int, int, str, str] | None:
    """The role named from token ``start`` on, past the words describing it (老, 退休的, 一位): (first token of the
    role, its end, job, role word)."""
    k = start
    while k < len(words) and k - start < 4:
        if words[k] in _BEFORE or _trait(words[k]):
            k += 1
        elif k + 1 < len(words) and words[k + 1] == "的" and len(words[k]) <= 2 and HAN.search(words[k]) \
                and k not in covered:
            k += 2  # 迷路的司机, 落水的渔夫
        else:
            break
    for n in (4, 3, 2, 1):
        if k + n > len(words) or covered & set(range(k, k + n)):
            continue
        found = _role("".join(words[k:k + n]))
        if found is not None and not _thing_after(words, k + n):
            return k, k + n, *found
    return None


def _trait(word: str) -> bool:
    return any(h.section == "traits" for h in lexicon().find(word))


def _described_from(words: Sequence[str], start: int, covered: set[int]) -> int:
    """The first token of the describing words before a role (老, 一位, 好心的, 退休的)."""
    k = start
    while k > 0:
        w = words[k - 1]
        if (w in _BEFORE and w != "的") or _trait(w):
            k -= 1
        elif w == "的" and k > 1 and k - 2 not in covered and HAN.search(words[k - 2]) and len(words[k - 2]) <= 2 \
                and words[k - 2] not in BY:
            k -= 2
        else:
            break
    return k


def _clause_start(words: Sequence[str], at: int) -> int:
    return max((k + 1 for k in range(at) if words[k] in _ENDS), default=0)


def trade_kin_zh(people: list[Person], tokens: Tokens) -> None:
    """A Chinese word that calls a person by kin (阿姨, 大妈) said right after a trade names that trade's worker, no
    lady of the story: 保洁阿姨 is left to be cast by its role (a cleaner, in its work clothes); 好心的阿姨 stays."""
    if not tokens.chinese:
        return
    words = tokens.words
    for p in list(people):
        if p.relation is None and p.name is None or p.species or p.breed or not p.words \
                or p.words[0] not in _data()["tails"]:
            continue
        if any(_role("".join(words[p.start - n:p.end])) is not None for n in (3, 2, 1) if p.start - n >= 0):
            people.remove(p)


def role_zh(words: Sequence[str], end: int) -> tuple[int, str, str] | None:
    """The Chinese role named by the tokens right before token ``end`` (门卫大爷, 外卖小哥, 邮递员): (first token,
    job, role word), else None."""
    return _role_ending(words, end, set())


def kindness_zh(words: Sequence[str], k: int) -> tuple[int, str] | None:
    """(end, role) of a kindness done to a pet starting at token ``k`` (捡到, 救了, 训练: friend, mentor), else None."""
    deeds = {w: role for role, said in _data()["by"].items() for w in said}
    done = _deed_at(words, k, list(deeds))
    return (done, deeds[_deed_word(words, k, done)]) if done is not None else None


def add_met_zh(people: list[Person], hits: list[Hit], tokens: Tokens, taken: set[str]) -> None:
    """Casts the ones a Chinese premise names by a role who do the pet a kindness (before the deed, or after 被) or to
    whom the pet does one (after the deed), each on the hero's side in its role's job; only where a pet is named."""
    if not tokens.chinese or not any(p.species or p.breed for p in people):
        return
    words = tokens.words
    pets = [p for p in people if p.species or p.breed]
    covered = {k for p in people for k in range(p.start, max(p.end, p.start + 1))}
    by_deeds = {w: role for role, said in _data()["by"].items() for w in said}
    for k in range(len(words)):
        found: tuple[int, int, str, str, str, bool] | None = None
        done = _deed_at(words, k, list(by_deeds))
        if done is not None:
            found = _doer_before(words, k, done, covered, pets, by_deeds)
        if found is None:
            found = _helped_after(words, k, covered, pets)
        if found is None:
            continue
        start, end, job, said, role, by = found
        first = _described_from(words, start, covered)
        traits = tuple(dict.fromkeys(h.key for h in hits if h.section == "traits" and first <= h.start < start
                                     and lexicon().entry("traits", h.key)["side"] != "bad"))
        person = Person(key=slug(job, taken), role=role, side="hero", pos=tokens.offsets[start], traits=traits,
                        words=("".join(w for w in words[first:end] if w not in {"一位", "一个", "一名"}),),
                        start=start, end=end, job=job, job_words=said, after_by=by,
                        kind_by=role if by else None)
        people.append(person)
        if many_said(words, start, end, True):  # 消防员们, 消防队, 一群消防员: two of them
            cast_group(people, person, job, taken)
        covered |= set(range(first, end))


def _doer_before(words: Sequence[str], k: int, done: int, covered: set[int], pets: list[Person],
                 deeds: dict[str, str]) -> tuple[int, int, str, str, str, bool] | None:
    """The role that does the deed at ``k`` to a pet: 被老警察训练 (the role after 被, the pet the clause's own), 老渔夫
    在码头捡到一只小猫 (the role before the deed, a 在… place between, the pet after it)."""
    said = _deed_word(words, k, done)
    role = deeds.get(said)
    if role is None:
        return None
    end = _before_adverbs(words, k)
    place = next((j for j in range(max(0, end - 5), end) if words[j] in _WHERE), None)  # 在码头, 从河里
    held = next((j for j in range(max(0, end - 8), end) if words[j] == "把"
                 and (any(j < p.start < end for p in pets) or words[j + 1] in _IT and any(p.start < j for p in pets))),
                None)  # 消防员把小猫从火场里救了出来: the pet after 把; 小猫被困在树上，消防员把它救了下来: a pet said before
    held = _before_adverbs(words, held) if held is not None else None  # 消防员爬上去把它救了下来: climbs up, then 把
    ends = [end, *([place] if place is not None else []), *([held] if held is not None else [])]
    for e in ends:
        found = _role_ending(words, e, covered) or (
            _role_ending(words, e - 1, covered) if e > 0 and words[e - 1] == "们" else None)  # 消防员们把它救了下来
        if found is None:
            continue
        start, job, word = found
        first = _described_from(words, start, covered)
        by = first > 0 and words[first - 1] in BY
        begins = _clause_start(words, k)
        if by and any(begins <= p.start < first for p in pets):
            return start, e, job, word, role, True  # 小狗被消防员救出来: the clause's pet the one it saves
        if by and first - 1 == begins and any(p.start < begins for p in pets):
            return start, e, job, word, role, True  # 小狗被困在火场里，被消防员救了出来: the pet before, said once
        if e == held and first <= begins + 1:
            return start, e, job, word, role, False  # 消防员把小猫从火场里救了出来
        stop = next((j for j in range(done, len(words)) if words[j] in _ENDS), len(words))
        if not by and first <= begins + 1 and (any(done <= p.start < stop for p in pets) or _it_after(
                words, done, stop) and any(p.start < begins for p in pets)):
            return start, e, job, word, role, False  # 老渔夫在码头捡到一只发抖的小猫; 小狗被车撞了，后来兽医救活了它
    return None


_IT = frozenset({"它", "它们"})


def _it_after(words: Sequence[str], done: int, stop: int) -> bool:
    """A pronoun for a pet said before, right after a deed (救活了它, 把它送到): the deed is done to that pet."""
    return any(w in {"它", "它们"} for w in words[done:min(stop, done + 2)])


def _before_adverbs(words: Sequence[str], k: int) -> int:
    """Where the words of when and how before token ``k`` start (每天, 终于, 连夜, 第一时间: one token or cut in two)."""
    end = k
    while end > 0:
        if words[end - 1] in _BETWEEN:
            end -= 1
        elif end > 1 and words[end - 2] + words[end - 1] in _BETWEEN:
            end -= 2
        elif end > 2 and "".join(words[end - 3:end]) in _BETWEEN:  # 冒着大火: cut in three
            end -= 3
        else:
            break
    return end


def _deed_word(words: Sequence[str], k: int, done: int) -> str:
    return "".join(words[k:done])


def _helped_after(words: Sequence[str], k: int, covered: set[int], pets: list[Person]
                  ) -> tuple[int, int, str, str, str, bool] | None:
    """The role a pet does the deed at ``k`` to: 小狗在河边救了市长, 小橘猫帮邮递员找回了信 (the pet the clause's subject,
    said before the deed, no 被 between)."""
    done = _deed_at(words, k, _data()["to"])
    if done is None:
        return None
    begins = _clause_start(words, k)
    if not any(begins <= p.start < k and p.start == begins for p in pets) or any(
            w in BY for w in words[begins:k]):
        return None
    at = done
    while at < len(words) and words[at] in _AFTER_VERB:
        at += 1
    found = _role_starting(words, at, covered)
    if found is None:
        return None
    start, end, job, word = found
    return start, end, job, word, "friend", False
