import { In, type EntityManager } from "typeorm";
import { checkRegionCode } from "../../reference/regions";
import { FeeBudget, FeeBudgetItem, FeeCapApproval, FeeCategory, PreventionFeeFigures } from "./fee-budget.entity";
import { PreventionProject, PreventionProjectStep, ProjectStatus } from "./prevention-project.entity";
import { capBasisPoints, capFen } from "./prevention-fee.rules";
import { percent } from "./target-progress.rules";

/** What one project has committed and been paid by a day, from the steps it had entered by then. */
export function projectMoneyOn(project: PreventionProject, steps: readonly PreventionProjectStep[], asOf: string) {
  const reached = new Set(steps.filter((step) => step.enteredOn <= asOf).map((step) => step.status));
  const prepaid = reached.has(ProjectStatus.PREPAID) ? (project.prepaidFen ?? 0) : 0;
  const paid = prepaid + (reached.has(ProjectStatus.PAID) ? project.contractAmountFen - prepaid : 0);
  // Approval (立项) commits the contract; a failed acceptance releases all but what was paid.
  const committed = !reached.has(ProjectStatus.APPROVED)
    ? 0
    : reached.has(ProjectStatus.ACCEPTANCE_FAILED)
      ? paid
      : project.contractAmountFen;
  return { committed, paid, counted: reached.has(ProjectStatus.APPROVED) };
}

/** Budget, cap, committed and paid of each budget as of a day, exact fen; one query per table. */
export async function feeFigures(manager: EntityManager, budgets: FeeBudget[], asOf: string): Promise<PreventionFeeFigures[]> {
  if (budgets.length === 0) return [];
  const ids = budgets.map((budget) => budget.id);
  const [items, approvals, projects] = await Promise.all([
    manager.findBy(FeeBudgetItem, { budgetId: In(ids) }),
    manager.findBy(FeeCapApproval, { budgetId: In(ids) }),
    manager.findBy(PreventionProject, { budgetId: In(ids) }),
  ]);
  const steps = projects.length
    ? await manager.findBy(PreventionProjectStep, { projectId: In(projects.map((project) => project.id)) })
    : [];
  return budgets.map((budget) => {
    const byCategory = Object.values(FeeCategory).map((category) => ({ category, budgetFen: 0, committedFen: 0, paidFen: 0 }));
    const line = (category: FeeCategory) => byCategory.find((entry) => entry.category === category)!;
    for (const item of items.filter((candidate) => candidate.budgetId === budget.id)) line(item.category).budgetFen += item.amountFen;
    let committedProjects = 0;
    for (const project of projects.filter((candidate) => candidate.budgetId === budget.id)) {
      const money = projectMoneyOn(
        project,
        steps.filter((step) => step.projectId === project.id),
        asOf,
      );
      line(project.category).committedFen += money.committed;
      line(project.category).paidFen += money.paid;
      if (money.counted) committedProjects++;
    }
    const sum = (key: "budgetFen" | "committedFen" | "paidFen") => byCategory.reduce((total, entry) => total + entry[key], 0);
    const basisPoints = capBasisPoints(
      budget.year,
      approvals.filter((approval) => approval.budgetId === budget.id && approval.approvedOn <= asOf),
    );
    const budgetFen = sum("budgetFen");
    const region = checkRegionCode(budget.poolingAreaCode);
    return {
      poolingAreaCode: budget.poolingAreaCode,
      poolingAreaName: region.valid ? region.name : budget.poolingAreaCode,
      year: budget.year,
      asOf,
      budgetFen,
      capFen: capFen(budget.priorYearContributionIncomeFen, basisPoints),
      capPercent: basisPoints / 100,
      committedFen: sum("committedFen"),
      paidFen: sum("paidFen"),
      uncommittedFen: budgetFen - sum("committedFen"),
      committedPercent: budgetFen === 0 ? null : percent(sum("committedFen"), budgetFen),
      paidPercent: budgetFen === 0 ? null : percent(sum("paidFen"), budgetFen),
      committedProjects,
      byCategory,
    };
  });
}
