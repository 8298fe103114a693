import { Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { column } from "../../kernel/columns";
import { LocalDate } from "../../kernel/scalars";
import { addDays, addYears, daysBetween, inForceOn } from "../../kernel/calendar";
import { safetyLicenceRules } from "./safety-licence.rules";

export enum SafetyLicenceKind {
  HAZARDOUS_CHEMICALS_PRODUCTION = "HAZARDOUS_CHEMICALS_PRODUCTION",
  HAZARDOUS_CHEMICALS_OPERATION = "HAZARDOUS_CHEMICALS_OPERATION",
  NON_COAL_MINE = "NON_COAL_MINE",
  COAL_MINE = "COAL_MINE",
}
registerEnumType(SafetyLicenceKind, { name: "SafetyLicenceKind", description: "危险化学品生产, 危险化学品经营, 非煤矿山, 煤矿" });

export enum SafetyLicenceStatus {
  VALID = "VALID",
  EXPIRING = "EXPIRING",
  EXPIRED = "EXPIRED",
}
registerEnumType(SafetyLicenceStatus, {
  name: "SafetyLicenceStatus",
  description: "EXPIRING: expires within the warning period (90 days)",
});

function rulesOn(validFrom: string) {
  const rules = inForceOn(safetyLicenceRules, validFrom);
  if (!rules) throw new RangeError(`no safety-licence rules were in force on ${validFrom}`);
  return rules;
}

/** The last day of validity: the day before the anniversary, or the month's last day when the anniversary does not exist. */
export const licenceValidUntil = (validFrom: string): string => addYears(addDays(validFrom, -1), rulesOn(validFrom).validityYears);

export function licenceStatus(licence: { validFrom: string; validUntil: string }, today: string): SafetyLicenceStatus {
  if (licence.validUntil < today) return SafetyLicenceStatus.EXPIRED;
  return daysBetween(today, licence.validUntil) <= rulesOn(licence.validFrom).expiringWithinDays
    ? SafetyLicenceStatus.EXPIRING
    : SafetyLicenceStatus.VALID;
}

@ObjectType({ description: "A work-safety licence (安全生产许可证) of a hazardous-chemical or mining enterprise" })
@Entity("safety_licence")
export class SafetyLicence {
  @Field(() => String)
  @PrimaryColumn(column.code(40))
  licenceNo: string;

  @Field(() => String)
  @Column(column.code(18))
  creditCode: string;

  @Field(() => SafetyLicenceKind)
  @Column(column.code(40))
  kind: SafetyLicenceKind;

  @Field(() => LocalDate)
  @Column(column.date)
  validFrom: string;

  @Field(() => LocalDate, { description: "Last day of validity (3 years, 第九条)" })
  @Column(column.date)
  validUntil: string;

  @Field(() => Int, { description: "Sent back with a correction, so two clerks cannot overwrite each other silently" })
  @Column({ ...column.integer, default: 1 })
  version: number;
}
