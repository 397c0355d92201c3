"""Before week 1: the player states an intention (share of hours for traces; will they ever bend a figure?).

Dismisses with the intention dict (game.saves.intention) or None when skipped; the debrief compares it with
what the player did (issue 12).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import HorizontalGroup, VerticalGroup
from textual.widgets import Button, RadioSet

from game.saves.intention import FALSIFY, TRACE_SHARES, make_intention
from game.tui.dialogs.frame import DialogFrame
from game.tui.screens.base import GameDialog
from game.tui.widgets.choice_button import ChoiceButton
from game.tui.widgets.game_button import GameButton
from game.tui.widgets.key_bar import KeyHint
from game.tui.widgets.plain import Plain


class IntentionDialog(GameDialog[dict | None]):
    """Two questions with fixed answers; Enter notes them, Escape skips."""

    CSS_PATH = "dialogs.tcss"
    HELP_TOPIC = "dialog"
    BINDINGS = [Binding("escape", "skip", "skip", show=False),
                Binding("enter", "accept", "accept", show=False, priority=True)]  # arrows and space choose

    def __init__(self) -> None:
        super().__init__(classes="dialog-screen intention")

    def compose_box(self) -> ComposeResult:
        with DialogFrame(), VerticalGroup(classes="dialog"):
            yield Plain(classes="dialog-title")
            yield Plain(id="share-q", classes="dialog-body")
            with RadioSet(id="share"):
                for share in TRACE_SHARES:
                    yield ChoiceButton(f"{share}%", value=share == 25, id=f"share-{share}")
            yield Plain(id="falsify-q", classes="dialog-body")
            with RadioSet(id="falsify"):
                for answer in FALSIFY:
                    yield ChoiceButton("", value=answer == "undecided", id=f"falsify-{answer}")
            with HorizontalGroup(classes="dialog-buttons"):
                yield GameButton("", id="start", variant="primary")
                yield GameButton("", id="skip")

    def on_mount(self) -> None:
        self.query_one("#share", RadioSet).focus()

    def relabel(self) -> None:
        self.query_one(".dialog-title", Plain).update(self.t("intent.title"))
        self.query_one("#share-q", Plain).update(self.t("intent.share_q"))
        self.query_one("#falsify-q", Plain).update(self.t("intent.falsify_q"))
        for answer in FALSIFY:
            self.query_one(f"#falsify-{answer}", ChoiceButton).label = self.t(f"intent.opt_{answer}")
        self.query_one("#start", Button).label = self.t("intent.start")
        self.query_one("#skip", Button).label = self.t("intent.skip")

    def key_hints(self) -> list[KeyHint]:
        return [KeyHint("Enter", self.t("intent.start"), "accept"), KeyHint("Esc", self.t("key.skip"), "skip"),
                *self.common_hints()]

    def _chosen(self, set_id: str, prefix: str) -> str:
        pressed = self.query_one(f"#{set_id}", RadioSet).pressed_button
        return (pressed.id or "").removeprefix(prefix) if pressed is not None else ""

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id != "start":
            self.dismiss(None)
            return
        self.action_accept()

    def action_accept(self) -> None:
        """Note the answers as they stand (25% and "not sure yet" until changed) and begin."""
        share = self._chosen("share", "share-")
        falsify = self._chosen("falsify", "falsify-") or "undecided"
        self.dismiss(make_intention(int(share) if share.isdigit() else 25, falsify))

    def action_skip(self) -> None:
        self.dismiss(None)
