"""Keep personal numbers (passport, bank account) out of messages: show only their last digits."""

from __future__ import annotations

from collections.abc import Iterable

MASK = "••••"
MIN_SECRET_LENGTH = 3  # shorter strings are too common to hunt for in a message


def mask_secret(value: str, visible: int = 4) -> str:
    """`4510 123456` → `••••3456`: enough to recognise one's own number, not to copy it.

    The mask has a fixed width so it does not tell the length either; values shorter than
    twice `visible` are masked completely.
    """
    compact = "".join(value.split())
    if len(compact) < 2 * visible:
        return MASK
    return MASK + compact[-visible:]


def redact(message: str, secrets: Iterable[str]) -> str:
    """Replace each secret (as written, or without its spaces) in `message` by its mask."""
    for secret in sorted({s for s in secrets if s}, key=len, reverse=True):
        masked = mask_secret(secret)
        for form in {secret.strip(), "".join(secret.split())}:
            if len(form) >= MIN_SECRET_LENGTH:
                message = message.replace(form, masked)
    return message
