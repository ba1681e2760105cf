"""What the browser tests look for in a page: the sizes, axe-core, the page-side checks."""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).parent
AXE_SCRIPT = HERE / "node_modules" / "axe-core" / "axe.min.js"
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
VIEWPORTS = {"phone": PHONE, "desktop": DESKTOP}


def axe_violations(page) -> list[str]:
    """The serious and critical violations axe-core finds on the page as it is shown."""
    if not page.evaluate("typeof axe !== 'undefined'"):  # once per page: 600 KB of script
        page.add_script_tag(path=str(AXE_SCRIPT))
    results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} — "
        + "; ".join(node["html"][:120] for node in violation["nodes"][:3])
        for violation in results["violations"]
        if violation["impact"] in ("serious", "critical")
    ]


# Shared checks, run in the page.
HORIZONTAL_OVERFLOW = """() => {
  const root = document.documentElement;
  const wide = [...document.querySelectorAll('body *')]
    .filter(e => e.getClientRects().length
                 && e.getBoundingClientRect().right > root.clientWidth + 0.5)
    .map(e => e.tagName + '.' + e.className + ': ' + (e.textContent || '').trim().slice(0, 40));
  return {scroll: root.scrollWidth, client: root.clientWidth, wide: wide.slice(0, 5)};
}"""

# Every non-blank text node that is shown: the lang of the closest element that has one, and
# the text. Script and style contents are not text a reader sees.
TEXT_LANGUAGES = """() => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const found = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent.trim();
    const parent = node.parentElement;
    if (!text || !parent || parent.closest('script, style')) continue;
    const owner = parent.closest('[lang]');
    found.push([owner ? owner.getAttribute('lang') : null, text]);
  }
  return found;
}"""
