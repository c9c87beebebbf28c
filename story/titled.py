"""A person called by a Chinese surname and a kin title (王叔, 李阿姨, 张奶奶, 刘大爷): a person of the story, named so. Pure.

A new user names the grown-ups around a pet so: 王叔收养了一只流浪的小猫, 李阿姨每天都给楼下的流浪狗喂饭, 张奶奶的柯基
拿了第一名. Each surname-and-title is a word of the vocabulary (``kin_words``: the relation its title names,
``story/data/kin_titles.json``), so it is read whole, as one person (never 奶奶 alone with a 张 before it), and its
words are its name (``kin_name``). In English it is said with its title first (Auntie Li, Uncle Wang, Grandma Zhang).
"""

from __future__ import annotations

from functools import cache

from story.datafiles import read_json


@cache
def _data() -> tuple[str, dict[str, tuple[str, str]]]:
    data = read_json("kin_titles.json")
    return str(data["surnames"]), {t: (str(v[0]), str(v[1])) for t, v in data["titles"].items()}


def kin_words() -> dict[str, list[str]]:
    """Relation key → the surname-and-title words that name one (李阿姨 is a lady, 刘大爷 a grandpa)."""
    surnames, titles = _data()
    out: dict[str, list[str]] = {}
    for title, (relation, _en) in titles.items():
        out.setdefault(relation, []).extend(f"{s}{title}" for s in surnames)
    return out


def kin_titles(relation: str) -> tuple[str, ...]:
    """The kin titles that name ``relation`` (a lady: 阿姨, 大妈 …): a person so called is one (``Person.human``)."""
    return tuple(t for t, (rel, _en) in _data()[1].items() if rel == relation)


def kin_name(words: str) -> bool:
    """``words`` are a surname and a kin title, whole (李阿姨, 王叔): a person's name."""
    surnames, titles = _data()
    return len(words) >= 2 and words[0] in surnames and words[1:] in titles


def kin_name_en(words: str, romanised_surname: str) -> str:
    """A surname-and-title name in English: the title's English word, then the surname (Auntie Li)."""
    return f"{_data()[1][words[1:]][1]} {romanised_surname}"
