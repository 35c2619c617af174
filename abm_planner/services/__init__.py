"""Use cases the GUI and the CLI call: one unit of work per user action, plain data out."""
