"""Operator names that cannot pass for one another on the unlock screen.

Two checks, after the Unicode security mechanisms (UTS #39) in small: a name keeps its letters
in one script (Latin, Cyrillic or Greek; a `Tester` typed with a Cyrillic Te and ie mixes
them), and its confusable skeleton (compatibility-folded, case-folded, accents dropped,
look-alike letters mapped to one Latin letter) must differ from every other operator's. The
table covers the Cyrillic and Greek letters that look like Latin ones in common fonts; a name
all in Cyrillic (Olena in Cyrillic) is fine beside the Latin `Olena`: they look different.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from fieldreg.core.errors import ValidationError

# Cyrillic and Greek letters (after casefold) that render like a Latin letter or digit, and
# the letter each one passes for (written as escapes: crypto sources are ASCII).
_LOOK_FROM = (
    "\u0430\u0432\u0441\u0501\u0435\u0451\u04bb\u0456"
    "\u0457\u0458\u043a\u043c\u043d\u043e\u0440\u051b"
    "\u0455\u0442\u0443\u0445\u051d\u044c\u0437\u0447"
    "\u03b1\u03b2\u03b5\u03b7\u03b9\u03ba\u03bd\u03bf"
    "\u03c1\u03c4\u03c5\u03c7\u03c9\u0475\u04cfl"
    "10|"
)
_LOOK_TO = "abcdeehiijkmhopqstyxwb34abenikvoptuxwvliioi"
_LOOKALIKES = str.maketrans(_LOOK_FROM, _LOOK_TO)
_SCRIPTS = ("LATIN", "CYRILLIC", "GREEK")


def _script(char: str) -> str | None:
    name = unicodedata.name(char, "")
    return next((script for script in _SCRIPTS if name.startswith(script)), None)


def check_single_script(label: str) -> None:
    """Refuse a name whose letters come from more than one script."""
    scripts = {script for char in label if char.isalpha() and (script := _script(char))}
    if len(scripts) > 1:
        raise ValidationError("operator", "operator.mixed_script")


def skeleton(label: str) -> str:
    """What a name looks like, reduced so that look-alike names compare equal."""
    folded = unicodedata.normalize("NFKD", label.casefold())
    bare = "".join(char for char in folded if not unicodedata.combining(char))
    mapped = bare.translate(_LOOKALIKES)
    return " ".join(mapped.replace("rn", "m").split())


def check_distinct_label(label: str, existing: Iterable[str]) -> None:
    """Refuse a name the same as, or confusable with, an existing operator's."""
    mine = skeleton(label)
    for other in existing:
        if skeleton(other) == mine:
            same = unicodedata.normalize("NFC", other.casefold()) == unicodedata.normalize(
                "NFC", label.casefold()
            )
            raise ValidationError(
                "operator", "operator.duplicate" if same else "operator.confusable"
            )
