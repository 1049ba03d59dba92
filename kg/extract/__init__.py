"""Extract document facts from Chinese documents (`qkg extract`).

``extract_facts(document)`` turns one ``kg.reader.SourceDocument`` into
``kg.model.DocumentFacts``; ``kg.extract.run.extract_paths`` does that for many
files on all cores and writes one facts file per document.
"""
from kg.extract.document import extract_facts

__all__ = ["extract_facts"]
