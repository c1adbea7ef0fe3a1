"""Pure analysis functions: graph in, plain result data out. No Qt."""
