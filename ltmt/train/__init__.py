"""Training loops: the base Marian model and the fusion adapter."""
