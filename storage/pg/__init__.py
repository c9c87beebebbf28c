"""The PostgreSQL storage backend (``PETREEL_DATABASE_URL=postgresql://…``): connection pool,
numbered migrations, the backend's own statements and LISTEN/NOTIFY wake-ups."""
