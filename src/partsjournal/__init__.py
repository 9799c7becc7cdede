"""partsjournal: a private journal for Internal Family Systems parts work."""

__version__ = "0.1.0"
