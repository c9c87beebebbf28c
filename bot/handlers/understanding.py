"""What the bot says it understood of a premise, and the hero chooser that follows it.

Thin helpers over ``story.premise`` (analysis) and ``story.offline.recast_note``: the premise's own
hero style (its species or colour, e.g. "ginger cat" → ``ginger-cat``) comes FIRST in the chooser,
marked as the premise's; picking another style re-casts the hero only, and the bot says so in one
line. Before Confirm the bot shows in one line what was understood (hero, cast with roles, goal) so
the user can correct the premise.
"""

from __future__ import annotations

import html
from functools import lru_cache

from petreel.i18n import t
from story.lexicon import lexicon
from story.offline import recast_note
from story.premise import Analysis, analyse, describe, hero_style, understood_line
from story.styles import CHARACTER_STYLES


@lru_cache(maxsize=256)
def _analysis(premise: str) -> Analysis:
    return analyse(premise)


def premise_style(premise: str) -> str | None:
    """The character style the premise gives its hero (species or colour), or None."""
    style = hero_style(_analysis(premise))
    return style if style in CHARACTER_STYLES else None


def chooser_styles(premise: str) -> list[tuple[str, bool]]:
    """Every style id, the premise's own hero style first; ``True`` marks that one."""
    own = premise_style(premise)
    rest = [s for s in CHARACTER_STYLES if s != own]
    return ([(own, True)] if own else []) + [(s, False) for s in rest]


def own_label(premise: str, lang: str) -> str | None:
    """The premise's own hero in its own word where it is drawn as its breed, not as its button's style (a
    hamster, a rabbit, a chihuahua: the ginger cat's button draws it), else None."""
    hero = _analysis(premise).hero
    if not hero.breed or lexicon().entry("breeds", hero.breed)["style"] is not None:
        return None
    word = str(lexicon().entry("breeds", hero.breed)["zh" if lang == "zh" else "en"][0])
    return word[:1].upper() + word[1:]


def _one_line(text: str) -> str:
    return html.escape(" ".join(text.split()))


def understood_html(premise: str, lang: str) -> str:
    """One line (HTML, escaped) saying what was understood, with a hint to resend a corrected idea."""
    return t(lang, "understood", line=_one_line(understood_line(_analysis(premise), lang)))


def recast_html(premise: str, style: str, lang: str) -> str | None:
    """One line (HTML, escaped) when ``style`` re-casts the premise's hero; None when it doesn't."""
    analysis = _analysis(premise)
    hero = analysis.hero
    name = hero.name or describe(hero, lang, analysis).removeprefix("the ")
    note = recast_note(premise_style(premise), style, name, lang)
    return t(lang, "recast", note=_one_line(note)) if note else None
