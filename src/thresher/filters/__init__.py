"""Document filters: each answers a Document with the Document or a Drop naming the rule."""
