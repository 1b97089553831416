"""Hooks the routes call, one module per table: yours to edit, never overwritten."""
