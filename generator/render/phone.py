"""The phone page: templates/phone.html.j2 with its own stylesheet and script inlined, so the
file is self-contained and the Content-Security-Policy lets only that script run."""

from __future__ import annotations

import base64
import hashlib
from functools import cache
from pathlib import Path

from markupsafe import Markup

from generator.paths import TEMPLATES_DIR
from generator.render.html import _environment
from generator.view.phone import PhoneView

PHONE_TEMPLATE = "phone.html.j2"
PHONE_ASSETS_DIR = "phone"


@cache
def _assets(templates_dir: Path) -> tuple[Markup, Markup, str]:
    """Our own CSS and script (templates/phone/*.css, *.js in name order), and the script's
    CSP hash. Never content or profile text: those are always escaped by the template."""
    folder = templates_dir / PHONE_ASSETS_DIR
    our_css = "\n".join(path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.css")))
    our_script = "\n".join(path.read_text(encoding="utf-8")
                           for path in sorted(folder.glob("*.js")))
    if "</" in our_script:  # it would close the <script> element early
        raise ValueError(f"{folder}: a script may not contain '</'")
    digest = base64.b64encode(hashlib.sha256(our_script.encode("utf-8")).digest()).decode("ascii")
    return Markup(our_css), Markup(our_script), f"sha256-{digest}"  # noqa: S704


def render_phone_html(phone: PhoneView, templates_dir: Path = TEMPLATES_DIR) -> str:
    stylesheet, script, script_hash = _assets(templates_dir)
    template = _environment(templates_dir).get_template(PHONE_TEMPLATE)
    return template.render(
        phone=phone, stylesheet=stylesheet, script=script, script_hash=script_hash
    )
