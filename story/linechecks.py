"""Checks on a written script's lines that the tests and the story eval share (pure).

``self_told(lines, names)``: the lines that name one pet twice around a verb ("Miso holds Miso close", "Bear
is laughed at by Bear"),
or a dream that names a pet ("wants to be Pepper, a chef"), each line once."""

from __future__ import annotations

import re
from collections.abc import Iterable


def self_told(lines: Iterable[str], names: Iterable[str]) -> list[str]:
    """The ``lines`` that name one of ``names`` twice around a verb, or as what a pet wants to be."""
    escaped = [re.escape(n) for n in names]
    return [t for t in lines
            if any(re.search(rf"\b{n} [a-z]+(?: [a-z]+)? {n}\b(?!')", t)
                   or re.search(rf"\b{n} (?:is|was|gets|got) [a-z ]{{1,30}}\bby {n}\b", t)
                   or re.search(rf"\b(?:be|become|becomes|becoming) {n}, an? ", t) for n in escaped)]
