import { Directive, Field, ID, Int, InterfaceType, ObjectType } from "type-graphql";
import { chinaToday } from "./calendar";
import { RecordChange } from "./records";
import { unconditional, type SharingCatalogue } from "./sharing";
import { reference, type References, type SubgraphContext } from "./subgraph";

/**
 * 纠错 verified by the record's owner. The joint-prevention office keeps a correction request; the
 * owner corrects its record with an ordinary update naming the request (`correctionRef`). Subgraphs
 * never read each other, so the office cannot see that update: each request's `appliedChange` is an
 * entity the office hands to the owner's subgraph through the gateway, `<Owner>Correction` keyed by
 * the request, its field and its record, which the owner answers from its own history. The type is
 * named for the owner so the gateway asks that department alone.
 */

/** The departments that keep registers (kernel/records.ts), and so correct their records. */
export const registerOwners = ["hrss", "housing", "transport", "emergency", "health", "unions"] as const;
export type RegisterOwner = (typeof registerOwners)[number];

export const isRegisterOwner = (agency: string): agency is RegisterOwner => (registerOwners as readonly string[]).includes(agency);

/** The entity a department answers for a request to correct one of its records, e.g. HrssCorrection. */
export const appliedCorrectionTypeName = (owner: RegisterOwner): string => `${owner[0].toUpperCase()}${owner.slice(1)}Correction`;

const keyFields = "requestId resource recordKey";

/** What the office holds of a request and gives the owner: the key of `<Owner>Correction`. */
export interface CorrectionKey {
  requestId: string;
  resource: string;
  recordKey: string;
}

/** The office's view of the interface: it knows each request's key, the owner knows the rest. */
@InterfaceType("AppliedCorrection", {
  description: "Whether the owner's record carries this correction: answered by the owning department from its history",
  autoRegisterImplementations: false,
  resolveType: (value: { __typename: string }) => value.__typename,
})
export abstract class CorrectionReference {
  @Field(() => ID, { description: "The correction request" })
  requestId: string;
}

/** The office's stand-in for each owner's type: the key alone; the owner's subgraph resolves the rest. */
export const correctionReferenceTypes: Function[] = registerOwners.map((owner) => {
  @ObjectType(appliedCorrectionTypeName(owner), { implements: CorrectionReference })
  @Directive(`@key(fields: "${keyFields}", resolvable: false)`)
  class OwnerCorrectionReference implements CorrectionKey {
    @Field(() => ID)
    requestId: string;

    @Field(() => String)
    resource: string;

    @Field(() => String)
    recordKey: string;
  }
  return OwnerCorrectionReference;
});

/** The reference the office returns for a request whose owner keeps registers, routed to that owner. */
export const correctionReference = (owner: string, key: CorrectionKey): (CorrectionKey & { __typename: string }) | null =>
  isRegisterOwner(owner) ? { __typename: appliedCorrectionTypeName(owner), ...key } : null;

/** The owners' view of the interface: what their history shows. */
@InterfaceType("AppliedCorrection", { autoRegisterImplementations: false })
export abstract class AppliedCorrection {
  @Field(() => ID, { description: "The correction request" })
  requestId: string;

  @Field(() => Boolean, { description: "The record was changed in the requested field by an update naming this request" })
  applied: boolean;

  @Field(() => Int, { nullable: true, description: "The record's version that change wrote" })
  version: number | null;

  @Field(() => Date, { nullable: true })
  changedAt: Date | null;

  @Field(() => String, { nullable: true, description: "Who made the change, as agency/user" })
  changedBy: string | null;

  @Field(() => String, { description: "What the owner's history shows, in Chinese" })
  finding: string;
}

/**
 * The owner's side: `<Owner>Correction` and how it is answered, from the `record_change` rows that
 * name the request. Only a change to this record that touches the requested field counts.
 */
export function appliedCorrections(records: readonly { resource: string; owner: string }[]): {
  type: Function;
  references: References;
  catalogue: SharingCatalogue;
} {
  const [{ owner }] = records;
  if (!isRegisterOwner(owner) || records.some((record) => record.owner !== owner)) {
    throw new Error(
      `${records.map((record) => `${record.owner}:${record.resource}`).join(", ")}: one department of registerOwners keeps these registers`,
    );
  }
  const registers = records.map((record) => record.resource);
  @ObjectType(appliedCorrectionTypeName(owner), { implements: AppliedCorrection })
  @Directive(`@key(fields: "${keyFields}")`)
  class OwnerCorrection extends AppliedCorrection implements CorrectionKey {
    @Field(() => String, { description: '"Type.field" the request is about' })
    resource: string;

    @Field(() => String, { description: "The record's natural key, as the requester wrote it" })
    recordKey: string;
  }

  const answer = async (key: CorrectionKey, { db }: SubgraphContext): Promise<OwnerCorrection> => {
    const [register, field] = key.resource.split(".");
    const found = (finding: string, change?: RecordChange): OwnerCorrection =>
      Object.assign(new OwnerCorrection(), key, {
        applied: change !== undefined,
        version: change?.version ?? null,
        changedAt: change?.changedAt ?? null,
        changedBy: change ? `${change.agency}/${change.userId}` : null,
        finding,
      });
    if (!registers.includes(register)) return found(`${key.resource} 不在 ${owner} 的登记簿中, 不能按纠错申请更正`);
    const changes = await db.getRepository(RecordChange).find({
      where: { correctionRef: key.requestId, resource: register },
      order: { version: "DESC" },
    });
    const ofRecord = changes.filter((change) => change.recordKey.toUpperCase() === key.recordKey.trim().toUpperCase());
    const change = ofRecord.find((candidate) => candidate.fields.some((changed) => changed.field === field));
    if (change) {
      return found(
        `已按本申请更正: ${register} ${change.recordKey} 第 ${change.version} 版 (${chinaToday(change.changedAt)}, ${change.agency}/${change.userId}) 更改了 ${field}`,
        change,
      );
    }
    if (ofRecord.length) {
      return found(`${register} ${key.recordKey} 第 ${ofRecord[0].version} 版指向本申请, 但没有更改 ${field}: 尚未按申请更正`);
    }
    return found(`${owner} 的 ${register} ${key.recordKey} 没有指向本申请的变更: 尚未按申请更正`);
  };

  return {
    type: OwnerCorrection,
    references: reference(appliedCorrectionTypeName(owner), answer),
    catalogue: {
      [`${appliedCorrectionTypeName(owner)}.*`]: unconditional("纠错核验: 经联席办 correctionRequests 到达, 只列给申请方、答复方和审计员"),
    },
  };
}
