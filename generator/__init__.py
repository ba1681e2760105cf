"""sim-checklist: bilingual printable checklists for ending a Russian SIM contract in the shop."""

__version__ = "0.1.0"
