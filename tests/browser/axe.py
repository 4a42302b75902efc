"""Accessibility scan with axe-core, offline.

axe-playwright-python ships axe-core's axe.min.js inside the wheel, so nothing is
fetched at run time. Usage in a browser test::

    page.goto(f"{live_server.url}/besluiten/")
    assert_no_axe_violations(page)
"""

from __future__ import annotations

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def axe_violations(page, context: str | dict | None = None) -> list[dict]:
    """Run axe-core on the page (or on ``context``) and return its violations."""
    from axe_playwright_python.sync_playwright import Axe

    options = {
        "runOnly": {"type": "tag", "values": AXE_TAGS},
        "resultTypes": ["violations"],
    }
    results = Axe().run(page, context=context, options=options)
    return results.response["violations"]


def format_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation.get('impact') or 'no impact'}): {violation['help']}"
            f"\n  {violation.get('helpUrl', '')}"
        )
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node.get("target", []))
            lines.append(f"    at {target}")
            summary = (node.get("failureSummary") or "").strip().replace("\n", "\n       ")
            if summary:
                lines.append(f"       {summary}")
    return "\n".join(lines)


def assert_no_axe_violations(page, context: str | dict | None = None) -> None:
    """Fail when axe-core finds any violation, of any impact, on the current page."""
    violations = axe_violations(page, context=context)
    if violations:
        count = sum(len(v["nodes"]) for v in violations)
        message = f"axe-core: {len(violations)} rule(s) violated on {count} element(s) at {page.url}\n"
        message += format_violations(violations)
        print(message)
        raise AssertionError(message)
