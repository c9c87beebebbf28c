"""Server-side ownership checks for button presses: a button names a draft, job or clip by id only,
so every handler looks the object up and refuses it unless the presser owns it. A forged or stale
button gets a clear refusal (``NotFound``: "doesn't exist or isn't yours") and nothing happens."""

from __future__ import annotations

import logging

from bot.handlers.common import Context, Press, deps_of
from bot.handlers.drafts import Draft
from petreel.errors import DraftExpired, NotFound, UserError
from storage.models import Clip, Job

log = logging.getLogger(__name__)


def draft_expired() -> UserError:
    return DraftExpired()


async def owned_draft(context: Context, press: Press, index: int = 0) -> Draft:
    draft = await deps_of(context).drafts.get(press.button.args[index])
    if draft is None:
        raise draft_expired()
    if draft.owner != press.user_id:
        log.warning("user %s pressed a button of user %s's draft", press.user_id, draft.owner)
        raise NotFound()
    return draft


async def owned_job(context: Context, press: Press, job_id: int) -> Job:
    job = await deps_of(context).store.get_job(job_id)
    if job is None or job.owner != press.user_id:
        log.warning("user %s pressed a button naming job %s they don't own", press.user_id, job_id)
        raise NotFound()
    return job


async def owned_clip(context: Context, press: Press, clip_id: int) -> Clip:
    clip = await deps_of(context).store.get_clip(clip_id)
    if clip is None or clip.owner != press.user_id:
        log.warning("user %s pressed a button naming clip %s they don't own", press.user_id, clip_id)
        raise NotFound()
    return clip


async def owned_clip_job(context: Context, press: Press, clip_id: int) -> tuple[Clip, Job]:
    """The presser's clip and the job that made it (``NotFound`` when the job is gone): what a remix or a new
    twist of the clip starts from."""
    clip = await owned_clip(context, press, clip_id)
    job = await deps_of(context).store.get_job(clip.job_id)
    if job is None:
        raise NotFound()
    return clip, job
