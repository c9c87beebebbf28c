"""Offline twins of I/O dependencies for tests."""
