/** `smsi materials list | show | import`. */
import type { Command } from "commander";
import { describeMaterial } from "../../materials/describe.js";
import { importMaterial } from "../../materials/import.js";
import { listMaterials } from "../../materials/library.js";
import { userDataDir } from "../../materials/store.js";
import { MATERIAL_ROLES } from "../../materials/types.js";
import { InputError } from "../../units/errors.js";
import { type Io, fmt, formatTable, printJson } from "../output.js";

export function register(program: Command, io: Io): void {
  const materials = program
    .command("materials")
    .description("the library of metals, metal oxides and supports (structures and properties with sources)")
    .addHelpText(
      "after",
      "\nExample:\n  $ smsi materials list --role support\n  $ smsi materials show RuO2 --json",
    );

  materials
    .command("list")
    .description("list bundled and imported phases")
    .option("--json", "print one JSON document")
    .option("--role <role>", `only this role (${MATERIAL_ROLES.join(" | ")})`)
    .addHelpText("after", "\nExample:\n  $ smsi materials list --role metal --json")
    .action((opts: { json?: boolean; role?: string }) => {
      if (opts.role && !MATERIAL_ROLES.includes(opts.role as never))
        throw new InputError(
          "--role",
          `role must be one of ${MATERIAL_ROLES.join(", ")} (got "${opts.role}")`,
        );
      const rows = listMaterials().filter((e) => !opts.role || e.role === opts.role);
      if (opts.json) return printJson(io, { materials: rows });
      io.out(
        formatTable(
          ["id", "formula", "phase", "role", "space group", "source"],
          rows.map((e) => [
            e.id,
            e.formula,
            e.phase,
            e.role,
            `${e.spaceGroup.symbol} (${e.spaceGroup.number})`,
            e.structureSource.citation.slice(0, 60),
          ]),
        ),
      );
    });

  materials
    .command("show")
    .argument("<ID>", "material id, e.g. TiO2-rutile")
    .description("lattice, space group, density, atoms per cell and properties with sources")
    .option("--json", "print one JSON document")
    .addHelpText("after", "\nExample:\n  $ smsi materials show TiO2-rutile")
    .action((id: string, opts: { json?: boolean }) => {
      const d = describeMaterial(id);
      if (opts.json) return printJson(io, d);
      const l = d.lattice;
      const lines = [
        `${d.id} — ${d.name} (${d.formula}, ${d.phase}; ${d.role})`,
        `lattice      a=${fmt(l.a_A, 4)} b=${fmt(l.b_A, 4)} c=${fmt(l.c_A, 4)} Å  α=${fmt(l.alpha_deg, 2)} β=${fmt(l.beta_deg, 2)} γ=${fmt(l.gamma_deg, 2)}°  V=${fmt(l.volume_A3, 2)} Å³`,
        `space group  ${d.spaceGroup.found.symbol} (${d.spaceGroup.found.number}); declared ${d.spaceGroup.declared.symbol} (${d.spaceGroup.declared.number})`,
        `density      ${fmt(d.density_g_per_cm3)} g/cm³${d.referenceDensity ? ` (reference ${d.referenceDensity.range_g_per_cm3?.join("–") ?? d.referenceDensity.value_g_per_cm3}: ${d.referenceDensity.source})` : ""}`,
        `cell         ${d.atomsPerCell} atoms, ${d.formulaUnitsPerCell} formula units`,
        `structure    ${d.structureSource.citation}${d.structureSource.verify ? " [verify]" : ""}`,
        ...(d.note ? [`note         ${d.note}`] : []),
        "",
        formatTable(
          ["property", "value", "unit", "source"],
          Object.entries(d.properties).map(([k, v]) => [
            k.split("_")[0],
            fmt(v.value),
            v.unit,
            `${v.source}${v.verify ? " [verify]" : ""}`,
          ]),
        ),
      ];
      io.out(lines.join("\n"));
    });

  materials
    .command("import")
    .argument("<FILE>", "a CIF file")
    .option("--id <ID>", "id to store it under (default: the CIF data block name)")
    .option("--role <role>", `${MATERIAL_ROLES.join(" | ")}`, "support")
    .option(
      "--block <NAME>",
      "the data block to import when the file holds several structures (name after data_)",
    )
    .option("--force", "replace an earlier import with the same id")
    .option("--json", "print one JSON document")
    .description("validate a CIF and keep it in your data folder ($SMSI_DATA_DIR or ~/.local/share/smsi)")
    .addHelpText(
      "after",
      "\nChecks: cell lengths, angles and volume; at most 192 symmetry operations and 2000 atoms per cell;\nno overlapping atoms; occupancies 1e-4–1; plausible density.\n\nExample:\n  $ smsi materials import my-TiO2.cif --id TiO2-mine --role support\n  $ smsi materials import several.cif --block rutile_300K --id TiO2-300K --force",
    )
    .action(
      (
        file: string,
        opts: { id?: string; role?: string; block?: string; force?: boolean; json?: boolean },
      ) => {
        const dataDir = userDataDir();
        const entry = importMaterial({ file, dataDir, ...opts });
        if (opts.json) return printJson(io, { imported: entry, dataDir });
        io.out(`imported ${entry.id} (${entry.formula}, ${entry.spaceGroup.symbol}) into ${dataDir}`);
      },
    );
}
