"""``python -m crosswire`` runs the command-line interface."""

from crosswire.interfaces.cli import main

main()
