"""File formats: pair files for memories (:mod:`ltmt.formats.pairs`), documents, placeholders."""
