"""content: see generator/README.md."""
