"""The fuzzing harness of the importers and the reader (see :mod:`fuzz.harness`)."""
