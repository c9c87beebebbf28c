"""``petreel script "PREMISE"``: what was understood, and the script, without rendering.

Uses the same writer as the bot and ``petreel make`` (``story.llm.make_writer``: the LLM when one is
configured, else the offline writer). ``--json`` prints the script as JSON (what was understood goes
to stderr), ready to edit and render with ``petreel make --script FILE.json``. ``--style`` re-casts
the premise's hero and says so. Bad input: one line on stderr, exit 2.
"""

from __future__ import annotations

import argparse
import secrets
import sys
from typing import Any

from petreel.errors import PetReelError, UserError
from story.drawings import drawn_lines, reads_words
from story.offline import recast_note, validate_premise, write_story
from story.premise import analyse, hero_style, understood_line
from story.script import Script
from story.styles import ART_STYLES, CHARACTER_STYLES, DEFAULT_STYLE, check_style
from story.text import script_language


def add_parsers(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "script",
        help="print what was understood and the script for a premise (no rendering)",
        description="Write the pet-drama script for PREMISE with the configured writer and print it.",
    )
    p.add_argument("premise", help="one-line story idea")
    p.add_argument("--style", default=None,
                   help=f"hero character style ({', '.join(CHARACTER_STYLES)}); default: the premise's own hero")
    p.add_argument("--art-style", default="storyboard", help=f"art style ({', '.join(ART_STYLES)})")
    p.add_argument("--lang", default=None, choices=("en", "zh"),
                   help="script language (default: the premise's own language)")
    p.add_argument("--seed", type=int, default=None, help="random seed (printed when not given)")
    p.add_argument("--json", action="store_true", help="print the script as JSON (for petreel make --script)")
    p.set_defaults(func=run_script)


def _fail(message: str, code: int = 2) -> int:
    print(f"petreel script: error: {' '.join(message.split())}", file=sys.stderr)
    return code


def choose_style(premise: str, requested: str | None, language: str) -> tuple[str, str | None]:
    """The hero's style: the requested one (with a re-cast note when it differs from the premise's
    own hero) or the premise's. Raises ``UnknownStyle``."""
    if requested is not None:
        check_style(requested)
    analysis = analyse(premise)
    own = hero_style(analysis)
    style = requested or own or DEFAULT_STYLE
    return style, recast_note(own, style, analysis.hero.name or "", language)


def describe_script(script: Script) -> list[str]:
    """Readable lines for a script: title, cast, then each scene's staging, caption and spoken lines."""
    names = {c.id: c.name for c in script.characters}
    out = [f"title: {script.title}  ({script.duration:.1f}s, {len(script.scenes)} scenes)"]
    out += [f"cast: {c.id} = {c.name}, {c.species} ({c.breed})" for c in script.characters]
    for i, s in enumerate(script.scenes, 1):
        out.append(f"{i:>2}. [{s.location}, {s.time_of_day}, {s.weather}, {s.mood}, {s.camera}] "
                   f"{s.duration:g}s  caption: {s.caption}")
        who = ", ".join(f"{names[a.id]} {a.action}" + (f" → {names[a.target]}" if a.target else "")
                        + (f" holding {a.holding}" if a.holding else "") for a in s.characters)
        out.append(f"    on screen: {who}" + (f"; props: {', '.join(s.props)}" if s.props else ""))
        for speaker, text in s.spoken():
            out.append(f"    {'narrator' if speaker == 'narrator' else names[speaker]}: {text}")
    return out


def run_script(args: argparse.Namespace) -> int:
    from petreel.settings import load_settings

    # 1. Validate the inputs.
    if args.lang is None:
        args.lang = script_language(args.premise)
    try:
        premise = validate_premise(args.premise)
        style, note = choose_style(premise, args.style, args.lang)
    except UserError as err:
        return _fail(err.message(args.lang))
    if args.art_style not in ART_STYLES:
        return _fail(f"unknown art style {args.art_style!r}; known: {', '.join(ART_STYLES)}")
    seed = args.seed if args.seed is not None else secrets.randbelow(2**31)
    info = sys.stderr if args.json else sys.stdout
    # 2. What was understood (and the re-cast), then the script.
    print(understood_line(analyse(premise), args.lang), file=info)
    if note:
        print(note, file=info)
    if args.seed is None:
        print(f"seed: {seed}", file=info)
    from story.llm import write_script

    settings = load_settings()
    try:
        script = write_script(settings, premise, style, args.lang, seed, args.art_style)
    except UserError as err:
        return _fail(err.message(args.lang), 1)
    except PetReelError as err:
        return _fail(str(err), 1)
    if args.json:
        print(script.model_dump_json(indent=2))
        return 0
    offline = not (settings.llm.base_url or settings.llm.gguf_path)
    if offline:
        written = write_story(premise, style, args.lang, seed, args.art_style)
        print(f"arc: {written.arc}")
        read = written.script if reads_words(settings.render.backend) else None  # as the painter will draw it
        for line in drawn_lines(written.substitutions, read):
            print(f"drawn instead: {line}")
    print("\n".join(describe_script(script)))
    return 0
