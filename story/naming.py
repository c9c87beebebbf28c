"""Which pet each given name names (pure). ``premise_names``: the names a premise gives, ``named X``,
``called X``, ``X, a …``, ``X the …``, ``名叫X``, a Chinese name right after the breed (``story.names``),
a capitalised English word that reads as a name; and the names that stand alone as pets of their own
(a list of English names, "Bella and Max share one umbrella", or one that starts the premise as its
subject; a Chinese 小美被…, 阿黄在…). ``add_alone`` casts those; ``give_names`` gives every other name to
the nearest pet (before it, or just after it: "Duchess, a Persian cat"), or casts it when no pet takes it."""

from __future__ import annotations

import re

from story.analysis import BY, Person, slug
from story.lexicon import Hit, Tokens, is_chinese, lexicon
from story.names import apposed_names, name_things, species_of_name, standalone_names

_NAME_EN = re.compile(r"\b(?:named|called)\s+([A-Z][\w'-]{1,19})")
_NAME_ZH = re.compile(r"(?:名叫|名字叫|叫做|取名|叫)([\u4e00-\u9fff]{2,3}?)(?=的|，|。|、|,|$|和|被|在|是|[\u4e00-\u9fff]{0}$)")
_CAP = re.compile(r"\b([A-Z][a-z][\w'-]{0,18})\b")
_STOP_CAPS = {"The", "A", "An", "In", "On", "At", "One", "When", "After", "Then", "But", "And", "Her", "His",
              "Their", "Its", "She", "He", "They", "It", "Every", "This", "That", "Years", "Mars", "Moon",
              "Earth", "Paris", "London", "New", "Chinese", "English", "I", "My", "Our", "Once", "China", "Egypt",
              "Rome", "Japan", "Greece", "Ancient", "Middle", "Ages", "Tang", "Qing", "Ming"}  # a place or an age
# after a name, the next name of a list ("Bella and Max", "Mango, Pearl and Tofu")
_LISTED = re.compile(r"\s*(?:,|,?\s*(?:and|&))\s*[A-Z][a-z][\w'-]{0,18}\b")
# a list of names after the first ("… and Max", "…, Pearl and Tofu"), never an adverb's comma ("Finally, Xiaoju")
_LIST = re.compile(r"(?:\s*,\s*[A-Z][a-z][\w'-]{0,18})*\s*,?\s*(?:and|&)\s+[A-Z][a-z][\w'-]{0,18}\b")
# capitalised words that start a sentence and name no pet (a time, everyone)
_NOT_NAMES_EN = {"Today", "Tonight", "Yesterday", "Tomorrow", "Someday", "Everyone", "Everybody", "Nobody", "Somebody",
                 "Someone", "Spring", "Summer", "Autumn", "Fall", "Winter", "Christmas", "Sunday", "Monday", "Tuesday",
                 "Wednesday", "Thursday", "Friday", "Saturday", "Life", "Love", "Time", "Nothing", "Everything"}
# a day of the calendar, anywhere in the premise, names no pet ("spends Christmas alone", "on Valentine's Day")
# unless the premise gives it as a name ("a husky named Christmas")
_CALENDAR_EN = {"Christmas", "Xmas", "Easter", "Halloween", "Thanksgiving", "Hanukkah", "Diwali", "Ramadan", "Eid",
                "Valentine", "Valentines", "Year", "Years", "Eve", "Festival", "Lunar", "Mid-Autumn", "Holidays",
                "January", "February", "March", "April", "June", "July", "August", "September", "October",
                "November", "December", "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}

# a number or a span of time that opens the premise names no pet ("Three years later, the cat…", "Two weeks
# later", "Last winter, …", "Years later"): when the story is, unless the premise gives it as a name ("a cat
# named Three")
_TIME_EN = {"Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Eleven", "Twelve", "Fifteen",
            "Twenty", "Thirty", "Forty", "Fifty", "Hundred", "Few", "Several", "Many", "Some", "Last", "Next",
            "Decades", "Months", "Weeks", "Days", "Hours", "Minutes", "Later", "Ago", "Soon", "Now", "Meanwhile",
            "Suddenly", "Finally", "Eventually", "Someday", "Tomorrow"}
_TIME_AFTER = re.compile(r"\s+(?:(?:long|more|whole)\s+)?(?:years?|months?|weeks?|days?|hours?|minutes?|decades?|"
                         r"nights?|mornings?|winters?|summers?|springs?|autumns?|later|ago)\b", re.I)
# a word that describes the pet right before its breed or species word is no name: "An Afghan hound", "a French
# bulldog", "a lonely Siberian husky", "a Japanese Spitz named Yuki" (the breed's own word, before "named")
_DET_BEFORE = re.compile(r"\b(?:a|an|the|this|that|his|her|their|my|our|one|two|three|every|some)"
                         r"(?:\s+(?!and\b|or\b|with\b|named\b|called\b|to\b|for\b|by\b|of\b)[a-z][\w'-]*){0,2}\s+$", re.I)
_HEAD_AFTER = re.compile(r"\s+(?:[A-Z][\w'-]+\s+)?(?:named|called)\b|\s+([a-z][\w'-]+|[A-Z][\w'-]+)")

# a title said before a given name is the name's ("Grandpa Biscuit, an old beagle", "Dr Paws the corgi"): one pet
_TITLES_EN = ("Mr", "Mrs", "Ms", "Miss", "Mister", "Dr", "Doctor", "Prof", "Professor", "Captain", "Capt", "Officer",
              "Chef", "Coach", "Uncle", "Aunt", "Auntie", "Grandpa", "Grandma", "Granny", "Sir", "Lady", "Lord",
              "Madame", "Sergeant", "Sgt", "Master", "Nurse", "Judge", "Agent", "Detective", "Princess", "Prince",
              "King", "Queen")
_TITLED = re.compile(rf"\b(?:{'|'.join(_TITLES_EN)})\s+[A-Z][a-z][\w'-]{{0,18}}\b(?!\s+(?:{'|'.join(_TITLES_EN)})\b)")
_ABBREVIATED = re.compile(r"\b(Mr|Mrs|Ms|Dr|Prof|Capt|Sgt|St)\.\s*(?=[A-Z])")


def titled(premise: str) -> str:
    """The premise with a title's abbreviating full stop dropped ("Dr. Paws" → "Dr Paws"): no sentence ends there."""
    return _ABBREVIATED.sub(r"\1 ", premise)


_CALLED_BY_PRONOUN = re.compile(r"\bcall(?:s|ed)?\s+(?:her|him|it)\s+$", re.IGNORECASE)
_CALLED_ZH = re.compile(r"叫(?:它|她|他)$")
_NAMED_BEFORE = re.compile(r"\b(?:named|called)\s+$")
_APPOSED = re.compile(r"\s*(?:,|\bthe\b)")  # after a name, the pet it names: "Duchess, a Persian", "Mango the cat"
_APPOSED_PET = re.compile(r"\s*,?\s+(?:a|an|the|our|my)\s")  # "Dumpling the hamster", "Sushi, a poor cat"



def premise_names(premise: str) -> tuple[list[tuple[str, int]], list[tuple[str, int]], list[tuple[str, int]]]:
    """The premise's given names with their offsets: those that name a pet the premise describes, the
    Chinese names standing alone and the English names standing alone."""
    names = _given_names(premise)
    alone = standalone_names(premise, {pos for _, pos in names}) if is_chinese(premise) else []
    alone_en = [] if is_chinese(premise) else _names_alone(premise, names)
    names = [n for n in names if n not in alone_en]
    return names, alone, alone_en


def add_alone(people: list[Person], names: list[tuple[str, int]], alone: list[tuple[str, int]],
              alone_en: list[tuple[str, int]], premise: str, tokens: Tokens, taken: set[str]) -> None:
    """Casts the names standing alone, then orders ``people`` by mention."""
    words = tokens.words
    # a Chinese name standing alone (小美被…, 阿黄在…, 旺财每天…) is a pet of its own, unless it says which
    # pet it is (小美是一只布偶猫)
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
        people.append(Person(key=slug(species_of_name(name) or "pet", taken), role="other", side="neutral",
                             pos=pos, species=species_of_name(name), name=name, words=(name,), start=at, end=at))
    # English names that stand alone ("Bella and Max share one umbrella", "Bella shares…") are pets of their
    # own, each one: species untold
    people += [_named_alone(name, pos, tokens, taken) for name, pos in alone_en]
    people.sort(key=lambda p: p.pos)


def give_names(people: list[Person], names: list[tuple[str, int]], premise: str, tokens: Tokens, hits: list[Hit],
               taken: set[str]) -> None:
    """Each given name to the nearest pet (before the name, or just after it); a relation right after a
    name belongs to that named pet."""
    lex = lexicon()
    words = tokens.words
    apposed = [(n, pos) for n, pos in names if _APPOSED.match(premise, pos + len(n))]  # "Wangcai, a golden …"
    for name, pos in [*apposed, *(x for x in names if x not in apposed)]:
        size = len(name) if not tokens.chinese else len(premise[pos:].split()[0].rstrip(","))
        target = _nearest(people, pos, premise, size)
        if _CALLED_BY_PRONOUN.search(premise[:pos]) if not tokens.chinese else _CALLED_ZH.search(premise[:pos]):
            callers = max((p for p in people if p.pos < pos), key=lambda p: p.pos, default=None)
            # "her friends call her Bean", 大家都叫它豆豆: the one the pronoun names, never the ones who call it so
            target = next((p for p in sorted(people, key=lambda p: p.pos) if p is not callers and p.pos < pos
                           and (p.species or p.breed)), target)
            if target is not None and callers is not None and (target.start, target.words, target.relation) == (
                    callers.start, callers.words, callers.relation):
                target = None  # "her classmates call her Piggy": no classmate is Piggy, the one called so is (no pet
                # word names her: a pet of her own)
        if target is not None and target.pos > pos and not tokens.chinese and _NAMED_BEFORE.search(premise[:pos]):
            target = None  # "a Japanese Spitz named Yuki is dumped by her boyfriend": Yuki is the one named, never
            # the boyfriend told after it
        if target is not None and (name, pos) not in apposed and _joined_to(target, pos, premise, tokens.chinese):
            target = None  # "the old cat and Socks fight over the remote": Socks is the old cat's other, not its name
        if target is not None and target.name is None:
            target.name = name
            target.words = (*target.words, name)
        elif not tokens.chinese and not any(p.name == name for p in people):
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


def _given_names(premise: str) -> list[tuple[str, int]]:
    """Given names with their offsets: ``named X``/``called X``, ``X, a …``/``X the …``, ``名叫X``."""
    out: list[tuple[str, int]] = [(m.group(1), m.start(1)) for m in _NAME_EN.finditer(premise)]
    premise_caps = re.sub(r"['’]s\b", "  ", premise)
    for m in _NAME_ZH.finditer(premise):
        out.append((m.group(1), m.start(1)))
    lex = lexicon()
    if not is_chinese(premise):  # "Grandpa Biscuit", "Dr Paws", "Mr Whiskers": the title is the name's, no pet of its own
        out += [(m.group(0), m.start()) for m in _TITLED.finditer(premise)]
    if is_chinese(premise):  # 橘猫小橘, 金毛旺财一家: a name right after the breed
        out += apposed_names(premise, lex.tokenize(premise), {pos for _, pos in out})
    if not is_chinese(premise):
        for m in _CAP.finditer(premise_caps):
            word = m.group(1)
            if word in _STOP_CAPS or word in _CALENDAR_EN or any(word == n or (
                    " " in n and p <= m.start() < p + len(n)) for n, p in out):
                continue
            if word in _TIME_EN or _TIME_AFTER.match(premise, m.end()) or _breed_word(premise, m.start(), m.end()):
                continue  # "Three years later", "Last winter": when; "an Afghan hound": what pet it is
            after = premise[m.end():m.end() + 12]
            hits = lex.find(word)
            if hits and not (all(h.section == "props" and h.key in name_things() for h in hits)
                             and _APPOSED_PET.match(after)):
                continue  # a vocabulary word, but a thing's word told as a pet is its name: "Dumpling the hamster"
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


def _breed_word(premise: str, start: int, end: int) -> bool:
    """The capitalised word at ``start:end`` says what pet it is, no name: it begins a breed's words with the word
    after it ("Siberian husky", "German shepherd"), or, said after "a", "the", "her" and the like, it stands
    right before the pet's breed or species word ("an Afghan hound", "a French bulldog") or before "named" ("a
    Japanese Spitz named Yuki")."""
    lex = lexicon()
    word = premise[start:end]
    prev = re.search(r"([A-Za-z][\w'-]*)\s+$", premise[max(0, start - 30):start])
    if prev is not None and any(h.section in {"breeds", "species"} and h.surface.lower() == f"{prev.group(1)} {word}".lower()
                                for h in lex.find(f"{prev.group(1)} {word}")):
        return True  # "a German Shepherd", "a Maine Coon": the breed's last word
    nxt = re.match(r"\s+([A-Za-z][\w'-]*)", premise[end:])
    if nxt is None:
        return False
    pair = f"{word} {nxt.group(1)}"
    if any(h.section in {"breeds", "species"} and h.pos == 0 and len(h.surface) > len(word) for h in lex.find(pair)):
        return True
    if not _DET_BEFORE.search(premise[max(0, start - 40):start]):
        return False
    head = _HEAD_AFTER.match(premise, end)
    if head is None:
        return False
    if head.group(1) is None:
        return True  # "a Japanese Spitz named Yuki": the words before "named" say which pet
    return any(h.section in {"breeds", "species"} and h.pos == 0 for h in lex.find(head.group(1)))


def _named_alone(name: str, pos: int, tokens: Tokens, taken: set[str]) -> Person:
    """A pet the premise names by its given name only (species untold), at offset ``pos``."""
    at = next((i for i, off in enumerate(tokens.offsets) if off >= pos), len(tokens.words))
    by = any(w in BY for w in tokens.words[max(0, at - 2):at])
    return Person(key=slug(name, taken), role="other", side="neutral", pos=pos, name=name, words=(name,),
                  start=at, end=at + 1, after_by=by)



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


def _joined_to(pet: Person, pos: int, premise: str, chinese: bool) -> bool:
    """The name comes right after the pet's mention and "and" ("the old cat and Socks"): a pet of its own."""
    between = premise[pet.pos:pos]
    return not chinese and pet.pos < pos and bool(re.fullmatch(r"[\w'-]+(?:\s+[\w'-]+)?\s+(?:and|&)\s+", between))


def _nearest(people: list[Person], pos: int, premise: str, size: int) -> Person | None:
    if not people:
        return None
    before = [p for p in people if p.pos <= pos]
    after = [p for p in people if p.pos > pos and p.name is None] or [p for p in people if p.pos > pos]
    # "Duchess, a Persian cat" names the pet right after; "a corgi named Biscuit" the one before
    gap_after = min((p.pos - pos for p in after), default=999)
    if after and gap_after <= 25 and _APPOSED.match(premise, pos + size):
        return min(after, key=lambda p: p.pos)
    free = [p for p in before if p.name is None]
    if free:
        return max(free, key=lambda p: p.pos)
    return min(after, key=lambda p: p.pos) if after else None
