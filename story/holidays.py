"""Days of the calendar a premise names as when its story happens ("christmas eve", "on new years eve", 过年的时候,
圣诞节晚上). Pure.

Such a day is said as the clause's when ("On Christmas Eve, Tiger…"), never read as a deed of its own nor as a
thing the pet looks at; what it brings to the picture (the tree, the lanterns, the night, the snow) is the
lexicon's (``story/data/lexicon.json``: the ``christmas_tree`` and ``lanterns`` props, the ``night`` time and the
``snow`` weather list the days' words).
"""

from __future__ import annotations

import re

from story.lexicon import tokenize_en

# a day of the calendar said as when ("christmas eve", "new year's day", "halloween night"), after "on", "at" …
HOLIDAY_EN = (r"(?:christmas|xmas|new\s+year(?:'?s)?|chinese\s+new\s+year|lunar\s+new\s+year|halloween|thanksgiving|"
              r"valentine'?s|easter)(?:\s+(?:eve|day|night|morning|evening))?")
HOLIDAY_LEAD = re.compile(r"(?:(?:on|at|in|during|over|for)\s+)?(?:the\s+)?(?:last\s+)?" + HOLIDAY_EN + r"\b", re.I)
_LEAD_END = re.compile(r"(?:^|\s)(" + HOLIDAY_LEAD.pattern[:-2] + r")$", re.I)
_DAY_EN = re.compile(HOLIDAY_EN, re.I)
DAYS_ZH = ("圣诞节", "圣诞", "平安夜", "新年", "过年", "春节", "除夕", "除夕夜", "新年夜", "大年夜", "跨年夜", "元宵节",
           "中秋节", "万圣节", "感恩节", "情人节", "七夕节", "七夕")


def holiday_said(lead: str) -> int:
    """How many words at the end of an English clause's lead name the day it happens on ("On Christmas Eve" → 3,
    "and on new year's day" → 4): that day's things, time and weather (the tree, the night, the snow) are the
    clause's; 0 where the lead names none."""
    m = _LEAD_END.search(lead.strip())
    return len(tokenize_en(m.group(1)).words) if m else 0


def calendar_day(word: str) -> bool:
    """``word`` (a thing's word in the premise) names a day of the calendar ("christmas eve", 过年), not a thing
    one holds or looks at: drawn as its sign (the tree, the lanterns), never said as "the christmas eve"."""
    return word.strip() in DAYS_ZH or _DAY_EN.fullmatch(word.strip()) is not None


_CASED = {"christmas": "Christmas", "xmas": "Xmas", "new": "New", "year": "Year", "years": "Year's", "year's": "Year's",
          "chinese": "Chinese", "lunar": "Lunar", "halloween": "Halloween", "thanksgiving": "Thanksgiving",
          "valentine's": "Valentine's", "valentines": "Valentine's", "easter": "Easter", "eve": "Eve", "day": "Day"}


_DAY_SAID = re.compile(r"\b" + HOLIDAY_EN + r"(?!\w)", re.I)


def names_day(text: str) -> bool:
    """``text`` (a premise) names a day of the calendar anywhere ("fall in love on valentine's day", 情人节那天): that
    day is when its story happens, and no other day or season is said (never "At the start of autumn," before it)."""
    return any(d in text for d in DAYS_ZH) or _DAY_SAID.search(text) is not None


_SEASON_EN = re.compile(r"\b(?:winter|summer|spring|autumn|snow\w*|blizzard|heatwave)\b", re.I)
_SEASON_ZH = re.compile(r"[冬夏春秋]天|寒冬|严冬|盛夏|酷暑|下雪|大雪|暴雪|雪天|雪夜|雪地")


def names_season(text: str) -> bool:
    """``text`` (a premise) names a season or its weather ("until one winter she comes back", "in the snow", 冬天,
    下雪): no opener sets another season (never "On the first day of spring," in a winter story)."""
    return _SEASON_EN.search(text) is not None or _SEASON_ZH.search(text) is not None


_SHORT_SPAN = re.compile(r"\b(?:all|that|this|one|the whole) (?:summer|winter|spring|autumn|week|month|weekend)\b|"
                         r"\bfor (?:a|one|two|three|a few) (?:days?|weeks?|months?)\b|"
                         r"(?:整个|一整个|这个|那个|一个)(?:夏天|冬天|春天|秋天|暑假|寒假|月|星期|礼拜)", re.I)


def names_short_span(text: str) -> bool:
    """``text`` (a premise) names a span of a season or less as its time ("trains all summer", "for a week", 整个暑假):
    no later phrase moves time on by a year (``common.json``'s ``later_long``)."""
    return _SHORT_SPAN.search(text) is not None


def holiday_cased(text: str) -> str:
    """The days of the calendar in ``text`` written as they are named ("on new years eve" → "on New Year's Eve")."""
    def cased(m: re.Match[str]) -> str:
        return " ".join(_CASED.get(w.lower(), w) for w in m.group(0).split())
    return _DAY_EN.sub(cased, text)
