"""Play the fixture scenario from the intro to the debrief with keys only, in both languages."""

from __future__ import annotations

import pytest

from game.engine import outcome
from tui_helpers import SIZE, new_app, play_to_debrief, screen_name, screen_text

EXPECT = {
    "en": {"intro": "Twelve Weeks in a Small Town", "begin": "Begin week 1", "week": "Week 1/12",
           "calendar": "September, week 1", "hours": "Hours 35/40", "directives": "DIRECTIVES",
           "item": "Anti-fraud app on 90% of phones", "approach": "Have village cadres collect screenshots",
           "crosses": "crosses a line", "uncertain": "uncertain: The channel is usually silent.",
           "ledger": "Week {} ledger", "changes": "This week's changes", "saved": "Autosaved.",
           "upward": "Upward score", "downward": "Downward score", "idle": "Idle-execution index",
           "tabs": "2 Charts", "record": "The game record was saved to"},
    "zh": {"intro": "小镇的十二周", "begin": "开始第一周", "week": "第1/12周", "calendar": "九月第一周",
           "hours": "工时 35/40", "directives": "上级任务", "item": "反诈APP安装率达到90%",
           "approach": "让村干部收集截图凑数", "crosses": "越线", "uncertain": "结果不确定：反馈渠道通常没有回音。",
           "ledger": "第{}周台账", "changes": "本周变化", "saved": "已自动保存。", "upward": "向上得分",
           "downward": "向下得分", "idle": "空转指数", "tabs": "2 走势", "record": "本局记录已保存到"},
}


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_whole_game_with_keys_only(saves, lang):
    app = new_app(saves, lang)
    want = EXPECT[lang]
    seen: dict[str, list[str]] = {}
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert screen_name(app) == "IntroScreen"
        await play_to_debrief(app, pilot, seen, act=lang == "en")  # in Chinese: only cards and week ends
        state = app.session.state
        assert state.ended
        # what each stage showed
        intro = seen["IntroScreen"][0]
        assert want["intro"] in intro and want["begin"] in intro and "3" in intro  # the seed is shown
        week = seen["WeekScreen"][0]
        for key in ("week", "calendar", "hours", "directives", "item", "approach", "crosses", "uncertain"):
            assert want[key] in week, key
        assert seen["EventCard"], "an event card was shown"
        summaries = seen["WeekSummaryDialog"]
        assert len(summaries) == state.week
        for week, summary in enumerate(summaries, 1):  # one ledger per week, each titled with its week
            assert want["ledger"].format(week) in summary and want["saved"] in summary
        assert want["changes"] in summaries[0]
        debrief = seen["DebriefScreen"][0]
        result = outcome(app.session.rules, state)
        ending = app.session.rules.ending_by_id[result.ending]
        assert getattr(ending.title, lang) in debrief
        for key in ("upward", "downward", "idle", "tabs"):
            assert want[key] in debrief, key
        assert f"{round(result.idle_index * 100)}%" in debrief
        await pilot.press("2")
        await pilot.pause()
        charts = screen_text(app.screen)
        assert all(getattr(m.label, lang) in charts for m in app.session.rules.scenario.meters)  # hidden ones too
        await pilot.press("4")
        await pilot.pause()
        assert want["record"] in screen_text(app.screen)
        await pilot.press("5")  # the scenario's glossary of terms
        await pilot.pause()
        assert {"en": "three-prevention (三防)", "zh": "三防"}[lang] in screen_text(app.screen)
        await pilot.press("3")  # the player's own choices under each finding, and the explainer
        await pilot.pause()
        reflect = screen_text(app.screen)
        assert {"en": "Your game in the research", "zh": "你这一局在研究里的位置"}[lang] in reflect
        assert "{{" not in debrief + reflect
        # the record and the autosave were written
        assert list((saves).rglob("*.record.json")) or list(saves.rglob("*record*"))
        assert app.session.autosave_path.is_file()
