"""Interface files that are not sheets: the catalog page and the wizard's prompts.

Unlike sheet content, their `languages` are the languages the page or prompt is shown in
(the catalog also in Russian, the wizard before anyone has chosen a language), so they are
not limited to meta.yaml's user languages and Russian is required only when listed.
"""

from __future__ import annotations

from pydantic import Field

from generator.models.base import ContentFile
from generator.models.text import Text


class CatalogStrings(ContentFile):
    """content/catalog.yaml: every string of the index.html that `build-all` writes."""

    language_name: Text = Field(description="Each page language's own name, for the switcher")
    title: Text
    intro: Text
    how_to_print: Text
    languages_heading: Text = Field(description="Above the links: one link per sheet language")
    phone_page: Text = Field(description="The link to a sheet's phone page")
    pdf: Text = Field(description="The link to a sheet's PDF")
    pages: Text = Field(description="`{pages}` is replaced by the sheet's page count")
    size: Text = Field(description="`{kb}` is replaced by the file size in kilobytes")
    preview_alt: Text = Field(description="`{title}` is replaced by the sheet's title")
    generic_carrier: Text = Field(description="Under the carrier-neutral sheet's name")
    facts_checked: Text = Field(description="`{date}` is replaced by when the facts were checked")
    content_version: Text
    generated: Text
    rules_differ: Text
    offline_note: Text


class WizardStrings(ContentFile):
    """content/wizard.yaml: the prompts of `sim-checklist wizard`."""

    welcome: Text
    situation_heading: Text
    carrier_heading: Text
    carrier_hint: Text
    language_heading: Text
    only_language: Text = Field(description="`{language}` is replaced by the language's name")
    choice_prompt: Text
    not_understood: Text = Field(description="`{answer}` is replaced by what was typed")
    ambiguous: Text = Field(description="A word that means several situations (meta.yaml "
                            "ambiguous_aliases): `{answer}` and the numbered `{choices}`")
    profile_question: Text
    profile_path: Text
    rendering: Text
    done: Text
    next_step: Text

