"""Text plumbing: characters that must never reach a feed or a header (file names: core.bijlagen)."""

import re

# C0/C1 control characters (XML 1.0 forbids most of them) except tab, newline and carriage return.
STUURTEKENS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Bidirectional overrides, embeddings, isolates and marks: they can make "fdp.exe" look like "exe.pdf".
BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def zonder_stuurtekens(tekst: str) -> str:
    """Drop control and bidi characters, keep everything else (letters with accents, emoji, ...)."""
    return BIDI.sub("", STUURTEKENS.sub("", tekst or ""))
