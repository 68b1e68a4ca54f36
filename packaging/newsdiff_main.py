"""The bundle's entry point: the newsdiff command, ready for the worker processes it spawns."""

import multiprocessing
import sys

from newsdiff.cli import main

if __name__ == "__main__":
    # A frozen program started as a spawned worker must run the worker, not the command line.
    multiprocessing.freeze_support()
    sys.exit(main())
