"""The official source formats: one module per format, each a parser to observations."""
