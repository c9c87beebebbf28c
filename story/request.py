"""A premise typed as a request for the clip ("can you make a video about a cat who becomes a chef", "make a story where
a poor dog wins the lottery", "i want a video of a husky that saves a baby pls", 帮我做一个小猫被欺负后逆袭的视频,
请生成：流浪狗被好心人收养): the story it asks for, the request's own words left off. Pure.

A new user often asks for the clip rather than tells the story; the asking words are no part of the story (no pet
"can you make a video about", no line "Biscuit, a poor dog, make a story where Biscuit wins"). Only a request said
before the story (and its "please" or "的视频" after it) is left off; a premise whose story is itself making a video
("a cat makes a video for her fans") is kept whole.
"""

from __future__ import annotations

import re

_KIND_EN = r"(?:video|vid|clip|story|reel|movie|film|cartoon|animation|drama|short|tiktok|one)"
_DESCRIBED_EN = r"(?:(?:short|little|small|funny|sad|cute|happy|touching|emotional|heartwarming|dramatic|new|quick|\d+\s*s(?:ec(?:ond)?s?)?|"\
    r"\d+[- ]second|pet|ai|animated|cartoon)\s+)*"
_MAKE_EN = r"(?:make|create|generate|write|do|produce|show|give|tell|animate)"
_ASK_EN = re.compile(
    r"^\s*(?:(?:hi|hey|hello|ok|okay)\b[\s,!.]*)?(?:(?:please|pls|plz)\s+)?"
    r"(?:(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+|pls\s+|plz\s+)?" + _MAKE_EN + r"|"
    + _MAKE_EN + r"|i\s+(?:want|wanna|need|would\s+like|'d\s+like|d\s+like)(?:\s+to\s+(?:see|watch|have))?)"
    r"(?:\s+(?:me|us))?\s+(?:(?:a|an|one|the|some)\s+)?" + _DESCRIBED_EN + _KIND_EN
    + r"s?\s*(?:(?:about|of|where|in\s+which|with|that\s+shows|showing|on|for|when|:|-)\s*[:,-]?\s*)", re.I)
_SHOW_EN = re.compile(r"^\s*(?:(?:please|pls|plz)\s+)?show\s+(?:me|us)\s+(?=(?:a|an|my|the|two|three|some)\b)", re.I)
# the one asked for, told by who it is ("a husky that saves a baby", "my corgi who steals socks"): what it does
_WHO_EN = re.compile(r"^((?:a|an|the|my|our|two|three|some)\s+(?:[\w'-]+\s+){1,3}?)(?:who|that)\s+(?=[a-z])", re.I)
_THANKS_EN = re.compile(r"[\s,.!]*(?:(?:please|pls|plz|thanks|thank\s+you|thx|ty)[\s.!]*)+$", re.I)

_ASK_ZH = re.compile(r"^\s*(?:你好|您好)?[，,。！!]*(?:请你?|麻烦你?|能不能|可以|可不可以)?(?:帮我|给我|为我|帮忙)?"
                     r"(?:做|生成|写|拍|制作|来|创作|画|编)(?:一个|一段|一部|一条|个|段|部|条|一下)?(?:关于)?"
                     r"(?:(?:视频|故事|短片|小视频|动画|短剧)[：:，,])?[：:，,]?\s*")
_WANT_ZH = re.compile(r"^\s*我(?:想要|想看|要|想)(?:一个|一段|一部|一条|个|段|部|条)?(?:关于)?[：:，,]?\s*")
_KIND_ZH = re.compile(r"的?(?:视频|故事|短片|小视频|动画|短剧|影片|片子)(?:吧|呀|哦|啊|呢|谢谢)?[。！!~～]*$")


def asked_story(text: str) -> str:
    """``text`` less the request said around its story ("can you make a video about …", 帮我做一个…的视频); the
    text itself where it asks nothing, or where what is left holds no story (fewer than two words)."""
    han = re.search(r"[\u4e00-\u9fff]", text) is not None
    if han:
        m = _ASK_ZH.match(text) or _WANT_ZH.match(text)
        tail = _KIND_ZH.search(text)
        if m is None or (tail is None and not re.search(r"[：:]", m.group(0))):
            return text  # 小狗做了一个梦: a deed, no request (the request is said with 视频/故事 or a colon)
        story = text[m.end():tail.start() if tail and tail.start() >= m.end() else len(text)].strip(" ：:，,")
        return story if len(story) >= 4 else text
    m = _ASK_EN.match(text) or _SHOW_EN.match(text)
    if m is None:
        return text
    story = _THANKS_EN.sub("", text[m.end():]).strip(" ,:-")
    story = _WHO_EN.sub(r"\1", story, count=1)  # "a video of a husky that saves a baby": the husky saves it
    return story if len(story.split()) >= 2 else text
