"""An English phrasal verb split around the one it is done to, joined again (pure): "a kind baker takes the stray
kitten in on a rainy night" is read as "a kind baker takes in the stray kitten on a rainy night", the taking-in
it is (not a baker who "takes" a kitten, and an "in" left over). Only where the particle ends the phrase (the
clause ends, or a word that starts a new part of it follows: "on", "during", "and", "from the cold"), so "takes
the kitten in his arms" and "takes the puppy in the rain" keep their "in". A pronoun between ("takes him in")
is left as said: the readers of ``sides.json`` know that form. ``story/premise.py``'s ``analyse`` reads the
joined premise."""

from __future__ import annotations

import re

_VERBS = r"take|takes|took|taken|taking"
# the words of the one taken: an article or a possessive, then at most three words before its head
_TAKEN = (
    r"(?:the|a|an|this|that|one|two|three|his|her|their|its|my|our|\w+'s)(?:\s+(?!in\b|and\b)[\w-]+){1,4}?"
)
# what may follow a particle that ends its phrase
_AFTER = (
    "on",
    "during",
    "after",
    "before",
    "when",
    "and",
    "for",
    "at",
    "out",
    "from",
    "one",
    "every",
    "last",
    "with",
    "because",
    "as",
    "while",
    "despite",
    "even",
    "then",
    "to",
    "that",
    "immediately",
    "right",
    "forever",
    "without",
    "tonight",
    "today",
    "but",
    "so",
    "although",
    "though",
    "until",
    "in",
)
_SPLIT = re.compile(
    rf"\b(?P<verb>{_VERBS})\s+(?P<taken>{_TAKEN})\s+in\b(?=\s*(?:$|[,.;!?]|\s(?:{'|'.join(_AFTER)})\b))",
    re.IGNORECASE,
)


def joined(premise: str) -> str:
    """``premise`` with each split "takes <the one taken> in" said "takes in <the one taken>"; else itself."""
    return _SPLIT.sub(lambda m: f"{m['verb']} in {m['taken']}", premise)
