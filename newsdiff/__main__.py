"""Allows `python -m newsdiff`."""

import sys

from newsdiff.cli import main

sys.exit(main())
