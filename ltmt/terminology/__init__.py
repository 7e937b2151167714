"""Terminology: glossary terms, finding them in text, making the decoder follow them, learning
them from a memory, and measuring how consistently a system renders them."""
