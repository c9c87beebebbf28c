"""What was understood of a premise, in words (pure): ``describe`` a cast member in either language
("a poor ginger cat", "her dog boyfriend", 穷橘猫), and ``understood_line``: the hero (and its job), the
cast with roles and sides, the goal, in one line of the i18n layer's words (``petreel.i18n.UNDERSTOOD``)."""

from __future__ import annotations

import re

from petreel.i18n import UNDERSTOOD, understood
from story.analysis import Analysis, Person
from story.jobs import dream_title
from story.lexicon import lexicon
from story.names import name_in
from story.styles import CHARACTER_STYLES
from story.takers import household_word
from story.titled import kin_name


def describe(person: Person, language: str, analysis: Analysis | None = None) -> str:
    """The person in words of ``language``: ``a poor ginger cat``, ``her dog boyfriend``, ``穷橘猫``."""
    lex = lexicon()
    zh = language == "zh"
    same_lang = analysis is not None and analysis.language == language
    if same_lang and person.words and person.words[0] and person.words != (person.name,):
        core = person.words[0]
    else:
        parts = [str(lex.entry("traits", t)["zh" if zh else "en"][0]) for t in dict.fromkeys(person.traits)]  # 年迈的老猫:
        # old once
        if person.colour and not person.breed:
            parts.append(str(lex.entry("colours", person.colour)["zh" if zh else "en"][0]))
        if person.breed:
            parts.append(str(lex.entry("breeds", person.breed)["zh" if zh else "en"][0]))
        elif person.species and not person.relation:
            newborn = not zh and any(w in said for said in person.words for w in _NEWBORN_ZH)  # 小奶狗: the puppy
            parts.append(_young_noun(person) if newborn else str(lex.entry("species", person.species)["zh" if zh else "en"][0]))
        if person.relation == "kittens" and person.species and not zh:  # 小奶猫 in English: the kitten, never
            parts.append(_young_noun(person))  # "the cat kittens"
        elif person.relation:
            if person.species and not person.breed:
                parts.append(str(lex.entry("species", person.species)["zh" if zh else "en"][0]))
            parts.append(str(lex.entry("relations", person.relation)["zh" if zh else "en"][0]))
        if not (person.breed or person.species or person.relation):  # 好心的面包师 in English: the kind baker
            role = str(lex.entry("jobs", person.job)[f"title_{language}"]) if person.job else household_word(person, language)
            parts += [role.removeprefix("the ")] if role else []
        core = ("" if zh else " ").join(parts) or ("宠物" if zh else "pet")
    if zh:
        return core
    if person.relation and person.of and not core.startswith(("her ", "his ", "the ")):
        return f"the {core}"
    return core if core.startswith(("the ", "her ", "his ", "their ")) else f"the {core}"


_YOUNG_NOUNS = {"cat": ("kitten", "kittens"), "dog": ("puppy", "puppies")}
_NEWBORN_ZH = ("奶狗", "奶猫", "狗崽", "猫崽")
_MANY_ZH = ("们", "一窝", "一群", "几只", "两只", "三只", "四只", "五只")


def _young_noun(person: Person) -> str:
    """The English word for a pet's young a premise names (小奶猫: the kitten; 一窝小奶猫, "her kittens": the kittens)."""
    one, many = _YOUNG_NOUNS.get(str(person.species), ("baby", "babies"))
    said = " ".join(person.words)
    plural = person.alike > 1 or any(w in said for w in _MANY_ZH) or bool(re.search(r"[a-z]s\b", said))
    return many if plural else one


def understood_line(analysis: Analysis, language: str) -> str:
    """One line saying what was understood: hero (job), the cast with roles and sides, the goal.
    The words are the i18n layer's (``petreel.i18n.UNDERSTOOD``); this function only composes them."""
    lex = lexicon()
    lang = "zh" if language == "zh" else "en"
    parts = []
    for p in analysis.cast:
        who = describe(p, language, analysis)
        if p.name and p.words == (p.name,) and kin_name(p.name) and lang != analysis.language:
            who = name_in(p.name, lang)  # 李阿姨 in English: Auntie Li
        elif p.name and p.words == (p.name,):  # a pet the premise names only by its name (小美被…)
            who = p.name if p is not analysis.hero or not analysis.job else understood(
                lang, "with_job", who=p.name, job=p.job_words if p.job_words and analysis.language == lang
                else lex.entry("jobs", analysis.job)[f"title_{lang}"])
        elif p.name:
            who = understood(lang, "named", name=p.name, who=who)
        if p.name and p.words == (p.name,):
            pass
        elif p.human and analysis.language == language:  # "the little girl, played by a pet"
            who = understood(lang, "played_by_a_pet", job=p.words[0])
        elif p.species is None and p.breed is None and p.relation is None and p is not analysis.hero:
            # someone the premise names by a job or a thing (the head chef, a greedy tech company)
            who = (p.words[0] if lang == "zh" else f"the {p.words[0]}") if p.words and analysis.language == language \
                else describe(p, language, analysis) if p.job or household_word(p, language) else understood(lang, "a_pet")
        elif p.species is None and p.breed is None and p.relation is None:
            job_word = analysis.surfaces.get(f"jobs:{analysis.job}") if analysis.job else None
            if job_word and analysis.language == language:
                who = understood(lang, "played_by_a_pet", job=job_word)
            else:
                who = understood(lang, "a_pet")
        elif p is analysis.hero and analysis.job and not _job_in_its_words(analysis, who, lang):
            job_title = p.job_words if p.job_words and analysis.language == lang else \
                lex.entry("jobs", analysis.job)[f"title_{lang}"]
            who = understood(lang, "with_job", who=who, job=job_title)
        if p.stand_in is not None:  # a parrot: drawn as the ginger cat, and said so before the clip is made
            animal = str(lex.entry("breeds", str(p.breed))[lang][0])
            who = understood(lang, "drawn_as", who=who, style=CHARACTER_STYLES[p.stand_in].label(lang).lower(),
                             animal=animal)
        side = understood(lang, "on_the_rival_side") if p.role not in {"hero", "rival"} and p.side == "villain" else ""
        parts.append(understood(lang, "part", role=understood(lang, f"role_{p.role}"), who=who, side=side))
    goal = _goal_text(analysis, lang)
    if goal:
        parts.append(understood(lang, "goal", goal=goal))
    return understood(lang, "line", parts=understood(lang, "separator").join(parts))


def _job_in_its_words(analysis: Analysis, who: str, lang: str) -> bool:
    """The hero's job already said by the words that name it ("the retired fire dog", "the police dog", 警犬, 搜救犬,
    "the sled dog"): its working dog's word is its job, never said twice ("the police dog, police") nor as another
    job's title ("the sled dog, athlete", 警犬，侦探)."""
    if analysis.language != lang or analysis.job is None:
        return False
    said = [analysis.hero.job_words, analysis.surfaces.get(f"jobs:{analysis.job}", "")]
    return any(w and w.lower() in who.lower() for w in said)


def _goal_text(analysis: Analysis, lang: str) -> str:
    if analysis.dream:
        text = understood(lang, "goal_become", title=dream_title(analysis, analysis.dream, lang))
        return re.sub(r"\ba ([aeiou])", r"an \1", text)  # "become an athlete"
    for key in [*analysis.outcomes, *analysis.goals]:
        if f"goal_{key}" in UNDERSTOOD and key != "become":
            return understood(lang, f"goal_{key}")
    if "lost_pet" in analysis.wrongs:
        return understood(lang, "lost_pet_home")
    return ""
