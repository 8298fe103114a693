import { randomUUID } from "node:crypto";
import { GraphQLError } from "graphql";
import { Arg, Ctx, Directive, Field, FieldResolver, ID, Int, Mutation, ObjectType, registerEnumType, Resolver, Root } from "type-graphql";
import {
  Column,
  Entity,
  In,
  PrimaryColumn,
  Table,
  TableColumn,
  TableIndex,
  type EntityManager,
  type MigrationInterface,
  type QueryRunner,
} from "typeorm";
import { requireOwnDepartment } from "./authorize";
import { column } from "./columns";
import { badUserInput, lianfangError } from "./errors";
import type { CallIdentity } from "./identity";
import { unconditional, type SharingCatalogue } from "./sharing";
import type { SubgraphContext } from "./subgraph";

/**
 * Master records (registers a department keeps: enterprises, persons, licences, projects...) are
 * created and corrected by their owner through one mechanism: every change is kept as history
 * (who, when, which fields, old → new), and a `version` the caller sends back refuses a stale
 * overwrite. Rows are written by their natural key, so loading the same file twice changes nothing.
 */

@ObjectType({ description: "One field of a change: its value before and after (null when empty)" })
@Directive("@shareable")
export class FieldChange {
  @Field(() => String)
  field: string;

  @Field(() => String, { nullable: true })
  from: string | null;

  @Field(() => String, { nullable: true })
  to: string | null;
}

@ObjectType({ description: "One change to a master record: who made it, when, and each field old → new" })
@Directive("@shareable")
@Entity("record_change")
export class RecordChange {
  @Field(() => ID)
  @PrimaryColumn(column.code(40))
  id: string;

  @Field(() => String, { description: "The GraphQL type of the record, e.g. Enterprise" })
  @Column(column.code(40))
  resource: string;

  @Field(() => String, { description: "The record's natural key (credit code, pid, permit number...)" })
  @Column(column.code(64))
  recordKey: string;

  @Field(() => Int, { description: "The record's version after this change; 1 is its registration" })
  @Column(column.integer)
  version: number;

  @Field(() => Date)
  @Column(column.timestamp)
  changedAt: Date;

  @Field(() => String)
  @Column(column.code(40))
  agency: string;

  @Field(() => String)
  @Column(column.text(100))
  userId: string;

  @Field(() => String, { nullable: true, description: "The correction request (纠错) this change answers" })
  @Column({ ...column.code(40), nullable: true })
  correctionRef: string | null;

  @Field(() => [FieldChange])
  @Column({ type: "simple-json" })
  fields: FieldChange[];
}

export enum SaveOutcome {
  INSERTED = "INSERTED",
  UPDATED = "UPDATED",
  UNCHANGED = "UNCHANGED",
  REFUSED = "REFUSED",
}
registerEnumType(SaveOutcome, { name: "SaveOutcome", description: "What saving one row did" });

@ObjectType({ description: "Why one field of a row was refused" })
@Directive("@shareable")
export class RowProblem {
  @Field(() => String)
  field: string;

  @Field(() => String)
  reason: string;
}

@ObjectType({ description: "One row of a batch: what was done with it, or why it was refused" })
@Directive("@shareable")
export class RowOutcome {
  @Field(() => Int, { description: "The row's position in the batch, from 0" })
  index: number;

  @Field(() => String, { nullable: true, description: "The natural key, when the row had a valid one" })
  key: string | null;

  @Field(() => SaveOutcome)
  outcome: SaveOutcome;

  @Field(() => Int, { nullable: true, description: "The record's version after the save" })
  version: number | null;

  @Field(() => [RowProblem])
  problems: RowProblem[];
}

@ObjectType({ description: "What a batch of rows did: counts, and every row's outcome" })
@Directive("@shareable")
export class SaveReport {
  @Field(() => Int)
  inserted: number;

  @Field(() => Int)
  updated: number;

  @Field(() => Int)
  unchanged: number;

  @Field(() => Int)
  refused: number;

  @Field(() => [RowOutcome])
  rows: RowOutcome[];
}

/** Runs each field's check and keeps every refusal, so a row reports all its bad fields at once. */
export class FieldChecks {
  readonly problems: RowProblem[] = [];

  constructor(private readonly prefix: string) {}

  /** The field's name as the caller wrote it: `input.creditCode` for one record, `creditCode` in a batch row. */
  at(name: string): string {
    return this.prefix ? `${this.prefix}.${name}` : name;
  }

  check<T>(name: string, run: (field: string) => T): T {
    try {
      return run(this.at(name));
    } catch (error) {
      if (!(error instanceof GraphQLError) || error.extensions.code !== "BAD_USER_INPUT") throw error;
      this.problems.push({ field: String(error.extensions.field), reason: String(error.extensions.reason) });
      return undefined as T;
    }
  }

  async checkAsync<T>(name: string, run: (field: string) => Promise<T>): Promise<T> {
    try {
      return await run(this.at(name));
    } catch (error) {
      if (!(error instanceof GraphQLError) || error.extensions.code !== "BAD_USER_INPUT") throw error;
      this.problems.push({ field: String(error.extensions.field), reason: String(error.extensions.reason) });
      return undefined as T;
    }
  }
}

const staleVersion = (current: number, sent: number) => `记录已被他人修改: 当前版本 ${current}, 提交的版本 ${sent}; 请重新读取后再修改`;

/** What a caller sends: a record's fields, and the version it last read when it corrects one. */
export interface VersionedInput {
  version?: number | null;
}

/** A stored master record: its natural key and the version the hub keeps. */
export interface Versioned {
  version: number;
}

/** How one kind of master record is saved. `Input` is what the caller sends; `Row` what is stored. */
export interface MasterRecord<Input, Row extends Versioned> {
  resource: string;
  owner: string;
  entity: new () => Row;
  key: keyof Row & string;
  /** The stored fields compared and recorded in history (never the key or version). */
  fields: readonly (keyof Row & string)[];
  /** Stored on registration and kept by later saves: what other changes maintain (an employer's headcount). */
  defaults?: Partial<Row>;
  /** The row to store, or problems left in `checks`; reads what it must (an employer) through `context`. */
  validate: (input: Input, checks: FieldChecks, context: SubgraphContext) => Promise<Omit<Row, "version"> | undefined>;
  /** Changes other rows must follow in the same transaction (an employer's headcount). */
  afterSave?: (manager: EntityManager, saved: { before: Row | null; after: Row }[]) => Promise<void>;
}

/** Rows in one call: a batch is one transaction, and the import sends 500 at a time. */
export const maximumBatchRows = 1000;

export interface SaveOptions {
  /** The correction request (纠错) a change answers, recorded in its history. */
  correctionRef?: string | null;
  /** Validate and compare everything, then roll back: what an import would do, with nothing stored. */
  dryRun?: boolean;
}

/** Thrown at the end of a dry run's transaction so that it rolls back. */
const dryRunRollback = new Error("dry run: roll back");

const shown = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

function changedFields<Row extends Versioned>(fields: readonly (keyof Row & string)[], before: Row | null, after: Omit<Row, "version">) {
  return fields
    .map((field) => ({ field, from: before ? shown(before[field]) : null, to: shown((after as Row)[field]) }))
    .filter((change) => change.from !== change.to);
}

/** Saves one record for a clerk: a new key registers it; an existing key needs the version the clerk last read. */
export async function saveOne<Input extends VersionedInput, Row extends Versioned>(
  record: MasterRecord<Input, Row>,
  input: Input,
  context: SubgraphContext,
  options: SaveOptions = {},
): Promise<Row> {
  requireOwnDepartment(context.identity, record.owner);
  if (options.correctionRef !== undefined && options.correctionRef !== null && !/^CR-[0-9a-f-]{36}$/.test(options.correctionRef)) {
    throw badUserInput("correctionRef", `${JSON.stringify(options.correctionRef)} 不是纠错申请编号 (CR-…)`);
  }
  const checks = new FieldChecks("input");
  const values = await record.validate(input, checks, context);
  if (!values || checks.problems.length) {
    const [first] = checks.problems;
    throw badUserInput(first.field, first.reason, { problems: checks.problems });
  }
  const key = String(values[record.key as keyof typeof values]);
  return context.db.transaction(async (manager) => {
    const before = await manager.findOneBy(record.entity, { [record.key]: key } as never);
    const expected = input.version ?? null;
    if (before && expected === null) {
      throw badUserInput("input.version", `${record.resource} ${key} 已登记 (版本 ${before.version}); 修改时请提交读取时的 version`);
    }
    if (!before && expected !== null) throw badUserInput("input.version", `${record.resource} ${key} 尚未登记, 新登记时不提交 version`);
    if (before && expected !== before.version) {
      const reason = staleVersion(before.version, expected!);
      throw badUserInput("input.version", reason, { currentVersion: before.version });
    }
    const [saved] = await write(manager, record, [{ before, values }], context.identity, options, context.clock());
    return saved.after;
  });
}

/**
 * Saves a batch by natural key, as an import does: invalid rows are reported and the valid ones
 * written together in one transaction, each inserted, updated (with history) or left unchanged.
 * A key twice in one batch is refused the second time: which of the two is right is the clerk's call.
 */
export async function saveBatch<Input extends VersionedInput, Row extends Versioned>(
  record: MasterRecord<Input, Row>,
  inputs: Input[],
  context: SubgraphContext,
  options: SaveOptions = {},
): Promise<SaveReport> {
  requireOwnDepartment(context.identity, record.owner);
  if (inputs.length > maximumBatchRows)
    throw badUserInput("rows", `一次最多保存 ${maximumBatchRows} 行, 收到 ${inputs.length} 行; 请分批提交`);
  const outcomes: RowOutcome[] = [];
  const valid: { index: number; key: string; values: Omit<Row, "version"> }[] = [];
  const firstRowOfKey = new Map<string, number>();
  const validated = await Promise.all(
    inputs.map(async (input) => {
      const checks = new FieldChecks("");
      return { checks, values: await record.validate(input, checks, context) };
    }),
  );
  validated.forEach(({ checks, values }, index) => {
    const key = values ? String(values[record.key as keyof typeof values]) : null;
    if (key !== null && firstRowOfKey.has(key)) {
      checks.problems.push({ field: record.key, reason: `与本批第 ${firstRowOfKey.get(key)! + 1} 行的 ${key} 重复` });
    }
    if (!values || checks.problems.length) {
      outcomes.push({ index, key, outcome: SaveOutcome.REFUSED, version: null, problems: checks.problems });
      return;
    }
    firstRowOfKey.set(key!, index);
    valid.push({ index, key: key!, values });
  });
  if (valid.length) {
    try {
      let saved: { outcome: SaveOutcome; after: Row; row: (typeof valid)[number] }[] = [];
      await context.db
        .transaction(async (manager) => {
          const existing = await manager.findBy(record.entity, { [record.key]: In(valid.map((row) => row.key)) } as never);
          const byKey = new Map(existing.map((row) => [String(row[record.key]), row]));
          const current = valid.filter((row) => {
            const before = byKey.get(row.key);
            const expected = inputs[row.index].version;
            if (expected === undefined || expected === null || expected === before?.version) return true;
            const reason = before ? staleVersion(before.version, expected) : `${row.key} 尚未登记, 新登记时不提交 version`;
            outcomes.push({
              index: row.index,
              key: row.key,
              outcome: SaveOutcome.REFUSED,
              version: null,
              problems: [{ field: "version", reason }],
            });
            return false;
          });
          const rows = current.map((row) => ({ before: byKey.get(row.key) ?? null, values: row.values }));
          saved = (await write(manager, record, rows, context.identity, options, context.clock())).map((result, position) => ({
            ...result,
            row: current[position],
          }));
          if (options.dryRun) throw dryRunRollback;
        })
        .catch((error: unknown) => {
          if (error !== dryRunRollback) throw error;
        });
      for (const { outcome, after, row } of saved) {
        outcomes.push({ index: row.index, key: row.key, outcome, version: after.version, problems: [] });
      }
    } catch (error) {
      // The transaction rolled back: every valid row is reported with the cause, none half-stored.
      const reason = error instanceof GraphQLError ? String(error.extensions.reason ?? error.message) : "保存失败, 本批未写入, 请重新导入";
      // The code alone: a database's message can quote the values of the row (an ID number).
      context.logger.warn(
        { resource: record.resource, code: (error as { code?: unknown }).code ?? (error as Error).name },
        "batch save failed",
      );
      const reported = new Set(outcomes.map((outcome) => outcome.index));
      for (const row of valid.filter((candidate) => !reported.has(candidate.index))) {
        outcomes.push({
          index: row.index,
          key: row.key,
          outcome: SaveOutcome.REFUSED,
          version: null,
          problems: [{ field: record.key, reason }],
        });
      }
    }
  }
  outcomes.sort((a, b) => a.index - b.index);
  const count = (outcome: SaveOutcome) => outcomes.filter((row) => row.outcome === outcome).length;
  return {
    inserted: count(SaveOutcome.INSERTED),
    updated: count(SaveOutcome.UPDATED),
    unchanged: count(SaveOutcome.UNCHANGED),
    refused: count(SaveOutcome.REFUSED),
    rows: outcomes,
  };
}

/** Writes rows whose before-state was read in this transaction; an update is conditional on that version. */
async function write<Row extends Versioned>(
  manager: EntityManager,
  record: MasterRecord<never, Row>,
  rows: { before: Row | null; values: Omit<Row, "version"> }[],
  identity: CallIdentity,
  options: SaveOptions,
  /** The hub's time, kept as the change's moment. */
  changedAt: Date,
): Promise<{ outcome: SaveOutcome; after: Row }[]> {
  const history: RecordChange[] = [];
  const inserts: Row[] = [];
  const results: { outcome: SaveOutcome; after: Row; before: Row | null }[] = [];
  for (const { before, values } of rows) {
    const fields = changedFields(record.fields, before, values);
    if (before && !fields.length) {
      results.push({ outcome: SaveOutcome.UNCHANGED, after: before, before });
      continue;
    }
    const after = Object.assign(new record.entity(), before ?? record.defaults, values, { version: before ? before.version + 1 : 1 });
    const key = String(after[record.key]);
    if (before) {
      const { affected } = await manager
        .createQueryBuilder()
        .update(record.entity)
        .set(Object.fromEntries([...fields.map(({ field }) => [field, after[field as keyof Row]]), ["version", after.version]]) as never)
        .where({ [record.key]: key, version: before.version })
        .execute();
      if (affected !== 1) throw badUserInput("version", `记录 ${key} 已被他人同时修改, 请重新读取后再修改`);
    } else inserts.push(after);
    history.push(
      Object.assign(new RecordChange(), {
        id: `RC-${randomUUID()}`,
        resource: record.resource,
        recordKey: key,
        version: after.version,
        changedAt,
        agency: identity.agency,
        userId: identity.user,
        correctionRef: options.correctionRef ?? null,
        fields,
      }),
    );
    results.push({ outcome: before ? SaveOutcome.UPDATED : SaveOutcome.INSERTED, after, before });
  }
  if (inserts.length) await manager.insert(record.entity, inserts as never);
  if (history.length) await manager.insert(RecordChange, history);
  const changed = results.filter((result) => result.outcome !== SaveOutcome.UNCHANGED);
  if (changed.length && record.afterSave) await record.afterSave(manager, changed);
  return results;
}

/** A record's history, newest first: its owner reads it, and auditors of any department. */
export async function historyOf(
  record: { resource: string; owner: string },
  key: string,
  { identity, db }: SubgraphContext,
): Promise<RecordChange[]> {
  if (identity.agency !== record.owner && !identity.roles.includes("auditor")) {
    throw lianfangError("FORBIDDEN", `${record.resource} 的变更记录只有 ${record.owner} 和审计员可以查看`, { owner: record.owner });
  }
  return db.getRepository(RecordChange).find({ where: { resource: record.resource, recordKey: key }, order: { version: "DESC" } });
}

/**
 * The migration behind master records, the same in every department: the history table and a
 * `version` on each register. Rows already stored (the synthetic city, earlier loads) start at version 1.
 */
export const masterRecordsMigration = (registers: string[]): new () => MigrationInterface =>
  class MasterRecords1764000000000 implements MigrationInterface {
    name = "MasterRecords1764000000000";

    async up(queryRunner: QueryRunner): Promise<void> {
      await queryRunner.createTable(
        new Table({
          name: "record_change",
          columns: [
            { name: "id", type: "varchar", length: "40", isPrimary: true },
            { name: "resource", type: "varchar", length: "40" },
            { name: "record_key", type: "varchar", length: "64" },
            { name: "version", type: "int" },
            { name: "changed_at", type: "datetime", precision: 3 },
            { name: "agency", type: "varchar", length: "40" },
            { name: "user_id", type: "varchar", length: "100" },
            { name: "correction_ref", type: "varchar", length: "40", isNullable: true },
            { name: "fields", type: "text" },
          ],
        }),
        true,
      );
      await queryRunner.createIndex(
        "record_change",
        new TableIndex({ name: "ix_record_change_record", columnNames: ["resource", "record_key"] }),
      );
      for (const table of registers) await queryRunner.addColumn(table, new TableColumn({ name: "version", type: "int", default: 1 }));
    }

    async down(queryRunner: QueryRunner): Promise<void> {
      for (const table of registers) await queryRunner.dropColumn(table, "version");
      await queryRunner.dropTable("record_change", true);
    }
  };

/** The catalogue entries of the types every department's master records share: their fields carry no data of their own but the history, which historyOf guards. */
export const masterRecordCatalogue: SharingCatalogue = {
  "RecordChange.*": unconditional("变更记录: historyOf answers the record's owner and auditors alone"),
  "FieldChange.*": unconditional("变更记录: historyOf answers the record's owner and auditors alone"),
  "SaveReport.*": unconditional(),
  "RowOutcome.*": unconditional(),
  "RowProblem.*": unconditional(),
};

/**
 * The GraphQL side of a register, the same for every department: `save<One>(input, correctionRef)`
 * for a clerk, `save<Many>(rows, dryRun)` for an import, and `history` on the record.
 */
export function masterRecordResolver<Input extends VersionedInput, Row extends Versioned>(
  record: MasterRecord<Input, Row>,
  types: { input: new () => Input; row: new () => Row },
  names: { one: string; many: string; what: string },
) {
  @Resolver(() => types.row)
  class MasterRecordResolver {
    @Mutation(() => types.row, {
      name: names.one,
      description: `Registers ${names.what}, or corrects one with the version last read (${record.owner} admins)`,
    })
    saveOne(
      @Arg("input", () => types.input) input: Input,
      @Arg("correctionRef", () => String, {
        nullable: true,
        description: "The correction request (纠错) this change answers, kept in the history",
      })
      correctionRef: string | null,
      @Ctx() context: SubgraphContext,
    ): Promise<Row> {
      return saveOne(record, input, context, { correctionRef });
    }

    @Mutation(() => SaveReport, {
      name: names.many,
      description: `Saves up to ${maximumBatchRows} rows of ${names.what} by ${record.key}, as an import does: each inserted, updated, unchanged or refused`,
    })
    saveMany(
      @Arg("rows", () => [types.input]) rows: Input[],
      @Arg("dryRun", () => Boolean, { defaultValue: false, description: "Check and compare every row, store nothing" }) dryRun: boolean,
      @Ctx() context: SubgraphContext,
    ): Promise<SaveReport> {
      return saveBatch(record, rows, context, { dryRun });
    }

    @FieldResolver(() => [RecordChange], { description: `Every change to this record, newest first: ${record.owner} and auditors alone` })
    history(@Root() row: Row, @Ctx() context: SubgraphContext): Promise<RecordChange[]> {
      return historyOf(record, String(row[record.key]), context);
    }
  }
  return MasterRecordResolver;
}
