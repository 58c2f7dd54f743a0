"""``python -m unsc``."""

from unsc._cli import main

main()
