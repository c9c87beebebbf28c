"""Admin commands (ids in ``settings.telegram.admins``): /grant USER N, /ban USER, /unban USER, /stats
(``/refund`` lives with the payments, ``bot/handlers/payments.py``)."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.ext import CommandHandler

from bot.handlers.common import AnyApp, Context, deps_of, send, user_lang
from petreel.i18n import t

log = logging.getLogger(__name__)


async def admin_lang(update: Update, context: Context) -> str | None:
    """The admin's language, or None (and a refusal) when the sender isn't an admin."""
    lang = await user_lang(update, context)
    user = update.effective_user
    if user is None or not deps_of(context).is_admin(user.id):
        await send(update, context, t(lang, "admin_only"))
        return None
    return lang


def _ints(args: list[str] | None, n: int) -> list[int] | None:
    values = list(args or [])
    if len(values) != n or not all(v.lstrip("-").isdigit() for v in values):
        return None
    return [int(v) for v in values]


async def grant(update: Update, context: Context) -> None:
    lang = await admin_lang(update, context)
    if lang is None:
        return
    parsed = _ints(context.args, 2)
    if parsed is None or parsed[1] <= 0:
        await send(update, context, t(lang, "admin_usage", usage="/grant USER_ID N"))
        return
    user_id, n = parsed
    assert update.effective_user is not None
    # the ledger key is unique per command update, so a redelivered update can't grant twice
    await deps_of(context).store.grant(user_id, n, f"admin:{update.effective_user.id}:{update.update_id}")
    log.info("admin %s granted %d credits to %s", update.effective_user.id, n, user_id)
    await send(update, context, t(lang, "granted", n=n, user=user_id))


async def _set_ban(update: Update, context: Context, banned: bool) -> None:
    lang = await admin_lang(update, context)
    if lang is None:
        return
    parsed = _ints(context.args, 1)
    if parsed is None:
        await send(update, context, t(lang, "admin_usage", usage="/ban USER_ID" if banned else "/unban USER_ID"))
        return
    await deps_of(context).store.set_banned(parsed[0], banned)
    log.info("user %s banned=%s", parsed[0], banned)
    await send(update, context, t(lang, "banned_user" if banned else "unbanned_user", user=parsed[0]))


async def ban(update: Update, context: Context) -> None:
    await _set_ban(update, context, True)


async def unban(update: Update, context: Context) -> None:
    await _set_ban(update, context, False)


async def stats(update: Update, context: Context) -> None:
    lang = await admin_lang(update, context)
    if lang is None:
        return
    s = await deps_of(context).store.stats()
    failures = s.jobs_by_state.get("failed", 0) + s.jobs_by_state.get("dead", 0)
    text = t(
        lang,
        "stats",
        queued=s.queued,
        running=s.running,
        jobs_today=s.jobs_today,
        done_today=s.done_today,
        failures=failures,
        users=s.users,
        banned=s.banned,
        clips=s.clips,
        mb=f"{s.clip_bytes / 2**20:.1f}",
        pending=s.pending_events,
    )
    text += "\n" + t(lang, "stats_sales", purchases=s.purchases, stars=s.purchase_stars, refunds=s.refunds,
                     refund_stars=s.refund_stars)
    await send(update, context, text)


def register(app: AnyApp) -> None:
    app.add_handler(CommandHandler("grant", grant))
    app.add_handler(CommandHandler("ban", ban))
    app.add_handler(CommandHandler("unban", unban))
    app.add_handler(CommandHandler("stats", stats))
