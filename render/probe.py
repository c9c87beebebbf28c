"""ffprobe-style facts about an encoded clip (codec, profile, pixel format, size, audio, faststart).

``probe(path)`` uses ``ffprobe`` when it is on PATH and falls back to parsing ``ffmpeg -i`` (the
imageio-ffmpeg binary). Whether the ``moov`` atom precedes ``mdat`` (``+faststart``, needed for
inline playback while downloading) is read from the top-level MP4 boxes by ``petreel.mp4``.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

from petreel.mp4 import is_faststart

_VIDEO_RE = re.compile(
    r"Stream #\d+:\d+.*?: Video: (?P<codec>\w+)(?: \((?P<profile>[^)]*)\))?.*?, "
    r"(?P<pix_fmt>[a-z0-9_]+)(?:\([^)]*\))?, (?P<w>\d+)x(?P<h>\d+)"
)
_AUDIO_RE = re.compile(r"Stream #\d+:\d+.*?: Audio: (?P<codec>\w+)(?: \((?P<profile>[^)]*)\))?.*?, (?P<rate>\d+) Hz")
_DURATION_RE = re.compile(r"Duration: (\d+):(\d+):(\d+(?:\.\d+)?)")
_FPS_RE = re.compile(r", (\d+(?:\.\d+)?) fps")


def probe(path: Path, *, use_ffprobe: bool = True) -> dict[str, Any]:
    """Facts about the clip at ``path``; keys are the same whichever tool answered."""
    path = Path(path)
    ffprobe = shutil.which("ffprobe") if use_ffprobe else None
    facts = _with_ffprobe(ffprobe, path) if ffprobe else _with_ffmpeg(path)
    facts["faststart"] = is_faststart(path)
    facts["size_bytes"] = path.stat().st_size
    return facts


def _empty() -> dict[str, Any]:
    return {
        "video_codec": None, "profile": None, "pix_fmt": None, "width": 0, "height": 0, "fps": 0.0,
        "duration": 0.0, "has_audio": False, "audio_codec": None, "audio_sample_rate": 0,
    }


def _with_ffprobe(exe: str, path: Path) -> dict[str, Any]:
    cmd = [exe, "-v", "error", "-print_format", "json", "-show_streams", "-show_format", str(path)]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=60, check=True).stdout
    data = json.loads(out)
    facts = _empty()
    facts["source"] = "ffprobe"
    facts["duration"] = float(data.get("format", {}).get("duration", 0.0))
    for stream in data.get("streams", []):
        if stream.get("codec_type") == "video" and facts["video_codec"] is None:
            num, _, den = str(stream.get("avg_frame_rate", "0/1")).partition("/")
            facts.update(
                video_codec=stream.get("codec_name"), profile=stream.get("profile"),
                pix_fmt=stream.get("pix_fmt"), width=int(stream.get("width", 0)),
                height=int(stream.get("height", 0)), fps=float(num) / float(den or 1) if float(den or 1) else 0.0,
            )
        elif stream.get("codec_type") == "audio" and not facts["has_audio"]:
            facts.update(
                has_audio=True, audio_codec=stream.get("codec_name"),
                audio_sample_rate=int(stream.get("sample_rate", 0)),
            )
    return facts


def _with_ffmpeg(path: Path) -> dict[str, Any]:
    import imageio_ffmpeg

    cmd = [imageio_ffmpeg.get_ffmpeg_exe(), "-hide_banner", "-i", str(path)]
    # ffmpeg exits 1 ("At least one output file must be specified") after printing the facts.
    text = subprocess.run(cmd, capture_output=True, text=True, timeout=60, check=False).stderr
    return parse_ffmpeg_info(text)


def parse_ffmpeg_info(text: str) -> dict[str, Any]:
    """Parse the stream summary ``ffmpeg -i`` prints (pure; used when ffprobe is missing)."""
    facts = _empty()
    facts["source"] = "ffmpeg"
    if m := _DURATION_RE.search(text):
        facts["duration"] = int(m[1]) * 3600 + int(m[2]) * 60 + float(m[3])
    if m := _VIDEO_RE.search(text):
        facts.update(
            video_codec=m["codec"], profile=m["profile"], pix_fmt=m["pix_fmt"],
            width=int(m["w"]), height=int(m["h"]),
        )
        line = text[m.start():].splitlines()[0]
        if f := _FPS_RE.search(line):
            facts["fps"] = float(f[1])
    if m := _AUDIO_RE.search(text):
        facts.update(has_audio=True, audio_codec=m["codec"], audio_sample_rate=int(m["rate"]))
    return facts
