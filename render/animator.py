"""Ken Burns camera moves over an overscanned keyframe, and crossfades between scenes.

Camera maths is pure (``view_rect``): for each frame, an eased view window (x, y, w, h) in
keyframe pixels, in float, so motion is sub-pixel smooth. ``KenBurnsAnimator`` samples frames
from the keyframe through that window:

* ``quality="fast"`` (default): the keyframe is upsampled once per scene by ``SUPERSAMPLE`` (2x,
  bilinear) and each frame is a NEAREST lookup into it (a resize with a float box). That is
  bilinear interpolation with sample positions quantised to 1/2 keyframe pixel (at most 1/4 px
  off; a pan tracks an edge to ~0.1 px, 3x gives ~0.07 px) at ~1 ms a frame instead of ~11-20 ms
  for a bilinear resize: no integer-pixel stepping. 2x rather than 3x: the 4x smaller upsampled
  image stays far more cache-friendly (frame sampling ~30% cheaper on the 2-core bench).
* ``quality="exact"``: a Pillow bilinear ``resize`` with a float source box every frame.

A static camera renders one frame and repeats copies of it.

``layered_frames`` is the render path (``render.stages.LayeredAnimator``): frames are I420
(``render.yuv``) from the start. The background is converted to Y/U/V planes once per scene and
each frame is a bilinear lookup of the three planes through the camera window (``render.warp``,
OpenCV's fixed-point warp on one thread) written straight into the frame's buffer. Sprites
(``render.layers.SpriteLayer``) are pasted at their pose of the moment (idle breathing, blinks, the
mouth while their speaker's line plays, slides in and out; standing ones on twos,
``render.motion.pose_time``) onto the background at keyframe size (``render.layers.SpriteStage``)
before that lookup, so one lookup a frame draws background and characters; a static camera samples
the background once and looks up again only the box the sprites cover. Falling weather
(``render.layers.WeatherLayer``) goes on top. ``heads`` says where each speaking sprite's head
is drawn in those frames (the same windows and poses; pure maths, no pixels), for the subtitles'
name tag and marker to follow.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Literal, TypeVar

import cv2
import numpy as np
from PIL import Image

from render.layers import Box, SpriteLayer, SpriteStage, WeatherLayer, placement
from render.motion import blinking, mouth_open, pose, pose_time
from render.stages import RenderSpec, SceneArt, SceneTiming
from render.warp import chroma_map, luma_map, warp
from render.yuv import new_frame, planes, rgb_to_i420
from story.script import Scene

Rect = tuple[float, float, float, float]  # x, y, w, h in keyframe pixels
T = TypeVar("T")
R = TypeVar("R")

ZOOM = 1.18  # push-in / pull-out end zoom, relative to the widest view
PAN_ZOOM = 1.14  # zoom held while panning (gives room to move)
TILT_ZOOM = 1.2  # zoom held while tilting; the tilt runs between the keyframe's bottom and the focus
STATIC_ZOOM = 1.04
FOCUS_Y = 0.54  # zoom towards this height (characters sit in the lower middle)
SUPERSAMPLE = 2
MAX_SUPERSAMPLED_PIXELS = 24_000_000
XFADE_S = 0.4  # crossfade between scenes
WORKERS = 1  # 2 on a dedicated box: Pillow and numpy release the GIL (costs ~15% more CPU)


def ordered_map(fn: Callable[[T], R], items: Sequence[T], workers: int, ahead: int = 4) -> Iterator[R]:
    """``map(fn, items)`` on ``workers`` threads, in order, with at most ``ahead`` results pending."""
    if workers <= 1 or len(items) < 2:
        yield from map(fn, items)
        return
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="frames") as pool:
        pending: deque[Future[R]] = deque()
        for item in items:
            pending.append(pool.submit(fn, item))
            if len(pending) > ahead:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def ease(u: float) -> float:
    """Smoothstep ease-in-out on [0, 1]."""
    u = min(1.0, max(0.0, u))
    return u * u * (3.0 - 2.0 * u)


def base_view(key_w: int, key_h: int, out_w: int, out_h: int) -> tuple[float, float]:
    """The largest window with the output's aspect ratio that fits in the keyframe."""
    aspect = out_w / out_h
    return (float(key_w), key_w / aspect) if key_w / key_h <= aspect else (key_h * aspect, float(key_h))


def view_rect(camera: str, u: float, key_w: int, key_h: int, out_w: int, out_h: int) -> Rect:
    """Window of the keyframe shown at progress ``u`` in [0, 1] of the scene (eased inside)."""
    e = ease(u)
    bw, bh = base_view(key_w, key_h, out_w, out_h)
    cx, cy = key_w / 2, key_h * FOCUS_Y
    if camera == "push_in":
        zoom = 1.0 + (ZOOM - 1.0) * e
    elif camera == "pull_out":
        zoom = ZOOM - (ZOOM - 1.0) * e
    elif camera in ("pan_left", "pan_right"):
        zoom = PAN_ZOOM
    elif camera in ("tilt_up", "tilt_down"):
        zoom = TILT_ZOOM
    else:
        zoom = STATIC_ZOOM
    w, h = bw / zoom, bh / zoom
    # room to move inside the keyframe, then the move itself
    room_x = (key_w - w) / 2
    if camera == "pan_left":  # the camera turns left: the window slides from right to left
        cx = key_w / 2 + room_x * (1 - 2 * e)
    elif camera == "pan_right":
        cx = key_w / 2 - room_x * (1 - 2 * e)
    elif camera in ("tilt_up", "tilt_down"):
        # between the lowest window and the focus (never above it: the ground line would sink
        # into the caption zone); tilt_up ends on the focus, tilt_down starts there
        low, focus = key_h - h / 2, min(max(cy, h / 2), key_h - h / 2)
        cy = low + (focus - low) * (e if camera == "tilt_up" else 1 - e)
    x = min(max(cx - w / 2, 0.0), key_w - w)
    y = min(max(cy - h / 2, 0.0), key_h - h)
    return x, y, w, h


def camera_rects(camera: str, key_w: int, key_h: int, spec: RenderSpec, n_frames: int) -> list[Rect]:
    """The view window of each frame of a scene."""
    return [view_rect(camera, u, key_w, key_h, spec.width, spec.height) for u in scene_progress(n_frames)]


def frame_point(rect: Rect, width: int, height: int, kx: float, ky: float) -> tuple[float, float]:
    """Where keyframe point (``kx``, ``ky``) lands in a ``width`` x ``height`` frame showing ``rect``."""
    x, y, w, h = rect
    return (kx - x) * width / w, (ky - y) * height / h


def head_of(rgba: np.ndarray, crown: float = 0.25) -> tuple[float, float] | None:
    """A sprite's head in its own pixels: the top row of its body (the largest connected shape, so
    the music notes, sweat drops or "!" floating over a pet are not its head) and the centre of the
    body's top ``crown`` of its height (ears and head, not a pointing arm or a tail); None if empty."""
    if rgba.ndim != 3 or rgba.shape[2] != 4:
        return None
    # shapes found at half resolution (a quarter of the work; the head is then known to a pixel)
    n, labels, stats, _ = cv2.connectedComponentsWithStats((rgba[::2, ::2, 3] > 64).astype(np.uint8),
                                                          connectivity=8)
    if n < 2:
        return None
    body = 1 + int(np.argmax(stats[1:, cv2.CC_STAT_AREA]))
    top, height = int(stats[body, cv2.CC_STAT_TOP]), int(stats[body, cv2.CC_STAT_HEIGHT])
    cols = np.flatnonzero((labels[top: top + max(1, round(height * crown))] == body).any(axis=0))
    return float(cols[0] + cols[-1] + 1), 2.0 * top


def scene_progress(n_frames: int) -> list[float]:
    """Progress value of each frame of a scene (0 at the first frame, 1 at the last)."""
    return [i / (n_frames - 1) if n_frames > 1 else 0.0 for i in range(n_frames)]


class KenBurnsAnimator:
    """Implements ``render.stages.Animator``."""

    def __init__(self, quality: Literal["fast", "exact"] = "fast", supersample: int = SUPERSAMPLE,
                 workers: int = WORKERS) -> None:
        self.quality = quality
        self.supersample = supersample
        self.workers = workers  # threads sampling frames (in order)
        self._weather_cache: dict[str, object] = {}

    def frames(self, keyframe: Image.Image, scene: Scene, spec: RenderSpec, n_frames: int) -> Iterator[np.ndarray]:
        key = keyframe if keyframe.mode == "RGB" else keyframe.convert("RGB")
        out = (spec.width, spec.height)
        rects = [view_rect(scene.camera, u, key.width, key.height, *out) for u in scene_progress(n_frames)]
        if scene.camera == "static" or len(set(rects)) == 1:
            still = np.asarray(self._exact(key, rects[0], out))
            for _ in range(n_frames):
                yield still.copy()
            return
        if self.quality == "exact":
            for rect in rects:
                yield np.array(self._exact(key, rect, out))
            return
        s = self._factor(key)
        big = key.resize((key.width * s, key.height * s), Image.Resampling.BILINEAR)

        def sample(rect: Rect) -> np.ndarray:
            x, y, w, h = rect
            # output pixel centre (i + 0.5) maps to keyframe x + (i + 0.5) * w / W, times s in `big`.
            # A NEAREST resize with a float box is that same scale-only affine lookup (Pillow's
            # precomputed-index path), without ``transform``'s filled destination: ~25% faster.
            box = (s * x, s * y, min(s * (x + w), big.width), min(s * (y + h), big.height))
            return np.array(big.resize(out, Image.Resampling.NEAREST, box=box))

        yield from ordered_map(sample, rects, self.workers)

    def layered_frames(self, art: SceneArt, scene: Scene, spec: RenderSpec, n_frames: int,
                       timing: SceneTiming) -> Iterator[np.ndarray]:
        """I420 frames of the camera over ``art`` with its sprites and weather moving."""
        camera = PlaneCamera(art.background)
        rects = camera_rects(scene.camera, camera.key_w, camera.key_h, spec, n_frames)
        sprites = [SpriteLayer(sp) for sp in art.sprites]
        weather = self._weather(art.weather, spec)
        still: np.ndarray | None = None
        if len(set(rects)) == 1:  # a static camera: sample the background once
            still = camera.sample(rects[0], spec.width, spec.height)
            if not sprites and weather is None:
                for _ in range(n_frames):
                    yield still.copy()
                return
        stage = SpriteStage(camera.y, camera.u, camera.v) if sprites else None
        for k, rect in enumerate(rects):
            box = None
            if stage is not None:  # the sprites pasted on the background where they are now
                t = timing.clip_time(k, spec.fps)
                placed = []
                for layer in sprites:
                    sp = layer.sprite
                    ts = pose_time(sp.motion, t, spec.fps)
                    at = pose(sp.motion, ts - timing.start, timing.duration, sp.phase, layer.box, camera.key_w)
                    variant = layer.variant(blinking(ts, sp.phase), mouth_open(ts, sp.speaker, timing.speech))
                    placed.append(layer.place(at, variant))
                box = stage.paste(placed)
            if still is None:  # the camera over the background and sprites in one lookup
                frame = camera.sample(rect, spec.width, spec.height, stage)
            else:  # the camera still: only where the sprites are is looked up again
                frame = still.copy()
                if box is not None and stage is not None:
                    camera.resample(frame, rect, box, stage)
            if weather is not None:
                weather.draw(frame, timing.clip_time(k, spec.fps))
            yield frame

    def heads(self, art: SceneArt, scene: Scene, spec: RenderSpec, n_frames: int,
              timing: SceneTiming) -> dict[str, np.ndarray]:
        """Where each speaking sprite's head is in each frame ``layered_frames`` gives for the same
        arguments (``render.stages.SpeakerTracker``): the camera window and the sprite's pose."""
        key_w, key_h = art.background.width & ~1, art.background.height & ~1
        rects = camera_rects(scene.camera, key_w, key_h, spec, n_frames)
        times = [timing.clip_time(k, spec.fps) for k in range(n_frames)]
        out: dict[str, np.ndarray] = {}
        for sp in art.sprites:
            head = head_of(sp.rgba)
            if sp.speaker is None or sp.speaker in out or head is None:
                continue
            h, w = sp.rgba.shape[:2]
            box = (sp.x, sp.y, float(w), float(h))
            path = np.empty((n_frames, 2))
            for k, (rect, t) in enumerate(zip(rects, times, strict=True)):
                at = pose(sp.motion, pose_time(sp.motion, t, spec.fps) - timing.start, timing.duration, sp.phase,
                          box, key_w)
                left, top, height = placement(box, at)  # as SpriteLayer.place draws it
                path[k] = frame_point(rect, spec.width, spec.height, left + head[0], top + head[1] * height / h)
            out[sp.speaker] = path
        return out

    def _weather(self, kind: str, spec: RenderSpec) -> WeatherLayer | None:
        if kind not in ("rain", "snow", "storm"):
            return None
        key = (kind, spec.width, spec.height, spec.seed)
        if self._weather_cache.get("key") != key:  # the same field for every scene of a render
            self._weather_cache = {"key": key, "layer": WeatherLayer(kind, spec.width, spec.height, spec.seed)}
        layer = self._weather_cache["layer"]
        assert isinstance(layer, WeatherLayer)
        return layer

    def _factor(self, key: Image.Image) -> int:
        fit = int(math.sqrt(MAX_SUPERSAMPLED_PIXELS / max(1, key.width * key.height)))
        return max(1, min(self.supersample, fit))

    @staticmethod
    def _exact(key: Image.Image, rect: Rect, out: tuple[int, int]) -> Image.Image:
        x, y, w, h = rect
        return key.resize(out, Image.Resampling.BILINEAR, box=(x, y, x + w, y + h))


class PlaneCamera:
    """A background as I420 planes (BT.709, converted once) that the camera samples bilinearly."""

    def __init__(self, background: Image.Image) -> None:
        key = background if background.mode == "RGB" else background.convert("RGB")
        self.key_w, self.key_h = key.width - key.width % 2, key.height - key.height % 2
        self.y, self.u, self.v = planes(rgb_to_i420(np.asarray(key)[: self.key_h, : self.key_w]))

    def sample(self, rect: Rect, width: int, height: int, stage: SpriteStage | None = None) -> np.ndarray:
        """A new I420 frame of the window ``rect`` (keyframe pixels) of the background, or of
        ``stage`` (the background with its sprites pasted)."""
        src = (self.y, self.u, self.v) if stage is None else (stage.y, stage.u, stage.v)
        frame = new_frame(width, height)
        y, u, v = planes(frame)
        warp(src[0], luma_map(rect, width, height), y)
        m = chroma_map(rect, width, height)
        warp(src[1], m, u)
        warp(src[2], m, v)
        return frame

    def resample(self, frame: np.ndarray, rect: Rect, box: Box, stage: SpriteStage) -> None:
        """Look ``stage`` up again through ``rect`` where it shows keyframe ``box`` (x0, y0, x1, y1):
        the output rows and columns whose bilinear support touches it, on the chroma grid."""
        y_plane, u_plane, v_plane = planes(frame)
        fh, fw = y_plane.shape
        x, y, w, h = rect
        sx, sy = w / fw, h / fh
        c0 = max(0, math.floor((box[0] - 1 - x) / sx - 0.5)) & ~1
        r0 = max(0, math.floor((box[1] - 1 - y) / sy - 0.5)) & ~1
        c1 = min(fw, math.ceil((box[2] + 1 - x) / sx - 0.5) + 1)
        r1 = min(fh, math.ceil((box[3] + 1 - y) / sy - 0.5) + 1)
        c1, r1 = min(fw, c1 + (c1 & 1)), min(fh, r1 + (r1 & 1))
        if c1 <= c0 or r1 <= r0:
            return
        warp(stage.y, luma_map(rect, fw, fh, c0=c0, r0=r0), y_plane[r0:r1, c0:c1])
        m = chroma_map(rect, fw, fh, c0=c0 // 2, r0=r0 // 2)
        warp(stage.u, m, u_plane[r0 // 2:r1 // 2, c0 // 2:c1 // 2])
        warp(stage.v, m, v_plane[r0 // 2:r1 // 2, c0 // 2:c1 // 2])


# ---------------------------------------------------------------------------------------------- crossfades


def blend(a: np.ndarray, b: np.ndarray, weight: float) -> np.ndarray:
    """``a`` faded towards ``b`` by ``weight`` in [0, 1] (uint8 in, uint8 out): exactly
    ``(a * (256 - w) + b * w) >> 8`` with ``w = round(weight * 256)``. OpenCV's weighted sum runs it
    in one pass; the offset of -127.5/256 turns its rounding into that floor (float32 is exact to
    well under the 0.5/256 margin for 8-bit values)."""
    w = int(round(min(1.0, max(0.0, weight)) * 256))
    if a.ndim == 2 or (a.ndim == 3 and a.shape[2] <= 4):
        return cv2.addWeighted(a, (256 - w) / 256, b, w / 256, -127.5 / 256)
    acc = np.multiply(a, np.uint16(256 - w), dtype=np.uint16)  # no widened copies of a and b
    acc += np.multiply(b, np.uint16(w), dtype=np.uint16)
    acc >>= 8
    return acc.astype(np.uint8)


def xfade_half(fps: int, scene_frames: Iterable[int], xfade_s: float = XFADE_S) -> int:
    """Frames each side of a cut that take part in its crossfade (0 disables crossfades)."""
    half = round(xfade_s * fps / 2)
    shortest = min(scene_frames, default=0)
    return max(0, min(half, shortest // 4))


def crossfaded(scenes: Iterable[Iterator[np.ndarray]], half: int) -> Iterator[np.ndarray]:
    """Join per-scene frame streams, blending ``2 * half`` frames around each cut.

    Each scene stream must carry ``half`` extra frames before its own start (not for the first
    scene) and after its own end (not for the last one); the streams overlap by ``2 * half``
    frames, which are blended with an eased weight, so the result has exactly the scenes' own
    frame counts and each cut sits in the middle of its crossfade.
    """
    pending: list[np.ndarray] = []
    width = 2 * half
    for frames in scenes:
        it = iter(frames)
        if pending:
            for j, old in enumerate(pending):
                new = next(it)
                yield blend(old, new, ease((j + 0.5) / width))
            pending = []
        buffer: list[np.ndarray] = []
        for frame in it:
            buffer.append(frame)
            if len(buffer) > width:
                yield buffer.pop(0)
        pending = buffer  # the last 2 * half frames wait for the next scene
    yield from pending
