// The few statements that go to PostgreSQL through pg instead of Prisma: the
// hot path (see poolOf in lib/db.ts). Each is a named statement, so every
// connection parses and plans it once.
import pg from "pg";
import { type Db, poolOf } from "./db.ts";

const TIMESTAMP_OID = 1114;

// Prisma keeps times as UTC in `timestamp` columns; pg would read them as local time.
const utcTimestamps = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === TIMESTAMP_OID
      ? (value: string) => new Date(`${value.replace(" ", "T")}Z`)
      : pg.types.getTypeParser(oid, format as "text")) as pg.CustomTypesConfig["getTypeParser"],
};

/** Runs a named statement on the pool under `db` and returns its rows. */
export async function runStatement<Row>(db: Db, name: string, text: string, values: unknown[]): Promise<Row[]> {
  const result = await poolOf(db).query({ name, text, values, types: utcTimestamps });
  return result.rows as Row[];
}
