"""/start, /help and /lang: greeting, command list and the per-user language toggle."""

from __future__ import annotations

from telegram import BotCommand, BotCommandScopeChat, Update
from telegram.ext import CommandHandler

from bot.handlers.common import AnyApp, Context, deps_of, remember_lang, send, user_lang
from petreel.i18n import command_lines, norm_lang, public_commands, t


def menu(lang: str, payments: bool = True) -> list[BotCommand]:
    """The command menu in ``lang`` (``/buy`` only when ``payments``: credit packs are on sale)."""
    zh = norm_lang(lang) == "zh"
    return [BotCommand(cmd, zh_text if zh else en) for cmd, en, zh_text in public_commands(payments)]


async def start(update: Update, context: Context) -> None:
    lang = await user_lang(update, context)
    assert update.effective_user is not None
    quota = await deps_of(context).store.quota(update.effective_user.id)
    await send(update, context, t(lang, "welcome", free_left=quota.free_left))


async def help_(update: Update, context: Context) -> None:
    lang = await user_lang(update, context)
    assert update.effective_user is not None
    deps = deps_of(context)
    admin = deps.is_admin(update.effective_user.id)
    payments = bool(deps.settings.payments.packs)
    await send(update, context, t(lang, "help", commands=command_lines(lang, admin=admin, payments=payments)))


async def toggle_lang(update: Update, context: Context) -> None:
    """/lang switches between English and Chinese (/lang en, /lang zh pick one)."""
    current = await user_lang(update, context)
    args = [a.lower() for a in (context.args or [])]
    new = args[0][:2] if args and args[0][:2] in ("en", "zh") else ("en" if current == "zh" else "zh")
    assert update.effective_user is not None
    await deps_of(context).store.set_language(update.effective_user.id, new)
    remember_lang(context, new)
    await send(update, context, t(new, "lang_set"))
    # the command menu of this chat follows too (the bot-wide menus follow the app's language)
    assert update.effective_chat is not None
    payments = bool(deps_of(context).settings.payments.packs)
    await context.bot.set_my_commands(menu(new, payments), scope=BotCommandScopeChat(update.effective_chat.id))


def register(app: AnyApp) -> None:
    app.add_handler(CommandHandler("start", start))
    app.add_handler(CommandHandler("help", help_))
    app.add_handler(CommandHandler("lang", toggle_lang))
