import { DataSource, TableColumn, type QueryRunner } from "typeorm";
import { addEmployerRegion, dropEmployerRegion } from "./employer-region";

/** The embedded driver (the suite's MySQL runs cover the other through the subgraphs' migrations). */
describe("the employer's region, a column the database derives from the credit code", () => {
  let db: DataSource;
  let runner: QueryRunner;
  const indices = { ix_claim_region: ["employer_region_code"] };

  beforeEach(async () => {
    db = new DataSource({ type: "better-sqlite3", database: ":memory:" });
    await db.initialize();
    runner = db.createQueryRunner();
    await runner.query("CREATE TABLE claim (id varchar(4) PRIMARY KEY NOT NULL, credit_code varchar(18) NOT NULL)");
    await runner.query("INSERT INTO claim (id, credit_code) VALUES ('1', '913703021234567890')");
  });
  afterEach(() => db.destroy());

  it("back-fills existing rows, fills new ones, and follows a corrected credit code", async () => {
    await addEmployerRegion(runner, "claim", "credit_code", indices);
    await runner.query("INSERT INTO claim (id, credit_code) VALUES ('2', '913703051234567890')");
    await runner.query("UPDATE claim SET credit_code = '913703211234567890' WHERE id = '1'");

    expect(await runner.query("SELECT id, employer_region_code FROM claim ORDER BY id")).toEqual([
      { id: "1", employer_region_code: "370321" },
      { id: "2", employer_region_code: "370305" },
    ]);
  });

  it("survives a later migration that makes the ORM rebuild the table", async () => {
    await addEmployerRegion(runner, "claim", "credit_code", indices);
    await runner.addColumn("claim", new TableColumn({ name: "note", type: "varchar", length: "20", isNullable: true }));
    await runner.query("INSERT INTO claim (id, credit_code) VALUES ('2', '913703051234567890')");

    expect(await runner.query("SELECT id, employer_region_code, note FROM claim ORDER BY id")).toEqual([
      { id: "1", employer_region_code: "370302", note: null },
      { id: "2", employer_region_code: "370305", note: null },
    ]);
    expect(await runner.query("SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'ix_claim_region'")).toEqual([
      { name: "ix_claim_region" },
    ]);
  });

  it("goes back down", async () => {
    await addEmployerRegion(runner, "claim", "credit_code", indices);
    await dropEmployerRegion(runner, "claim", indices);

    expect(await runner.query("SELECT * FROM claim")).toEqual([{ id: "1", credit_code: "913703021234567890" }]);
  });
});
