"""Who each character is to the eye: its age and its job's costume, read from the premise and its own words.

A viewer with the sound off tells the old doctor from the kitten by the grey muzzle, the glasses and
the cane, and the doctor from the delivery rider by the white coat and the yellow helmet. ``personas``
reads, per character, the premise's analysis of that pet (``story.premise``: its traits "old", its
relation "grandma", its job in the premise's words "nurse") and the character's own words (id, name,
breed, look: "with grey whiskers", "police_dog"); ``dress`` turns the outfit a scene asks for into the
costume drawn: the job's own where the scene leaves the pet in its everyday clothes ("none") or in
the job's generic outfit ("uniform" for a police officer, a delivery rider or a student). A job the
hero only dreams of is worn only where the script dresses the hero for it. Words are data
(``costumes.json``). Pure.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from story.outfits import own_job as owns_job
from story.premise import Person, analyse
from story.script import Character, Script

_DATA = Path(__file__).with_name("costumes.json")
_BLIND = re.compile(r"\bblind\b|盲|失明|瞎")  # a person's words that say they cannot see


@dataclass(frozen=True)
class Persona:
    old: bool = False  # drawn with a grey muzzle, glasses, a cane and a stoop
    job: str | None = None  # the costume of its job (a ``costumes.json`` jobs key)
    works: bool = False  # the job is its own now (worn in everyday scenes), not the hero's dream
    nearest: str | None = None  # a lexicon job with no costume of its own (a founder): drawn in its nearest outfit
    person: str | None = None  # the person a pet plays (a little girl), in the premise's words
    clothes: str | None = None  # that person's everyday clothes (``costumes.json`` people: a girl's dress)
    blind: bool = False  # a blind person a pet plays (盲人, "a blind man"): dark glasses (its clothes) and a cane


@lru_cache(maxsize=1)
def costume_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(_DATA.read_text(encoding="utf-8"))
    return data


def _has(text: str, words: list[str]) -> str | None:
    """The first of ``words`` in ``text``: English on word boundaries, Chinese anywhere."""
    for w in sorted(words, key=len, reverse=True):
        if w.isascii():
            if re.search(rf"(?<![a-z]){re.escape(w)}(?![a-z])", text):
                return w
        elif w in text:
            return w
    return None


def job_costume(text: str, lexicon_job: str | None = None) -> str | None:
    """The costume for a job named in ``text`` (premise words or a character's own), else for a lexicon job key."""
    jobs: dict[str, dict[str, Any]] = costume_data()["jobs"]
    low = text.lower()
    named = [(low.find(hit), key) for key, j in jobs.items() if (hit := _has(low, [*j["en"], *j["zh"]]))]
    if named:
        return min(named)[1]
    return next((key for key, j in jobs.items() if lexicon_job and lexicon_job in j["lexicon"]), None)


def _named_before(premise: str, pos: int) -> str | None:
    """The costume of a job named just before a pet's first mention ("a detective cat"), the nearest one."""
    jobs: dict[str, dict[str, Any]] = costume_data()["jobs"]
    before = premise[max(0, pos - 24): pos].lower()
    hits = [(before.rfind(hit), key, hit) for key, j in jobs.items() if (hit := _has(before, [*j["en"], *j["zh"]]))]
    if not hits:
        return None
    at, key, hit = max(hits)
    # the role is this pet's only when nothing but its breed words stand between ("a nurse golden retriever"),
    # never another pet's before a verb ("a golden retriever nurse saves a kitten", 医生狗给生病的小猫)
    gap = before[at + len(hit):]
    # nor its owner's ("the farmer's son")
    return key if not re.search(r"[\u4e00-\u9fff]", gap) and len(gap.split()) <= 2 and not gap.startswith(
        ("'s", "s'", "’s")) and not re.search(
        r"(?<![a-z])(?:[a-z]+s|and|with|to|for|by|the|a|an)\s", gap + " ") else None


def _owned(premise: str, person: Person) -> bool:
    """Whether the job words a pet is read with name its owner, right before it ("the farmer's son", "the
    doctor's kitten", 农夫的孩子): the pet is no farmer, no doctor."""
    if not person.job_words:
        return False
    before = premise[max(0, person.pos - len(person.job_words) - 4): person.pos].lower()
    words = re.escape(person.job_words.lower())
    return re.search(rf"{words}(?:'s|s'|’s)\s*$|{words}的$", before) is not None


def is_old(text: str) -> bool:
    old = costume_data()["ages"]["old"]
    return _has(text.lower(), [*old["en"], *old["zh"]]) is not None


def _own_words(c: Character) -> str:
    return f"{c.id.replace('_', ' ')} {c.name} {c.breed} {c.look}"


def personas(script: Script) -> dict[str, Persona]:
    """Each character's age and job costume, by character id."""
    analysis = analyse(script.premise)
    people: dict[str, Person] = {p.key: p for p in analysis.cast}
    ages = costume_data()["ages"]
    out: dict[str, Persona] = {}
    for c in script.characters:
        person = people.get(c.id)
        if person is not None and person.human:  # a little girl, an old man: a pet plays the person, dressed so
            blind = person.relation == "blind" or bool(_BLIND.search(person.words[0]))  # 盲人奶奶: dark glasses
            clothes = costume_data()["people"]["blind"] if blind else costume_data()["people"].get(str(person.relation))
            out[c.id] = Persona(is_old(_own_words(c)) or "old" in person.traits or person.relation in ages["relations"],
                                person=person.words[0], clothes=clothes, blind=blind)
            continue
        own = _own_words(c)
        old = is_old(own)
        job = job_costume(own)
        works = job is not None
        if person is not None:
            old = old or "old" in person.traits or person.relation in ages["relations"]
            dream = analysis.dream if c.id == "hero" else None
            owned = _owned(script.premise, person)  # "the farmer's son", 农夫的孩子: the job is its owner's
            named = job_costume(person.job_words) if person.job_words and not owned else None
            named = named or _named_before(script.premise, person.pos)  # "a detective cat", "sea captain"
            named = named or (job_costume(" ".join(person.words)) if not owned else None)  # "a teacher dog"
            named = named or (job_costume("", person.job) if person.job and not owned else None)  # its nearest
            if named is None and c.id == "hero" and analysis.job is not None and owns_job(analysis):
                named = job_costume("", analysis.job)  # "a firefighter dog rescues…", never the adopter's job
            if job is None and named is not None:
                job, works = named, not (dream is not None and dream == person.job and analysis.job != dream)
            elif job is None and dream is not None:  # the job the hero only dreams of ("becomes a therapy dog": its
                job, works = _becomes(script.premise) or job_costume("", dream), False  # harness, no doctor's coat)
            if job is None and c.id == "hero":  # "becomes a pilot": worn from the scene that tells it (``became``)
                job, works = _becomes(script.premise), False
            if job is None:  # a job with no costume of its own: its nearest outfit, said so in the report
                own_job = person.job or (analysis.job if c.id == "hero" else None)
                nearest = own_job if own_job in costume_data()["nearest"] else None
                if nearest is None and c.id == "hero" and analysis.dream in costume_data()["nearest"]:
                    nearest = analysis.dream
                if nearest is not None:
                    out[c.id] = Persona(old, None, nearest == own_job, nearest)
                    continue
        out[c.id] = Persona(old, job, works)
    return {cid: _blind(p, people.get(cid)) for cid, p in out.items()}


def _blind(persona: Persona, person: Person | None) -> Persona:
    """A pet the premise calls blind ("his blind grandpa", "a blind dog", 失明的爷爷): its cane, and its dark
    glasses where no job's costume or person's clothes dress it."""
    if person is None or "blind" not in person.traits or persona.blind:
        return persona
    bare = persona.job is None and persona.nearest is None and persona.clothes is None
    return replace(persona, blind=True, clothes=costume_data()["people"]["blind"] if bare else persona.clothes)


def costume_note(persona: Persona, outfit: str) -> dict[str, str] | None:
    """The report's word on a character's job costume in a scene: the job, what was drawn, and how: its
    own costume, the nearest outfit (a mayor in a suit, a street vendor in an apron), or not worn here
    (at home, a dream not yet come true); a person a pet plays (a little girl): who, and the clothes drawn;
    None for a pet with no job."""
    if persona.person is not None:
        return {"person": persona.person, "drawn": outfit, "how": "person"}
    if persona.job is not None:
        return {"job": persona.job, "drawn": outfit, "how": "own" if outfit == persona.job else "not worn"}
    if persona.nearest is not None:
        near = costume_data()["nearest"][persona.nearest]
        return {"job": persona.nearest, "drawn": outfit, "how": "nearest" if outfit == near else "not worn"}
    return None


_BECOME = re.compile(r"(?<![a-z])(?:becomes?|became|becoming|is now|turns into|grows up to be|grew up to be)\s+(?:a|an|the)\s+"
                     r"((?:[a-z-]+\s+){0,2}[a-z-]+)")
_BECOME_ZH = ("成为了", "成为", "当上了", "当上", "当了", "成了", "变成了")


def _becomes(premise: str) -> str | None:
    """The costume of the job a premise says its hero becomes ("becomes a pilot", 当上飞行员), or None."""
    low = premise.lower()
    found = [job_costume(m.group(1)) for m in _BECOME.finditer(low)]
    found += [job_costume(low[i + len(w): i + len(w) + 8]) for w in _BECOME_ZH if (i := low.find(w)) >= 0]
    return next((f for f in found if f), None)


def became(narration: str, job: str) -> bool:
    """Whether ``narration`` tells that a pet has become a ``job`` (a ``costumes.json`` jobs key): "Mango
    becomes a pilot", "is now a doctor", 当上了医生; dreaming of it is not becoming it."""
    low = narration.lower()
    return any(job_costume(m.group(1)) == job for m in _BECOME.finditer(low) if "dream" not in
               low[max(0, m.start() - 12): m.start()]) or any(
        job_costume(low[i + len(w): i + len(w) + 8]) == job for w in _BECOME_ZH if (i := low.find(w)) >= 0)


def dress(outfit: str, persona: Persona, home: bool = False) -> str:
    """The costume drawn for a scene's ``outfit``: the job's own in place of everyday or generic clothes;
    at ``home`` (off work, with its family) everyday clothes stay everyday clothes; a person a pet plays wears
    its own clothes (a little girl's dress) wherever the scene leaves it in everyday ones."""
    if persona.clothes is not None:
        return persona.clothes if outfit == "none" else outfit
    if persona.job is None and persona.nearest is not None:  # the nearest outfit where it works
        near: str = costume_data()["nearest"][persona.nearest]
        return near if outfit == "none" and persona.works and not home else outfit
    if persona.job is None or outfit == persona.job or outfit == "none" and home:
        return outfit
    if outfit in costume_data()["jobs"][persona.job]["outfits"] or outfit == "none" and persona.works:
        return persona.job
    return outfit
