"""Hostile text in content prints as literal text and makes WeasyPrint fetch nothing."""

from __future__ import annotations

import io
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar
from urllib.error import HTTPError
from urllib.request import urlopen

import jinja2
import pypdf
import pytest

import generator.render.pdf
from generator.paths import FONTS_DIR
from generator.render.html import TEMPLATES_DIR, _environment
from generator.render.pdf import html_to_pdf
from generator.render.pipeline import RenderRequest, render
from tests.conftest import page_texts, squash
from tests.content_tools import copy_content, edit_yaml

PROJECT = Path(__file__).resolve().parents[2]

# {server} is replaced by the address of a local HTTP server that must receive no request.
HOSTILE = [
    '<img src="file:///etc/passwd">',
    '</style><style>@import url("{server}/import.css");</style>',
    '<script>document.write("owned")</script>',
    '{{ 7*7 }} {% include "sheet.html.j2" %} {{ sheet.__class__ }}',
    '<a href="javascript:alert(1)">javascript:alert(1)</a>',
    '<link rel="stylesheet" href="{server}/link.css">',
    '<div style="background: url({server}/bg.png)">x</div>',
    '<svg><image href="{server}/svg.png"/></svg>',
    '<iframe src="{server}/frame"></iframe><object data="file:///etc/shadow"></object>',
    "&lt;b&gt; &amp; &#60;i&#62; ]]> <!-- comment --> <![CDATA[x]]>",
    '<base href="{server}/"><img src="relative.png">',
    '<meta http-equiv="refresh" content="0;url={server}/refresh">',
    "@font-face { src: url({server}/font.ttf) } ' \" ` \\ {{ }}",
]


class RecordingHandler(BaseHTTPRequestHandler):
    requests: ClassVar[list[str]] = []

    def do_GET(self):
        RecordingHandler.requests.append(self.path)
        self.send_response(404)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), RecordingHandler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    address = f"http://127.0.0.1:{httpd.server_address[1]}"
    with pytest.raises(HTTPError):  # the control: a request that is made is recorded
        urlopen(f"{address}/control", timeout=5)  # noqa: S310 - our own local server
    assert RecordingHandler.requests == ["/control"]
    yield address
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def fetched(monkeypatch):
    """Every URL WeasyPrint asks the fetcher for, allowed or not."""
    urls: list[str] = []
    original = generator.render.pdf._local_fetcher

    def recording(allowed_dirs):
        fetcher = original(allowed_dirs)
        inner = fetcher.fetch

        def fetch(url, headers=None):
            urls.append(url)
            return inner(url, headers)

        fetcher.fetch = fetch
        return fetcher

    monkeypatch.setattr(generator.render.pdf, "_local_fetcher", recording)
    return urls


def hostile_content(folder: Path, strings: list[str]) -> Path:
    """A content copy whose checklist items, title and carrier name are `strings`."""
    copy_content(folder)

    def every_language(data, user_text, russian):
        # Each language the file declares, so the sheet is still complete in all of them.
        return {**{language: user_text for language in data["languages"]}, "ru": russian}

    def scenario(data):
        items = [item for section in data["sections"] for item in section["items"]]
        assert len(items) >= len(strings)
        for item, text in zip(items, strings, strict=False):
            item["text"] = every_language(data, text, text)
        data["title"] = every_language(data, strings[0], strings[1])

    def carrier(data):
        data["name"] = every_language(data, strings[2], strings[3])

    edit_yaml(folder / "scenarios" / "cancel.yaml", scenario)
    edit_yaml(folder / "carriers" / "generic.yaml", carrier)
    return folder


def test_hostile_content_prints_literally_and_fetches_nothing(tmp_path, server, fetched):
    strings = [text.replace("{server}", server) for text in HOSTILE]
    folder = hostile_content(tmp_path / "content", strings)
    RecordingHandler.requests.clear()

    result = render(RenderRequest(content_dir=folder))

    text = squash("".join(page_texts(result.data)))
    for hostile in strings:
        # Each string is in a checklist item in Chinese and in Russian, and some elsewhere.
        assert text.count(squash(hostile)) >= 2, hostile
    assert "owned" not in text.replace('document.write("owned")', "")
    assert result.warnings == []
    assert RecordingHandler.requests == []
    # Only data: URLs and our own pre-cut fonts (fonts/*.otf), never a URL from the content.
    ours = FONTS_DIR.resolve().as_uri() + "/"
    foreign = [url for url in fetched
               if not url.startswith("data:")
               and not (url.startswith(ours) and url.endswith(".otf") and ".." not in url)]
    assert foreign == [], fetched
    title = pypdf.PdfReader(io.BytesIO(result.data)).metadata.title
    assert strings[0] in title  # metadata holds the text, not markup interpreted


def test_hostile_content_is_escaped_in_the_html(tmp_path, server):
    strings = [text.replace("{server}", server) for text in HOSTILE]
    folder = hostile_content(tmp_path / "content", strings)
    html = render(RenderRequest(content_dir=folder, output_format="html")).data.decode()
    assert "&lt;img src=&#34;file:///etc/passwd&#34;&gt;" in html
    assert html.count("<meta http-equiv") == 1  # only our own policy below
    for raw in ["<img", "<script", "<iframe", "<link", "<svg", "<base", "<object"]:
        assert raw not in html
    assert html.count("</style>") == 1  # only the end of our own stylesheet
    # Not evaluated: the literal stays and no 49 appears (the server's random port may hold one).
    assert "{{ 7*7 }}" in html and "49" not in html.replace(server, "")
    # A browser opening the HTML file runs no script and fetches nothing, whatever it holds.
    assert ("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
            "style-src 'unsafe-inline'; img-src data:\">") in html


def test_the_fetcher_refuses_everything_but_our_files_and_data(server, caplog):
    """Even raw markup (never produced from content) cannot reach the network or other files."""
    inside = (TEMPLATES_DIR / "css" / "00-page.css").as_uri()
    traversal = TEMPLATES_DIR.as_uri() + "/../../../../etc/passwd"
    svg = (
        "data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg'>"
        f"<image href='{server}/from-svg.png' width='9' height='9'/></svg>"
    )
    html = (
        '<html lang="ru"><head>'
        f'<link rel="stylesheet" href="{server}/a.css">'
        f'<style>@import url("{server}/b.css"); p {{ background: url({server}/c.png) }}</style>'
        f'<link rel="stylesheet" href="{inside}">'
        "</head><body><p>Текст</p>"
        f'<img src="file:///etc/passwd"><img src="{traversal}">'
        f'<img src="file://example.org{TEMPLATES_DIR}/css/00-page.css">'
        f'<img src="{svg}"></body></html>'
    )
    RecordingHandler.requests.clear()
    pdf, warnings = html_to_pdf(html, TEMPLATES_DIR, title="t", language="ru")
    assert pdf.startswith(b"%PDF")
    assert RecordingHandler.requests == []
    blocked = [warning for warning in warnings if "blocked" in warning]
    assert len(blocked) >= 6, warnings
    assert not any("00-page.css" in w and "blocked" in w and "example.org" not in w
                   for w in warnings)  # our own stylesheet was allowed
    caplog.clear()  # the refusals WeasyPrint logged are the point of this test


def test_templates_never_mark_text_safe():
    environment = _environment(TEMPLATES_DIR)
    assert environment.autoescape is True
    assert environment.undefined is jinja2.StrictUndefined
    templates = sorted(TEMPLATES_DIR.rglob("*.j2"))
    assert templates
    for template in templates:
        source = template.read_text(encoding="utf-8")
        tree = environment.parse(source)
        filters = {node.name for node in tree.find_all(jinja2.nodes.Filter)}
        assert not filters & {"safe", "tojson"}, template
        assert not list(tree.find_all(jinja2.nodes.ScopedEvalContextModifier)), template


def test_markup_is_built_only_from_our_own_stylesheets():
    """Markup() wraps only our own files: the sheet's CSS files, the paper's @page rule, the
    catalog page's stylesheet and the phone page's CSS and script; never content or profile
    text, never `|safe`."""
    ours = re.compile(r"Markup\((stylesheet|our_css\)|our_script\)|paper\.page_css\(\))")
    uses = []
    for path in sorted((PROJECT / "generator").rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"\bMarkup\(|\|\s*safe\b|autoescape\s*=\s*False", line):
                uses.append((f"{path.name}:{number}", line))
    assert uses
    others = [(where, line) for where, line in uses if not ours.search(line)]
    assert others == [], others


def test_a_javascript_or_non_web_url_in_content_is_refused(tmp_path):
    from generator.content.loading import ContentProblems, load_content

    folder = copy_content(tmp_path / "content")

    def change(data):
        data["facts"][0]["url"] = "javascript:alert(1)"
        data["facts"][0]["source"] = ["file:///etc/passwd"]

    edit_yaml(folder / "carriers" / "mts.yaml", change)
    with pytest.raises(ContentProblems) as error:
        load_content(folder)
    assert "facts.0.url: must be a web address starting with https://" in str(error.value)
    assert "facts.0.source.0: must be a web address" in str(error.value)
