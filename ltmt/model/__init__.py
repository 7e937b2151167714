"""Loading, building and decoding Marian models."""
