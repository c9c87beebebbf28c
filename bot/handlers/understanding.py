"""What the bot says it understood of a premise, and the hero chooser that follows it.

Pure helpers over ``story.premise``: the premise's own hero style (its species or colour, e.g.
"ginger cat" → ``ginger-cat``) comes FIRST in the chooser, marked as the premise's; picking another
style re-casts the hero only, and the bot says so in one line. Before Confirm the bot shows in one
line what was understood (hero, cast with roles, goal) so the user can correct the premise.
"""

from __future__ import annotations

import html

from petreel.i18n import t
from story import premise as understanding
from story.styles import CHARACTER_STYLES


def premise_style(premise: str) -> str | None:
    """The character style the premise gives its hero (species or colour), or None."""
    style = understanding.hero_style(understanding.analyse(premise))
    return style if style in CHARACTER_STYLES else None


def chooser_styles(premise: str) -> list[tuple[str, bool]]:
    """Every style id, the premise's own hero style first; ``True`` marks that one."""
    own = premise_style(premise)
    rest = [s for s in CHARACTER_STYLES if s != own]
    return ([(own, True)] if own else []) + [(s, False) for s in rest]


def understood_html(premise: str, lang: str) -> str:
    """One line (HTML, escaped) saying what was understood, with a hint to resend a corrected idea."""
    line = understanding.understood_line(understanding.analyse(premise), lang)
    return t(lang, "understood", line=html.escape(" ".join(line.split())))


def recast_html(premise: str, style: str, lang: str) -> str | None:
    """One line (HTML, escaped) when ``style`` re-casts the premise's hero; None when it doesn't."""
    note = understanding.recast_note(understanding.analyse(premise), style, lang)
    return t(lang, "recast", note=html.escape(" ".join(note.split()))) if note else None
