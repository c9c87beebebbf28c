"""The CPU stage set: the procedural storyboard painter, Ken Burns camera, piper/espeak narration,
synthesised music and the streaming ffmpeg composer. Needs no GPU and no extra."""

from __future__ import annotations

from petreel.settings import Settings
from render.animator import KenBurnsAnimator
from render.composer import FfmpegComposer
from render.music import SilentMusic, SynthMusic
from render.narrator import PiperNarrator, SilentNarrator
from render.painter import StoryboardPainter
from render.stages import Backends


def cpu_backends(settings: Settings) -> Backends:
    """The storyboard stages, configured by ``settings.render`` (construct once per process)."""
    return Backends(
        painter=StoryboardPainter(),
        animator=KenBurnsAnimator(),
        narrator=(PiperNarrator(cache_dir=settings.data_dir / "cache", engine=settings.render.voice_engine,
                                free_latent=True)
                  if settings.render.narration else SilentNarrator()),
        music=SynthMusic() if settings.render.music else SilentMusic(),
        composer=FfmpegComposer(max_bytes=settings.telegram.max_upload_mb * 1024 * 1024,
                                encoder=settings.render.encoder),
        name="storyboard",
    )
