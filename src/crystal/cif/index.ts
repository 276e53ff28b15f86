/** CIF 1.1 reading and writing. */
import { CifError } from "./errors.js";
import { parseCifBlocks } from "./parse.js";
import { blockHasAtoms, type CifStructure, structureFromBlock } from "./structure.js";

export { CifError } from "./errors.js";
export { parseCifBlocks } from "./parse.js";
export type { CifStructure } from "./structure.js";
export { quoteCif, writeCif, type WriteCifOptions } from "./write.js";
export { formatSymmetryOperation, parseSymmetryOperation } from "./symop.js";

export interface ReadCifOptions {
  /** Name of the data block to read (without `data_`); needed when several blocks have atom sites. */
  block?: string;
  /** The option or field that chooses the block, for messages (e.g. `--block`). */
  blockField?: string;
  /** How to choose, for the message when several blocks have atoms (default: "choose one with <blockField> NAME"). */
  blockHint?: string;
}

/** Every data block that has atom sites, as structures. */
export function readCifBlocks(text: string, fileName?: string): CifStructure[] {
  return parseCifBlocks(text, fileName)
    .filter(blockHasAtoms)
    .map((b) => structureFromBlock(b, fileName));
}

/**
 * The one data block with atom sites, or the block named by `options.block`. A file with several
 * structure blocks and no choice is refused with a message listing them (never silently the first).
 */
export function readCif(text: string, fileName?: string, options: ReadCifOptions = {}): CifStructure {
  const blocks = parseCifBlocks(text, fileName);
  const withAtoms = blocks.filter(blockHasAtoms);
  const blockField = options.blockField ?? "block";
  const names = withAtoms.map((b) => `data_${b.name}`).join(", ");
  if (options.block !== undefined) {
    const chosen =
      blocks.find((b) => b.name === options.block) ??
      blocks.find((b) => b.name.toLowerCase() === options.block?.toLowerCase()); // CIF names ignore case
    if (!chosen || !blockHasAtoms(chosen))
      throw new CifError(
        blockField,
        chosen?.line ?? 1,
        chosen
          ? `block data_${options.block} has no atom sites; blocks with atoms: ${names || "none"}`
          : `no block data_${options.block}; blocks with atoms: ${names || "none"}`,
        fileName,
      );
    return structureFromBlock(chosen, fileName);
  }
  if (withAtoms.length === 0) {
    const b = blocks[0];
    throw new CifError(
      "_atom_site_fract_x",
      b.line,
      `no block has atom sites (_atom_site_fract_x/y/z); block data_${b.name} has none`,
      fileName,
    );
  }
  if (withAtoms.length > 1)
    throw new CifError(
      blockField,
      withAtoms[1].line,
      `the file holds ${withAtoms.length} structures (${names}); ${options.blockHint ?? `choose one with ${blockField} NAME (the name after data_)`}`,
      fileName,
    );
  return structureFromBlock(withAtoms[0], fileName);
}
