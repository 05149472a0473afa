"""Pipeline configuration: which steps run, in which order, with which parameters."""
