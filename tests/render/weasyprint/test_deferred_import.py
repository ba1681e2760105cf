"""WeasyPrint's rarely used fontTools modules load only when used, and then work."""

from __future__ import annotations

import io
import subprocess
import sys
import textwrap
import types

import pypdf

from generator.render.weasyprint.deferred_import import DeferredModule, deferred_modules


def test_a_stand_in_loads_the_real_module_at_first_use_and_leaves_sys_modules():
    name = "json.tool"  # any stdlib module this test process has not imported
    sys.modules.pop(name, None)
    with deferred_modules({name: ("main",)}):
        from json import tool

        assert isinstance(tool, DeferredModule)
        assert "_real" not in vars(tool)
    assert name not in sys.modules  # later imports get the real module
    assert tool.__name__ == name and tool.main.__name__ == "main"  # a forwarder: still deferred
    assert "_real" not in vars(tool)
    assert tool.sys is sys  # an attribute of the real module: now imported
    assert isinstance(vars(tool)["_real"], types.ModuleType)


def test_an_already_imported_module_is_left_alone():
    import json

    with deferred_modules({"json": ()}):
        assert sys.modules["json"] is json


def test_weasyprint_imports_without_fonttools_subsetter_and_still_subsets_with_it():
    """Without HarfBuzz subsetting WeasyPrint falls back to fontTools: through the stand-in."""
    script = textwrap.dedent("""
        import sys
        from generator.render.weasyprint.library_search import load_weasyprint
        load_weasyprint()
        assert "fontTools.subset" not in sys.modules, "imported at start-up"
        assert "fontTools.ttLib.tables.otTables" not in sys.modules
        import weasyprint.pdf.fonts as fonts
        fonts.harfbuzz_subset = None  # as on a machine without libharfbuzz-subset0
        pdf = weasyprint.HTML(string='<p lang="ru">Расторжение договора</p>').write_pdf()
        assert "fontTools.subset" in sys.modules
        sys.stdout.buffer.write(pdf)
    """).replace("weasyprint.HTML", "sys.modules['weasyprint'].HTML")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, check=False)
    assert result.returncode == 0, result.stderr.decode()[-800:]
    reader = pypdf.PdfReader(io.BytesIO(result.stdout))
    assert "Расторжение договора" in reader.pages[0].extract_text()
