/**
 * Physical constants, CODATA 2018 recommended values (exact where the 2019 SI fixes them).
 * Source: E. Tiesinga et al., Rev. Mod. Phys. 93, 025010 (2021); https://physics.nist.gov/cuu/Constants/
 */
/** Boltzmann constant, eV/K (exact: 1.380649e-23 J/K ÷ e). */
export const BOLTZMANN_eV_PER_K = 8.617333262e-5;
/** Boltzmann constant, J/K (exact). */
export const BOLTZMANN_J_PER_K = 1.380649e-23;
/** Molar gas constant, J/(mol K) (exact: N_A k_B). */
export const GAS_CONSTANT_J_PER_MOL_K = 8.314462618;
/** Avogadro constant, 1/mol (exact). */
export const AVOGADRO_PER_MOL = 6.02214076e23;
/** Elementary charge, C (exact). */
export const ELEMENTARY_CHARGE_C = 1.602176634e-19;
/** Faraday constant in kJ/(mol eV): 1 eV per particle = 96.485 332 12 kJ/mol (exact: N_A e / 1000). */
export const KJ_PER_MOL_PER_EV = 96.48533212;
/** Standard pressure p° = 1 bar (IUPAC), in Pa. */
export const STANDARD_PRESSURE_PA = 1e5;
/** Standard atmosphere, Pa (exact by definition). */
export const ATMOSPHERE_PA = 101325;
/** Zero of the Celsius scale, K (exact by definition). */
export const CELSIUS_ZERO_K = 273.15;
/** 1 Å³ per formula unit × N_A → cm³/mol conversion: 1 Å³ = 1e-24 cm³. */
export const CUBIC_ANGSTROM_IN_CM3 = 1e-24;
