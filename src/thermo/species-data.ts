/**
 * The 298 K species table now lives in materials (src/materials/species-thermo.ts), so that materials does
 * not import thermo; this module keeps the old import path working for thermo's consumers.
 */
export { type SpeciesThermo, speciesTable, speciesThermo } from "../materials/species-thermo.js";
