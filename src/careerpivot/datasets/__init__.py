"""Data sets: the embedded starter set, imported releases, and the registry that finds them."""
