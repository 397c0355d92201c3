"""F1 opens the help of the screen on top, and closing it returns to that same screen, even when F1 arrives
just as a flow moves on to its next dialog (a key typed in the same instant as Enter). Then the help was
for the screen left behind: it closes, the flow's dialog is on top, never a help stacked under a dialog
(the intro's help ended up under the intention dialog, and the intro under the week)."""

from __future__ import annotations

from game.tui.dialogs.help import HelpDialog
from tui_helpers import SIZE, new_app, screen_name

# each step of the flows: (the screen the step starts on, what the player does there, the dialog that follows)
STEPS = [
    ("IntroScreen", lambda s: s.action_begin(), "IntentionDialog"),
    ("IntentionDialog", lambda s: s.action_accept(), "EventCard"),
    ("EventCard", lambda s: s.action_choose(2), None),  # the next card, or the week screen
    ("WeekScreen", lambda s: s.action_end_week(), "ConfirmDialog"),
    ("ConfirmDialog", lambda s: s.action_answer(True), "WeekSummaryDialog"),
    ("WeekSummaryDialog", lambda s: s.action_close(), None),  # the next week (and its cards, if any)
]


def stack(app) -> list[str]:
    return [type(screen).__name__ for screen in app.screen_stack]


async def settle(pilot) -> None:
    for _ in range(4):
        await pilot.pause()


async def test_f1_as_a_flow_moves_on_never_stacks_a_help_under_a_dialog(saves):
    app = new_app(saves, "zh", ask_intention=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for start, act, then in STEPS:
            while screen_name(app) == "EventCard" and start == "WeekScreen":
                app.screen.action_choose(2)  # cards still waiting before the week screen
                await settle(pilot)
            assert screen_name(app) == start, stack(app)
            act(app.screen)
            app.action_help()  # F1 in the same instant
            await settle(pilot)
            names = stack(app)
            assert "HelpDialog" not in names[:-1], names  # a help only ever on top
            assert names.count("IntroScreen") + names.count("WeekScreen") <= 1, names  # one game screen
            if isinstance(app.screen, HelpDialog):
                await pilot.press("escape")
                await settle(pilot)
            if then is not None:
                assert screen_name(app) == then, stack(app)
            # F1 now opens the help of the dialog on top, and closing it returns to the very same dialog
            top = app.screen
            await pilot.press("f1")
            await settle(pilot)
            assert isinstance(app.screen, HelpDialog) and app.screen.topic == top.HELP_TOPIC
            await pilot.press("escape")
            await settle(pilot)
            assert app.screen is top, stack(app)
