/**
 * Plain types of the interface model with no imports, so the browser (web/src, via
 * src/server/scene-types.ts) can share them without pulling in Node modules.
 */

/** A slab of the interface model: its phase id, formula, plane, layers, atom count and thickness. */
export interface SlabSummary {
  id: string;
  formula: string;
  plane: string;
  layers: number;
  atoms: number;
  thickness_A: number;
}
