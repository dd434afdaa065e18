// Money with a role (patterns/finance.yaml): each amount is claimed once, by the first pattern that fits.
import type { Fact, KDocument, Span } from '../document.js';
import { halfUlp, moneySlack, toRate, toYuan, yearNumber } from '../normalise/numbers.js';
import { compile, derived } from '../patterns.js';
import { matches, sectionsAt, trimSpan, unitName } from './engine.js';
import { allSpent, extractNone, leadEvidence, roundedRestatements } from './finance/afterPass.js';
import { receivedRates } from './finance/receivedRate.js';
import { initialBases, shareAgrees } from './finance/initialBase.js';
import { markItemField } from './unitStretch.js';
import { FISCAL_SPENDING, SPENDING_PARTS, appropriationPartOf, appropriationParts, fiscalBudgetBefore, fiscalFundsOpening, partsContext, unitWholeList } from './finance/appropriation.js';
import { adjustedBudgets, changedBudgets, initialParts, initialStands, sameFundsFollow, statedChanges } from './finance/budgetChanges.js';
import { BASIC_PARTS, BUDGET, INITIAL_BUDGET, PROJECT_BUDGET, THREE_PUBLIC, UNIT_SPENDING, UNIT_TOTALS, afterUnit, amountNum, file, financeSource, moneyCn, opensPhrase, reportingUnit, unitOf } from './finance/file.js';
import type { Aspect, FinanceFile, SplitPair } from './finance/file.js';
import { agencyBefore, bodyFigureBefore, bodyTopicBefore, fundLineBefore, museumBefore, namesUnit, otherBodyBefore, otherPlaceBefore, otherProjectBefore, parentBefore } from './finance/otherBodies.js';
import { aboutAppropriation, afterItemAdjusted, asidesReplaced, bareListHead, changedSubject, followingSubject, inClosedAside, inheritedSubject, itemBefore, narrowerSubjects, subjectOf } from './finance/subjects.js';
import { WORD_WRAP_MARK, cutView, withWordWraps, withoutWordWrap, wrapMarked } from './finance/view.js';
import { cumulativeOverYears, fitsYear, inTargetSentence, inTargets, midYear, otherYearSentence, projectOverYears } from './finance/years.js';
import { CLAUSE_ENDS, CLAUSE_STARTS, clauseStart, lineOf, linesBefore, linesBeforeInSection, nearLine, paragraphBefore, paragraphStart, proseSlice, sentenceAt, sentenceBefore, sentenceReach, spanText } from './prose.js';
import { mayMatch } from './literal.js';
import { ownProject } from './ownProject.js';
import { otherSourceBeside, sourcePartBefore, sourcesAddUp, userPartBefore } from './finance/sources.js';

export function extractFinance(doc: KDocument, claimed: Span[]): void {
  const f = file();
  const overlaps = (s: Span) => claimed.some((c) => s.start < c.end && s.end > c.start);
  const budgetReport = doc.reportKind === 'budget';
  const unitKind = reportingUnit(doc);
  const partBudgets: Fact[] = []; // (see initialParts)
  const shareBases = new Set<Fact>(); // adjusted budgets read from a share's base (see adjustedBudgets)
  // the department split into its 机关 and a subordinate body (see department_parts): the 机关's figures are a part's
  const split = (doc.norm.includes('机关') || doc.norm.includes('本级')) && compile(f.department_parts, '').test(doc.norm);
  const view = cutView(doc);
  const marked = wrapMarked.has(doc);
  for (const p of f.patterns) {
    if (p.kinds && (!doc.reportKind || !p.kinds.includes(doc.reportKind))) continue;
    // (the unit's level and kind, or an empty class that matches nothing: one of fifteen sources per pattern, compiled once)
    const src = marked ? withWordWraps(financeSource(p.regex, unitKind)) : withoutWordWrap(financeSource(p.regex, unitKind));
    // (a form's fields are read in a run of short lines too: a form copied one field per line, 预算金额（万元）⏎15; macros.yaml FORM_NUMBER)
    for (const match of matches(view, src, undefined, false, p.form_fields === true)) {
      const g = match.m.groups ?? {};
      // (the words of the match, a wrap's mark taken out)
      const m0 = marked ? match.m[0].replaceAll(WORD_WRAP_MARK, '') : match.m[0];
      const amountSpan = match.group('amount') ?? match.group('pct');
      if (!amountSpan || overlaps(amountSpan)) continue;
      // (全国科普日活动经费预算45万元 in a report titled …全国科普日活动项目支出绩效自评报告: the title's project with its 项目 said as
      // 经费 is the title's name too, see ownProject.ts)
      if (p.own_name && !titleHolds(doc, match.group('own')) && !ownProject(doc, spanText(doc, match.group('own')))) continue;
      // (下达中央补助资金20万元，省科协下拨省级补助资金15万元，…: one of several sources, see sources.ts)
      if (p.one_source && otherSourceBeside(doc, f, amountSpan, toYuan(g.num ?? amountNum(m0), g.unit ?? unitOf(m0)))) {
        claimed.push(amountSpan);
        continue;
      }
      // (年初预算20万元，可用资金20万元: funds of the same value leave the 年初 figure the budget — not claimed)
      if (p.unless_same_funds && sameFundsFollow(doc, f, amountSpan.end, toYuan(g.num ?? amountNum(m0), g.unit ?? unitOf(m0)))) continue;
      // (其中科普日活动经费5万元: an item among a budget's parts, read only when it is the report's own project)
      if (p.own_item && !(ownProject(doc, spanText(doc, match.group('own'))) && budgetPartOf(doc, f, match.span.start) === 'budget')) continue;
      // (项目支出59.40万元，占调整后预算218.10万元的27.23% | 占全年预算数X的Y%: a share's base is no statement of its own — only
      // share_base reads it, checked against the unit's actual)
      if (!p.share_base && compile(f.share_of, '').test(doc.norm.slice(Math.max(0, match.span.start - 12), match.span.start))) continue;
      if (compile(f.per_unit, '').test(doc.norm.slice(Math.max(0, match.span.start - 4), match.span.start))) continue;
      // (全县“三公”经费支出120万元: the whole place's money, claimed so that no looser pattern reads it as the unit's)
      if (compile(f.whole_place_before, '').test(doc.norm.slice(Math.max(0, match.span.start - 16), match.span.start))) {
        claimed.push(amountSpan);
        continue;
      }
      // 基本支出150万元左右 | “三公”经费支出3万元以上: an approximation is no figure to sum (claimed: no looser pattern reads it)
      if (compile(f.approx_after, 'y').test(view.norm.slice(amountSpan.end, amountSpan.end + 6))) {
        claimed.push(amountSpan);
        continue;
      }
      // 本年支出合计⏎149.83万元: a label and an amount on consecutive lines, unless the lines are flattened columns
      if (view.norm.slice(match.span.start, amountSpan.start).includes('\n') && columnsFlattened(doc, f.split_pair, match.span.start, amountSpan)) {
        claimed.push(amountSpan);
        continue;
      }
      // another year's figure (上年支出决算数, 2021年… in a 2022 report) or a forecast (预计全年支出) is not this year's
      // (the amount is claimed: a later, looser pattern must not read it as this year's)
      // (2 0 2 3 年 度 本 年 收 入 合 计 X: a letter-spaced year in the match, the fiscal year only; 基本支出由2022年的X增至Y: the
      // year before named in the match, group pyear, the fiscal year's before only)
      if (!fitsYear(doc, f, match.span.start, p.aspect ?? 'actual', m0) || (g.syear !== undefined && yearNumber(g.syear) !== doc.data.fiscalYear) || (g.pyear !== undefined && (typeof doc.data.fiscalYear !== 'number' || yearNumber(g.pyear) !== doc.data.fiscalYear - 1))) {
        claimed.push(amountSpan);
        continue;
      }
      // 该项目实施期为2022—2024年。…项目总预算90万元: a total of a project run over years is no year's (projectOverYears)
      if (p.over_years_total && compile(p.over_years_total, '').test(m0) && projectOverYears(doc, f, match.span.start)) {
        claimed.push(amountSpan);
        continue;
      }
      // 截至2023年底累计支出82万元 | 累计支出100万元，其中本年支出30万元: a running total that may run over years is not the year's
      if ((p.aspect ?? 'actual') === 'actual' && cumulativeOverYears(doc, f, amountSpan)) {
        claimed.push(amountSpan);
        continue;
      }
      // 科技馆决算支出X，决算收入Y in a 科协's report: the figures after the museum's own in its sentence are the museum's
      // 其中，市科协本级收入合计Z，支出合计W: a part of the department (本级) named after 其中, not the department's figures
      // 市科协机关基本支出98.20万元，项目支出34.20万元 in a department split into its 机关 and a museum: the 机关's figures
      // 县科协机关基本支出150.20万元 in the 科技馆's report: the parent 科协's figures
      // 县科技馆为我会下属事业单位，全年支出X: a sentence opening with another body as its topic (bodyTopicBefore)
      // 东岭县实际支出41.2万元 in 青禾市科协's report: another county's money (otherPlaceBefore)
      // 其中中央资金40万元，…。中央资金实际支出39万元: one source's spending or rate, a part's (sourcePartBefore)
      // 其中县科协使用10万元，乡镇科协使用10万元。县科协实际支出10万元，执行率100%: one user's, a part's (userPartBefore)
      // 科普惠农项目：…；2023年预算20万元，实际支出19.8万元: a fund's line (fundLineBefore)
      if (museumBefore(doc, f, match.span.start) || bodyTopicBefore(doc, f, match.span.start) || parentBefore(doc, f, match.span.start) || bodyFigureBefore(doc, f, match.span.start) || compile(f.part_level, '').test(sentenceBefore(doc, match.span.start)) || (split && agencyBefore(doc, f, match.span.start)) || otherProjectBefore(doc, f, match.span.start) || otherPlaceBefore(doc, f, match.span.start) || sourcePartBefore(doc, f, match.span.start, p.aspect ?? 'actual') || userPartBefore(doc, f, match.span.start, p.aspect ?? 'actual') || fundLineBefore(doc, f, match.span.start)) {
        claimed.push(amountSpan);
        continue;
      }
      // 基本支出年初预算X，全年预算数为Y: a figure naming no subject after one narrower subject is that subject's: a budget
      // (“三公”经费决算数2.14万元，年初预算数3.00万元) fills that subject's budget — a 年初 figure only when no adjusted
      // budget follows —, any other figure nothing
      let ownerBudget: string | null = null;
      if (p.unowned) {
        const narrow = narrowerSubjects(doc, match.span.start);
        // (（二）财政资金使用情况⏎2023年度财政资金全年预算210万元，全年实际支出205万元: a sentence opening with the fiscal funds
        // speaks of them under such a heading as elsewhere: its actual goes on to be read as theirs, see fiscalFundsOpening)
        const appropriation = aboutAppropriation(doc, f, match.span.start, narrow.size === 1 ? [...narrow][0] : null) && !(narrow.size === 0 && (p.aspect ?? 'actual') === 'actual' && fiscalFundsOpening(doc, f, match.span.start, m0) === 'fiscal');
        // (其中：人员经费支出120万元，日常公用经费支出30万元，全年支出150万元: after 基本支出's two parts alone a whole naming no
        // subject is theirs, 基本支出's or the unit's — which, unsaid: nobody's; session 47)
        if (basicPartsOnly(narrow)) {
          claimed.push(amountSpan);
          continue;
        }
        if (narrow.size === 1 || appropriation) {
          const initial = p.path === INITIAL_BUDGET;
          const owner = narrow.size === 1 && !appropriation ? [...narrow][0] : null;
          ownerBudget = owner && (p.aspect === 'budget' || (initial && initialStands(doc, f, amountSpan.end, toYuan(g.num ?? amountNum(m0), g.unit ?? unitOf(m0))))) ? f.subjects[owner]?.paths.budget ?? null : null;
          // (项目资金全部到位，全年共支出19.35万元 | 项目资金20万元，全年共支出X in a project report: the one subject is the report's own
          // project, and an unowned actual there is the project's anyway, see below; session 47)
          const ownProject = owner === 'project' && doc.reportKind === 'project_self_eval' && (p.aspect ?? 'actual') === 'actual' && !initial;
          if (!ownerBudget && !ownProject) {
            claimed.push(amountSpan);
            continue;
          }
        }
      }
      // 部门预算资金X。年中追加…，调整后预算为Y: the unit's adjusted budget only after the unit's budget, which becomes the initial one
      let unitChain = false; // the adjusted budget of the unit's own budget stated before it
      if (p.after_unit_budget) {
        const before = unitBudgetBefore(doc, match.span.start);
        // (a project report: 该项目预算30万元，年中调整为35万元 — the project's budget it replaces, or a 年初 figure left to nobody)
        const replaced = !before && doc.reportKind === 'project_self_eval' ? projectBudgetBefore(doc, match.span.start) : null;
        // (2020年部门预算收入158.36万元；年中追加预算4.5万元，调整后预算162.86万元: the budget's planned income with the stated change
        // making the adjusted figure to the fen — the budget before the change, see incomeBeforeChange)
        if (!before && !replaced && !(doc.reportKind !== 'project_self_eval' && incomeChangedTo(doc, f, match.span.start, toYuan(g.num ?? '', g.unit ?? '')))) continue;
        unitChain = !!before?.length || doc.facts.some((x) => x.path === INITIAL_BUDGET && x.span.start >= sentenceAt(doc, match.span.start).start && x.span.start < match.span.start);
        for (const x of before ?? []) x.path = INITIAL_BUDGET;
        for (const x of replaced === true ? [] : replaced ?? []) doc.facts.splice(doc.facts.indexOf(x), 1);
      }
      // 项目名称：科普日活动 ⏎ 预算数（万元）：5: a form's unit-wide field in an item's block is the item's
      // (项目名称：科普日活动经费 ⏎ 年初预算数：20万元: the same field with its unit after the figure, see itemFieldLine)
      if (doc.reportKind !== 'project_self_eval' && ((p.form_fields && compile(f.form_item, '').test(linesBeforeInSection(doc, match.span.start, 10))) || ((p.unowned || p.subject === 'inherit') && itemFieldLine(doc, f, amountSpan.start)))) {
        claimed.push(amountSpan);
        markItemField(doc, amountSpan);
        continue;
      }
      // 比年初预算X减少Y: the base of a comparison with a figure that filled a field (not an activity's unread figure)
      // (基本支出X，“三公”经费支出Y，较年初预算Z减少: with two subjects named the base is still the compared figure's — a
      // subject's figure makes it no base of the unit's, see comparedSubjectFigure —, unless the unit's total opens the
      // sentence and the subjects are its parts: 部门整体支出X，其中：基本支出Y，项目支出Z，比年初预算W减少)
      if (p.after_figure && (!lastFigureFilled(doc, match.span.start) || (!ownerBudget && comparedSubjectFigure(doc, match.span.start) && !totalBefore(doc, match.span.start)))) {
        claimed.push(amountSpan);
        continue;
      }
      // 其中科普活动经费20万元，2024年实际支出18万元: a figure naming the unit by the year only, right after an item's figure, is the item's
      // 项目支出预算45万元，其中科普活动经费20万元，实际支出18万元: right after an item listed as a part, the item's
      if ((p.not_after_item && itemFigureBefore(doc, f, match.span.start)) || (p.not_after_part_item && (compile(f.part_item, '').test(itemFigureBefore(doc, f, match.span.start) || '\n') || partBracket(doc, f, match.span.start)))) {
        claimed.push(amountSpan);
        continue;
      }
      // 项目支出预算50万元，其中科普日活动经费20万元，调整后预算25万元，实际支出24万元: after an adjusted figure nearer a listed item's
      // than the budget's, a bare actual or rate follows the item's chain: nobody's we keep
      if (p.subject === 'inherit' && ((p.aspect ?? 'actual') === 'actual' || p.aspect === 'rate') && afterItemAdjusted(sentenceBefore(doc, match.span.start))) {
        claimed.push(amountSpan);
        continue;
      }
      // 部门收入X，支出Y: a bare 支出 is the unit's only right after the unit's income figure
      if (p.after_unit_income && !doc.facts.some((x) => x.path === '/finance/incomeTotal' && compile(f.income_then, '').test(doc.norm.slice(x.span.end, match.span.start)))) continue;
      let path: string | string[] | null = ownerBudget ?? p.path ?? null;
      let aspect = p.aspect ?? 'actual';
      let asPart = false; // a subject's figure read as a budget for being one of a budget's parts
      // 部门收入预算190万元，其中：一般公共预算财政拨款收入188万元: a fixed-path figure among a budget's parts is planned — its
      // budget field where there is one, else nothing (a figure saying 决算 or 实际 stays an actual)
      if (path && !ownerBudget && ![path].flat().some((x) => /(?:budget|Budget)$/.test(x)) && !/决算|实际/.test(m0) && (budgetPartOf(doc, f, match.span.start) || inBudgetSection(doc, f, match.span.start) || approvedBefore(doc, f, match.span.start, amountSpan.start))) {
        const planned = [path].flat().map(budgetPath).filter((x): x is string => x !== null);
        if (!planned.length) {
          claimed.push(amountSpan);
          continue;
        }
        path = planned.length === 1 ? planned[0] : planned;
      }
      // path []: a figure with no field (支出预算总计X): claimed, so no looser pattern reads it
      if (Array.isArray(path) && !path.length) {
        claimed.push(amountSpan);
        continue;
      }
      // a target rate (绩效目标 section, 目标：… line) is no result
      if (aspect === 'rate' && (inTargets(doc, f, match.span.start) || compile(f.target_after, '').test(doc.norm.slice(match.span.end, match.span.end + 12)))) {
        claimed.push(amountSpan);
        continue;
      }
      // 实际支出19万元。其中科普示范基地建设支出10万元，执行率100%: a rate right after the one part after 其中 is the part's (partRateAfter)
      if (aspect === 'rate' && p.subject === 'inherit' && partRateAfter(doc, f, match.span.start, g.pct)) {
        claimed.push(amountSpan);
        continue;
      }
      // 年度总体目标：…，项目支出20万元。: a target's spending is no actual
      if (aspect === 'actual' && ![path].flat().some((x) => x && /[bB]udget$/.test(x)) && inTargetSentence(doc, f, match.span.start)) {
        claimed.push(amountSpan);
        continue;
      }
      // 其中：上年结转项目支出10万元，本年项目支出40万元 (or this year's first, 其中当年资金支出X，上年结转资金支出Y): this year's
      // money's part beside the carried money's, not the whole
      const carried = compile(f.carried_spent_before, '').exec(sentenceBefore(doc, match.span.start)) ?? thisYearFirst(doc, f, match.span.start, amountSpan.end);
      if (carried && compile(f.this_year_spent, '').test((carried.groups?.year ?? '') + m0)) {
        claimed.push(amountSpan);
        continue;
      }
      // 下一步，我们将…计划基本支出预算100万元: a figure in the next step's plan is no figure of the year
      if (compile(f.next_plan, '').test(sentenceBefore(doc, match.span.start))) {
        claimed.push(amountSpan);
        continue;
      }
      // 9月底执行率为76% | 截至9月底，基本支出80.00万元: a mid-year progress, not the year's (budgets are not dated so)
      if (aspect !== 'budget' && aspect !== 'initial' && ![path].flat().some((x) => x && /[bB]udget$/.test(x)) && midYear(doc, f, match.span.start)) {
        claimed.push(amountSpan);
        continue;
      }
      // 数量指标：…完成率135% | 按时完成率100%: an indicator's completion, not spending's
      if (aspect === 'rate' && compile(f.bare_completion, '').test(m0) && !compile(f.money_sentence, '').test(sentenceBefore(doc, match.span.start))) {
        claimed.push(amountSpan);
        continue;
      }
      // 年中压减公用经费6.20万元 | 追加人员经费X: a subject after a change's verb states the change, no figure of the subject
      const subjectAt = match.group('subject');
      if (subjectAt && changedSubject(doc.norm, subjectAt.start)) {
        claimed.push(amountSpan);
        continue;
      }
      // 因公出国（境）费支出决算0万元 | 科普经费实际支出X: glued to an item's name that is no subject, the figure is that item's
      // (经费执行率95.33%: the bare 经费 opening the rate's phrase names the money itself, see funds_rate_before)
      if (p.subject === 'inherit' && itemBefore(doc, f, match.span.start) && !(p.aspect === 'rate' && compile(f.funds_rate_before, '').test(doc.norm.slice(Math.max(0, match.span.start - 6), match.span.start)))) {
        claimed.push(amountSpan);
        continue;
      }
      // (2023年度财政拨款预算210万元，全年执行205万元: only right after the fiscal funds' own budget, no subject named)
      if (p.fiscal_budget && (inheritedSubject(doc, match.span.start) !== null || !fiscalBudgetBefore(doc, f, match.span.start, m0))) continue;
      if (!path) {
        let key = p.subject === 'inherit' ? inheritedSubject(doc, match.span.start) : p.subject ?? (g.subject ? subjectOf(g.subject, followingSubject(doc, match.group('subject'))) : null);
        // (项目资金全部到位，本单位全年实际支出X in a project report: the unit named right before the figure, its whole — not the
        // project named earlier in the sentence; session 47)
        if (key === 'project' && p.subject === 'inherit' && doc.reportKind === 'project_self_eval' && namesUnit(doc, f, match)) key = 'total';
        // a bare 完成率 speaks of spending only in a sentence about money (not 换届工作…完成率100%)
        // a project report is about its one project: an unowned 实际支出 or 执行率 is the project's
        // (本单位2023年实际支出312.6万元: the unit named right before it keeps it the unit's)
        if (p.subject === 'inherit' && !key && doc.reportKind === 'project_self_eval') {
          // (县财政局全年实际支出X | 市科协全年实际支出X: another body named right before it: nobody's we keep)
          if (otherBodyBefore(doc, f, match)) continue;
          // (县科协部门预算186.5万元，实际支出184.2万元: right after the unit's own figure in its sentence it is on the unit's chain,
          // as in any report — never the project's)
          const unit = reportingUnit(doc);
          // (我馆2023年部门预算总额560万元，实际支出548万元 under a title naming no unit: the department's budget word alone puts it
          // on the unit's chain — huntb48; the unit named by its level only when known)
          const chain = aspect === 'actual' ? budgetClauseBefore(doc, match.span.start) : '';
          const unitBudget = !!chain && (compile(f.unit_budget_word, '').test(chain) || (unit.level !== '' && compile(financeSource(f.unit_budget_named, unit), '').test(chain)));
          if (unitBudget && !namesUnit(doc, f, match) && afterUnitBudget(doc, unitNamedAsBoundary(doc, f, chain), f)) unitChain = true;
          // (…，实际支出184.2万元，执行率98.77%: a rate right after the unit's actual so read is the unit's too)
          if (aspect === 'rate' && lastFigureFact(doc, match.span.start)?.path === '/finance/spendingTotal/actual') unitChain = true;
          key = namesUnit(doc, f, match) || unitChain ? 'total' : 'project';
          // (开展科普日活动，预算5万元，实际支出4.8万元: an activity's figure, not the project's)
          if (key === 'project' && itemClauseBefore(doc, f, match.span.start)) {
            claimed.push(amountSpan);
            continue;
          }
        }
        // 全年预算数为150万元，全年执行数为148万元: an unowned 执行数 next to the unit's own budget is the total's
        // (not after another item's figure: 部门预算安排190万元，其中科普活动经费20万元，实际支出18万元; nor in a sentence that is the
        // appropriation's: 五、一般公共预算财政拨款支出决算情况 ⏎ 年初预算为X，支出决算为Y)
        if (p.subject === 'inherit' && !key && aspect === 'actual' && afterUnitBudget(doc, unitNamedAsBoundary(doc, f, budgetClauseBefore(doc, match.span.start)), f) && !aboutAppropriation(doc, f, match.span.start)) key = 'total';
        // (财政资金全年预算210万元，实际支出205万元: an unowned actual right after the fiscal funds' own budget, the sentence opening
        // with them, is theirs — read on as the unit's and turned into the fiscal part's below, see fiscalFundsOpening)
        if (p.subject === 'inherit' && !key && aspect === 'actual' && fiscalBudgetBefore(doc, f, match.span.start, m0)) key = 'total';
        // (年初结转和结余12.5万元，全年可支配资金总额197.5万元，实际支出190.2万元: right after the unit's funds available, the
        // unit's whole money, an unowned actual is the unit's; the funds themselves fill nothing)
        if (p.subject === 'inherit' && !key && aspect === 'actual' && compile(financeSource(f.unit_funds_before), '').test(sentenceBefore(doc, match.span.start))) key = 'total';
        // an execution rate is about spending: income named before it does not own it
        if (aspect === 'rate' && key === 'income') key = null;
        // 支出合计196.40万元，其中基本支出150.20万元，项目支出46.20万元，预算执行率98.88%: a rate after both parts of the total,
        // the last with no budget of its own in the sentence, is the total's (stated before it), else nobody's
        if (p.subject === 'inherit' && aspect === 'rate' && (key === 'basic' || key === 'project') && partsListed(doc, f, match.span.start, key)) {
          key = totalBefore(doc, match.span.start) ? 'total' : null;
          if (!key) {
            claimed.push(amountSpan);
            continue;
          }
        }
        // 基本支出预算190万元，实际支出188.3万元，其中人员经费165.2万元，公用经费23.1万元，执行率99.11%: a rate after both parts
        // of 基本支出, which has a figure before them in the sentence and no rate yet, is 基本支出's (the parts have no rate)
        if (p.subject === 'inherit' && aspect === 'rate' && (key === 'personnel' || key === 'publicUse') && basicPartsListed(doc, match.span.start)) key = 'basic';
        // 收入合计100万元，实际支出98万元 | 收入决算数为X，支出决算数为Y: spending is never the income's; after the unit's income
        // an unowned actual is the unit's spending (a budget figure there is nobody's)
        if (p.subject === 'inherit' && key === 'income') key = aspect === 'actual' ? 'total' : null;
        // (2023年度部门预算收入138.50万元，实际支出136.20万元: after the budget's planned income, which names no subject, a figure
        // that says it is the actual (实际…) is the unit's spending, as after 收入预算X; a bare 支出 there stays the plan's)
        if (p.subject === 'inherit' && !key && aspect === 'actual' && /^实际/.test(m0) && compile(f.budget_income_before, '').test(budgetClauseBefore(doc, match.span.start))) key = 'total';
        // (a rate after an item's figure, 公务接待费支出决算为0.52万元，完成预算的52% | 科普经费支出50万元，执行率100%, is that
        // item's: only after a figure of the unit's total, or after none, is it the total's)
        // (预算执行率=执行数/预算数×100%=98.98%: a formula naming the whole budget's figures speaks of money itself, own_money)
        // (…；全年执行数为143.62万元，预算执行率为99.02%: right after the unit's actual the sentence is about money, whatever its words)
        if (p.subject === 'inherit' && !key && aspect === 'rate' && (compile(f.money_sentence, '').test(sentenceBefore(doc, match.span.start) + (p.own_money ? m0 : '')) || lastFigureFact(doc, match.span.start)?.path === '/finance/spendingTotal/actual') && lastFigureIsTotal(doc, f, match.span.start) && !rateOfOther(doc, f, match.span.start)) key = 'total';
        // (实际支出184.2万元，其中政府采购11.5万元，执行率98.77%: a rate naming no subject after an item listed under the unit's
        // figures is the unit's when it is the unit's own actual over its budget, both stated before it in its sentence; so is one
        // after a subject that keeps no rate, 其中“三公”经费1.2万元，预算执行率98.77%)
        if (p.subject === 'inherit' && (!key || !f.subjects[key]?.paths.rate) && aspect === 'rate' && g.pct !== undefined && unitRateAgrees(doc, match.span.start, g.pct)) key = 'total';
        const subjSpan = match.group('subject');
        // (县科协总收入X: the unit named by its level and kind opens the phrase too)
        // (in the view: a line end inside a word, 事业⏎收入 0 万元, is a wrap's mark there, and the word's tail opens no phrase)
        if (key && subjSpan && f.subjects[key]?.named && !opensPhrase(view, subjSpan.start) && !afterUnit(doc, f, subjSpan.start, unitKind)) continue;
        // （二）项目支出情况⏎全年支出30.2万元，执行率98% | （一）基本支出⏎预算120万元，实际支出118万元: a bare actual or rate in the
        // body's first paragraph is the heading's subject's when it opens its sentence or follows a figure of that subject's
        if (!key && p.subject === 'inherit' && (aspect === 'rate' || aspect === 'actual') && doc.reportKind !== 'project_self_eval') {
          const owner = headingOwner(doc, f, match);
          const last = owner ? lastFigureFact(doc, match.span.start) : null;
          // (三、项目支出情况⏎我会高度重视项目资金。实际支出8万元: a sentence before it in the body, no figure of the subject's in it,
          // may lead into one project's money — the bare figure opening a later sentence is nobody's)
          const opens = ownerSentence(doc, f, owner, match.span.start) && compile(f.heading_owner.opens, '').test(ownerBefore(f, owner, sentenceBefore(doc, match.span.start)));
          if (owner && ((last && Object.values(f.subjects[owner].paths).includes(last.path)) || opens) && !rateOfOther(doc, f, match.span.start)) key = owner;
        }
        // (二、部门整体支出情况⏎预算执行率98.5%，较上年提高2个百分点: a bare 预算执行率 alone in its paragraph under a heading naming the
        // unit's whole — the unit's; fin54)
        if (!key && aspect === 'rate' && rateAloneInUnitSection(doc, f, m0, match.span.start)) key = 'total';
        // (三、存在的问题⏎预算执行率仅为85%，…: a rate stated as a problem is the unit's — the project's in a project report — or the
        // subject's named before it only when it agrees with its one actual over its one budget in the report; huntc56)
        if (aspect === 'rate' && p.subject === 'inherit' && inProblems(doc, match.span.start)) {
          const own = key ?? (doc.reportKind === 'project_self_eval' ? 'project' : 'total');
          key = g.pct !== undefined && reportRateAgrees(doc, own, g.pct) ? own : null;
        }
        if (!key) continue;
        // (部门预算安排200万元；基本支出150万元，项目支出50万元，实际支出195万元: more than either part, right after both listed under
        // the unit's budget, the actual closing the chain is the unit's, and a rate right after it too — fin54)
        if (p.subject === 'inherit' && (key === 'basic' || key === 'project') && (aspect === 'actual' ? closesPartsList(doc, f, key, match.span.start, toYuan(g.num ?? amountNum(m0), g.unit ?? unitOf(m0))) : aspect === 'rate' && rateClosesPartsList(doc, f, key, match.span.start))) {
          key = 'total';
          unitChain = true;
        }
        // (基本支出预算128.50万元，项目支出预算33.80万元，实际支出160万元: after two subjects' budgets listed one after the other a bare
        // actual may be the last one's or the whole's — nobody's)
        // (县科协全年预算186.5万元，其中：科普日活动项目资金5万元；实际支出184.2万元 in a project report: after the own item listed as
        // the budget's part, the list closed by ；, the actual is the whole's, not the project's — nobody's we keep)
        if (p.subject === 'inherit' && key === 'project' && afterOwnItemList(doc, match.span.start)) {
          claimed.push(amountSpan);
          continue;
        }
        // (2023年部门预算386.5万元，其中项目支出50万元，实际支出380.6万元: a bare actual after the one part of the unit's budget
        // listed after 其中 that is more than that part's figure is not the part's — it may be the whole's: nobody's we keep)
        if (p.subject === 'inherit' && aspect === 'actual' && (key === 'basic' || key === 'project') && partActualTooLarge(doc, key, match.span.start, amountSpan, toYuan(g.num ?? amountNum(m0), g.unit ?? unitOf(m0)))) {
          claimed.push(amountSpan);
          continue;
        }
        // (…，项目支出预算33.80万元，实际支出160万元，执行率98.58%: a rate right after such an actual, left unread, is as unsure)
        // (基本支出预算150万元，项目支出预算50万元，调整后预算210万元，实际支出205万元: so is an actual after a budget left unread below)
        const unread = p.subject === 'inherit' && (aspect === 'rate' || aspect === 'actual') ? lastMoneyBefore(doc, match.span.start) : null;
        // (…，其中项目支出50万元，实际支出380.6万元，预算执行率98.5%: so is one after an actual too large to be the part's)
        const unreadText = unread ? doc.norm.slice(unread.start, unread.end) : '';
        if (unread && !doc.facts.some((x) => x.path.startsWith('/finance/') && x.span.start <= unread.start && x.span.end >= unread.end) && (listedBudgetsBefore(doc, key, unread.start) || ((key === 'basic' || key === 'project') && partActualTooLarge(doc, key, unread.start, unread, toYuan(amountNum(unreadText), unitOf(unreadText)))))) {
          claimed.push(amountSpan);
          continue;
        }
        if (p.subject === 'inherit' && aspect === 'actual' && listedBudgetsBefore(doc, key, match.span.start)) {
          claimed.push(amountSpan);
          continue;
        }
        // (…其中基本支出150万元，项目支出50万元，调整后预算210万元: a bare budget after the parts listed is not the last part's)
        if (p.subject === 'inherit' && aspect === 'budget' && listedBudgetsBefore(doc, key, match.span.start)) continue;
        // (全年支出X，占全年预算的Y%: a share of the budget is the rate of the unit's total only; a subject's, 项目支出X，占部门预算的26%,
        // may be its share of the whole)
        // (年中追加预算较多，占年初预算的14.58%: a share with no figure of the unit's total before it in its sentence is a change's
        // or a part's, not the unit's rate)
        // (huntb54: 项目预算50万元，实际支出48万元，占预算的96% in a project report — the project is the report's whole: its share of
        // the budget is its rate when its own actual and budget stand before it in its sentence and the share is the one over the other)
        if (p.only_total && !shareOfOwnBudget(doc, key, g, match.span.start)) continue;
        // 省科技报社基本支出300万元 | 市科协基本支出X in a county's report: another body's name glued before the subject
        // (the unit's name known: 县科协基本支出X with no unit known may be the unit's own)
        if (subjSpan && subjSpan.start === match.span.start && unitName(doc) !== null && otherBodyBefore(doc, f, match)) {
          claimed.push(amountSpan);
          continue;
        }
        // 总收入168.42万元，其中…上年结转3万元: a 总收入 counting the carry-in is the 总计, not this year's income: not read
        // (the parts may follow in the next sentence, opening with 其中)
        // (总支出312.46万元，其中年末结转和结余10.89万元: the same on the spending side, see spending_with_carry_out)
        const carried = key === 'income' ? f.income_with_carry_in : key === 'total' && aspect === 'actual' ? f.spending_with_carry_out : null;
        if (carried && subjSpan && compile(carried, '').test(doc.norm.slice(subjSpan.start, nextPartsEnd(doc, sentenceAt(doc, match.span.start).end)))) {
          claimed.push(amountSpan);
          continue;
        }
        // 项目资金20万元，支出19.6万元 in a project report: the project's funds named bare (no 支出/决算/实际) are the money it had,
        // not what it spent (left unclaimed: 项目资金20万元，已全部支出 is read by allSpent)
        if (doc.reportKind === 'project_self_eval' && key === 'project' && aspect === 'actual' && subjSpan && compile(f.funds_word, '').test(doc.norm.slice(subjSpan.start, subjSpan.end)) && !/支出|决算|实际/.test(m0)) continue;
        if (budgetReport && aspect === 'actual') aspect = 'budget';
        // 年初预算批复152.60万元，其中基本支出108.30万元: a subject's figure among a budget's parts is a budget
        // (基本支出决算数X, 实际支出X say what they are)
        if (aspect === 'actual' && subjSpan && !/决算|实际/.test(m0)) {
          // (基本支出146万元，占部门预算的78.49%: a part of a budget, no spending; see budget_share_after)
          // (（一）预算安排情况 ⏎ 基本支出150万元，项目支出50万元: a bare figure in a section on the budget's arrangement is planned)
          const role = budgetPartOf(doc, f, match.span.start) ?? budgetChainRole(doc, f, key, subjSpan.start) ?? budgetShareRole(doc, f, key, amountSpan, match.span.start) ?? (!/执行|完成|使用/.test(m0) && (inBudgetSection(doc, f, match.span.start) || approvedBefore(doc, f, match.span.start, amountSpan.start)) ? 'budget' : null);
          if (role === 'other' || role === 'none') {
            claimed.push(amountSpan);
            continue;
          }
          if (role === 'budget') {
            aspect = 'budget';
            asPart = true;
          }
        }
        // (（一）预算安排情况 ⏎ 支出合计200万元: a unit total's figure there, its subject in the pattern, is planned too)
        else if (aspect === 'actual' && !subjSpan && p.subject && p.subject !== 'inherit' && !/决算|实际|执行|完成|使用/.test(m0) && (inBudgetSection(doc, f, match.span.start) || approvedBefore(doc, f, match.span.start, amountSpan.start))) aspect = 'budget';
        // (年初预算数为162.30万元，其中基本支出预算128.50万元，…；年中追加…，调整后预算为177.50万元: a part naming its budget is one
        // of the initial budget's parts as a bare one is — see initialParts)
        else if (aspect === 'budget' && subjSpan && PART_SUBJECTS.includes(key) && budgetPartOf(doc, f, match.span.start) === 'budget') asPart = true;
        // 项目资金共计40万元，实际支出39万元 in a self-evaluation or a 决算: the project's funds named bare, with their spending stated
        // after them or summing the sources arranged before them, are the money it had, not an actual (see funds_spent_after)
        if (aspect === 'actual' && key === 'project' && subjSpan && doc.reportKind && doc.reportKind !== 'project_self_eval' && doc.reportKind !== 'budget' && compile(f.funds_word, '').test(doc.norm.slice(subjSpan.start, subjSpan.end)) && !/支出|决算|实际|执行/.test(m0) && (compile(f.funds_spent_after, '').test(doc.norm.slice(amountSpan.end, amountSpan.end + 40)) || compile(f.funds_sources_before, '').test(sentenceBefore(doc, match.span.start)))) {
          claimed.push(amountSpan);
          continue;
        }
        // 三公经费…完成预算的64.2% is a rate of a subject we keep no rate for: not the total's
        path = f.subjects[key]?.paths[aspect] ?? null;
        // a 年初 figure followed by the adjusted budget: only the total keeps it (initialBudget)
        if (!path && aspect === 'initial') {
          claimed.push(amountSpan);
          continue;
        }
      }
      if (!path) continue;
      // 财政拨款收入总计X、支出总计Y: a bare total after the appropriation's own total is the appropriation's
      // (一般公共预算财政拨款收入为X，支出为Y: a bare 支出为Y after an appropriation's income is that appropriation's)
      if (!/^(?:本年|全年)/.test(m0) && [path].flat().some((x) => UNIT_TOTALS.test(x)) && (compile(f.appropriation_owner, '').test(sentenceBefore(doc, match.span.start)) || (compile(f.bare_spending, '').test(m0) && compile(f.appropriation_income, '').test(sentenceBefore(doc, match.span.start))))) {
        claimed.push(amountSpan);
        continue;
      }
      // 四、财政拨款收入支出决算总体情况说明 ⏎ 2023年度收入总计X，支出总计Y: a bare total in the appropriation's section is its
      // (a total's own word only, 合计/总计: an unowned 全年执行数 there goes on to be read as the appropriation's, see fiscalFundsOpening)
      if ([path].flat().some((x) => UNIT_TOTALS.test(x)) && (p.path || /合计|总计/.test(m0)) && inAppropriationSection(doc, f, match.span.start)) {
        claimed.push(amountSpan);
        continue;
      }
      // a budget disclosure states plans: a fixed actual-side path becomes its budget, others (income, 总计, 财政拨款) are dropped
      // (not_in_budget: a figure stated as executed beside the plan, 执行数分别为X、Y, is no plan: dropped)
      if (budgetReport) {
        if (p.not_in_budget) {
          claimed.push(amountSpan);
          continue;
        }
        const planned = [path].flat().map(budgetPath).filter((x): x is string => x !== null);
        if (!planned.length) {
          claimed.push(amountSpan);
          continue;
        }
        path = planned.length === 1 ? planned[0] : planned;
      }
      // a project report has no unit-wide totals: its whole-budget figures are the project's
      // (部门整体支出X, 整体支出预算执行率 name the unit itself: they stay the unit's)
      if (doc.reportKind === 'project_self_eval' && typeof path === 'string' && !unitChain && UNIT_SPENDING.test(path) && !namesUnit(doc, f, match) && !afterUnitIncome(doc, f, match.span.start) && itemClauseBefore(doc, f, match.span.start)) {
        claimed.push(amountSpan);
        continue;
      }
      // 项目资金20万元，实际支出19.6万元，其中“三公”经费0万元 in a project report: the project's share of the 三公 money, not the
      // unit's (the unit named right before it, 本单位“三公”经费支出X, stays the unit's)
      if (doc.reportKind === 'project_self_eval' && [path].flat().some((x) => x.startsWith(THREE_PUBLIC)) && !namesUnit(doc, f, match)) {
        claimed.push(amountSpan);
        continue;
      }
      // (东岭县科协全年实际支出X in 青禾县科协's project report: another body's unit-wide figure, no project's — hunta52)
      if (doc.reportKind === 'project_self_eval' && typeof path === 'string' && /^\/finance\/spendingTotal\//.test(path) && !unitChain && !namesUnit(doc, f, match) && otherBodyBefore(doc, f, match)) {
        claimed.push(amountSpan);
        continue;
      }
      if (doc.reportKind === 'project_self_eval' && typeof path === 'string' && !unitChain && !namesUnit(doc, f, match) && !afterUnitIncome(doc, f, match.span.start)) path = path.replace(/^\/finance\/spendingTotal\/(budget|actual|executionRate)$/, '/finance/project/$1');
      // (该项目年初预算30万元，实际支出29.4万元: its 年初 figure is the project's budget when no adjusted budget follows; with one
      // following, nobody's — a project has no initial-budget field)
      if (doc.reportKind === 'project_self_eval' && path === INITIAL_BUDGET && !namesUnit(doc, f, match)) {
        // (a form's 年初预算数 field over its 全年预算数 field: form_adjusted_next)
        if (!initialStands(doc, f, amountSpan.end, toYuan(g.num ?? amountNum(m0), g.unit ?? unitOf(m0))) || (p.form_fields && compile(f.form_adjusted_next, '').test(doc.norm.slice(amountSpan.end, amountSpan.end + 400)))) {
          claimed.push(amountSpan);
          continue;
        }
        path = '/finance/project/budget';
      }
      // (in another report) 科普e站建设项目：年初预算数为X，全年实际支出Y — after a label naming an item, unit-wide figures are the item's
      if (typeof path === 'string' && /^\/finance\/spendingTotal\//.test(path) && namedOwner(f, sentenceBefore(doc, match.span.start), doc.norm.slice(sentenceAt(doc, match.span.start).start, match.span.end), g.pct === undefined ? toYuan(g.num ?? amountNum(m0), g.unit ?? unitOf(m0)) : null)) continue;
      // 以前年度结转资金支出8万元，本年预算支出182万元: the year's budget money spent beside the carried money's — nobody's
      if (path === '/finance/spendingTotal/budget' && budgetMoneySpent(doc, f, m0, match.span.start)) {
        claimed.push(amountSpan);
        continue;
      }
      // 市科协机关2023年度支出合计X in a 科技馆's report: another body named right before a unit-wide figure
      if (typeof path === 'string' && (UNIT_TOTALS.test(path) || /^\/finance\/spendingTotal\//.test(path)) && otherBodyBefore(doc, f, match)) {
        claimed.push(amountSpan);
        continue;
      }
      // 科普活动（项）。年初预算为X，支出决算为Y: unit-wide words naming no subject after a line item of the classification are its
      if (typeof path === 'string' && /^\/finance\/spendingTotal\//.test(path) && (p.unowned || p.subject === 'inherit') && classifiedItem(doc, f, match.span.start)) {
        claimed.push(amountSpan);
        continue;
      }
      // （一）基本支出情况⏎2023年实际支出100万元: a figure of the whole spending naming no subject, in the first paragraph of a
      // section whose heading names one narrower subject, is that subject's (a field it has none of: nobody's; its 年初 figure is
      // its budget when no adjusted budget follows)
      if (typeof path === 'string' && UNIT_SPENDING.test(path) && doc.reportKind !== 'project_self_eval') {
        const owner = headingOwner(doc, f, match);
        if (owner !== undefined) {
          // (组织科普大篷车下乡10次，全年支出6万元: after another count or figure in its sentence, an activity's: nobody's)
          const before = ownerBefore(f, owner, sentenceBefore(doc, match.span.start));
          if ((!compile(f.heading_owner.opens, '').test(before) && compile(f.heading_owner.figure_before, '').test(before.replace(/(?:19|20)\d{2}[ \t]*年/g, ''))) || !ownerSentence(doc, f, owner, match.span.start)) {
            claimed.push(amountSpan);
            continue;
          }
          const end = path.slice(path.lastIndexOf('/') + 1);
          const initial = end === 'initialBudget' && initialStands(doc, f, amountSpan.end, toYuan(g.num ?? amountNum(m0), g.unit ?? unitOf(m0)));
          const next = owner ? f.subjects[owner]?.paths[end === 'executionRate' ? 'rate' : end === 'initialBudget' ? (initial ? 'budget' : 'initial') : (end as Aspect)] : undefined;
          if (!next) {
            claimed.push(amountSpan);
            continue;
          }
          path = budgetReport ? budgetPath(next) ?? next : next;
        }
      }
      // 2023年度财政资金全年预算210万元，全年实际支出205万元: unit-wide words in a sentence opening with the fiscal funds are the
      // fiscal part's (other income may exist): its actual is the appropriation's spending, weak; its budget and rate no field's
      let fiscalPart = false;
      if (typeof path === 'string' && UNIT_SPENDING.test(path) && doc.reportKind !== 'project_self_eval') {
        const fiscal = fiscalFundsOpening(doc, f, match.span.start, m0);
        if (fiscal === 'other') {
          claimed.push(amountSpan);
          continue;
        }
        if (fiscal === 'fiscal') {
          if (budgetReport || !path.endsWith('/actual')) {
            claimed.push(amountSpan);
            continue;
          }
          path = FISCAL_SPENDING;
          fiscalPart = true;
        }
      }
      const value = g.pct !== undefined ? toRate(g.pct) : toYuan(g.num ?? amountNum(m0), g.unit ?? unitOf(m0));
      if (value === null) continue;
      // (2024年部门预算收入156.20万元，支出156.20万元。其中：基本支出预算120.20万元，项目支出预算36.00万元: a bare 支出 after a
      // budget's planned income is its spending budget only when the parts listed after it add up to it)
      if (p.parts_sum && !partsAddUp(doc, f, amountSpan, value, `${(g.num ?? '').replace(/\s/g, '')}${g.unit}`)) continue;
      // (中央补助30万元，省级补助10万元，县级配套10万元，合计50万元: the sum of the sources before it, see sources.ts)
      if (p.sources_sum && !sourcesAddUp(doc, f, match.span.start, amountSpan, value, `${(g.num ?? '').replace(/\s/g, '')}${g.unit}`)) continue;
      // (全年支出212.05万元，占调整后预算218.10万元的97.23%: the share's base is the unit's budget only when the share is the
      // unit's actual right before it over that base)
      if (p.share_base && !shareOfBase(doc, match.span.start, value, g.share ?? '')) continue;
      // OCR reads 100% as 1009%: a rate past 300% is not believable
      if (g.pct !== undefined && value > 300) {
        doc.messages.push({ ruleId: 'implausible_value', reason: `a rate of ${value}% is not believable (OCR?): ignored`, place: match.span, paths: Array.isArray(path) ? path : [path] });
        continue;
      }
      claimed.push(amountSpan);
      // 本年支出合计230万元，其中：财政拨款基本支出150万元，项目支出60万元 — parts of the unit's whole named as the appropriation's
      const listed = typeof path === 'string' && !fiscalPart ? unitWholeList(doc, f, path, amountSpan) : null;
      // 财政拨款基本支出X，其中：人员经费Y；公用经费Z — the appropriation-funded part's 人员/公用经费 are weak like it
      // 财政拨款支出X，其中：基本支出Y，项目支出Z — the appropriation's parts are weak like it
      // 五、一般公共预算财政拨款支出决算情况说明 ⏎ …其中：基本支出年初预算145万元，支出决算150.36万元 — under a heading naming the
      // appropriation, 基本支出/项目支出 and their parts are the appropriation-funded parts: weak like them
      // (such a part is the unit's own only when the appropriation paid for all of what it is a part of: validate/appropriationParts)
      const part = listed && listed !== 'own' ? listed : typeof path === 'string' && !fiscalPart && listed !== 'own' ? appropriationPartOf(doc, f, p, path, match.span.start) : null;
      // (in a project report the same words stay weak, as the appropriation's: no unit's figure to compare with)
      const priority = fiscalPart || part ? 2 : listed === 'own' ? undefined : p.priority ?? (typeof path === 'string' && doc.reportKind === 'project_self_eval' && ((BASIC_PARTS.test(path) && compile(f.appropriation_basic, '').test(partsContext(doc, match.span.start))) || (SPENDING_PARTS.test(path) && appropriationParts(doc, f, match.span.start))) ? 2 : undefined);
      // 收、支总计均为X: one figure, two fields
      for (const one of Array.isArray(path) ? path : [path]) {
        doc.facts.push({ path: one, value, span: trimSpan(doc, match.span), rule: p.id, ...(priority !== undefined ? { priority } : {}), raw: g.pct ?? `${(g.num ?? '').replace(/\s/g, '')}${g.unit}`, ...(part ? { appropriation: part } : {}) });
        if (asPart) partBudgets.push(doc.facts[doc.facts.length - 1]);
        if (p.share_base) shareBases.add(doc.facts[doc.facts.length - 1]);
      }
    }
  }
  adjustedBudgets(doc, f, shareBases);
  changedBudgets(doc, f);
  initialBases(doc, f);
  initialParts(doc, partBudgets);
  allSpent(doc, f, claimed);
  roundedRestatements(doc);
  receivedRates(doc, f);
  extractNone(doc, f, f.none);
  leadEvidence(doc, f);
}
/** True when the narrower subjects named before a figure are 基本支出's two parts and nothing else (人员经费, 公用经费). */
function basicPartsOnly(narrow: Set<string>): boolean {
  return narrow.size === 2 && narrow.has('personnel') && narrow.has('publicUse');
}
/** The sentence before a figure owned by a heading, a bare count of projects under a 项目支出 heading taken out
 *  (共实施项目3个，实际支出30万元: the same subject's, no activity's count). */
/** True when the sentence holding `at` opens its section's body, or the sentence before it states a figure of `owner`'s
 *  (三、项目支出情况⏎项目资金预算20万元。实际支出19.5万元) or names `owner` alone (项目支出资金。实际支出…, see `named_lead`).
 *  After a lead-in stating none (我会高度重视项目资金。实际支出8万元) the bare figure may be one project's. */
function ownerSentence(doc: KDocument, f: FinanceFile, owner: string | null | undefined, at: number): boolean {
  const h = sectionsAt(doc, at).pop();
  if (!h) return false;
  const bodyStart = h.end + (doc.norm.slice(h.end).match(/^\s*/)?.[0].length ?? 0);
  const s = sentenceAt(doc, at);
  if (s.start <= bodyStart) return true;
  const prev = sentenceAt(doc, s.start - 1);
  // (the clue is the paragraph's own: 项目资金预算20万元。⏎实际支出19.5万元 — a later paragraph opening with a bare figure has none)
  if (!owner || !f.subjects[owner] || prev.start < paragraphStart(doc, s.start)) return false;
  const named = derived(f.subjects[owner], 'namedLead', () => `^[ \\t　]*(?:${f.subjects[owner].regex})${f.heading_owner.named_lead}`);
  if (named.test(proseSlice(doc, prev.start, prev.end))) return true;
  // (a lead-in counting the section's projects, 我会共实施项目2个，分别为A项目和B项目。, names them whole)
  if (owner === 'project' && f.heading_owner.project_lead && compile(f.heading_owner.project_lead, '').test(proseSlice(doc, prev.start, prev.end))) return true;
  const paths = Object.values(f.subjects[owner].paths);
  return doc.facts.some((x) => paths.includes(x.path) && x.span.start >= prev.start && x.span.end <= prev.end);
}
function ownerBefore(f: FinanceFile, owner: string | null | undefined, before: string): string {
  return owner === 'project' ? before.replace(compile(f.heading_owner.project_count, 'g'), '') : before;
}
/** For a label ending its line and its amount opening the next: true when the lines look like flattened columns
 *  (labels stacked over values, a header row of labels, a row of values), where the pairing cannot be trusted. */
function columnsFlattened(doc: KDocument, sp: SplitPair, labelAt: number, amount: Span): boolean {
  const norm = doc.norm;
  const labelLine = lineOf(norm, labelAt);
  const valueLine = lineOf(norm, amount.start);
  return (
    compile(sp.label_line, '').test(nearLine(norm, labelLine, -1)) ||
    compile(sp.value_line, '').test(nearLine(norm, valueLine, 1)) ||
    compile(sp.labels_before, '').test(norm.slice(labelLine.start, labelAt)) ||
    compile(sp.values_after, '').test(norm.slice(amount.end, valueLine.end))
  );
}
/** True when `before` holds a label naming an item other than the unit's own money (科普e站建设项目：). */
function namedOwner(f: FinanceFile, before: string, through: string, value: number | null = null): boolean {
  for (const m of before.matchAll(compile(f.named_owner, 'g'))) if (!compile(f.named_owner_not, '').test(m[0])) return true;
  // 2.青少年科技创新大赛：年初预算3万元: a numbered item's label before a colon
  const numbered = compile(f.named_owner_numbered, '').exec(before);
  if (numbered && !compile(f.named_owner_numbered_not, '').test(numbered[0])) return true;
  // 科普日活动年初预算20万元，全年预算数25万元: the sentence opens with the item's name glued to its figures (the figure itself
  // may be the first: read through the match)
  const bare = compile(f.named_owner_bare, '').exec(through);
  if (bare && !compile(f.named_owner_not, '').test(bare.groups?.name ?? bare[0])) return true;
  // 上级转移支付资金30万元，全年实际支出28万元: the sentence opens with a fund glued to its own money figure
  const funds = compile(f.named_owner_funds, '').exec(through);
  if (funds && !compile(f.named_owner_funds_not, '').test(funds.groups!.name)) return true;
  // 上年结转资金12.6万元，本年支出10.2万元: the sentence opens with the carry-in's own figure, nothing of the year's whole money after it
  // (a figure larger than the carried money is not its spending: 上年结转资金10万元，本年实际支出180万元 is the year's own)
  const carry = compile(f.named_owner_carry, '').exec(through);
  if (carry && !(value !== null && carryExceeded(carry, value))) return true;
  // 一是科普日活动，年初预算5万元: a first clause that is nothing but an item's name
  const clause = compile(f.named_owner_clause, '').exec(before);
  return !!clause && !compile(f.named_owner_not, '').test(clause[0].replace(/(?:19|20)\d{2}[ \t]*年度?/, ''));
}
/** True when the budget figure's phrase `m0` says 预算支出 and its sentence states the carried money's spending before it:
 *  the spending of the year's budget money, not the budget (see `carry_spent_before`). */
function budgetMoneySpent(doc: KDocument, f: FinanceFile, m0: string, at: number): boolean {
  return compile(f.budget_spent_words, '').test(m0) && compile(f.carry_spent_before, '').test(sentenceBefore(doc, at));
}
/** True when `value`, a money figure after the carry-in's own figure opening its sentence, is larger than the carried money:
 *  the carried money's spending it cannot be. */
function carryExceeded(carry: RegExpExecArray, value: number): boolean {
  const carried = toYuan(carry.groups?.num ?? '', carry.groups?.unit ?? '');
  return carried !== null && value > carried;
}
/** The end of the sentence after the one ending at `end` when it opens with 其中 (its parts), else `end`. */
function nextPartsEnd(doc: KDocument, end: number): number {
  if (end >= doc.norm.length || !/^[ \t]*其中/.test(doc.norm.slice(end, end + 6))) return end;
  return sentenceAt(doc, end + doc.norm.slice(end).search(/\S/)).end;
}
/** True when the 基本支出 and 项目支出 listed after 其中 right after the figure at `amount` (in its sentence, or the next one
 *  opening with 其中, up to the 。 or the line's end) are one each and add up to `value` within the rounding of the three as
 *  written (see `parts_after`, `parts_listed`). */
function partsAddUp(doc: KDocument, f: FinanceFile, amount: Span, value: number, raw: string): boolean {
  const line = doc.norm.indexOf('\n', amount.end);
  const rest = doc.norm.slice(amount.end, line < 0 ? doc.norm.length : line);
  const lead = compile(f.parts_after, '').exec(rest);
  if (!lead) return false;
  const list = rest.slice(lead[0].length).split('。')[0];
  const parts = [...list.matchAll(compile(f.parts_listed, 'g'))];
  if (parts.length !== 2 || new Set(parts.map((x) => x.groups!.subject)).size !== 2) return false;
  let sum = 0, tol = moneySlack(raw);
  for (const x of parts) {
    const v = toYuan(x.groups!.num ?? '', x.groups!.unit ?? '');
    if (v === null) return false;
    sum += v;
    tol += moneySlack(`${(x.groups!.num ?? '').replace(/\s/g, '')}${x.groups!.unit}`);
  }
  return Math.abs(sum - value) <= tol + 1e-6;
}
/** For a figure of the whole spending at `match`: the subject key owning it by its section's heading (see `heading_owner`), null
 *  for a heading whose subject has no field (机关运行经费), undefined when the heading owns nothing. The figure lies in any
 *  paragraph of the innermost section's body (whether the subject is named there, ownerSentence asks per paragraph: a later
 *  paragraph's bare figure is never the unit's by default), its phrase names no subject nor the unit, and the whole body
 *  names no subject but the heading's own and its parts (`（一）基本支出情况⏎1、预算资金X…3、…其中：项目支出Y`: a loose grouping). */
function headingOwner(doc: KDocument, f: FinanceFile, match: { m: RegExpExecArray; span: Span }): string | null | undefined {
  const at = match.span.start;
  const h = sectionsAt(doc, at).pop();
  if (!h || h.end > at) return undefined;
  const ho = f.heading_owner;
  const title = compile(ho.title, '').exec(h.title.replace(/\s+/g, ''));
  // (（二）科普项目支出情况 | 科普活动经费使用情况: a section of one item's money owns its figures as nobody's, never the unit's)
  if (!title && !compile(ho.item_title, '').test(h.title.replace(/\s+/g, ''))) return undefined;
  const key = title ? Object.keys(f.subjects).find((k) => ho.keys.includes(k) && derived(f.subjects[k], 'whole', () => `^(?:${f.subjects[k].regex})$`).test(title.groups!.subject)) ?? null : null;
  // (2023年部门实际支出130万元: the unit named in the figure's clause before its phrase too)
  const clause = doc.norm.slice(clauseStart(doc.norm, sentenceAt(doc, at).start, at), at);
  if (compile(ho.explicit, '').test(clause + match.m[0]) || namesUnit(doc, f, match)) return undefined;
  // (2023年全年实际支出150万元，其中基本支出120万元: a figure whose sentence names the heading's subject after it is a whole)
  // (…实际支出32.75万元，项目资金执行率99.24%: the subject's own rate after it names no part of a whole)
  if (key && compile(`(?:${f.subjects[key].regex})(?!${ho.own_rate})`, '').test(proseSlice(doc, match.span.end, sentenceAt(doc, at).end))) return undefined;
  const own = key ? [key, ...(ho.parts[key] ?? [])] : [];
  const others = (text: string) => {
    for (const k of ho.keys) {
      if (own.includes(k)) continue;
      for (const m of text.matchAll(compile(f.subjects[k].regex, 'g'))) if (!/[占比]$/.test(text.slice(0, m.index))) return true;
    }
    // (“三公”经费支出合计X in its own section names its own money, not the unit's total)
    const ownBefore = own.length ? derived(f, `ownBefore:${own.join()}`, () => `(?:${own.map((k) => f.subjects[k].regex).join('|')})(?:财政拨款|预算)?(?:决算)?$`) : null;
    // (占部门总支出的76%: a share's base names no figure of the total)
    for (const m of text.matchAll(compile(ho.other, 'g'))) {
      const before = text.slice(Math.max(0, m.index - 12), m.index);
      if (!ownBefore?.test(before) && !compile(f.share_base, '').test(before)) return true;
    }
    return false;
  };
  if (others(proseSlice(doc, h.end, h.bodyEnd))) return undefined;
  return key;
}
/** In a budget disclosure: the plan-side path for `path`, or null when the field has none. */
function budgetPath(path: string): string | null {
  if (/\/(?:budget|initialBudget|personnelBudget|publicUseBudget)$/.test(path)) return path;
  const b = path.replace(/\/actual$/, '/budget');
  return b !== path && /^\/finance\/(?:spendingTotal|basic|project|threePublic|governmentFund)\/budget$/.test(b) ? b : null;
}
// the unit budget's parts listed after 其中 up to the ； that ends them (其中：基本支出Y、项目支出Z； | 其中财政拨款Y、其他资金Z；: the
// words of a part, budget_parts_listed)
let budgetPartsList: RegExp | null = null;
const BUDGET_PARTS_LIST = () => (budgetPartsList ??= compile(`[，,]?[ \\t]*其中[:：]?(?:[ \\t]*(?:${file().budget_parts_listed})(?:预算)?(?:数)?(?:为|是|:)?[ \\t]*(?:{FIG_NUM})[ \\t]*(?:万?元|万(?=[、，,;；]))[、，,]?)+[ \\t]*[;；]$`, ''));
// the adjusted budget opening the next phrase after a budget figure (its unit maybe a bare 万, 部门预算200万，调整后…): 调整后预算Y, 全年预算调整为Y, 年中调整为Y, 追加至Y, 经调整后预算为Y (a source for
// compile: {ADJUSTED_TO} is a macro)
const ADJUSTED_NEXT = '(?<=(?:元|\\d[ \\t]*万)[ \\t]*)[，,][ \\t]*(?:{MID_YEAR}?(?:经过?|最终)?(?:(?:调整后|调整|变更后)(?:的)?(?:全年)?预算(?:数|金额|总额|资金)?(?:为|是|:)?|(?:全年)?预算(?:数|金额|总额|资金)?调整后?为)|{ADJUSTED_TO})(?=[ \\t]*{FIG_OPEN})';
// a sentence opening with the adjusted budget (or the budget's own change), nothing but the year before it
let adjustedOpening: string | null = null;
const ADJUSTED_OPENING = () => (adjustedOpening ??= `^[ \\t　]*(?:(?:19|20)\\d{2}[ \\t]*年度?[ \\t]*[，,]?[ \\t]*)?(?:${file().adjusted_opens})`);
/** The unit's budget facts (spendingTotal budget or initialBudget) in the sentence before `at`'s (back to the 。 before it)
 *  or earlier in its own, when they agree; the budget ones are returned (to become initialBudget), or null when none. */
function unitBudgetBefore(doc: KDocument, at: number): Fact[] | null {
  const s = sentenceAt(doc, at).start;
  const line = paragraphStart(doc, s);
  const stop = doc.norm.lastIndexOf('。', s - 2);
  const from = Math.max(line, doc.norm.lastIndexOf('。', stop - 1) + 1);
  const found = doc.facts.filter((x) => (x.path === BUDGET || x.path === INITIAL_BUDGET) && x.span.start >= from && x.span.start < at);
  if (!found.length || new Set(found.map((x) => x.path)).size > 1 || new Set(found.map((x) => x.value)).size > 1) return null;
  return found.filter((x) => x.path === BUDGET);
}
/** True when the budget's planned income (`budget_income_before`) in the window unitBudgetBefore looks in before `at`, with a
 *  mid-year change stated in `at`'s sentence, makes `value` (the adjusted budget at `at`) to the fen. */
function incomeChangedTo(doc: KDocument, f: FinanceFile, at: number, value: number | null): boolean {
  if (value === null) return false;
  const s = sentenceAt(doc, at);
  const stop = doc.norm.lastIndexOf('。', s.start - 2);
  const from = Math.max(paragraphStart(doc, s.start), doc.norm.lastIndexOf('。', stop - 1) + 1);
  const changes = statedChanges(doc, f, s);
  if (!changes.length) return false;
  for (const m of doc.norm.slice(from, at).matchAll(compile(f.budget_income_before, 'g'))) {
    const income = toYuan(m.groups?.num ?? '', m.groups?.unit ?? '');
    // (2023年部门预算收入X；年中追加…，调整后预算Z in a 2024 report: the chain is another year's)
    if (!fitsYear(doc, f, from + m.index!, 'budget')) return false;
    if (income !== null && changes.some((c) => Math.round((income + c) * 100) === Math.round(value * 100))) return true;
  }
  return false;
}
/** budget_parts_unread on `head`: the budget's words before a figure that is no readable amount (opening with a digit or a numeral, no actual's word; budget_parts failed on it). */
function unreadBudget(f: FinanceFile, head: string): RegExpExecArray | null {
  const m = compile(f.budget_parts_unread, '').exec(head);
  const fig = m?.groups!.fig ?? '';
  return m && !compile(f.budget_parts_after, '').test(fig) ? m : null;
}

/** The unit's income total stated right before `at` (收入合计68.50万元，支出合计66.20万元; the income's parts after 其中 up to
 *  ；/。 between, see income_then): in a project report the spending after it is the same body's, the unit's — a project has no
 *  income of its own to total. */
function afterUnitIncome(doc: KDocument, f: FinanceFile, at: number): boolean {
  return doc.facts.some((x) => (x.path === '/finance/incomeTotal' || x.path === '/finance/incomeGrandTotal') && x.span.end <= at && compile(f.income_then, '').test(doc.norm.slice(x.span.end, at)));
}
/** In a project report, the project's budget facts in `at`'s sentence before it (to be replaced by the adjusted budget), or true when
 *  none but the sentence names a budget of no other field (a 年初 figure is nobody's when an adjusted one follows), or null. */
function projectBudgetBefore(doc: KDocument, at: number): Fact[] | true | null {
  const s = sentenceAt(doc, at).start;
  const found = doc.facts.filter((x) => x.path === PROJECT_BUDGET && x.span.start >= s && x.span.start < at);
  if (found.length) return found;
  // (the project's budget figure before it may be read by a later pattern: adjustedBudgets drops it then)
  // (年初安排科普专项经费60万元，年中调整为68万元: the 年初 arrangement, left unread before the adjusted one, is such a figure too)
  return /预算|年初安排/.test(doc.norm.slice(s, at)) && !doc.facts.some((x) => x.path.startsWith('/finance/') && x.span.start >= s && x.span.start < at && /[bB]udget$/.test(x.path)) ? true : null;
}
/** The last amount before `at` in its sentence, one in a bracket's aside closed before `at` passed over (see inClosedAside). */
function lastMoneyBefore(doc: KDocument, at: number): Span | null {
  // (within sentenceBefore's reach: a run of figures with no sentence end, 20万元，实际支出20万元，实际支出…, was scanned from its start at
  // each figure — 63 s for 20,000 characters; fin52)
  const from = sentenceReach(doc, at);
  const text = doc.norm.slice(from, at);
  const brackets = /[（(]/.test(text);
  let last: RegExpMatchArray | null = null;
  for (const m of text.matchAll(compile(moneyCn(), 'g'))) if (!brackets || !inClosedAside(text, m.index!)) last = m;
  return last ? { start: from + last.index!, end: from + last.index! + last[0].length } : null;
}
/** True when the last amount before `at` in its sentence filled a narrower subject's field (not the unit's totals nor its
 *  income): the base of a comparison right after it is that subject's, never the unit's. */
function comparedSubjectFigure(doc: KDocument, at: number): boolean {
  const fact = lastFigureFact(doc, at);
  return !!fact && !/^\/finance\/(?:spendingTotal|spendingGrandTotal|incomeTotal|incomeGrandTotal)\//.test(fact.path + '/');
}
/** True when the last amount before `at` in its sentence filled a finance field. */
function lastFigureFilled(doc: KDocument, at: number): boolean {
  let last = lastMoneyBefore(doc, at);
  // (本年支出合计189.3万元，比上年减少5.2万元，与年初预算186.5万元相比增加2.8万元: a change on the year before is no figure
  // compared; the one it changes, before it, is)
  const delta = compile(file().prior_delta, '');
  while (last && delta.test(doc.norm.slice(sentenceAt(doc, at).start, last.start))) last = lastMoneyBefore(doc, last.start);
  if (!last) return false;
  const { start, end } = last;
  return doc.facts.some((x) => x.path.startsWith('/finance/') && x.span.start <= start && x.span.end >= end);
}
/** The sentence before `at`; when it opens right after a ； that ends the unit's budget and its parts listed after 其中
 *  (部门预算数为X，其中：基本支出Y、项目支出Z；实际支出W), that clause too, the parts taken out (they are no item's figures). */
function budgetClauseBefore(doc: KDocument, at: number): string {
  const own = sentenceBefore(doc, at);
  const s = sentenceAt(doc, at).start;
  const end = doc.norm.slice(Math.max(0, s - 2), s);
  const semi = /[;；]/.test(end);
  if (!semi && !end.includes('。')) return own;
  const prev = sentenceBefore(doc, s - 1);
  // (2022年部门预算220万元，其中…；实际支出215万元 in a 2023 report: the chain is another year's, and so is its actual)
  if (otherYearSentence(doc, file(), prev)) return own;
  const m = semi ? BUDGET_PARTS_LIST().exec(prev + doc.norm.slice(s - 1, s)) : null;
  if (m && m.index + m[0].length >= prev.length) return prev.slice(0, m.index) + '，' + own;
  // (2023年部门预算安排200万元；基本支出150万元，项目支出50万元，年中追加10万元，全年预算210万元，实际支出205万元: the budget's bare
  // parts opening the clause after its ； go on its chain too, an aside there — afterUnitBudget tells; fin53)
  if (semi && bareListHead('，' + own) && derived(file(), 'chainHeadEnd', () => `${file().budget_chain_head}$`).test(prev)) return prev + '，' + own;
  // (2023年部门预算210万元，较上年减少5万元，下降2.3%；实际支出205万元 | 部门预算210万元。实际支出205万元: the actual opening the
  // next clause or sentence of the budget's paragraph, nothing but the year before it, goes on the budget's chain — which
  // afterUnitBudget then tells: only the unit's budget and its own changes before it)
  // (not after an item's budget opening the clause before, 科普活动经费全年预算数为20万元；全年执行数为19.8万元)
  if (compile(file().budget_chain_next, '').test(own) && sentenceAt(doc, s - 1).start >= paragraphStart(doc, s) && !namedOwner(file(), prev, prev)) return prev + '，' + own;
  // (部门预算200万元，其中基本支出150万元，项目支出50万元。调整后预算210万元，实际支出205万元: the adjusted budget opening the next
  // sentence or clause of the budget's paragraph goes on its chain too, the budget's list before it an aside — afterUnitBudget tells;
  // session 45)
  if (compile(ADJUSTED_OPENING(), '').test(own) && sentenceAt(doc, s - 1).start >= paragraphStart(doc, s) && !namedOwner(file(), prev, prev)) return prev.replace(/[，,、；;。][ \t]*$/, '') + '，' + own;
  return own;
}
/** `before` with the unit named by its level and kind before its budget word read as a boundary (see `unit_budget_named`). */
function unitNamedAsBoundary(doc: KDocument, f: FinanceFile, before: string): string {
  const unit = reportingUnit(doc);
  if (!unit.level || !before.includes('预算')) return before;
  return before.replace(compile(financeSource(f.unit_budget_named, unit), 'g'), '，');
}
/** True when `before` (a sentence up to a figure) names the unit's budget and no figure but that budget's stands after it. */
function afterUnitBudget(doc: KDocument, before: string, f: FinanceFile): boolean {
  // (部门预算186.5万元，较上年预算数180万元增加6.5万元，实际支出184.2万元: the year before's budget named in the change is a
  // comparison's base, not the budget the actual follows: the change goes before the budget words are looked for)
  // (部门预算186.5万元，上年执行数180.2万元，本年执行数184.3万元: the year before's execution beside it neither)
  // (…，2022年实际支出180.2万元，…: another year's figure so named, not the fiscal year's)
  const fy = doc.data.fiscalYear;
  before = before.replace(compile(f.budget_compared_prior, 'g'), '').replace(compile(f.budget_prior_figure, 'g'), (m, ...rest) => {
    const year = (rest[rest.length - 1] as { year?: string }).year;
    return year === undefined || (typeof fy === 'number' && Number(year) !== fy) ? '' : m;
  });
  // (部门预算X，其中基本支出Y，项目支出Z，调整后预算W，实际支出V: the budget's parts before its adjusted figure are an aside on it)
  // (…，其中科普活动经费20万元，调整后预算210万元，…: so are its items, when the adjusted figure is the budget's: listAside)
  // (年初预算X，基本支出Y，项目支出Z，调整后预算W，…: its bare parts with no 其中 too — fin53)
  if (before.includes('其中') || before.includes('预算')) before = asidesReplaced(before, '，');
  let last: RegExpExecArray | null = null;
  for (const m of before.matchAll(compile(f.unit_budget, 'g'))) last = m;
  if (!last) return false;
  // (2023年部门预算186.5万元，2022年部门预算180万元，实际支出184.2万元: the budget's clause opening with another year is that
  // year's chain, and so is the actual after it)
  const clause = before.slice(0, last.index + last[0].length);
  if (otherYearSentence(doc, f, clause.slice(Math.max(...CLAUSE_STARTS.map((c) => clause.lastIndexOf(c) + 1))))) return false;
  // (本部门年初预算X，调整后预算Y，实际支出Z | 部门预算X，年中调整为Y，…: the same budget adjusted, right after its figure, goes on
  // the chain)
  let from = last.index + last[0].length;
  const next = compile(ADJUSTED_NEXT, '');
  for (let m = next.exec(before.slice(from)); m && [...before.slice(from, from + m.index).matchAll(compile(moneyCn(), 'g'))].length === 1; m = next.exec(before.slice(from))) from += m.index + m[0].length;
  // (全年预算数180.50万元（年初预算160.50万元，追加20万元），全年执行数178.30万元: a bracket explains the budget, no item's figure)
  // (部门预算批复200万元，实际到位资金198万元，实际支出196.40万元: the budget's funds received are no item's figure either)
  // (年初部门预算206.3万元，年中追加12万元，全年预算218.3万元，实际支出215.2万元: the changes leading to the adjusted budget neither)
  // (2023年部门预算210万元，比上年增加15万元，增长7.69%，实际支出205万元: the budget's change on the year before neither —
  // taken out above)
  // (2023年部门预算210万元，年中追加8万元，实际支出216.5万元: the budget's own change with no adjusted budget after it neither —
  // one naming a fund, 年中追加科普日活动经费8万元, may be that fund's: it stays a figure)
  // (全年预算数210万元，年初预算200万元，年中追加10万元，实际支出205万元: the 年初 figure before the budget's own change, after the
  // year's budget, tells how it came about: initial_then_change)
  return [...before.slice(from).replace(/\([^()]*\)/g, '').replace(compile(f.funds_received, 'g'), '').replace(compile(f.changes_to_adjusted, 'g'), '').replace(compile(f.initial_then_change, 'g'), '').replace(compile(f.budget_own_change, 'g'), '').matchAll(compile(moneyCn(), 'g'))].length <= 1;
}
/** True when the rate `m0` at `at` is a bare 预算执行率 with no figure, subject, item or body before it in its section's body (years
 *  aside), under a heading naming the unit's whole spending or its budget's execution (finance.yaml rate_alone), outside a project
 *  report or a budget disclosure: the unit's (二、部门整体支出情况⏎预算执行率98.5%，较上年提高2个百分点; fin54). */
function rateAloneInUnitSection(doc: KDocument, f: FinanceFile, m0: string, at: number): boolean {
  if (!doc.reportKind || doc.reportKind === 'project_self_eval' || doc.reportKind === 'budget' || !m0.startsWith('预算')) return false;
  const sections = sectionsAt(doc, at);
  const nearest = sections[sections.length - 1];
  if (!nearest || at - nearest.end > 400 || !compile(f.rate_alone.section, '').test(nearest.title.replace(/\s+/g, ''))) return false;
  const before = doc.norm.slice(nearest.end, at).replace(/(?:19|20)\d{2}[ \t]*年度?/g, '');
  if (compile(f.rate_alone.not_before, '').test(before) || compile(moneyCn(), '').test(before)) return false;
  return !sections.some((h) => compile(f.rate_alone.section_not, '').test(h.title.replace(/\s+/g, '')));
}
/** True when `at` stands in a section on problems (三、存在的问题 | 问题及改进措施: a heading keyed so, sections.yaml). */
function inProblems(doc: KDocument, at: number): boolean {
  return sectionsAt(doc, at).some((h) => h.key === 'problems' || h.key === 'problems_and_improvements');
}
/** True when the rate written `pct` is `key`'s one actual over its one budget read anywhere in the report (see shareAgrees). */
function reportRateAgrees(doc: KDocument, key: string, pct: string): boolean {
  const paths = file().subjects[key]?.paths;
  const one = (path: string | undefined) => {
    const xs = doc.facts.filter((x) => x.path === path);
    return xs.length && new Set(xs.map((x) => x.value)).size === 1 ? xs[0] : null;
  };
  const actual = one(paths?.actual), budget = one(paths?.budget);
  return !!actual && !!budget && shareAgrees(actual, budget, pct);
}
/** For a rate naming no subject at `at`: false when the nearest figure before it in its sentence that tells is an item's
 *  (公务接待费支出决算为0.52万元，完成预算的52%: a figure in a clause naming an item, see `rate_item`, that filled no field, or a
 *  figure of another field); true when it is the unit's total, or when none tells (结余3.36万元 is skipped, no figure at all). */
function lastFigureIsTotal(doc: KDocument, f: FinanceFile, at: number): boolean {
  const from = sentenceAt(doc, at).start;
  const text = doc.norm.slice(from, at);
  // (a figure in a bracket's aside closed before `at` is not the last figure: see inClosedAside)
  const amounts = [...text.matchAll(compile(moneyCn(), 'g'))].filter((m) => !inClosedAside(text, m.index!));
  for (let k = amounts.length - 1; k >= 0; k--) {
    const start = from + amounts[k].index, end = start + amounts[k][0].length;
    const fact = doc.facts.find((x) => x.path.startsWith('/finance/') && x.span.start <= start && x.span.end >= end);
    if (fact) return fact.path.startsWith('/finance/spendingTotal/');
    let cut = from;
    for (const ch of CLAUSE_ENDS) cut = Math.max(cut, doc.norm.lastIndexOf(ch, start - 1) + 1);
    const clause = doc.norm.slice(cut, start);
    // (节约资金2.3万元: a saving names no item, see savings_clause)
    if (compile(f.savings_clause, '').test(clause)) continue;
    if (compile(f.rate_item, '').test(clause)) return false;
  }
  return true;
}
/** True when the share written `share` (占调整后预算Y的Z%) of the budget `base` at `at` is the unit's actual read right before it in
 *  its sentence over that base, within half a unit of the share's last digit plus the figures' rounding. */
function shareOfBase(doc: KDocument, at: number, base: number, share: string): boolean {
  const actual = lastFigureFact(doc, at);
  const rate = toRate(share);
  if (actual?.path !== '/finance/spendingTotal/actual' || rate === null || !base) return false;
  const a = actual.value as number;
  const slack = (moneySlack(actual.raw) / base) * 100 * 2;
  return Math.abs((a / base) * 100 - rate) <= halfUlp(share) + slack + 1e-9;
}
/** True when the rate written `pct` (naming no subject, at `at`) is the unit's actual over its budget (`key`'s: a narrower
 *  subject's), both read as the unit's (as `key`'s) in its sentence before it: within half a unit of the rate's last digit (a whole rate only when the quotient is that whole
 *  number to 0.05: `99%` is no rounding of 98.77), the figures' own rounding added. A rate opening a sentence of its own
 *  (全年支出X，其中：基本支出Y，占…；项目支出Z，占…。预算执行率98.62%。) is checked against the unit's one actual before it in
 *  its paragraph and the unit's one budget stated before it in the report. */
function unitRateAgrees(doc: KDocument, at: number, pct: string, key = 'total'): boolean {
  const from = sentenceAt(doc, at).start;
  const paths = file().subjects[key].paths;
  const own = (path: string, start: number, end: number) => doc.facts.filter((x) => x.path === path && x.source !== 'table' && x.span.start >= start && x.span.end <= end);
  let actual = own(paths.actual!, from, at);
  let budget = own(paths.budget!, from, at);
  if (key === 'total' && !actual.length && !budget.length && compile(file().rate_opens, '').test(doc.norm.slice(from, at)) && from > 0) {
    actual = own(paths.actual!, paragraphStart(doc, from), from);
    budget = own(BUDGET, 0, at);
    if (new Set(budget.map((x) => x.value)).size === 1) budget = budget.slice(0, 1);
  }
  return actual.length === 1 && budget.length === 1 && shareAgrees(actual[0], budget[0], pct);
}
/** True when the rate written `pct` naming no subject at `at` follows right after a clause opening with 其中 whose figure filled no
 *  field (`part_rate`): a part's rate — unless it is the unit's or the project's actual over its budget, both read in its sentence. */
function partRateAfter(doc: KDocument, f: FinanceFile, at: number, pct: string | undefined): boolean {
  if (!compile(f.part_rate, '').test(sentenceBefore(doc, at)) || lastFigureFact(doc, at)) return false;
  return pct === undefined || !(unitRateAgrees(doc, at, pct) || unitRateAgrees(doc, at, pct, 'project'));
}
/** The fact of the nearest amount before `at` in its sentence, or null when that amount filled no field or there is none. */
function lastFigureFact(doc: KDocument, at: number): Fact | null {
  const last = lastMoneyBefore(doc, at);
  if (!last) return null;
  const { start, end } = last;
  return doc.facts.find((x) => x.path.startsWith('/finance/') && x.span.start <= start && x.span.end >= end) ?? null;
}
/** True when the last figure before `at` in its sentence is the budget of the narrower subject `key` and the figure before
 *  that its peer's budget (基本支出预算X，项目支出预算Y，实际支出Z | 人员经费预算X，公用经费预算Y，实际支出Z): budgets listed, not a
 *  subject's chain (a whole before its part, 基本支出预算X，其中人员经费Y，实际支出Z, is the part's chain). */
function listedBudgetsBefore(doc: KDocument, key: string, at: number): boolean {
  const peers = LISTED_PEERS.find((x) => x.includes(key));
  const last = lastFigureFact(doc, at);
  if (!peers || !last || last.path !== file().subjects[key].paths.budget) return false;
  const prev = lastFigureFact(doc, last.span.start);
  return peers.some((k) => k !== key && prev?.path === file().subjects[k].paths.budget);
}
const LISTED_PEERS = [['basic', 'project'], ['personnel', 'publicUse']];
/** True when the last figures before `at` are 基本支出's and 项目支出's budgets (listedBudgetsBefore) named bare right after the unit's
 *  own budget (`budget_chain_head`, then a ，/；, maybe 其中: its 预算 said once covers them) and `value`, a bare actual, is more than
 *  either: the whole's, closing the budget's chain — never a part's (部门预算安排200万元；基本支出150万元，项目支出50万元，实际支出195万元;
 *  fin54). Parts naming their own budgets (…，其中基本支出预算X，项目支出预算Y，实际支出Z) are subjects of their own: as decided, nobody's. */
function closesPartsList(doc: KDocument, f: FinanceFile, key: string, at: number, value: number | null): boolean {
  if (value === null || !listedBudgetsBefore(doc, key, at)) return false;
  const second = lastFigureFact(doc, at)!;
  const first = lastFigureFact(doc, second.span.start)!;
  if ([first, second].some((x) => typeof x.value !== 'number' || value <= x.value) || doc.norm.slice(first.span.start, second.span.end).includes('预算')) return false;
  const before = doc.norm.slice(Math.max(paragraphStart(doc, first.span.start), first.span.start - 80), first.span.start);
  return derived(f, 'partsListHead', () => `${f.budget_chain_head}[，,；;:][ \\t]*(?:其中[:：]?[ \\t]*)?$`).test(before);
}
/** True when the last figure before a rate at `at` is the unit's actual closing the parts' list (closesPartsList). */
function rateClosesPartsList(doc: KDocument, f: FinanceFile, key: string, at: number): boolean {
  const last = lastFigureFact(doc, at);
  return last?.path === '/finance/spendingTotal/actual' && typeof last.value === 'number' && closesPartsList(doc, f, key, last.span.start, last.value);
}
/** True when the last figure before `at` in its sentence is the budget of the part `key` and `value` (a bare actual after it,
 *  its amount at `amount`) is more than that part's figure: listed after 其中 under the unit's own budget stated earlier in the
 *  sentence (its words and a figure before the 其中), or the part's own budget outside a project report with a rate right after
 *  the actual that is not the one over the other (基本支出预算150万元，全年支出180.2万元，占预算的96.62%: over another budget, not
 *  the part's — fin55; with no rate the part's, more than its budget or not). */
function partActualTooLarge(doc: KDocument, key: string, at: number, amount: Span, value: number | null): boolean {
  const last = lastFigureFact(doc, at);
  if (value === null || !last || last.path !== file().subjects[key].paths.budget || typeof last.value !== 'number' || value <= last.value) return false;
  // (the unit's budget is read by a pattern that may come later: its words and a figure before the 其中, unit_budget)
  const before = doc.norm.slice(sentenceAt(doc, at).start, last.span.start);
  const k = before.lastIndexOf('其中');
  if (k > 0 && /\d/.test(before.slice(0, k)) && compile(file().unit_budget, '').test(before.slice(0, k))) return true;
  // (基本支出预算150万元，实际支出152万元，执行率101.33%: the rate after it says the part overspent its budget)
  const rate = compile(file().part_over_rate, '').exec(doc.norm.slice(amount.end, amount.end + 24));
  return doc.reportKind !== 'project_self_eval' && !!rate?.groups && !shareAgrees({ value, raw: doc.norm.slice(amount.start, amount.end) }, last, rate.groups.pct);
}
/** True when the last figure before `at`, across a ； that ends a list, is the own item read as a budget's part
 *  (finance.project-report.own-item) and that ； lies between them. */
function afterOwnItemList(doc: KDocument, at: number): boolean {
  let last = lastFigureFact(doc, at);
  const s = sentenceAt(doc, at).start;
  if (!last && s > 0 && /[;；]/.test(doc.norm.slice(Math.max(0, s - 2), s))) last = lastFigureFact(doc, s - 1);
  return last?.rule === 'finance.project-report.own-item' && /[;；]/.test(doc.norm.slice(last.span.end, at));
}
/** The clause of the nearest amount before `at` in its sentence when that amount filled no field and its clause names an
 *  item (see `rate_item`), not the unit's money (`named_owner_not`), with a 其中： cut off before it put back; else false. */
/** 共4万元（实际支出3.6万元）: the match opens a bracket right after a figure that filled no finance field (a part's). */
function partBracket(doc: KDocument, f: FinanceFile, at: number): boolean {
  if (!f.part_bracket) return false;
  const lo = Math.max(sentenceAt(doc, at).start, at - 40);
  const m = compile(f.part_bracket, '').exec(doc.norm.slice(lo, at));
  if (!m) return false;
  const start = lo + m.index;
  if (doc.facts.some((x) => x.path.startsWith('/finance/') && x.span.start <= start && x.span.end > start)) return false;
  // (2023年部门预算资金150万元（实际支出148万元）: the unit's budget, which a later pattern reads, is no part's figure; session 45)
  const from = clauseStart(doc.norm, sentenceAt(doc, at).start, start);
  return !compile(f.unit_budget, '').test(doc.norm.slice(from, lo + m.index + m[0].length));
}
function itemFigureBefore(doc: KDocument, f: FinanceFile, at: number): string | false {
  const from = sentenceAt(doc, at).start;
  const last = lastMoneyBefore(doc, at);
  if (!last) return false;
  const { start, end } = last;
  if (doc.facts.some((x) => x.path.startsWith('/finance/') && x.span.start <= start && x.span.end >= end)) return false;
  const cut = clauseStart(doc.norm, from, start);
  // (部门预算资金合计X: the unit's money, whose fact a later pattern may give, is no item)
  const clause = doc.norm.slice(cut, start);
  // (年中追加科普经费8万元，全年预算数134.35万元: a change to the unit's budget is no item's own figure)
  // (本单位收到上级科协补助经费15万元，全年实际支出12万元: the unit named as the fund's receiver names no money of its own)
  // (2024年部门预算安排科普经费20万元: the budget arranging an item's money names that item, see funds_arranged)
  const named = clause.replace(compile(f.unit_receives, ''), '').replace(compile(f.funds_arranged, ''), '');
  // (2023年经费210万元，全年实际支出205万元: the year's funds, no item's name)
  if (compile(f.bare_funds, '').test(clause)) return false;
  // (其中我县获得资金45万元，实际支出44万元: in a project report the area's share is the project's money, no item's)
  if (doc.reportKind === 'project_self_eval' && compile(f.area_share_clause, '').test(clause)) return false;
  // (上年结转资金10万元，本年实际支出180万元: the carry-in opening the sentence, no item; namedOwner weighs it)
  if (cut === from && compile(f.carry_in_words, '').test(clause)) return false;
  return compile(f.rate_item, '').test(clause) && !compile(f.named_owner_not, '').test(named) && !compile(f.mid_year_change, '').test(clause) && (/其中[:：]$/.test(doc.norm.slice(Math.max(from, cut - 3), cut)) ? `其中:${clause}` : clause);
}
/** In a project report: true when, walking back clause by clause from `at` to its sentence's start, a clause naming an activity
 *  or item (`project_item_clause`) comes before any figure that filled a field or the project named by itself (`project_self`). */
// the words closing a fund's name (…经费, …专项资金, …项目), one list for OWN_LEAD, FUND_WORD_END and FUND_WORDS
const FUND_WORD = '专项经费|专项资金|项目资金|项目经费|经费|资金|项目';
/** The name `clause` opens with, glued to its budget figure, when it names no money of the unit's or the project's own
 *  (科普大篷车预算15万元 → 科普大篷车: an item listed, see `project_item_glued`); undefined otherwise. */
function gluedItem(f: FinanceFile, clause: string): string | undefined {
  const name = compile(f.project_item_glued, '').exec(clause)?.groups?.name;
  return name && !compile(f.project_item_glued_not, '').test(name) ? name : undefined;
}
/** A clause's opening fund name (全国科普日活动经费 of 全国科普日活动经费预算45万元), as finance.project-report.budget-own's own group. */
const OWN_LEAD = new RegExp(`^[^，,。;:、\\s\\d]{2,20}?(?:${FUND_WORD})`);
function itemClauseBefore(doc: KDocument, f: FinanceFile, at: number): boolean {
  const from = sentenceAt(doc, at).start;
  const item = compile(f.project_item_clause, ''), self = compile(f.project_self, '');
  let end = at;
  while (end > from) {
    // (a thousands separator, 80,000.00元, ends no clause)
    const cut = clauseStart(doc.norm, from, end);
    const clause = doc.norm.slice(cut, end);
    for (const m of clause.matchAll(compile(moneyCn(), 'g'))) {
      const start = cut + m.index, stop = start + m[0].length;
      if (doc.facts.some((x) => x.path.startsWith('/finance/') && x.span.start <= start && x.span.end >= stop)) return false;
    }
    if (self.test(clause)) return false;
    // (年中因举办…大赛追加预算8万元: the budget's own change, its cause no owner)
    const change = compile(f.project_budget_change, '').test(clause);
    const itemClause = item.test(change ? clause.replace(compile(f.project_budget_cause, ''), '') : clause);
    const glued = itemClause ? undefined : gluedItem(f, clause);
    if ((itemClause || glued) && !compile(f.project_item_use, '').test(clause)) {
      if (compile(f.project_item_label, '').test(doc.norm.slice(Math.max(from, cut - 8), cut))) return false;
      const name = glued ?? clause.replace(compile(f.project_item_verb, ''), '').replace(/\s+/g, '');
      // (an item named as the report's own project under another fund word, 科普惠民工程经费：… under 项目名称：科普惠民工程, is it)
      // (全国科普日活动经费预算45万元，实际支出35万元 under …全国科普日活动项目支出绩效自评报告: the fund named opening the clause, before
      // its figure, is the report's own project — its budget is read by a later pattern, so no figure of it is known yet here)
      const lead = OWN_LEAD.exec(name)?.[0];
      return !(name.length >= 4 && titleText(doc).includes(name)) && !ownProject(doc, name.replace(/^[(（]?[\d一二三四五六七八九十]{1,2}[)）、.．]|[:：]$/g, '')) && !(lead && ownProject(doc, lead));
    }
    end = cut - 1;
  }
  return false;
}
/** True when a rate naming no subject at `at` belongs to the appropriation (its section's heading, the sentence before on its
 *  line: see aboutAppropriation) or to a line item of the classification named in its sentence (see `rate_classified`). */
function rateOfOther(doc: KDocument, f: FinanceFile, at: number): boolean {
  return aboutAppropriation(doc, f, at) || classifiedItem(doc, f, at);
}
/** True when a line item of the classification (科普活动（项）, 2060702) is named in the sentence before `at` or in the sentence
 *  before that on its line (see `classified_item`). */
function classifiedItem(doc: KDocument, f: FinanceFile, at: number): boolean {
  const s = sentenceAt(doc, at);
  let from = s.start;
  if (s.start > 0 && doc.norm[s.start - 1] !== '\n') from = Math.max(sentenceAt(doc, s.start - 1).start, paragraphStart(doc, s.start));
  if (compile(f.classified_item, '').test(doc.norm.slice(from, at))) return true;
  // (（一）科学技术普及（款）科普活动（项）⏎年初预算为X，支出决算为Y: the line item as the heading of its figures' section)
  const h = sectionsAt(doc, at).pop();
  if (!h || h.end > at) return false;
  const heading = doc.norm.slice(h.start, h.end);
  return compile(f.classified_item, '').test(heading) || compile(f.classified_heading, '').test(heading);
}
/** 'budget' when the figure at `at` is one of a budget's parts (a budget figure and 其中 earlier in its paragraph, see
 *  `budget_parts`), 'other' when that budget is another year's or a comparison's, else null. */
function budgetPartOf(doc: KDocument, f: FinanceFile, at: number): 'budget' | 'other' | null {
  // (…预算资金152.60万元。其中：基本支出108.30万元: the parts in a sentence of their own opening with 其中)
  return budgetParts(f, partsContext(doc, at), 0);
}
/** budgetPartOf on the text before a figure; a part of a part (部门预算152.6万元，其中：基本支出108.3万元，其中人员经费96万元) is a
 *  budget too: the figure right before the last 其中 is looked up the same way, twice at most. */
function budgetParts(f: FinanceFile, before: string, depth: number): 'budget' | 'other' | null {
  const k = before.lastIndexOf('其中');
  if (k < 0 || compile(f.budget_parts_after, '').test(before.slice(k + 2))) return null;
  const head = before.slice(0, k + 2).replace(compile(financeSource(f.budget_parts_delta), ''), '');
  // (a budget's figure no one can read before the 其中, 部门预算总额186.4O万元: its words still make the parts the budget's)
  const m = compile(f.budget_parts, '').exec(head) ?? unreadBudget(f, head);
  if (m) return compile(f.budget_parts_other, '').test(before.slice(Math.max(0, m.index - 12), m.index)) ? 'other' : 'budget';
  const fig = depth < 2 ? compile(`${moneyCn()}[，,;:(。]?[ \\t]*其中$`, '').exec(head) : null;
  if (!fig) return null;
  // (the figure must be a narrower subject's, 基本支出108.3万元: not 支出156.24万元, a total of its own)
  const text = head.slice(0, fig.index);
  let cut = 0;
  for (const ch of CLAUSE_ENDS) cut = Math.max(cut, text.lastIndexOf(ch) + 1);
  const clause = text.slice(cut);
  if (!PART_SUBJECTS.some((key) => compile(f.subjects[key].regex, '').test(clause))) return null;
  return budgetParts(f, text, depth + 1);
}
/** True when the nearest heading over `at` that names the budget's arrangement (`budget_section`) or execution (`budget_section_end`)
 *  is the arrangement's: its bare figures are the plan's. */
function inBudgetSection(doc: KDocument, f: FinanceFile, at: number): boolean {
  const plan = compile(f.budget_section, ''), done = compile(f.budget_section_end, '');
  for (const h of sectionsAt(doc, at).reverse()) {
    const title = h.title.replace(/\s+/g, '');
    if (plan.test(title)) return true;
    if (done.test(title)) return false;
  }
  return false;
}
/** An approval's verb earlier in the sentence governing a spending subject, no word of the actual after it up to the amount at
 *  `amountAt` (see approval_before): the figure is the approved budget's. */
function approvedBefore(doc: KDocument, f: FinanceFile, at: number, amountAt: number): boolean {
  const text = sentenceBefore(doc, at) + doc.norm.slice(at, amountAt);
  if (!mayMatch(f.approval_before, text)) return false;
  let end = -1;
  for (const m of text.matchAll(compile(f.approval_before, 'g'))) end = m.index! + m[0].length;
  return end >= 0 && !compile(f.approval_actual, '').test(text.slice(end));
}
/** True when a heading over `at` names the appropriation or a fund (`appropriation_totals_section`): its totals are not the unit's. */
function inAppropriationSection(doc: KDocument, f: FinanceFile, at: number): boolean {
  return sectionsAt(doc, at).some((h) => compile(f.appropriation_totals_section, '').test(h.title));
}
const PART_SUBJECTS = ['basic', 'project', 'personnel', 'publicUse'];
/** For a narrower subject's bare figure whose subject starts at `at`: 'budget' when it is listed in a chain of parts right after the unit's
 *  budget in its sentence (`budget_chain`: 部门预算安排200万元；基本支出150万元，项目支出50万元) or a sibling part's (`budget_part_chain`), 'other' when that budget is another
 *  year's or a comparison's, else null. */
function budgetChainRole(doc: KDocument, f: FinanceFile, key: string, at: number): 'budget' | 'other' | null {
  if (!PART_SUBJECTS.includes(key)) return null;
  const before = paragraphBefore(doc, at);
  if (!before.includes('预算')) return null;
  // (基本支出预算150万元，项目支出50万元: or right after a sibling part's budget, `budget_part_chain` — fin53)
  const m = compile(f.budget_chain, '').exec(before) ?? compile(f.budget_part_chain, '').exec(before);
  if (!m) return null;
  // (2022年部门预算安排200万元；基本支出150万元，…: the parts after the ； open a sentence of their own — the head's year is asked at
  // the head, fin54)
  if (!fitsYear(doc, f, at - before.length + m.index + 1, 'budget')) return 'other';
  return compile(f.budget_parts_other, '').test(before.slice(Math.max(0, m.index - 12), m.index + 1)) ? 'other' : 'budget';
}
/** For a narrower subject's bare figure at `amount` followed by its share of a budget (`budget_share_after`): 'budget' when the unit's
 *  budget is stated before it in its sentence and no actual (`budget_parts_after`), else 'none'; null when no such share follows or
 *  the figure is listed after a 其中 (the figure's before it owns it, see budgetPartOf). */
function budgetShareRole(doc: KDocument, f: FinanceFile, key: string, amount: Span, at: number): 'budget' | 'none' | null {
  if (!PART_SUBJECTS.includes(key) || !compile(f.budget_share_after, '').test(doc.norm.slice(amount.end, amount.end + 24))) return null;
  const before = sentenceBefore(doc, at);
  // (实际支出184万元，其中基本支出146万元，占部门预算的78.49%: a part listed after 其中 is the figure's before it, budget or actual)
  if (before.includes('其中')) return null;
  return compile(f.unit_budget, '').test(before) && !compile(f.budget_parts_after, '').test(before) ? 'budget' : 'none';
}
/** Does the report's title hold the name at `span` (科普专项经费 in …科普专项经费绩效自评报告: the report's own project)? */
function titleHolds(doc: KDocument, span: Span | null): boolean {
  const title = doc.facts.find((x) => x.path === '/meta/title');
  if (!span || !title) return false;
  // (a title spaced letter by letter, 科 普 专 项 经 费 绩 效 …, holds it too: compared without whitespace)
  const bare = (a: number, b: number) => doc.norm.slice(a, b).replace(/\s+/g, '');
  const t = bare(title.span.start, title.span.end), name = bare(span.start, span.end);
  if (t.includes(name)) return true;
  // (青少年科技创新大赛经费 under …青少年科技创新大赛项目支出绩效自评报告: the same thing named with another fund word — its stem at
  // least 4 characters, so that a bare 活动经费 is not every 活动 project's; huntb48)
  const stem = FUND_WORD_END.exec(name);
  return !!stem && stem.index >= 4 && FUND_WORDS.some((w) => t.includes(name.slice(0, stem.index) + w));
}
const FUND_WORD_END = new RegExp(`(?:${FUND_WORD})$`);
const FUND_WORDS = [...FUND_WORD.split('|'), '专项'];
/** The report's title without whitespace ('' when there is none). */
function titleText(doc: KDocument): string {
  const title = doc.facts.find((x) => x.path === '/meta/title');
  return title ? doc.norm.slice(title.span.start, title.span.end).replace(/\s+/g, '') : '';
}
/** True when the sentence before `at` names both 基本支出 and 项目支出 and no budget of `key` (the last one), and no part has
 *  a rate of its own there (其中基本支出X，执行率a，项目支出Y，执行率b: each part's rate stands after it). */
function partsListed(doc: KDocument, f: FinanceFile, at: number, key: string): boolean {
  const narrow = narrowerSubjects(doc, at);
  if (!narrow.has('basic') || !narrow.has('project')) return false;
  const from = sentenceAt(doc, at).start;
  const inSentence = (x: Fact) => x.span.start >= from && x.span.start < at;
  if (doc.facts.some((x) => inSentence(x) && /^\/finance\/(?:basic|project)\/executionRate$/.test(x.path))) return false;
  return !doc.facts.some((x) => x.path === f.subjects[key].paths.budget && inSentence(x));
}
/** True when the sentence before `at` states 基本支出's actual and then both its parts (人员经费, 公用经费), with no rate or share
 *  between, and no 基本支出 rate. */
function basicPartsListed(doc: KDocument, at: number): boolean {
  const from = sentenceAt(doc, at).start;
  const inSentence = (x: Fact) => x.span.start >= from && x.span.start < at;
  const basic = doc.facts.find((x) => inSentence(x) && x.path === '/finance/basic/actual');
  if (!basic || doc.facts.some((x) => inSentence(x) && x.path === '/finance/basic/executionRate')) return false;
  // (人员经费X，完成预算的98%；公用经费Y，完成预算的95%: a part with a rate of its own, or a share, leaves the rate unowned)
  if (/[%％]/.test(doc.norm.slice(basic.span.end, at))) return false;
  const after = (path: string) => doc.facts.some((x) => inSentence(x) && x.path === path && x.span.start > basic.span.start);
  return after('/finance/basic/personnel') && after('/finance/basic/publicUse');
}
/** True when the unit's total spending is stated earlier in the sentence of `at`, or in the sentence before when this one
 *  opens with 其中 (支出合计X。其中基本支出Y，…). */
/** Whether a share of the budget (finance.yaml only_total) is `key`'s execution rate: the unit's total's after its figure,
 *  a project report's project's when its own actual and budget before it agree with it. A base naming its owner (group owner:
 *  占部门预算的, 占项目预算的 — huntb55) is that owner's only, and only when the share is the owner's actual over its budget. */
function shareOfOwnBudget(doc: KDocument, key: string | undefined, g: Record<string, string | undefined>, at: number): boolean {
  const agrees = (k: string) => g.pct !== undefined && unitRateAgrees(doc, at, g.pct, k);
  const projectOwn = key === 'project' && doc.reportKind === 'project_self_eval' && agrees('project');
  if (g.owner === undefined) return (key === 'total' && totalBefore(doc, at)) || projectOwn;
  if (/项目/.test(g.owner)) return projectOwn;
  return key === 'total' && totalBefore(doc, at) && agrees('total');
}

function totalBefore(doc: KDocument, at: number): boolean {
  let from = sentenceAt(doc, at).start;
  if (/^\s*其中/.test(doc.norm.slice(from, at)) && from > 0) from = sentenceAt(doc, from - 1).start;
  return doc.facts.some((x) => /^\/finance\/spendingTotal\/(?:actual|budget)$/.test(x.path) && x.span.start >= from && x.span.start < at);
}
/** Right after 其中 (its year word, 本年/当年, maybe before the match), with the carried money's part spent right after the amount
 *  ending at `end` (see this_year_first, carried_spent_after): the 其中's match, its year group set, or null. */
function thisYearFirst(doc: KDocument, f: FinanceFile, at: number, end: number): RegExpExecArray | null {
  const first = compile(f.this_year_first, '').exec(sentenceBefore(doc, at));
  return first && compile(f.carried_spent_after, '').test(doc.norm.slice(end, end + 40)) ? first : null;
}

/** A figure naming no subject written as a form's field opening its own line (年初预算数：20万元), under an item's label with only
 *  such fields between (项目名称：科普日活动经费 ⏎ …): the item's (finance.yaml form_item_block). */
function itemFieldLine(doc: KDocument, f: FinanceFile, amountStart: number): boolean {
  const lineStart = doc.norm.lastIndexOf('\n', amountStart - 1) + 1;
  if (!compile(f.form_field_open, '').test(doc.norm.slice(lineStart, amountStart))) return false;
  return lineStart > 0 && compile(f.form_item_block, '').test(linesBefore(doc, lineStart, 11));
}
