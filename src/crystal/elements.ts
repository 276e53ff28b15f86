/**
 * Elements: symbol → atomic number and standard atomic weight.
 * Source: IUPAC CIAAW, abridged standard atomic weights 2021 (T. Prohaska et al., Pure Appl. Chem.
 * 94, 573–600 (2022)); conventional values for elements with interval weights; for elements without
 * a standard atomic weight (Tc, Pm, Po, Am–Og, …) the mass number of the longest-lived isotope as the
 * IUPAC periodic table (2022) lists it in brackets. All 118 elements, so that a symbol is always read whole
 * (Og is oganesson, never O).
 */
import { InputError } from "../units/errors.js";

// [symbol, standard atomic weight in g/mol], index + 1 = atomic number
const TABLE: [string, number][] = [
  ["H", 1.008],
  ["He", 4.0026],
  ["Li", 6.94],
  ["Be", 9.0122],
  ["B", 10.81],
  ["C", 12.011],
  ["N", 14.007],
  ["O", 15.999],
  ["F", 18.998],
  ["Ne", 20.18],
  ["Na", 22.99],
  ["Mg", 24.305],
  ["Al", 26.982],
  ["Si", 28.085],
  ["P", 30.974],
  ["S", 32.06],
  ["Cl", 35.45],
  ["Ar", 39.95],
  ["K", 39.098],
  ["Ca", 40.078],
  ["Sc", 44.956],
  ["Ti", 47.867],
  ["V", 50.942],
  ["Cr", 51.996],
  ["Mn", 54.938],
  ["Fe", 55.845],
  ["Co", 58.933],
  ["Ni", 58.693],
  ["Cu", 63.546],
  ["Zn", 65.38],
  ["Ga", 69.723],
  ["Ge", 72.63],
  ["As", 74.922],
  ["Se", 78.971],
  ["Br", 79.904],
  ["Kr", 83.798],
  ["Rb", 85.468],
  ["Sr", 87.62],
  ["Y", 88.906],
  ["Zr", 91.224],
  ["Nb", 92.906],
  ["Mo", 95.95],
  ["Tc", 97],
  ["Ru", 101.07],
  ["Rh", 102.91],
  ["Pd", 106.42],
  ["Ag", 107.87],
  ["Cd", 112.41],
  ["In", 114.82],
  ["Sn", 118.71],
  ["Sb", 121.76],
  ["Te", 127.6],
  ["I", 126.9],
  ["Xe", 131.29],
  ["Cs", 132.91],
  ["Ba", 137.33],
  ["La", 138.91],
  ["Ce", 140.12],
  ["Pr", 140.91],
  ["Nd", 144.24],
  ["Pm", 145],
  ["Sm", 150.36],
  ["Eu", 151.96],
  ["Gd", 157.25],
  ["Tb", 158.93],
  ["Dy", 162.5],
  ["Ho", 164.93],
  ["Er", 167.26],
  ["Tm", 168.93],
  ["Yb", 173.05],
  ["Lu", 174.97],
  ["Hf", 178.49],
  ["Ta", 180.95],
  ["W", 183.84],
  ["Re", 186.21],
  ["Os", 190.23],
  ["Ir", 192.22],
  ["Pt", 195.08],
  ["Au", 196.97],
  ["Hg", 200.59],
  ["Tl", 204.38],
  ["Pb", 207.2],
  ["Bi", 208.98],
  ["Po", 209],
  ["At", 210],
  ["Rn", 222],
  ["Fr", 223],
  ["Ra", 226],
  ["Ac", 227],
  ["Th", 232.04],
  ["Pa", 231.04],
  ["U", 238.03],
  ["Np", 237],
  ["Pu", 244],
  ["Am", 243],
  ["Cm", 247],
  ["Bk", 247],
  ["Cf", 251],
  ["Es", 252],
  ["Fm", 257],
  ["Md", 258],
  ["No", 259],
  ["Lr", 266],
  ["Rf", 267],
  ["Db", 268],
  ["Sg", 269],
  ["Bh", 270],
  ["Hs", 269],
  ["Mt", 278],
  ["Ds", 281],
  ["Rg", 282],
  ["Cn", 285],
  ["Nh", 286],
  ["Fl", 289],
  ["Mc", 290],
  ["Lv", 293],
  ["Ts", 294],
  ["Og", 294],
];

const BY_SYMBOL = new Map<string, { z: number; mass: number }>(
  TABLE.map(([s, m], i) => [s, { z: i + 1, mass: m }]),
);

export function isElement(symbol: string): boolean {
  return BY_SYMBOL.has(symbol);
}

function lookup(symbol: string, field: string) {
  const e = BY_SYMBOL.get(symbol);
  if (!e) throw new InputError(field, `unknown element "${symbol}"; use a symbol such as Ti, O or Ru`);
  return e;
}

export function atomicNumber(symbol: string, field = "species"): number {
  return lookup(symbol, field).z;
}

/** Standard atomic weight, g/mol. */
export function atomicMass(symbol: string, field = "species"): number {
  return lookup(symbol, field).mass;
}

/**
 * Element symbol from a CIF type symbol or label such as "Ti4+", "O2-", "Ru1", "OW": the whole leading
 * symbol (a capital and the lower-case letters after it), which must be an element. "Og" is oganesson,
 * "Nn" and "Uuo" (a retired placeholder name) are no element: undefined, never their first letter.
 */
export function elementFromTypeSymbol(text: string): string | undefined {
  const m = /^([A-Z][a-z]*)/.exec(text.trim());
  return m && BY_SYMBOL.has(m[1]) ? m[1] : undefined;
}
