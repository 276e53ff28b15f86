/**
 * Regenerate data/materials/cif/*.cif and data/materials/index.json from data/materials/structures.json.
 * Each CIF holds the asymmetric unit and the full list of symmetry operations of the stated setting
 * (from moyo's tables), with the structure's source in _journal/_publ tags.
 * Usage: npx tsx scripts/build-materials.ts
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { formatSymmetryOperation } from "../src/crystal/cif/index.js";
import { quoteCif } from "../src/crystal/cif/write.js";
import { operationsForHall, resolveSpaceGroup } from "../src/crystal/spacegroup-symbol.js";
import type { PhaseRecord } from "../src/materials/types.js";

const root = new URL("../data/materials/", import.meta.url);
const table = JSON.parse(readFileSync(new URL("structures.json", root), "utf8")) as { phases: PhaseRecord[] };
mkdirSync(new URL("cif/", root), { recursive: true });

const fmt = (x: number) => Number(x.toFixed(6)).toString();
for (const p of table.phases) {
  const sg = resolveSpaceGroup(p.spaceGroup);
  const ops = operationsForHall(sg.hallNumber);
  const lines = [
    `# ${p.name} (${p.formula}, ${p.phase}) — bundled with smsi`,
    `# structure source: ${p.structureSource.citation}`,
    ...(p.structureSource.latticeSource ? [`# lattice: ${p.structureSource.latticeSource}`] : []),
    `data_${p.id.replace(/[^A-Za-z0-9_-]/g, "_")}`,
    `_chemical_name_common ${quoteCif(p.name)}`,
    `_chemical_formula_sum ${quoteCif(p.formula)}`,
    `_publ_section_references`,
    ";",
    p.structureSource.citation,
    ";",
    ...(p.structureSource.doi ? [`_journal_paper_doi ${quoteCif(p.structureSource.doi)}`] : []),
    `_cell_length_a ${fmt(p.cell.a)}`,
    `_cell_length_b ${fmt(p.cell.b)}`,
    `_cell_length_c ${fmt(p.cell.c)}`,
    `_cell_angle_alpha ${fmt(p.cell.alpha)}`,
    `_cell_angle_beta ${fmt(p.cell.beta)}`,
    `_cell_angle_gamma ${fmt(p.cell.gamma)}`,
    `_symmetry_space_group_name_H-M ${quoteCif(sg.setting && sg.setting.length <= 1 ? `${sg.hmSymbol}:${sg.setting}` : sg.hmSymbol)}`,
    `_symmetry_Int_Tables_number ${sg.number}`,
    "loop_",
    "_symmetry_equiv_pos_as_xyz",
    ...ops.map((o) => quoteCif(formatSymmetryOperation(o))),
    "loop_",
    "_atom_site_label",
    "_atom_site_type_symbol",
    "_atom_site_fract_x",
    "_atom_site_fract_y",
    "_atom_site_fract_z",
    "_atom_site_occupancy",
    ...p.sites.map(
      (s) => `${s.label} ${s.species} ${fmt(s.frac[0])} ${fmt(s.frac[1])} ${fmt(s.frac[2])} ${s.occupancy}`,
    ),
  ];
  writeFileSync(new URL(`cif/${p.id}.cif`, root), `${lines.join("\n")}\n`);
}

const index = table.phases.map((p) => {
  const sg = resolveSpaceGroup(p.spaceGroup);
  return {
    id: p.id,
    formula: p.formula,
    name: p.name,
    phase: p.phase,
    role: p.role,
    spaceGroup: { number: sg.number, symbol: sg.hmSymbol, setting: sg.setting },
    structureSource: p.structureSource,
    referenceDensity: p.referenceDensity ?? null,
    note: p.note ?? null,
    thermo: p.thermo ?? null,
    file: `cif/${p.id}.cif`,
  };
});
writeFileSync(
  new URL("index.json", root),
  `${JSON.stringify({ description: "Index of the bundled phases; generated from structures.json by scripts/build-materials.ts", phases: index }, null, 1)}\n`,
);
console.log(`wrote ${index.length} phases`);
