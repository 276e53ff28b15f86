/** CIF 1.1 reading and writing. */
import { CifError } from "./errors.js";
import { parseCifBlocks } from "./parse.js";
import { blockHasAtoms, type CifStructure, structureFromBlock } from "./structure.js";

export { CifError } from "./errors.js";
export { parseCifBlocks } from "./parse.js";
export type { CifStructure } from "./structure.js";
export { writeCif, type WriteCifOptions } from "./write.js";
export { formatSymmetryOperation, parseSymmetryOperation } from "./symop.js";

/** Every data block that has atom sites, as structures. */
export function readCifBlocks(text: string, fileName?: string): CifStructure[] {
  return parseCifBlocks(text, fileName)
    .filter(blockHasAtoms)
    .map((b) => structureFromBlock(b, fileName));
}

/** The first data block with atom sites. */
export function readCif(text: string, fileName?: string): CifStructure {
  const blocks = parseCifBlocks(text, fileName);
  const withAtoms = blocks.find(blockHasAtoms);
  if (!withAtoms) {
    const b = blocks[0];
    throw new CifError(
      "_atom_site_fract_x",
      b.line,
      `no block has atom sites (_atom_site_fract_x/y/z); block data_${b.name} has none`,
      fileName,
    );
  }
  return structureFromBlock(withAtoms, fileName);
}
