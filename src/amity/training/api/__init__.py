"""The training app's API, one module per area (as `models` and `views`)."""
