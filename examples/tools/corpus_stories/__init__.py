"""The written stories of the sample corpus, one module per real-world event."""
