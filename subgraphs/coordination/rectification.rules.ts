import { inForceOn, workingDaysElapsedBy } from "../../kernel/calendar";
import { EscalationStage, RectificationSource, RectificationState, type Rectification } from "./rectification.entity";

/** The department whose own inspections or checks make each kind of demand; joint inspections: any member. */
export const demandingDepartmentOf: Record<Exclude<RectificationSource, RectificationSource.JOINT_INSPECTION>, string> = {
  [RectificationSource.HAZARD_INSPECTION]: "emergency",
  [RectificationSource.CONSTRUCTION_SAFETY_INSPECTION]: "housing",
  [RectificationSource.SUPERVISION_CHECK]: "unions",
};

export interface EscalationSchedule {
  effectiveFrom: string;
  /** Each stage falls this many working days after the deadline, unless confirmed by then. */
  stages: readonly { stage: EscalationStage; afterWorkingDays: number; addressedTo: string }[];
}

/**
 * When an unconfirmed rectification is escalated. No national rule sets these intervals; they are
 * the joint meeting's own configuration (UNCONFIRMED as local practice), dated so that a change
 * applies to deadlines from its day on and never rewrites past escalations.
 */
export const escalationSchedules: readonly EscalationSchedule[] = [
  {
    effectiveFrom: "2020-01-01",
    stages: [
      { stage: EscalationStage.REMINDER, afterWorkingDays: 1, addressedTo: "被检查企业（催告整改）" },
      { stage: EscalationStage.NOTICE, afterWorkingDays: 5, addressedTo: "企业的行业主管部门（通报）" },
      { stage: EscalationStage.REFERRAL, afterWorkingDays: 10, addressedTo: "有管辖权的执法部门（移交依法处理）" },
    ],
  },
];

/**
 * The escalations a rectification has reached by a day: each stage whose day has come while the
 * demanding department had not yet confirmed the rectification.
 */
export function escalationsOf(
  rectification: Rectification,
  asOf: string,
): { stage: EscalationStage; escalatedOn: string; addressedTo: string }[] {
  const schedule = inForceOn(escalationSchedules, rectification.dueOn);
  if (!schedule) return [];
  const confirmedOn = rectification.state === RectificationState.CONFIRMED ? rectification.reviewedOn : null;
  return schedule.stages.flatMap(({ stage, afterWorkingDays, addressedTo }) => {
    const escalatedOn = workingDaysElapsedBy(rectification.dueOn, afterWorkingDays, asOf);
    return escalatedOn !== null && (confirmedOn === null || confirmedOn > escalatedOn) ? [{ stage, escalatedOn, addressedTo }] : [];
  });
}
