"""What the frozen Pathfinder runs: the same main() as the `pathfinder` console script."""

import sys

from pathfinder.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
