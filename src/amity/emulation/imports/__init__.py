"""The emulation app's imports, one module per area (as `models` and `views`)."""
