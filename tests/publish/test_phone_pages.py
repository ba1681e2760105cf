"""build-all's phone pages and --base-url: each PDF has its phone page beside it, the manifest
knows it, and with a base URL the printed sheet has a second QR code that opens that page."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pypdf
import pytest

from generator.content.loading import load_content
from generator.errors import UserError
from generator.publish.build import MANIFEST_NAME, check_base_url, plan_jobs
from generator.render.pipeline import RenderRequest, build_view
from tests.helpers import run, small_content

BASE_URL = "https://sheets.example.org/sim/"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("phone-site")
    content = small_content(tmp_path, carriers=("generic", "mts"), scenarios=("cancel",),
                            languages=("zh-Hans",))
    out = tmp_path / "site"
    result = run("--content-dir", str(content), "build-all", "-o", str(out), "--jobs", "1",
                 "--base-url", BASE_URL.rstrip("/"))  # the slash is added
    assert result.exit_code == 0, result.output + result.stderr
    return content, out


def test_each_pdf_has_its_phone_page_beside_it_and_the_manifest_knows_it(site):
    content, out = site
    jobs = plan_jobs(load_content(content))
    manifest = json.loads((out / MANIFEST_NAME).read_text(encoding="utf-8"))["sheets"]
    for job in jobs:
        page = out / f"{job.scenario}-{job.carrier}-{job.language}-phone.html"
        assert page.is_file()
        html = page.read_text(encoding="utf-8")
        assert f'<html lang="{job.language}">' in html and 'id="staff"' in html
        assert manifest[job.pdf_name]["phone"] == page.name
    # a second run finds them up to date; a deleted phone page is written again
    (out / jobs[0].phone_name).unlink()
    result = run("--content-dir", str(content), "build-all", "-o", str(out), "--jobs", "1",
                 "--base-url", BASE_URL)
    assert result.exit_code == 0, result.output
    assert f"1 rendered, {len(jobs) - 1} up to date" in result.output
    assert (out / jobs[0].phone_name).is_file()


def test_the_printed_sheet_opens_its_phone_page_from_a_second_qr_code(site, tmp_path):
    content, out = site
    bundle = load_content(content)
    for job in plan_jobs(bundle):
        pdf = out / job.pdf_name
        url = BASE_URL + job.phone_name
        pages = pypdf.PdfReader(pdf).pages
        holding = [i for i, page in enumerate(pages) if url in (page.extract_text() or "")]
        assert len(holding) == 1, f"{pdf.name}: the phone page's URL is printed once"
        number = str(holding[0] + 1)
        subprocess.run(["pdftoppm", "-gray", "-r", "150", "-f", number, "-l", number, str(pdf),
                        str(tmp_path / job.stem)], check=True)
        scan = next(tmp_path.glob(f"{job.stem}*.pgm"))
        decoded = subprocess.run(["zbarimg", "--quiet", "--raw", str(scan)],
                                 capture_output=True, text=True, check=False).stdout.split()
        assert url in decoded
        # labelled in the sheet's language and in Russian, apart from the carrier's code
        text = pages[holding[0]].extract_text()
        label = bundle.ui.phone.qr_label
        assert label[job.language] in text and label["ru"] in text
        carrier_site = next((f for f in bundle.facts_for(job.scenario, job.carrier)
                             if f.kind == "website" and f.url), None)
        if carrier_site is not None:
            assert str(carrier_site.url) not in decoded  # not on the same page as the carrier's
        # one page per part, as without the code
        view = build_view(RenderRequest(job.scenario, job.carrier, job.language), bundle)
        assert len(pages) == len(view.parts)


@pytest.mark.parametrize("url", [
    "http://example.org/sheets/",
    "ftp://example.org/",
    "https://",
    "https://localhost/",
    "https://exa mple.org/",
    "https://example.org/a\nb",
    "https://user:secret@example.org/",
    "https://example.org/?q=1",
    "https://example.org/#top",
    "https://example.org:99999/",
    "example.org/sheets",
])
def test_a_bad_base_url_is_one_line_and_exit_2(url, tmp_path):
    with pytest.raises(UserError):
        check_base_url(url)
    result = run("build-all", "-o", str(tmp_path / "site"), "--base-url", url)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and re.match(r"error: --base-url: ", lines[0])
    assert not (tmp_path / "site").exists()


def test_a_good_base_url_becomes_a_folder_address():
    assert check_base_url("https://example.org/sheets") == "https://example.org/sheets/"
    assert check_base_url("https://example.org/sheets/") == "https://example.org/sheets/"


def test_render_names_the_phone_page_as_build_all_does_and_apart_from_the_print_html(
        site, tmp_path, monkeypatch):
    content, out = site
    job = plan_jobs(load_content(content))[0]
    options = ("--content-dir", str(content), "render", "-q", "-s", job.scenario,
               "-c", job.carrier, "-l", job.language)
    with_folder = {}
    for output_format in ("phone", "html"):
        folder = tmp_path / output_format
        folder.mkdir()
        monkeypatch.chdir(folder)
        result = run(*options, "--format", output_format)
        assert result.exit_code == 0, result.output
        with_folder[output_format] = [path.name for path in (folder / "output").iterdir()]
    assert with_folder["phone"] == [job.phone_name]
    assert (out / job.phone_name).is_file()
    assert with_folder["html"] == [f"{job.stem}.html"]


def test_a_phone_page_an_earlier_version_named_otherwise_is_replaced(site, tmp_path):
    content, built = site
    out = tmp_path / "site"
    shutil.copytree(built, out)
    job = plan_jobs(load_content(content))[0]
    manifest_path = out / MANIFEST_NAME
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    old_name = f"{job.stem}.html"  # the name of the first release with phone pages
    (out / job.phone_name).rename(out / old_name)
    manifest["sheets"][job.pdf_name]["phone"] = old_name
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    result = run("--content-dir", str(content), "build-all", "-o", str(out), "--jobs", "1",
                 "--base-url", BASE_URL)
    assert result.exit_code == 0, result.output
    assert "1 rendered" in result.output
    assert (out / job.phone_name).is_file() and not (out / old_name).exists()
