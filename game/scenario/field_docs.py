"""What every field of the content format means, in English and Chinese: the one source of field help.

`grassroots schema` puts these texts into the JSON Schema (editors show them on hover and completion),
and the field reference at the end of `docs/authoring.md` is generated from them
(`python -m game.scenario.field_docs docs/authoring.md` rewrites it; a test checks it is current).
Keys are `Model.field`; a subclass (an action is an effect) inherits its base's texts.
"""

from __future__ import annotations

import sys
from pathlib import Path

FIELDS: dict[str, tuple[str, str]] = {
    # -- sections of a content file --
    "ContentFile.scenario": ("The scenario's header: exactly one file of a scenario has it.",
                             "场景的头部信息：一个场景只有一个文件写它。"),
    "ContentFile.meters": ("The numbers the scenario tracks (trust, pressure, budget...).",
                           "场景追踪的数值（信任、压力、经费……）。"),
    "ContentFile.directives": ("Tasks with a quota sent down from above; each keeps a reported and an actual ledger.",
                               "上级下达、带指标的任务；各有上报台账和实际台账。"),
    "ContentFile.requests": ("Residents' needs; ignored ones decay trust and may escalate.",
                             "群众诉求；搁置会损耗信任，还可能升级。"),
    "ContentFile.inspections": ("Checks at the end of a week: of the ledgers (traces) or of reality.",
                                "周末的检查：查台账（留痕）或查实情。"),
    "ContentFile.events": ("Cards with 2 to 4 choices, drawn by condition and weight or triggered by an effect.",
                           "有两到四个选项的事件卡，按条件和权重抽取，或由效果触发。"),
    "ContentFile.endings": ("How the game ends; the highest-priority ending whose condition holds is chosen.",
                            "游戏的结局；条件成立者中优先级最高的被选中。"),
    "ContentFile.modifiers": ("Standing changes to how long actions take while a condition holds.",
                              "条件成立期间，对行动耗时的持续调整。"),
    "ContentFile.debrief": ("Reflections, discussion questions and research notes for the end of the game.",
                            "复盘用的反思提示、讨论问题和研究注释。"),
    "ContentFile.claims": ("Teaching claims that `grassroots simulate --check-claims` checks over many games.",
                           "教学论断，由 `grassroots simulate --check-claims` 用大量对局检验。"),
    # -- the header --
    "ScenarioInfo.id": ("Scenario id: lower-case letters, digits, _ and -. Saves and records carry it.",
                        "场景编号：小写字母、数字、_ 和 -。存档和记录都带着它。"),
    "ScenarioInfo.title": ("Shown in menus and at the start.", "显示在菜单和开场。"),
    "ScenarioInfo.summary": ("One or two sentences for the scenario list.", "场景列表里的一两句简介。"),
    "ScenarioInfo.intro": ("Shown before the first week.", "第一周之前显示。"),
    "ScenarioInfo.weeks": ("Number of turns (weeks), 1 to 104.", "回合（周）数，1 到 104。"),
    "ScenarioInfo.hours_per_week": ("Work hours each week: a number or an expression, evaluated as the week starts.",
                                    "每周的工作小时：数字或表达式，每周开始时计算。"),
    "ScenarioInfo.events_per_week": ("Event cards drawn each week (default 1; rounded).",
                                     "每周抽取的事件卡数（默认 1，四舍五入）。"),
    "ScenarioInfo.languages": ("The languages every player-facing text is written in: zh, en or both.",
                               "所有面向玩家的文字使用的语言：zh、en 或两者。"),
    "ScenarioInfo.default_language": ("Language when the player chooses none; one of `languages`.",
                                      "玩家未选择时的语言；须在 `languages` 之中。"),
    "ScenarioInfo.start_flags": ("Flags set when the game starts.", "开局时已设置的标记。"),
    "ScenarioInfo.scoring": ("The two scores shown side by side at the end.", "结束时并排显示的两个得分。"),
    "ScenarioInfo.settlement": ("What a directive's deadline does when it is met or missed.",
                                "任务到期时完成或未完成的后果。"),
    "ScenarioInfo.urgency": ("Defaults for resident requests by urgency (low, medium, high).",
                             "按紧急程度（低、中、高）设定的群众诉求默认规则。"),
    "ScenarioInfo.weekly": ("Rules applied at the start of every week while their condition holds.",
                            "每周开始时、条件成立就执行的规则。"),
    "ScenarioInfo.week_labels": ("Optional calendar label per week (at most `weeks`).",
                                 "可选的每周日历标签（不超过 `weeks` 个）。"),
    "ScenarioInfo.notes": ("For facilitators; never shown to players.", "写给主持人看，不向玩家显示。"),
    "Scoring.upward": ("What the assessment saw (0..100): an expression, game context.",
                       "考核看到的（0 到 100）：表达式，游戏语境。"),
    "Scoring.downward": ("What residents got (0..100): an expression, game context.",
                         "群众得到的（0 到 100）：表达式，游戏语境。"),
    "Scoring.upward_label": ("Label of the upward score.", "向上得分的标签。"),
    "Scoring.downward_label": ("Label of the downward score.", "向下得分的标签。"),
    "SettleRules.met": ("Effect when a directive's deadline is met (settle context).",
                        "任务按期完成时的效果（结算语境）。"),
    "SettleRules.missed": ("Effect when a deadline is missed.", "任务逾期未完成时的效果。"),
    "SettleRules.veto_missed": ("Instead of `missed`, for one-vote-veto directives.",
                                "一票否决任务未完成时，代替 `missed` 的效果。"),
    "UrgencyRule.ignored_each_week": ("Meter changes each week a request waits (request context).",
                                      "诉求每搁置一周带来的数值变化（诉求语境）。"),
    "UrgencyRule.escalates_after_weeks": ("Weeks of waiting before a request escalates, once.",
                                          "诉求等待多少周后升级（只升级一次）。"),
    "UrgencyRule.escalation": ("The effect of escalating (a hotline card, pressure...).",
                               "升级的效果（热线事件卡、压力……）。"),
    "UrgencyRule.expires_after_weeks": ("Weeks after which an unanswered request disappears.",
                                        "无人处理的诉求多少周后消失。"),
    "WeeklyRule.when": ("Applies in weeks where this holds (no `when`: every week).",
                        "条件成立的周才执行（不写 `when`：每周执行）。"),
    "WeeklyRule.effect": ("What happens at the start of such a week.", "这样的一周开始时发生什么。"),
    # -- meters --
    "Meter.id": ("Used in effects and expressions.", "在效果和表达式中使用的编号。"),
    "Meter.label": ("Shown on the dashboard.", "显示在仪表盘上。"),
    "Meter.short": ("A short label for narrow screens.", "窄屏用的短标签。"),
    "Meter.description": ("Longer help text.", "较长的说明文字。"),
    "Meter.range": ("[low, high] with low < high (default [0, 100]); values are clamped to it.",
                    "[下限, 上限]，下限小于上限（默认 [0, 100]）；数值被限制在其中。"),
    "Meter.start": ("Value at the start, inside the range.", "开局时的数值，须在范围内。"),
    "Meter.hidden": ("Shown only in the debrief.", "只在复盘时显示。"),
    "Meter.good": ("Which direction is good for the player; colours and bots read it.",
                   "哪个方向对玩家有利；配色和模拟玩家会读取它。"),
    "Meter.ends_game_at": ("Endings that end the game when the meter reaches the bottom or top of its range.",
                           "数值到达范围下限或上限时立即触发的结局。"),
    "Meter.notes": ("For facilitators.", "写给主持人看。"),
    "EndsAt.min": ("The ending when the meter reaches the bottom of its range.", "数值降到下限时的结局。"),
    "EndsAt.max": ("The ending when the meter reaches the top of its range.", "数值升到上限时的结局。"),
    # -- directives --
    "Directive.id": ("Unique among directives, requests and events.", "在任务、诉求和事件中唯一。"),
    "Directive.title": ("One line.", "一行标题。"),
    "Directive.text": ("The directive's wording or context.", "任务的原文或背景。"),
    "Directive.level": ("Which level of government issues it.", "下达任务的政府层级。"),
    "Directive.issuer": ("The issuing office, as text.", "下达任务的部门（文字）。"),
    "Directive.unit": ("What the quota counts.", "指标的计量单位。"),
    "Directive.quota": ("The target: more than 0.", "指标目标值，须大于 0。"),
    "Directive.arrives": ("The week it arrives (or use `when`).", "下达的周次（或用 `when`）。"),
    "Directive.when": ("It arrives the first week this holds (game context).",
                       "条件第一次成立的那周下达（游戏语境）。"),
    "Directive.due_in_weeks": ("Weeks to the deadline, counting the arrival week (1 to 52).",
                               "从下达那周算起的期限周数（1 到 52）。"),
    "Directive.weight": ("Assessment weight, read by `weight` in settle expressions (0 or more; default 1).",
                         "考核权重，结算表达式中用 `weight` 读取（不小于 0，默认 1）。"),
    "Directive.veto": ("One-vote veto: missing it applies `settlement.veto_missed`.",
                       "一票否决：未完成时执行 `settlement.veto_missed`。"),
    "Directive.approaches": ("The ways to work on it: at least one action.", "处理它的办法：至少一个行动。"),
    "Directive.on_met": ("Effect instead of `settlement.met` for this directive.", "代替 `settlement.met` 的本任务效果。"),
    "Directive.on_missed": ("Effect instead of `settlement.missed` for this directive.",
                            "代替 `settlement.missed` 的本任务效果。"),
    "Directive.findings": ("Research finding codes it illustrates (declared in `debrief.research_notes`).",
                           "它体现的研究发现编号（在 `debrief.research_notes` 中声明）。"),
    "Directive.notes": ("For facilitators.", "写给主持人看。"),
    "Directive.tags": ("Labels that modifiers can select this directive's approaches by.",
                       "调整规则可据以选中本任务各办法的标签。"),
    # -- requests --
    "Request.id": ("Unique among directives, requests and events.", "在任务、诉求和事件中唯一。"),
    "Request.title": ("One line.", "一行标题。"),
    "Request.text": ("The resident's story.", "群众诉求的内容。"),
    "Request.who": ("Who asks.", "提出诉求的人。"),
    "Request.urgency": ("Picks the header's `urgency` defaults.", "决定使用头部 `urgency` 中的哪组默认规则。"),
    "Request.arrives": ("The week it arrives (or use `when`).", "出现的周次（或用 `when`）。"),
    "Request.when": ("It arrives the first week this holds (game context).", "条件第一次成立的那周出现（游戏语境）。"),
    "Request.approaches": ("The ways to answer it: at least one action; taking one closes the request.",
                           "回应的办法：至少一个行动；采取后诉求关闭。"),
    "Request.ignored_each_week": ("Meter changes each week it waits (overrides the urgency default).",
                                  "每搁置一周的数值变化（覆盖紧急程度的默认值）。"),
    "Request.escalates_after_weeks": ("Weeks of waiting before it escalates, once.", "等待多少周后升级（一次）。"),
    "Request.escalation": ("The effect of escalating.", "升级的效果。"),
    "Request.expires_after_weeks": ("Weeks after which it disappears unanswered.", "多少周无人处理后消失。"),
    "Request.findings": ("Research finding codes it illustrates.", "它体现的研究发现编号。"),
    "Request.notes": ("For facilitators.", "写给主持人看。"),
    "Request.tags": ("Labels that modifiers can select this request's approaches by.",
                     "调整规则可据以选中本诉求各办法的标签。"),
    # -- inspections --
    "Inspection.id": ("Unique among inspections.", "在检查中唯一。"),
    "Inspection.title": ("One line.", "一行标题。"),
    "Inspection.kind": ("What it checks; sets `score` for its effect.", "检查什么；决定效果中 `score` 的含义。"),
    "Inspection.weeks": ("Scheduled (announced) weeks.", "预先安排（公开）的周次。"),
    "Inspection.when": ("Or: it runs in weeks where this holds.", "或者：条件成立的周进行。"),
    "Inspection.chance": ("Probability (0..1) that it runs in a week it could.", "可以进行的周里实际进行的概率（0 到 1）。"),
    "Inspection.effect": ("Applied when it runs; its expressions may read `score`.",
                          "检查进行时的效果；表达式可读取 `score`。"),
    "Inspection.text": ("Shown when it runs.", "检查进行时显示。"),
    "Inspection.findings": ("Research finding codes it illustrates.", "它体现的研究发现编号。"),
    "Inspection.notes": ("For facilitators.", "写给主持人看。"),
    # -- events --
    "Event.id": ("Unique among directives, requests and events.", "在任务、诉求和事件中唯一。"),
    "Event.title": ("The card's title.", "事件卡标题。"),
    "Event.text": ("The card's text.", "事件卡正文。"),
    "Event.speaker": ("Who speaks.", "说话的人。"),
    "Event.when": ("It can be drawn only while this holds.", "只有条件成立时才可能被抽到。"),
    "Event.weight": ("Relative draw weight: a number (0 or more) or an expression; 0 never draws it.",
                     "抽取的相对权重：数字（不小于 0）或表达式；0 表示不会被抽到。"),
    "Event.draw": ("false: only shown when an effect names it (`event: ID`).",
                   "false：只在效果点名时出现（`event: 编号`）。"),
    "Event.once": ("Drawn at most once per game.", "每局最多抽到一次。"),
    "Event.cooldown": ("Weeks before it can be drawn again.", "再次可被抽到前的间隔周数。"),
    "Event.choices": ("Two to four actions; a choice has no directive of its own (use `progress`).",
                      "两到四个选项（行动）；选项没有自己的任务（请用 `progress`）。"),
    "Event.findings": ("Research finding codes it illustrates.", "它体现的研究发现编号。"),
    "Event.notes": ("For facilitators.", "写给主持人看。"),
    # -- endings --
    "Ending.id": ("Unique among endings.", "在结局中唯一。"),
    "Ending.title": ("The ending's title.", "结局标题。"),
    "Ending.text": ("What happened, told to the player.", "讲给玩家听的结局。"),
    "Ending.debrief": ("Explains the mechanism behind this ending.", "解释这个结局背后的机制。"),
    "Ending.when": ("Chosen after the last week if this holds. No `when`: a fallback, or reached only by a "
                    "threshold or `end_game`.", "最后一周后条件成立则选中。不写 `when`：兜底结局，或只由阈值或 "
                    "`end_game` 触发。"),
    "Ending.priority": ("Among endings whose `when` holds, the highest priority wins.",
                        "条件成立的结局中，优先级最高的胜出。"),
    "Ending.tone": ("How the ending feels.", "结局的基调。"),
    "Ending.findings": ("Research finding codes it illustrates.", "它体现的研究发现编号。"),
    # -- modifiers --
    "Modifier.id": ("Unique among modifiers.", "在调整规则中唯一。"),
    "Modifier.label": ("Shown while the modifier is active.", "生效期间显示。"),
    "Modifier.when": ("Active while this holds.", "条件成立期间生效。"),
    "Modifier.kinds": ("Applies to actions of these kinds (default all).", "作用于这些类型的行动（默认全部）。"),
    "Modifier.items": ("Applies to these directives or requests (default all).", "作用于这些任务或诉求（默认全部）。"),
    "Modifier.hours": ("Added to the hours an action takes.", "加到行动耗时上的小时数。"),
    "Modifier.hours_factor": ("Multiplies the hours an action takes (0 or more).", "行动耗时的倍数（不小于 0）。"),
    "Modifier.notes": ("For facilitators.", "写给主持人看。"),
    "Modifier.tags": ("Applies to actions carrying any of these tags, their own or their item's (default all).",
                      "作用于带有这些标签（自身的或所属事项的）的行动（默认全部）。"),
    # -- debrief --
    "Debrief.reflections": ("Prompts shown only when the player's own path makes them relevant.",
                            "只在与玩家自身经历相关时显示的反思提示。"),
    "Debrief.questions": ("Discussion questions.", "讨论问题。"),
    "Debrief.research_notes": ("The research findings the content illustrates.", "内容所体现的研究发现。"),
    "Reflection.id": ("Unique among reflections.", "在反思提示中唯一。"),
    "Reflection.when": ("Shown when this holds at the end (game context).", "结束时条件成立则显示（游戏语境）。"),
    "Reflection.text": ("The prompt.", "提示内容。"),
    "Reflection.findings": ("Research finding codes it illustrates.", "它体现的研究发现编号。"),
    "Question.stage": ("Where it belongs in the discussion.", "在讨论中所处的阶段。"),
    "Question.text": ("A discussion question.", "一个讨论问题。"),
    "Ending.variants": ("Other wordings for particular games: the first whose `when` holds at the end replaces "
                        "`text` (and `debrief`, if given).",
                        "针对具体对局的其他写法：结束时第一个 `when` 成立的变体替换 `text`（给出时也替换 `debrief`）。"),
    "Reflection.variants": ("Other wordings for particular games; the first whose `when` holds wins.",
                            "针对具体对局的其他写法；第一个 `when` 成立的生效。"),
    "Question.when": ("Asked only in games where this holds at the end (what the player met or did).",
                      "只在结束时条件成立的对局中提问（玩家遇到或做过的事）。"),
    "Question.variants": ("Other wordings for particular games; the first whose `when` holds wins.",
                          "针对具体对局的其他写法；第一个 `when` 成立的生效。"),
    "TextVariant.when": ("Use this wording when the condition holds at the end of the game. Texts may quote the "
                     "game's numbers with {{expression}} placeholders.",
                     "结束时条件成立则用这个写法。文本可以用 {{表达式}} 引用本局的数字。"),
    "TextVariant.text": ("The wording used instead of the default `text`.", "代替默认 `text` 的写法。"),
    "EndingVariant.debrief": ("Replaces the ending's `debrief` when this variant is used.",
                              "使用这个变体时替换结局的 `debrief`。"),
    "Debrief.explainers": ("Short pieces shown after \"your game in the research\" (e.g. two findings contrasted).",
                           "显示在“你这一局在研究里的位置”之后的短文（例如对比两项发现）。"),
    "Debrief.glossary": ("Terms a reader of the other language may not know, with their glosses (the debrief's "
                         "Glossary page).", "另一种语言的读者可能不熟悉的术语及其解释（复盘的词汇页）。"),
    "Explainer.id": ("Unique among explainers.", "在短文中唯一。"),
    "Explainer.title": ("The explainer's heading.", "短文标题。"),
    "Explainer.text": ("The explainer; may quote the game's numbers with {{expression}}.",
                       "短文内容；可以用 {{表达式}} 引用本局的数字。"),
    "Explainer.when": ("Shown only when this holds at the end of the game.", "只在结束时条件成立时显示。"),
    "Explainer.findings": ("Research finding codes it illustrates.", "它体现的研究发现编号。"),
    "GlossaryEntry.term": ("The term as it appears in the texts, e.g. {zh: 三防, en: three-prevention (三防)}.",
                           "文本中出现的术语，例如 {zh: 三防, en: three-prevention (三防)}。"),
    "GlossaryEntry.gloss": ("What it means, in one or two sentences.", "用一两句话说明它的意思。"),
    "ResearchNote.code": ("A finding code: a capital letter, then up to 7 capitals or digits.",
                          "发现编号：一个大写字母，后接最多 7 个大写字母或数字。"),
    "ResearchNote.title": ("The finding's name.", "研究发现的名称。"),
    "ResearchNote.text": ("The finding in a few sentences.", "用几句话说明这个发现。"),
    "ResearchNote.source": ("Where the finding comes from (plain text).", "发现的出处（纯文本）。"),
    "ResearchNote.shown_by": ("The approach kinds whose choices illustrate the finding when their item or card "
                              "names it (empty: every kind), e.g. [delegate] for interest binding. A choice that "
                              "names the finding in its own `findings` always does (the debrief's research table).",
                              "哪些类型的做法在所属事项或卡片标注了这个发现时体现它（空：所有类型），例如利益捆绑为 "
                              "[delegate]。在自身 `findings` 中标注了该发现的选项总是体现它（复盘的“你的这一局与研究”表）。"),
    "Claim.id": ("Unique among claims.", "在论断中唯一。"),
    "Claim.text": ("The claim in words.", "用文字写出的论断。"),
    "Claim.holds": ("An expression over simulation results, e.g. mean('trace', 'assessment') > "
                    "mean('service', 'assessment').", "基于模拟结果的表达式，例如 mean('trace', 'assessment') > "
                    "mean('service', 'assessment')。"),
    # -- effects, delayed effects and actions --
    "Effect.meters": ("Meter id to change (a number or an expression); results are clamped to the meter's range.",
                      "数值编号到变化量（数字或表达式）；结果被限制在数值范围内。"),
    "Effect.reported": ("Progress on this directive's reported ledger (its approaches and settle effects only).",
                        "本任务上报台账的进度（仅限任务的办法和结算效果）。"),
    "Effect.actual": ("Progress on this directive's actual ledger.", "本任务实际台账的进度。"),
    "Effect.quota": ("Change to this directive's quota (e.g. -300 after feedback).", "本任务指标的变化（如反映后 -300）。"),
    "Effect.progress": ("Ledger changes on named directives, from anywhere.", "对指定任务台账的变化，可在任何地方使用。"),
    "Effect.set": ("Flags to set.", "要设置的标记。"),
    "Effect.clear": ("Flags to clear.", "要清除的标记。"),
    "Effect.event": ("An event card to show now.", "立即显示的事件卡。"),
    "Effect.directive": ("A directive that arrives now.", "立即下达的任务。"),
    "Effect.request": ("A resident request that arrives now.", "立即出现的群众诉求。"),
    "Effect.later": ("Consequences that arrive in a later week.", "之后某周才到来的后果。"),
    "Effect.end_game": ("An ending that ends the game at once.", "立即结束游戏的结局。"),
    "Effect.message": ("A line for the week's ledger telling the player what happened.",
                       "写进本周记录、告诉玩家发生了什么的一句话。"),
    "LedgerChange.directive": ("The directive whose ledgers change.", "台账要变化的任务。"),
    "LedgerChange.reported": ("Progress on its reported ledger.", "上报台账的进度。"),
    "LedgerChange.actual": ("Progress on its actual ledger.", "实际台账的进度。"),
    "LedgerChange.quota": ("Change to its quota.", "指标的变化。"),
    "Later.in_weeks": ("How many weeks later it comes due, 1 to 52 (at the start of that week).",
                       "多少周后到期，1 到 52（在那周开始时）。"),
    "Later.chance": ("Probability (0..1) that it happens when due.", "到期时发生的概率（0 到 1）。"),
    "Later.unless": ("It does not happen if this holds when due.", "到期时若此条件成立则不发生。"),
    "Action.id": ("Unique within its item or card; expressions name it as item.action in took().",
                  "在所属任务、诉求或事件卡内唯一；表达式中以 item.action 写在 took() 里。"),
    "Action.kind": ("What it does; bots, the debrief and reports read it.", "它属于哪种做法；模拟玩家、复盘和报告会读取。"),
    "Action.label": ("The button text.", "按钮上的文字。"),
    "Action.text": ("A longer explanation shown when the action is selected.", "选中该行动时显示的较长说明。"),
    "Action.hint": ("What the player can foresee about uncertain outcomes.", "玩家对不确定结果能预见到的提示。"),
    "Action.hours": ("Work hours it takes (0 or more, or an expression); modifiers may change it.",
                     "所需工作小时（不小于 0，或表达式）；调整规则可能改变它。"),
    "Action.costs": ("Meter costs that must be affordable; they are paid when it is taken.",
                     "必须付得起的数值代价；采取时扣除。"),
    "Action.requires": ("Only available while this holds.", "只有条件成立时才可选。"),
    "Action.locked_reason": ("Shown when `requires` does not hold.", "`requires` 不成立时显示的原因。"),
    "Action.max_per_week": ("How often it can be taken in one week, 1 to 20.", "每周最多采取几次，1 到 20。"),
    "Action.max_total": ("How often it can be taken in the whole game.", "整局最多采取几次。"),
    "Action.closes": ("Closes the item (default: yes for requests, no for directives).",
                      "是否关闭所属事项（默认：诉求关闭，任务不关闭）。"),
    "Action.crosses_line": ("Fakes data or coerces residents; listed in the debrief and counted by crossed().",
                            "造假或强迫群众；会列入复盘，并由 crossed() 计数。"),
    "Action.chance": ("Probability (0..1) that `then` happens rather than `otherwise`.",
                      "发生 `then` 而不是 `otherwise` 的概率（0 到 1）。"),
    "Action.then": ("Effect when the chance comes up.", "概率命中时的效果。"),
    "Action.otherwise": ("Effect when it does not.", "概率未命中时的效果。"),
    "Action.findings": ("Research finding codes it illustrates.", "它体现的研究发现编号。"),
    "Action.notes": ("For facilitators: which archetype or finding this shows.", "写给主持人：它体现哪种类型或发现。"),
    "Action.tags": ("Labels modifiers can select this action by (with its item's tags).",
                    "调整规则可据以选中该行动的标签（连同所属事项的标签）。"),
    "LocalizedText.zh": ("Chinese text.", "中文文本。"),
    "LocalizedText.en": ("English text.", "英文文本。"),
    # -- core cards and variants (issue 12) --
    "ContentFile.variants": ("Named variants of the scenario: the same content with some rules changed (`play --variant ID`).",
                             "场景的命名变体：同样的内容，改动部分规则（`play --variant 编号`）。"),
    "Event.core": ("A core card: it comes for certain inside this window of weeks while its `when` holds.",
                   "核心卡：在这段周数内，只要 `when` 成立就一定出现。"),
    "CoreWindow.from_week": ("First week of the window.", "窗口的第一周。"),
    "CoreWindow.by_week": ("Last week of the window: by its end the card has come (at most the last week).",
                           "窗口的最后一周：到这一周结束时卡片一定已经出现（不晚于最后一周）。"),
    "Variant.id": ("The variant's id, as `--variant` takes it; unique among the scenario's variants.",
                   "变体编号，即 `--variant` 后面写的值；在本场景的变体中唯一。"),
    "Variant.title": ("Shown by `grassroots scenarios` and in saves.", "由 `grassroots scenarios` 列出，也写进存档。"),
    "Variant.summary": ("One or two sentences: what the variant changes and why.", "一两句话：这个变体改了什么、为什么。"),
    "Variant.set": ("Header fields replaced, e.g. `weeks: 8`; checked as the header is.",
                    "替换的头部字段，例如 `weeks: 8`；按头部的规则检查。"),
    "Variant.start_flags": ("Flags added at the start: rules in force from week 1.", "开局时加上的标记：从第一周起生效的规则。"),
    "Variant.meters": ("Meter fields replaced, by meter id, e.g. `trust: {start: 60}`.",
                       "按数值编号替换的字段，例如 `trust: {start: 60}`。"),
    "Variant.change": ("Fields replaced on the item with that id; write `section.id` when two sections use the id.",
                       "替换该编号条目的字段；两个部分用了同一编号时写 `部分.编号`。"),
    "Variant.remove": ("Ids of items left out (any section but meters); `section.id` when two sections use the id.",
                       "去掉的条目编号（数值除外的任何部分）；同名时写 `部分.编号`。"),
    "Variant.add": ("Whole items added by section; one with an existing id replaces it.",
                    "按部分整条加入的条目；与已有编号相同则替换它。"),
    "Variant.notes": ("For authors and facilitators.", "写给作者和主持人看。"),
    "VariantAdd.directives": ("Directives added or replaced.", "加入或替换的任务。"),
    "VariantAdd.requests": ("Resident requests added or replaced.", "加入或替换的群众诉求。"),
    "VariantAdd.inspections": ("Inspections added or replaced.", "加入或替换的检查。"),
    "VariantAdd.events": ("Event cards added or replaced.", "加入或替换的事件卡。"),
    "VariantAdd.endings": ("Endings added or replaced.", "加入或替换的结局。"),
    "VariantAdd.modifiers": ("Modifiers added or replaced.", "加入或替换的耗时调整。"),
    "VariantAdd.weekly": ("Weekly rules added after the header's.", "在头部的每周规则之后追加的规则。"),

}

# Values of the closed lists (enums) an author picks from.
ENUMS: dict[str, dict[str, tuple[str, str]]] = {
    "Kind": {
        "trace": ("Produces traces: fast progress on the reported ledger, little on the actual one.",
                  "留痕：上报台账进展快，实际进展少。"),
        "service": ("Real service: progress on both ledgers, slower and dearer.", "真服务：两本台账都有进展，更慢更贵。"),
        "feedback": ("Reports the problem upward; usually nothing happens.", "向上反映问题；通常没有回音。"),
        "set_aside": ("Shelved by tacit consensus: relief now, risk later.", "默契搁置：眼下轻松，日后有风险。"),
        "delegate": ("Handed to village cadres: costs budget, uncertain quality.", "交给村干部：花经费，质量难料。"),
        "reform": ("A reform lever: lowers the cost of future work.", "改革抓手：降低以后工作的成本。"),
        "other": ("Anything else.", "其他做法。"),
    },
    "Level": {
        "province": ("Issued by the province.", "省级下达。"), "city": ("Issued by the city.", "市级下达。"),
        "district": ("Issued by the district.", "区级下达。"), "township": ("Set by the township itself.", "镇街自定。"),
    },
    "urgency": {
        "low": ("Low urgency.", "低紧急。"), "medium": ("Medium urgency (the default).", "中等紧急（默认）。"),
        "high": ("High urgency.", "高紧急。"),
    },
    "tone": {
        "good": ("A good ending.", "好结局。"), "mixed": ("A mixed ending (the default).", "好坏参半（默认）。"),
        "bad": ("A bad ending.", "坏结局。"),
    },
    "good": {
        "high": ("Higher is better.", "越高越好。"), "low": ("Lower is better.", "越低越好。"),
    },
    "kind": {
        "traces": ("Reads the ledgers: score = ledger_share().", "查台账：score = ledger_share()。"),
        "reality": ("Compares reported with actual: score = gap_share().", "比对上报与实际：score = gap_share()。"),
    },
    "stage": {
        "describe": ("Describe what happened.", "描述发生了什么。"), "analyse": ("Analyse why.", "分析原因。"),
        "apply": ("Apply it to real work.", "联系实际工作。"),
    },
    "languages": {"zh": ("Chinese.", "中文。"), "en": ("English.", "英文。")},
}
ENUMS["default_language"] = ENUMS["languages"]
ENUMS["ScenarioInfo.urgency"] = ENUMS["urgency"]


def field_text(model: type, name: str) -> tuple[str, str] | None:
    """The (English, Chinese) help of a model's field, looked up along the class's bases."""
    for cls in model.__mro__:
        found = FIELDS.get(f"{cls.__name__}.{name}")
        if found is not None:
            return found
    return None


def both(texts: tuple[str, str]) -> str:
    """One description in both languages, English first."""
    return f"{texts[0]}\n\n{texts[1]}"


MARK_START = "<!-- field reference: generated by `python -m game.scenario.field_docs docs/authoring.md` -->"
MARK_END = "<!-- end of field reference -->"


def reference_markdown() -> str:
    """The field reference of docs/authoring.md: every field of every model, in English and Chinese."""
    from game.scenario.walk import content_models

    lines = [MARK_START, "## Field reference", "",
             "Generated from `game/scenario/field_docs.py`, the same text editors show on hover.", ""]
    for model in content_models():
        lines += [f"### `{model.__name__}`", "", "| Field | Meaning | 说明 |", "|---|---|---|"]
        for name in model.model_fields:
            english, chinese = field_text(model, name) or ("", "")
            lines.append(f"| `{name}` | {english} | {chinese} |")
        lines.append("")
    lines.append(MARK_END)
    return "\n".join(lines) + "\n"


def with_reference(document: str) -> str:
    """`document` with its field reference replaced (or appended when it has none)."""
    start, end = document.find(MARK_START), document.find(MARK_END)
    if start < 0 or end < 0:
        return document.rstrip("\n") + "\n\n" + reference_markdown()
    return document[:start] + reference_markdown() + document[end + len(MARK_END) + 1:]


if __name__ == "__main__":  # python -m game.scenario.field_docs docs/authoring.md
    target = Path(sys.argv[1])
    target.write_text(with_reference(target.read_text(encoding="utf-8")), encoding="utf-8")
