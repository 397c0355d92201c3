"""UI strings in Chinese and English (scenario text is content and lives in the scenario).

`t("key", lang, **values)` formats the string for a language. Every key has both languages; a test checks
it. Strings here are ours, never the author's, so they may use `{}` placeholders but hold no markup.
"""

from __future__ import annotations

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
    "weeks_short": ("{n}周", "{n}w"),
    "week_n": ("第{n}周", "Week {n}"),
    "week_of": ("第{n}/{total}周", "Week {n}/{total}"),
    "percent": ("{n}%", "{n}%"),
    "colon": ("：", ": "),
    "comma": ("，", ", "),
    "paren": ("（{text}）", "({text})"),
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
    "act.worked": ("成功了。", "It worked."),
    "result.hours": ("（{n}小时）", " ({n}h)"),
    "act.failed": ("没有成功。", "It did not work."),
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
    "sum.deadlines": ("截止的任务", "Deadlines"),
    "sum.met": ("{title}：完成（上报 {reported}/{quota}，实际 {actual}）",
                "{title}: met (reported {reported}/{quota}, actual {actual})"),
    "sum.missed": ("{title}：未完成（上报 {reported}/{quota}，实际 {actual}）",
                   "{title}: missed (reported {reported}/{quota}, actual {actual})"),
    "sum.veto": ("一票否决任务未完成！", "A one-vote-veto directive was missed!"),
    "sum.inspections": ("检查", "Inspections"),
    "sum.traces": ("{title}：台账完整度 {score}%", "{title}: ledgers {score}% complete"),
    "sum.reality": ("{title}：上报与实际差距 {score}%", "{title}: gap between reported and actual {score}%"),
    "sum.requests": ("群众诉求", "Residents"),
    "sum.ignored": ("本周没有回应的诉求：{n}件", "Requests left unanswered this week: {n}"),
    "sum.escalated": ("{title}：已升级", "{title}: escalated"),
    "sum.expired": ("{title}：无人处理，已过期", "{title}: expired unanswered"),
    "sum.messages": ("消息", "News"),
    "sum.meters": ("本周变化", "This week's changes"),
    "sum.next": ("第{week}周开始", "Week {week} begins"),
    "sum.arrived_directive": ("新任务：{title}", "New directive: {title}"),
    "sum.arrived_request": ("新诉求：{title}", "New request: {title}"),
    "sum.delayed": ("迟来的后果：{source}", "A delayed consequence: {source}"),
    "sum.event": ("待处理事件：{title}", "An event is waiting: {title}"),
    "sum.ended": ("游戏结束：{title}", "The game is over: {title}"),
    "sum.quiet": ("本周平静无事。", "A quiet week."),
    "sum.saved": ("已自动保存。", "Autosaved."),
    "sum.save_failed": ("自动保存失败：{error}", "Autosave failed: {error}"),
    "src.deadline": ("任务截止", "a deadline"),
    "src.inspection": ("检查", "an inspection"),
    "src.escalation": ("诉求升级", "an escalation"),
    "src.weekly": ("每周", "weekly"),
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
    "help.everywhere": ("任何时候：F1 或 ? 帮助，F2 切换语言，F3 切换配色，Ctrl+P 命令，q 保存并退出。",
                        "Anywhere: F1 or ? help, F2 language, F3 theme, Ctrl+P commands, q save and quit."),
    "help.howto_text": (
        "你是一名镇干部。每周上级会下达带指标的任务，群众也会带来诉求，而你的工时不够两头都顾上。\n"
        "每个任务有两本账：「上报」是上级看到的，「实际」是群众得到的。留痕（拍照、填表、打卡）让上报数"
        "涨得快，实际服务让两本账一起涨，但更慢、更费钱。\n"
        "检查会看台账，偶尔也会暗访，比对上报和实际。不理会的诉求会降低信任，并可能升级成投诉。\n"
        "游戏结束时，你会看到两个分数并排：向上（考核看到的）和向下（群众得到的），以及一次复盘。",
        "You are a township official. Each week directives with quotas come down from above and residents "
        "bring needs, and you have too few hours for both.\n"
        "Every directive keeps two ledgers: REPORTED is what upper levels see, ACTUAL is what residents get. "
        "Traces (photos, forms, check-ins) raise the reported figure fast; real service raises both, slower "
        "and dearer.\n"
        "Inspections read the ledgers; a rare unannounced visit compares reported with actual. Requests left "
        "unanswered cost trust and may escalate into complaints.\n"
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
    "help.debrief": ("左右键或 1-4：切换页\n上下键、PgUp/PgDn：滚动\nm：回到主菜单",
                     "Left/Right or 1-4: change page\nUp/Down, PgUp/PgDn: scroll\nm: back to the title"),
    "help.intro": ("Enter：开始第一周", "Enter: begin week 1"),
    "help.new": ("Tab：在输入框之间移动\nEnter：开始\nEsc：返回", "Tab: move between fields\nEnter: start\nEsc: back"),
    "help.load": ("上下键 + Enter：读取\nEsc：返回", "Up/Down + Enter: load\nEsc: back"),
    "help.dialog": ("Enter 或 y：确认\nEsc 或 n：取消", "Enter or y: confirm\nEsc or n: cancel"),
}


def t(key: str, lang: str, **values: object) -> str:
    """The UI string `key` in `lang` (English when the language is unknown), formatted with values."""
    pair = STRINGS[key]
    text = pair[0] if lang == "zh" else pair[1]
    return text.format(**values) if values else text


def other_language(lang: str) -> str:
    """The language a toggle switches to."""
    return "en" if lang == "zh" else "zh"
