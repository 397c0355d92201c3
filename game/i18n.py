"""UI strings in Chinese and English, for the game and for `replay` (scenario text is content).

`t("key", lang, **values)` formats the string for a language. Every key has both languages; a test checks
it. Strings here are ours, never the author's, so they may use `{}` placeholders but hold no markup.
"""

from __future__ import annotations

import re

LANGUAGES = ("zh", "en")

STRINGS: dict[str, tuple[str, str]] = {
    # -- the game and generic words --------------------------------------------------------------
    "game.title": ("基层：留痕与民心", "Grassroots: Traces & Trust"),
    "game.subtitle": ("一个关于数字政府改革中基层治理的严肃游戏",
                      "A serious game about grassroots work in digital-government reform"),
    "yes": ("是", "Yes"),
    "no": ("否", "No"),
    "ok": ("确定", "OK"),
    "cancel": ("取消", "Cancel"),
    "close": ("关闭", "Close"),
    "continue": ("继续", "Continue"),
    "hours_short": ("{n}小时", "{n}h"),
    "times_paren": ("（{n}次）", " ({n} times)"),
    "once_paren": ("（1次）", " (once)"),
    "weeks_short": ("{n}周", "{n}w"),
    "week_n": ("第{n}周", "Week {n}"),
    "week_of": ("第{n}/{total}周", "Week {n}/{total}"),
    "percent": ("{n}%", "{n}%"),
    "colon": ("：", ": "),
    "comma": ("，", ", "),
    "paren": ("（{text}）", "({text})"),
    "delta": ("（{n}）", " ({n})"),
    "semicolon": ("；", "; "),
    # -- keys bar -----------------------------------------------------------------------------------
    "key.help": ("帮助", "help"),
    "key.quit": ("退出", "quit"),
    "key.lang": ("English", "中文"),
    "key.theme": ("配色", "theme"),
    "key.end_week": ("结束本周", "end week"),
    "key.approach": ("选择做法", "approach"),
    "key.switch": ("切换面板", "switch panel"),
    "key.choose": ("选择", "choose"),
    "key.back": ("返回", "back"),
    "key.tabs": ("切换页", "pages"),
    "key.scroll": ("滚动", "scroll"),
    "key.palette": ("命令", "commands"),
    # -- title screen -------------------------------------------------------------------------------
    "title.new": ("新游戏", "New game"),
    "title.continue": ("继续上次的游戏", "Continue"),
    "title.load": ("读取存档", "Load a save"),
    "title.howto": ("怎么玩", "How to play"),
    "title.quit": ("退出", "Quit"),
    "title.name": ("玩家名", "Player name"),
    "title.no_autosave": ("没有找到「{name}」的自动存档。", "No autosave found for '{name}'."),
    "title.no_saves": ("存档文件夹里还没有存档。", "There are no saves in the saves folder yet."),
    "title.saves_in": ("存档位置：{path}", "Saves folder: {path}"),
    "title.loading": ("正在读取...", "Loading..."),
    # -- new game -----------------------------------------------------------------------------------
    "new.heading": ("开始新游戏", "Start a new game"),
    "new.scenario": ("场景", "Scenario"),
    "new.language": ("语言", "Language"),
    "new.seed": ("随机种子（留空则随机）", "Seed (blank for random)"),
    "new.name": ("玩家名", "Player name"),
    "new.start": ("开始", "Start"),
    "new.back": ("返回", "Back"),
    "new.bad_seed": ("种子必须是整数。", "The seed must be a whole number."),
    "new.no_scenarios": ("没有找到场景。", "No scenarios found."),
    "new.scenario_error": ("场景无法读取：{error}", "The scenario could not be loaded: {error}"),
    "lang.zh": ("中文", "中文 (Chinese)"),
    "lang.en": ("English（英文）", "English"),
    # -- intro --------------------------------------------------------------------------------------
    "intro.begin": ("开始第一周", "Begin week 1"),
    "intro.facts": ("共{weeks}周 | 种子 {seed} | 玩家 {player}", "{weeks} weeks | seed {seed} | player {player}"),
    # -- week screen --------------------------------------------------------------------------------
    "week.hours": ("工时 {left}/{total}", "Hours {left}/{total}"),
    "week.coming": ("近期", "Coming up"),
    "week.nothing_coming": ("近期没有截止或检查。", "No deadlines or inspections soon."),
    "week.due_in": ("{title}：{n}周后截止", "{title}: due in {n} wk"),
    "week.due_now": ("{title}：本周截止", "{title}: due this week"),
    "week.inspection_at": ("{title}：第{n}周", "{title}: week {n}"),
    "week.inspection_now": ("{title}：本周末", "{title}: this weekend"),
    "week.items": ("任务与诉求", "Directives & requests"),
    "week.directives": ("上级任务", "DIRECTIVES"),
    "week.requests": ("群众诉求", "RESIDENT REQUESTS"),
    "week.no_items": ("目前没有待办事项。可以结束本周。", "Nothing is open. You can end the week."),
    "week.approaches": ("做法", "Approaches"),
    "week.last": ("上一步：", "Last: "),
    "week.start_hint": ("选择一个事项，再选择做法。按 e 结束本周。",
                        "Pick an item, then an approach. Press e to end the week."),
    "week.end_button": ("结束本周", "End week"),
    "item.reported": ("上报", "Reported"),
    "item.actual": ("实际", "Actual"),
    "item.veto": ("一票否决", "VETO"),
    "item.due_in": ("{n}周后截止（第{week}周）", "due in {n} wk (week {week})"),
    "item.due_now": ("本周截止", "due this week"),
    "item.level.province": ("省级", "Province"),
    "item.level.city": ("市级", "City"),
    "item.level.district": ("区级", "District"),
    "item.level.township": ("镇级", "Township"),
    "item.urgency.low": ("不急", "low urgency"),
    "item.urgency.medium": ("较急", "medium urgency"),
    "item.urgency.high": ("紧急", "HIGH urgency"),
    "item.waiting": ("已等{n}周", "waiting {n} wk"),
    "item.new": ("新", "new"),
    "item.escalated": ("已升级", "escalated"),
    "item.weight": ("权重{n}", "weight {n}"),
    "item.quota": ("指标 {quota} {unit}", "quota {quota} {unit}"),
    # -- approaches and foreseeable effects ------------------------------------------------------
    "fx.reported": ("上报{n}", "reported {n}"),
    "fx.actual": ("实际{n}", "actual {n}"),
    "fx.quota": ("指标{n}", "quota {n}"),
    "fx.varies": ("{meter}视情况而定", "{meter} varies"),
    "fx.uncertain": ("结果不确定", "uncertain"),
    "fx.uncertain_hint": ("结果不确定：{hint}", "uncertain: {hint}"),
    "fx.crosses": ("越线", "crosses a line"),
    "fx.closes": ("办结", "closes it"),
    "fx.cost": ("{meter}-{n}", "{meter} -{n}"),
    "fx.free": ("不花工时", "no hours"),
    "fx.none": ("看不出直接变化", "no visible effect"),
    "lock.requires": ("暂不可用", "not available yet"),
    "lock.hours": ("工时不够", "not enough hours"),
    "lock.costs": ("{meters}不够", "cannot afford: {meters}"),
    "lock.used_this_week": ("本周已经做过", "already done this week"),
    "lock.used_up": ("不能再做了", "no longer possible"),
    "lock.answer_event": ("先处理事件", "answer the event first"),
    "lock.prefix": ("锁定：{reason}", "locked: {reason}"),
    "act.locked": ("这个做法现在不能用：{reason}", "That approach is locked: {reason}"),
    "act.none": ("没有这个编号的做法。", "There is no approach with that number."),
    # -- end week -----------------------------------------------------------------------------------
    "end.confirm": ("结束第{week}周？", "End week {week}?"),
    "end.unspent": ("还有{n}小时没有用。", "{n} hours are still unspent."),
    "end.all_spent": ("本周工时已用完。", "All hours are spent."),
    "end.yes": ("结束本周", "End the week"),
    "end.no": ("继续工作", "Keep working"),
    # -- event card ---------------------------------------------------------------------------------
    "event.heading": ("事件", "Event"),
    "event.answer": ("按 1-{n} 选择", "Press 1-{n} to choose"),
    "event.locked": ("这个选项现在不能选：{reason}", "That choice is locked: {reason}"),
    # -- week summary -------------------------------------------------------------------------------
    "sum.title": ("第{week}周台账", "Week {week} ledger"),
    "sum.saved": ("已自动保存。", "Autosaved."),
    "sum.save_failed": ("自动保存失败：{error}", "Autosave failed: {error}"),
    # -- debrief ------------------------------------------------------------------------------------
    "deb.title": ("复盘", "Debrief"),
    "deb.tab.ending": ("结局", "Ending"),
    "deb.tab.charts": ("走势", "Charts"),
    "deb.tab.reflect": ("反思", "Reflection"),
    "deb.tab.discuss": ("讨论", "Discussion"),
    "deb.weeks_played": ("共玩了{n}周", "{n} weeks played"),
    "deb.reason.threshold": ("某项指标到了尽头。", "A meter reached its limit."),
    "deb.reason.final": ("任期结束。", "Your term ran its course."),
    "deb.reason.effect": ("事件直接结束了游戏。", "An event ended the game."),
    "deb.reason.meter": ("{meter}到了{value}。", "{meter} reached {value}."),
    "deb.upward": ("向上得分（考核看到的）", "Upward (what assessment saw)"),
    "deb.downward": ("向下得分（群众得到的）", "Downward (what residents got)"),
    "deb.idle": ("空转指数：{n}%", "Idle-execution index: {n}%"),
    "deb.idle_help": ("上报进度中没有实际进度支撑的比例。",
                      "The share of reported progress with no actual progress behind it."),
    "deb.meters": ("各项指标的走势（含隐藏指标）", "Meters over the weeks (hidden ones revealed)"),
    "deb.hidden": ("（隐藏）", " (hidden)"),
    "deb.hours": ("按做法类型的工时", "Hours by kind of approach"),
    "deb.no_hours": ("没有花工时。", "No hours were spent."),
    "deb.crossed": ("越过的线", "Lines you crossed"),
    "deb.none_crossed": ("你没有越线。", "You crossed no lines."),
    "deb.reflections": ("值得想一想", "Worth thinking about"),
    "deb.no_reflections": ("这局没有触发反思提示。", "No reflection prompts apply to this game."),
    "deb.notes": ("相关研究发现", "Research findings behind your game"),
    "deb.questions": ("讨论题", "Discussion questions"),
    "deb.stage.describe": ("描述", "Describe"),
    "deb.stage.analyse": ("分析", "Analyse"),
    "deb.stage.apply": ("应用", "Apply"),
    "deb.record": ("本局记录已保存到：{path}", "The game record was saved to: {path}"),
    "deb.record_failed": ("本局记录没有保存：{error}", "The game record was not saved: {error}"),
    "deb.menu": ("回到主菜单", "Back to the title"),
    "kind.trace": ("留痕", "trace"),
    "kind.service": ("实际服务", "service"),
    "kind.feedback": ("向上反馈", "feedback"),
    "kind.set_aside": ("搁置", "set aside"),
    "kind.delegate": ("委托村里", "delegate"),
    "kind.reform": ("改革", "reform"),
    "kind.other": ("其他", "other"),
    # -- saving and quitting ------------------------------------------------------------------------
    "quit.confirm": ("保存并退出？", "Save and quit?"),
    "quit.body": ("游戏会保存在「{name}」名下，下次可以继续。",
                  "The game is saved under '{name}'; you can continue it next time."),
    "quit.body_nogame": ("确定要退出吗？", "Do you really want to quit?"),
    "quit.yes": ("保存并退出", "Save and quit"),
    "quit.yes_nogame": ("退出", "Quit"),
    "save.done": ("已保存到 {path}", "Saved to {path}"),
    "save.failed": ("保存失败：{error}", "Saving failed: {error}"),
    "save.unavailable": ("这个版本不能存档。", "Saving is not available in this build."),
    "save.nothing": ("还没有进行中的游戏。", "There is no game in progress."),
    "load.heading": ("读取存档", "Load a save"),
    "load.row": ("{player} | {scenario} | 第{week}周{ended} | {saved}",
                 "{player} | {scenario} | week {week}{ended} | {saved}"),
    "load.ended": ("（已结束）", " (ended)"),
    "load.failed": ("无法读取存档：{error}", "Cannot load the save: {error}"),
    "load.warning": ("提示：{warning}", "Note: {warning}"),
    # -- command palette ----------------------------------------------------------------------------
    "cmd.save": ("保存游戏", "Save the game"),
    "cmd.save_help": ("把当前进度写入存档", "Write the game in progress to its save"),
    "cmd.lang": ("切换语言：English", "Switch language: 中文"),
    "cmd.lang_help": ("在中文和英文之间切换", "Switch between Chinese and English"),
    "cmd.theme_dark": ("配色：深色", "Theme: dark"),
    "cmd.theme_light": ("配色：浅色", "Theme: light"),
    "cmd.theme_contrast": ("配色：高对比度", "Theme: high contrast"),
    "cmd.theme_help": ("改变界面配色", "Change the colours"),
    "cmd.help": ("帮助", "Help"),
    "cmd.help_help": ("本页的按键和玩法", "Keys for this screen and how to play"),
    # -- small terminal -----------------------------------------------------------------------------
    "small.message": ("窗口太小：请把终端放大到至少 {w}x{h}（现在 {cw}x{ch}）。",
                      "The window is too small: please enlarge the terminal to at least {w}x{h} "
                      "(now {cw}x{ch})."),
    # -- help ---------------------------------------------------------------------------------------
    "help.heading": ("帮助", "Help"),
    "help.keys": ("按键", "Keys"),
    "help.howto": ("怎么玩", "How to play"),
    "help.everywhere": ("任何时候：F1 或 ? 帮助，F2 切换语言，F3 切换配色，Ctrl+P 命令，q 或 Ctrl+C 保存并退出。",
                        "Anywhere: F1 or ? help, F2 language, F3 theme, Ctrl+P commands, q or Ctrl+C save and quit."),
    "help.howto_text": (
        "你是一名镇干部。每周上级会下达带指标的任务，群众也会带来诉求，而你的工时不够两头都顾上。\n\n"
        "每个任务有两本账：「上报」是上级看到的，「实际」是群众得到的。留痕（拍照、填表、打卡）让上报数"
        "涨得快，实际服务让两本账一起涨，但更慢、更费钱。\n\n"
        "检查会看台账，偶尔也会暗访，比对上报和实际。不理会的诉求会降低信任，并可能升级成投诉。\n\n"
        "游戏结束时，你会看到两个分数并排：向上（考核看到的）和向下（群众得到的），以及一次复盘。",
        "You are a township official. Each week directives with quotas come down from above and residents "
        "bring needs, and you have too few hours for both.\n\n"
        "Every directive keeps two ledgers: REPORTED is what upper levels see, ACTUAL is what residents get. "
        "Traces (photos, forms, check-ins) raise the reported figure fast; real service raises both, slower "
        "and dearer.\n\n"
        "Inspections read the ledgers; a rare unannounced visit compares reported with actual. Requests left "
        "unanswered cost trust and may escalate into complaints.\n\n"
        "At the end you see two scores side by side, upward (what the assessment saw) and downward (what "
        "residents got), and a debrief."),
    "help.title": ("方向键或 Tab 移动，Enter 选择。可以先看「怎么玩」。",
                   "Arrows or Tab to move, Enter to choose. Start with 'How to play' if you are new."),
    "help.week": (
        "上下键：选择事项或做法\nTab：在事项和做法之间切换\nEnter：选中事项后进入做法；在做法上按 Enter 执行\n"
        "1-9：直接执行当前事项的第几个做法\ne：结束本周（会先确认）",
        "Up/Down: pick an item or an approach\nTab: move between items and approaches\n"
        "Enter: on an item, go to its approaches; on an approach, do it\n"
        "1-9: do that approach of the selected item\ne: end the week (asks first)"),
    "help.event": ("1-4：选择对应选项\n上下键 + Enter：选择", "1-4: take that choice\nUp/Down + Enter: choose"),
    "help.summary": ("Enter、空格或 Esc：关闭台账，继续", "Enter, Space or Esc: close the ledger and go on"),
    "help.debrief": (
        "左右键或 1-5：切换页\n上下键、PgUp/PgDn：滚动\nm：回到主菜单\n\n"
        "怎么读这些数字：\n"
        "向上得分是考核看到的（联和镇：考核分，来自上报台账、期限和检查）。\n"
        "向下得分是群众得到的（联和镇：群众信任和各项任务的实际完成）。\n"
        "空转指数是上报进度中没有实际进度支撑的比例，按每项任务分别计算，再按任务的考核权重取平均，"
        "所以一项任务的数量单位多少不会左右结果。\n"
        "各项公式见 docs/authoring.md 的「Measures」一节。",
        "Left/Right or 1-5: change page\nUp/Down, PgUp/PgDn: scroll\nm: back to the title\n\n"
        "Reading the numbers:\n"
        "Upward is what the assessment saw (in Lianhe: the assessment meter, fed by reported ledgers, deadlines "
        "and inspections).\n"
        "Downward is what residents got (in Lianhe: public trust and the actual progress of directives).\n"
        "The idle-execution index is the share of reported progress with nothing actual behind it, worked out "
        "for each directive and averaged by the directives' assessment weights, so no directive counts more "
        "just because its quota has more units.\n"
        "The formulas are in docs/authoring.md, section \"Measures\"."),
    "help.intro": ("Enter：开始第一周", "Enter: begin week 1"),
    "help.new": ("Tab：在输入框之间移动\nEnter：开始\nEsc：返回", "Tab: move between fields\nEnter: start\nEsc: back"),
    "help.load": ("上下键 + Enter：读取\nEsc：返回", "Up/Down + Enter: load\nEsc: back"),
    "help.dialog": ("Enter 或 y：确认\nEsc 或 n：取消", "Enter or y: confirm\nEsc or n: cancel"),
    # -- narration: the week's ledger, action results and replay (game/narrate) -----------------
    "say.h.deadlines": ("截止的任务", "Deadlines"),
    "say.h.inspections": ("检查", "Inspections"),
    "say.h.requests": ("群众诉求", "Residents"),
    "say.h.news": ("消息", "News"),
    "say.h.meters": ("本周变化", "This week's changes"),
    "say.h.next": ("第{week}周开始", "Week {week} begins"),
    "say.met": ("{title}：完成（上报 {reported}/{quota}，实际 {actual}）",
                "{title}: met (reported {reported}/{quota}, actual {actual})"),
    "say.missed": ("{title}：未完成（上报 {reported}/{quota}，实际 {actual}）",
                   "{title}: missed (reported {reported}/{quota}, actual {actual})"),
    "say.veto": ("一票否决任务未完成！", "A one-vote-veto directive was missed!"),
    "say.traces": ("{title}：台账完整度 {score}%", "{title}: ledgers {score}% complete"),
    "say.reality": ("{title}：上报与实际差距 {score}%", "{title}: gap between reported and actual {score}%"),
    "say.ignored": ("本周没有回应的诉求：{n}件", "Requests left unanswered this week: {n}"),
    "say.ignored_one": ("仍未处理：{title}（已等{n}周）", "Still waiting: {title} ({n} wk)"),
    "say.escalated": ("{title}：已升级", "{title}: escalated"),
    "say.expired": ("{title}：无人处理，已过期", "{title}: expired unanswered"),
    "say.arrived_directive": ("新任务：{title}", "New directive: {title}"),
    "say.arrived_request": ("新诉求：{title}", "New request: {title}"),
    "say.arrived_d": ("新任务：{title}（指标 {quota} {unit}，第{week}周截止）",
                      "New directive: {title} (quota {quota} {unit}, due week {week})"),
    "say.event": ("待处理事件：{title}", "An event is waiting: {title}"),
    "say.delayed": ("早先的决定有了下文（{source}）", "An earlier decision comes back ({source})"),
    "say.card_follows": ("接着要处理：{title}", "A card follows: {title}"),
    "say.unseen": ("另有暂时看不见的变化", "Something you cannot see yet changed too"),
    "say.no_visible": ("暂时看不出变化。", "No visible change yet."),
    "say.reported": ("上报{n}", "reported {n}"),
    "say.actual": ("实际{n}", "actual {n}"),
    "say.quota": ("指标{n}", "quota {n}"),
    "say.delta": ("（{n}）", " ({n})"),
    "say.hours_paren": ("（{n}小时）", " ({n}h)"),
    "say.hours_n": ("{n}小时", "{n}h"),
    "say.ended": ("游戏结束：{title}", "The game is over: {title}"),
    "say.ended_why": ("游戏结束：{title}（{why}）", "Game over: {title} ({why})"),
    "say.why.final": ("任期结束", "the term ran its course"),
    "say.why.threshold": ("某项指标到了尽头", "a meter reached its limit"),
    "say.why.effect": ("事件直接结束了游戏", "an event ended the game"),
    "say.quiet": ("本周平静无事。", "A quiet week."),
    "say.src.deadline": ("任务截止", "deadline"),
    "say.src.inspection": ("检查", "inspection"),
    "say.src.escalation": ("诉求升级", "escalation"),
    "say.src.weekly": ("每周", "Every week"),
    "say.week": ("第{n}周", "Week {n}"),
    "say.paren": ("（{text}）", " ({text})"),
    "say.end_week": ("> 结束本周", "> end the week"),
    "say.costs": ("花费", "costs"),
    "say.meters_end": ("本周末指标", "Meters at week end"),
    "say.meters_now": ("当前指标", "Meters now"),
    "say.head": ("{title} - {player}，种子 {seed}，{n} 个决定（{kind}）",
                 "{title} - {player}, seed {seed}, {n} decisions ({kind})"),
    "say.file.save": ("存档", "save"),
    "say.file.record": ("对局记录", "record"),
    "say.ending": ("结局", "Ending"),
    "say.unfinished": ("未结束", "not finished"),
    "say.upward": ("向上得分", "Upward score"),
    "say.downward": ("向下得分", "downward score"),
    "say.idle_pct": ("空转指数 {n}%", "idle-execution index {n}%"),
    "say.crossed": ("越线行为", "Lines crossed"),
    "say.list_sep": ("；", "; "),
    "deb.tab.glossary": ("词汇", "Glossary"),
    "deb.glossary": ("词汇表", "Glossary of terms"),
    "deb.no_glossary": ("这个场景没有词汇表。", "This scenario has no glossary."),
    "deb.in_research": ("你这一局在研究里的位置", "Your game in the research"),
    "deb.in_research_help": ("每条研究发现下，列出这一局里体现它的你自己的选择。",
                             "Under each research finding, the choices you made in this game that illustrate it."),
    "deb.no_findings": ("这一局没有可对照的选择。", "None of your choices in this game is tagged with a finding."),
    "fx.hidden": ("另有看不见的影响", "plus an effect you cannot see yet"),
}


def t(key: str, lang: str, **values: object) -> str:
    """The UI string `key` in `lang` (English when the language is unknown), formatted with values.

    Filled-in strings are tidied: a value that ends a sentence ("…村？", "5 p.m.") followed by the
    template's own colon or comma gives no doubled punctuation ("？：" becomes "？ ").
    """
    pair = STRINGS[key]
    text = pair[0] if lang == "zh" else pair[1]
    return tidy(text.format(**values)) if values else text


_DOUBLED = re.compile(r"([。！？!?]|(?<![.\d])\.)([”\"」』）)]?)\s*[：:；;，,、]\s*")


def tidy(text: str) -> str:
    """Drop a colon, semicolon or comma that directly follows the end of a sentence (a space stays after
    Western punctuation)."""
    return _DOUBLED.sub(lambda m: m.group(1) + m.group(2) + ("" if m.group(1) in "。！？" else " "), text)


def other_language(lang: str) -> str:
    """The language a toggle switches to."""
    return "en" if lang == "zh" else "zh"
