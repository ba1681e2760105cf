"""The personal profile: what the user may prepare at home for the application draft.

Every key is optional: a missing value becomes a blank write-in line on the sheet. No message
raised here repeats a value the user wrote: errors go to the terminal and to logs, personal
data only into the PDF body (a passport number is shown masked at most).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated

from pydantic import BeforeValidator, Field, ValidationInfo, field_validator

from generator.models import bank_account
from generator.models.base import StrictModel
from generator.models.profile_fields import PROFILE_FIELDS  # noqa: F401 - re-exported

QUOTE_HINT = "write it in quotes, e.g. \"044525225\": unquoted digits are read as a number"


def mask(secret: str) -> str:
    """A passport number as an error may show it: never whole."""
    kept = secret[-2:] if len(secret) > 4 else ""
    return "•" * max(len(secret) - len(kept), 3) + kept


def _text(value: object) -> object:
    # Numbers must be quoted: YAML reads 044525225 as an octal number and drops leading zeros.
    if isinstance(value, int | float):  # bool is an int too
        raise ValueError(QUOTE_HINT)
    if isinstance(value, str) and any(ord(char) < 32 for char in value):
        raise ValueError("holds a control character (a tab or line break)")
    return value


def _digits(value: object, length: int, what: str) -> str:
    value = _text(value)
    if not isinstance(value, str):
        raise ValueError(f"must be {length} digits")
    compact = re.sub(r"[\s-]", "", value)
    if not compact.isdigit() or not compact.isascii():
        raise ValueError(f"{what} has digits only")
    if len(compact) != length:
        raise ValueError(f"{what} has {length} digits, this one has {len(compact)}")
    return compact


def russian_mobile(value: object) -> str:
    """Any usual spelling of a Russian mobile number → '+7 912 345-67-89'."""
    import phonenumbers  # here: 25 ms to load, needed only for a profile with a phone

    value = _text(value)
    if not isinstance(value, str):
        raise ValueError("must be a phone number in quotes")
    expected = "a Russian mobile number such as +7 912 345-67-89"
    try:
        number = phonenumbers.parse(value, "RU")
    except phonenumbers.NumberParseException:
        raise ValueError(f"is not a phone number; write {expected}") from None
    if not phonenumbers.is_valid_number(number) or phonenumbers.region_code_for_number(
        number
    ) != "RU":
        raise ValueError(f"is not a valid Russian number; write {expected}")
    if phonenumbers.number_type(number) not in (
        phonenumbers.PhoneNumberType.MOBILE,
        phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
    ):
        raise ValueError(f"is not a mobile number; write {expected}")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def latin_name(value: object) -> str:
    value = _text(value)
    if not isinstance(value, str) or not value.strip():
        raise ValueError("must be the name in Latin letters, as in the passport")
    letters = [char for char in value if char.isalpha()]
    if not letters or any("LATIN" not in unicodedata.name(char, "") for char in letters):
        raise ValueError("use Latin letters as in the passport (e.g. ZHANG WEI)")
    if any(not (char.isalpha() or char in " -'.,") for char in value):
        raise ValueError("use letters, spaces, hyphens and apostrophes only")
    return " ".join(value.split())


def passport_number(value: object) -> str:
    value = _text(value)
    if not isinstance(value, str):
        raise ValueError("must be text")
    compact = " ".join(value.split())
    if not re.fullmatch(r"[A-Za-z0-9№ -]{5,20}", compact):
        # The value itself is never repeated: only its masked form.
        raise ValueError(
            f"({mask(compact)}) must be 5–20 Latin letters, digits, spaces or hyphens"
        )
    return compact


def plain_text(max_length: int):
    def check(value: object) -> str:
        value = _text(value)
        if not isinstance(value, str) or not value.strip():
            raise ValueError("must be text")
        if len(value) > max_length:
            raise ValueError(f"is longer than {max_length} characters")
        return " ".join(value.split())

    return check


def iccid(value: object) -> str:
    value = _text(value)
    if not isinstance(value, str):
        raise ValueError("must be text")
    compact = re.sub(r"\s", "", value)
    # ITU-T E.118: an ICCID starts with 89 (telecom) and has at most 19 digits plus a check
    # digit; cards print 18 to 20 of them.
    if not re.fullmatch(r"89\d{16,18}", compact):
        raise ValueError("is the 18–20 digits printed on the SIM card, starting with 89")
    return compact


def email(value: object) -> str:
    value = _text(value)
    if not isinstance(value, str) or not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", value.strip()):
        raise ValueError("is not an e-mail address such as name@example.com")
    return value.strip()


Bik = Annotated[str, BeforeValidator(lambda value: _digits(value, 9, "a BIK"))]
Account = Annotated[str, BeforeValidator(lambda value: _digits(value, 20, "an account number"))]
Phone = Annotated[str, BeforeValidator(russian_mobile)]
LatinName = Annotated[str, BeforeValidator(latin_name)]
Passport = Annotated[str, BeforeValidator(passport_number)]
Iccid = Annotated[str, BeforeValidator(iccid)]
Email = Annotated[str, BeforeValidator(email)]
BankName = Annotated[str, BeforeValidator(plain_text(80))]
NativeName = Annotated[str, BeforeValidator(plain_text(60))]
Citizenship = Annotated[str, BeforeValidator(plain_text(60))]


class Refund(StrictModel):
    """Where the unused advance goes: a Russian bank account, or another number."""

    bank: BankName | None = None
    bik: Bik | None = None
    account: Account | None = None
    phone: Phone | None = Field(default=None, description="Another number of the same carrier")

    @field_validator("account")
    @classmethod
    def _key_matches_bik(cls, account: str | None, info: ValidationInfo) -> str | None:
        if account is None:
            return None
        if account.startswith(bank_account.CORRESPONDENT_PREFIX):
            raise ValueError(
                "this is the bank's correspondent account (к/с, 30101…); give your own "
                "account number (счёт получателя, often 40817…)"
            )
        if "bik" not in info.data:
            return account  # the BIK itself is wrong: its own message says why
        bik = info.data["bik"]
        if bik is None:
            raise ValueError("give bik too, so the account number can be checked against it")
        if not bank_account.account_matches_bik(bik, account):
            raise ValueError(
                "its control digit (the 9th) does not match the BIK; check both numbers "
                "against your bank's details"
            )
        return account

    @field_validator("phone")
    @classmethod
    def _one_way_only(cls, phone: str | None, info: ValidationInfo) -> str | None:
        if phone and any(info.data.get(name) for name in ("bank", "bik", "account")):
            raise ValueError("give either bank, bik and account, or phone; not both")
        return phone


class OtherPerson(StrictModel):
    """A representative (proxy) or the new holder of the number (transfer)."""

    name_latin: LatinName | None = None
    passport_number: Passport | None = None


class Profile(StrictModel):
    name_latin: LatinName | None = Field(default=None, description="As in the passport")
    name_native: NativeName | None = Field(default=None, description="e.g. 张伟")
    passport_number: Passport | None = None
    citizenship: Citizenship | None = None
    phone: Phone | None = Field(default=None, description="The number to end")
    iccid: Iccid | None = None
    email: Email | None = None
    refund: Refund | None = None
    representative: OtherPerson | None = None
    new_holder: OtherPerson | None = None

    def secrets(self) -> list[str]:
        """Every value in the profile: what must never leave the PDF body."""
        found: list[str] = []

        def collect(model: StrictModel) -> None:
            for name in type(model).model_fields:
                value = getattr(model, name)
                if isinstance(value, StrictModel):
                    collect(value)
                elif isinstance(value, str):
                    found.append(value)

        collect(self)
        return found

    def value_of(self, path: str) -> str | None:
        """`refund.bik` → the value, or None when not given."""
        value: object = self
        for part in path.split("."):
            value = getattr(value, part, None)
            if value is None:
                return None
        return value if isinstance(value, str) else None


EMPTY_PROFILE = Profile()
