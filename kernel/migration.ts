import { Table, TableIndex, type QueryRunner, type TableColumnOptions } from "typeorm";

/** The shapes of `column` in columns.ts: a type, and a length or precision where it has one. */
interface ColumnShape {
  type: string;
  length?: number;
  precision?: number;
  nullable?: boolean;
}

/** A table in a portable migration: columns named as stored, the first column the primary key unless `primary` names others. */
export interface TableSpec {
  name: string;
  columns: Record<string, ColumnShape>;
  primary?: string[];
  indices?: { columns: string[]; unique?: boolean }[];
}

/** Creates tables with TypeORM's QueryRunner API, so one migration runs on MySQL and the embedded driver. */
export async function createTables(queryRunner: QueryRunner, specs: TableSpec[]): Promise<void> {
  for (const spec of specs) {
    const primary = spec.primary ?? Object.keys(spec.columns).slice(0, 1);
    await queryRunner.createTable(
      new Table({
        name: spec.name,
        columns: Object.entries(spec.columns).map(([name, shape]): TableColumnOptions => ({
          name,
          type: shape.type,
          length: shape.length === undefined ? undefined : String(shape.length),
          precision: shape.precision,
          isPrimary: primary.includes(name),
          isNullable: shape.nullable ?? false,
        })),
      }),
      true,
    );
    for (const index of spec.indices ?? []) {
      await queryRunner.createIndex(
        spec.name,
        new TableIndex({ name: `ix_${spec.name}_${index.columns.join("_")}`, columnNames: index.columns, isUnique: index.unique ?? false }),
      );
    }
  }
}

export async function dropTables(queryRunner: QueryRunner, specs: TableSpec[]): Promise<void> {
  for (const spec of [...specs].reverse()) await queryRunner.dropTable(spec.name, true);
}
