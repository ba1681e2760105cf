from generator.content.problems import misspelt_keys


def test_an_unknown_key_is_matched_to_the_missing_key_it_resembles():
    details = [
        (("title",), {"type": "missing"}),
        (("titel",), {"type": "extra_forbidden"}),
        (("colour",), {"type": "extra_forbidden"}),
        (("sections", 0, "itmes"), {"type": "extra_forbidden"}),
        (("sections", 0, "items"), {"type": "missing"}),
    ]
    assert misspelt_keys(details) == {
        ("titel",): ("title",),
        ("sections", 0, "itmes"): ("sections", 0, "items"),
    }
