"""Exports and reports: pure renderers from the export model to JSON, Markdown, HTML, CSV, ..."""
