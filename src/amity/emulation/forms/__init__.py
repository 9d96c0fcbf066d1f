"""The emulation app's forms, one module per area (as `models` and `views`)."""
