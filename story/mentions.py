"""Who a premise names: every mention of a cast member, as a token span. Pure.

A mention is its head (breed, species, relation, job, given name) widened over the article and
describing words before it ("A lonely old basset hound"), a job or relation right after ("corgi
waiter"), "named X", and a "with" phrase ("a tiny chihuahua with a big voice"). ``hero_gender``
reads the hero's he or she.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from story.analysis import BY
from story.clausewords import (
    BE,
    DET,
    GENDER,
    JOIN_EN,
    NAMING_ZH,
    NP_WORDS,
    PERSON_SECTIONS,
    PRONOUN_SUBJECT,
    PUNCT,
    STOP,
    THING_SECTIONS,
    describes_thing,
    for_pets_at,
    lex_words,
    owns,
    role_noun_zh,
    verb_form,
    verb_like,
)
from story.heads import GROUP_NOUNS_EN, found_children, names_no_pet
from story.lexicon import Hit, Tokens, lexicon
from story.others import WRONGDOERS_ZH, person_thief
from story.premise import Analysis, Person, verb_of_many


@dataclass
class Mention:
    key: str
    start: int  # token span
    end: int


def find_mentions(analysis: Analysis, tokens: Tokens, hits: list[Hit]) -> list[Mention]:
    """Every mention of a cast member: its head (breed, species, relation, job, name) widened over
    the article and describing words before it, the job and ``named X`` after it."""
    words = tokens.words
    heads = [h for h in hits if h.section in PERSON_SECTIONS and not describes_thing(h, hits)
             and not names_no_pet(h, hits, tokens, analysis.premise)]  # 全城的猫: a crowd; 后来成了导盲犬, 成了大老板,
    # "is the richest dog in the city", 原来她是董事长的妈妈: no one of the cast, what the pet became or is
    found = found_children(analysis.premise, tokens, heads)  # 找到了走失的小女孩: the child found, cast so
    heads = sorted([*heads, *found], key=lambda h: h.start) if found else heads
    # "the dog show": a place, no mention of a dog; "sells hot dogs", "a dog bed", "cat food": a thing, none either
    shows = [h for h in hits if h.section in {"places", "props"}]
    heads = [h for h in heads if not (h.section in {"breeds", "species"} and for_pets_at(h, tokens, analysis.premise))]
    heads = [h for h in heads if not any(o is not h and o.start <= h.start and h.end <= o.end
                                         and (o.end - o.start) > (h.end - h.start) for o in heads + shows)]
    out: list[Mention] = []
    used: set[int] = set()
    names = {p.name.lower(): p.key for p in analysis.cast if p.name}
    titled = {tuple(n.split()): k for n, k in names.items() if " " in n}  # "grandpa biscuit": one name, two words
    for i, w in enumerate(words):
        whole = next(((size, k) for t, k in titled.items() for size in [len(t)] if words[i:i + size] == t), None)
        if whole is not None and not tokens.chinese:
            out.append(Mention(whole[1], i, i + whole[0]))
            used |= set(range(i, i + whole[0]))
            continue
        if w in names and i not in used:
            start = i - 1 if tokens.chinese and i > 0 and words[i - 1] in NAMING_ZH else i
            start -= int(tokens.chinese and start > 0 and start < i and words[start - 1] in DET)
            if not tokens.chinese and i >= 2 and words[i - 1] in {"named", "called"}:
                det = next((k for k in range(i - 2, max(-1, i - 6), -1) if words[k] in DET), None)
                if det is not None and not any(det <= h.start < i for h in heads) and all(
                        w.isalpha() and w not in STOP for w in words[det + 1:i - 1]):
                    start = det  # "a Japanese Spitz named Yuki": a breed the vocabulary lacks, the words of the one named
            out.append(Mention(names[w], start, i + 1))  # 一只叫小橘的…: the naming words with it
            used |= set(range(start, i + 1))
    for h in heads:
        if any(h.start <= i < h.end for i in used):
            continue
        person = _who(analysis, h, words, tokens.offsets[h.start] if tokens.chinese else -1)
        if person is None:
            continue
        start, end = h.start, h.end
        while end < len(words) and not owns(analysis.premise, tokens, end - 1):
            # "corgi waiter", "corgi friend": a job or relation named right after (its own word, not
            # a verb: "the beagle bakes" is not a baker; 小猫考试作弊: the exam is what it does)
            after = next((x for x in hits if x.start == end and x.section in {"jobs", "relations"}
                          and (role_noun_zh(x.surface) if tokens.chinese
                               else x.surface in lex_words(x) and not verb_form(x.surface))), None)
            if after is None or verb_of_many(words[end - 1], after.surface, tokens.chinese):
                break
            end = after.end
        if not tokens.chinese and h.section in {"breeds", "species"} and person.relation == "stranger" \
                and end == h.end and end < len(words) and words[end] in GROUP_NOUNS_EN:
            end += 1  # "the rich cat patients": the group's own noun, told with its pet word
        role = tuple(person.job_words.lower().split()) if not tokens.chinese and not owns(
            analysis.premise, tokens, end - 1) else ()
        if role and words[end:end + len(role)] == role and not (
                verb_form(role[0]) and words[end + len(role):end + len(role) + 1] and words[end + len(role)] in DET):
            end += len(role)  # "a snooty siamese florist across the street": the role premise reading found (never
            # a verb and its thing: "a dog guards the farm" names the dog, not "a dog guards")
        elif _unknown_role_noun(tokens, end, hits):
            end += 1  # "a lonely husky fisherman is laughed at": a role the vocabulary does not know
        if end + 1 < len(words) and words[end] in {"named", "called", "名叫", "叫"} and (
                tokens.chinese or words[end + 1].lower() not in _NOT_A_NAME):
            end += 2  # "a corgi called Max"; never "the boss called the husky lazy", a put-down
        if tokens.chinese and end < len(words) and words[end] == "们":
            end += 1  # 同学们: a group, told by its words, never given one pet's name
        if tokens.chinese and end + 1 < len(words) and words[end] == "家" and words[end + 1] == "的":
            end += 1  # 白猫家的大楼: the pet's household owns it, no home is drawn
        end = _with_phrase(analysis.premise, tokens, end, hits)
        while start > 0 and start - 1 not in used and _modifier(
                words[start - 1], start - 1, hits, tokens, start > 1 and owns(analysis.premise, tokens, start - 2)):
            start -= 1
        if tokens.chinese and start > 1 and words[start - 1] == "的" and _modifier(words[start - 2], start - 2, hits, tokens):
            start -= 2  # 富有的波斯猫
        start = _describing_run(analysis.premise, tokens, start, used, hits)
        if not tokens.chinese and words[max(0, start - 2):start] == ("family", "of"):  # "a family of cats": the
            # household of pets is one mention, its "a family" read as the cats too
            said = next((m for m in out if m.key == person.key and m.end == start - 1), None)
            if said is not None or not used & {start - 2, start - 1}:
                out = [m for m in out if m is not said]
                start = said.start if said is not None else start - 2
        if start > 0 and words[start - 1] in DET and start - 1 not in used:
            start -= 1
            if tokens.chinese and start > 0 and words[start - 1] in {"那", "这"} and start - 1 not in used:
                start -= 1  # 那只布偶猫 (cut 那｜只): the pet told of
        elif tokens.chinese and start > 1 and words[start - 1] == "的" and words[start - 2] in _OWN_ZH \
                and start - 2 not in used and not any(h.end == start - 2 and h.section in {"events", "actions"}
                                                      for h in hits):
            start -= 2  # 她的妹妹狗, 他的合伙人: the possessive is the mention's, as "her sister" is (欺负它的富家狗:
            # the one a deed told before the pet is done to)
        end = _place_phrase(analysis.premise, tokens, (start, end), hits)
        out.append(Mention(person.key, start, end))
        used |= set(range(start, end))
    hero = analysis.hero
    if hero.species is None and hero.breed is None and hero.relation is None and not any(m.key == hero.key for m in out):
        job = next((h for h in hits if h.section == "jobs" and h.start <= 2), None)  # "a delivery driver builds …"
        if job is not None:
            start = job.start - 1 if job.start and words[job.start - 1] in DET else job.start
            out.append(Mention(hero.key, start, job.end))
    if tokens.chinese:
        out += _role_again_zh(tokens, hits, out)
    out += _named_by_role(analysis, tokens, out)
    if tokens.chinese:  # 外卖小哥 (外卖｜小｜哥): the whole role, never its trade's word alone
        out = [m for m in out if not any(o.key == m.key and o.start <= m.start and m.end <= o.end
                                         and o.end - o.start > m.end - m.start for o in out)]
    for h in hits:  # someone named by a job ("the head chef"), when the cast has such a person
        if h.section == "jobs" and not any(m.start <= h.start < m.end for m in out) and not (
                h.start and words[h.start - 1] in {"a", "an"}):  # "dreams of becoming a chef": no one named
            person = next((p for p in analysis.cast[1:] if p.words and p.words[0].endswith(h.surface)), None)
            if person is not None:
                start = h.start - 1 if h.start and words[h.start - 1] in DET else h.start
                out.append(Mention(person.key, start, h.end))
    out.sort(key=lambda m: m.start)
    # one person named twice in a row ("Mango the ginger cat", "Duchess, a spoiled Persian") is one
    # mention; an owner right before ("Mango's mother") belongs to the mention it owns
    merged: list[Mention] = []
    for m in out:
        prev = merged[-1] if merged else None
        again = prev is not None and not tokens.chinese and tokens.words[prev.end - 1].lower() == tokens.words[
            m.end - 1].lower() and bool(PUNCT.search(analysis.premise[tokens.offsets[prev.end - 1]:tokens.offsets[m.start]]))
        if prev is not None and prev.end == m.start and not again:  # "her kittens, the kittens grow up": told again
            if prev.key == m.key:
                prev.end = m.end
                continue
            if tokens.words[prev.end - 1] == "的" or owns(analysis.premise, tokens, prev.end - 1):
                merged[-1] = Mention(m.key, prev.start, m.end)
                continue
        if prev is not None and prev.key == m.key and tokens.chinese and m.start == prev.end + 1 \
                and tokens.words[prev.end] == "的" and tokens.words[prev.end - 1] in names:
            prev.end = m.end  # 叫小橘的橘猫: the name and the pet it names are one mention
            continue
        merged.append(m)
    # "X is laughed at by the poodles": the doer after "by" (被) is never the pet it is done to; a mention
    # read as that same pet keeps its own words rather than name one pet twice
    return [m for k, m in enumerate(merged) if not (
        k and m.start and tokens.words[m.start - 1] in BY and merged[k - 1].key == m.key
        and m.start - merged[k - 1].end <= 6)]


def _named_by_role(analysis: Analysis, tokens: Tokens, found: list[Mention]) -> list[Mention]:
    """The ones named by a role or a household (``story.takers``: "a kind farmer", 好心的面包师, 渔夫, 一家人, "an old
    fisherman" who finds the pet, "the old farmer" it helps) where the premise says their words: the whole of them
    with the describing words (never 被好心 left without its doer), then the bare role word told again
    (…后来救了渔夫一命), the article before each."""
    words = tokens.words
    sep = "" if tokens.chinese else " "
    out: list[Mention] = []
    for p in analysis.cast[1:]:
        covered = {i for m in [*found, *out] if m.key != p.key or not tokens.chinese for i in range(m.start, m.end)}
        met = tokens.chinese and bool(p.words) and (p.side == "hero" and p.role in {"friend", "mentor"} and bool(
            p.job_words) or p.words[0] in WRONGDOERS_ZH) or person_thief(p)  # 被老警察训练, 老渔夫捡到, 救了市长
        # (story.met), 抓住了小偷, "a thief steals … chase him"
        if p.species or p.breed or p.relation or (p.kind_by not in {"family", "friend", "mentor"} and not met) or not p.words:
            continue
        for said in dict.fromkeys((p.words[0], p.job_words or p.words[0].split()[-1])):
            for k in range(len(words)):
                end = next((j for j in range(k + 1, min(k + 8, len(words)) + 1)
                            if len(sep.join(words[k:j])) >= len(said)), None)
                if end is None or sep.join(words[k:end]) != said or covered & set(range(k, end)):
                    continue
                start = k - 1 if k and words[k - 1] in DET and k - 1 not in covered else k
                out.append(Mention(p.key, start, end))
                covered |= set(range(start, end))
    return out


def _role_again_zh(tokens: Tokens, hits: list[Hit], found: list[Mention]) -> list[Mention]:
    """A Chinese pet named with a role word right before it (失主狗, 经理猫) told of again by that word
    alone (…，失主送了它一条鱼; 后来经理后悔了): each later bare role word is a mention of that pet."""
    words = tokens.words
    covered = {i for m in found for i in range(m.start, m.end)}
    heads = {i for h in hits if h.section in PERSON_SECTIONS for i in range(h.start, h.end)}
    things = {i for h in hits if h.section not in PERSON_SECTIONS | {"jobs"} for i in range(h.start, h.end)}
    out: list[Mention] = []
    for m in found:
        k = next((i for i in range(m.start, m.end) if i in heads), m.start) - 1  # the word before the head
        if k < 0 or k in things or k - 1 in heads:
            continue
        role = words[k]
        if len(role) < 2 or not re.fullmatch(r"[\u4e00-\u9fff]+", role) or role in STOP or role in DET \
                or any(o.key != m.key and o.start <= k < o.end for o in found):
            continue
        for j in range(m.end, len(words)):
            if words[j] == role and j not in covered and j + 1 not in heads:
                out.append(Mention(m.key, j, j + 1))
                covered.add(j)
    return out


_OWN_ZH = {"她", "他", "它", "我", "我们", "她们", "他们"}  # 她的…: whose the pet is, said before it
_PARTNERS = {"girlfriend", "boyfriend", "wife", "husband"}  # whom "his ex" may be
# describing words the stop list holds (they are never things to draw) that still tell two pets of one
# species apart: "learns boxing from an old cat" is not the shy tabby cat hero
_TELLING = frozenset({"big", "small", "tiny", "little", "old", "new"})



def hero_gender(analysis: Analysis, tokens: Tokens, mentions: list[Mention]) -> str:
    """"m", "f" or "": the first he/she/his/her after the hero is named and before anyone else is; else, in
    either language, what its partner says of it ("dumped by his girlfriend", 柯基的女朋友: he; "her poor
    husband": he)."""
    coupled = partner_gender(analysis)
    if tokens.chinese:
        return coupled
    first = next((m for m in mentions if m.key == analysis.hero.key), None)
    if first is None:
        return coupled
    stop = next((m.start for m in mentions if m.start > first.start and m.key != analysis.hero.key), len(tokens.words))
    return next((GENDER[w] for w in tokens.words[first.end:stop] if w in GENDER), coupled)


OTHER_GENDER = {"m": "f", "f": "m"}


def gender_of(person: Person) -> str:
    """"m", "f" or "": what a partner or family word says of a pet (wife: f, 老公: m)."""
    return str(lexicon().entry("relations", person.relation).get("gender") or "") if person.relation else ""


def partner_gender(analysis: Analysis) -> str:
    """The hero's gender as a couple says it: the hero is a partner word itself ("her poor husband"), or its
    partner's other one ("his girlfriend", 柯基的女朋友); "" when the premise has no couple."""
    hero = analysis.hero
    if hero.relation and lexicon().entry("relations", hero.relation).get("role") == "partner":
        return gender_of(hero)
    partner = next((p for p in analysis.cast if p.key == _partner_of(analysis)), None)
    return OTHER_GENDER.get(gender_of(partner), "") if partner is not None else ""


def _partner_of(analysis: Analysis) -> str | None:
    """The key of the partner who belongs to the hero: its partner word owned by the hero, else the one partner word
    owned by nobody (一只哈士奇是修车工，老婆嫌他穷: his wife)."""
    partners = [p for p in analysis.cast if p is not analysis.hero and p.relation
                and lexicon().entry("relations", p.relation).get("role") == "partner"]
    owned = next((p.key for p in partners if p.of == analysis.hero.key), None)
    unowned = [p for p in partners if p.of is None]
    return owned or (unowned[0].key if len(unowned) == 1 else None)


def hero_partner(analysis: Analysis) -> str | None:
    """The key of the hero's partner: the one its partner word belongs to, or the one that belongs to it."""
    hero = analysis.hero
    if hero.relation and lexicon().entry("relations", hero.relation).get("role") == "partner":
        return hero.of or next((p.key for p in analysis.cast if p.victim == hero.key), None)  # "leaves her poor
        # husband for a rich bulldog": the one who left him
    return _partner_of(analysis)


def _with_phrase(premise: str, tokens: Tokens, end: int, hits: list[Hit]) -> int:
    """Where a mention ends when "with" and what the pet has follow it before its verb ("a tiny
    chihuahua with a big voice is booed"): up to five plain words, then a verb."""
    words = tokens.words
    if tokens.chinese or end >= len(words) or words[end] != "with":
        return end
    people = {j for h in hits if h.section in PERSON_SECTIONS for j in range(h.start, h.end)}
    for k in range(end + 2, min(end + 7, len(words))):
        if k - 1 in people or PUNCT.search(premise[tokens.offsets[k - 1]:tokens.offsets[k]]):
            return end
        if words[k] in BE or (verb_like(words[k], False) and words[k] not in STOP):
            return k
    return end


_COUNTS = frozenset("all two three four five six seven eight nine ten twelve twenty hundred many some".split())


def _place_phrase(premise: str, tokens: Tokens, span: tuple[int, int], hits: list[Hit]) -> int:
    """Where a subject's mention ends when where the pets are from follows it before their verb ("the cats of
    the office compete", "ten dogs at the fire station compete"): the place is part of who they are (never
    after "by": "mocked by the labradors at the dog show, trains" is mocked there)."""
    words = tokens.words
    start, end = span
    while start > 0 and (words[start - 1] in DET or words[start - 1] in _COUNTS):
        start -= 1  # "ten dogs", "all the cats": the group opens the clause all the same
    opens = start == 0 or words[start - 1] in JOIN_EN or bool(PUNCT.search(
        premise[tokens.offsets[start - 1]:tokens.offsets[start]]))
    if tokens.chinese or not opens or end >= len(words) or words[end] not in {"of", "at", "from"}:
        return end
    people = {i for h in hits if h.section in PERSON_SECTIONS for i in range(h.start, h.end)}
    place = min((h for h in hits if h.section == "places" and end + 1 <= h.start <= end + 4), key=lambda h: h.start,
                default=None)
    if place is None or place.end >= len(words) or any(
            i in people or words[i] in BE or verb_like(words[i], False) for i in range(end + 1, place.start)):
        return end
    if PUNCT.search(premise[tokens.offsets[place.end - 1]:tokens.offsets[place.end]]):
        return end  # "…at the dog show, trains": the place ends its clause
    verb = words[place.end]
    plural = words[end - 1].endswith("s") and not any(  # "the cats … compete"
        h.start == place.end and h.section in THING_SECTIONS | PERSON_SECTIONS for h in hits)
    return place.end if verb in BE or verb not in STOP and (verb_like(verb, False) or plural) else end


def _describing_run(premise: str, tokens: Tokens, start: int, used: set[int], hits: list[Hit]) -> int:
    """Where a mention starts when describing words the vocabulary does not know stand between it
    and its article ("A lonely old basset hound"): up to four plain words, no punctuation between."""
    words = tokens.words
    if tokens.chinese:
        return start
    known = {j for h in hits if h.section not in {"traits", "colours"} for j in range(h.start, h.end)}
    k = start
    while k > 0 and start - k < 4 and k - 1 not in used and k - 1 not in known:
        w = words[k - 1]
        between = premise[tokens.offsets[k - 1] + len(w):tokens.offsets[k]]
        if PUNCT.search(between) or not re.fullmatch(r"[a-z][a-z-]*", w) or w in PRONOUN_SUBJECT \
                or w in JOIN_EN or (w in STOP and w not in NP_WORDS) or verb_like(w, False):
            break
        k -= 1
    if k < start and k > 0 and words[k - 1] in DET and k - 1 not in used \
            and not PUNCT.search(premise[tokens.offsets[k - 1] + len(words[k - 1]):tokens.offsets[k]]):
        return k - 1
    return start


def _unknown_role_noun(tokens: Tokens, i: int, hits: list[Hit]) -> bool:
    """True when word ``i``, right after a person's head, is a noun the vocabulary does not know that
    names the person's role (English): not a stop word, not a verb form itself, and a verb follows."""
    words = tokens.words
    if tokens.chinese or i + 1 >= len(words) or any(h.start <= i < h.end for h in hits):
        return False
    word, then = words[i], words[i + 1]
    if word in STOP or word in JOIN_EN or word.endswith(("s", "ed", "ing", "ly")) or not word.isalpha():
        return False
    return then in BE or then in {"who", "has", "had", "loves", "wants", "dreams"} or any(
        h.start == i + 1 and h.section in {"events", "actions"} for h in hits) or (
        then.endswith("s") and then not in STOP and len(then) > 3)


_ARTICLES = {"a", "an", "the", "his", "her", "their", "its", "my"}
_NOT_A_NAME = _ARTICLES | {"him", "them", "it", "me", "us", "you", "our", "your", "this", "that", "everyone"}
_BULLY = {"bully", "bullying"}
_KIN_WORDS = {"big", "little", "older", "younger", "elder", "baby", "new", "old"}


def _modifier(word: str, i: int, hits: list[Hit], tokens: Tokens, after_owner: bool = False) -> bool:
    """A describing word right before a person: a trait, colour or job, or an unknown adjective."""
    if any(h.start <= i < h.end and (h.section in {"traits", "colours", "jobs"} or (
            h.section == "events" and h.surface in _BULLY)) for h in hits):
        return True  # "a bully dog": the wrong's word said of the pet describes it
    if tokens.chinese:
        return False
    if re.fullmatch(r"[a-z]{3,}ed", word) and i > 0 and tokens.words[i - 1] in _ARTICLES:
        return True  # "the bullied puppy", "an abandoned kitten": a done-to word describes the pet
    if after_owner and word in _KIN_WORDS:
        return True  # "the cat's big brother": one relation, told whole
    known = any(h.start <= i < h.end for h in hits)
    return not known and word not in STOP and word not in PRONOUN_SUBJECT and bool(re.fullmatch(r"[a-z-]+", word)) \
        and i > 0 and (tokens.words[i - 1] in DET | {"very", "so"} or after_owner)  # "the cat's big brother"


def _who(analysis: Analysis, head: Hit, words: tuple[str, ...], at: int = -1) -> Person | None:
    """The cast member a person word refers to (breed, relation, species, colour agree best); in Chinese
    (``at``: the word's place in the premise) the pet premise reading found right there first: 被霸总猫欺负
    is the rival's own 猫, never the 布偶猫 hero's."""
    lex = lexicon()
    best, score = None, 0
    for p in analysis.cast:
        s = 0
        if head.section == "breeds":
            if p.breed == head.key:
                s += 6
            elif p.species == lex.entry("breeds", head.key)["species"] and p.breed is None:
                s += 2
        elif head.section == "relations":
            s += 6 if p.relation == head.key else 5 if head.key == "ex" and p.relation in _PARTNERS else 0
        elif head.section == "species":
            if p.species == head.key:
                s += 2
                s += 2 * any(head.surface in w for w in p.words)
        if p.words and head.surface in p.words[0]:
            s += 1
        if at >= 0 and at <= p.pos < at + len(head.surface):
            s += 4
        before = words[head.start - 1] if head.start > 0 else ""
        if before and p.words and f"{before}{head.surface}" in p.words[0].replace(" ", "") \
                and before not in DET and (before not in STOP or before in _TELLING):
            s += 3  # "被富家狗欺负": the rich dog, not the hero "小狗"; "from an old cat": not the tabby hero
        elif before in _TELLING and p.words and _TELLING & set(p.words[0].split()) - {before}:
            s -= 2  # "mocked by a big cat": never the little cat hero
        if s > score:
            best, score = p, s
    return best
