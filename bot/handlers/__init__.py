"""Telegram update handlers, one module per feature, each with ``register(app)`` (wired in ``bot/app.py``).

``common`` (dependencies, language, the callback wrapper), ``drafts`` (pending drafts) and
``ownership`` (server-side owner checks) are shared helpers, not features.
"""
