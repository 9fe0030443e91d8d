"""Reusable widgets: forms, navigation bar."""
