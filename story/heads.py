"""The pets a premise names by the vocabulary's heads (pure): a breed, a species or a relation
(``boyfriend``, ``妈妈``, ``the boss``), with the traits, colours and role just before it ("a poor ginger
cat", "the police dog", 警察狗), a species word just before a relation (``her dog boyfriend``, ``狗男友``),
whose relation it is (``her boyfriend`` is the pet's before it; "the villain's husky bodyguard" the
rival's), whether it comes after ``by``/``被`` and what kindness that is, and a pet told of again merged
with the first mention. Counted pets and litters: ``story.counted``."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Any

from story.analysis import BY, Person, slug
from story.clausewords import coat_said_zh, described_after, describes_thing, for_pets_at, outsider_entry
from story.counted import add_counted
from story.datafiles import read_json
from story.jobs import role_before
from story.lexicon import Hit, Tokens, lexicon
from story.predicates import said_of_subject_en, said_of_subject_zh
from story.sides import harm_at, kind_doer, takes_at
from story.titled import kin_name

# the ones a pet word before them says the kind of ("the rich cat patients", "the snobby dog guests"): a group of
# those pets, the pet word and theirs one mention (a customer, a neighbour, a classmate are relations of the lexicon)
GROUP_NOUNS_EN = frozenset({"patients", "guests", "passengers", "shoppers", "diners", "clients", "visitors",
                             "tourists", "tenants", "villagers", "residents", "fans", "teammates", "roommates",
                             "students", "kids", "workers", "employees", "bosses", "owners", "parents", "bullies"})

_POSSESSIVE = {"her", "his", "their", "its", "whose", "她的", "他的", "它的", "她", "他", "它"}
_BULLY = {"bully", "bullying", "小偷", "骗子"}  # a wrong's word said of a pet before it ("a bully dog", 小偷猫)
# a wrongdoer's word no vocabulary hit holds, said of a pet right before it ("a thief cat", "the burglar husky")
_THIEVES_EN = {"thief", "burglar", "robber", "pickpocket", "crook", "bandit", "swindler", "scammer", "con"}
_VILLAIN_RELATIONS = {"rival", "ex", "landlord"}
_PARTNERS = {"girlfriend", "boyfriend", "wife", "husband"}  # "left by his bride … his ex comes back": one pet
_SEEK = {"find", "finds", "be", "make", "makes", "need", "needs", "wants", "want"}
_SOUGHT_ADJ = {"a", "an", "true", "new", "real", "good", "best", "one"}
_JOINS = {"and", "or", "&", "和", "与", "跟", "还有", ",", "，"}
_YOUNG_ZH = {"小猫", "小狗", "小猫咪", "小狗狗", "小奶猫", "小奶狗", "猫崽", "狗崽", "幼崽", "小猫们", "小狗们", "孩子", "宝宝"}
_FEEDS_ZH = {"养活", "喂", "喂饱", "养", "抚养", "照顾", "供"}  # 为了养活三只小猫, 打三份工供小猫上学: the young fed or kept
# at school, the feeder's own


def _a_household(head: Hit, words: Sequence[str]) -> bool:
    """A family that is no one's own ("a kind family adopts a kitten", "a family of cats"): the household who takes
    a pet in (``story.takers``) or a group of pets, never a pet's family; "his family", "her whole family" are,
    but not the one a pet is wronged by ("abandoned by his family": its owners, as the premise tells them)."""
    if head.section != "relations" or head.key != "family":
        return False
    k = head.start - 1 - int(head.start > 0 and words[head.start - 1] in {"whole", "own", "new", "old", "human"})
    if k >= 1 and words[k - 1] == "by":
        return True  # "abandoned by his family", "thrown out by her family": its owners, who did it, not cast here
    return not (k >= 0 and (words[k] in _POSSESSIVE or words[k] in {"my", "our", "your"}))

def fed_zh(words: tuple[str, ...], start: int, surface: str) -> bool:
    """The young pet ``surface`` at ``start`` is told as the one fed (为了养活三只小猫去偷鱼) or kept at school (供小猫上学):
    a feeding verb just before it, past its count (三只) or its owner (喂它的孩子们)."""
    before = words[max(0, start - 3):start]
    return surface in _YOUNG_ZH and (any(w in _FEEDS_ZH for w in before) or bool(before) and before[-1].endswith("工供"))
    # 打三份工供小猫上学: jieba cuts 工供 as one word


_COUNTS_EN = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "few", "several", "many", "newborn",
              "hungry", "little", "tiny", "baby"}  # "his three puppies", "her hungry kittens": the young are still its own
# how a relative is, said between its owner's word and it ("his sick grandma", "her blind old grandpa"): still its own
_KIN_STATES_EN = {"sick", "ill", "injured", "hurt", "wounded", "blind", "deaf", "lame", "frail", "weak", "dying", "dear",
                  "beloved", "elderly", "aged", "ailing", "tired", "own", "sweet", "old", "little", "baby", "big",
                  "younger", "older", "poor", "disabled", "bedridden", "crippled", "limping", "feverish", "kind"}
_ANOTHER = {"another", "other", "second", "different"}  # "cheats on him with another corgi": one more pet
_OTHERS_ZH = {"其他", "其它", "别的", "另外", "所有", "其他的", "其它的", "所有的", "别的的"}  # 其他仓鼠: a group


def pets_from_heads(masked: str, tokens: Tokens, hits: list[Hit], breaks: set[int], taken: set[str]) -> list[Person]:
    """The pets of the (names-masked) premise ``masked`` named by breed, species and relation heads, in
    order of mention; their keys are added to ``taken``."""
    lex = lexicon()
    chinese = tokens.chinese
    words = tokens.words
    people: list[Person] = []
    groups: set[int] = set()  # the people named as a group ("the other hamsters", 兔子们)
    # "at the cat show", 在狗展上: a place, no pet there; "sells hot dogs", "a comfy dog bed", 狗粮: a thing, no pet
    shows = [h for h in hits if h.section in {"places", "props"}]
    raw_heads = [h for h in hits if h.section in {"breeds", "species", "relations"} and not any(
        o.start <= h.start and h.end <= o.end and (o.end - o.start) > (h.end - h.start) for o in shows)
        and not describes_thing(h, hits) and not for_pets_at(h, tokens, masked) and not _likened(h, hits, words)
        and not _names_contest(h, words) and not _a_household(h, words)]
    found = found_children(masked, tokens, raw_heads)  # 找到了走失的小女孩: one found, told with no pet word
    raw_heads = sorted([*raw_heads, *found], key=lambda h: h.start) if found else raw_heads
    heads = [h for h in raw_heads if not any(o is not h and o.start <= h.start and h.end <= o.end
                                             and (o.end - o.start) > (h.end - h.start) for o in raw_heads)]
    # "two puppies": the young of a species (a relation word too) are those pets, not one more group of them
    young = {h.start for h in heads if h.section == "relations" and h.key == "kittens" and any(
        o.section == "species" and (o.start, o.end) == (h.start, h.end) for o in heads)}
    heads = [h for h in heads if not (h.section == "relations" and h.start in young)]
    # one word of two relations ("master": an owner, a mentor) is one pet: the owner only after a possessive ("waits
    # for his master"), else the mentor ("a karate master dog")
    heads = [h for h in heads if not (h.section == "relations" and any(
        o is not h and o.section == "relations" and (o.start, o.end) == (h.start, h.end) for o in heads)
        and (h.key == "owner") == (h.start > 0 and words[h.start - 1] not in _POSSESSIVE))]
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
        if h.section == "relations" and not chinese and _called_so(words, h.start, people):
            continue  # "is adopted by a kind old lady and calls her mom": what the pet calls her, no one more
        if names_no_pet(h, hits, tokens, masked, breaks, owns=owns):
            continue  # 全城的猫, 后来成了救援犬, "he is the mall owner", 成了外卖公司的老板: no one more pet
        if h.section == "relations" and _verb_after_pet(h, heads[idx - 1] if idx else None, hits, chinese):
            continue  # "a bulldog bullies a retriever": what the bulldog does, not one more pet
        if h.section == "relations" and h.start > 0 and words[h.start - 1] in {
                "become", "becomes", "became", "成为", "成了", "变成", "are", "were", "是"}:
            continue  # "become best friends", "are enemies", 是死对头: what they are to each other, not a pet
        if h.section == "relations" and h.key in {"friend", "best_friend"} and not chinese and _sought(words, h.start):
            continue  # "to find a true friend", "want to be friends": what is longed for, not a pet
        if h.section == "relations" and h.key == "stranger" and (
                (chinese and h.end < len(words) and words[h.end].startswith(("们", "都", "全")))
                or (not chinese and h.surface.endswith("s") and h.surface not in lex.entry("relations", h.key)["en"])):
            continue  # "评委们", 评委都哭了, "the judges": a group outside the cast, not one more pet
        if (h.section == "relations" and chinese and words[h.end:h.end + 2] == ("家", "的") and nxt is not None
                and nxt.section in {"breeds", "species"} and (nxt.start == h.end + 2 or nxt.start == h.end + 3 and any(
                    m.start == h.end + 2 and m.section in {"traits", "colours"} for m in hits) or nxt.start == h.end + 3
                    and words[h.end + 2] in _SIZE_ZH)):
            continue  # "邻居家的布偶猫", 邻居家的大狗: the neighbour is the pet's household, not one more pet
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
                and nxt.start == h.end and nxt.start not in breaks and not owns  # "a rich cat's daughter": two
                and not _verb_after_pet(nxt, h, hits, chinese)):
            group.append(nxt)
            consumed.add(id(nxt))
            span_end = nxt.end
        # a relation right before a species is that species (rival dogs, 死对头的狗)
        elif (h.section == "relations" and nxt is not None and nxt.section in {"breeds", "species"}
              and nxt.start not in breaks and not (chinese and kin_name(h.surface))  # 张奶奶的柯基: hers
              and not (owns and not chinese and any(h.surface.lower().endswith(w) for w in lex.entry(
                  "relations", h.key).get("human", ())))  # "a little girl's kitten": a person's pet, two of them
              and (nxt.start == h.end
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
        if (not chinese and h.section in {"breeds", "species"} and person.relation is None and not owns
                and span_end < len(words) and words[span_end] in GROUP_NOUNS_EN and span_end not in breaks
                and not any(m.start <= span_end < m.end for m in hits)
                and (words[span_start - 1] if span_start else "") not in {"a", "an"}):  # "a cat visitors love": one
            span_end += 1  # "the rich cat patients ignore her": patients who are rich cats, one group of them
            person.relation = "stranger"
        if person.species is None and h.section == "relations" and chinese:
            person.species = "dog" if "狗" in h.surface else ("cat" if "猫" in h.surface else None)
        # traits, colours and a role just before the head, inside the clause
        span_start, mods = _describing_words(person, span_start, hits, heads, words, breaks, chinese,
                                             _owning(masked, tokens, span_start))
        if span_end in breaks:  # "a dog, black and tiny, …": how it looks, said right after it
            commas = {i for i in breaks if words[i] not in _JOINS}
            for m in described_after(span_end, tokens, hits, commas)[1]:
                if m.section == "traits":
                    person.traits = (*person.traits, m.key)
                elif person.colour is None:
                    person.colour = m.key
        if chinese and person.colour is None and span_end < len(words):  # 一只金毛，毛是黑色的
            person.colour = coat_said_zh(masked[tokens.offsets[span_end]:])
        # the breed's own colour (a "white cat" is white)
        if person.breed and person.colour is None:
            for c, entry in lex.data["colours"].items():
                if any(w in lex.entry("breeds", person.breed)["en"][0] for w in entry["en"]):
                    person.colour = c
                    break
        prev_word = words[span_start - 1] if span_start > 0 else ""
        prev2 = words[span_start - 2] if span_start > 1 else ""
        window = words[max(0, span_start - 4):span_start]
        person.after_by = any(w in BY for w in window) and not any(
            o.end <= span_start and o.start >= span_start - 4 and o is not h for o in heads if o.start < h.start
            and o.start > max((k for k, w in enumerate(words[:span_start]) if w in BY), default=-1))
        by_at = max((k for k in range(max(0, span_start - 4), span_start) if words[k] in BY), default=-1)
        if chinese and person.after_by and prev_word == "的" and words[by_at + 1][:1] not in _PRONOUNS_ZH and not any(
                by_at < o.start < span_start for o in heads if o is not h):
            person.after_by = False  # 被遗弃的小猫: the one abandoned, told before its 的, no doer after 被
        person.start = span_start
        owned = _owned_by(people, span_start, masked, tokens, hits)  # "a rich cat's daughter", 柯基的男朋友
        possessive = prev_word in _POSSESSIVE or prev2 in _POSSESSIVE and prev_word in {"dog", "cat", *_COUNTS_EN} \
            or not chinese and person.relation is not None and _kin_owned(words, span_start) \
            or owned is not None or (chinese and prev_word == "的" and prev2 in _POSSESSIVE)  # never 最好的朋友
        # possessed by a villain named just before ("the villain's husky bodyguard")
        if person.relation in _CHILDREN and not possessive and _found(masked, person.pos, chinese):
            said = "".join(words[span_start:span_end]) if chinese else " ".join(words[span_start:span_end])
            if not any(said.lower().endswith(w) for w in lex.entry("relations", person.relation).get("human", ())):
                person.relation = None  # "finds a lost little girl", 找到了迷路的小孩: one found, not the finder's own
            person.role = "found"  # child (a little girl, 小女孩: a person a pet plays, dressed so)
        elif h.start in villain_refs or (group[-1].start in villain_refs):
            person.of = "@rival"
        elif person.relation and possessive:
            owner = owned or _owner(people, span_start, span_end, words, breaks, hits)
            if owner is not None:
                person.of = owner.key
        elif chinese and person.relation and not person.after_by and lex.entry(
                "relations", person.relation)["role"] == "family" and not lex.entry(
                "relations", person.relation).get("own_story"):  # 被爸爸骂: the passive's doer stays as it was
            begins = max((b for b in breaks if b <= span_start), default=0)  # 帮迷路的小橘猫找到了妈妈: the kitten's
            near = next((p for p in reversed(people) if begins <= p.start < span_start and (
                p.relation is None and p.species or p.role == "found")), None)  # 找到了走失的小女孩，把她送回了妈妈身边
            if near is not None and _stranger_zh(person, words, near.end, span_start, span_end):
                near = None  # 小狗救了掉进河里的小男孩, 导盲犬带盲人奶奶过马路: a person the pet meets, no kin of its
            person.of = near.key if near is not None else None
        elif person.relation is None and people and h.section == "species" and (possessive and (
                not chinese or h.surface in _YOUNG_ZH) or fed_zh(words, span_start, h.surface)):
            # "her kitten", 给它的小狗吃, 为了养活三只小猫: family (a thief's young are its own, never its accomplices);
            # a person's ("a boy walks his dog"): its pet, never its young
            said = words[span_start - 1] if span_start else ""  # "abandoned by her husband … her kittens": hers
            owner = (_owner(people, span_start, span_end, words, breaks, hits) if not chinese and possessive else None) \
                or next((p for p in reversed(people) if _agrees(p, said)), people[-1])  # "… for a rich cat, works
            # nights to raise her kittens": the clause before's subject's, not the rich cat's
            person.relation, person.of = None if owner.human else "kittens", owner.key
        surface_words = " ".join(words[span_start:span_end]) if not chinese else "".join(words[span_start:span_end])
        person.words = (surface_words,)
        if chinese and person.relation and kin_name(surface_words):
            person.name = surface_words  # 李阿姨, 王叔: a person the premise names by surname and kin title
        person.end = span_end
        if person.after_by:
            by_at = max(k for k in range(max(0, span_start - 4), span_start) if words[k] in BY)
            person.kind_by = kind_doer(words, by_at, span_end, chinese)
        # "the cat's big brother", "the puppy" again: the pet told of before, not one more pet ("years later the
        # grown cat": the kitten grown up)
        the = prev_word == "the" or prev_word in _GROWN and prev2 == "the"
        if (not chinese and h.section == "species" and len(group) == 1 and not mods and the
                and person.relation is None):
            same = [p for p in people if p.species == person.species and p.relation is None and p.breed not in WILD]
            # "a mouse sneaks in and the cat chases it": the cat is no mouse (drawn as a cat) told of again
            others = h.surface.endswith("s") and not h.surface.endswith("ss") and all(p.alike == 1 for p in same)
            if same and not others:  # "drives past the cats who mocked him": more cats than the one told of
                continue
        if not chinese and h.section in {"species", "breeds"} and len(group) == 1 and mods and the \
                and person.relation is None and not (h.surface.endswith("s") and not h.surface.endswith("ss")):
            same = [p for p in people if p.relation is None and p.species == person.species and p.alike == 1
                    and person.breed in (None, p.breed) and set(person.traits) <= set(p.traits)
                    and person.colour in (None, p.colour)]
            if len(same) == 1:  # "a rich white cat … the rich cat who once mocked him": that cat, told of again
                same[0].again = (*same[0].again, (span_start, span_end))
                continue
        doer = _who_did_it(people, hits, words, span_end) if not chinese and prev_word == "the" else None
        if doer is not None:  # "is dumped by his girlfriend … the girl who dumped him comes back": that one again
            doer.again = (*doer.again, (span_start, span_end))
            continue
        # "her son's new wife, a scruffy stray cat": the relation just told of, said again as what pet it is
        last = people[-1] if people else None
        if (not chinese and last is not None and last.relation and last.species is None and h.section != "relations"
                and last.end in breaks and set(words[last.end:span_start]) <= {"a", "an", "the"}
                and not last.words[0].endswith("s")  # "two best friends, a corgi and a ginger cat": two pets
                and (span_end >= len(words) or span_end in breaks and words[span_end] not in _JOINS)):
            last.species, last.breed = person.species, person.breed
            last.colour, last.traits = last.colour or person.colour, (*last.traits, *person.traits)
            continue
        # "the poodles", 贵宾犬们, 一群哈士奇, 其他仓鼠: a group, not one pet
        before = words[max(0, span_start - 3):span_start]
        many = (h.section in {"breeds", "species"} or h.section == "relations" and h.key != "stranger"  # 同学们
                and lex.entry("relations", h.key)["role"] == "other") and (
            (not chinese and h.surface.endswith("s") and not h.surface.endswith("ss"))
            or (chinese and (h.end < len(words) and words[h.end].startswith("们") or "一群" in before[-2:]
                             or any(w in _OTHERS_ZH for w in before[-2:]))))
        # the same pet mentioned again (same breed/relation, no new modifiers): merge; a group is never one pet
        # of its kind told of before ("a tiny hamster … the other hamsters laugh at him"), nor one pet the group
        fresh = prev_word in _ANOTHER or prev_word in {"a", "an"} or chinese and prev_word.startswith(("另", "别的"))
        twin = next((p for p in people if ((id(p) in groups) == many and p.breed and p.breed == person.breed and not mods
                                           and not fresh)  # "with another corgi", 另一只白猫: one more of the breed
                     or (many and id(p) in groups and p.words == person.words and p.species == person.species
                         and p.relation == person.relation)  # "the cats mock him … the cats are stunned": one group
                     or (p.relation and p.relation == person.relation and person.breed is None and not mods
                         and not (chinese and _other_sibling(p, h.surface)))
                     or (person.relation == "ex" and p.relation in _PARTNERS and person.breed is None)
                     or ((prev_word == "the" or chinese) and not mods
                         and {p.relation, person.relation} == {"friend", "best_friend"})
                     or (the and not mods and p.relation == "kittens" and p.alike == 1 and p.words == person.words
                         and p.species == person.species and not chinese)  # "her kittens … the kittens grow up"
                     or (prev_word == "the" and not mods and h.section == "relations" and bool(p.words)  # "her son's
                         and h.surface in p.words[0].split()[1:])),  # new wife … until the wife": one pet
                    None)
        if twin is None and chinese and len(group) == 1 and h.section == "species" and not many \
                and not any(w.startswith(("另", "别的")) or w in {"和", "与", "跟"} for w in words[max(0, span_start - 2):span_start]):
            # "…供小猫上学，小猫长大后当了医生", 照顾生病的老狗，老狗康复后: the pet told of again in the same words
            twin = next((p for p in people if p.words == person.words and p.breed is None
                         and p.relation in (None, "kittens")), None)  # 供小猫上学，小猫长大后: the young told of again
        if twin is not None:
            twin.again = (*twin.again, (span_start, span_end))  # "… but the partner runs off with the money"
            continue
        label = person.relation or person.breed or person.species or "pet"
        person.key = slug(_said_person(person) or label, taken)
        people.append(person)
        told = len(people) - 1
        # "two rival dogs", "三只小猫": as many pets like the first; "一窝小猫", "four puppies": and a litter
        joined = [k for k, w in enumerate(before) if w in _JOINS]  # "三只小狗和妈妈": the count is the puppies'
        siblings = len(group) > 1 and any(g.section == "relations" and g.surface in _SIBLING_PAIRS for g in group) \
            or h.section == "relations" and h.key in _KIN_GROUPS  # "his family", "her in-laws", 婆家人: more than one
        # pet, two of them drawn
        add_counted(people, person, h, before[joined[-1] + 1:] if joined else before, h.start in young, chinese,
                    taken, label, many, pair=siblings)
        if many:
            groups.update(id(q) for q in people[told:])
    return people if chinese else _apposed(people, masked)


WILD = frozenset({"fox", "mouse"})  # the wild ones a pet drama's cats and dogs chase, drawn in a cat's place


_PRONOUNS_ZH = {"它", "他", "她", "我", "你"}  # 被她的闺蜜抢走了: a doer after 被
_PERSON_ZH = {"daughter": "girl", "son": "boy"}  # 小女孩, 小男孩: a child the premise never calls anyone's


def _who_did_it(people: list[Person], hits: list[Hit], words: tuple[str, ...], end: int) -> Person | None:
    """The one told of before who did the deed a "who" clause right after a pet word tells ("the girl who dumped
    him", after "is dumped by his girlfriend"): the doer after "by" of that same deed, if one alone."""
    if end + 1 >= len(words) or words[end] != "who":
        return None
    deed = next((x for x in hits if x.section == "events" and end < x.start <= end + 3), None)
    if deed is None:
        return None
    doers = [p for p in people if p.after_by and any(x.section == "events" and x.key == deed.key and x.end <= p.start
                                                     and "by" in words[x.end:p.start] and p.start - x.end <= 3
                                                     for x in hits)]
    return doers[0] if len(doers) == 1 else None


def _said_person(person: Person) -> str | None:
    """A person a pet plays is named as the premise says it ("old lady", "girl", "widow", 小女孩: girl), never by a kin
    term the premise never used (the old lady is no "grandma", the little girl nobody's "daughter"), else None."""
    if not person.human or person.relation is None:
        return None
    said = person.words[0].lower()
    human = lexicon().entry("relations", person.relation).get("human", ())
    return next((w for w in sorted(human, key=len, reverse=True) if w.isascii() and said.endswith(w)),
                None) or _PERSON_ZH.get(person.relation)


_SIZE_ZH = {"大", "小", "老", "胖", "瘦", "凶", "坏"}  # 邻居家的大狗: a word of how the pet is, between 的 and it
_KIN_GROUPS = {"family", "in_laws"}  # a relation word that names a household, never one pet
_SIBLING_PAIRS = {"brothers", "sisters", "twins", "兄弟", "姐妹", "兄妹", "姐弟", "兄弟俩", "姐妹俩"}  # "hamster
# brothers", 金毛兄弟, 姐妹猫: a pet word and its siblings' word, two pets alike (when no number counts them)
_SIBLINGS_ZH = ("哥哥", "弟弟", "姐姐", "妹妹")  # one relation word each in English (brother, sister), two pets


def _other_sibling(p: Person, surface: str) -> bool:
    """哥哥狗 … 弟弟的玩具: the elder and the younger sibling are two pets, though both are a brother."""
    said = next((w for w in _SIBLINGS_ZH if p.words and w in p.words[0]), None)
    return said is not None and surface in _SIBLINGS_ZH and surface != said


def _apposed(people: list[Person], masked: str) -> list[Person]:
    """"her best friend, a husky", "two best friends, a corgi and a ginger cat": the pets said right after a
    relation and its comma are who the relation names (one pet each), never more pets beside them."""
    for k, p in enumerate(people):
        if p.relation is None or p.species or p.breed:
            continue
        group = [q for q in people[k:] if q.words == p.words and q.relation == p.relation][:p.alike]  # "two best
        # friends": both of them
        after = [q for q in people if q.pos > p.pos and q.relation is None and q.species][:len(group)]
        said = masked[p.pos:].split(",", 1)[0].strip().lower()
        if len(after) < len(group) or not {said, said[:-1]} & set(lexicon().entry("relations", p.relation)["en"]) or not re.fullmatch(
                r"\s*(?:a|an)\s+[\w\s-]*", masked[p.pos + len(said) + 1:after[0].pos].lower()) or any(
                not re.fullmatch(r"[\w\s-]*\s(?:and|&)\s+(?:a|an)\s+[\w\s-]*", masked[a.pos:b.pos].lower())
                for a, b in zip(after, after[1:], strict=False)):
            continue
        for q, pet in zip(group, after, strict=True):
            q.species, q.breed, q.colour, q.traits = pet.species, pet.breed, pet.colour, (*q.traits, *pet.traits)
            q.words = (*q.words, *pet.words)
        return [q for q in people if q not in after]
    return people


_CALLS = frozenset({"calls", "called", "call", "calling"})


def _called_so(words: tuple[str, ...], start: int, people: list[Person]) -> bool:
    """A kin word said after calling the one who took the pet in, told after "by" ("is adopted by a kind old lady and calls her mom",
    "raised by a golden retriever … calls her mom"): the name the pet gives the one who raised it, no one more; never
    "the puppy calls her mom", its own mother."""
    return start >= 2 and words[start - 2] in _CALLS and words[start - 1] in {"her", "him", "them"} and any(
        p.after_by and p.kind_by for p in people)


def names_no_pet(head: Hit, hits: list[Hit], tokens: Tokens, text: str, breaks: set[int] | frozenset[int] = frozenset(),
                 *, owns: bool = False) -> bool:
    """The breed, species or relation word at ``head`` names no pet of the cast, by the words around it: a whole
    place's crowd (全城的猫), what a pet became (后来成了导盲犬, "becomes the CEO") or is ("金毛其实是首富的儿子",
    "he is the mall owner", "she's a CEO", "the richest dog in the city"). ``text`` is what ``tokens`` were read
    from; ``breaks``: the token indices where a clause begins; ``owns``: the English word owns what follows ("the
    boss's daughter"), so it is no one the subject is. The one test of both ``pets_from_heads`` and
    ``story.mentions.find_mentions``."""
    words = tokens.words
    if head.section in {"breeds", "species", "relations"} and became(head, hits, words, text):
        return True
    if head.section == "relations" and head.key == "cousin" and head.surface.lower().endswith("s"):
        return True  # "his cousins laugh at him": the relatives, a crowd outside the cast (one cousin is cast)
    if likened(words, head.start, hits):
        return True  # "treated like a servant", 被当成佣人: what the pet is treated as, no one more
    if tokens.chinese:
        return (head.section == "relations" and said_of_subject_zh(words, head.start, breaks)
                or head.section in {"breeds", "species"} and whole_place_zh(words, head.start))
    return not owns and said_of_subject_en(tokens, text, head, hits, breaks)


_LIKE_EN = {"like"}
_LIKE_ZH = {"像", "当成", "当作", "当做", "好像", "仿佛", "如同", "成了"}  # 被当成佣人, 像公主一样
_LIKE_KEEP = {"would", "i", "you", "we", "they", "to", "who", "that", "and"}  # "they like a good story": a verb


def likened(words: tuple[str, ...], start: int, hits: list[Hit]) -> bool:
    """The word at ``start`` is what a pet is likened to ("treated like a servant", "lives like a king", 被当成佣人,
    像公主一样): a simile, no one of the story."""
    describing = {k for h in hits if h.section in {"traits", "colours"} for k in range(h.start, h.end)}
    k = start - 1
    while k >= 0 and start - k <= 3 and (words[k] in {"a", "an", "the", "一个", "一只", "个"} or k in describing):
        k -= 1
    if k < 0:
        return False
    if words[k] in _LIKE_EN:
        return k == 0 or words[k - 1].lower() not in _LIKE_KEEP
    return words[k] in _LIKE_ZH and words[k] != "成了"


def whole_place_zh(words: tuple[str, ...], start: int) -> bool:
    """A pet word said as a whole place's many (全城的猫, 全村的狗): the ``clauses.json`` outsider group before its 的."""
    if start < 2 or words[start - 1] != "的":
        return False
    entry = outsider_entry(words[start - 2]) or outsider_entry(f"{words[start - 2]}的人")  # 全镇的人
    return entry is not None and bool(entry.get("group")) and words[start - 2].startswith(("全", "整个", "所有"))


def _verb_after_pet(rel: Hit, pet: Hit | None, hits: list[Hit], chinese: bool) -> bool:
    """A relation word right after one pet, relation or role that its verb says ("a bulldog bullies…", "the manager
    bullies him": a wrong, in the plural after one), not a relation of that pet ("her dog boyfriend")."""
    said = pet if pet is not None and pet.end == rel.start else next(
        (h for h in hits if h.section == "jobs" and h.end == rel.start), None)  # "the waiter bullies…"
    return not chinese and said is not None and said.section in {"breeds", "species", "relations", "jobs"} \
        and rel.surface.endswith("s") and not (said.surface.endswith("s") and not said.surface.endswith("ss")) \
        and any(e.section == "events" and (e.start, e.end) == (rel.start, rel.end) for e in hits)


def _owned_by(people: list[Person], start: int, masked: str, tokens: Tokens, hits: list[Hit]) -> Person | None:
    """The pet whose possessive ends right before token ``start`` ("a rich cat's daughter", 柯基的男朋友), its job
    word between ("a poor husky mechanic's wife": the husky's)."""
    words = tokens.words
    jobs = {k for h in hits if h.section == "jobs" for k in range(h.start, h.end)}
    for p in reversed(people):
        if tokens.chinese and p.end == start - 1 and words[p.end] == "的":
            return p
        if tokens.chinese and p.end == start - 2 and words[p.end:start] == ("家", "的") and p.relation is not None:
            return p  # 邻居家的宝宝: the neighbour's baby, never the hero's young
        if not tokens.chinese and 0 < p.end <= start and all(k in jobs for k in range(p.end, start)):
            at = tokens.offsets[start - 1] + len(words[start - 1])
            if masked[at:at + 2] in {"'s", "’s"}:
                return p
    return None


def _owner(people: list[Person], start: int, end: int, words: tuple[str, ...], breaks: set[int],
           hits: list[Hit]) -> Person | None:
    """Whose relation a possessive before the mention at tokens ``start:end`` says: the pet named just before; but one that
    opens a clause of its own after a passive's doer is of the pet the clause before was about ("a cat is
    mocked by a dog and her sister comforts her": the cat's sister), and one that a pet's own relation takes
    or wrongs is of that pet ("a poodle's best friend steals her boyfriend": the poodle's boyfriend)."""
    if not people:
        return None
    last = people[-1]
    at = start - 1  # the possessive word
    begins = max((b for b in breaks if b <= at), default=0)
    doer = _by_doer(last, people, words)  # "by a rich cat and her boyfriend, works hard with his son": the dog's;
    if doer is not None and last.start < begins and not any(w in _JOINS for w in words[max(0, at - 2):at]):
        clause = max((b for b in breaks if b < doer.start), default=0)  # "by a poodle and her sister, studies hard
        subject = next((p for p in people if clause <= p.start < doer.start and not p.after_by  # with his mom"
                        and _agrees(p, words[at])), None)
        if subject is not None:
            return subject
    if not _agrees(last, words[at]):  # "abandoned by her husband, raises her kittens alone": hers, not his
        agreeing = next((p for p in reversed(people[:-1]) if _agrees(p, words[at])), None)
        if agreeing is not None:
            return agreeing
    if last.of is not None and not last.after_by and _wrongs_between(hits, words, last.end, at):
        return next((p for p in people if p.key == last.of), last)
    opens = at in breaks or (at > 0 and at - 1 in breaks and words[at - 1] in _JOINS)
    told = end < len(words) and end not in breaks  # it does something in its clause ("… comforts her")
    # "… is laughed at by the poodles, trains every night with his grandpa": a clause with no pet of its own
    # goes on with the pet the sentence was about, whose grandpa it is
    subjectless = last.start < begins and not any(  # "by a cat and her boyfriend", 被富白猫和她的狗男友
        w in _JOINS for w in words[max(0, at - 2):at])
    if (opens and told or subjectless) and doer is not None:
        clause = max((b for b in breaks if b < doer.start), default=0)
        return next((p for p in people if clause <= p.start < doer.start and not p.after_by), last)
    if subjectless and any(w in _AFTER_VERB for w in words[max(0, last.start - 3):last.start]):
        # "is abandoned by her husband for a rich cat, works nights to raise her kittens": a clause with no pet of its
        # own goes on with the clause before's subject, not with a pet that clause names after a preposition ("finds a
        # lost kitten and brings her back to her mother": the kitten's, the one the clause before acts on)
        clause = max((b for b in breaks if b < last.start), default=0)
        return next((p for p in people if clause <= p.start < last.start and not p.after_by
                     and _agrees(p, words[at])), last)
    return last


def _by_doer(last: Person, people: list[Person], words: tuple[str, ...]) -> Person | None:
    """The one told after "by" that ``last`` is, or is joined to by "and" ("laughed at by a rich cat and her
    boyfriend": the cat): a passive's doer, never the subject a later clause with no pet of its own goes on with."""
    if last.after_by:
        return last
    before = next((p for p in reversed(people) if p.end <= last.start), None)
    between = words[before.end:last.start] if before is not None else ()
    joined = before is not None and before.after_by and 1 <= len(between) <= 2 and between[0] in {"and", "&"} and all(
        w in _POSSESSIVE for w in between[1:])
    return before if joined else None


_GROWN = {"grown", "grown-up", "adult", "full-grown", "now-grown"}  # "the grown cat": the young one told of before
_AFTER_VERB = {"for", "to", "with", "from", "over"}  # a pet named after these is no clause's subject nor its verb's object
_HE = {"husband", "boyfriend", "father", "son", "brother", "grandpa", "son_in_law"}  # relations "her" never names
_SHE = {"wife", "girlfriend", "mother", "daughter", "sister", "grandma", "lady", "stepmother", "mother_in_law",
        "daughter_in_law"}  # relations "his" never names


def _agrees(person: Person, possessive: str) -> bool:
    """The possessive may name ``person`` as the owner: "her" is never a husband's, "his" never a wife's."""
    said = possessive.lower()
    return not (said == "her" and person.relation in _HE or said == "his" and person.relation in _SHE)


def _likened(head: Hit, hits: list[Hit], words: tuple[str, ...]) -> bool:
    """A species or breed said of the pet named after "of a" ("a greedy pig of a cat", "a giant of a dog"):
    what the pet is like, never a pet of its own."""
    return head.section in {"species", "breeds"} and words[head.end:head.end + 2] in {("of", "a"), ("of", "an")} \
        and any(o.section in {"species", "breeds"} and o.start == head.end + 2 for o in hits)


def _names_contest(head: Hit, words: tuple[str, ...]) -> bool:
    """A breed or species word right before a contest word (kinds.json ``contest_after``: 牧羊犬大赛, "the poodle
    contest"): the contest's name, never a pet of its own."""
    if head.section not in {"species", "breeds"} or head.end >= len(words):
        return False
    after: dict[str, Any] = read_json("kinds.json")["contest_after"]
    word = words[head.end].lower()
    return word in {*after["en"], *after["zh"]} or word in after["placed"] and words[head.end + 1:head.end + 2] in {
        (w,) for w in after["places_zh"]}


def _wrongs_between(hits: list[Hit], words: tuple[str, ...], start: int, at: int) -> bool:
    """A wrong, a taking or a harm said between tokens ``start`` and ``at`` ("steals", "runs off with", 抢走, "breaks")."""
    chinese = any("\u4e00" <= w[:1] <= "\u9fff" for w in words)
    lex = lexicon()
    return start < at and (any(h.section == "events" and start <= h.start < at and lex.entry("events", h.key)["kind"] == "wrong"
                               for h in hits) or any(takes_at(words, k, chinese) or harm_at(words, k, chinese)
                                                     for k in range(start, at)))


_CHILDREN = {"daughter", "son", "kittens", "child"}
_BECOME = {"become", "becomes", "became", "becoming", "成为", "成了", "变成", "变成了", "当上", "当上了", "当了", "成"}
_MEASURES = {"a", "an", "the", "了", "一只", "一条", "一名", "一个", "一位", "只", "条", "名", "位",
             "大", "big"}  # 成了大老板, "becomes a big boss": what it became, no one of the cast


def became(head: Hit, hits: list[Hit], words: tuple[str, ...], masked: str) -> bool:
    """A pet or role word right after a become word (an article or measure word, a job said before it, between:
    后来成了导盲犬, "becomes a police dog", "becomes the CEO", 当上了总裁): what the pet became, not one more pet;
    never one whose relation or thing follows ("becomes a cat's best friend", 成了小猫的好朋友)."""
    j, plain = head.start - 1, 1  # 成了宠物店连锁的老板: one plain word of what it runs, then its 的
    while j >= 0 and (words[j] in _MEASURES or any(x.section in {"jobs", "places"} and x.start <= j < x.end
                                                    for x in hits)  # "becomes a hotel owner", 成了餐厅老板
                      or words[j] == "的" and j + 1 == head.start and plain
                      or plain and j + 2 == head.start and words[j + 1] == "的" and words[j] not in _PRONOUNS_ZH
                      and not any(x.start <= j < x.end for x in hits)):
        plain -= int(j + 2 == head.start and words[j + 1] == "的")
        j -= 1
    owns = masked[head.pos + len(head.surface):].startswith(("'s", "’s", "的"))
    to_be = j > 0 and (words[j] == "be" and words[j - 1] == "to"  # "grows up to be a rescue dog"
                       or words[j] == "as" and words[j - 1] in {"work", "works", "worked", "working"})  # "works as a"
    young = head.surface.lower() in _YOUNG_EN and j >= 0 and (words[j] == "as" or words[j] in {"was", "were"} and j > 0
                                                             and words[j - 1] in {"he", "she", "it", "they"})
    # "thrown out as a kitten", "since she was a puppy": the pet's own past, no second pet
    return j >= 0 and (words[j] in _BECOME or to_be or young) and not owns


_YOUNG_EN = frozenset({"kitten", "kitty", "puppy", "pup", "baby", "cub"})


@cache
def _lost_patterns() -> tuple[tuple[str, ...], re.Pattern[str], re.Pattern[str]]:
    """kinds.json ``lost_before``: its Chinese lost words, the English lost word before a mention ("a lost little
    girl") and a Chinese lost word before a child's word (走失的小女孩)."""
    lost: dict[str, Any] = read_json("kinds.json")["lost_before"]
    alts = "|".join(map(re.escape, lost["en"]))
    kids = "|".join(map(re.escape, sorted(lost["children"]["zh"], key=len, reverse=True)))
    return (tuple(lost["zh"]), re.compile(rf"(?<![A-Za-z])(?:{alts})\s+(?:[A-Za-z-]+\s+)?$", re.IGNORECASE),
            re.compile(f"(?:{'|'.join(map(re.escape, lost['zh']))})(?:一个|一位|个)?({kids})"))


def _found(text: str, at: int, chinese: bool) -> bool:
    """The words before offset ``at`` end with a lost word (kinds.json ``lost_before``: "a lost little girl",
    迷路的小孩), one describing word allowed between."""
    zh, en, _kids = _lost_patterns()
    before = text[:at]
    return any(before.rstrip("一个只名位").endswith(w) for w in zh) if chinese else bool(en.search(before))


def found_children(masked: str, tokens: Tokens, heads: list[Hit]) -> list[Hit]:
    """A child a Chinese lost word describes (走失的小女孩, 迷路的小孩), read as the young it is ("a lost little girl"
    is a relation word in English): one found, cast as a pet of its own, where no head is said already."""
    if not tokens.chinese:
        return []
    out = []
    for m in _lost_patterns()[2].finditer(masked):
        start = next((i for i, off in enumerate(tokens.offsets) if off == m.start(1)), None)
        end = next((i for i, off in enumerate(tokens.offsets) if off >= m.end(1)), len(tokens.words))
        if start is not None and not any(h.start < end and start < h.end for h in heads):
            out.append(Hit("relations", "kittens", start, end, m.start(1), m.group(1)))
    return out


def _sought(words: tuple[str, ...], start: int) -> bool:
    """The friend after "find a true", "want to be", "make new": one longed for, not a pet of the cast."""
    j = start - 1
    while j >= 0 and words[j] in _SOUGHT_ADJ:
        j -= 1
    return j >= 0 and words[j] in _SEEK


def _describing_words(person: Person, span_start: int, hits: list[Hit], heads: list[Hit], words: tuple[str, ...],
                      breaks: set[int], chinese: bool, owner: int = -1) -> tuple[int, list[str]]:
    """The traits, colours and role just before a pet's head inside its clause, set on ``person`` ("a poor
    ginger cat", "a bully dog", "the police dog", 警察狗): where its mention then starts, and the describing
    words in the premise's order. ``owner``: the token that owns what follows it ("an old farmer's dog"); it and
    the words before it are the owner's, never the pet's (-1: none)."""
    mods: list[str] = []
    j = span_start - 1
    while j > owner and j + 1 not in breaks:
        mod = [m for m in hits if m.start == j and (m.section in {"traits", "colours"} or (
            m.section == "events" and m.surface in _BULLY and m.end == span_start))]
        if chinese and mod and any(o.end == j for o in heads):
            break  # "黑猫嫉妒白猫": the black cat's verb, not how the white cat is
        if not mod and not chinese and words[j] in _THIEVES_EN and j + 1 == span_start:
            person.traits = ("mean", *person.traits)  # "a police dog catches a thief cat": the thief is mean
            mods.insert(0, words[j])
            span_start = j
            j -= 1
            continue
        role = None if mod else role_before(hits, words, j, chinese)
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
            if m.section == "events":
                person.traits = ("mean", *person.traits)  # "a bully dog", 小偷猫: the bully or thief is mean
            elif m.section == "traits":
                person.traits = (m.key, *person.traits)  # in the premise's order (lonely old)
            elif person.colour is None:
                person.colour = m.key
            mods.insert(0, m.surface)
        span_start = j
        j -= 1
    return span_start, mods


def owning(text: str, tokens: Tokens) -> frozenset[int]:
    """The English tokens said with 's ("an old farmer's dog": farmer), each the owner of what follows it."""
    if tokens.chinese:
        return frozenset()
    return frozenset(j for j, (w, at) in enumerate(zip(tokens.words, tokens.offsets, strict=True))
                     if text[at + len(w):at + len(w) + 2] in {"'s", "’s"})


def _owning(text: str, tokens: Tokens, start: int) -> int:
    """The nearest English token before ``start`` (within four) said with 's, the owner of the pet said after
    it; -1 where there is none."""
    return max((j for j in owning(text, tokens) if start - 5 < j < start), default=-1)


def _kin_owned(words: Sequence[str], start: int) -> bool:
    """An English relation said with its owner's word before how it is ("his sick grandma", "her blind old
    grandpa"): the owner's own kin, as "his grandma" is."""
    k = start - 1
    while k >= 0 and start - k <= 2 and words[k].lower() in _KIN_STATES_EN:
        k -= 1
    return k < start - 1 and k >= 0 and words[k].lower() in _POSSESSIVE


def _stranger_zh(person: Person, words: tuple[str, ...], after: int, start: int, end: int) -> bool:
    """A Chinese kin word a person is called by (小男孩, 老爷爷, 盲人奶奶: its relation's ``human`` words), said bare
    after a pet in its clause and not joined to it (小猫和奶奶, 柯基跟爷爷): someone the pet meets, saves or helps,
    a person of the story, never that pet's own kin."""
    said = "".join(words[start:end])
    human = lexicon().entry("relations", str(person.relation)).get("human", ())
    return any(not w.isascii() and said.endswith(w) for w in human) and not _JOINS_ZH & set(words[after:start])


_JOINS_ZH = {"和", "与", "跟", "同", "还有", "以及"}
