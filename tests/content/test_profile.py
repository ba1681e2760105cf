"""The personal profile: values normalised, every mistake one `file:line: field: message`."""

import typing
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from pydantic import BaseModel

from generator.content.loading import ContentProblems
from generator.content.profile import load_profile, template_text
from generator.errors import RenderError
from generator.models.profile import PROFILE_FIELDS, Profile
from generator.render.pipeline import RenderRequest, render
from tests.conftest import page_texts
from tests.helpers import weasyprint_warnings_kept_out_of_the_log
from tests.strategies import appears_in, printable_text

FULL_PROFILE = """\
name_latin: "ZHANG  WEI"
name_native: "张伟"
passport_number: "E12345678"
citizenship: "Китай (КНР)"
phone: "8 (912) 345 67 89"
iccid: "8970 1991 2345 6789 012"
email: "zhang.wei@example.com"
refund:
  bank: "ПАО «Банк «Санкт-Петербург»"
  bik: "044030790"
  account: "40703 810 8 9048 0000101"
representative:
  name_latin: "LI NA"
  passport_number: "EB7654321"
new_holder:
  name_latin: "WANG FANG"
  passport_number: "EC1122334"
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "profile.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def problem(tmp_path: Path, text: str) -> str:
    with pytest.raises(ContentProblems) as error:
        load_profile(write(tmp_path, text))
    message = str(error.value)
    assert "\n" not in message, message
    return message


def test_a_full_profile_loads_normalised(tmp_path):
    profile = load_profile(write(tmp_path, FULL_PROFILE))
    assert profile.name_latin == "ZHANG WEI"
    assert profile.phone == "+7 912 345-67-89"
    assert profile.iccid == "8970199123456789012"
    assert profile.refund.account == "40703810890480000101"
    assert profile.refund.phone is None
    assert profile.value_of("new_holder.passport_number") == "EC1122334"
    assert profile.value_of("refund.phone") is None


@pytest.mark.parametrize("text", ["", "# nothing yet\n", "refund:\nrepresentative:\n"])
def test_an_empty_profile_is_all_blanks(tmp_path, text):
    profile = load_profile(write(tmp_path, text))
    assert all(profile.value_of(name) is None for name in PROFILE_FIELDS)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('refund:\n  bik: "04403079"\n', ":2: refund.bik: a BIK has 9 digits, this one has 8"),
        ('refund:\n  bik: "04403079a"\n', ":2: refund.bik: a BIK has digits only"),
        ("refund:\n  bik: 044525225\n", ':2: refund.bik: write it in quotes, e.g. "044525225"'),
        ('refund:\n  bik: "044030790"\n  account: "4070381089048000010"\n',
         ":3: refund.account: an account number has 20 digits, this one has 19"),
        ('refund:\n  bik: "044030790"\n  account: "40703810890480000102"\n',
         ":3: refund.account: its control digit (the 9th) does not match the BIK"),
        ('refund:\n  bik: "044525225"\n  account: "40703810890480000101"\n',
         ":3: refund.account: its control digit (the 9th) does not match the BIK"),
        ('refund:\n  bik: "044030790"\n  account: "30101810900000000790"\n',
         ":3: refund.account: this is the bank's correspondent account"),
        ('refund:\n  account: "40703810890480000101"\n', ":2: refund.account: give bik too"),
        ('refund:\n  bik: "044030790"\n  phone: "+79123456789"\n',
         ":3: refund.phone: give either bank, bik and account, or phone; not both"),
        ('phone: "+7 495 123-45-67"\n', ":1: phone: is not a mobile number"),
        ('phone: "+7 701 123 4567"\n', ":1: phone: is not a valid Russian number"),
        ('phone: "call me"\n', ":1: phone: is not a phone number"),
        ("phone: 89123456789\n", ":1: phone: write it in quotes"),
        ('phnoe: "+79123456789"\n', ":1: phnoe: unknown key; did you mean 'phone'?"),
        ('refund:\n  iban: "x"\n', ":2: refund.iban: unknown key"),
        ('name_latin: "张伟"\n', ":1: name_latin: use Latin letters as in the passport"),
        ('iccid: "12345"\n', ":1: iccid: is the 18–20 digits printed on the SIM card"),
        ('email: "zhang at example"\n', ":1: email: is not an e-mail address"),
        ("- phone\n", ":1: (file): must be a mapping of keys to values"),
    ],
)
def test_each_mistake_is_one_line_naming_file_line_and_field(tmp_path, text, expected):
    message = problem(tmp_path, text)
    assert message.startswith(f"{tmp_path / 'profile.yaml'}{expected}"), message


@pytest.mark.parametrize(
    "text",
    [
        'passport_number: "E1234#5678"\n',
        'passport_number: "E12345678 with a much too long tail"\n',
        'representative:\n  passport_number: "E1234#5678"\n',
    ],
)
def test_a_passport_number_is_never_echoed_whole(tmp_path, text):
    secret = text.split('"')[1]
    message = problem(tmp_path, text)
    assert "passport_number" in message
    assert secret not in message
    assert secret.replace(" ", "") not in message.replace(" ", "")
    assert secret[:-2] not in message  # at most its last two characters show


def test_no_error_repeats_the_value_it_refuses(tmp_path):
    for text, secret in [
        ('phone: "+7 701 123 4567"\n', "701"),
        ('refund:\n  bik: "044030790"\n  account: "40703810890480000102"\n', "4070381"),
        ('name_latin: "张伟"\n', "张伟"),
        ('email: "zhang at example"\n', "zhang"),
    ]:
        assert secret not in problem(tmp_path, text)


def test_the_template_names_every_field_and_loads_as_an_empty_profile(tmp_path):
    text = template_text()
    for name in PROFILE_FIELDS:
        assert f"{name.rsplit('.', 1)[-1]}:" in text, name
    assert text.count("#") > 20  # commented prose
    profile = load_profile(write(tmp_path, text))
    assert profile == Profile(refund=profile.refund, representative=profile.representative,
                              new_holder=profile.new_holder)
    assert all(profile.value_of(name) is None for name in PROFILE_FIELDS)


def test_the_template_filled_in_loads(tmp_path):
    text = (template_text()
            .replace("name_latin:            #", 'name_latin: "ZHANG WEI"  #', 1)
            .replace("  bik:                 #", '  bik: "044030790"  #')
            .replace("  account:             #", '  account: "40703810890480000101"  #'))
    profile = load_profile(write(tmp_path, text))
    assert profile.name_latin == "ZHANG WEI"
    assert profile.refund.account == "40703810890480000101"


@settings(max_examples=3, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(name=printable_text(max_size=12))
@example(name="钱多余")
@example(name="Ngũgĩ wa Thiong'o <b>&</b> محمد")
@example(name="\U00013000\U00013001")  # Egyptian hieroglyphs: no font the sheet uses has them
def test_any_printable_native_name_is_printed_or_refused_clearly(tmp_path_factory, name):
    """Issue 9: printable Unicode in name_native ends in the PDF's text or in one line that
    names the field and what to do, never echoing the name or failing with a traceback."""
    folder = tmp_path_factory.mktemp("native-name")
    path = folder / "me.yaml"
    path.write_text(yaml.safe_dump({"name_latin": "QIAN DUOYU", "name_native": name},
                                   allow_unicode=True), encoding="utf-8")
    try:
        profile = load_profile(path)
    except ContentProblems as error:
        message = str(error)
        assert message.startswith(f"{path}:2: name_native: ") and "\n" not in message, message
        return
    if profile.name_native is None:  # only spaces: an empty field, printed as a blank
        assert not name.strip()
        return
    try:
        with weasyprint_warnings_kept_out_of_the_log():
            result = render(RenderRequest(carrier="mts", profile=profile))
    except RenderError as error:
        message = str(error)
        assert "\n" not in message and "name_native" in message, message
        assert "install fonts-noto-cjk" in message and profile.name_native not in message
        return
    assert appears_in(profile.name_native, "".join(page_texts(result.data))), name




def test_profile_fields_name_every_field_of_the_profile_model():
    """PROFILE_FIELDS lives apart from the model (loading the content must not build it)."""

    def leaves(model: type, prefix: str = "") -> list[str]:
        found = []
        for name, field in model.model_fields.items():
            nested = [kind for kind in typing.get_args(field.annotation) if isinstance(kind, type)
                      and issubclass(kind, BaseModel)]
            found += leaves(nested[0], f"{prefix}{name}.") if nested else [f"{prefix}{name}"]
        return found

    assert sorted(PROFILE_FIELDS) == sorted(leaves(Profile))
