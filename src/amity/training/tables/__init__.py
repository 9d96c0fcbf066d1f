"""The training app's tables, one module per area (as `models`)."""
