"""The ``thresher`` command line. Only this package prints or exits."""
