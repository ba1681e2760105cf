"""cli: see generator/README.md."""
