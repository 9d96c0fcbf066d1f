"""The training app's import and export columns, one module per area (as `models`)."""
