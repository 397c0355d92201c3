"""One headless narration module: the engine's happenings, typed, told as sentences in zh or en.

The TUI's week ledger and action results (`ledger`) and `grassroots replay` (`replay`) both tell games
with the same `Teller`, so a happening reads the same everywhere. Imports neither Textual nor Rich.
"""

from game.narrate.happenings import typed, typed_all
from game.narrate.teller import Line, Teller

__all__ = ["Line", "Teller", "typed", "typed_all"]
