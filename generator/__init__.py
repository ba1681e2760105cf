"""sim-checklist: bilingual printable checklists for a visit to a Russian mobile carrier's shop."""

__version__ = "0.1.0"
