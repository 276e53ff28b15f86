/** `smsi match FILM SUBSTRATE`: Zur–McGill coincidence-lattice interface matching. */
import type { Command } from "commander";
import { parseIndices } from "../../crystal/miller-bravais.js";
import { MAX_MILLER_INDEX } from "../../match/miller-enumeration.js";
import {
  MAX_AREA_LIMIT_A2,
  type MatchOptions,
  type MatchResult,
  matchInterfaces,
} from "../../match/match.js";
import { PYMATGEN_ZSL_DEFAULTS } from "../../match/zsl.js";
import { resolveStructure } from "../../materials/library.js";
import { InputError } from "../../units/errors.js";
import { type Io, fmt, formatTable, printJson } from "../output.js";

interface MatchCliOptions {
  filmMiller?: number[][];
  substrateMiller?: number[][];
  maxIndex?: string;
  maxArea?: string;
  lengthTol?: string;
  angleTol?: string;
  areaRatioTol?: string;
  all?: boolean;
  json?: boolean;
}

/** A numeric option, or undefined when absent; InputError naming the option otherwise. */
export function num(text: string | undefined, field: string): number | undefined {
  if (text === undefined) return undefined;
  const x = Number(text);
  if (text.trim() === "" || !Number.isFinite(x))
    throw new InputError(field, `expected a number (got "${text}")`);
  return x;
}

const collectMiller = (field: string) => (value: string, previous: number[][] | undefined) => [
  ...(previous ?? []),
  parseIndices(value, field),
];

function humanReport(r: MatchResult): string {
  const p = r.parameters;
  const lines = [
    `${r.film.id} (${r.film.spaceGroup.symbol}) on ${r.substrate.id} (${r.substrate.spaceGroup.symbol})`,
    `search: max area ${p.maxArea} Å², area-ratio tol ${p.maxAreaRatioTol}, length tol ${p.lengthTol}, angle tol ${p.angleTol}; ${r.nMatches} matches over ${r.millerPairs.length} plane pairs`,
    ...(r.message ? [r.message] : []),
    "",
  ];
  const rows = r.millerPairs
    .filter((m) => m.best)
    .map((m) => m.best!)
    .sort((a, b) => a.area - b.area || a.vonMisesStrain - b.vonMisesStrain)
    .map((b) => {
      const pair = r.millerPairs.find((m) => m.best === b)!;
      return [
        pair.filmPlane,
        pair.substratePlane,
        fmt(b.area, 1),
        fmt(b.areaInFilmCells, 2),
        fmt(b.areaInSubstrateCells, 2),
        fmt(b.vonMisesStrain, 4),
        pair.nMatches,
        `${fmt(100 * pair.lowIndexMisfit, 1)} %`,
        pair.verdict,
      ];
    });
  if (rows.length > 0)
    lines.push(
      formatTable(
        [
          "film",
          "substrate",
          "area Å²",
          "film cells",
          "subst. cells",
          "von Mises",
          "matches",
          "1:1 misfit",
          "verdict",
        ],
        rows,
      ),
    );
  else lines.push("no coincidence match within the search limits");
  lines.push("", `coherence: ${r.coherence.verdict}`, ...r.coherence.reasons.map((x) => `  - ${x}`));
  return lines.join("\n");
}

export function register(program: Command, io: Io): void {
  program
    .command("match")
    .argument("<FILM>", "film material id (e.g. RuO2) or CIF file")
    .argument("<SUBSTRATE>", "substrate material id (e.g. TiO2-rutile) or CIF file")
    .description(
      "Zur–McGill coincidence-lattice matching of a film on a substrate (pymatgen SubstrateAnalyzer semantics) with a coherence verdict",
    )
    .option(
      "--film-miller <h,k,l>",
      "film plane (repeatable), (hkl) or four-index (hkil) for hexagonal cells; default: all distinct planes up to --max-index",
      collectMiller("--film-miller"),
    )
    .option(
      "--substrate-miller <h,k,l>",
      "substrate plane (repeatable), (hkl) or (hkil); default: all distinct planes up to --max-index",
      collectMiller("--substrate-miller"),
    )
    .option("--max-index <N>", `largest Miller index enumerated, 1–${MAX_MILLER_INDEX}`, "1")
    .option(
      "--max-area <A2>",
      `largest coincidence area in Å², ≤ ${MAX_AREA_LIMIT_A2}`,
      String(PYMATGEN_ZSL_DEFAULTS.maxArea),
    )
    .option(
      "--length-tol <x>",
      "relative length tolerance, 0 < x < 0.5",
      String(PYMATGEN_ZSL_DEFAULTS.maxLengthTol),
    )
    .option(
      "--angle-tol <x>",
      "relative angle tolerance, 0 < x < 0.5",
      String(PYMATGEN_ZSL_DEFAULTS.maxAngleTol),
    )
    .option(
      "--area-ratio-tol <x>",
      "tolerance on the film/substrate area ratio, 0 < x < 0.5",
      String(PYMATGEN_ZSL_DEFAULTS.maxAreaRatioTol),
    )
    .option("--all", "list every match in the JSON (default: the lowest-area match of each plane pair)")
    .option("--json", "print one JSON document")
    .addHelpText(
      "after",
      "\nExample:\n  $ smsi match RuO2 TiO2-rutile\n  $ smsi match Ru TiO2-anatase --film-miller 0,0,1 --max-area 200 --json",
    )
    .action((filmId: string, substrateId: string, opts: MatchCliOptions) => {
      const options: MatchOptions = {
        filmMillers: opts.filmMiller,
        substrateMillers: opts.substrateMiller,
        maxIndex: num(opts.maxIndex, "--max-index"),
        maxArea: num(opts.maxArea, "--max-area"),
        lengthTol: num(opts.lengthTol, "--length-tol"),
        angleTol: num(opts.angleTol, "--angle-tol"),
        maxAreaRatioTol: num(opts.areaRatioTol, "--area-ratio-tol"),
        all: opts.all,
      };
      // Validate numbers before loading anything.
      const film = resolveStructure(filmId, "FILM");
      const substrate = resolveStructure(substrateId, "SUBSTRATE");
      const result = matchInterfaces(film, substrate, options);
      if (opts.json) return printJson(io, result);
      io.out(humanReport(result));
    });
}
