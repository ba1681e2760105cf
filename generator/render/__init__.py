"""render: see generator/README.md."""
