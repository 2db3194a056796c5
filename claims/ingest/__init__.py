"""Ingestion: read files, stdin and URLs, decode, extract article text, find page debris."""
