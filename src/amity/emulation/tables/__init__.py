"""The emulation app's tables, one module per area (as `models` and `views`)."""
