"""Hiding names when the mentor report describes people by their role.

Every contact's full name is replaced wherever it appears, in any case ("ana
ruiz", "ANA RUIZ"); the first and last names alone are replaced for the people a
text is about (the person of a conversation, the people an entry is linked to),
where a lone "Ana" surely means them. A lone first name of someone else ("Ruth
said…") can't be told from an ordinary word, so the summary beside the preview
asks the person to read it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import pairwise
from typing import Protocol

_WORD = re.compile(r"\w+(?:['’-]\w+)*")
LONGEST_NAME = 4  # words looked at together
SHORTEST_PART = 2  # a one-letter initial is not replaced on its own


class Named(Protocol):
    @property
    def name(self) -> str: ...

    def label(self, anonymise: bool) -> str: ...


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


class Anonymiser:
    def __init__(self, everyone: Iterable[Named]) -> None:
        self._full: dict[str, str] = {}
        for person in everyone:
            words = _WORD.findall(person.name)
            if len(words) >= 2:
                self._full.setdefault(_fold(" ".join(words[:LONGEST_NAME])), person.label(True))

    def hide(self, text: str, about: Iterable[Named] = ()) -> str:
        """`text` with every full name, and the names of the people it is `about`, replaced
        by their descriptions."""
        if not text:
            return text
        single: dict[str, str] = {}
        full = dict(self._full)
        for person in about:
            label = person.label(True)
            words = _WORD.findall(person.name)
            if len(words) >= 2:
                full[_fold(" ".join(words[:LONGEST_NAME]))] = label
            for word in words:
                if len(word) >= SHORTEST_PART:
                    single.setdefault(word.casefold(), label)
        matches = list(_WORD.finditer(text))
        pieces: list[str] = []
        position = 0
        index = 0
        while index < len(matches):
            replaced = False
            for size in range(min(LONGEST_NAME, len(matches) - index), 0, -1):
                group = matches[index : index + size]
                if size > 1 and not _only_spaces_between(text, group):
                    continue
                key = _fold(" ".join(match.group(0) for match in group))
                found = full.get(key) if size > 1 else single.get(key)
                if found is not None:
                    pieces.append(text[position : group[0].start()])
                    pieces.append(found)
                    position = group[-1].end()
                    index += size
                    replaced = True
                    break
            if not replaced:
                index += 1
        pieces.append(text[position:])
        return "".join(pieces)


def _only_spaces_between(text: str, group: list[re.Match[str]]) -> bool:
    return all(
        text[left.end() : right.start()].strip(" \t") == "" and 0 < right.start() - left.end() <= 3
        for left, right in pairwise(group)
    )
