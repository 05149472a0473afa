"""``python -m thresher`` runs the command line."""

from thresher.cli.main import main

main()
