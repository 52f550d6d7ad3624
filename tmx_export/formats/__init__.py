"""One module per file format, each with symmetric ``read_*`` / ``write_*`` functions."""
