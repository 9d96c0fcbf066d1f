"""The emulation app's filtersets, one module per area (as `models` and `views`)."""
