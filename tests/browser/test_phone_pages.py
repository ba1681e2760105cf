"""The phone pages and the index in a real browser (Chromium), at a phone's 360×740 and a
desktop's 1280×800: nothing wider than the screen, every text in its language, no request but
the file itself, the staff request large enough to read across a counter, ticks kept across a
reload, the staff view without JavaScript, the three taps from the index to a phone page, and
no serious or critical axe-core violation."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.content.interface import load_catalog_strings
from generator.content.loading import load_content
from generator.render.pipeline import RenderRequest, render
from generator.view.phone import DIALLED_KINDS, storage_key
from tests.browser.checks import (
    DESKTOP,
    HORIZONTAL_OVERFLOW,
    PHONE,
    TEXT_LANGUAGES,
    VIEWPORTS,
    axe_violations,
)
from tests.helpers import run, small_content

BUNDLE = load_content()
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
HAN = re.compile(r"[\u3400-\u9fff]")
MIN_STAFF_REQUEST_PX = 24  # issue 16: readable across a counter


def plain(text: str) -> str:
    """Spaces as a reader sees them (the templates keep a line's last words together)."""
    return " ".join(text.replace("\xa0", " ").replace("\u2060", "").split())


def _dialled_contacts(carrier_id: str) -> int:
    facts = BUNDLE.facts_for(BUNDLE.meta.defaults.scenario, carrier_id)
    return sum(fact.kind in DIALLED_KINDS and fact.is_statement for fact in facts)


# Every scenario in every language, for the content's default carrier (write-in lines) and for
# the carrier with the most stated numbers (tel: links, verify marks): read from the content.
MOST_NUMBERS = max(sorted(BUNDLE.carriers), key=_dialled_contacts)
CARRIERS = sorted({BUNDLE.meta.defaults.carrier, MOST_NUMBERS})
PAGES = [
    (scenario, carrier, language)
    for scenario in BUNDLE.scenarios
    for carrier in CARRIERS
    for language in BUNDLE.languages_for(scenario, carrier)
]


@pytest.fixture(scope="session")
def phone_pages(tmp_path_factory) -> dict[tuple[str, str, str], Path]:
    """Every phone page of PAGES, rendered once per session."""
    folder = tmp_path_factory.mktemp("phone-pages")
    pages = {}
    for sheet in PAGES:
        result = render(RenderRequest(*sheet, output_format="phone"), BUNDLE)
        path = folder / result.file_name
        path.write_bytes(result.data)
        pages[sheet] = path
    return pages


def _check_screen(page, where: str) -> None:
    overflow = page.evaluate(HORIZONTAL_OVERFLOW)
    assert overflow["scroll"] <= overflow["client"], f"{where}: wider than the screen: {overflow}"
    assert not overflow["wide"], f"{where}: past the right edge: {overflow['wide']}"


def _check_languages(page, user_language: str, where: str) -> None:
    for lang, text in page.evaluate(TEXT_LANGUAGES):
        assert lang, f"{where}: no lang for {text!r}"
        if CYRILLIC.search(text):
            assert lang == "ru", f"{where}: Russian {text!r} marked {lang}"
        if HAN.search(text):
            assert lang.startswith("zh"), f"{where}: Chinese {text!r} marked {lang}"


def _check_links(page, scenario: str, carrier: str, where: str) -> None:
    """Links are in-page anchors, tel: links of stated numbers or the official site."""
    hrefs = page.eval_on_selector_all("[href], [src]", "es => es.map(e => e.getAttribute("
                                      "'href') || e.getAttribute('src'))")
    facts = BUNDLE.facts_for(scenario, carrier)
    official = {str(fact.url) for fact in facts
                if fact.kind == "website" and fact.url and fact.is_statement}
    # a tel: link only for a stated number, never for an unconfirmed one
    stated = {re.sub(r"[^0-9+*#]", "", fact.value).replace("#", "%23")
              for fact in facts if fact.kind in DIALLED_KINDS and fact.is_statement}
    for href in hrefs:
        assert href.startswith(("#", "tel:")) or href in official, f"{where}: {href}"
        if href.startswith("tel:"):
            assert href.removeprefix("tel:") in stated, f"{where}: {href}"


def _check_screens(page, where: str) -> None:
    """Nothing wider than the screen at a phone's size and at a desktop's (the page is laid
    out again at each), then back on the phone."""
    _check_screen(page, f"{where} at phone size")
    page.set_viewport_size(DESKTOP)
    _check_screen(page, f"{where} at desktop size")
    page.set_viewport_size(PHONE)


@pytest.mark.parametrize("sheet", PAGES, ids=["-".join(sheet) for sheet in PAGES])
def test_phone_page_fits_speaks_its_languages_links_and_fetches_nothing_else(
    phone_pages, open_page, sheet
):
    """One visit per page, as a phone user makes it: the user part, the staff view one tap
    away and back, each checked at both screen sizes and by axe-core."""
    scenario, carrier, language = sheet
    url = phone_pages[sheet].as_uri()
    page, requests = open_page(url, PHONE)
    assert page.evaluate("document.documentElement.lang") == language
    _check_links(page, scenario, carrier, f"{sheet}")
    _check_languages(page, language, f"{sheet}")  # every text node, shown or hidden
    title = BUNDLE.scenarios[scenario].title[language]
    assert plain(page.locator("h1").inner_text()) == plain(title)
    assert page.locator("#staff").is_hidden() and page.locator("#me").is_visible()
    _check_screens(page, f"{sheet} user part")
    assert axe_violations(page) == [], f"{sheet} user part"

    # the staff view, one tap away
    page.locator(".to-staff a").click()
    assert page.url.endswith("#staff")
    assert page.locator("#staff").is_visible() and page.locator("#me").is_hidden()
    request = page.locator("#staff .request [lang=ru]")
    assert plain(request.inner_text()) == plain(BUNDLE.scenarios[scenario].staff.request["ru"])
    size = float(request.evaluate("e => getComputedStyle(e).fontSize").removesuffix("px"))
    assert size >= MIN_STAFF_REQUEST_PX, f"{sheet}: staff request {size}px on a phone"
    _check_screens(page, f"{sheet} staff view")
    assert axe_violations(page) == [], f"{sheet} staff view"
    page.locator("#staff .back a").first.click()
    assert page.locator("#me").is_visible() and page.locator("#staff").is_hidden()
    assert requests.refused == [], f"{sheet}: requested {requests.refused}"
    assert set(requests.seen) <= {url}, f"{sheet}: requested {requests.seen}"


def test_ticks_survive_a_reload_and_a_new_visit(phone_pages, open_page):
    sheet = PAGES[0]
    url = phone_pages[sheet].as_uri()
    page, _ = open_page(url, PHONE)
    boxes = page.locator("input[data-tick]")
    assert boxes.count() == sum(len(s.items) for s in BUNDLE.scenarios[sheet[0]].sections) + 1
    boxes.nth(0).click()  # tapping the box
    page.locator(f"label[for='{boxes.nth(2).get_attribute('id')}']").click()  # or its text
    page.reload()
    checked = [boxes.nth(i).is_checked() for i in range(boxes.count())]
    assert checked[0] and checked[2] and not checked[1]
    # a fresh visit (no form restoring by the browser): the state came from localStorage
    fresh = page.context.new_page()
    fresh.goto(url)
    again = fresh.locator("input[data-tick]")
    assert again.nth(0).is_checked() and again.nth(2).is_checked() and not again.nth(1).is_checked()
    # kept under the sheet's codes only, nothing personal
    key = fresh.evaluate("Object.keys(localStorage)")
    expected = render(RenderRequest(*sheet, output_format="phone"), BUNDLE).sheet
    assert key == [storage_key(expected)]
    assert key[0] == f"sim-checklist:{'-'.join(sheet)}"
    # un-ticking is kept too
    again.nth(0).click()
    fresh.reload()
    assert not fresh.locator("input[data-tick]").nth(0).is_checked()


def test_without_javascript_both_parts_are_reachable(phone_pages, open_page):
    sheet = PAGES[0]
    page, _ = open_page(phone_pages[sheet].as_uri(), PHONE, javascript=False)
    assert page.locator("#me").is_visible()
    page.locator(".to-staff a").click()
    assert page.locator("#staff").is_visible() and page.locator("#me").is_hidden()
    page.locator("#staff .back a").first.click()
    assert page.locator("#me").is_visible() and page.locator("#staff").is_hidden()
    page.locator("input[data-tick]").first.click()  # a tick still ticks; it is just not kept
    assert page.locator("input[data-tick]").first.is_checked()


def test_the_profile_fills_the_staff_view(tmp_path, open_page):
    profile = tmp_path / "me.yaml"
    profile.write_text("name_latin: IVANOVA ANNA\nphone: '+79123456789'\n", encoding="utf-8")
    sheet = PAGES[0]
    result = render(RenderRequest(*sheet, output_format="phone", profile=profile), BUNDLE)
    assert "IVANOVA" not in result.file_name
    path = tmp_path / result.file_name
    path.write_bytes(result.data)
    page, requests = open_page(path.as_uri() + "#staff", PHONE)
    who = page.locator("#staff .who").inner_text()
    assert "IVANOVA ANNA" in who and "+7 912 345-67-89" in who
    assert "IVANOVA" not in page.evaluate("JSON.stringify(localStorage)")
    assert requests.refused == []


# --- the index ---------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """A built folder: two scenarios, the default carrier and one more, in two languages."""
    tmp_path = tmp_path_factory.mktemp("browser-site")
    scenarios = tuple(list(BUNDLE.scenarios)[:2])
    languages = tuple(BUNDLE.meta.language_codes[:2])
    content = small_content(tmp_path, carriers=tuple(CARRIERS), scenarios=scenarios,
                            languages=languages)
    out = tmp_path / "site"
    result = run("--content-dir", str(content), "build-all", "-o", str(out), "--jobs", "1")
    assert result.exit_code == 0, result.output + result.stderr
    return content, out


def _site_files(out: Path) -> set[str]:
    return {path.as_uri() for path in out.rglob("*") if path.is_file()}


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_index_fits_speaks_its_languages_and_fetches_nothing_outside(site, open_page, viewport):
    content, out = site
    strings = load_catalog_strings(content)
    page, requests = open_page((out / "index.html").as_uri(), VIEWPORTS[viewport],
                               allowed=_site_files(out))
    for code in strings.languages:
        page.locator(f"label[for='show-{code}']").click()
        page.locator("details.scenario").first.locator("> summary").click()
        page.locator("details.card").first.locator("> summary").click()
        _check_screen(page, f"index in {code}")
        _check_languages(page, code, f"index in {code}")
        assert plain(page.locator("h1").inner_text()) == plain(strings.title[code])
        if viewport == "phone":
            assert axe_violations(page) == [], f"index in {code}"
        page.reload()
    assert requests.refused == []


def test_three_taps_from_the_index_to_a_phone_page(site, open_page):
    content, out = site
    bundle = load_content(content)
    strings = load_catalog_strings(content)
    for code in strings.languages:
        for scenario_id in bundle.scenarios:
            carrier_id = CARRIERS[-1]
            page, requests = open_page((out / "index.html").as_uri(), PHONE,
                                       allowed=_site_files(out))
            page.locator(f"label[for='show-{code}']").click()  # the page's language
            page.locator(f"details#{scenario_id} > summary").click()  # tap 1: the situation
            card = page.locator(f"details#{scenario_id}-{carrier_id}")
            card.locator("summary").click()  # tap 2: the carrier
            # the other carriers' cards stay folded: nothing of theirs to scroll past
            for other in page.locator("details.card").all():
                if other.get_attribute("id") != f"{scenario_id}-{carrier_id}":
                    assert other.locator(".card-body").is_hidden()
            sheet_language = bundle.languages_for(scenario_id, carrier_id)[0]
            link = card.locator(f"a.phone[hreflang='{sheet_language}']")
            assert plain(link.inner_text()) == plain(strings.phone_page[code])
            link.click()  # tap 3: the phone page
            page.wait_for_load_state()
            name = f"{scenario_id}-{carrier_id}-{sheet_language}-phone.html"
            assert page.url == (out / name).as_uri()
            title = bundle.scenarios[scenario_id].title[sheet_language]
            assert plain(page.locator("h1").inner_text()) == plain(title)
            assert requests.refused == []
            page.context.close()

