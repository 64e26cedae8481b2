"""Reusable widgets of the cm-tui UI."""
