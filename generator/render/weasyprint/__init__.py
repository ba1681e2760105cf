"""weasyprint: see generator/README.md."""
