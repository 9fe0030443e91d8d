"""Command-line commands, grouped by subject; tui.cli registers them."""
