"""Modal screens of the cm-tui UI."""
