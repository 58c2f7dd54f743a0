"""The record: the real history of the Council, loaded from official formats."""
