"""A premise clause told in the other language than the premise's. Pure.

A script in Chinese for an English premise (``--lang zh``), or in English for a Chinese one, cannot
reuse the premise's own words. Each clause (``story.clauses``) is told through what it means:

1. its concept (``story/data/telling.json``'s ``verbs``, each with words to find it in both languages
   and the line in both): the premise's verb, found in the premise's language ("spills", "泼"), else
   the clause's vocabulary event (fired, mocked …), else the job it names, else its drawable action —
   every drawable action has a concept, so no clause is told with a placeholder verb;
2. the things and the place, in the target language: the bilingual ``nouns`` first ("soup" ↔ "汤"),
   else the lexicon's own word for the drawable prop or place it stands for;
3. the people by their cast names, introduced once by their description in the target language.

A concept has ``do`` lines (the actor does it) and, where it can befall someone, ``suffer`` lines
("{subject} gets fired", "{subject}被{actor}开除了"). The first line whose fields all have values is
said; the last line of each list needs only the actor (or subject).
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING, Any

from story.clauses import Clause, Part, outsider_entry
from story.datafiles import read_json
from story.lexicon import lexicon
from story.premise import Analysis, describe
from story.spinedata import spine_data
from story.text import fill_fields, possessive

if TYPE_CHECKING:
    from story.staged import Cast

_AUX = {"is", "are", "was", "were", "gets", "get", "got", "be", "being", "been"}


@cache
def telling_data() -> dict[str, Any]:
    data: dict[str, Any] = read_json("telling.json")
    return data


@cache
def _nouns() -> tuple[dict[str, str], dict[str, str]]:
    """(English → Chinese, Chinese → English): the first pair of a word wins."""
    en_zh: dict[str, str] = {}
    zh_en: dict[str, str] = {}
    for en, zh in telling_data()["nouns"]:
        en_zh.setdefault(en.lower(), zh)
        zh_en.setdefault(zh, en)
    return en_zh, zh_en


def _forms(word: str) -> str:
    """A regex for an English word and its inflections (spill, spills, spilled, spilling; carry, carries)."""
    w = re.escape(word)
    alts = [w, w + "s", w + "es", w + "ed", w + "d", w + "ing"]
    if word.endswith("e"):
        alts.append(re.escape(word[:-1]) + "ing")
    if word.endswith("y") and len(word) > 2:
        alts += [re.escape(word[:-1]) + "ies", re.escape(word[:-1]) + "ied"]
    if re.fullmatch(r"[a-z]*[^aeiou][aeiou][bdgmnpt]", word) and len(word) <= 4:
        alts += [w + word[-1] + "ed", w + word[-1] + "ing"]
    return "(?:" + "|".join(sorted(set(alts), key=len, reverse=True)) + ")"


@cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(concept, English phrase pattern) for every English word of every concept."""
    out = []
    for key, entry in telling_data()["verbs"].items():
        for phrase in entry["en"]:
            words = phrase.split()
            pattern = r"\b" + r"\s+".join(_forms(w) if i == 0 else re.escape(w) for i, w in enumerate(words)) + r"\b"
            out.append((key, re.compile(pattern)))
    return tuple(out)


def concepts_of(c: Clause, premise_language: str) -> list[tuple[str, str]]:
    """(concept key, the premise's words that named it) for each verb of the table the clause says,
    in order and not overlapping ("打三份工供小猫上大学": work hard, then pay for school); the
    premise's places are not verbs (the 唱 inside 演唱会)."""
    verbs = telling_data()["verbs"]
    for text in (c.verb, " ".join(p.text for p in c.parts if p.key is None)):
        starts = _word_starts(c, text) if premise_language == "zh" else set()
        if premise_language == "zh" and c.obj is not None:  # 捡到一只发抖的小猫: how the one found is, no deed
            text = _OBJECT_LOOKS_ZH.sub(lambda m: "\0" * len(m.group(0)), text)
        for word in sorted(set(c.place_words), key=len, reverse=True):
            if len(word) > 1 and premise_language == "zh":
                text = text.replace(word, "\0" * len(word))
        found: list[tuple[int, int, str, str]] = []  # (start, end, key, words); key "" for a noun
        if premise_language == "zh":
            for noun in _nouns()[1]:  # 烤串 is skewers: its 烤 bakes nothing
                at = text.find(noun)
                while at >= 0 and len(noun) > 1:
                    found.append((at, at + len(noun), "", noun))
                    at = text.find(noun, at + 1)
            for key, entry in verbs.items():
                for w in entry["zh"]:
                    at = text.find(w)
                    while at >= 0:
                        if at in starts:  # 卖 inside 外卖 is no verb
                            found.append((at, at + len(w), key, w))
                        at = text.find(w, at + 1)
        else:
            low = text.lower()
            for key, pattern in _patterns():
                for m in pattern.finditer(low):
                    if m.group(0) not in _AUX:
                        found.append((m.start(), m.end(), key, m.group(0)))
        out: list[tuple[str, str]] = []
        end = -1
        for start, stop, key, words in sorted(found, key=lambda f: (f[0], f[0] - f[1], f[2] == "")):
            if start >= end:
                if key:
                    out.append((key, words))
                end = stop
        if out:
            return out
    return []


_OBJECT_LOOKS_ZH = re.compile(r"[一两三几]?[只条个位头匹][\u4e00-\u9fff]{1,5}的$")


def _word_starts(c: Clause, text: str) -> set[int]:
    """Where the clause's Chinese words start in ``text`` (every offset when the words are not found)."""
    starts, at = set(), 0
    for p in c.parts:
        if p.key is not None:
            continue
        found = text.find(p.text, at)
        if found < 0:
            return set(range(len(text)))
        starts.add(found)
        at = found + len(p.text)
    return starts


def concept_of(c: Clause, premise_language: str) -> tuple[str | None, str]:
    """The first of ``concepts_of``, or ``None`` (the caller goes on to the job, the event, the action)."""
    found = concepts_of(c, premise_language)
    return found[0] if found else (None, "")


def _concept(c: Clause, analysis: Analysis, drawn: str) -> tuple[str, str]:
    """The concept a clause is told by: its verb, its job, its event, its drawable action (``drawn``)."""
    data = telling_data()
    key, words = concept_of(c, analysis.language)
    if key in {"leave", "dump"} and any(n.section == "props" for n in c.asked):
        return "give", ""  # "leaves him a flower every morning": a giving, not a going
    if key is not None:
        return key, words
    if c.jobs:
        return "job", ""
    for e in c.events:
        if e in data["events"]:
            return str(data["events"][e]), ""
    return str(data["actions"].get(drawn, "walk")), ""


def _asked(c: Clause, premise_language: str) -> tuple[str, str] | None:
    """The deed a clause's doer asks its object to do (前妻的跑车坏了来找他修, 求他帮忙修车, "has to ask him to fix
    it": spine.json's ``asked_of``) as (concept, words), never the asking word told as a deed of its own (来找 is
    no search); None when it asks none."""
    if c.passive:
        return None
    data = spine_data()["asked_of"]
    zh = premise_language == "zh"
    said = ("" if zh else " ").join("\x00" if p.key is not None and p.key == c.obj else p.text for p in c.parts)
    asking = "|".join(re.escape(w) for w in sorted(data["zh" if zh else "en"], key=len, reverse=True))
    helping = "|".join(re.escape(w) for w in sorted(data["zh_help"], key=len, reverse=True))
    found = re.search(f"(?:{asking})(?:[\u4e00-\u9fff]{{1,4}}的)?(?:他们|她们|它们|他|她|它|\x00)(?:{helping})?(.+)$", said) if zh else \
        re.search(rf"\b(?:{asking})\s+(?:him|her|them|it|\x00)\s+to\s+(.+)$", said.lower())
    if found is None:
        return None
    deed = replace(c, verb=found.group(1).strip(), parts=(Part(found.group(1).strip()),))
    key, words = concept_of(deed, premise_language)
    return (key, words) if key is not None and key in telling_data()["verbs"] else None


def _suffered(c: Clause, entry: dict[str, Any]) -> bool:
    """The clause says what befalls its subject: a passive ("is fired by", "被…开除"), or "gets fired"."""
    if "suffer" not in entry:
        return False
    if c.passive and c.actor != c.subject:
        return True
    first = c.verb.lower().split()[0] if c.verb.split() else ""
    return not c.obj and (first in _AUX or "被" in c.text)


# a Chinese verb phrase's progressive 在 (在钓鱼), not a place of its own (在水里游泳)
_PROGRESSIVE = re.compile(r"在(?![^，。！？]{0,2}[里上边中内外])")


def _word(wanted: str, section: str, used: str, lang: str) -> str:
    """The target language's word for a thing the premise asked for."""
    en_zh, zh_en = _nouns()
    glossary = en_zh if lang == "zh" else zh_en
    low = wanted.lower() if lang == "zh" else wanted
    if low in glossary:
        return glossary[low]
    if lang == "zh":  # "a fancy food truck": the glossary's longest word inside it
        inside = sorted((w for w in en_zh if re.search(rf"\b{re.escape(w)}\b", low)),  # the head noun first:
                        key=lambda w: (low.endswith(w), len(w)), reverse=True)  # a wedding cake is a cake
    else:  # 包子店: the word its head ends with (店, a shop), what it sells before it: "bun shop", never "bun"
        inside = sorted((w for w in zh_en if w in wanted), key=lambda w: (wanted.endswith(w), len(w)), reverse=True)
        if inside and not wanted.endswith(inside[0]):
            head = next((h for h in sorted(_HEADS_ZH, key=len, reverse=True) if wanted.endswith(h)), None)
            before = next((w for w in inside if head and wanted.startswith(w) and len(w) + len(head) == len(wanted)), None)
            if head and before:
                return f"{glossary[before]} {_HEADS_ZH[head]}"
            inside = [] if used else inside
    if inside:
        return glossary[inside[0]]
    if used:
        return str(lexicon().entry(section, used)[lang][0])
    return ""


# the last hanzi of a Chinese shop's or place's word, its head in English: 包子店 a bun shop, 鞋铺 a shoe shop
_HEADS_ZH = {"店": "shop", "铺": "shop", "小店": "shop", "摊": "stall", "小摊": "stall", "馆": "shop", "厂": "factory",
             "坊": "shop"}


def _article(word: str) -> str:
    mass = set(telling_data()["mass"])
    if word in mass or word.startswith(("the ", "a ", "an ")) or "'" in word or (word.endswith("s") and not word.endswith("ss")):
        return word
    return f"{'an' if word[:1] in 'aeiou' else 'a'} {word}"


def _person(key: str, cast: Cast, analysis: Analysis, lang: str, introduced: set[str], said: str = "") -> str:
    """A cast member's name; the first time with a description in the target language."""
    name = cast.name(key)
    if key in introduced:
        return name
    introduced.add(key)
    person = analysis.person(key)
    if key not in cast.names or person is None or name == describe(person, lang, analysis):
        return name  # someone the story names by a description ("the head chef")
    desc = cast.described.get(key) or describe(person, lang, analysis)
    job = analysis.job if key == cast.hero and analysis.job else None
    surface = analysis.surfaces.get(f"jobs:{job}", "") if job else ""
    title = _job_word(job, analysis, lang) if job and surface and surface in said else ""
    if title and not (person.species or person.breed or person.relation):
        desc, title = title if lang == "zh" else f"the {title}", ""  # a person the premise names by a job
    lex = lexicon()
    en_zh, zh_en = _nouns()
    for t in person.traits:  # the premise's own describing word where the nouns know it ("clumsy", not "shy")
        plain = str(lex.entry("traits", t)[lang][0])
        own = analysis.surfaces.get(f"traits:{t}", "")
        nicer = (en_zh.get(own.lower()) if lang == "zh" else zh_en.get(own)) or (
            telling_data()["traits_zh"].get(t, plain) if lang == "zh" else plain)
        if lang == "zh" and desc.startswith(plain) and not desc.startswith(nicer):
            desc = nicer + desc[len(plain):]
        elif lang == "en" and nicer != plain:
            desc = re.sub(rf"\b{re.escape(plain)}\b", nicer, desc, count=1)
    if lang == "zh":
        desc = f"当{title}的{desc}" if title and title not in desc else desc
        return desc if name in desc else f"{desc}{name}"
    if not desc or name in desc:
        return desc or name
    if person.relation or not (person.species or person.breed):
        return f"{name}, {desc}," if desc.startswith(("the ", "her ", "his ", "their ")) else f"{name}, the {desc},"
    desc = re.sub(r"^the\s+", "", desc)
    desc = re.sub(r"\b(persian|siamese|pomeranian|doberman|chihuahua|dalmatian|labrador|maine coon|bengal)\b",
                  lambda m: m.group(1).title(), desc)
    desc = f"{desc} {title}" if title and title not in desc else desc
    if not desc.startswith(("her ", "his ", "their ")):
        desc = _article(desc) if not desc.endswith("s") else f"a {desc}"
    return f"{name}, {desc},"


def tell(c: Clause, total: int, analysis: Analysis, cast: Cast, language: str, introduced: set[str],
         rng: random.Random, lead_ok: bool, drawn: str, last_leads: Sequence[str]) -> str:
    """The clause as one narrator sentence in ``language`` (the premise being in the other one);
    ``drawn`` is the clause's drawable action, ``last_leads`` the openers of a last clause ("One day,")."""
    data = telling_data()
    zh = language == "zh"
    lang = "zh" if zh else "en"
    key, words = _concept(c, analysis, drawn)
    asked = _asked(c, analysis.language)  # 来找他修, "asks him to fix it": the deed asked of the one named
    if asked is not None:
        key, words = asked
    # 1. Who: the actor, the one it befalls, the one it is done to.
    entry: dict[str, Any] = data["verbs"].get(key, {}) if key != "job" else {}
    suffer = _suffered(c, entry) if entry and not (c.outsider and not c.passive) else False
    values: dict[str, str] = {}
    first = c.subject if suffer else c.actor
    people = [("subject", c.subject), ("actor", c.actor)] if suffer else [("actor", c.actor), ("object", c.obj)]
    for field, who in people:
        if who and not (suffer and field == "actor" and who == c.subject):
            values[field] = _person(who, cast, analysis, lang, introduced, c.subject_words if who == c.subject else "")
    if not zh and "object" in values and _family_of(c) == c.obj:  # 救了金毛一家: the golden's whole family
        values["object"] = f"{values['object'].rstrip(',')}, and the whole family,"
    if c.outsider:  # "a wedding party", "全城的人": someone outside the cast
        values["actor"] = _outsider(c.outsider, lang)
    if "actor" not in values and not suffer:
        values["actor"] = _person(first or cast.hero, cast, analysis, lang, introduced, c.subject_words)
    if suffer and "actor" in values:  # "被富白猫和她的狗男友嘲笑": everyone who does it
        others = [p.key for p in c.parts if p.key and p.key not in (c.subject, c.actor)]
        if others:
            names = [values["actor"], *(_person(k, cast, analysis, lang, introduced) for k in dict.fromkeys(others))]
            values["actor"] = "和".join(names) if zh else " and ".join(n.rstrip(",") for n in names)
    if key in data["verbs"] and c.actor != cast.hero:
        values["hero"] = cast.name(cast.hero)
    if asked is not None and "object" not in values and c.actor not in (None, cast.hero):
        values["object"] = _person(cast.hero, cast, analysis, lang, introduced)  # 只好来找他修: the hero is asked
    if suffer and "subject" not in values:
        values["subject"] = _person(c.subject or cast.hero, cast, analysis, lang, introduced, c.subject_words)
    # 2. What: the things and the place, in the target language.
    things: list[str] = []
    place_key, place_word = "", ""
    zh_premise = analysis.language == "zh"
    for n in c.asked:
        if words and (n.wanted in words if zh_premise else n.wanted.lower() == words.split()[0]):
            continue  # "queues" is the verb, not a crowd to queue for
        if n.section == "props":
            things.append(_word(n.wanted, "props", n.used, lang))
        elif not place_key:
            place_key, place_word = n.used, _word(n.wanted, "places", n.used, lang)
    if not place_key and c.places:
        place_key = c.places[0]
        place_word = _word(c.place_words[0] if c.place_words else "", "places", place_key, lang)
    if not zh:
        things += [w for w in (_word(n, "props", "", lang) for n in c.nouns) if w]
    if not things:
        things += [t for t in _glossary_things(c, words, zh_premise) if t != place_word or entry.get("thing_place")][:1]
    thing = next((t for t in things if t), "")
    if not thing and entry.get("thing_place") and place_word:
        thing = place_word  # "buys the building", "fights over the park": the place is what it is about
    elif thing and entry.get("thing_place") and place_word and _compound(c, place_key):
        thing = f"{thing}{place_word}" if zh else f"{thing} {place_word}"  # "opens an umbrella shop"
    if thing:
        owner = _owner(c, cast)
        if owner:
            values["thing"] = values["a_thing"] = values["the_thing"] = \
                f"{owner}的{thing}" if zh else f"{possessive(owner)} {thing}"
        else:
            values["thing"] = thing
            values["a_thing"] = thing if zh else _article(thing)
            values["the_thing"] = thing if zh or thing in data["mass"] or thing.startswith(("the ", "a ", "an ")) \
                else f"the {thing}"
    if place_word:
        values["place"] = place_word
        values["the_place"] = place_word if zh or place_key in {"planet", "space"} else f"the {place_word}"
    job = _job(c, analysis, key)
    if job:
        values["job"] = _job_word(job, analysis, lang)
        values["a_job"] = values["job"] if zh else _article(values["job"])
    # 3. The line: the first one whose fields all have values.
    if key == "job":
        lines = ["{actor}每天都在{work}"] if zh else ["{actor} spends every day {work}"]
        if job:
            values["work"] = str(lexicon().entry("jobs", job)[f"work_{lang}"]).removeprefix("在")
        lines.append("{actor}每天都在辛苦工作" if zh else "{actor} works hard every day")
    elif asked is not None and "object" in values:
        verb = str(entry["zh" if zh else "en"][0])
        lines = [f"{{actor}}来找{{object}}帮忙{verb}{{thing}}", f"{{actor}}来找{{object}}帮忙{verb}"] if zh else [
            f"{{actor}} comes to ask {{object}} to {verb} {{the_thing}}", f"{{actor}} comes to ask {{object}} to {verb} it"]
    else:
        lines = list(entry["suffer" if suffer else "do"][lang])
    chosen = next(((line, t) for line in lines if (t := fill_fields(line, values))), None)
    if chosen is None:  # the last line needs only who does it; a subject-only clause says it this way
        chosen = lines[-1], fill_fields(lines[-1], {**values, "actor": values.get("actor") or values.get("subject", "")}) or ""
    template, text = chosen
    text += _then(c, analysis, key, values, suffer, lang) if asked is None else ""
    rest = text.replace(values.get("thing", "\0"), "")  # 雨 inside 雨伞 says no rain
    said_place = "place}" in template or (bool(place_word) and place_word in values.get("thing", "") and "thing}" in template) \
        or (place_word and place_word in rest)
    # 4. Where, when: the place the line does not already say, the lead word.
    if place_key and not said_place and place_key not in entry.get("implies", []):
        at = str(data["places"].get(place_key, {}).get(lang, "在{place}" if zh else "at the {place}"))
        at = str(data["fixed_places"][lang].get(place_word, at.replace("{place}", place_word)))
        if zh:
            who = values.get("subject" if suffer else "actor", "")
            at = re.sub(r"(边|上|里)\1$", r"\1", at)  # 湖边 by the lake: 在湖边, never 在湖边边
            if who and text.startswith(who) and _PROGRESSIVE.match(text[len(who):]):
                text = who + text[len(who) + 1:]  # 在钓鱼 at the lake: 在湖边钓鱼, never 在湖边在钓鱼
            text = text.replace(who, who + at, 1) if who and text.startswith(who) else at + text
        else:
            text = f"{text} {at}"
    lead = str(data["leads"].get(c.lead, {}).get(lang, ""))
    if not lead and lead_ok and c.index == total - 1 and (total >= 3 or c.index == 0) and last_leads:
        lead = rng.choice(list(last_leads))
    if zh:
        line = f"{lead}{text}"
        return line if line.endswith(("。", "！", "？")) else f"{line}。"
    line = f"{lead} {text}".strip()
    line = re.sub(r"(\w), (?:an?|the) [^,]+,(['’]s)", r"\1\2", line)  # "Biscuit's restaurant", not "Biscuit, a shiba,'s"
    line = re.sub(r",\s*(?=[.!?]|$)", "", line)
    line = line[:1].upper() + line[1:]
    return line if line.endswith((".", "!", "?")) else f"{line}."


def _family_of(c: Clause) -> str | None:
    """The cast member whose whole family a Chinese clause names: 金毛一家, 它全家, 小橘的家人."""
    for i, part in enumerate(c.parts):
        if not part.key:
            continue
        after = "".join(p.text for p in c.parts[i + 1:i + 4] if not p.key).removeprefix("的")
        if after.startswith(("一家", "全家", "家人", "整家")):
            return part.key
    return None


_NOT_OWNED = {"to", "from", "with", "for", "and", "at", "in", "on", "again", "back", "away", "too", "by", "about",
              "a", "an", "the"}  # "buys her a new house": her is who gets it


def _outsider(words: str, lang: str) -> str:
    """A doer outside the cast in the target language: the outsiders table's words, else the role or
    the bilingual noun inside the premise's words with its describing words ("the bakery" → 面包店,
    好心的面包师 → the kind baker, "a rude plumber" → 刻薄的水管工), else someone."""
    entry = outsider_entry(words)
    if entry is not None:
        return str(entry["say"][lang])
    lex = lexicon()
    found = lex.find(words)
    job = next((h.key for h in found if h.section == "jobs"), None)  # 好心的面包师 → the kind baker
    noun = str(lex.entry("jobs", job)[f"title_{lang}"]) if job else _word(words, "props", "", lang)
    if noun:  # with the premise's describing words (老渔夫 → the old fisherman)
        traits = [h.key for h in found if h.section == "traits"]
        if lang == "zh":
            return "".join(str(telling_data()["traits_zh"][t]) for t in traits) + noun
        return " ".join(["the", *(str(lex.entry("traits", t)["en"][0]) for t in traits), noun])
    return "有人" if lang == "zh" else "someone"


def _owner(c: Clause, cast: Cast) -> str:
    """The hero, when the clause's thing is theirs but someone else does it ("queues for his noodles")."""
    if c.actor == cast.hero:
        return ""
    parts = [p.text.lower() if p.key is None else "" for p in c.parts]
    if any(w in {"his", "her", "their", "它的", "他的", "她的"} and (w != "her" or parts[n + 1:n + 2] not in (
            [], [""], *([x] for x in _NOT_OWNED))) for n, w in enumerate(parts)):  # "from her" is no owner
        return cast.name(cast.hero)
    return ""


def _job(c: Clause, analysis: Analysis, key: str) -> str | None:
    if c.jobs:
        return c.jobs[0]
    if key in {"dream", "become", "secret", "run_for"}:
        return analysis.dream
    if key in {"job", "work"}:
        return analysis.job
    return None


def _glossary_things(c: Clause, words: str, zh_premise: bool) -> list[str]:
    """Things the clause names that no drawable thing stands for but the bilingual nouns know ("the
    building" → 大楼), in the target language."""
    en_zh, zh_en = _nouns()
    found: list[tuple[int, int, str]] = []
    if zh_premise:  # the tokenizer may split a thing (金 / 项圈): look in the clause's words together
        body = "".join(p.text for p in c.parts if p.key is None)
        for w, other in zh_en.items():
            at = body.find(w)
            if len(w) > 1 and at >= 0 and not (words and w in words):
                found.append((at, -len(w), other))
        return [t for _, _, t in sorted(found)]
    for p in c.parts:
        if p.key is not None or (words and p.text in words.split() + [words]):
            continue
        text = p.text.lower()
        for w, other in en_zh.items():
            if w == text:
                found.append((c.parts.index(p), -len(w), other))
    return [t for _, _, t in sorted(found)]


def _then(c: Clause, analysis: Analysis, key: str, values: dict[str, str], suffer: bool, lang: str) -> str:
    """A second verb of the same clause ("卖掉金项圈供孙子读书": sells the collar, and pays for the
    grandson's school), said after the first with the same actor: Chinese chains verbs without a word
    between them, so such a clause is one fragment of the premise."""
    found = concepts_of(c, analysis.language)
    if suffer or analysis.language != "zh" or len(found) < 2 or found[0][0] != key:
        return ""
    second = telling_data()["verbs"].get(found[1][0])
    if second is None or found[1][0] == key or found[1][0] in key.split("_"):
        return ""  # 努力工作 is working hard, once ("works day and night and works, day after day")
    mark = "\x00"
    for line in second["do"][lang]:
        told = fill_fields(line, {**values, "actor": mark})
        if told and told.startswith(mark):
            rest = told[len(mark):].strip()
            return f"，还{rest}" if lang == "zh" else f" and {rest}"
    return ""


def _job_word(job: str, analysis: Analysis, lang: str) -> str:
    """The job in the target language: the premise's own job word translated where the bilingual
    nouns know it ("警察" → police officer, "nurse" → 护士), else the vocabulary's title."""
    en_zh, zh_en = _nouns()
    surface = analysis.surfaces.get(f"jobs:{job}", "")
    word = (en_zh.get(surface.lower()) if lang == "zh" else zh_en.get(surface)) if surface else None
    return word or str(lexicon().entry("jobs", job)[f"title_{lang}"])


def _compound(c: Clause, place_key: str) -> bool:
    """The clause names its prop and its place as one thing ("an umbrella shop", "a noodle stall")."""
    prop = next((n.wanted for n in c.asked if n.section == "props"), "")
    place = next((n.wanted for n in c.asked if n.section == "places" and n.used == place_key), "")
    return bool(prop and place) and f"{prop} {place}".lower() in c.text.lower()
