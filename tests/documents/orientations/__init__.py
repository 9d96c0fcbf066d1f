"""Tests of the work orientations."""
