"""Fusion of retrieved memory into the decoder: the protocol and the registry of methods."""
