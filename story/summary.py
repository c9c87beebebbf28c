"""A premise typed as a summary, retold as the premise it sums up. Pure.

Users often type the story's blurb, not its premise: "this is the story of how a stray cat became a famous chef",
"the story of a poor puppy who became a millionaire", "how a shy corgi won the talent show", 这是一只流浪猫成为大厨的故事,
讲述了小狗如何当上警犬的故事. The frame ("this is the story of how", 这是…的故事) is no clause of the story (a pet "is the
story of how Pumpkin became…"), and a blurb that names its outcome first with what came before it in an "after"
phrase ("a stray cat became a famous chef after years of washing dishes", "…after being abandoned by his owner") is
told in the order it happened: "a stray cat spends years washing dishes, then became a famous chef".
``unframed(premise)`` gives the premise so retold, or the premise itself when it is not a summary;
``story/premise.py``'s ``analyse`` reads the retold one.
"""

from __future__ import annotations

import re

from story.text import HAN

_KIND_EN = r"(?:(?:true|sad|funny|heartwarming|heart-warming|touching|little|short|amazing|inspiring|real|whole)\s+)*"
_FRAME_EN = re.compile(
    rf"^\s*(?:(?:this|here|it|that)\s*(?:is|'s|’s)\s+|(?:i\s+want|i'd\s+like|make|write|tell\s+me)\s+)?"
    rf"(?:(?:the|a|an|my)\s+)?{_KIND_EN}(?:story|tale|drama|video|clip)\s+(?:of|about)\s+|"
    rf"^\s*(?:(?:it|this)\s*(?:is|'s|’s)\s+)?about\s+", re.IGNORECASE)
_HOW_EN = re.compile(r"^\s*how\s+(?=(?:a|an|the|one|my|our|this|\w+'s)\b)", re.IGNORECASE)
# the pet the blurb is of, then its who clause: "a poor puppy who became a millionaire" (a noun phrase, no verb of its own)
_WHO_EN = re.compile(r"^(?P<pet>(?:a|an|the|one|this|my|our)\s+(?:[\w'-]+\s+){0,4}?[\w'-]+)\s+(?:who|that)\s+(?P<rest>.+)$",
                     re.IGNORECASE)
_NO_VERB_BEFORE = re.compile(r"\b(?:is|are|was|were|has|had|does|did|gets|got|becomes|became|wins|won|saves|saved|"
                             r"loves|loved|finds|found)\b", re.IGNORECASE)
# the outcome first, what came before in an "after" phrase: "…became a famous chef after years of washing dishes"
_AFTER_EN = re.compile(r"^(?P<who>(?:a|an|the|one|my|our|this)\s+(?:[\w'-]+\s+){0,4}?[\w'-]+?)\s+(?P<outcome>(?:becomes|became|"
                       r"wins|won|is|was|ends up|ended up|gets|got|opens|opened|finds|found|buys|bought)\b[^,]+?)\s*,?\s+"
                       r"after\s+(?P<before>(?:years|months|weeks|days|a lifetime)\s+of\s+\w+ing\b.*|being\s+\w+.*)$",
                       re.IGNORECASE)

_FRAME_ZH = re.compile(r"^(?:这是|这就是|讲述了?|讲的是|说的是|关于)?(?:一个)?(?:关于)?(?P<body>.+?)的(?:真实)?故事[。！!]*$")
_HOW_ZH = re.compile(r"如何|是怎样|是怎么|怎样|怎么")


def unframed(premise: str) -> str:
    """The premise less a summary's frame, its outcome told last; the premise itself when it is no summary."""
    if HAN.search(premise):
        return _unframed_zh(premise)
    text = premise.strip()
    framed = _FRAME_EN.match(text)
    if framed is not None and framed.end() < len(text):
        text = text[framed.end():]
        how = _HOW_EN.match(text)
        if how is not None:
            text = text[how.end():]
        else:
            m = _WHO_EN.match(text)
            if m is not None and not _NO_VERB_BEFORE.search(m["pet"]):
                text = f"{m['pet']} {m['rest']}"
    else:
        how = _HOW_EN.match(text)
        if how is not None and not text.rstrip().endswith("?"):  # "how a shy corgi won the talent show"; a question asks
            text = text[how.end():]
    after = _AFTER_EN.match(text)
    if after is not None:
        before = after["before"].rstrip(" .!")
        if before.lower().startswith("being "):
            told = f"{after['who']} is {before[len('being '):]}"
        else:
            told = f"{after['who']} spends {before.replace(' of ', ' ', 1)}"
        text = f"{told}, then {after['outcome'].strip()}"
    return text if text != premise.strip() else premise


def _unframed_zh(premise: str) -> str:
    text = premise.strip()
    m = _FRAME_ZH.match(text)
    if m is None or len(m["body"]) < 5:  # 奶奶的故事: no story of a pet told
        return premise
    body = m["body"]
    body = re.sub(r"^(?:一个)?关于", "", body)
    return _HOW_ZH.sub("", body, count=1)
