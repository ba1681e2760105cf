"""content/ui.yaml: every interface string the templates show, in every language."""

from __future__ import annotations

from pydantic import Field

from generator.models.base import ContentFile, StrictModel
from generator.models.text import Text


class SectionTitles(StrictModel):
    before: Text
    counter: Text
    leaving: Text
    after: Text


class FactLabels(StrictModel):
    website: Text
    hotline: Text
    hotline_short: Text
    balance_code: Text


class AnswerGrid(StrictModel):
    """Answers the shop assistant can tick or point at (print-rules.md rule 8)."""

    yes: Text
    no: Text
    done: Text
    document_needed: Text
    go_to: Text
    date: Text
    amount: Text
    write_down: Text


class Footer(StrictModel):
    generated: Text
    content_version: Text
    facts_checked: Text
    rules_differ: Text


class PhoneStrings(StrictModel):
    """The phone page's own words (templates/phone.html.j2) and the printed QR code to it."""

    show_staff: Text = Field(description="The link from the user's part to the staff view")
    back_to_checklist: Text = Field(description="The link from the staff view back")
    ticks_kept: Text = Field(description="Under the checklist: where the ticks are kept")
    staff_contacts: Text = Field(description="Heading of the carrier's contacts in the staff view")
    qr_label: Text = Field(description="Printed beside the QR code that opens the phone page")
    qr_alt: Text = Field(description="Alt text of that QR code")
    printed_page: Text = Field(
        description="Beside each part of the phone page: its page on the printed sheet; "
        "`{page}` is replaced by the page number")
    drafts_in_pdf: Text = Field(
        description="Under the phone page's checklist when the sheet has application drafts, "
        "which only the PDF holds; `{page}` is replaced by their page")


class UiStrings(ContentFile):
    checklist_heading: Text
    section_titles: SectionTitles
    all_done: Text
    language_line: Text
    who_i_am: Text
    holder_name: Text
    phone_number: Text
    request_heading: Text
    questions_heading: Text
    answer_heading: Text
    answers: AnswerGrid
    cut_line: Text
    carrier_heading: Text
    fact_labels: FactLabels
    qr_alt: Text = Field(description="Alt text of the QR code to the official site")
    write_in_hint: Text = Field(description="Shown when a carrier has no confirmed value")
    verify_mark: Text
    rules_heading: Text
    legend_confirmed: Text
    legend_likely: Text
    legend_questions: Text
    footer: Footer
    phone: PhoneStrings
