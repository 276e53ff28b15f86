/**
 * Strain of a coincidence match as pymatgen's SubstrateAnalyzer reports it: the deformation F maps
 * the film supercell (f₁', f₂', f₁'×f₂') onto the substrate supercell (s₁', s₂', n̂ₛ‖f₁'×f₂'‖), the
 * Green–Lagrange strain is E = ½(FᵀF − I), and the von Mises strain is √(2/3 · e'ᵢⱼe'ᵢⱼ) with e' the
 * deviatoric part of the 3×3 E (pymatgen `Strain.von_mises_strain`). The normal direction is
 * unstrained by construction, so E is block-diagonal and is evaluated here in 2-D: the frame has x
 * along f₁' and y in the film plane. Rotations do not change the von Mises strain.
 */
import type { Basis2 } from "./zsl.js";

export interface MatchStrain {
  /** 2-D Green–Lagrange strain in the film frame (x ∥ f₁', y in plane), [[exx, exy], [exy, eyy]]. */
  tensor: [[number, number], [number, number]];
  /** pymatgen's von Mises strain of the 3×3 tensor (E₃₃ = 0). */
  vonMises: number;
  /** Principal linear misfits λ − 1 of the in-plane stretch (λ = √eig(FᵀF)), ascending. */
  principalMisfits: [number, number];
}

/** In-plane coordinates (x along v1, y ⟂ in the plane, right-handed about v1 × v2). */
function planeCoords(v: Basis2): [number, number, number] {
  const [a, b] = v;
  const la = Math.sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]);
  const bx = (a[0] * b[0] + a[1] * b[1] + a[2] * b[2]) / la;
  const c0 = a[1] * b[2] - a[2] * b[1];
  const c1 = a[2] * b[0] - a[0] * b[2];
  const c2 = a[0] * b[1] - a[1] * b[0];
  const by = Math.sqrt(c0 * c0 + c1 * c1 + c2 * c2) / la;
  return [la, bx, by];
}

/** Green–Lagrange strain and von Mises strain of film supercell → substrate supercell. */
export function matchStrain(film: Basis2, substrate: Basis2): MatchStrain {
  // Film basis columns (fa, 0), (fbx, fby); substrate columns (sa, 0), (sbx, sby).
  const [fa, fbx, fby] = planeCoords(film);
  const [sa, sbx, sby] = planeCoords(substrate);
  // F = S · Bf⁻¹, Bf = [[fa, fbx], [0, fby]] → Bf⁻¹ = [[1/fa, −fbx/(fa fby)], [0, 1/fby]]
  const i00 = 1 / fa;
  const i01 = -fbx / (fa * fby);
  const i11 = 1 / fby;
  const F00 = sa * i00;
  const F01 = sa * i01 + sbx * i11;
  const F10 = 0;
  const F11 = sby * i11;
  const C00 = F00 * F00 + F10 * F10;
  const C01 = F00 * F01 + F10 * F11;
  const C11 = F01 * F01 + F11 * F11;
  const exx = 0.5 * (C00 - 1);
  const exy = 0.5 * C01;
  const eyy = 0.5 * (C11 - 1);
  const tr = exx + eyy;
  const sumSq = exx * exx + eyy * eyy + 2 * exy * exy;
  const dev = sumSq - (tr * tr) / 3;
  const vonMises = Math.sqrt(Math.max(0, dev) * (2 / 3));
  const mean = 0.5 * (C00 + C11);
  const rad = Math.sqrt(0.25 * (C00 - C11) * (C00 - C11) + C01 * C01);
  const l1 = Math.sqrt(Math.max(0, mean - rad)) - 1;
  const l2 = Math.sqrt(mean + rad) - 1;
  return {
    tensor: [
      [exx, exy],
      [exy, eyy],
    ],
    vonMises,
    principalMisfits: [l1, l2],
  };
}
