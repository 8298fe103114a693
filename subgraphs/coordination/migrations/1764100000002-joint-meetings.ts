import type { MigrationInterface, QueryRunner } from "typeorm";
import { column } from "../../../kernel/columns";
import { createTables, dropTables, type TableSpec } from "../../../kernel/migration";

const tables: TableSpec[] = [
  {
    name: "joint_meeting",
    columns: {
      id: column.code(20),
      held_on: column.date,
      convened_by: column.text(100),
      attending_agencies: { type: "text" },
      agenda: { type: "text" },
      decisions: { type: "text" },
      report_region_code: { ...column.code(6), nullable: true },
      report_period: { ...column.code(4), nullable: true },
    },
  },
  {
    name: "action_item",
    columns: {
      id: column.code(30),
      meeting_id: column.code(20),
      task: column.text(500),
      owner_agency: column.code(20),
      due_on: column.date,
      done_on: { ...column.date, nullable: true },
      outcome: { ...column.text(500), nullable: true },
    },
    indices: [{ columns: ["meeting_id"] }, { columns: ["owner_agency"] }],
  },
];

/** Joint meetings (联席会议) and their action items. */
export class JointMeetings1764100000002 implements MigrationInterface {
  name = "JointMeetings1764100000002";
  up = (queryRunner: QueryRunner) => createTables(queryRunner, tables);
  down = (queryRunner: QueryRunner) => dropTables(queryRunner, tables);
}
