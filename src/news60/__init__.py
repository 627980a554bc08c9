"""news60: turn a news article into a one-minute narrated video and an audio summary."""

import logging

__version__ = "0.1.0"

# A library logs into a NullHandler; the CLI decides what to show.
logging.getLogger(__name__).addHandler(logging.NullHandler())
