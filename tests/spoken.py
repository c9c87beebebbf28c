"""What a script says, for the story tests that look for words the premise never asked for: its title
and every spoken line, and whether a word is said in a line (a Latin word from its start, a hanzi word
anywhere)."""

from __future__ import annotations

import re

from story.script import Script


def spoken(script: Script) -> list[str]:
    return [script.title, *(text for s in script.scenes for _, text in s.spoken())]


def said(word: str, text: str) -> bool:
    if re.search(r"[\u3400-\u9fff]", word):
        return word in text
    return re.search(r"(?<![A-Za-z])" + re.escape(word), text.lower()) is not None
