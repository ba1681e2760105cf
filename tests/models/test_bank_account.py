"""The account control key (Bank of Russia N 515 of 08.09.1997) on published real numbers."""

import pytest

from generator.models import bank_account

# Client accounts at a credit institution: checked with digits 7–9 of the BIK.
CLIENT_ACCOUNTS = [
    # N 515, appendix, example 3: «40602810K00000000025», BIK 049805746 → key 7.
    # https://zakonbase.ru/content/part/140344
    ("049805746", "40602810700000000025"),
    # A non-profit's published details: р/с 40703 810 8 9048 0000101, BIK 044030790
    # (Bank «Saint Petersburg»). https://kddg.ru/donate
    ("044030790", "40703810890480000101"),
]

# Correspondent accounts at a Bank of Russia cash centre: checked with "0" + BIK digits 5–6.
CORRESPONDENT_ACCOUNTS = [
    # N 515, appendix, example 1: «30101810K00000000746», RKC BIK 049805000 → key 8.
    # https://zakonbase.ru/content/part/140335
    ("049805000", "30101810800000000746"),
    # Published on every page with the bank's details: кор. счёт and BIK.
    ("044030790", "30101810900000000790"),  # Bank «Saint Petersburg», https://kddg.ru/donate
    ("044525225", "30101810400000000225"),  # Sberbank, Moscow
    ("044525187", "30101810700000000187"),  # VTB, Moscow
    ("044525593", "30101810200000000593"),  # Alfa-Bank, Moscow
    ("044525974", "30101810145250000974"),  # T-Bank, Moscow
]


@pytest.mark.parametrize(("bik", "account"), CLIENT_ACCOUNTS)
def test_published_client_accounts_match_their_bik(bik, account):
    assert bank_account.account_matches_bik(bik, account)


@pytest.mark.parametrize(("bik", "account"), CORRESPONDENT_ACCOUNTS)
def test_published_correspondent_accounts_match_their_cash_centre(bik, account):
    number = "0" + bik[4:6]  # N 515 item 2: an account at a Bank of Russia cash centre
    assert bank_account.key_is_valid(number, account)
    # …and they are not a client's account at that bank: the other rule refuses them.
    assert not bank_account.account_matches_bik(bik, account)


def test_the_worked_sum_of_example_3_is_reproduced():
    # N 515 example 3, step 4: the last digits of the products add up to 59; 9 × 3 = 27 → 7.
    zeroed = "40602810000000000025"
    digits = "746" + zeroed
    products = [int(d) * (7, 1, 3)[i % 3] % 10 for i, d in enumerate(digits)]
    assert sum(products) == 59
    assert bank_account.key_is_valid("746", zeroed[:8] + "7" + zeroed[9:])


@pytest.mark.parametrize(("bik", "account"), CLIENT_ACCOUNTS)
def test_every_single_digit_mistake_is_caught(bik, account):
    # The weights 7, 1, 3 are coprime with 10, so any one wrong digit changes the sum's last
    # digit: in the account and in the BIK's last three digits alike.
    for position in range(20):
        for digit in "0123456789":
            if digit != account[position]:
                wrong = account[:position] + digit + account[position + 1 :]
                assert not bank_account.account_matches_bik(bik, wrong), (position, digit)
    for position in range(6, 9):
        for digit in "0123456789":
            if digit != bik[position]:
                wrong_bik = bik[:position] + digit + bik[position + 1 :]
                assert not bank_account.account_matches_bik(wrong_bik, account)


def test_a_swap_of_two_neighbouring_digits_is_usually_caught():
    bik, account = CLIENT_ACCOUNTS[1]
    caught = 0
    swaps = 0
    for position in range(19):
        if account[position] != account[position + 1]:
            swaps += 1
            swapped = (account[:position] + account[position + 1] + account[position]
                       + account[position + 2 :])
            caught += not bank_account.account_matches_bik(bik, swapped)
    assert swaps and caught / swaps > 0.5
