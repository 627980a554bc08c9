"""Allow `python -m news60`."""

from news60.cli import main

if __name__ == "__main__":
    main()
