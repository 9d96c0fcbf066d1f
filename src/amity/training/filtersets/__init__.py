"""The training app's filter sets, one module per area (as `models`)."""
