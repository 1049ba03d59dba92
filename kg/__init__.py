"""qkg: a knowledge graph of Chinese quality-governance entities."""

__version__ = "0.1.0"
