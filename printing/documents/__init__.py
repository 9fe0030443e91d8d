"""One module per document kind; each function takes domain objects and returns PDF bytes."""
