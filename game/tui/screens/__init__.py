"""One module per screen, each with its own .tcss file."""
