"""view: see generator/README.md."""
