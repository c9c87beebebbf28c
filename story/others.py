"""The ones a premise names by a role or a thing, not by a pet word (pure): "the head chef laughs at
her" (a job after "the", once the hero's role is told), "the head chef cat" (the pet is the chef), "a
greedy tech company" (a bad trait on something that is not a pet: an antagonist too; never the place
where it happens, "thrown out of a fancy hotel")."""

from __future__ import annotations

import re
from collections.abc import Callable

from story.analysis import BY, Person, slug
from story.lexicon import Hit, lexicon

_PLACE_PREPS = {"at", "in", "of", "into", "from", "to", "inside", "outside", "near", "across", "through", "onto"}


_BEFALLS = {"lost_pet", "lose", "hidden_identity"}  # no one does these to another
_BETWEEN = {"all", "also", "always", "just", "often", "都", "们", "也", "总是", "一起", "纷纷", "全都"}


def add_doers_by_role(people: list[Person], hits: list[Hit], words: tuple[str, ...], taken: set[str]) -> None:
    """Adds the ones named by a job who do a wrong ("the waiters laugh at a scruffy dog", "laughed at by the
    waiters", 服务员们都嘲笑它, 被服务员嘲笑): the wrong's doers, in that job (a waiter drawn as one), never
    the hero's own job; a job said with a pet ("two waiter cats") is that pet's."""
    lex = lexicon()
    if not any(p.species for p in people):
        return  # "the head chef laughs at her": no pet to do it to; the role is read as before
    wrongs = [h for h in hits if h.section == "events" and h.key not in _BEFALLS
              and lex.entry("events", h.key)["kind"] == "wrong"]
    workplaces = {(h.start, h.end) for h in hits if h.section == "places"}  # 被公司开除, "fired by the company": no one pet
    for h in hits:
        if h.section != "jobs" or (h.start, h.end) in workplaces or any(
                p.start <= h.start < max(p.end, p.start + 1) or p.start == h.end for p in people) \
                or (h.start and words[h.start - 1 - (words[h.start - 1] in {"the", "a"})] in _PLACE_PREPS):
            continue  # "the popular dogs at school ignore…": where it happens, no student who does it
        does = any(0 <= w.start - h.end <= 2 and all(x in _BETWEEN for x in words[h.end:w.start]) for w in wrongs)
        by = any(w in BY for w in words[max(0, h.start - 3):h.start]) and any(
            0 <= h.start - w.end <= 4 or 0 <= w.start - h.end <= 1 for w in wrongs)  # "laughed at by", 被…嘲笑
        if does or by:
            doer = Person(key=slug(h.key, taken), role="other", side="neutral", pos=h.pos, words=(h.surface,),
                          start=h.start, end=h.end, job=h.key, job_words=h.surface, after_by=by and not does)
            people.append(doer)
            _told_again(people, doer)


def _told_again(people: list[Person], doer: Person) -> None:
    """A role word told after the one who did a wrong in that role, and the last word of its role's name
    (被餐厅老板赶了出去…当年赶走他的老板, "fired by the restaurant owner … the owner who fired him"): that
    doer told of again, never one more pet."""
    for p in list(people):
        said = p.words[0] if p.words else ""
        if p is doer or p.start <= doer.start or not p.relation or p.species or p.breed or p.name or p.alike > 1 \
                or not said or said == doer.job_words or not doer.job_words.endswith(said):
            continue
        if re.fullmatch(r"[a-z ]+", said) and not doer.job_words.endswith(f" {said}"):
            continue  # "the landlord … the lord": a word of its own
        people.remove(p)
        doer.again = (*doer.again, (p.start, p.end), *p.again)


WRONGDOERS_EN = frozenset({"thief", "robber", "burglar", "pickpocket", "mugger", "crook", "bandit", "thieves", "robbers",
                           "burglars", "pickpockets", "muggers", "crooks", "bandits"})

_THEFT_EN = re.compile(r"steals?|stole|snatch(?:es|ed)?|takes?|took|grabs?|grabbed|breaks?|broke|sneaks?|snuck|robs?|"
                       r"robbed|swipes?|swiped|picks?|picked|mugs?|mugged|lifts?|lifted|runs?|ran")


def _add_thieves_en(people: list[Person], words: tuple[str, ...], taken: set[str]) -> None:
    """Adds the one an English premise names by a thief's word alone ("a thief steals an old cat's fish … two police
    dogs chase him", "a burglar breaks into the house and the family dog scares him away"): the story's thief, the one
    its pet stops; never one said with a pet ("a thief cat", "the burglar husky": that pet is the thief)."""
    if not any(p.species or p.breed for p in people):
        return
    covered = {k for p in people for k in range(p.start, max(p.end, p.start + 1))}
    for k, word in enumerate(words):
        if word not in WRONGDOERS_EN or k in covered or any(p.start == k + 1 for p in people) \
                or not _THEFT_EN.fullmatch(" ".join(words[k + 1:k + 2])):
            continue  # the theft's doer only ("a thief steals"), never one only caught ("catches a thief", "the
            # burglar who stole the necklace": told as the pet's deed)
        people.append(Person(key=slug("thief", taken), role="other", side="neutral", pos=sum(len(w) + 1 for w in words[:k]),
                             traits=("mean",), words=(word,), start=k, end=k + 1))
        people.sort(key=lambda p: p.pos)
        return  # one thief: "the thief … the thief" is told again


def person_thief(p: Person) -> bool:
    """``p`` is a thief named by a thief's word alone, no pet ("a pickpocket", 小偷): never the story's hero."""
    return not p.species and not p.breed and bool(p.words) and (p.words[0] in WRONGDOERS_EN or p.words[0] in WRONGDOERS_ZH)


def add_others(people: list[Person], hits: list[Hit], words: tuple[str, ...], chinese: bool, taken: set[str],
               said_of_subject: Callable[[Hit], bool] = lambda _h: False, owners: frozenset[int] = frozenset()) -> None:
    """Adds to ``people`` the ones named by a job or by a bad trait on a thing; a job just before a pet
    becomes that pet's; never a job ``said_of_subject`` ("everyone learns he's the founder": who the pet is);
    a job said with 's (``owners``, the token indices) is the pet's owner ("the old farmer's dog"), one more."""
    lex = lexicon()
    add_doers_by_role(people, hits, words, taken)
    if chinese:
        _add_wrongdoers_zh(people, words, taken)
    else:
        _add_thieves_en(people, words, taken)
    # someone named by a job ("the head chef laughs at her") is a person too
    hero_job_seen = False
    for h in hits:
        if h.section != "jobs" or not h.start or chinese:
            continue
        place = any((x.section == "places" or x.section == "events" and x.key == "compete") and x.start == h.start
                    or x.section == "events" and x.key == "win" and x.end == h.start - 1
                    for x in hits)  # "the moon" is a place; "at the race", "wins the marathon": a contest, no racer
        pet = next((p for p in people if p.start == h.end), None)
        if h.end - 1 in owners and pet is not None and (pet.species or pet.breed):
            lead = h.start
            while lead and any(x.section in {"traits", "colours"} and x.start == lead - 1 for x in hits):
                lead -= 1  # "an old farmer's dog": the farmer is old, the dog not said to be
            people.append(Person(key=slug(h.key, taken), role="other", side="neutral", pos=h.pos, relation="owner",
                                 job=h.key, job_words=h.surface, words=(" ".join(words[lead:h.end]),), start=lead,
                                 end=h.end))
            hero_job_seen = True
            continue  # the pet's owner, by the job ("the baker's cat"): one more, never the pet's job
        if pet is not None and pet.job in (None, h.key) and not chinese and words[h.start - 1] in {"the", "a", "an"}:
            pet.job, pet.job_words, pet.start = h.key, h.surface, h.start  # "the head chef cat" is the chef
            pet.words = (" ".join(words[h.start:pet.end]),)
            hero_job_seen = True
            continue
        named_thing = any((x.section in {"places", "props"} or (x.section == "events" and x.key == "compete"))
                          and x.start == h.end for x in hits)  # "the singing contest": a contest, no singer
        where = h.start > 1 and words[h.start - 2] in _PLACE_PREPS  # "top of the class", "in the school": where
        if words[h.start - 1] == "the" and hero_job_seen and not place and not named_thing and not where and not any(
                p.start <= h.start < p.start + 4 for p in people) and not said_of_subject(h):
            person = Person(key=slug(h.key, taken), role="other", side="neutral", pos=h.pos, words=(h.surface,),
                            start=h.start)
            people.append(person)
        hero_job_seen = True
    # "a greedy tech company": a bad trait on something that is not a pet is an antagonist too
    for h in hits:
        if h.section != "traits" or lex.entry("traits", h.key)["side"] != "bad" or chinese:
            continue
        if any(p.start <= h.start <= p.start + 4 for p in people):
            continue
        noun = next((x for x in hits if x.section in {"jobs", "places"} and 0 < x.start - h.start <= 2), None)
        noun = next((x for x in hits if x.section == "places" and noun is not None and x.start == noun.start), noun)
        # "mocked at a rich school": the school's word is a place, where it happens, before a student's job
        at = h.start - 1 if h.start and words[h.start - 1] in {"a", "an", "the"} else h.start
        if noun is not None and noun.section == "places" and at and words[at - 1] in _PLACE_PREPS:
            continue  # "thrown out of a fancy hotel": where it happens, not who does it
        if noun is not None:
            people.append(Person(key=slug(noun.key, taken), role="other", side="neutral", pos=h.pos,
                                 traits=(h.key,), words=(" ".join(words[h.start:noun.end]),), start=h.start))


def owners_of_pets(people: list[Person]) -> None:
    """A pet's owner named by its job ("the baker's cat steals bread") does not do what its pet is said to do."""
    for p in people:
        if p.relation == "owner" and p.job and not (p.species or p.breed) and any(
                q.start == p.end and (q.species or q.breed) for q in people):
            p.does_wrong = p.own_wrong = False
            p.victim = None


WRONGDOERS_ZH = ("偷车贼", "小偷", "窃贼", "盗贼", "强盗", "劫匪", "歹徒", "扒手", "骗子", "坏人", "坏蛋", "罪犯", "逃犯")


def _add_wrongdoers_zh(people: list[Person], words: tuple[str, ...], taken: set[str]) -> None:
    """Adds the one a Chinese premise names by its wrong alone (小猫抓住了偷走主人钱包的小偷, 警犬抓住了坏人): a
    wrongdoer of the story, the one its pet stops; never one said with a pet (小偷猫: that pet is the thief)."""
    if not any(p.species or p.breed for p in people):
        return
    covered = {k for p in people for k in range(p.start, max(p.end, p.start + 1) + 1)}
    for k in range(len(words)):
        said = next((w for w in WRONGDOERS_ZH if "".join(words[k:k + 3]).startswith(w)), None)
        if said is None or k in covered:
            continue
        end, length = k, 0
        while length < len(said):
            length += len(words[end])
            end += 1
        if length != len(said) or end in covered:
            continue
        people.append(Person(key=slug("thief" if "贼" in said or "偷" in said or said == "扒手" else "villain", taken),
                             role="other", side="neutral", pos=sum(len(w) for w in words[:k]), traits=("mean",),
                             words=(said,), start=k, end=end))
        people.sort(key=lambda p: p.pos)
        covered |= set(range(k, end + 1))
