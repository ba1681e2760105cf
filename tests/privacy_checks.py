"""Where a PDF can carry text besides its page body: for checking that personal data stays in
the body. The personal-profile tests can call `places_outside_the_body(pdf, secret)`."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf


def _outline_titles(items) -> list[str]:
    titles = []
    for item in items:
        if isinstance(item, list):
            titles += _outline_titles(item)
        else:
            titles.append(str(item.title))
    return titles


def texts_outside_the_body(pdf: bytes) -> dict[str, list[str]]:
    """Document info, XMP metadata, bookmarks (from headings), named destinations (from ids)
    and attachment names: everything a PDF holds as text besides what is printed."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    root = reader.trailer["/Root"]
    xmp = root.get("/Metadata")
    return {
        "document info": [str(value) for value in (reader.metadata or {}).values()],
        "XMP metadata": [xmp.get_object().get_data().decode("utf-8", "replace")] if xmp else [],
        "bookmarks": _outline_titles(reader.outline),
        "named destinations": list(reader.named_destinations),
        "attachments": list(reader.attachments),
    }


def places_outside_the_body(pdf: bytes, secret: str) -> list[str]:
    compact = "".join(secret.split())
    return [
        place
        for place, texts in texts_outside_the_body(pdf).items()
        if any(secret in text or compact in "".join(text.split()) for text in texts)
    ]


def leftovers(folder: Path, expected: set[str]) -> set[str]:
    """Files in `folder` other than those expected (temporary files, partial outputs)."""
    return {path.name for path in folder.iterdir()} - expected
