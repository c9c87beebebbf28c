"""Pets a premise counts (pure): "two rival dogs", "两只狗", "three kittens", "三只小猫" are that many pets
alike, each cast (``Person.alike``); "一窝小猫", "four puppies" are more than a scene holds, so the first
and a litter of the others (brothers and sisters). "a cat raises a litter of kittens": her young, one
litter."""

from __future__ import annotations

from dataclasses import replace

from story.analysis import Person, slug
from story.lexicon import Hit

_COUNTED = {"two": 2, "2": 2, "两只": 2, "两条": 2, "两个": 2, "俩": 2, "three": 3, "3": 3, "三只": 3, "三条": 3,
            "三个": 3, "twin": 2, "twins": 2, "双胞胎": 2}  # twins: two of one birth, alike (``story.kin``)
_TWINS = {"twin", "twins", "双胞胎"}  # of a relative ("her twin sister", 双胞胎姐姐): that one relative, never two
_LITTER = {"一窝", "一群", "几只", "四只", "五只", "好几只", "一窝窝", "four", "five", "six", "several", "many", "4", "5",
           "litter"}


def add_counted(people: list[Person], person: Person, head: Hit, before: tuple[str, ...], young: bool,
                chinese: bool, taken: set[str], label: str, many: bool = False, pair: bool = False) -> None:
    """After ``person`` (just added to ``people``, its head ``head``, the words ``before`` its mention):
    as many pets like it as its words count, or a litter of them; ``young``: its head is the young of a
    species ("kittens", "puppies"); ``many``: its head is a group of grown pets ("the poodles", 贵宾犬们),
    two of them cast when no number says how many; ``pair``: its head is said with a siblings' word ("husky
    brothers", 金毛兄弟), two of them."""
    count = next((_COUNTED[w] for w in reversed(before) if w in _COUNTED
                  and not (w in _TWINS and person.relation is not None)), 2 if pair else 0)  # ``pair``: "hamster
    # brothers", 兔子姐妹: two siblings said by one word
    first = len(people) == 1  # the first pet of the premise: the hero, drawn as one grown pet
    if not count and many and not first and not young:
        count = 2
    plural = not chinese and head.surface.endswith("s") and head.section == "species" or many and not young
    litter = not count and (first and (any(w in _LITTER for w in before) or plural)
                            or any(w in {"一窝", "一窝窝"} for w in before))
    if count:
        person.alike = count
    elif young and not first and person.relation is None:
        person.relation = "kittens"  # "a cat raises a litter of kittens": her young, one litter
    for k in range(1, count or (2 if litter else 0)):
        brothers = any(w in {"一窝", "一窝窝", "litter"} for w in before)  # the hero's brothers and sisters
        people.append(replace(person, key=slug("brother" if brothers else label, taken), pos=person.pos + k,
                              name=None, relation="brother" if brothers and person.relation is None
                              else person.relation))
