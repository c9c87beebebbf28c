"""An English premise as people type it on a phone ("POV: ur cat was bullied at school and now shes the CEO",
"when your dog gets kicked out by the landlord", "you're a cat and your owner forgot your birthday but the dog didnt",
"grandmas cat knits her a scarf"): the same premise written out, so the writer reads the story and not the typing.
Pure.

Only what is sure is written out: a contraction typed without its apostrophe where the bare word is no English word
("shes", "didnt", "youre"; never "its", "were", "well", "shed", "hell", "lets"), a kin word's possessive typed
without its apostrophe before the thing it owns ("grandmas cat", "moms cooking"; never "two moms adopt"), "ur" and
"u", the framing a clip's caption starts with ("POV:", "when your ...", "storytime:"), and a hero told in the second
person ("you're the stray cat nobody wanted and now you're famous"), who becomes the pet named ("the stray cat nobody
wanted and now she's famous"). A premise with no such typing is returned unchanged.
"""

from __future__ import annotations

import re

from story.lexicon import lexicon

# contractions typed without the apostrophe whose bare form is no English word
_CONTRACTED = {
    "shes": "she's", "hes": "he's", "im": "I'm", "ive": "I've", "youre": "you're", "youve": "you've",
    "youll": "you'll", "theyre": "they're", "theyve": "they've", "theyll": "they'll", "thats": "that's",
    "whats": "what's", "theres": "there's", "didnt": "didn't", "doesnt": "doesn't", "dont": "don't",
    "cant": "can't", "isnt": "isn't", "wasnt": "wasn't", "arent": "aren't", "werent": "weren't",
    "couldnt": "couldn't", "wouldnt": "wouldn't", "shouldnt": "shouldn't", "havent": "haven't",
    "hasnt": "hasn't", "hadnt": "hadn't", "aint": "ain't", "wont": "won't", "everyones": "everyone's",
    "nobodys": "nobody's", "somebodys": "somebody's", "someones": "someone's",
}
_CONTRACTED_RE = re.compile(r"\b(" + "|".join(_CONTRACTED) + r")\b", re.I)

# a kin word's possessive typed without its apostrophe ("grandmas cat"): the kin word, then the thing it owns (a pet,
# a thing, a place or a trait of the vocabulary, or a word of ``_OWNED_WORDS``; never a word that can follow the kin
# word as a plural subject or object)
_KIN = r"(?:grandma|grandpa|granny|grannie|nana|nanna|mom|mum|mommy|mummy|mama|momma|dad|daddy|papa)"
_OWNABLE = {"species", "breeds", "props", "places", "outfits", "traits", "jobs"}  # lexicon sections of things owned
_OWNED_WORDS = {"recipe", "recipes", "birthday", "bed", "cake", "cookies", "food", "soup", "funeral", "room", "words",
                "cooking", "pie", "lap", "voice", "grave", "letter", "photo", "picture"}
_NOT_OWNED = {
    "and", "or", "but", "are", "were", "have", "had", "who", "that", "which", "love", "loved", "say", "said",
    "come", "came", "go", "went", "in", "on", "at", "to", "of", "for", "with", "from", "is", "was", "will", "would",
    "can", "could", "get", "got", "all", "both", "too", "also", "never", "always", "do", "did", "don't", "didn't",
    "don’t", "as", "by", "into", "then", "so", "because", "when", "while", "if", "than", "like", "keep", "take",
    "make", "find", "adopt", "adopted", "help", "hate", "fight", "meet", "know", "knew", "think", "want", "need",
    "knit", "knits", "sew", "sews",
    "the", "a", "an", "her", "his", "their", "my", "our", "your", "it", "them", "him", "me", "us", "you",
}
_KIN_S = re.compile(r"\b(" + _KIN + r")s\s+([a-z][\w'-]*)", re.I)

# the many's possessive typed without its apostrophe ("steals the neighbors fish", "the dogs owners forget his
# birthday"): a plural of people or pets after its determiner, then a thing it owns (as a kin word's); said first in
# its clause only before a word that is no verb ("the kids lunch at school": they eat lunch)
_MANY_OWNERS = r"(?:neighbou?rs|kids|girls|boys|cats|dogs|puppies|kittens|twins|parents|students|teachers|sisters|" \
               r"brothers|friends|classmates|owners|babies|humans)"
_MANY_S = re.compile(r"\b((?:the|my|his|her|their|our)\s+)(" + _MANY_OWNERS + r")\s+([a-z][\w'-]*)", re.I)
_OWNED_BY_MANY = {"lunch", "owner", "owners", "garden", "yard", "snacks", "treats", "toys", "homework", "money", "ball",
                  "mom", "dad", "mother", "father", "house", "home", "dinner", "breakfast", "milk", "fish", "bones"}
_NOT_A_VERB = {"owner", "owners", "toys", "homework", "money", "mom", "dad", "mother", "father", "house", "home",
               "cookies", "food", "bed", "room", "birthday", "bowl", "bones", "snacks", "treats", "yard", "car"}
_CLAUSE_OPEN = re.compile(r"(?:^|[,;.!?]|\b(?:and|but|so|then|when|until|while|because|after|before))\s*$", re.I)

# a deed wanted and not done, its verb left off ("a cat wanted to sing on stage but she didnt"): said again
_NOT_DONE = re.compile(r"\b(?:wants?|wanted|tries|tried|hopes?|hoped|plans?|planned|dreams? of|was going|is going)\s+to\s+"
                       r"([a-z][\w' -]*?)\s*,?\s+but\s+((?:(?:the|a|an|my|his|her|their)\s+)?[\w-]+)\s+"
                       r"(didn't|doesn't|couldn't|can't|won't|wouldn't|did not|does not|could not|never did)"
                       r"(?=\s*(?:[,.!?]|$))", re.I)

# chat words said after a premise ("… caught fire lol", "my dog thinks hes a cat lmao"): no word of the story
_CHAT = re.compile(r"(?:[\s,]+\b(?:lol+|lmao+|lmfao|rofl|haha(?:ha)*|hehe|xd|ngl|tbh|smh)\b[.!?]*)+(?=\s*$)", re.I)

# a heading typed before a colon that names the show or the day the story happens at ("cooking show: a pug competes",
# "wedding day: the bride cat runs away", "spelling bee: a shy kitten"): said where the story happens, after it
_HEADING = re.compile(r"^\s*((?:[a-z]+\s+){0,2}(show|contest|competition|interview|audition|party|wedding|race|exam|"
                      r"match|tournament|festival|concert|bee|fair|recital|pageant|prom|day|night|eve)"
                      r"(?:\s+of\s+(?:school|work|class|college|summer|winter|spring|autumn|fall))?)\s*:\s+(?=\S)", re.I)

# "ur" and "u": your / you're / you
_UR = re.compile(r"\bur\b(?=\s+(\w+))", re.I)
_YOURE_NEXT = {"a", "an", "the", "so", "not", "gonna", "going", "never", "always", "too", "very", "such", "being"}
_U = re.compile(r"(?<![\w'’])u(?![\w'’])", re.I)

# the caption's framing: "POV:", "storytime:", "plot:", "when your ..." (the meme's "when" starts no time)
_FRAME = re.compile(r"^\s*(?:(?:pov|storytime|story\s*time|plot|plot\s+twist|premise|idea|story)\s*[:\-–—]+\s*"
                    r"|pov\s+(?=(?:you|your|ur|u)\b))", re.I)
_WHEN_YOUR = re.compile(r"^\s*when\s+(?=(?:your|ur|you|u)\b)", re.I)

# a hero told in the second person: "you're a cat and ...", "you are the stray cat nobody wanted ..."
_YOU_ARE = re.compile(r"^\s*(?:you're|you’re|you\s+are)\s+((?:a|an|the)\s+)", re.I)
_SECOND = {"you're": "she's", "you’re": "she's", "you've": "she's", "you'll": "she'll", "your": "her",
           "yours": "hers", "yourself": "herself"}
_SECOND_RE = re.compile(r"\b(you're|you’re|you've|you'll|yourself|yours|your|you)\b", re.I)
# "you" starts a clause after these (the hero doing), else it is the one done to ("everyone kicks you out")
_CLAUSE_START = re.compile(r"(?:^|[,;.!?]|\b(?:and|but|so|then|now|because|when|until|while|if|after|before|"
                           r"since|though|yet|finally|later|today|suddenly|and\s+then|but\s+then))\s*$", re.I)


# a hero told only by slang ("bro got rich and came back …") or a pronoun, its kind told by an emoji (🐶, 🐱)
_SLANG = re.compile(r"^\s*(?:(?:my|this|lil|little)\s+)?(bro|bruh|dude|homie|bestie|sis|girlie|he|she)\b(?!['’])\s*", re.I)
_SHE_SLANG = {"sis", "bestie", "girlie", "she"}
_DOG_EMOJI = ("🐶", "🐕", "🦮", "🐩")
_CAT_EMOJI = ("🐱", "🐈", "😼", "😺", "😸", "😹", "😻", "😽", "🙀", "😿", "😾")


def _emoji_pet(text: str) -> str | None:
    """The pet the premise's first pet emoji shows ("dog", "cat"), or None."""
    first = {text.find(e): kind for kinds, kind in ((_DOG_EMOJI, "dog"), (_CAT_EMOJI, "cat")) for e in kinds
             if e in text}
    return first[min(first)] if first else None


def _contracted(m: re.Match[str]) -> str:
    word = m.group(1)
    full = _CONTRACTED[word.lower()]
    return full[0].upper() + full[1:] if word[0].isupper() else full


_PARENT = {"mom", "mum", "mommy", "mummy", "mama", "momma", "dad", "daddy", "papa"}
_OWNED_AFTER = re.compile(r"\b(?:of|to|in|on|at|from|with|into|for|by|like)\s+$", re.I)


def _kin_owns(m: re.Match[str]) -> str:
    owned = m.group(2).lower()
    if owned in _NOT_OWNED or owned not in _OWNED_WORDS and not any(
            h.section in _OWNABLE for h in lexicon().find(owned)):
        return m.group(0)
    if m.group(1).lower() in _PARENT and not _OWNED_AFTER.search(m.string[:m.start()]):
        return m.group(0)  # "dads old dog waits": a parent's pet said first reads as a pet parent, "dads" kept
    return f"{m.group(1)}'s {m.group(2)}"


def _many_own(m: re.Match[str]) -> str:
    owners, owned = m.group(2), m.group(3).lower()
    if owned in _NOT_OWNED or owned not in _OWNED_WORDS | _OWNED_BY_MANY and not any(
            h.section in _OWNABLE for h in lexicon().find(owned)):
        return m.group(0)
    if _CLAUSE_OPEN.search(m.string[:m.start()]) and owned not in _NOT_A_VERB:
        return m.group(0)  # "the kids lunch at school", "the twins fish": the many doing
    if owners.lower() in {"dogs", "cats"} and re.search(r"\b(?:his|her|he|she)\b", m.string[m.end():], re.I):
        return f"{m.group(1)}{owners[:-1]}'s {m.group(3)}"  # "the dogs owners forget his birthday": one dog's
    return f"{m.group(1)}{owners}' {m.group(3)}"


def _not_done(m: re.Match[str]) -> str:
    return f"{m.group(0)} {m.group(1)}"  # "… but she didn't sing on stage"


def _ur(m: re.Match[str]) -> str:
    return "you're" if m.group(1).lower() in _YOURE_NEXT else "your"


def _third_person(text: str, noun: str) -> str:
    """``text`` told of "you" (the hero) told of "she": "and now you're famous" -> "and now she's famous"; "you"
    as an object is the hero's ``noun`` ("the cool cats laugh at you" -> "… at the puppy")."""
    out: list[str] = []
    last = 0
    for m in _SECOND_RE.finditer(text):
        word = m.group(1).lower()
        if word == "you":
            new = "she" if _CLAUSE_START.search(text[:m.start()]) else f"the {noun}"
        else:
            new = _SECOND[word]
        out.append(text[last:m.start()] + new)
        last = m.end()
        if new == "she":
            verb = re.match(r"\s+([a-z']+)\b", text[last:])
            if verb:
                out.append(text[last:last + verb.start(1)] + _agrees(verb.group(1)))
                last += verb.end(1)
    return "".join(out) + text[last:]


_AGREE = {"are": "is", "were": "was", "have": "has", "do": "does", "don't": "doesn't", "go": "goes", "aren't": "isn't",
          "weren't": "wasn't", "haven't": "hasn't"}
_KEEP = {"can", "could", "will", "would", "should", "might", "must", "may", "did", "didn't", "can't", "won't",
         "never", "always", "just", "still", "finally", "also", "really", "then", "now", "only", "too", "all"}


def _agrees(verb: str) -> str:
    """A verb said after "you" as said after "she" ("you hate" -> "hates", "you are" -> "is"); a past, a modal or
    an adverb kept."""
    if verb in _AGREE:
        return _AGREE[verb]
    if verb in _KEEP or verb.endswith(("ed", "s", "'d")) or "'" in verb:
        return verb
    if re.search(r"[^aeiou]y$", verb):
        return verb[:-1] + "ies"
    return verb + ("es" if verb.endswith(("sh", "ch", "x", "o", "z")) else "s")


def as_written(text: str) -> str:
    """``text`` with its phone typing written out (see the module's doc); unchanged where it has none, and always
    unchanged for a premise in Chinese."""
    if re.search(r"[\u4e00-\u9fff]", text):
        return text
    out = _FRAME.sub("", text, count=1)
    out = _WHEN_YOUR.sub("", out, count=1)
    out = _UR.sub(_ur, out)
    out = _U.sub("you", out)
    out = _CONTRACTED_RE.sub(_contracted, out)
    out = _KIN_S.sub(_kin_owns, out)
    out = _MANY_S.sub(_many_own, out)
    out = _CHAT.sub("", out)
    out = _NOT_DONE.sub(_not_done, out)
    slang = _SLANG.match(out)
    if slang and not re.match(r"\s*(?:is|was|and|,)\b", out[slang.end():], re.I):
        pet = _emoji_pet(out)
        if pet:
            out = f"a {pet} " + out[slang.end():]  # "bro got rich … 🐶": a dog got rich
        elif slang.group(1).lower() not in {"he", "she"}:
            out = ("she " if slang.group(1).lower() in _SHE_SLANG else "he ") + out[slang.end():]
    hero = _YOU_ARE.match(out)
    if hero:
        rest = re.sub(r"^((?:[\w-]+\s+){1,4}?)and\s+(?=(?:your|ur|the|everyone|everybody|people|nobody)\b)",
                      r"\1, ", out[hero.end():], count=1, flags=re.I)
        noun = re.match(r"((?:[\w-]+\s+){0,3}?)([\w-]+)(?=\s*,|\s+(?:and|who|that|nobody|but)\b|$)", rest)
        rest = _third_person(rest, noun.group(2) if noun else "pet").replace(" ,", ",")  # "a cat, her owner forgot her …"
        out = hero.group(1).lower() + re.sub(r"^((?:[\w-]+\s+){1,4}?)and\s+she\s+", r"\1", rest, count=1)
    elif re.match(r"^\s*(?:your|ur)\s+", out, re.I) and not re.search(r"\b(?:you|you're|you’re)\b", out, re.I):
        out = re.sub(r"^\s*(?:your|ur)\s+", "my ", out, count=1, flags=re.I)  # "when your dog …": the owner's pet
    out = " ".join(out.split())
    return out if len(out.split()) >= 2 else text


def heading_said(text: str) -> str:
    """``text`` with a heading typed before its colon that names the show, the event or the day the story happens at
    said after the story, where it happens ("cooking show: a pug competes" -> "a pug competes at the cooking show",
    "wedding day: the bride cat runs away" -> "the bride cat runs away on the wedding day"); unchanged otherwise."""
    m = _HEADING.match(text)
    if not m or re.search(r"[\u4e00-\u9fff]", text):
        return text
    head, last, rest = m.group(1).strip(), m.group(2).lower(), text[m.end():].rstrip(" .!")
    the = "" if re.match(r"(?:the|my|a|an|our|his|her|christmas|new year's|valentine's)\b", head, re.I) else "the "
    at = "on" if last in {"day", "night", "eve"} or " day of " in head.lower() else "at"
    return f"{rest} {at} {the}{head.lower()}"


# a rank typed before the many it is among ("拿了第一全校", "得了冠军全班"): said in its order (全校第一)
_RANK_ZH = re.compile(r"(第一名?|冠军|倒数第一)(全校|全班|全市|全城|全国|全村|全镇)(?![都也的人里上])")


def rank_said_zh(text: str) -> str:
    """A Chinese premise with a rank typed before the many it is among said in its order ("柯基们运动会上拿了第一全校"
    -> "…拿了全校第一"); unchanged otherwise, and for an English premise."""
    return _RANK_ZH.sub(lambda m: m.group(2) + m.group(1), text)
