/**
 * The campaign's output file: CSV or JSON Lines, one line per combination with its id and inputs beside
 * the chosen result fields. Appended as results arrive; on a rerun the ids already in the file are read
 * first so that nothing is written twice (a line cut short by a killed process is dropped first).
 */
import { closeSync, existsSync, openSync, readFileSync, statSync, truncateSync, writeSync } from "node:fs";
import { InputError } from "../units/errors.js";
import type { CombinationResult } from "./compute.js";
import { type Combination, INPUT_COLUMNS, type ResultField } from "./spec.js";

/** Largest existing output file read back on a rerun, bytes (bounded memory). */
export const MAX_OUTPUT_READBACK_BYTES = 1_000_000_000;

export type ResultRow = Record<string, string | number | boolean | null>;

/** The flat row of one combination: inputs, then the chosen result fields. */
export function resultRow(c: Combination, r: CombinationResult, fields: readonly ResultField[]): ResultRow {
  const all: Record<ResultField, string | number | boolean | null> = {
    class: r.class,
    label: r.label,
    likelihood: r.likelihood,
    share_BP: r.shares["BP-SMSI"],
    share_SE: r.shares["SE-SMSI"],
    share_EMSI: r.shares.EMSI,
    share_CMSI: r.shares.CMSI,
    share_none: r.shares.none,
    gate: r.gate,
    rationale: r.rationale.join("; "),
    dominantRoute: r.routes?.dominantRoute ?? null,
    bottomUp: r.routes?.bottomUp ?? null,
    oxidationDownhill: r.routes?.oxidationDownhill ?? null,
    drivingForce_eV: r.routes?.drivingForce_eV ?? null,
    timeToOxidise_s: r.routes?.timeToOxidise_s ?? null,
    kmc_oxidisedFraction: r.kmc?.oxidisedFraction ?? null,
    kmc_interfaceCrossings: r.kmc?.interfaceCrossings ?? null,
    kmc_events: r.kmc?.events ?? null,
    kmc_seed: r.kmc?.seed ?? null,
    error: r.notes.length ? r.notes.join("; ") : null,
  };
  const row: ResultRow = {};
  for (const k of INPUT_COLUMNS) row[k] = c[k];
  for (const f of fields) row[f] = all[f];
  return row;
}

function csvCell(v: string | number | boolean | null): string {
  if (v === null) return "";
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export class OutputWriter {
  private readonly fd: number;
  private readonly ids = new Set<string>();
  private readonly columns: string[];
  readonly format: "csv" | "jsonl";
  written = 0;

  constructor(
    readonly path: string,
    fields: readonly ResultField[],
  ) {
    if (/\.csv$/i.test(path)) this.format = "csv";
    else if (/\.jsonl$/i.test(path)) this.format = "jsonl";
    else throw new InputError("--out", `write to a .csv or .jsonl file (got "${path}")`);
    this.columns = [...INPUT_COLUMNS, ...fields];
    let header = false;
    if (existsSync(path)) {
      const st = statSync(path);
      if (!st.isFile()) throw new InputError("--out", `"${path}" is not a regular file`);
      if (st.size > MAX_OUTPUT_READBACK_BYTES)
        throw new InputError(
          "--out",
          `"${path}" is larger than ${MAX_OUTPUT_READBACK_BYTES} bytes; write to a new file`,
        );
      const text = readFileSync(path, "utf8");
      const complete = text.lastIndexOf("\n") + 1;
      const lines = text.slice(0, complete).split("\n").filter(Boolean);
      if (this.format === "csv" && lines.length) {
        if (lines[0] !== this.columns.join(","))
          throw new InputError(
            "--out",
            `"${path}" has other columns than this campaign; write to a new file`,
          );
        header = true;
      }
      for (const line of this.format === "csv" ? lines.slice(1) : lines) {
        const id =
          this.format === "csv" ? line.slice(0, line.indexOf(",")) : (JSON.parse(line) as { id: string }).id;
        this.ids.add(id);
      }
      if (complete < st.size) truncateSync(path, complete);
    }
    this.fd = openSync(path, "a");
    if (this.format === "csv" && !header) this.append(`${this.columns.join(",")}\n`);
  }

  private append(text: string) {
    writeSync(this.fd, text);
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  /** Append the rows whose ids are not in the file yet; returns how many were written. */
  write(rows: readonly ResultRow[]): number {
    const lines: string[] = [];
    for (const row of rows) {
      const id = String(row.id);
      if (this.ids.has(id)) continue;
      this.ids.add(id);
      lines.push(
        this.format === "csv"
          ? this.columns.map((k) => csvCell(row[k] ?? null)).join(",")
          : JSON.stringify(row),
      );
    }
    if (lines.length) this.append(`${lines.join("\n")}\n`);
    this.written += lines.length;
    return lines.length;
  }

  close() {
    closeSync(this.fd);
  }
}
