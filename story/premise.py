"""Premise understanding, English and Chinese: who is in the story, the hero's job, the wrong done
and by whom, the goal and outcome, places and props. Pure.

``analyse(premise) -> Analysis``. Words are matched whole (``story.lexicon``): English by words
with simple inflections, Chinese by jieba segmentation. A *person* is a pet or role the premise
mentions: a breed, a species or a relation (``boyfriend``, ``妈妈``, ``the boss``), with the traits
and colours just before it, a species word just before a relation (``her dog boyfriend``, ``狗男友``)
and a given name (``named Duchess``, ``Duchess, a Persian cat``, ``名叫豆包``). Relations belong to
the person before them (``her boyfriend`` is the rich cat's); allies of the villain stay on the
villain's side. The hero is the first person who is not the object of ``by``/``被`` and not someone
else's relation; the rival is who wrongs the hero (after ``by``/``被``, or described as rich, mean or
greedy, or a villain).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Literal

from petreel.i18n import UNDERSTOOD, understood
from story.clausewords import role_noun_zh
from story.lexicon import Hit, Tokens, in_context, is_chinese, lexicon
from story.life import mark_gone
from story.names import apposed_names, species_of_name, standalone_names
from story.sides import kind_doer
from story.styles import CHARACTER_STYLES

Side = Literal["hero", "villain", "neutral"]
_BREAK = re.compile(r"[,.;!?，。；！？、]|\b(?:and|but|then|while|who|until|so)\b|和|但|然后|后来|却|于是|最后")
_NAME_EN = re.compile(r"\b(?:named|called)\s+([A-Z][\w'-]{1,19})")
_NAME_ZH = re.compile(r"(?:名叫|名字叫|叫做|取名|叫)([\u4e00-\u9fff]{2,3}?)(?=的|，|。|、|,|$|和|被|在|是|[\u4e00-\u9fff]{0}$)")
_CAP = re.compile(r"\b([A-Z][a-z][\w'-]{0,18})\b")
_BY = {"by", "被", "遭"}
_POSSESSIVE = {"her", "his", "their", "its", "whose", "她的", "他的", "它的", "她", "他", "它"}
_VILLAIN_TRAITS = {"rich", "mean", "greedy"}
_BULLY = {"bully", "bullying"}  # a wrong's word said of a pet before it ("a bully dog")
_VILLAIN_RELATIONS = {"rival", "ex", "landlord"}
_BEFALLS = {"lost_pet", "lose", "hidden_identity"}  # "小狗走丢了", "loses her job": it befalls the pet, it wrongs no one
_GOAL_WORDS = {"become", "dream", "run_for", "build", "compete", "explore"}
_STOP_CAPS = {"The", "A", "An", "In", "On", "At", "One", "When", "After", "Then", "But", "And", "Her", "His",
              "Their", "Its", "She", "He", "They", "It", "Every", "This", "That", "Years", "Mars", "Moon",
              "Earth", "Paris", "London", "New", "Chinese", "English", "I", "My", "Our", "Once"}


@dataclass
class Person:
    """One pet or role the premise mentions."""

    key: str  # unique slug: hero, rival, boyfriend, mother…
    role: str  # hero | rival | partner | friend | family | boss | mentor | other
    side: Side
    pos: int  # character offset of the first mention
    species: str | None = None
    breed: str | None = None  # lexicon breeds key
    colour: str | None = None
    traits: tuple[str, ...] = ()
    relation: str | None = None  # lexicon relations key
    of: str | None = None  # key of the person the relation belongs to
    name: str | None = None
    words: tuple[str, ...] = ()  # the premise's own words for this person
    after_by: bool = False
    start: int = 0  # token index where the mention starts
    end: int = 0  # token index just after the mention's head
    job: str | None = None  # lexicon jobs key of the role attached to this pet (its own, or the nearest)
    job_words: str = ""  # that role in the premise's words ("nurse", "magician", "mail carrier")
    does_wrong: bool = False  # a wrong (mocks, fires, steals…) follows the mention
    kind_by: str | None = None  # after "by", a kindness or a catch ("adopted by", "caught by"): its role
    gone: bool = False  # dead or never coming back (story.life): remembered, never on screen in the present
    alike: int = 1  # how many pets its words count ("two puppies", 三只小猫): each of them cast, one pet each

    @property
    def style(self) -> str | None:
        """The catalogue style that draws this pet (breed first, then colour), if any."""
        lex = lexicon()
        if self.breed:
            st = lex.entry("breeds", self.breed)["style"]
            if st:
                return str(st)
        if self.colour:
            st = lex.entry("colours", self.colour)["style"]
            if st and (self.species is None or CHARACTER_STYLES[st].species == self.species):
                return str(st)
        return None


@dataclass
class Analysis:
    premise: str
    language: str  # the premise's own language: en | zh
    cast: list[Person]  # the hero first, then in order of mention
    job: str | None = None  # the hero's job or situation (lexicon jobs key)
    dream: str | None = None  # the job the hero wants to reach (pop star, mayor…)
    places: list[str] = field(default_factory=list)  # lexicon places keys
    props: list[str] = field(default_factory=list)  # lexicon props keys
    wrongs: list[str] = field(default_factory=list)  # events of kind wrong
    goals: list[str] = field(default_factory=list)
    outcomes: list[str] = field(default_factory=list)
    wrongdoer: str | None = None  # key of who does the wrong
    lost_thing: str | None = None  # what the hero loses or has stolen (a place/job/prop word)
    surfaces: dict[str, str] = field(default_factory=dict)  # "jobs:window_cleaner" -> "window cleaner"
    job_near: bool = False  # the hero's role is not in the vocabulary: ``job`` is the nearest drawable one

    @property
    def hero(self) -> Person:
        return self.cast[0]

    def person(self, key: str) -> Person | None:
        return next((p for p in self.cast if p.key == key), None)

    def by_role(self, role: str) -> list[Person]:
        return [p for p in self.cast if p.role == role]


def _breaks(text: str, tokens: Tokens) -> set[int]:
    """Token indices that start a new clause (punctuation or a conjunction right before them)."""
    out = set()
    for i in range(1, len(tokens.words)):
        between = text[tokens.offsets[i - 1]:tokens.offsets[i]].lower()
        if _BREAK.search(between[len(tokens.words[i - 1]) if not tokens.chinese else len(tokens.words[i - 1]):] or "") \
                or tokens.words[i] in {"and", "but", "then", "while", "who", "和", "但", "然后", "后来", "却"}:
            out.add(i)
    return out


_PARTNERS = {"girlfriend", "boyfriend", "wife", "husband"}  # "left by his bride … his ex comes back": one pet
_PLACE_PREPS = {"at", "in", "of", "into", "from", "to", "inside", "outside", "near", "across", "through", "onto"}
# "two rival dogs", "两只狗", "three kittens", "三只小猫": that many pets alike, each cast; "一窝小猫", "four
# puppies": more than a scene holds, so the first and a litter of the others (brothers and sisters)
_COUNTED = {"two": 2, "2": 2, "两只": 2, "两条": 2, "两个": 2, "俩": 2, "three": 3, "3": 3, "三只": 3, "三条": 3,
            "三个": 3}
_LITTER = {"一窝", "一群", "几只", "四只", "五只", "好几只", "一窝窝", "four", "five", "six", "several", "many", "4", "5",
           "litter"}
_IS_ZH = {"是", "其实是", "原来是", "竟然是", "居然是", "就是", "成了", "成为", "变成", "当上", "当了", "成为了"}


def _predicate_zh(words: tuple[str, ...], start: int, breaks: set[int]) -> bool:
    """True when a Chinese relation word is said of the subject ("…是公司的新老板", "成了外卖公司的老板"):
    a 是/成了 a few words before it, with no punctuation between."""
    for k in range(start - 1, max(-1, start - 6), -1):
        if re.fullmatch(r"[，。；！？、,.;!?]", words[k]):
            return False
        if words[k] in _IS_ZH or (words[k].endswith("是") and len(words[k]) <= 3):
            return True
        if k in breaks:
            return False
    return False


def _slug(word: str, taken: set[str]) -> str:
    base = re.sub(r"[^a-z0-9_]+", "_", word.lower()).strip("_") or "pet"
    if not base[0].isalpha():
        base = f"pet_{base}"
    key, n = base[:20], 2
    while key in taken:
        key = f"{base[:18]}_{n}"
        n += 1
    taken.add(key)
    return key


@lru_cache(maxsize=256)
def analyse(premise: str) -> Analysis:
    """What the premise says: its cast with roles, the hero's job, wrongs, goals, places and props."""
    lex = lexicon()
    # 1. Names first (masked out so they are not read as words), then tokens and matches.
    names = _given_names(premise)
    alone = standalone_names(premise, {pos for _, pos in names}) if is_chinese(premise) else []
    alone_en = [] if is_chinese(premise) else _names_alone(premise, names)
    names = [n for n in names if n not in alone_en]
    masked = premise
    for name, _pos in [*names, *alone]:
        masked = masked.replace(name, " " * len(name)) if is_chinese(premise) else masked
    tokens = lex.tokenize(masked)
    hits = in_context(lex.find_tokens(tokens), tokens)
    chinese = tokens.chinese
    breaks = _breaks(masked, tokens)
    words = tokens.words

    # 2. People: breed/species/relation heads with the traits and colours just before them.
    people: list[Person] = []
    taken: set[str] = set()
    raw_heads = [h for h in hits if h.section in {"breeds", "species", "relations"}]
    heads = [h for h in raw_heads if not any(o is not h and o.start <= h.start and h.end <= o.end
                                             and (o.end - o.start) > (h.end - h.start) for o in raw_heads)]
    # "two puppies": the young of a species (a relation word too) are those pets, not one more group of them
    young = {h.start for h in heads if h.section == "relations" and h.key == "kittens" and any(
        o.section == "species" and (o.start, o.end) == (h.start, h.end) for o in heads)}
    heads = [h for h in heads if not (h.section == "relations" and h.start in young)]
    consumed: set[int] = set()
    villain_refs: set[int] = set()  # token index of heads owned by "the villain's …"
    for idx, h in enumerate(heads):
        if id(h) in consumed:
            continue
        nxt = heads[idx + 1] if idx + 1 < len(heads) else None
        after = masked[h.pos + len(h.surface):h.pos + len(h.surface) + 3] if not chinese else ""
        owns = after.startswith(("'s", "’s")) or (chinese and h.end < len(words) and words[h.end] == "的"
                                                 and nxt is not None and nxt.section == "relations")
        if (h.section == "relations" and h.key in _VILLAIN_RELATIONS and nxt is not None and owns
                and 0 <= nxt.start - h.end <= 2 and nxt.start not in breaks):
            villain_refs.add(nxt.start)  # "the villain's husky bodyguard": a reference, not a new pet
            continue
        if h.section == "relations" and h.start > 0 and words[h.start - 1] in {
                "become", "becomes", "became", "成为", "成了", "变成"}:
            continue  # "become best friends": an outcome, not a pet
        if h.section == "relations" and h.key in {"friend", "best_friend"} and not chinese and _sought(words, h.start):
            continue  # "to find a true friend", "want to be friends": what is longed for, not a pet
        if h.section == "relations" and h.key == "stranger" and (
                (chinese and h.end < len(words) and words[h.end].startswith("们"))
                or (not chinese and h.surface.endswith("s") and h.surface not in lex.entry("relations", h.key)["en"])):
            continue  # "评委们", "the judges": a group outside the cast, not one more pet
        if (h.section == "relations" and chinese and words[h.end:h.end + 2] == ("家", "的") and nxt is not None
                and nxt.section in {"breeds", "species"} and nxt.start == h.end + 2):
            continue  # "邻居家的布偶猫": the neighbour is the ragdoll's household, not one more pet
        if h.section == "relations" and chinese and _predicate_zh(words, h.start, breaks):
            continue  # "金毛其实是首富的儿子", "成了外卖公司的老板": who the pet is, not one more pet
        person = Person(key="", role="other", side="neutral", pos=h.pos)
        span_start, span_end = h.start, h.end
        group = [h]
        # a breed right before its own species word is one pet ("a ragdoll cat", "a pug dog")
        if (h.section == "breeds" and nxt is not None and nxt.section == "species" and nxt.start == h.end
                and nxt.key == lex.entry("breeds", h.key)["species"]):
            group.append(nxt)
            consumed.add(id(nxt))
            span_end = nxt.end
            nxt = heads[idx + 2] if idx + 2 < len(heads) else None
        # a species or breed right before a relation is that relation's species (her dog boyfriend)
        if (h.section in {"breeds", "species"} and nxt is not None and nxt.section == "relations"
                and nxt.start == h.end and nxt.start not in breaks):
            group.append(nxt)
            consumed.add(id(nxt))
            span_end = nxt.end
        # a relation right before a species is that species (rival dogs, 死对头的狗)
        elif (h.section == "relations" and nxt is not None and nxt.section in {"breeds", "species"}
              and nxt.start not in breaks and (nxt.start == h.end
                                               or (chinese and nxt.start == h.end + 1 and words[h.end] == "的"))):
            group.append(nxt)
            consumed.add(id(nxt))
            span_end = nxt.end
        # a breed right after a species-less breed/species hit at the same span is the same pet
        for g in group:
            if g.section == "breeds":
                person.breed = g.key
                person.species = str(lex.entry("breeds", g.key)["species"])
            elif g.section == "species":
                person.species = person.species or g.key
            else:
                person.relation = g.key
        if person.relation is None and h.section == "relations":
            person.relation = h.key
        if person.species is None and h.section == "relations" and chinese:
            person.species = "dog" if "狗" in h.surface else ("cat" if "猫" in h.surface else None)
        # modifiers just before the head, inside the clause
        mods: list[str] = []
        j = span_start - 1
        while j >= 0 and j + 1 not in breaks:
            mod = [m for m in hits if m.start == j and (m.section in {"traits", "colours"} or (
                m.section == "events" and m.surface in _BULLY and m.end == span_start))]
            if chinese and mod and any(o.end == j for o in heads):
                break  # "黑猫嫉妒白猫": the black cat's verb, not how the white cat is
            role = None if mod else _role_before(hits, words, j, chinese)
            if role is not None:  # "a quiet intern dog", "the police dog", 警察狗: the job between the traits and the pet
                if person.job is None and role[0] is not None:
                    person.job, person.job_words = role
                j -= 1
                continue
            if not mod:
                if words[j] in {"a", "an", "the", "一只", "一条", "一个", "只", "条", "个", "的", "very", "so", "once"}:
                    j -= 1
                    continue
                break
            for m in mod:
                if m.section == "events" and m.key == "mock":
                    person.traits = ("mean", *person.traits)  # "a bully dog": the bully is mean
                elif m.section == "traits":
                    person.traits = (m.key, *person.traits)  # in the premise's order (lonely old)
                elif person.colour is None:
                    person.colour = m.key
                mods.insert(0, m.surface)
            span_start = j
            j -= 1
        # the breed's own colour (a "white cat" is white)
        if person.breed and person.colour is None:
            for c, entry in lex.data["colours"].items():
                if any(w in lex.entry("breeds", person.breed)["en"][0] for w in entry["en"]):
                    person.colour = c
                    break
        prev_word = words[span_start - 1] if span_start > 0 else ""
        prev2 = words[span_start - 2] if span_start > 1 else ""
        window = words[max(0, span_start - 4):span_start]
        person.after_by = any(w in _BY for w in window) and not any(
            o.end <= span_start and o.start >= span_start - 4 and o is not h for o in heads if o.start < h.start
            and o.start > max((k for k, w in enumerate(words[:span_start]) if w in _BY), default=-1))
        person.start = span_start
        possessive = prev_word in _POSSESSIVE or prev2 in _POSSESSIVE and prev_word in {"dog", "cat"} \
            or (chinese and prev_word == "的")
        # possessed by a villain named just before ("the villain's husky bodyguard")
        if h.start in villain_refs or (group[-1].start in villain_refs):
            person.of = "@rival"
        elif person.relation and possessive:
            owner = people[-1] if people else None
            if owner is not None:
                person.of = owner.key
        elif possessive and not chinese and person.relation is None and people and h.section == "species":
            person.relation, person.of = "kittens", people[-1].key  # "her kitten": family
        surface_words = " ".join(words[span_start:span_end]) if not chinese else "".join(words[span_start:span_end])
        person.words = (surface_words,)
        person.end = span_end
        if person.after_by:
            by_at = max(k for k in range(max(0, span_start - 4), span_start) if words[k] in _BY)
            person.kind_by = kind_doer(words, by_at, span_end, chinese)
        # "the cat's big brother", "the puppy" again: the pet told of before, not one more pet
        if (not chinese and h.section == "species" and len(group) == 1 and not mods and prev_word == "the"
                and person.relation is None):
            same = [p for p in people if p.species == person.species and p.relation is None]
            if same:
                continue
        # the same pet mentioned again (same breed/relation, no new modifiers): merge
        twin = next((p for p in people if (p.breed and p.breed == person.breed and not mods)
                     or (p.relation and p.relation == person.relation and person.breed is None and not mods)
                     or (person.relation == "ex" and p.relation in _PARTNERS and person.breed is None)
                     or (prev_word == "the" and not mods and {p.relation, person.relation} == {"friend", "best_friend"})),
                    None)
        if twin is None and chinese and len(group) == 1 and h.section == "species" and not mods \
                and not any(w.startswith(("另", "别的")) or w in {"和", "与", "跟"} for w in words[max(0, span_start - 2):span_start]):
            # "…供小猫上学，小猫长大后当了医生": the kitten told of again, not a second kitten
            twin = next((p for p in people if p.words == person.words and p.breed is None and p.relation is None), None)
        if twin is not None:
            continue
        label = person.relation or person.breed or person.species or "pet"
        person.key = _slug(label if person.relation else f"{label}", taken)
        people.append(person)
        # "two rival dogs", "三只小猫": as many pets like the first; "一窝小猫", "four puppies": and a litter
        before = words[max(0, span_start - 3):span_start]
        count = next((_COUNTED[w] for w in reversed(before) if w in _COUNTED), 0)
        first = len(people) == 1  # the first pet of the premise: the hero, drawn as one grown pet
        plural = not chinese and h.surface.endswith("s") and h.section == "species"
        litter = not count and (first and (any(w in _LITTER for w in before) or plural)
                                or any(w in {"一窝", "一窝窝"} for w in before))
        if count:
            person.alike = count
        elif h.start in young and not first and person.relation is None:
            person.relation = "kittens"  # "a cat raises a litter of kittens": her young, one litter
        for k in range(1, count or (2 if litter else 0)):
            brothers = any(w in {"一窝", "一窝窝", "litter"} for w in before)  # the hero's brothers and sisters
            people.append(replace(person, key=_slug("brother" if brothers else label, taken), pos=person.pos + k,
                                  name=None, relation="brother" if brothers and person.relation is None
                                  else person.relation))

    # 2b. Someone named by a job ("the head chef laughs at her") is a person too.
    hero_job_seen = False
    for h in hits:
        if h.section != "jobs" or not h.start or chinese:
            continue
        place = any(x.section == "places" and x.start == h.start for x in hits)  # "the moon" is a place
        pet = next((p for p in people if p.start == h.end), None)
        if pet is not None and pet.job in (None, h.key) and not chinese and words[h.start - 1] in {"the", "a", "an"}:
            pet.job, pet.job_words, pet.start = h.key, h.surface, h.start  # "the head chef cat" is the chef
            pet.words = (" ".join(words[h.start:pet.end]),)
            hero_job_seen = True
            continue
        named_thing = any((x.section in {"places", "props"} or (x.section == "events" and x.key == "compete"))
                          and x.start == h.end for x in hits)  # "the singing contest": a contest, no singer
        if words[h.start - 1] == "the" and hero_job_seen and not place and not named_thing and not any(
                p.start <= h.start < p.start + 4 for p in people):
            person = Person(key=_slug(h.key, taken), role="other", side="neutral", pos=h.pos, words=(h.surface,),
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
        at = h.start - 1 if h.start and words[h.start - 1] in {"a", "an", "the"} else h.start
        if noun is not None and noun.section == "places" and at and words[at - 1] in _PLACE_PREPS:
            continue  # "thrown out of a fancy hotel": where it happens, not who does it
        if noun is not None:
            people.append(Person(key=_slug(noun.key, taken), role="other", side="neutral", pos=h.pos,
                                 traits=(h.key,), words=(" ".join(words[h.start:noun.end]),), start=h.start))
    # 2c. A Chinese name standing alone (小美被…, 阿黄在…, 旺财每天…) is a pet of its own, unless it
    #     says which pet it is (小美是一只布偶猫).
    for name, pos in alone:
        if any(name == n for n, _ in names) or any(p.name == name for p in people):
            continue  # the same pet named again (橘猫小橘…，小橘后来…)
        after = premise[pos + len(name):]
        said = re.match(r"是(?:一只|一条|一头|只|条)?", after)
        own = next((p for p in people if said and said.end() and p.pos == pos + len(name) + said.end()), None)
        if own is not None and own.name is None:
            own.name, own.words = name, (*own.words, name)
            continue
        at = next((i for i, off in enumerate(tokens.offsets) if off >= pos + len(name)), len(words))
        people.append(Person(key=_slug(species_of_name(name) or "pet", taken), role="other", side="neutral",
                             pos=pos, species=species_of_name(name), name=name, words=(name,), start=at, end=at))
    # 2d. English names that stand alone ("Bella and Max share one umbrella", "Bella shares…") are pets of
    #     their own, each one: species untold.
    people += [_named_alone(name, pos, tokens, taken) for name, pos in alone_en]
    people.sort(key=lambda p: p.pos)
    # a wrong done right after a mention marks the wrongdoer ("the boss fires", "the chef laughs at")
    for p in people:
        end = p.start if p.words == (p.name,) else p.start + max(1, len(p.words[0].split()) if p.words else 1)
        p.does_wrong = any(h.section == "events" and lex.entry("events", h.key)["kind"] == "wrong"
                           and h.key not in _BEFALLS and (0 <= h.start - end <= 2 or (
                               chinese and _told_before_de(words, h.end, p.start))) for h in hits)

    # 3. Given names to the nearest person (before the name, or just after it).
    apposed = [(n, pos) for n, pos in names if _APPOSED.match(premise, pos + len(n))]  # "Wangcai, a golden …"
    for name, pos in [*apposed, *(x for x in names if x not in apposed)]:
        target = _nearest(people, pos, premise)
        if target is not None and target.name is None:
            target.name = name
            target.words = (*target.words, name)
        elif not chinese and not any(p.name == name for p in people):
            # "Mango the ginger cat is mocked by Duchess": a name no pet takes is a pet of its own
            person = _named_alone(name, pos, tokens, taken)
            person.does_wrong = any(h.section == "events" and lex.entry("events", h.key)["kind"] == "wrong"
                                    and 0 <= h.start - person.start <= 2 for h in hits)
            people.append(person)
            people.sort(key=lambda p: p.pos)

    for p in people:
        if p.relation and p.of is None and p.start > 0:
            owner = next((q for q in people if q.name and q.name.lower() == words[p.start - 1]), None)
            if owner is not None and owner is not p:
                p.of = owner.key

    # 3b. A role named with a pet is that pet's job ("a pomeranian nurse", "the husky fisherman",
    #     "a cat who works as a magician"), in or out of the vocabulary.
    for p in people:
        _attach_job(p, hits, tokens)

    # 4. Jobs, dreams, events, places, props.
    job, dream = _jobs(hits, tokens, people)
    events = [h for h in hits if h.section == "events"]
    wrongs = _unique(h.key for h in events if lex.entry("events", h.key)["kind"] == "wrong")
    goals = _unique(h.key for h in events if lex.entry("events", h.key)["kind"] == "goal")
    outcomes = _unique(h.key for h in events if lex.entry("events", h.key)["kind"] == "outcome")
    places = _unique(h.key for h in hits if h.section == "places")
    props = _unique(h.key for h in hits if h.section == "props")
    surfaces = {f"{h.section}:{h.key}": h.surface for h in reversed(hits)}

    # 5. Roles: the hero, the rival, relations and their sides; who is gone (a grave visited).
    cast = _roles(people, events, words)
    mark_gone(cast, masked, tokens, breaks)
    wrongdoer = next((p.key for p in cast if p.role == "rival"), None)
    lost = _lost_thing(hits, tokens)
    hero, job_near = cast[0], False
    if hero.job_words:  # the hero's own role, told in the premise's words (never another pet's job)
        job, job_near = hero.job, not any(h.section == "jobs" and h.surface == hero.job_words for h in hits)
        if job is not None:
            surfaces[f"jobs:{job}"] = hero.job_words
            if dream == job:
                dream = None
    elif job is not None and any(p.job == job and p is not hero for p in cast):
        job = None  # "bullied by a doberman doctor": the doctor is the doberman, not the hero
    return Analysis(
        premise=premise, language="zh" if chinese else "en", cast=cast, job=job, dream=dream, places=places,
        props=props, wrongs=wrongs, goals=goals, outcomes=outcomes, wrongdoer=wrongdoer, lost_thing=lost,
        surfaces=surfaces, job_near=job_near,
    )


_SEEK = {"find", "finds", "be", "make", "makes", "need", "needs", "wants", "want"}
_SOUGHT_ADJ = {"a", "an", "true", "new", "real", "good", "best", "one"}


def _sought(words: tuple[str, ...], start: int) -> bool:
    """The friend after "find a true", "want to be", "make new": one longed for, not a pet of the cast."""
    j = start - 1
    while j >= 0 and words[j] in _SOUGHT_ADJ:
        j -= 1
    return j >= 0 and words[j] in _SEEK


def _told_before_de(words: tuple[str, ...], deed_end: int, start: int) -> bool:
    """A Chinese wrong told of a pet before it and its 的, done by that pet ("偷钱包的小偷猫"); not one it
    suffers ("被同学嘲笑的胖橘猫")."""
    if not 0 < start - deed_end <= 5 or "的" not in words[deed_end:start]:
        return False
    k = deed_end - 1
    while k >= 0 and not re.fullmatch(r"[，。；！？、,.;!?]", words[k]) and words[k] not in _BY:
        k -= 1
    return k < 0 or words[k] not in _BY


def _unique(items: object) -> list[str]:
    return list(dict.fromkeys(items))  # type: ignore[call-overload]


def _given_names(premise: str) -> list[tuple[str, int]]:
    """Given names with their offsets: ``named X``/``called X``, ``X, a …``/``X the …``, ``名叫X``."""
    out: list[tuple[str, int]] = [(m.group(1), m.start(1)) for m in _NAME_EN.finditer(premise)]
    premise_caps = re.sub(r"['’]s\b", "  ", premise)
    for m in _NAME_ZH.finditer(premise):
        out.append((m.group(1), m.start(1)))
    lex = lexicon()
    if is_chinese(premise):  # 橘猫小橘, 金毛旺财一家: a name right after the breed
        out += apposed_names(premise, lex.tokenize(premise), {pos for _, pos in out})
    if not is_chinese(premise):
        for m in _CAP.finditer(premise_caps):
            word = m.group(1)
            if word in _STOP_CAPS or any(word == n for n, _ in out) or lex.find(word):
                continue
            after = premise[m.end():m.end() + 12]
            before = premise[max(0, m.start() - 30):m.start()].lower()
            at_start = m.start() == 0 or premise[:m.start()].rstrip().endswith((".", "!", "?"))
            named_after = bool(re.match(r"\s*(?:,\s*(?:a|an|the|her|his)\b|\s+the\s)", after))
            if at_start and word not in _NOT_NAMES_EN and (_LIST.match(premise, m.end()) or re.match(
                    r"\s+(?:is|was|has|[a-z]{2,}[^s's]s)\b", after)):
                named_after = True  # "Bella and Max share…", "Bella shares her umbrella…": a name as subject
            after_head = bool(re.search(r"(?:cat|dog|kitten|puppy|friend|boyfriend|girlfriend|bodyguard|boss|"
                                        r"mother|father|sister|brother|corgi|husky|shiba|persian|retriever|"
                                        r"poodle|pug|tabby)s?\s*,?\s*$", before))
            if named_after or (after_head and not at_start) or (not at_start and m.start() > 0):
                out.append((word, m.start()))
    return sorted(set(out), key=lambda t: t[1])


def _named_alone(name: str, pos: int, tokens: Tokens, taken: set[str]) -> Person:
    """A pet the premise names by its given name only (species untold), at offset ``pos``."""
    at = next((i for i, off in enumerate(tokens.offsets) if off >= pos), len(tokens.words))
    by = any(w in _BY for w in tokens.words[max(0, at - 2):at])
    return Person(key=_slug(name, taken), role="other", side="neutral", pos=pos, name=name, words=(name,),
                  start=at, end=at + 1, after_by=by)


# after a name, the next name of a list ("Bella and Max", "Mango, Pearl and Tofu")
_LISTED = re.compile(r"\s*(?:,|,?\s*(?:and|&))\s*[A-Z][a-z][\w'-]{0,18}\b")
# a list of names after the first ("… and Max", "…, Pearl and Tofu"), never an adverb's comma ("Finally, Xiaoju")
_LIST = re.compile(r"(?:\s*,\s*[A-Z][a-z][\w'-]{0,18})*\s*,?\s*(?:and|&)\s+[A-Z][a-z][\w'-]{0,18}\b")
# capitalised words that start a sentence and name no pet (a time, everyone)
_NOT_NAMES_EN = {"Today", "Tonight", "Yesterday", "Tomorrow", "Someday", "Everyone", "Everybody", "Nobody", "Somebody",
                 "Someone", "Spring", "Summer", "Autumn", "Fall", "Winter", "Christmas", "Sunday", "Monday", "Tuesday",
                 "Wednesday", "Thursday", "Friday", "Saturday", "Life", "Love", "Time", "Nothing", "Everything"}


def _names_alone(premise: str, names: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """English names that stand alone as pets of their own: a list of names ("Bella and Max share…", "Mango,
    Pearl and Tofu…") or a name that starts the premise as its subject ("Bella shares her umbrella…"), when
    no description follows that says which pets they are ("Bella and Max, two cats, …", "Duchess, a …")."""
    out: list[tuple[str, int]] = []
    listed = [(n, pos) for n, pos in names if not premise[max(0, pos - 8):pos].rstrip().endswith(("named", "called"))]
    for k, (name, pos) in enumerate(listed):
        end = pos + len(name)
        joined = bool(_LISTED.match(premise, end)) and k + 1 < len(listed) and listed[k + 1][1] <= end + 8
        joined_before = k > 0 and bool(_LISTED.match(premise, listed[k - 1][1] + len(listed[k - 1][0]))) \
            and listed[k - 1][1] + len(listed[k - 1][0]) + 8 >= pos
        if joined or joined_before or pos == 0:
            out.append((name, pos))
    # the list (or the name) is then told as pets: "Bella and Max, two cats, …", "Duchess, a Persian cat"
    last = max((pos + len(n) for n, pos in out), default=0)
    if out and re.match(r"\s*,?\s*(?:a|an|the|two|three|both)\s", premise[last:]):
        return []
    return out


_APPOSED = re.compile(r"\s*(?:,|\bthe\b)")  # after a name, the pet it names: "Duchess, a Persian", "Mango the cat"


def _nearest(people: list[Person], pos: int, premise: str) -> Person | None:
    if not people:
        return None
    before = [p for p in people if p.pos <= pos]
    after = [p for p in people if p.pos > pos and p.name is None] or [p for p in people if p.pos > pos]
    # "Duchess, a Persian cat" names the pet right after; "a corgi named Biscuit" the one before
    gap_after = min((p.pos - pos for p in after), default=999)
    if after and gap_after <= 25 and _APPOSED.match(premise, pos + len(premise[pos:].split()[0].rstrip(","))):
        return min(after, key=lambda p: p.pos)
    free = [p for p in before if p.name is None]
    if free:
        return max(free, key=lambda p: p.pos)
    return min(after, key=lambda p: p.pos) if after else None


_ROLE_END = ("er", "or", "ist", "ian", "man", "woman", "ess", "ant", "eon", "ic")
_WORKS_AS = {"works as", "worked as", "working as", "is", "was"}
_NOT_ROLE = {"her", "his", "their", "its", "after", "over", "under", "never", "ever", "other", "another", "either",
             "neither", "rather", "together", "whether", "better", "later", "water", "winter", "summer", "dinner",
             "corner", "river", "tower", "flower", "paper", "letter", "weather", "monster", "sister", "brother",
             "mother", "father", "daughter", "owner", "neighbour", "neighbor", "stranger", "partner", "traffic",
             "magic", "music", "panic", "picnic", "for", "door", "floor", "colour", "color", "an", "man", "woman"}


def _role_before(hits: list[Hit], words: tuple[str, ...], j: int, chinese: bool) -> tuple[str | None, str] | None:
    """The role named at word ``j`` just before a pet ("the police dog", "a poor photographer cat", 警察狗): its
    lexicon job and the premise's words; a job word that is also a place ("a farm dog") names no role (None,
    ""); None when word ``j`` is no role."""
    from story.nearest import nearest

    job = next((m for m in hits if m.start <= j < m.end and m.section == "jobs"), None)
    if job is not None:
        place = lexicon().find(job.surface)
        return (None, "") if any(p.section == "places" for p in place) else (job.key, job.surface)
    word = words[j]
    if not word or (not chinese and (not word.isalpha() or word in _NOT_ROLE)) or any(
            m.start <= j < m.end for m in hits):
        return None
    near = nearest(word, "jobs", "zh" if chinese else "en")
    return (near.used, word) if near is not None and len(word) > 1 else None


def _role_word(word: str) -> bool:
    """An English noun that reads as a role (magician, fisherman, librarian) or a known nearest job."""
    from story.nearest import nearest  # the nearest table imports the lexicon only

    if not word.isalpha() or word in _NOT_ROLE or len(word) < 4:
        return False
    return word.endswith(_ROLE_END) or nearest(word, "jobs", "en") is not None


def _attach_job(person: Person, hits: list[Hit], tokens: Tokens) -> None:
    """The role named with ``person``: a vocabulary job right after its head or inside its mention
    ("a quiet intern dog", 柯基护士), after "who works as a", or an unknown role noun right after
    the head ("the husky fisherman", "a black cat mail carrier"), drawn as its nearest job."""
    from story.nearest import nearest

    words = tokens.words
    at = person.end
    if not tokens.chinese:
        for n in (4, 3, 2):  # "who works as a magician", "is a nurse"
            said = words[at:at + n]
            if len(said) == n and said[-1] in {"a", "an"} and " ".join(said[:-1]).removeprefix("who ") in _WORKS_AS:
                at += n
                break
    job = next((h for h in hits if h.section == "jobs" and (h.start == at or person.start <= h.start < person.end)
                and not _verb_like(h.surface, tokens)
                and not (h.start == at and at and verb_of_many(words[at - 1], h.surface, tokens.chinese))), None)
    if job is not None:  # 小猫考试作弊, 送小猫上学, 金毛竞选市长: the pet's, said by what it does, no role word
        person.job, person.job_words = job.key, job.surface if not tokens.chinese or role_noun_zh(job.surface) else ""
        return
    if tokens.chinese and at < len(words) and not any(h.start <= at < h.end for h in hits):
        near = nearest(words[at], "jobs", "zh")  # 布偶猫老师: a role the vocabulary does not know
        if near is not None:
            person.job, person.job_words = near.used, words[at]
        return
    if tokens.chinese or at >= len(words) or any(h.start <= at < h.end for h in hits):
        return
    # up to two unknown words ending in a role ("mail carrier", "fisherman")
    for n in (2, 1):
        span = words[at:at + n]
        if len(span) < n or any(any(h.start <= at + k < h.end for h in hits) for k in range(n)):
            continue
        if not _role_word(span[-1]) or any(w in _NOT_ROLE or not w.isalpha() for w in span):
            continue
        if n == 2 and (span[0].endswith(("s", "ed", "ing", "ly")) or nearest(" ".join(span), "jobs", "en") is None
                       and not _role_word(span[0]) and span[0] in {"and", "or", "who", "is", "was"}):
            continue
        phrase = " ".join(span)
        near = nearest(phrase, "jobs", "en") or nearest(span[-1], "jobs", "en")
        person.job, person.job_words = (near.used if near else None), phrase
        return


def verb_of_many(head: str, word: str, chinese: bool) -> bool:
    """A job word in the singular right after pets in the plural is their verb ("two cats cook dinner"),
    not their job ("two cat cooks", "a cat cook")."""
    return not chinese and head.endswith("s") and not head.endswith("ss") and not word.endswith("s")


def _verb_like(surface: str, tokens: Tokens) -> bool:
    """"delivers food", "sells", "bakes": a doing, not a role named with a pet."""
    if tokens.chinese:
        return False
    first = surface.split()[0] if surface.split() else ""
    return (first.endswith("s") and not first.endswith("ss")) or first.endswith(("ed", "ing"))


def _jobs(hits: list[Hit], tokens: Tokens, people: list[Person] | None = None) -> tuple[str | None, str | None]:
    """The hero's job now and the one it dreams of (after become/wants to be/runs for …). A job
    named with another pet is not taken here; ``analyse`` settles the hero's own role."""
    job = dream = None
    goal_ends = [h.end for h in hits if h.section == "events" and h.key in _GOAL_WORDS]
    for h in hits:
        if h.section != "jobs":
            continue
        if any(w in _BY for w in tokens.words[max(0, h.start - 3):h.start]):
            continue  # "adopted by a kind baker", 被好心的面包师收养: who does it, not the hero's job
        aimed = any(0 <= h.start - end <= 4 for end in goal_ends) or h.surface.startswith(("runs for", "run for"))
        if (h.key == "mayor" or aimed) and h.key != job:
            dream = dream or h.key
        elif job is None:
            job = h.key
    return job, dream


def _lost_thing(hits: list[Hit], tokens: Tokens) -> str | None:
    """What the hero loses or has taken: the place/job/prop word right after lose/steal."""
    for h in hits:
        if h.section == "events" and h.key in {"lose", "steal", "win_back"}:
            after = [x for x in hits if x.section in {"places", "props", "jobs"} and 0 < x.start - h.start <= 4]
            after.sort(key=lambda x: (["places", "props", "jobs"].index(x.section), x.start))
            if after:
                return after[0].surface
    return None


def _roles(people: list[Person], events: list[Hit], words: tuple[str, ...]) -> list[Person]:
    lex = lexicon()
    if not people:
        return [Person(key="hero", role="hero", side="hero", pos=0)]
    # 1. the hero: first person not after "by", not someone else's relation, not a villain
    def hero_ok(p: Person) -> bool:
        rel = lex.entry("relations", p.relation) if p.relation else None
        return not p.after_by and p.of is None and not (set(p.traits) & _VILLAIN_TRAITS and not {"poor", "kind", "shy"} & set(p.traits)) \
            and not (rel and rel["role"] in {"rival", "boss"})
    zh = any(re.search(r"[\u4e00-\u9fff]", w) for w in words)
    wronged = [p for p in people if hero_ok(p) and not (zh and p.does_wrong)]  # 布偶猫看不起狸花猫: the tabby
    hero = next(iter(wronged), None) or next((p for p in people if hero_ok(p)), people[0])
    hero.role, hero.side = "hero", "hero"
    # 2. the rival: after "by", else a villain relation, else bad traits, else the boss
    rest = [p for p in people if p is not hero]
    def villainy(p: Person) -> int:
        rel = lex.entry("relations", p.relation) if p.relation else None
        score = 4 * (p.after_by and not p.kind_by) + 3 * bool(rel and rel["role"] == "rival") \
            + 2 * len(set(p.traits) & _VILLAIN_TRAITS)
        score += 3 * p.does_wrong
        score += bool(rel and rel["role"] == "boss")
        turned = p.after_by and bool(set(p.traits) & _VILLAIN_TRAITS)  # "left at the altar by his greedy bride"
        return score if p.of is None or p.of != hero.key or turned else 0
    candidates = sorted((p for p in rest if villainy(p) > 0 and (p.of is None or p.of == hero.key)),
                        key=lambda p: -villainy(p))
    rival = candidates[0] if candidates else None
    if rival is not None:
        rival.role, rival.side = "rival", "villain"
    # 3. everyone else: the relation's role; allies take the side of whom they belong to
    for p in rest:
        if p is rival:
            continue
        rel = lex.entry("relations", p.relation) if p.relation else None
        owner = next((q for q in people if q.key == p.of), None)
        if rel is not None:
            p.role = str(rel["role"]) if rel["role"] != "rival" else "rival"
            if owner is not None and rel.get("allied"):
                p.side = owner.side if owner.side != "neutral" else "neutral"
            elif rel["role"] in {"rival", "boss"} and rival is None:
                p.side = "villain"
            elif owner is hero or rel["role"] in {"family", "friend", "mentor", "partner"}:
                p.side = "hero" if owner is None or owner is hero else owner.side
        elif p.kind_by and not set(p.traits) & _VILLAIN_TRAITS:
            p.role, p.side = p.kind_by, "hero"  # "adopted by a firefighter dog", "caught by the police dog"
        else:
            bad = set(p.traits) & _VILLAIN_TRAITS or p.after_by
            p.role, p.side = ("rival", "villain") if bad else ("friend", "hero")
        if p.role == "rival" and p is not rival and rival is not None:
            p.role = "other"
    for p in people:
        if p.of == "@rival":
            p.of = rival.key if rival is not None else None
            p.side = "villain" if rival is not None else p.side
            if rival is None:
                p.role, p.side = "rival", "villain"
    # re-key the hero and rival for readable ids
    for who, key in ((hero, "hero"), (rival, "rival")):
        if who is not None:
            old = who.key
            for q in people:
                if q.of == old:
                    q.of = key
            who.key = key
    taken = {"hero", "rival"}
    for p in people:
        if p.key in taken and p.role not in {"hero", "rival"}:
            p.key = _slug(p.key + "_2", taken)
        taken.add(p.key)
    ordered = [hero, *([rival] if rival else []), *(p for p in people if p is not hero and p is not rival)]
    return ordered


# ---------------------------------------------------------------------------------------------
# What was understood, in one line; the hero's style; re-casting the hero
# ---------------------------------------------------------------------------------------------


def describe(person: Person, language: str, analysis: Analysis | None = None) -> str:
    """The person in words of ``language``: ``a poor ginger cat``, ``her dog boyfriend``, ``穷橘猫``."""
    lex = lexicon()
    zh = language == "zh"
    same_lang = analysis is not None and analysis.language == language
    if same_lang and person.words and person.words[0] and person.words != (person.name,):
        core = person.words[0]
    else:
        parts = [str(lex.entry("traits", t)["zh" if zh else "en"][0]) for t in person.traits]
        if person.colour and not person.breed:
            parts.append(str(lex.entry("colours", person.colour)["zh" if zh else "en"][0]))
        if person.breed:
            parts.append(str(lex.entry("breeds", person.breed)["zh" if zh else "en"][0]))
        elif person.species and not person.relation:
            parts.append(str(lex.entry("species", person.species)["zh" if zh else "en"][0]))
        if person.relation:
            if person.species and not person.breed:
                parts.append(str(lex.entry("species", person.species)["zh" if zh else "en"][0]))
            parts.append(str(lex.entry("relations", person.relation)["zh" if zh else "en"][0]))
        core = ("" if zh else " ").join(parts) or ("宠物" if zh else "pet")
    if zh:
        return core
    if person.relation and person.of and not core.startswith(("her ", "his ", "the ")):
        return f"the {core}"
    return core if core.startswith(("the ", "her ", "his ", "their ")) else f"the {core}"


def understood_line(analysis: Analysis, language: str) -> str:
    """One line saying what was understood: hero (job), the cast with roles and sides, the goal.
    The words are the i18n layer's (``petreel.i18n.UNDERSTOOD``); this function only composes them."""
    lex = lexicon()
    lang = "zh" if language == "zh" else "en"
    parts = []
    for p in analysis.cast:
        who = describe(p, language, analysis)
        if p.name and p.words == (p.name,):  # a pet the premise names only by its name (小美被…)
            who = p.name if p is not analysis.hero or not analysis.job else understood(
                lang, "with_job", who=p.name, job=p.job_words if p.job_words and analysis.language == lang
                else lex.entry("jobs", analysis.job)[f"title_{lang}"])
        elif p.name:
            who = understood(lang, "named", name=p.name, who=who)
        if p.name and p.words == (p.name,):
            pass
        elif p.species is None and p.breed is None and p.relation is None and p is not analysis.hero:
            # someone the premise names by a job or a thing (the head chef, a greedy tech company)
            who = (p.words[0] if lang == "zh" else f"the {p.words[0]}") if p.words and analysis.language == language \
                else understood(lang, "a_pet")
        elif p.species is None and p.breed is None and p.relation is None:
            job_word = analysis.surfaces.get(f"jobs:{analysis.job}") if analysis.job else None
            if job_word and analysis.language == language:
                who = understood(lang, "played_by_a_pet", job=job_word)
            else:
                who = understood(lang, "a_pet")
        elif p is analysis.hero and analysis.job:
            job_title = p.job_words if p.job_words and analysis.language == lang else \
                lex.entry("jobs", analysis.job)[f"title_{lang}"]
            who = understood(lang, "with_job", who=who, job=job_title)
        side = understood(lang, "on_the_rival_side") if p.role not in {"hero", "rival"} and p.side == "villain" else ""
        parts.append(understood(lang, "part", role=understood(lang, f"role_{p.role}"), who=who, side=side))
    goal = _goal_text(analysis, lang)
    if goal:
        parts.append(understood(lang, "goal", goal=goal))
    return understood(lang, "line", parts=understood(lang, "separator").join(parts))


def _goal_text(analysis: Analysis, lang: str) -> str:
    lex = lexicon()
    if analysis.dream:
        text = understood(lang, "goal_become", title=lex.entry("jobs", analysis.dream)[f"title_{lang}"])
        return re.sub(r"\ba ([aeiou])", r"an \1", text)  # "become an athlete"
    for key in [*analysis.outcomes, *analysis.goals]:
        if f"goal_{key}" in UNDERSTOOD and key != "become":
            return understood(lang, f"goal_{key}")
    if "lost_pet" in analysis.wrongs:
        return understood(lang, "lost_pet_home")
    return ""


_SPECIES_DEFAULT = {"cat": "ginger-cat", "dog": "golden-retriever"}


def hero_style(analysis: Analysis) -> str | None:
    """The character style id matching the hero's breed/colour/species (None when the premise says nothing)."""
    hero = analysis.hero
    if hero.style:
        return hero.style
    if hero.species:
        return _SPECIES_DEFAULT[hero.species]
    return None


def hero_species(analysis: Analysis) -> str | None:
    return analysis.hero.species or (
        CHARACTER_STYLES[analysis.hero.style].species if analysis.hero.style else None)


def with_hero(analysis: Analysis, **changes: object) -> Analysis:
    cast = [replace(analysis.hero, **changes), *analysis.cast[1:]]  # type: ignore[arg-type]
    return replace(analysis, cast=cast)


_FILLER = frozenset({"a", "an", "the", "my", "your", "me", "i", "please", "some", "this", "that", "there"})


def is_vague(analysis: Analysis) -> bool:
    """Nothing happens in it, so a script would be a guess: a greeting or a bare pet ("hi", "test",
    "make a video", "a cat", "你好", "小猫"). Such a text gets example premises instead.

    Vague when the analysis found no job, dream, place, prop, wrong, goal or outcome and no named
    pet, and the text has no words beyond its pet (or, with no pet, at most three words / four hanzi)."""
    a = analysis
    if a.job or a.dream or a.places or a.props or a.wrongs or a.goals or a.outcomes:
        return False
    if len(a.cast) > 1 or any(p.name for p in a.cast):
        return False
    text = a.premise.lower()
    words = [w for w in re.findall(r"[a-z']+", text) if w not in _FILLER]
    hanzi = re.findall(r"[\u3400-\u9fff]", text)
    if any(p.species for p in a.cast):
        pet = {w.lower() for p in a.cast for w in p.words}
        return not [w for w in words if w not in pet and w.rstrip("s") not in pet] and len(hanzi) <= 3
    return len(words) <= 3 and len(hanzi) <= 4
