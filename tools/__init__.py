"""Developer tools: builders of shipped data. Not part of the installed application."""
