/** CIF texts shared by the CIF tests and the CIF fuzz target (as seed). */
/** Rutile by its Hermann–Mauguin symbol alone (Howard, Sabine & Dickson, Acta Cryst. B47, 462 (1991) style). */
export const RUTILE = `# rutile, symbol only
data_rutile
_cell_length_a 4.5937(2)
_cell_length_b 4.5937(2)
_cell_length_c 2.9587(1)
_cell_angle_alpha 90
_cell_angle_beta 90
_cell_angle_gamma 90
_symmetry_space_group_name_H-M 'P 42/m n m'
_journal_name_full
;
Acta Crystallographica B
;
loop_
_atom_site_label
_atom_site_type_symbol
_atom_site_fract_x
_atom_site_fract_y
_atom_site_fract_z
_atom_site_occupancy
Ti1 Ti4+ 0 0 0 1.0
O1 O2- 0.30478(6) 0.30478(6) 0 1.0
`;
