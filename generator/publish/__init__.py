"""publish: see generator/README.md."""
