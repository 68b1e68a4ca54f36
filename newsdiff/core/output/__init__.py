"""Comparison or FolderAnalysis -> what people and scripts read: the HTML report, the JSON documents, the
terminal text, colours, and files written atomically."""
