"""Keep personal numbers (passport, bank account) out of messages: show only their last digits."""

from __future__ import annotations

MASK = "••••"


def mask_secret(value: str, visible: int = 4) -> str:
    """`4510 123456` → `••••3456`: enough to recognise one's own number, not to copy it.

    The mask has a fixed width so it does not tell the length either; values shorter than
    twice `visible` are masked completely.
    """
    compact = "".join(value.split())
    if len(compact) < 2 * visible:
        return MASK
    return MASK + compact[-visible:]



