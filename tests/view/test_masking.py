from generator.view.masking import MASK, mask_secret, redact


def test_only_the_last_digits_are_shown_and_the_length_is_hidden():
    assert mask_secret("4510 123456") == MASK + "3456"
    assert mask_secret("40817810099910004312") == MASK + "4312"
    assert mask_secret("12345") == MASK  # too short to show any of it
    assert len(mask_secret("40817810099910004312")) == len(mask_secret("4510123456"))


def test_redact_finds_a_secret_written_with_or_without_spaces():
    message = "passport 4510 123456 or 4510123456 is wrong"
    assert redact(message, ["4510 123456"]) == f"passport {MASK}3456 or {MASK}3456 is wrong"
    assert redact("nothing here", ["4510 123456", ""]) == "nothing here"
