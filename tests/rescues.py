"""What each scene of a rescue story draws, for the rescue tests: every scene's own drawings of its cast, a scene
before the rescue drawn in its danger."""

from __future__ import annotations

from story.drawings import own_drawings, rescued_at
from story.offline import write_story


def drawn_scenes(premise: str, seed: int) -> list[dict[str, str]]:
    """Each scene's drawings (character id -> what it is drawn doing) of ``premise``'s script at ``seed``."""
    script = write_story(premise, None, "zh" if any("\u4e00" <= c <= "\u9fff" for c in premise) else "en",
                         seed).script
    cast = [c.id for c in script.characters]
    at = rescued_at(script)
    return [own_drawings(scene, cast, script.premise, at is not None and n < at)
            for n, scene in enumerate(script.scenes)]
