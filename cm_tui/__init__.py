"""cm-tui: a terminal dashboard for community managers."""
