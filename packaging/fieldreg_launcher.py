"""The frozen build's entry point (packaging/fieldreg.spec): `fieldreg.__main__.main`, whose first
call is multiprocessing.freeze_support() (the import's worker is this executable again)."""

import sys

from fieldreg.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
