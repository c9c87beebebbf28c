"""``petreel make "PREMISE"``: write a script and render it to an MP4, with a progress bar.

The script comes from the bot's writer (``story.llm.write_script``): the LLM when ``PETREEL_LLM__*``
is configured (falling back to the offline writer, with the reason logged), else the offline writer;
or from an edited script file (``--script FILE.json``, as ``petreel script --json`` prints it). What
was understood is printed first; ``--style`` re-casts the premise's hero and says so; places the
painter can't draw are named with what is drawn instead (also in the ``--report`` file).

Bad input (empty or over-long premise, unknown style or art style, an output path that cannot be
written) is refused before any work with one line on stderr and exit code 2. A failed render
leaves nothing at the output path (exit 1); Ctrl-C exits 130.
"""

from __future__ import annotations

import argparse
import os
import secrets
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from petreel.errors import Cancelled, EncoderMissing, PetReelError, RenderFailed, UserError
from story.drawings import drawn_lines, reads_words
from story.script import Script
from story.styles import ART_STYLES, CHARACTER_STYLES, DEFAULT_ART_STYLE, art_styles_for
from story.text import script_language

if TYPE_CHECKING:
    from story.plan import Substitution

STAGES = ("script", "narration", "keyframes", "music", "compose")
MAX_PREMISE = 500


def add_parsers(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "make",
        help="render one clip from a premise, or an edited script",
        description="Write a pet-drama script from PREMISE (the LLM when PETREEL_LLM__* is configured, else "
        "offline), or read one with --script, and render it to a 9:16 MP4.",
    )
    p.add_argument("premise", nargs="?", default=None,
                   help="one-line story idea, e.g. \"a poor ginger cat is mocked by a rich white cat\"")
    p.add_argument("--script", type=Path, default=None, metavar="FILE.json",
                   help="render this script (as petreel script --json prints it) instead of writing one")
    p.add_argument("--style", default=None,
                   help=f"hero character style ({', '.join(CHARACTER_STYLES)}); default: the premise's own hero")
    p.add_argument("--art-style", default=DEFAULT_ART_STYLE, help=f"art style ({', '.join(ART_STYLES)})")
    p.add_argument("--lang", default=None, choices=("en", "zh"),
                   help="script and narration language (default: the premise's own language)")
    p.add_argument("-o", "--output", type=Path, default=Path("clip.mp4"), help="output MP4 path")
    p.add_argument("--thumbnail", type=Path, default=None, metavar="PATH",
                   help="thumbnail JPEG path (default: the output with .jpg; never replaces a file petreel "
                        "did not write)")
    p.add_argument("--seed", type=int, default=None, help="random seed (printed when not given)")
    p.add_argument("--width", type=int, default=None, help="override PETREEL_RENDER__WIDTH")
    p.add_argument("--height", type=int, default=None, help="override PETREEL_RENDER__HEIGHT")
    p.add_argument("--fps", type=int, default=None, help="override PETREEL_RENDER__FPS")
    p.add_argument("--no-narration", action="store_true", help="music only (quick previews)")
    p.add_argument("--no-music", action="store_true", help="narration only")
    p.add_argument("--report", type=Path, default=None, metavar="FILE.json",
                   help="write per scene what was asked (place, time, weather, props, actions) and what was drawn")
    p.set_defaults(func=run_make)


def _fail(message: str, code: int = 2) -> int:
    print(f"petreel make: error: {' '.join(message.split())}", file=sys.stderr)  # always one line
    return code


def check_premise(text: str) -> str:
    """The premise, normalised by the writer's ``validate_premise``. Raises ``BadPremise``."""
    from story.offline import validate_premise

    return validate_premise(text)


def check_output(path: Path, what: str = "output") -> str | None:
    """Why ``path`` cannot be written, or None when it can (checked before rendering). An existing
    path that is not a regular file (device node, FIFO, socket, directory) is refused: the file is
    written beside it and renamed into place, which would replace the node."""
    from render.composer import not_regular

    directory = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        return f"{what} path {path} is a directory"
    if not_regular(path):
        return f"{what} path {path} exists and is not a regular file (device, FIFO or socket); choose a file path"
    if directory.exists() and not directory.is_dir():
        return f"output directory {directory} is not a directory"
    if not directory.is_dir():
        return f"output directory {directory} does not exist"
    if not os.access(directory, os.W_OK | os.X_OK):
        return f"output directory {directory} is not writable"
    if path.exists() and not os.access(path, os.W_OK):
        return f"{what} file {path} is not writable"
    return None


def thumbnail_for(output: Path, asked: Path | None) -> tuple[Path, str | None]:
    """Where the thumbnail goes, and why it can't (or None). ``asked`` (``--thumbnail``) may replace
    any regular file except the output itself; the default (the output with ``.jpg``, or
    ``<name>.thumb.jpg`` when the output is a ``.jpg``) only replaces a thumbnail PetReel wrote."""
    from render.composer import is_our_thumbnail

    if asked is not None:
        if asked.resolve() == output.resolve():
            return asked, f"--thumbnail {asked} is the output itself; choose another path"
        return asked, check_output(asked, "thumbnail")
    derived = output.with_suffix(".jpg")
    if derived.resolve() == output.resolve():
        derived = output.with_name(f"{output.stem}.thumb.jpg")
    if derived.exists() and not is_our_thumbnail(derived):
        return derived, (f"thumbnail path {derived} exists and was not written by petreel; pass --thumbnail PATH "
                         f"(--thumbnail {derived} to replace it)")
    return derived, check_output(derived, "thumbnail")


def run_make(args: argparse.Namespace) -> int:
    from petreel.settings import load_settings

    settings = load_settings()
    if args.no_narration or args.no_music:
        switches = {"narration": settings.render.narration and not args.no_narration,
                    "music": settings.render.music and not args.no_music}
        settings = settings.model_copy(update={"render": settings.render.model_copy(update=switches)})
    # 1. validate everything before any work
    script = None
    if args.lang is None:
        args.lang = script_language(args.premise or "")
    if args.script is not None:
        if args.premise is not None:
            return _fail("give a premise or --script FILE.json, not both")
        loaded = load_script(args.script)
        if isinstance(loaded, str):
            return _fail(loaded)
        script, premise = loaded, loaded.premise
    else:
        if args.premise is None:
            return _fail("a premise is needed (or --script FILE.json)")
        try:
            premise = check_premise(args.premise)
        except UserError as err:
            return _fail(err.message(args.lang))
    if args.style is not None and args.style not in CHARACTER_STYLES:
        return _fail(f"unknown style {args.style!r}; valid styles: {', '.join(CHARACTER_STYLES)}")
    offered = [a.id for a in art_styles_for(settings.render.backend)]
    if args.art_style not in offered:
        why = "needs PETREEL_RENDER__BACKEND=diffusers" if args.art_style in ART_STYLES else "is unknown"
        return _fail(f"art style {args.art_style!r} {why}; available: {', '.join(offered)}")
    output: Path = args.output
    if problem := check_output(output):
        return _fail(problem)
    if args.report is not None and (problem := check_output(args.report)):
        return _fail(problem)
    thumbnail, problem = thumbnail_for(output, args.thumbnail)
    if problem:
        return _fail(problem)
    try:  # the encoder is there (checked now, not after painting every scene)
        from render.composer import ffmpeg_exe

        ffmpeg_exe()
    except EncoderMissing as err:
        return _fail(str(err))
    overrides = {k: v for k in ("width", "height", "fps") if (v := getattr(args, k)) is not None}
    if any(v <= 0 for v in overrides.values()) or any(overrides.get(k, 2) % 2 for k in ("width", "height")):
        return _fail("--width/--height must be positive even numbers and --fps positive")
    seed = args.seed if args.seed is not None else secrets.randbelow(2**31)
    if args.seed is None:
        print(f"seed: {seed}", file=sys.stderr)
    # 2. write the script (saying what was understood and any re-cast) and render it
    try:
        substitutions: list[Substitution] = []
        if script is None:
            script, substitutions = _write(premise, args, settings, seed)
        elif args.style is not None and args.style != script.style:
            from story.offline import recast

            recast_script, note = recast(script, args.style)
            assert isinstance(recast_script, Script)
            script = recast_script
            if note:
                print(note, file=sys.stderr)
        return _render(script, args, settings, overrides, seed, output, thumbnail, substitutions)
    except Cancelled:
        return _fail("cancelled", 130)
    except KeyboardInterrupt:
        return _fail("interrupted; nothing was written", 130)
    except EncoderMissing as err:  # nothing was rendered: the machine lacks the encoder
        return _fail(str(err))
    except RenderFailed as err:  # its user text speaks of bot credits; the CLI says what broke
        return _fail(f"render failed: {err}", 1)
    except UserError as err:
        return _fail(err.message(args.lang), 1)
    except PetReelError as err:
        return _fail(str(err), 1)


def load_script(path: Path) -> Script | str:
    """The validated script in ``path``, or one line saying why it can't be used."""
    from pydantic import ValidationError

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return f"cannot read script {path}: {exc.__class__.__name__}: {getattr(exc, 'strerror', None) or exc}"
    try:
        return Script.model_validate_json(text)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(x) for x in err["loc"]) or "script"
        more = f" (and {len(exc.errors()) - 1} more)" if len(exc.errors()) > 1 else ""
        return f"invalid script {path}: {where}: {err['msg']}{more}"


def _write(premise: str, args: argparse.Namespace, settings: Any, seed: int) -> tuple[Script, list[Substitution]]:
    """The script from the bot's writer, and the places drawn instead of the story's (offline writer);
    what was understood, any re-cast and those substitutions go to stderr."""
    from story.cli import choose_style
    from story.llm import write_script
    from story.offline import write_story
    from story.premise import analyse, understood_line

    style, note = choose_style(premise, args.style, args.lang)
    print(understood_line(analyse(premise), args.lang), file=sys.stderr)
    if note:
        print(note, file=sys.stderr)
    substitutions: list[Substitution] = []
    if not (settings.llm.base_url or settings.llm.gguf_path):
        written = write_story(premise, style, args.lang, seed, args.art_style)
        substitutions = list(written.substitutions)
        read = written.script if reads_words(settings.render.backend) else None  # as the painter will draw it
        for line in drawn_lines(substitutions, read):
            print(f"drawn instead: {line}", file=sys.stderr)
    return write_script(settings, premise, style, args.lang, seed, art_style=args.art_style), substitutions


def as_painted(subs: Sequence[Substitution], scenes: Sequence[dict[str, Any]] | None) -> list[str]:
    """The report's substitution lines as the painter drew them (``story.drawings.drawn_lines``, the lines
    ``petreel script`` and this command's stderr print): an action whose doer the painter drew with a drawing of its
    own (a carry on the back, hiding under the bed, a throw, a slap, tearing: its report's ``drawn_as``, read from
    the scene's words) says that drawing, not the stand-in the script wrote ('carries' drawn as 'work'); a place it
    drew as the shop or venue asked (its report's ``place``: the warehouse, the dumpling shop) has no line."""
    if scenes is None:
        return drawn_lines(subs)
    drawn = {(int(s["scene"]), str(c["id"])): str(c["drawn_as"]) for s in scenes if s.get("drawn")
             for c in s["drawn"]["characters"] if c.get("drawn_as")}
    places = {int(s["scene"]): str(s["drawn"]["place"]) for s in scenes if s.get("drawn") and s["drawn"].get("place")}
    return drawn_lines(subs, painted=drawn, places=places)


def write_report(path: Path, script: Any, seed: int, scenes: list[dict[str, Any]] | None,
                 substitutions: Sequence[Substitution] = ()) -> None:
    """The staging report: the painter's asked-vs-drawn per scene, or the asks alone for painters without one; the
    story's substitutions as the painter drew them (``as_painted``)."""
    import json

    if scenes is None:
        scenes = [{"scene": i + 1, "asked": {"location": s.location, "time_of_day": s.time_of_day,
                                             "weather": s.weather, "props": s.props,
                                             "characters": [a.model_dump() for a in s.characters]},
                   "drawn": None} for i, s in enumerate(script.scenes)]
    data = {"title": script.title, "premise": script.premise, "seed": seed, "scenes": scenes,
            "substitutions": as_painted(substitutions, scenes)}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def _render(script: Script, args: argparse.Namespace, settings: Any, overrides: dict[str, int], seed: int,
            output: Path, thumbnail: Path, substitutions: list[Substitution]) -> int:
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

    from render.backends import default_backends
    from render.pipeline import render_clip, render_spec

    console = Console(stderr=True)
    columns = (TextColumn("{task.description:<10}"), BarColumn(), TextColumn("{task.percentage:>3.0f}%"),
               TimeElapsedColumn())
    with Progress(*columns, console=console, transient=False) as bar:
        tasks: dict[str, TaskID] = {stage: bar.add_task(stage, total=1.0, start=False) for stage in STAGES}
        done: set[str] = set()

        def progress(stage: str, fraction: float) -> None:
            if stage in tasks:
                for earlier in STAGES[: STAGES.index(stage)]:  # stages run in order
                    if earlier not in done:
                        done.add(earlier)
                        bar.start_task(tasks[earlier])
                        bar.update(tasks[earlier], completed=1.0)
                bar.start_task(tasks[stage])
                bar.update(tasks[stage], completed=min(1.0, max(0.0, fraction)))

        progress("script", 1.0)
        spec = render_spec(settings, seed)
        if overrides:
            from render.stages import RenderSpec

            spec = RenderSpec(width=overrides.get("width", spec.width), height=overrides.get("height", spec.height),
                              fps=overrides.get("fps", spec.fps), crf=spec.crf, preset=spec.preset, seed=spec.seed)
        backends = default_backends(settings)
        info = render_clip(script, output, backends, spec, progress, thumbnail=thumbnail)
        progress("compose", 1.0)
    if args.report is not None:
        write_report(args.report, script, seed, getattr(backends.painter, "report", None), substitutions)
    print(f"{info.path}  {script.title!r}  {info.width}x{info.height}  {info.duration:.1f}s  "
          f"{info.size_bytes / 1e6:.1f} MB  thumbnail {info.thumbnail}")
    return 0
