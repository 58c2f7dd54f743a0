"""The reference data: dated, sourced tables (``data/*.csv``) and what is read from them.

``tables`` loads the tables into typed rows; ``states`` resolves codes and names
of states on a date; ``council`` gives the Council of a date (members, size,
required votes, President, era). Nothing here imports anything of ``unsc``
but ``_errors``.
"""
