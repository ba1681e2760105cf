"""`python -m generator` runs the same CLI as `sim-checklist`."""

from generator.cli.main import main

main()
