"""Text plumbing: characters that must never reach a feed, a file name or a header."""

import re
import unicodedata

# C0/C1 control characters (XML 1.0 forbids most of them) except tab, newline and carriage return.
STUURTEKENS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Bidirectional overrides, embeddings, isolates and marks: they can make "fdp.exe" look like "exe.pdf".
BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def zonder_stuurtekens(tekst: str) -> str:
    """Drop control and bidi characters, keep everything else (letters with accents, emoji, ...)."""
    return BIDI.sub("", STUURTEKENS.sub("", tekst or ""))


def veilige_bestandsnaam(naam: str, *, max_lengte: int = 200) -> str:
    """A file name as shown and offered for download: no path, no control, bidi or format characters."""
    naam = unicodedata.normalize("NFC", zonder_stuurtekens(naam))
    naam = "".join(c for c in naam if unicodedata.category(c) != "Cf")  # zero-width and other format characters
    naam = naam.replace("\\", "/").rsplit("/", 1)[-1].strip().strip(".")
    return naam[:max_lengte] or "bestand"
