"""Pure text helpers shared by ingestion, extraction, matching and display."""
