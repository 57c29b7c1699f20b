"""What both storage backends share: the size of the chunks bytes move in, and
what `stat` answers."""

from dataclasses import dataclass
from datetime import datetime

CHUNK = 1024 * 1024


@dataclass(frozen=True)
class Stat:
    size: int
    # Changes whenever the key's bytes are written again (also behind the app's
    # back): part of a served file's ETag, so that a changed copy never passes
    # for the one a client holds.
    version: str
    modified: datetime
