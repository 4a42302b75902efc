"""Screenshots for looking at pages as a person would.

``screenshot(page, "besluiten-lijst-375")`` writes ``screenshots/besluiten-lijst-375.png``
at the repository root (git-ignored), at the page's current viewport size. Pass
``full_page=True`` for the whole scrollable page.
"""

from __future__ import annotations

import re
from pathlib import Path

SCREENSHOT_DIR = Path(__file__).resolve().parents[2] / "screenshots"


def screenshot(page, name: str, *, full_page: bool = False) -> Path:
    safe_name = re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-") or "screenshot"
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOT_DIR / f"{safe_name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path
