"""The engine of newsdiff: pure Python, never imports Qt."""
