"""The web chat page: try the bot in a browser, no Telegram account needed.

``web_routes(sandbox)`` serves ``static/index.html`` at ``/`` and its CSS/JS under ``/sandbox/static/``
(``chat.*``: the chat; ``inline.*``: the inline query box, the chat with a friend a result is shared
into, and ``t.me/<bot>?start=…`` links, which open the chat with that ``/start`` payload).
The page talks only to the sandbox's user API (``sandbox.user_api_routes()``), so one aiohttp app
serves everything::

    app = sandbox.make_app()                 # bot API + user API
    app.add_routes(web_routes(sandbox))      # the page
    await sandbox.start(app)                 # open sandbox.root_url in a browser

(``web_app(sandbox)`` is those first two lines.)
"""

from __future__ import annotations

import html
from pathlib import Path

from aiohttp import web

from sandbox.server import BotApiSandbox

STATIC_DIR = Path(__file__).with_name("static")
_CONTENT_TYPES = {".html": "text/html", ".css": "text/css", ".js": "text/javascript"}
_ASSETS = ("chat.css", "chat.js", "inline.css", "inline.js")
_SECURITY_HEADERS = {
    # everything is same-origin: no CDN, no external URLs
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; style-src 'self'; "
        "script-src 'self'; connect-src 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-cache",
}


def _asset(name: str, body: str) -> web.Response:
    return web.Response(
        text=body,
        content_type=_CONTENT_TYPES[Path(name).suffix],
        charset="utf-8",
        headers=_SECURITY_HEADERS,
    )


def web_routes(sandbox: BotApiSandbox) -> list[web.RouteDef]:
    """Routes of the chat page (``/`` and ``/sandbox/static/{chat,inline}.{css,js}``).

    The files are read once, here, so no request reads the disk on the event loop."""
    bodies = {name: (STATIC_DIR / name).read_text(encoding="utf-8") for name in ("index.html", *_ASSETS)}

    async def index(_request: web.Request) -> web.Response:
        bot_name = html.escape(str(sandbox.state.bot["first_name"]))
        username = html.escape(str(sandbox.state.bot["username"]))
        page = bodies["index.html"].replace("__BOT_NAME__", bot_name).replace("__BOT_USERNAME__", username)
        return _asset("index.html", page)

    async def asset(request: web.Request) -> web.Response:
        name = request.match_info["name"]
        if name not in _ASSETS:
            raise web.HTTPNotFound()
        return _asset(name, bodies[name])

    return [web.get("/", index), web.get("/sandbox/static/{name}", asset)]


def web_app(sandbox: BotApiSandbox) -> web.Application:
    """One aiohttp app serving the Bot API, the user API and the chat page."""
    app = sandbox.make_app()
    app.add_routes(web_routes(sandbox))
    return app
