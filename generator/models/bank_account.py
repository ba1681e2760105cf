"""Russian bank details: the BIK and the control key of a 20-digit account number.

The control key is the 9th digit of the account. Bank of Russia, «Порядок расчета
контрольного ключа в номере лицевого счета» (08.09.1997 N 515), items 2–5: put the three-digit
number of the bank in front of the 20 digits (for an account at a credit institution: digits
7–9 of its BIK; for an account at a Bank of Russia cash centre, РКЦ: "0" + digits 5–6), weigh
the 23 digits 7, 1, 3, 7, 1, 3, …, and add up the last digit of each product: with the right key
the sum ends in 0. The document's own worked examples are in tests/models/test_bank_account.py.
"""

from __future__ import annotations

WEIGHTS = (7, 1, 3)
# Balance account 30101 is a bank's correspondent account at the Bank of Russia: printed on
# every bank's details page, and the wrong number to give for a refund to yourself.
CORRESPONDENT_PREFIX = "30101"


def credit_institution_number(bik: str) -> str:
    """The three digits an account at a credit institution is checked with (N 515, item 2)."""
    return bik[6:9]


def _weighted_sum(bank_number: str, account: str) -> int:
    digits = bank_number + account
    return sum(int(digit) * WEIGHTS[index % 3] % 10 for index, digit in enumerate(digits))


def key_is_valid(bank_number: str, account: str) -> bool:
    """True when the account's 9th digit is the control key for this bank number."""
    return _weighted_sum(bank_number, account) % 10 == 0


def account_matches_bik(bik: str, account: str) -> bool:
    """A personal account at a bank: checked with digits 7–9 of the bank's BIK."""
    return key_is_valid(credit_institution_number(bik), account)
