"""The suite's own scheduling (tests/conftest.py): a sheet's checks are one work unit, read
from the test id, whatever other parameters the test has."""

from __future__ import annotations

from tests.conftest import SHEETS, sheet_in_test_id, work_unit


def test_every_sheet_is_read_back_from_its_test_id_with_or_without_more_parameters():
    for sheet in SHEETS:
        name = "-".join(sheet)
        assert sheet_in_test_id(f"tests/sheets/test_x.py::test_y[{name}]") == sheet
        assert sheet_in_test_id(f"tests/sheets/test_x.py::test_y[{name}-a4]") == sheet
        assert sheet_in_test_id(f"tests/sheets/test_x.py::test_y[letter-{name}]") == sheet


def test_one_sheets_checks_share_a_unit_and_other_tests_go_with_their_module():
    name = "-".join(SHEETS[-1])
    units = {work_unit(f"tests/{module}::test_check[{name}]")
             for module in ("sheets/test_print_rules.py", "quality/test_language_gates.py")}
    assert units == {f"sheet-{name}"}
    assert work_unit("tests/sheets/test_x.py::test_y[a4]") == "tests/sheets/test_x.py"
    assert work_unit("tests/cli/test_main.py::test_help") == "tests/cli/test_main.py"
    # the browser's page checks by scenario, so both workers share the module
    assert work_unit(f"tests/browser/test_b.py::test_page[{name}]") == (
        f"tests/browser/test_b.py-{SHEETS[-1][0]}")
