"""CPU render benchmark: 720x1280, 24 fps clips with the default backends, motion and subtitles on.

Scene lengths follow the speech (``render.timeline``), so a script plays as long as its lines take to
say. The 60 s script says as much as a writer's 60 s script does (narration and both characters' lines
in each of its 8 scenes, as close to the script's length limit as it allows): it plays ~59 s, 1,420
frames, like the writer's 50-58 s (bench/story_length.py). (Until 2026-12-05 it had one line of
dialogue a scene and played 40.4 s, 970 frames.) The 120 s script plays ~101 s, the 15 s one 10 s.

For each length (15 s: 5 scenes, 60 s: 8 scenes, 120 s: 10 scenes of 12 s, the longest a script
allows) it prints, from one run:

* the timed render: wall, CPU (this render's Python processes and its ffmpeg), per-stage wall and
  CPU (narration: the speech child; keyframes; music; compose = frames + encode), file size;
* memory, sampled every 20 ms from a thread reading /proc: the peak of the summed RSS of the
  render's own Python processes alive at the same moment (the render process and its speech child;
  shared pages count in each), per stage, the peak of its ffmpeg processes apart, and the render
  process's own ``ru_maxrss``;
* the render's ffmpeg CPU in parts: the streaming encode, and apart from it the loudness
  measurements (the mixer's of its mix, the composer's check of the decoded AAC) and the encoder probe;
* a bare ``ffmpeg -f rawvideo`` encode of the very same frames and audio (dumped by an untimed
  render) with the composer's own command (``render.composer.encode_command``: the same x264
  options and threads, the frames from a file instead of the pipe): as I420 (what the render pipes
  now) and, with ``--rgb``, as RGB (the baseline of the performance issue: what the render piped
  before), each timed before and after the render (the machine's load drifts) and averaged;
* the ratios total/bare, wall and CPU, the streaming encode's CPU over the bare encode's (the same
  work plus the pipe), and the SSIM of the encoded clip against its own frames;
* where the Python process's CPU goes: speech (the render's speech child, which loads the voice anew
  every render: the cold figure; ``bench/tts_speed.py --render`` splits it into parts and prints the
  warm figure beside it), painting, music and mix, frames;
* last, one ``GOAL`` line per goal of the render-speed issue (CPU ratio, peak summed RSS and SSIM
  at 60 s, RSS growth per extra minute up to the longest clip, file size with and without the x264
  chroma offset).

Each render runs in a fresh child process so that its peak RSS is its own. Motion: the storyboard
painter's layers (``paint_layers``: the characters as sprites with blink and mouth variants), rain
in one scene and snow in another; a painter without layers gets two stand-in characters a scene.
``--still`` renders plain keyframes with no weather (the file size against the old pipeline).

    .venv/bin/python bench/render_cpu.py [--seconds 15 60 120] [--still] [--no-baseline]

Other processes on the machine skew wall times; CPU times are steadier. Compare the CPU ratio.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np

# bench/ holds other scripts (e.g. bench/queue_bench.py) that would shadow the standard library: drop it
_HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]
sys.path.insert(0, str(_HERE.parent))

from PIL import Image, ImageDraw  # noqa: E402

from petreel.settings import load_settings  # noqa: E402
from render.audiometer import measure_loudness  # noqa: E402
from render.backends import default_backends  # noqa: E402
from render.composer import (  # noqa: E402
    encode_command,
    ffmpeg_exe,
    fit_audio,
    raw_input_args,
    write_wav,
)
from render.encoders import X264_CHROMA_QP_OFFSET  # noqa: E402
from render.pipeline import render_clip  # noqa: E402
from render.stages import (  # noqa: E402
    Backends,
    CancelFn,
    ClipInfo,
    KeyframePainter,
    LayeredPainter,
    ProgressFn,
    RenderSpec,
    SceneArt,
    Sprite,
    overscan_size,
)
from story.script import Script  # noqa: E402

ROWS = [
    ("street", "rags", "sad", "push_in", "Ginger shivers in the cold while the rich cat laughs.",
     "Mocked in the cold", "rain"),
    ("construction_site", "hard_hat", "tense", "pan_left", "Every day Ginger carries bricks until his paws ache.",
     "Working day and night", "clear"),
    ("office", "suit", "dramatic", "pull_out", "Years later, Ginger opens his own company.", "His own company",
     "clear"),
    ("mansion", "tuxedo", "triumphant", "tilt_up", "Ginger buys the mansion next door.", "The mansion is his",
     "clear"),
    ("rooftop", "crown", "happy", "static", "The white cat's jaw drops. Ginger just smiles.", "Who is laughing now?",
     "clear"),
    ("park", "none", "calm", "pan_right", "And he shares his fish with every stray in town.", "Kindness wins",
     "snow"),
    ("restaurant", "suit", "funny", "tilt_down", "The white cat now washes the dishes.", "Tables turned", "clear"),
    ("stage", "tuxedo", "triumphant", "push_in", "Ginger is crowned cat of the year.", "Cat of the year", "clear"),
]
DIALOGUE = [  # per scene: (hero's line, rival's line); the speech sets each scene's length
    ("Please, it is so cold out here tonight.", "Ha! Go home, you poor little stray cat."),
    ("One more brick, then one more after that.", "Look at him sweating in the dust all day."),
    ("Welcome to my new company, everyone.", "This cannot be real. He was a street cat."),
    ("I would like the big house next door, please.", "He bought the mansion? With what money?"),
    ("Good evening, neighbour. Lovely view, is it not?", "I have nothing to say. Nothing at all."),
    ("Fish for everyone! Nobody goes hungry today.", "Even the strays love him now. Unbelievable."),
    ("Could I have the soup, please? Thank you.", "Yes sir, right away sir. More soup, sir?"),
    ("Thank you all. I started with nothing at all.", "Fine. He deserves it. I can admit that."),
]
EXTRA = " Nobody on the street could believe what was happening."  # longer scenes: more to say
# scenes of 7 s or more (the 60 s and 120 s scripts) have both characters' lines, 5 s one of them, shorter none

MOTIONS = [("shiver", "idle"), ("idle", "bounce"), ("enter_left", "idle"), ("idle", "exit_right"),
           ("bounce", "shiver"), ("idle", "idle"), ("idle", "enter_right"), ("bounce", "idle")]


def scenes_for(seconds: float) -> int:
    """5 scenes of 3 s for 15 s, 8 for 60 s, 10 of 12 s for 120 s (the script's limits)."""
    return 5 if seconds <= 20 else 8 if seconds <= 90 else 10


def bench_script(seconds: float, still: bool = False) -> Script:
    n = scenes_for(seconds)
    rows = [ROWS[i % len(ROWS)] for i in range(n)]
    return Script.model_validate({
        "title": "The Ginger Comeback", "language": "en",
        "premise": "poor ginger cat mocked by rich white cat gets rich", "style": "ginger-cat",
        "characters": [
            {"id": "hero", "name": "Ginger", "species": "cat", "breed": "ginger tabby", "style": "ginger-cat",
             "look": "a small ginger tabby cat with orange fur, white chest and big green eyes"},
            {"id": "rival", "name": "Snow", "species": "cat", "breed": "white Persian", "style": "white-persian",
             "look": "a fluffy white Persian cat with a flat face, blue eyes and a haughty look"},
        ],
        "scenes": [
            {"location": loc, "setting": loc.replace("_", " "),
             "characters": [{"id": "hero", "expression": "determined", "outfit": outfit},
                            {"id": "rival", "expression": "smug", "outfit": "crown"}],
             "visual_prompt": f"{loc} scene",
             "narration": (text + (EXTRA if seconds / n >= 10 else "")) if seconds / n >= 5 else f"{caption}.",
             "dialogue": ([{"speaker": "hero", "text": hero}, {"speaker": "rival", "text": rival}]
                          if seconds / n >= 7 else [{"speaker": ("hero", "rival")[i % 2], "text": (hero, rival)[i % 2]}]
                          if seconds / n >= 5 else []),
             "caption": caption,
             "duration": seconds / n, "camera": camera, "mood": mood, "weather": "clear" if still else weather}
            for i, ((loc, outfit, mood, camera, text, caption, weather), (hero, rival)) in enumerate(zip(
                rows, [DIALOGUE[i % len(DIALOGUE)] for i in range(n)], strict=True))
        ],
    })


def stand_in_sprite(w: int, h: int, fur: tuple[int, int, int], variant: str) -> np.ndarray:
    """A cartoon-ish character (body, head, eyes, mouth) with straight alpha: the stand-in for a painted pet."""
    img = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    ink = (52, 38, 44, 255)
    d.ellipse((w * 0.12, h * 0.42, w * 0.88, h * 0.99), fill=(*fur, 255), outline=ink, width=4)
    d.ellipse((w * 0.05, h * 0.02, w * 0.95, h * 0.5), fill=(*fur, 255), outline=ink, width=4)
    for ex in (0.33, 0.67):
        if variant == "blink":
            d.line((w * (ex - 0.07), h * 0.24, w * (ex + 0.07), h * 0.24), fill=ink, width=5)
        else:
            d.ellipse((w * (ex - 0.06), h * 0.19, w * (ex + 0.06), h * 0.29), fill=(30, 120, 60, 255), outline=ink)
    if variant == "talk":
        d.ellipse((w * 0.42, h * 0.34, w * 0.58, h * 0.44), fill=(120, 30, 40, 255), outline=ink, width=3)
    else:
        d.line((w * 0.42, h * 0.38, w * 0.58, h * 0.38), fill=ink, width=4)
    return np.asarray(img).copy()


class StandInLayers:
    """A ``LayeredPainter`` over a plain painter: its keyframes plus two stand-in characters a scene."""

    def __init__(self, painter: KeyframePainter) -> None:
        self.painter = painter

    def paint(self, script: Script, spec: RenderSpec, progress: ProgressFn, should_cancel: CancelFn) -> list[Image.Image]:
        return self.painter.paint(script, spec, progress, should_cancel)

    def paint_layers(self, script: Script, spec: RenderSpec, progress: ProgressFn,
                     should_cancel: CancelFn) -> list[SceneArt]:
        keys = self.painter.paint(script, spec, progress, should_cancel)
        kw, kh = overscan_size(spec)
        feet = (kh - spec.height) / 2 + 0.74 * spec.height
        sw, sh = round(spec.width * 0.3), round(spec.height * 0.3)
        arts = []
        for i, (key, scene) in enumerate(zip(keys, script.scenes, strict=True)):
            sprites = []
            for j, (cid, fur, cx) in enumerate((("hero", (236, 150, 60), 0.3), ("rival", (245, 245, 240), 0.7))):
                rest, blink, talk = (stand_in_sprite(sw, sh, fur, v) for v in ("rest", "blink", "talk"))
                sprites.append(Sprite(rgba=rest, x=kw * cx - sw / 2, y=feet - sh, motion=MOTIONS[i % 8][j],
                                      blink=blink, talk=talk, speaker=cid, phase=0.37 * j))
            arts.append(SceneArt(background=key, sprites=sprites, weather=scene.weather))
        return arts


class StillOnly:
    """A painter's keyframes only (no layers): the clip as the old pipeline drew it, for size and SSIM."""

    def __init__(self, painter: KeyframePainter) -> None:
        self.painter = painter

    def paint(self, script: Script, spec: RenderSpec, progress: ProgressFn, should_cancel: CancelFn) -> list[Image.Image]:
        return self.painter.paint(script, spec, progress, should_cancel)


class RawDump:
    """A ``Composer`` that writes the frames to a raw file (as they come: I420) and the audio to a WAV."""

    def __init__(self, raw: Path, wav: Path) -> None:
        self.raw, self.wav = raw, wav
        self.n_frames = 0

    def compose(self, frames: Iterator[np.ndarray], audio: np.ndarray | Path, spec: RenderSpec, out_path: Path,
                n_frames: int, thumbnail: Path | None = None) -> ClipInfo:
        with self.raw.open("wb") as f:
            for frame in frames:
                f.write(np.ascontiguousarray(frame).data)
                self.n_frames += 1
        if isinstance(audio, Path):  # the pipeline's mastered WAV (removed once compose returns)
            shutil.copyfile(audio, self.wav)
        else:
            write_wav(self.wav, fit_audio(audio, n_frames / spec.fps))
        return ClipInfo(out_path, out_path, spec.width, spec.height, n_frames / spec.fps, 0)


class TimedNarrator:
    """The narrator with the CPU its calls take on their thread added up (in this process: a narrator
    that speaks in a child process is timed by the narration stage's CPU instead)."""

    def __init__(self, narrator: object) -> None:
        self.narrator, self.cpu = narrator, 0.0
        self.separate_process = getattr(narrator, "separate_process", False)

    def speak(self, text: str, language: str, voice: object) -> np.ndarray | None:
        t0 = time.thread_time()
        try:
            return self.narrator.speak(text, language, voice)  # type: ignore[attr-defined, no-any-return]
        finally:
            self.cpu += time.thread_time() - t0

    def speak_lines(self, lines: list[tuple[str, object]], language: str) -> Iterator[np.ndarray | None]:
        """All lines at once where the narrator can (the piper voice packs them), else line by line."""
        at_once = getattr(self.narrator, "speak_lines", None)
        said = at_once(lines, language) if at_once else (self.narrator.speak(t, language, v)  # type: ignore[attr-defined]
                                                         for t, v in lines)
        while True:
            t0 = time.thread_time()
            try:
                audio = next(said)
            except StopIteration:
                return
            finally:
                self.cpu += time.thread_time() - t0
            yield audio


class TimedPainter:
    """The painter with the CPU of its paint on the calling thread."""

    def __init__(self, painter: object) -> None:
        self.painter, self.cpu = painter, 0.0

    def paint(self, script: Script, spec: RenderSpec, progress: ProgressFn, should_cancel: CancelFn) -> list[Image.Image]:
        return self.painter.paint(script, spec, progress, should_cancel)  # type: ignore[attr-defined, no-any-return]

    def paint_layers(self, script: Script, spec: RenderSpec, progress: ProgressFn,
                     should_cancel: CancelFn) -> list[SceneArt]:
        t0 = time.thread_time()
        try:
            return self.painter.paint_layers(script, spec, progress, should_cancel)  # type: ignore[attr-defined, no-any-return]
        finally:
            self.cpu += time.thread_time() - t0


class SideRuns:
    """The CPU of the render's ffmpeg runs other than its streaming encode: the loudness measurements
    (the mixer's of its mix, the composer's check of the decoded AAC) and the
    encoder probe, each timed as the finished-children CPU it adds (each runs to its end, alone, on
    the calling thread). The streaming encode is what remains of the ffmpeg figure."""

    def __init__(self) -> None:
        self.cpu: dict[str, float] = {}
        self.runs: dict[str, int] = {}

    def wrap(self, module: object, name: str, label: str) -> None:
        fn = getattr(module, name)

        def timed(*args: object, **kwargs: object) -> object:
            c0 = cpu_seconds() - cpu_seconds(children=False)
            try:
                return fn(*args, **kwargs)
            finally:
                self.cpu[label] = self.cpu.get(label, 0.0) + cpu_seconds() - cpu_seconds(children=False) - c0
                self.runs[label] = self.runs.get(label, 0) + 1

        setattr(module, name, timed)


def cpu_seconds(children: bool = True) -> float:
    """User + system CPU of this process and (unless ``children`` is False) its finished children."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    own = me.ru_utime + me.ru_stime
    if not children:
        return own
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own + kids.ru_utime + kids.ru_stime


class MemorySampler:
    """Every ``interval`` s, from a thread: the summed RSS of this process and its Python descendants
    alive at that moment (the speech child), and of its other descendants (ffmpeg, espeak-ng); peaks
    overall and per stage. A child between ``vfork`` and ``exec`` (ffmpeg being started) shares this
    process's memory (the same ``statm``) and is not a Python process of its own: it is left out, and
    a Python descendant counts from its second sample on (a plain ``fork`` before an ``exec``).
    ``cpu()``: the sampler thread's own CPU, which the bench leaves out of the render's."""

    def __init__(self, interval: float = 0.02) -> None:
        self.interval, self.stage = interval, "start"
        self.python_peak = self.other_peak = 0.0
        self.stage_peaks: dict[str, float] = {}
        self.samples = 0
        self._python = os.path.realpath(sys.executable)
        self._page = os.sysconf("SC_PAGE_SIZE")
        self._seen: set[int] = set()  # Python descendants of the sample before
        self._cpu_at_exit = 0.0
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="rss-sampler", daemon=True)

    def __enter__(self) -> MemorySampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def cpu(self) -> float:
        if self._thread.ident is None or not self._thread.is_alive():
            return self._cpu_at_exit
        return time.clock_gettime(time.pthread_getcpuclockid(self._thread.ident))

    def _descendants(self, pid: int) -> list[int]:
        out, todo = [], [pid]
        while todo:
            p = todo.pop()
            try:
                tasks = os.listdir(f"/proc/{p}/task")
            except OSError:
                continue
            for tid in tasks:
                try:
                    with open(f"/proc/{p}/task/{tid}/children") as f:
                        kids = [int(k) for k in f.read().split()]
                except OSError:
                    continue
                out += kids
                todo += kids
        return out

    @staticmethod
    def _statm(pid: int) -> str:
        try:
            with open(f"/proc/{pid}/statm") as f:
                return f.read()
        except OSError:
            return ""  # gone meanwhile

    def _mib(self, statm: str) -> float:
        fields = statm.split()
        return int(fields[1]) * self._page / 2**20 if len(fields) > 1 else 0.0

    def sample(self) -> None:
        with self._lock:
            me = os.getpid()
            mine = self._statm(me)
            python, other, seen = self._mib(mine), 0.0, set()
            for pid in self._descendants(me):
                try:
                    exe = os.readlink(f"/proc/{pid}/exe")
                except OSError:
                    continue
                statm = self._statm(pid)
                if exe == self._python:
                    if statm in (mine, self._statm(me)):  # vfork: this process's own memory
                        continue
                    seen.add(pid)
                    if pid in self._seen:
                        python += self._mib(statm)
                else:
                    other += self._mib(statm)
            self._seen = seen
            self.python_peak, self.other_peak = max(self.python_peak, python), max(self.other_peak, other)
            self.stage_peaks[self.stage] = max(self.stage_peaks.get(self.stage, 0.0), python)
            self.samples += 1

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.sample()
        self._cpu_at_exit = time.thread_time()


def spec_of(args: argparse.Namespace) -> RenderSpec:
    settings = load_settings()
    return RenderSpec(width=args.width, height=args.height, fps=args.fps, crf=settings.render.crf,
                      preset=settings.render.preset, seed=11)


def child(args: argparse.Namespace) -> int:
    """One render in this (fresh) process; prints its figures as JSON on the last line."""
    settings = load_settings()
    spec = spec_of(args)
    script = bench_script(args.seconds, args.still)
    b = default_backends(settings)
    painter: object = b.painter
    if args.still:
        painter = StillOnly(b.painter)
    elif not isinstance(b.painter, LayeredPainter):
        painter = StandInLayers(b.painter)
    work = Path(args.work)
    dump = RawDump(work / "frames.yuv", work / "audio.wav")
    composer = dump if args.dump else b.composer
    narrator = TimedNarrator(b.narrator)
    timed_painter = TimedPainter(painter) if isinstance(painter, LayeredPainter) else None
    backends = Backends(timed_painter or painter, b.animator, narrator, b.music, composer)  # type: ignore[arg-type]
    marks: list[tuple[str, float, float, float]] = []  # stage, wall, own CPU, own + children CPU
    sampler = MemorySampler()
    side = SideRuns()
    import render.composer
    import render.mixer

    side.wrap(render.mixer, "measure_loudness", "mixer loudness")
    side.wrap(render.composer, "measure_loudness", "clip loudness")
    side.wrap(render.composer, "choose_encoder", "encoder probe")

    def own_cpu() -> float:  # this process without the sampler thread
        return cpu_seconds(children=False) - sampler.cpu()

    def progress(stage: str, fraction: float) -> None:
        if not marks or marks[-1][0] != stage:
            marks.append((stage, time.perf_counter(), own_cpu(), own_cpu() + cpu_seconds() - cpu_seconds(False)))
            sampler.stage = stage

    with sampler:
        own0, t0 = own_cpu(), time.perf_counter()
        cpu0 = own0 + cpu_seconds() - cpu_seconds(False)
        info = render_clip(script, work / "clip.mp4", backends, spec, progress)
        total, own = time.perf_counter() - t0, own_cpu() - own0
        cpu = own0 + own + cpu_seconds() - cpu_seconds(False) - cpu0
    ends = [*marks[1:], ("end", t0 + total, own0 + own, cpu0 + cpu)]
    stages = {name: {"wall": round(end[1] - at, 2), "python_cpu": round(end[2] - c, 2),
                     "cpu": round(end[3] - call, 2), "rss_mib": round(sampler.stage_peaks.get(name, 0.0))}
              for (name, at, c, call), end in zip(marks, ends, strict=True)}
    stages[marks[0][0]]["wall"] = round(ends[0][1] - t0, 2)  # the first stage starts with the render
    # the speech child's CPU: everything the narration stage spent beyond this process (no ffmpeg runs
    # then), or the narrator's calls timed on this process's threads
    narration = stages.get("narration", {"cpu": 0.0, "python_cpu": 0.0})
    speech_child = narration["cpu"] - narration["python_cpu"] if narrator.separate_process else 0.0
    me = resource.getrusage(resource.RUSAGE_SELF)
    print(json.dumps({
        "wall": total, "cpu": cpu, "python_cpu": own + speech_child, "ffmpeg_cpu": cpu - own - speech_child,
        "frames": dump.n_frames or round(info.duration * spec.fps), "size": info.size_bytes,
        "duration": info.duration, "rss_mib": sampler.python_peak, "rss_self_mib": me.ru_maxrss / 1024,
        "rss_ffmpeg_mib": sampler.other_peak, "rss_samples": sampler.samples, "stages": stages,
        "tts_cpu": speech_child + narration["python_cpu"] if narrator.separate_process else narrator.cpu,
        "paint_cpu": timed_painter.cpu if timed_painter else 0.0,
        "side_cpu": side.cpu, "side_runs": side.runs,
        "threads": getattr(b.composer, "threads", 0),  # the bare encode runs with the same
    }))
    return 0


def run_child(args: argparse.Namespace, work: Path, dump: bool) -> dict:
    cmd = [sys.executable, __file__, "--child", "--work", str(work), "--seconds", str(args.seconds),
           "--width", str(args.width), "--height", str(args.height), "--fps", str(args.fps)]
    cmd += ["--dump"] if dump else []
    cmd += ["--still"] if args.still else []
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def bare_encode(spec: RenderSpec, raw: Path, wav: Path, out: Path, pix_fmt: str, threads: int,
                chroma_qp_offset: int | None = None) -> tuple[float, float]:
    """Wall and CPU seconds of ffmpeg encoding the raw frames + audio with the very command the
    composer streams to (``render.composer.encode_command``: the same x264 options and threads; the
    frames come from a file instead of the pipe). ``chroma_qp_offset``: x264's chroma offset instead
    of the composer's; ``threads``: the render composer's x264 threads."""
    frame_bytes = spec.width * spec.height * 3 if pix_fmt == "rgb24" else spec.width * spec.height * 3 // 2
    n_frames = raw.stat().st_size // frame_bytes
    cmd = encode_command(ffmpeg_exe(), spec, str(raw), pix_fmt, wav, n_frames, out, threads)
    if chroma_qp_offset is not None:
        at = cmd.index("-x264-params") + 1
        cmd[at] = cmd[at].replace(f"chroma-qp-offset={X264_CHROMA_QP_OFFSET}", f"chroma-qp-offset={chroma_qp_offset}")
    cpu0, t0 = cpu_seconds(), time.perf_counter()
    subprocess.run(cmd, check=True)
    return time.perf_counter() - t0, cpu_seconds() - cpu0


def ssim(spec: RenderSpec, clip: Path, raw: Path) -> str:
    cmd = [ffmpeg_exe(), "-hide_banner", "-i", str(clip), *raw_input_args(spec, str(raw)),
           "-lavfi", "[0:v][1:v]ssim", "-f", "null", "-"]
    err = subprocess.run(cmd, capture_output=True, text=True, check=False).stderr
    line = next((ln for ln in err.splitlines() if "SSIM Y:" in ln), "")
    return line[line.index("SSIM") :] if line else "n/a"


def to_rgb(spec: RenderSpec, raw: Path, dest: Path) -> None:
    """The I420 dump as rgb24 with the same BT.709 matrix (the frames as the old pipeline piped them)."""
    cmd = [ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-y", *raw_input_args(spec, str(raw)),
           "-vf", "scale=in_color_matrix=bt709:in_range=tv,format=rgb24", "-f", "rawvideo", str(dest)]
    subprocess.run(cmd, check=True)


def bench_one(args: argparse.Namespace, spec: RenderSpec) -> dict:
    script = bench_script(args.seconds, args.still)
    with tempfile.TemporaryDirectory(prefix="petreel-bench-") as tmp:
        work = Path(tmp)
        print(f"== {script.duration:.0f} s clip, {len(script.scenes)} scenes, "
              f"{'still keyframes' if args.still else 'motion (sprites, rain, snow)'} + subtitles; "
              f"load={os.getloadavg()[0]:.2f}")
        raw, wav = work / "frames.yuv", work / "audio.wav"
        bare: list[tuple[float, float]] = []
        bare_rgb: list[tuple[float, float]] = []
        if not args.no_baseline:
            threads = run_child(args, work, dump=True)["threads"]  # untimed: the same seed gives the same frames
            bare.append(bare_encode(spec, raw, wav, work / "bare.mp4", "yuv420p", threads))
        r = run_child(args, work, dump=False)
        print(f"total {r['wall']:.1f} s  frames {r['frames']}  {r['frames'] / r['wall']:.1f} frames/s  "
              f"cpu {r['cpu']:.1f} core-s (python {r['python_cpu']:.1f}, ffmpeg {r['ffmpeg_cpu']:.1f})  "
              f"size {r['size'] / 1e6:.2f} MB ({r['size']} B)  load={os.getloadavg()[0]:.2f}")
        print(f"peak RSS: python processes summed {r['rss_mib']:.0f} MiB (render process + speech child, "
              f"{r['rss_samples']} samples at 20 ms)  render process ru_maxrss {r['rss_self_mib']:.0f} MiB  "
              f"ffmpeg {r['rss_ffmpeg_mib']:.0f} MiB  clip {r['duration']:.1f} s")
        print("peak summed python RSS per stage: " + "  ".join(f"{k} {v['rss_mib']} MiB" for k, v in r["stages"].items()))
        print("stages " + "  ".join(f"{k} {v['wall']:.1f}s wall / {v['python_cpu']:.1f} py-core-s"
                                    for k, v in r["stages"].items()))
        frames_cpu = r["stages"].get("compose", {}).get("python_cpu", 0.0)
        print(f"python core-s: speech (TTS, cold) {r['tts_cpu']:.1f}  painting {r['paint_cpu']:.1f}  "
              f"music+mix {r['stages'].get('music', {}).get('python_cpu', 0.0):.1f}  frames+pipe {frames_cpu:.1f}  "
              f"({1000 * frames_cpu / max(1, r['frames']):.2f} ms a frame)")
        side = sum(r["side_cpu"].values())
        encode_cpu = r["ffmpeg_cpu"] - side
        print(f"ffmpeg core-s: streaming encode {encode_cpu:.2f}  "
              + "  ".join(f"{k} {v:.2f} ({r['side_runs'][k]} run{'s' * (r['side_runs'][k] > 1)})"
                          for k, v in r["side_cpu"].items()))
        out = {"seconds": args.seconds, "duration": r["duration"], "rss": r["rss_mib"], "rss_self": r["rss_self_mib"],
               "size": r["size"],
               "cpu": r["cpu"], "bare_cpu": None, "ssim": None, "size_no_offset": None, "size_bare": None,
               "lufs": None, "true_peak": None}
        if args.no_baseline:
            return out
        if r["threads"] != threads:
            raise SystemExit(f"the render's x264 threads {r['threads']} differ from the bare encode's {threads}")
        bare.append(bare_encode(spec, raw, wav, work / "bare.mp4", "yuv420p", threads))
        # the mean of the runs before and after the render (the load drifts; the render is one run)
        wall, bare_cpu = (sum(x) / len(bare) for x in zip(*bare, strict=True))
        out["bare_cpu"] = bare_cpu
        print(f"bare I420 encode {' / '.join(f'{w:.1f}' for w, _ in bare)} s, cpu "
              f"{' / '.join(f'{c:.2f}' for _, c in bare)} core-s (mean {bare_cpu:.2f})  "
              f"ratio total/bare {r['wall'] / wall:.2f} (wall)  {r['cpu'] / bare_cpu:.2f} (cpu)  "
              f"streaming encode/bare {encode_cpu / bare_cpu:.3f}")
        if args.rgb:
            to_rgb(spec, raw, work / "frames.rgb")
            for _ in range(2):
                bare_rgb.append(bare_encode(spec, work / "frames.rgb", wav, work / "bare-rgb.mp4", "rgb24", threads))
            (work / "frames.rgb").unlink()
            wall_rgb, cpu_rgb = min(bare_rgb)
            print(f"bare RGB encode (the old pipe) {' / '.join(f'{w:.1f}' for w, _ in bare_rgb)} s, "
                  f"cpu {cpu_rgb:.1f} core-s  ratio total/bare-RGB {r['wall'] / wall_rgb:.2f} (wall)  "
                  f"{r['cpu'] / cpu_rgb:.2f} (cpu)")
        line = ssim(spec, work / "clip.mp4", raw)
        print(f"SSIM of the clip against its own frames: {line}")
        if "All:" in line:
            out["ssim"] = float(line.split("All:")[1].split()[0])
        heard = measure_loudness(work / "clip.mp4", ffmpeg_exe())  # untimed: the delivered file, decoded
        out["lufs"], out["true_peak"] = heard.integrated, heard.true_peak
        print(f"loudness of the clip (its AAC decoded): {heard.integrated:.1f} LUFS, true peak {heard.true_peak:.1f} dBTP")
        if args.seconds == 60:  # the chroma offset's cost: the same frames without it
            bare_encode(spec, raw, wav, work / "bare-offset0.mp4", "yuv420p", threads,
                        chroma_qp_offset=0)
            out["size_no_offset"] = (work / "bare-offset0.mp4").stat().st_size
            out["size_bare"] = (work / "bare.mp4").stat().st_size
            print(f"bare encode size {(work / 'bare.mp4').stat().st_size} B; without the chroma offset "
                  f"{out['size_no_offset']} B")
        return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seconds", type=float, nargs="+", default=[15.0, 60.0, 120.0])
    ap.add_argument("--width", type=int, default=720)
    ap.add_argument("--height", type=int, default=1280)
    ap.add_argument("--fps", type=int, default=24)
    ap.add_argument("--still", action="store_true", help="plain keyframes: no sprites, no weather")
    ap.add_argument("--rgb", action="store_true", help="also time the RGB bare encode (the old pipe)")
    ap.add_argument("--no-baseline", action="store_true", help="skip the bare-encode comparison")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--dump", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--work", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        args.seconds = args.seconds[0]
        return child(args)
    spec = spec_of(args)
    print(f"cpus={os.cpu_count()} load={os.getloadavg()[0]:.2f} spec={spec.width}x{spec.height}@{spec.fps} "
          f"preset={spec.preset} crf={spec.crf}")
    results = [bench_one(argparse.Namespace(**{**vars(args), "seconds": seconds}), spec) for seconds in args.seconds]
    goals(results)
    return 0


def verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else "met" if ok else "NOT met"


def goals(results: list[dict]) -> None:
    """One line per goal of the render-speed issue, from the figures of this run."""
    sixty = next((r for r in results if r["seconds"] == 60), None)
    print("== goals")
    if sixty is None:
        print("GOAL (no 60 s clip in this run: --seconds 60 gives the goal lines)")
        return
    ratio = sixty["cpu"] / sixty["bare_cpu"] if sixty["bare_cpu"] else None
    print(f"GOAL cpu ratio to the bare encode, 60 s script ({sixty['duration']:.1f} s clip): "
          + (f"{ratio:.2f} (target <= 1.30): {verdict(ratio <= 1.3)}" if ratio else "n/a (--no-baseline)"))
    print(f"GOAL peak RSS (python processes summed), 60 s script: {sixty['rss']:.0f} MiB (target <= 400): "
          f"{verdict(sixty['rss'] <= 400)}  (render process ru_maxrss {sixty['rss_self']:.0f} MiB)")
    longest = max(results, key=lambda r: r["duration"])
    if longest["duration"] > sixty["duration"] + 1:
        growth = (longest["rss"] - sixty["rss"]) / ((longest["duration"] - sixty["duration"]) / 60)
        print(f"GOAL RSS growth: {growth:.0f} MiB per extra minute of clip ({sixty['duration']:.1f} s -> "
              f"{longest['duration']:.1f} s: {sixty['rss']:.0f} -> {longest['rss']:.0f} MiB) (target <= 50): "
              f"{verdict(growth <= 50)}")
    else:
        print("GOAL RSS growth: n/a (add a longer clip: --seconds 60 120)")
    ssim_all = sixty["ssim"]
    print("GOAL SSIM of the clip against its own frames, 60 s script: "
          + (f"All {ssim_all:.4f} (target >= 0.99): {verdict(ssim_all >= 0.99)}" if ssim_all else "n/a"))
    extra = (f"; the bare encode of its frames {sixty['size_bare']} B, without the chroma offset "
             f"{sixty['size_no_offset']} B (the offset costs "
             f"{100 * (sixty['size_bare'] / sixty['size_no_offset'] - 1):+.1f} %)") if sixty["size_no_offset"] else ""
    print(f"GOAL file size at crf 23, 60 s script: {sixty['size']} B{extra}")
    if sixty.get("lufs") is not None:
        ok = abs(sixty["lufs"] + 16.0) <= 1.0 and sixty["true_peak"] <= -1.0
        print(f"GOAL loudness of the delivered 60 s clip (AAC decoded): {sixty['lufs']:.1f} LUFS, true peak "
              f"{sixty['true_peak']:.1f} dBTP (target -16 +/- 1 LUFS, <= -1.0 dBTP): {verdict(ok)}")


if __name__ == "__main__":
    raise SystemExit(main())
