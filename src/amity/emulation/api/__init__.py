"""The emulation app's api, one module per area (as `models` and `views`)."""
