"""Message tables, one module per area (``MESSAGES = {key: (english, french)}``)."""
