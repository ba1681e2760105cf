"""quality: see generator/README.md."""
