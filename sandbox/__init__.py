"""Local Telegram Bot API sandbox: a spec-validating fake server, simulated users and a web chat page.

See ``sandbox/server.py`` for usage.
"""

from sandbox.server import ApiCall, BotApiSandbox
from sandbox.spec import Upload, validate
from sandbox.users import Button, MessageView, SimUser

__all__ = ["ApiCall", "BotApiSandbox", "Button", "MessageView", "SimUser", "Upload", "validate"]
