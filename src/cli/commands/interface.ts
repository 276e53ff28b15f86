/** `smsi interface METAL SUPPORT`: the interface gate (orientation relationship, coherence) and DFT export. */
import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import {
  type ChosenRelationship,
  type InterfaceGateResult,
  type OrientationRelationship,
  interfaceGate,
} from "../../match/gate.js";
import {
  DEFAULT_LAYERS,
  DEFAULT_VACUUM_A,
  INTERFACE_GAP_A,
  MAX_LAYERS,
  buildInterface,
  formatFromPath,
  writeInterface,
} from "../../match/interface-export.js";
import { InputError } from "../../units/errors.js";
import { type Io, fmt, formatTable, printJson } from "../output.js";
import { num } from "./match.js";

interface InterfaceCliOptions {
  json?: boolean;
  export?: string;
  exportFilm?: string;
  layers?: string;
  vacuum?: string;
  gap?: string;
  supportFacet?: string;
}

const pct = (x: number) => `${fmt(100 * x, 1)} %`;

function table(rels: readonly OrientationRelationship[]): string {
  return formatTable(
    ["film", "support", "verdict", "Σ", "cells f:s", "misfit", "von Mises", "sites/nm²"],
    rels.map((r) => [
      r.filmPlane,
      r.substratePlane,
      r.verdict,
      r.sigma,
      `${r.cellsFilm}:${r.cellsSubstrate}`,
      pct(r.misfit),
      pct(r.strain),
      fmt(r.coincidenceSiteDensity_per_nm2, 2),
    ]),
  );
}

function sensitivityLines(c: ChosenRelationship): string[] {
  const s = c.sensitivity;
  const lines = [
    `  sensitivity: ${s.robust ? "robust" : "NOT robust"} — over the full grid of stated ranges (${s.fullGrid.points} points): ${Object.entries(
      s.fullGrid.verdicts,
    )
      .filter(([, n]) => n > 0)
      .map(([v, n]) => `${v} ${n}`)
      .join(", ")}`,
  ];
  for (const [k, t] of Object.entries(s.thresholds)) {
    const flips = t.flipsAt.length
      ? t.flipsAt
          .map((f) => `${f.below} → ${f.atOrAbove} at ${fmt(f.value, 3)}${f.inRange ? " (in range)" : ""}`)
          .join("; ")
      : "no flip";
    lines.push(`    ${k} = ${t.value} [range ${t.range[0]}–${t.range[1]}]: ${flips}`);
  }
  return lines;
}

function humanReport(r: InterfaceGateResult): string {
  const lines = [
    `${r.metal} on ${r.support}`,
    `support facets: ${r.planes.support.planes.join(", ")}${r.planes.support.isAssumption ? " (ASSUMPTION: no sourced list)" : ""}`,
    "",
    table(r.relationships),
    "",
    `chosen: ${r.chosen.filmPlane} ∥ ${r.chosen.substratePlane} — ${r.chosen.verdict}`,
    `  ${r.chosen.reason}`,
    ...sensitivityLines(r.chosen),
    "",
  ];
  if (r.oxide) {
    lines.push(
      `oxide ${r.oxide.formula} (${r.oxide.id}) on ${r.support}`,
      "",
      table(r.oxide.relationships),
      "",
      `chosen: ${r.oxide.chosen.filmPlane} ∥ ${r.oxide.chosen.substratePlane} — ${r.oxide.chosen.verdict}`,
      `  ${r.oxide.chosen.reason}`,
      ...sensitivityLines(r.oxide.chosen),
    );
  } else lines.push(`oxide: none — ${r.oxideNote}`);
  lines.push(
    "",
    "thresholds:",
    ...Object.entries(r.thresholds).map(
      ([k, t]) =>
        `  ${k} = ${t.value}${t.isAssumption && !t.source.startsWith("ASSUMPTION") ? " (ASSUMPTION)" : ""}: ${t.source}`,
    ),
  );
  return lines.join("\n");
}

/** One row per pair: the screening table for lists of metals and supports. */
function summaryTable(results: readonly InterfaceGateResult[]): string {
  const rel = (c: ChosenRelationship | undefined) =>
    c
      ? [
          `${c.filmPlane}∥${c.substratePlane}`,
          c.verdict,
          `${c.sigma}`,
          pct(c.misfit),
          c.sensitivity.robust ? "yes" : "no",
        ]
      : ["—", "—", "", "", ""];
  return formatTable(
    [
      "metal",
      "support",
      "metal ∥ support",
      "verdict",
      "Σ",
      "misfit",
      "robust",
      "oxide",
      "oxide ∥ support",
      "verdict",
      "Σ",
      "misfit",
      "robust",
    ],
    results.map((r) => [
      r.metal,
      r.support,
      ...rel(r.chosen),
      r.oxide?.id ?? "none",
      ...rel(r.oxide?.chosen),
    ]),
  );
}

const list = (text: string) =>
  text
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean);

export function register(program: Command, io: Io): void {
  program
    .command("interface")
    .argument(
      "<METAL>",
      "metal material id (e.g. Ru; smsi materials list), or a comma-separated list for a summary table",
    )
    .argument("<SUPPORT>", "support material id (e.g. TiO2-rutile), or a comma-separated list")
    .description(
      "Interface gate: orientation relationships of the metal and its oxide on the support's dominant facets, coherence judged from the whole coincidence cell, with threshold sensitivity; optional slab export for DFT",
    )
    .option("--support-facet <plane>", "only this support plane, e.g. (110) or (0001) / 0,0,0,1")
    .option(
      "--export <FILE>",
      "write the chosen interface as a slab model: FILE.cif, FILE.vasp (POSCAR) or FILE.xyz",
    )
    .option("--export-film <metal|oxide>", "which film to export", "metal")
    .option("--layers <N>", `repeat units of each slab, 1–${MAX_LAYERS}`, String(DEFAULT_LAYERS))
    .option("--vacuum <Å>", "vacuum above the film, Å", String(DEFAULT_VACUUM_A))
    .option("--gap <Å>", "film–substrate distance, Å (ASSUMPTION default)", String(INTERFACE_GAP_A))
    .option("--json", "print one JSON document")
    .addHelpText(
      "after",
      "\nExample:\n  $ smsi interface Ru TiO2-rutile\n  $ smsi interface Ru Al2O3-alpha --support-facet '(0001)' --json\n  $ smsi interface Ru,Pt,Pd TiO2-rutile,TiO2-anatase\n  $ smsi interface Ru TiO2-rutile --export-film oxide --export RuO2-on-rutile.vasp --layers 4 --vacuum 15",
    )
    .action((metal: string, support: string, opts: InterfaceCliOptions) => {
      const layers = num(opts.layers, "--layers");
      const vacuum = num(opts.vacuum, "--vacuum");
      const gap = num(opts.gap, "--gap");
      const film = opts.exportFilm ?? "metal";
      if (film !== "metal" && film !== "oxide")
        throw new InputError("--export-film", `must be metal or oxide (got "${film}")`);
      const format = opts.export !== undefined ? formatFromPath(opts.export) : undefined;
      if (metal.includes(",") || support.includes(",")) {
        if (opts.export !== undefined)
          throw new InputError(
            "--export",
            "give one METAL and one SUPPORT to export (lists are for the summary table)",
          );
        const results = list(metal).flatMap((m) =>
          list(support).map((s) => interfaceGate(m, s, { supportFacet: opts.supportFacet })),
        );
        if (opts.json) return printJson(io, { pairs: results });
        io.out(summaryTable(results));
        return;
      }
      const result = interfaceGate(metal, support, { supportFacet: opts.supportFacet });
      let exported: Record<string, unknown> | undefined;
      if (opts.export !== undefined && format) {
        const model = buildInterface(metal, support, {
          supportFacet: opts.supportFacet,
          layers,
          vacuum_A: vacuum,
          gap_A: gap,
          film,
        });
        try {
          writeFileSync(opts.export, writeInterface(model, format));
        } catch (e) {
          throw new InputError("--export", `cannot write "${opts.export}": ${(e as Error).message}`);
        }
        exported = {
          file: opts.export,
          format,
          atoms: model.atoms.length,
          cell_A: model.lattice.matrix,
          substrate: model.substrate,
          film: model.film,
          gap_A: model.gap_A,
          vacuum_A: model.vacuum_A,
          notes: model.notes,
        };
      }
      if (opts.json) return printJson(io, exported ? { ...result, export: exported } : result);
      io.out(humanReport(result));
      if (exported)
        io.out(
          `\nwrote ${opts.export} (${format}): ${exported.atoms} atoms, ${(exported.film as { id: string }).id} on ${(exported.substrate as { id: string }).id}`,
        );
    });
}
