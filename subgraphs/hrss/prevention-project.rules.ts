import { addYears, inForceOn } from "../../kernel/calendar";
import { ProjectStatus } from "./prevention-project.entity";

/**
 * Prevention projects in the pooling area (淄人社字〔2024〕38号, under 人社部规〔2017〕13号): the
 * agency may be prepaid a share of the contract once the agreement is signed, is paid the rest
 * after passing acceptance, and an agency whose project fails acceptance may not take prevention
 * projects for some years. Dated, as the area's annual plan may change them.
 */
export const projectTerms: readonly {
  effectiveFrom: string;
  document: string;
  prepaymentPercent: number;
  barYearsAfterFailedAcceptance: number;
}[] = [{ effectiveFrom: "2024-08-01", document: "淄人社字〔2024〕38号", prepaymentPercent: 30, barYearsAfterFailedAcceptance: 3 }];

function termsOn(date: string) {
  // Before the first recorded plan the earliest terms apply: the hub holds no older ones.
  return inForceOn(projectTerms, date) ?? projectTerms[0];
}

/** The order of 申报 → 立项 → 协议 → 预付 → 实施 → 验收 → 拨付, with failed acceptance as the other end. */
export const projectTransitions: Readonly<Record<ProjectStatus, readonly ProjectStatus[]>> = {
  [ProjectStatus.APPLIED]: [ProjectStatus.APPROVED],
  [ProjectStatus.APPROVED]: [ProjectStatus.AGREEMENT_SIGNED],
  [ProjectStatus.AGREEMENT_SIGNED]: [ProjectStatus.PREPAID],
  [ProjectStatus.PREPAID]: [ProjectStatus.IN_PROGRESS],
  [ProjectStatus.IN_PROGRESS]: [ProjectStatus.ACCEPTED, ProjectStatus.ACCEPTANCE_FAILED],
  [ProjectStatus.ACCEPTED]: [ProjectStatus.PAID],
  [ProjectStatus.PAID]: [],
  [ProjectStatus.ACCEPTANCE_FAILED]: [],
};

/** The prepayment: the plan's share of the contract, rounded down to the fen so it never exceeds that share. */
export function prepaymentFen(contractAmountFen: number, prepaidOn: string): number {
  return Math.floor((contractAmountFen * termsOn(prepaidOn).prepaymentPercent) / 100);
}

/** The last day an agency stays barred after a project fails acceptance on `failedOn`. */
export const barredUntil = (failedOn: string): string => addYears(failedOn, termsOn(failedOn).barYearsAfterFailedAcceptance);

/** A step's id: the project's id and the status's place in the sequence, so each status is entered once. */
export const projectStepId = (projectId: string, status: ProjectStatus): string =>
  `${projectId}-${Object.values(ProjectStatus).indexOf(status) + 1}`;
