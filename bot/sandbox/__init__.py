"""Local Telegram Bot API sandbox: a spec-validating fake server, simulated users and a web chat page.

See ``bot/sandbox/server.py`` for usage.
"""

from bot.sandbox.server import ApiCall, BotApiSandbox
from bot.sandbox.spec import Upload, validate
from bot.sandbox.users import Button, MessageView, SimUser

__all__ = ["ApiCall", "BotApiSandbox", "Button", "MessageView", "SimUser", "Upload", "validate"]
