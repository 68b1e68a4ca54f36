"""How work runs off the caller's thread: worker processes that end with their parent, one BLAS thread,
the folder analysis in a process of its own, progress and cancelling."""
