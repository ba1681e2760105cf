from generator.view.masking import MASK, mask_secret


def test_only_the_last_digits_are_shown_and_the_length_is_hidden():
    assert mask_secret("4510 123456") == MASK + "3456"
    assert mask_secret("40817810099910004312") == MASK + "4312"
    assert mask_secret("12345") == MASK  # too short to show any of it
    assert len(mask_secret("40817810099910004312")) == len(mask_secret("4510123456"))
