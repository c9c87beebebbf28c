"""Every text a person is shown, in English and Chinese: the one i18n layer. Pure data + lookup.

``t(lang, key, **values)`` formats one of the bot's phrases; ``error_text(key, lang)`` is the text of
a ``UserError`` (``petreel/errors.py`` keeps the codes, this module keeps the words). ``lang`` is
``"en"`` or ``"zh"``: ``normalise_language`` maps a Telegram ``language_code`` (or a script's
language) onto them. Texts sent with ``parse_mode=HTML`` must have user-provided values escaped by
the caller. Story lines written by the offline writer are story data (``story/``), not texts here.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Literal

Language = Literal["en", "zh"]
Lang = Language
LANGS: tuple[Language, ...] = ("en", "zh")


def normalise_language(code: str | None) -> Language:
    """Map a language code (``zh-hans``, ``en-US``, None…) onto a supported language."""
    return "zh" if code and code.lower().startswith("zh") else "en"


# The bot's handlers read ``norm_lang``: the same function under its short name.
norm_lang = normalise_language

# (command, English description, Chinese description): the public command menu and /help.
COMMANDS: list[tuple[str, str, str]] = [
    ("start", "Start and see how it works", "开始并查看用法"),
    ("new", "Make a new clip", "制作新视频"),
    ("history", "Your clips", "我的视频"),
    ("quota", "Clips left today", "今日剩余次数"),
    ("buy", "Buy clips with Telegram Stars", "用星星购买次数"),
    ("invite", "Invite friends: free clips for both", "邀请好友，双方各得免费次数"),
    ("cancel", "Cancel the current draft or job", "取消当前草稿或任务"),
    ("lang", "English / 中文", "切换语言 English / 中文"),
    ("help", "Help", "帮助"),
]
ADMIN_COMMANDS: list[tuple[str, str, str]] = [
    ("grant", "/grant USER N: give N credits", "/grant 用户 N：赠送 N 次"),
    ("ban", "/ban USER: block a user (/unban to undo)", "/ban 用户：封禁（/unban 解封）"),
    ("stats", "Queue and job statistics", "队列与任务统计"),
    ("refund", "/refund CHARGE_ID: refund a Stars purchase", "/refund 付款编号：退还一笔星星购买"),
]

STAGES: dict[str, tuple[str, str]] = {
    "queued": ("Queued", "排队中"),
    "script": ("Reading the script", "读取剧本"),
    "keyframes": ("Painting scenes", "绘制画面"),
    "narration": ("Recording the narrator", "录制旁白"),
    "music": ("Scoring music", "配乐"),
    "compose": ("Editing the video", "剪辑视频"),
}

TEXTS: dict[str, tuple[str, str]] = {
    "welcome": (
        "🐾 <b>PetReel</b> turns a one-line idea into a short pet-drama video.\n\n"
        "Send me a premise, for example:\n<i>a poor ginger cat is mocked by a rich white cat, works hard, "
        "gets rich and shocks them</i>\n\nThen pick the hero and the art style, check the script and "
        "confirm. Free clips today: {free_left}.",
        "🐾 <b>PetReel</b> 把一句话创意变成宠物短剧视频。\n\n"
        "发一句故事给我，例如：\n<i>穷橘猫被富白猫嘲笑，努力打工后逆袭</i>\n\n"
        "然后选择主角和画风，确认剧本即可。今日免费次数：{free_left}。",
    ),
    "help": ("<b>Commands</b>\n{commands}\n\nOr just send a story idea.", "<b>命令</b>\n{commands}\n\n或者直接发一句故事创意。"),
    "lang_set": ("Language: English. /lang switches to 中文.", "语言：中文。/lang 切换到 English。"),
    "new_prompt": ("Send me a one-line story idea 🐱🐶", "发一句故事创意给我吧 🐱🐶"),
    "choose_style": ("Who is the hero of\n<i>{premise}</i>?", "谁是主角？\n<i>{premise}</i>"),
    # one line: what was understood of the premise (hero, cast with roles, goal), so it can be corrected
    "understood": ("🔎 {line}\n<i>Not right? Send the idea again in other words.</i>",
                   "🔎 {line}\n<i>理解有误？换个说法重新发送即可。</i>"),
    "style_from_premise": ("✓ {label} (your idea)", "✓ {label}（按你的设定）"),
    "recast": ("🔁 {note}", "🔁 {note}"),
    # the re-cast note (story.offline.recast_note): the hero now has the style the user picked
    "recast_note": (
        "Re-cast as you picked: the hero {name} is now a {new} instead of a {old}; the rest of the cast is unchanged.",
        "已按你的选择重新选角：主角{name}由{old}改为{new}，其他角色不变。",
    ),
    # the Remix prompt: which clip, and what a remix changes (the hero chooser follows)
    "remix_head": (
        "🎨 <b>Remix of “{title}”</b>: the same story, made again with your changes.\n"
        "• the hero: pick one below (names and the title follow the new hero)\n"
        "• {art}\n"
        "• a new take: 🎲 on the script preview draws the same story again with a new seed\n"
        "• one line: ✏️ Edit a line below to change what is said\n\n"
        "Who is the hero of the remix?",
        "🎨 <b>重新创作《{title}》</b>：同一个故事，按你的改动重新制作。\n"
        "• 主角：在下面选一个（名字和标题会随新主角改变）\n"
        "• {art}\n"
        "• 换个演绎：在剧本预览里点 🎲，同一个故事换一个随机种子重画\n"
        "• 改一句台词：点下面的 ✏️ 改一句台词\n\n"
        "重新创作的主角是谁？",
    ),
    "remix_art_pick": ("the art style: picked after the hero", "画风：选好主角后再选"),
    "remix_art_only": ("the art style: {art} (the only one this server draws)", "画风：{art}（本服务器仅支持这一种）"),
    "choose_art": ("Hero: {style}. Pick an art style:", "主角：{style}。选择画风："),
    # one art style on this server (the CPU painter): the step is skipped and this line says which
    "art_only": ("🎨 Art style: {art} (the only one this server draws).", "🎨 画风：{art}（本服务器仅支持这一种）。"),
    "writing": ("✍️ Writing the script…", "✍️ 正在写剧本…"),
    "preview": (
        "🎬 <b>{title}</b>\n{hero} · {art} · {seconds}s\n{understood}\n\n{scenes}\n\n{footer}",
        "🎬 <b>{title}</b>\n{hero} · {art} · {seconds}秒\n{understood}\n\n{scenes}\n\n{footer}",
    ),
    "preview_ask": ("Confirm to make the video, or reroll for another script.", "确认开始制作，或换一个剧本。"),
    "preview_confirmed": ("✅ Confirmed — your video is being made (status below).", "✅ 已确认，正在制作（进度见下方）。"),
    "btn_confirm": ("✅ Confirm", "✅ 确认制作"),
    "btn_reroll": ("🎲 Reroll", "🎲 换一个"),
    "btn_cancel": ("✖ Cancel", "✖ 取消"),
    "btn_resend": ("📤 Resend", "📤 重新发送"),
    "btn_remix": ("🎨 Remix", "🎨 重新创作"),
    "btn_edit_line": ("✏️ Edit a line", "✏️ 改一句台词"),
    "narrator": ("Narrator", "旁白"),
    "edit_lines": ("✏️ <b>{title}</b>: which line do you want to change? Tap its number.",
                   "✏️ <b>{title}</b>：想改哪一句？点它的编号。"),
    "edit_line_ask": (
        "✏️ Line {n} ({who}) now says:\n<i>{old}</i>\n\nSend the new text for it (or /cancel).",
        "✏️ 第 {n} 句（{who}）现在是：\n<i>{old}</i>\n\n请发送这一句的新内容（或 /cancel 取消）。",
    ),
    "edit_line_bad": (
        "That line doesn't fit: it must be 1–200 characters (400 for the narrator) and short enough to say "
        "in its scene. Send a shorter one, or /cancel.",
        "这句放不下：需要 1–200 个字（旁白 400 个字），并且能在该场景时长内说完。请发送更短的一句，或 /cancel 取消。",
    ),
    "btn_twist": ("🔀 New twist", "🔀 新剧情"),
    "btn_prev": ("◀ Prev", "◀ 上一页"),
    "btn_next": ("Next ▶", "下一页 ▶"),
    "confirmed": ("✅ Confirmed", "✅ 已确认"),
    "status_queued": ("⏳ Queued — position {position}", "⏳ 排队中 — 第 {position} 位"),
    "status_queued_soon": ("⏳ Queued — starting soon", "⏳ 排队中 — 即将开始"),
    "status_progress": ("🎞 {stage}\n{bar}", "🎞 {stage}\n{bar}"),
    "vague": (
        "Hi! Send me a one-line story with a pet in it: who they are, what happens to them and how it ends. "
        "Or tap one of these:",
        "你好！发一句有萌宠的故事：主角是谁、遇到了什么、结局如何。或者点一个试试：",
    ),
    "unknown_command": (
        "I don't know {command}. Here is what I can do:\n\n{commands}\n\nOr just send a one-line story idea.",
        "我不认识 {command}。可用的命令：\n\n{commands}\n\n或者直接发一句故事创意。",
    ),
    "eta": ("⏱ about {wait} left", "⏱ 大约还需 {wait}"),
    "eta_seconds": ("⏱ about {seconds} s left", "⏱ 大约还需 {seconds} 秒"),
    "status_retrying": ("⚠️ A render attempt failed; retrying…", "⚠️ 生成出错，正在重试…"),
    "status_done": ("✅ Done!", "✅ 完成！"),
    "status_failed": ("❌ Failed", "❌ 失败"),
    "status_cancelled": ("✖ Cancelled. Your credit has been refunded.", "✖ 已取消，额度已退还。"),
    "too_big": (
        "The clip is {size_mb} MB, larger than the {limit_mb} MB upload limit, so I can't send it.",
        "视频大小 {size_mb} MB，超过 {limit_mb} MB 上传上限，无法发送。",
    ),
    "file_gone": ("That clip's file is no longer available.", "该视频文件已不存在。"),
    "not_sent_yet": ("That clip hasn't been delivered yet.", "该视频还未发送。"),
    "throttled": (
        "⏳ Please wait {seconds}s: I kept this idea and will start on it then (if you send another before "
        "then, I'll take the newest).",
        "⏳ 请稍等 {seconds} 秒：这个创意已保留，到时自动开始（在此之前再发新的，就用最新的那条）。",
    ),
    "draft_gone": ("This draft has expired. Send the idea again.", "草稿已过期，请重新发送创意。"),
    "busy": ("Still working on it…", "正在处理中…"),
    "already_queued": ("Already queued.", "已经在排队了。"),
    "resent_after_restart": (
        "Resending after a restart: if this clip already arrived, this is a copy.",
        "重启后重新发送：如果你已经收到这个视频，这是一份副本。",
    ),
    "resent_after_network": (
        "Resending after a network error: if this clip already arrived, this is a copy.",
        "网络出错后重新发送：如果你已经收到这个视频，这是一份副本。",
    ),
    "drafts_full": (
        "You have {n} ideas waiting for a hero. Pick one of them, or /cancel to start over.",
        "你有 {n} 个创意在等你选主角。先选一个，或发送 /cancel 重新开始。",
    ),
    "unknown_button": ("This button is no longer valid.", "该按钮已失效。"),
    "not_yours": ("That isn't yours.", "这不是你的。"),
    "history_line": ("{n}. <b>{title}</b>\n      {seconds}s · {day}", "{n}. <b>{title}</b>\n      {seconds}秒 · {day}"),
    "history_empty": ("No clips yet. Send a story idea!", "还没有视频，发一句故事创意吧！"),
    "history_head": ("<b>Your clips</b> ({first}–{last} of {total})", "<b>我的视频</b>（第 {first}–{last} 个，共 {total} 个）"),
    "quota": (
        "Free clips left today: {free_left}/{limit} (back to {limit} in {reset})\nExtra credits: {credits}",
        "今日剩余免费次数：{free_left}/{limit}（{reset}后恢复为 {limit} 次）\n额外次数：{credits}",
    ),
    "cancel_none": ("Nothing to cancel.", "没有可取消的内容。"),
    "cancel_draft": ("Draft discarded.", "草稿已丢弃。"),
    "cancel_job": ("Job cancelled.", "任务已取消。"),  # its status message says the credit was refunded
    "cancel_which": ("What should I cancel?", "要取消哪一个？"),
    "cancel_kept": ("Nothing cancelled.", "什么都没有取消。"),
    "btn_cancel_draft": ("✏️ Draft: {what}", "✏️ 草稿：{what}"),
    "btn_cancel_job": ("🎬 Clip: {what}", "🎬 视频：{what}"),
    "btn_cancel_all": ("✖ Everything", "✖ 全部取消"),
    "btn_cancel_keep": ("Keep all", "都保留"),
    "cancel_failed": ("That job can't be cancelled any more.", "该任务已无法取消。"),
    "admin_only": ("Admins only.", "仅限管理员。"),
    "admin_usage": ("Usage: {usage}", "用法：{usage}"),
    "granted": ("Granted {n} credits to {user}.", "已为 {user} 增加 {n} 次。"),
    "banned_user": ("User {user} is banned.", "已封禁用户 {user}。"),
    "unbanned_user": ("User {user} is unbanned.", "已解封用户 {user}。"),
    "stats": (
        "<b>Stats</b>\nqueue: {queued} queued, {running} running\njobs today: {jobs_today} ({done_today} done)\n"
        "failures: {failures}\nusers: {users} ({banned} banned)\nclips: {clips} ({mb} MB)\nundelivered events: {pending}",
        "<b>统计</b>\n队列：{queued} 个排队，{running} 个生成中\n今日任务：{jobs_today} 个（完成 {done_today} 个）\n"
        "失败：{failures}\n用户：{users} 个（封禁 {banned} 个）\n视频：{clips} 个（{mb} MB）\n未送达事件：{pending}",
    ),
    # payments in Telegram Stars (bot/handlers/payments.py)
    "buy_menu": (
        "⭐ <b>Buy clips with Telegram Stars</b>\nEach credit makes one clip; credits never expire.\n"
        "Extra credits now: {credits}\n\n/terms · /paysupport",
        "⭐ <b>用星星购买次数</b>\n每个次数可制作一个视频，永不过期。\n当前额外次数：{credits}\n\n/terms · /paysupport",
    ),
    "buy_offer": ("⭐ Want more clips today? Buy credits with Telegram Stars:", "⭐ 今天还想继续？用星星购买次数："),
    "buy_off": ("Buying clips isn't available on this bot.", "本机器人暂不支持购买次数。"),
    "btn_pack": ("⭐ {credits} clips for {stars} Stars", "⭐ {credits} 次 / {stars} 星"),
    "btn_buy": ("⭐ Buy more clips", "⭐ 购买更多次数"),
    "invoice_title": ("{credits} PetReel clips", "{credits} 次 PetReel 视频"),
    "invoice_description": (
        "{credits} credits for PetReel: each makes one pet-drama clip. Credits never expire.",
        "{credits} 个 PetReel 次数：每个可制作一个宠物短剧视频，永不过期。",
    ),
    "invoice_label": ("{credits} clips", "{credits} 次"),
    "pack_gone": ("That pack is no longer offered. Send /buy to see the current ones.", "该套餐已下架，发送 /buy 查看当前套餐。"),
    "pay_unknown_pack": (
        "This invoice is no longer valid. Send /buy for a new one.",
        "该账单已失效，请发送 /buy 重新购买。",
    ),
    "pay_not_yours": ("This invoice was made for someone else. Send /buy for your own.", "这是别人的账单，请发送 /buy 获取你自己的。"),
    "pay_banned": ("This account can't buy clips.", "该账号无法购买次数。"),
    "pay_off": ("Buying clips isn't available right now.", "暂时无法购买次数。"),
    "pay_error": ("Sorry, the payment can't be taken right now. Please try again.", "抱歉，暂时无法付款，请重试。"),
    "paid": (
        "✅ Thank you! {credits} clips added. Extra credits now: {balance}.\nSend a story idea to use them.",
        "✅ 谢谢！已增加 {credits} 次。当前额外次数：{balance}。\n发一句故事创意就能使用。",
    ),
    "paysupport": (
        "<b>Payment support</b>\nFor a problem with a purchase, write to {contact} with the date and the "
        "number of Stars. Purchases are refunded when a clip can't be made; credits used for clips are not.",
        "<b>付款支持</b>\n购买遇到问题，请联系 {contact}，并说明日期和星星数量。无法制作视频时会退款；已用于制作视频的次数不退。",
    ),
    "paysupport_admins": ("the bot's admins (reply here)", "机器人管理员（在此回复）"),
    "terms": (
        "<b>Terms</b>\nCredits are bought with Telegram Stars and make one clip each. They never expire and can't "
        "be exchanged for money. A failed clip gives its credit back. Unspent credits of a purchase can be "
        "refunded through /paysupport. Clips are made by software from your idea; don't ask for content you "
        "have no right to.",
        "<b>条款</b>\n次数用星星购买，每个次数制作一个视频，永不过期，不可兑换现金。视频生成失败会退还次数。"
        "购买中未使用的次数可通过 /paysupport 申请退款。视频由软件根据你的创意生成，请勿要求你无权使用的内容。",
    ),
    # refunds (admin /refund, Telegram's refunded_payment) and purchases in /quota, /history, /stats
    "refunded": (
        "↩️ Refunded {stars} Stars to {user} (charge {charge}); {taken} of the pack's {credits} credits taken back.",
        "↩️ 已向 {user} 退还 {stars} 星（付款 {charge}）；收回该套餐 {credits} 次中的 {taken} 次。",
    ),
    "refund_unknown": ("No purchase with charge id {charge}.", "没有付款编号为 {charge} 的购买。"),
    "refund_already": ("Charge {charge} was already refunded.", "付款 {charge} 已经退过款。"),
    "refund_failed": ("Telegram refused the refund of {charge}: {error}", "退款 {charge} 被拒绝：{error}"),
    "refund_notice": (
        "↩️ Your purchase of {credits} clips was refunded ({stars} Stars). {taken} unused credits were taken back; "
        "extra credits now: {balance}.",
        "↩️ 你购买的 {credits} 次已退款（{stars} 星），收回未使用的 {taken} 次；当前额外次数：{balance}。",
    ),
    "quota_purchases": ("Purchases: {lines}", "购买记录：{lines}"),
    "purchase_line": ("{credits} clips for {stars} ⭐ on {day}", "{day} 以 {stars} ⭐ 购买 {credits} 次"),
    "purchase_refunded": (" (refunded, {taken} taken back)", "（已退款，收回 {taken} 次）"),
    "history_purchases": ("<b>Purchases</b>", "<b>购买记录</b>"),
    "stats_sales": (
        "purchases: {purchases} ({stars} ⭐), refunds: {refunds} ({refund_stars} ⭐)",
        "购买：{purchases} 笔（{stars} ⭐），退款：{refunds} 笔（{refund_stars} ⭐）",
    ),
    "generic_error": (
        "Sorry, something went wrong on my side. Please try again.",
        "抱歉，出了点问题，请重试。",
    ),
}


# The pieces of the "understood" line (story.premise.understood_line composes them): who is who in
# the premise, with their roles and sides, and the hero's goal.
UNDERSTOOD: dict[str, tuple[str, str]] = {
    "line": ("Understood — {parts}", "理解为——{parts}"),
    "separator": ("; ", "；"),
    "part": ("{role}: {who}{side}", "{role}：{who}{side}"),
    "named": ("{name} ({who})", "{name}（{who}）"),
    "with_job": ("{who}, {job}", "{who}，{job}"),
    "played_by_a_pet": ("the {job}, played by a pet", "{job}（由宠物扮演）"),
    "a_pet": ("a pet", "宠物"),
    # an animal the painter has no drawing of (a parrot), told before the clip is made: drawn as a style it has
    "drawn_as": ("{who} (drawn as a {style}: no {animal} drawing yet)", "{who}（暂时画成{style}：还不会画{animal}）"),
    "on_the_rival_side": (", on the rival's side", "，站在对手一边"),
    "goal": ("goal: {goal}", "目标：{goal}"),
    "role_hero": ("hero", "主角"),
    "role_rival": ("rival", "对手"),
    "role_partner": ("partner", "伴侣"),
    "role_friend": ("friend", "朋友"),
    "role_family": ("family", "家人"),
    "role_boss": ("boss", "老板"),
    "role_mentor": ("mentor", "导师"),
    "role_other": ("also", "配角"),
    "goal_become": ("become a {title}", "成为{title}"),
    "goal_get_rich": ("get rich", "逆袭致富"),
    "goal_win": ("win", "赢"),
    "goal_win_back": ("win it back", "夺回一切"),
    "goal_revenge": ("pay them back", "打脸复仇"),
    "goal_find": ("find the way home", "找到回家的路"),
    "goal_forgive": ("make peace", "化敌为友"),
    "goal_marry": ("find love", "收获爱情"),
    "goal_glow_up": ("glow up", "华丽蜕变"),
    "goal_shock": ("shock them all", "让所有人刮目相看"),
    "lost_pet_home": ("get home", "回家"),
}


def understood(lang: str, key: str, **values: object) -> str:
    """One piece of the "understood" line in ``lang``."""
    en, zh = UNDERSTOOD[key]
    return (zh if norm_lang(lang) == "zh" else en).format(**values)


# The words of each ``UserError``, by its text key (the error's ``code`` unless it names another).
ERRORS: dict[str, tuple[str, str]] = {
    "error": ("Something went wrong.", "出了点问题。"),
    "bad_premise": (
        "Please send a one-line story idea (1–500 characters), e.g. “a poor ginger cat is mocked by a rich white cat”.",
        "请发送一句故事创意（1–500 字），例如“穷橘猫被富白猫嘲笑，后来逆袭”。",
    ),
    "content_refused": ("Sorry, I can't make a clip about that. Try a different story.", "抱歉，这个内容无法制作，请换个故事。"),
    "unknown_style": ("Unknown character style.", "未知的角色风格。"),
    "quota_exceeded": ("You've used today's free clips. New ones arrive at 00:00 UTC.", "今天的免费次数已用完，UTC 0 点刷新。"),
    "too_many_expansions": (
        "You've written a lot of scripts today. More tomorrow (00:00 UTC).",
        "今天写的剧本太多啦，明天（UTC 0 点）再来吧。",
    ),
    "queue_full": ("You already have clips in the queue. Please wait for them to finish.", "你已有视频在排队，请等它们完成。"),
    "queue_full_global": (
        "Too many clips are waiting right now. Please try again in a few minutes.",
        "当前排队的视频太多，请几分钟后再试。",
    ),
    "banned": ("This account can't use the bot.", "该账号无法使用本机器人。"),
    "script_error": (
        "I couldn't write a script for that idea. Please try again or rephrase it.",
        "没能为这个创意写出剧本，请重试或换个说法。",
    ),
    "writer_unavailable": ("The story writer is busy right now. Please try again in a minute.", "编剧服务繁忙，请稍后再试。"),
    "render_failed": ("Rendering failed. Your credit has been refunded.", "视频生成失败，额度已退还。"),
    "output_path": ("Can't write the output file.", "无法写入输出文件。"),
    "not_found": ("That clip or job doesn't exist (or isn't yours).", "找不到该视频或任务（或不属于你）。"),
    "draft_gone": TEXTS["draft_gone"],
}


def error_text(key: str, lang: str) -> str:
    """The words of the ``UserError`` whose text key is ``key``, in ``lang``."""
    en, zh = ERRORS[key]
    return zh if norm_lang(lang) == "zh" else en


# Sharing: inline mode (@bot in any chat), deep links (t.me/<bot>?start=…) and referrals.
TEXTS.update(
    {
        "btn_make_own": ("🎬 Make your own", "🎬 我也来做一个"),
        "share_caption": ("<b>{title}</b>\n🐾 Made with @{bot}", "<b>{title}</b>\n🐾 由 @{bot} 制作"),
        "inline_description": ("{seconds} s · {day}", "{seconds} 秒 · {day}"),
        "inline_none": ("Make your first clip", "制作你的第一个视频"),
        "link_invalid": (
            "That link isn't valid (it may have been changed). Here is how PetReel works instead:",
            "这个链接无效（可能被改动过）。下面是 PetReel 的用法：",
        ),
        "remix_shared": (
            "🎨 <b>{title}</b>\nMake your own version: pick your hero and art style. The new clip will be yours.",
            "🎨 <b>{title}</b>\n做一个你自己的版本：选主角和画风，新视频归你所有。",
        ),
        "remix_gone": (
            "That clip is no longer available. Send me your own story idea instead!",
            "这个视频已不可用。发一句你自己的故事创意吧！",
        ),
        "ref_credited": (
            "🎁 A friend invited you: you both get {credits} free clip(s).",
            "🎁 好友邀请了你：你们各得 {credits} 次免费视频。",
        ),
        "ref_credited_referrer": (
            "🎉 A friend joined PetReel with your invite link: +{credits} clip(s) for you.",
            "🎉 有好友通过你的邀请链接加入了 PetReel：你获得 {credits} 次视频。",
        ),
        "ref_own_link": (
            "That's your own invite link. Share it with friends: /invite",
            "这是你自己的邀请链接，发给好友吧：/invite",
        ),
        "ref_not_new": (
            "Welcome back! Invite bonuses are for people new to PetReel.",
            "欢迎回来！邀请奖励只给第一次使用 PetReel 的人。",
        ),
        "invite": (
            "👋 <b>Invite friends</b>\nSend them this link. When someone new starts PetReel with it, you both "
            "get {credits} free clip(s) (up to {cap} a day for you).\n\n{link}\n\n"
            "Tip: type @{bot} in any chat to share one of your clips.",
            "👋 <b>邀请好友</b>\n把这个链接发给好友。新用户用它打开 PetReel 后，你们各得 {credits} 次免费视频"
            "（你每天最多 {cap} 次）。\n\n{link}\n\n提示：在任意聊天里输入 @{bot} 即可分享你的视频。",
        ),
        "invite_off": (
            "👋 <b>Invite friends</b>\nShare this link to PetReel:\n\n{link}\n\n"
            "Tip: type @{bot} in any chat to share one of your clips.",
            "👋 <b>邀请好友</b>\n分享 PetReel 的链接：\n\n{link}\n\n提示：在任意聊天里输入 @{bot} 即可分享你的视频。",
        ),
    }
)


def t(lang: str, key: str, **values: object) -> str:
    """The text ``key`` in ``lang`` with ``values`` substituted."""
    en, zh = TEXTS[key]
    return (zh if norm_lang(lang) == "zh" else en).format(**values)


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def short_date(when: float, lang: str) -> str:
    """A date that never wraps on a phone: "5 Dec" / "12月5日" (UTC); the year only when not this one."""
    moment, now = datetime.fromtimestamp(when, UTC), datetime.now(UTC)
    year = "" if moment.year == now.year else f" {moment.year}"
    if norm_lang(lang) == "zh":
        return (f"{moment.year}年" if year else "") + f"{moment.month}月{moment.day}日"
    return f"{moment.day}\u00a0{_MONTHS[moment.month - 1]}{year.replace(' ', chr(0xA0))}"


# Example premises offered for a greeting or a too-vague text (tapping one starts it).
EXAMPLES: dict[Lang, tuple[str, ...]] = {
    "en": (
        "A poor ginger cat is mocked by a rich white cat, works hard as a window cleaner and gets rich",
        "A shy black kitten dreams of becoming a pop star, but the rich Persian laughs at her voice",
    ),
    "zh": (
        "穷橘猫被富白猫嘲笑，努力擦玻璃打工，最后逆袭成了老板",
        "害羞的小黑猫梦想当歌星，却被富家波斯猫嘲笑",
    ),
}


def duration_text(seconds: float, lang: str) -> str:
    """A wait as a person says it: "5 h 12 min", "12 min", "under a minute" (and in Chinese)."""
    minutes = int(seconds // 60)
    hours, minutes = divmod(minutes, 60)
    zh = norm_lang(lang) == "zh"
    if hours:
        return f"{hours}小时{minutes}分钟" if zh else f"{hours} h {minutes} min"
    if minutes:
        return f"{minutes}分钟" if zh else f"{minutes} min"
    return "不到一分钟" if zh else "under a minute"


def stage_name(lang: str, stage: str) -> str:
    en, zh = STAGES.get(stage, (stage, stage))
    return zh if norm_lang(lang) == "zh" else en


PAID_COMMANDS = frozenset({"buy"})  # listed only while credit packs are on sale


def public_commands(payments: bool = True) -> list[tuple[str, str, str]]:
    """The public commands, without ``/buy`` while payments are off."""
    return [c for c in COMMANDS if payments or c[0] not in PAID_COMMANDS]


def command_lines(lang: str, admin: bool = False, payments: bool = True) -> str:
    rows = public_commands(payments) + (ADMIN_COMMANDS if admin else [])
    zh = norm_lang(lang) == "zh"
    return "\n".join(f"/{cmd} — {desc_zh if zh else desc_en}" for cmd, desc_en, desc_zh in rows)
