"""The training app's forms, one module per area (as `models`)."""
