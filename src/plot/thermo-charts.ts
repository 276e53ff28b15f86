/** Charts of the thermo module: the Ellingham diagram and the five-region μ_O profile. */
import { ellinghamGibbs, resolveOxide } from "../thermo/ellingham.js";
import type { MuOProfile } from "../thermo/profile.js";
import type { Kelvin } from "../units/quantities.js";
import { type PlotSeries, renderPlot } from "./render.js";

export interface EllinghamLine {
  oxide: string;
  phase: string;
  cpIncluded: boolean;
  points: { T_K: Kelvin; dG_kJ_per_mol_O2: number }[];
}

/** ΔG°_f per mol O2 of each oxide on a temperature grid. */
export function ellinghamLines(
  oxides: string[],
  tMin: Kelvin = 300,
  tMax: Kelvin = 2000,
  step: Kelvin = 25,
): EllinghamLine[] {
  return oxides.map((o) => {
    const { formula, phase } = resolveOxide(o, "--oxides");
    const first = ellinghamGibbs(formula, tMin, phase);
    const points: EllinghamLine["points"] = [];
    for (let T = tMin; T <= tMax + 1e-9; T += step)
      points.push({ T_K: T, dG_kJ_per_mol_O2: ellinghamGibbs(formula, T, phase).dG_kJ_per_mol_O2 });
    return { oxide: formula, phase: phase ?? "", cpIncluded: first.cpIncluded, points };
  });
}

/** SVG Ellingham diagram. */
export function ellinghamSvg(lines: EllinghamLine[]): string {
  const series: PlotSeries[] = lines.map((l) => ({
    name: l.phase && l.oxide === "TiO2" ? `${l.oxide} (${l.phase})` : l.oxide,
    points: l.points.map((p) => ({ x: p.T_K, y: p.dG_kJ_per_mol_O2 })),
    labelEnd: true,
  }));
  return renderPlot({
    title: "Ellingham diagram",
    subtitle:
      "ΔG°f per mol O2 (p° = 1 bar); ΔCp = 0 except Cu oxides (NIST Shomate); PdO, IrO2, Rh2O3 from measured ΔG°f(T) lines — smsi thermo",
    width: 820,
    height: 560,
    x: { label: "Temperature T (K)" },
    y: { label: "ΔG°f (kJ/mol O2)" },
    series,
  });
}

/** SVG of the five-region μ_O profile. */
export function profileSvg(p: MuOProfile): string {
  const names = p.regions.map((r) => r.region);
  return renderPlot({
    title: `μ_O profile: ${p.metal}/${p.support} (${p.supportPhase}) at ${p.temperature_K.toFixed(1)} K`,
    subtitle: `gas Δμ_O = ${p.gasDeltaMuO_eV.toFixed(3)} eV (p_O2 = ${p.pO2_bar.toExponential(2)} bar); O flow: ${p.direction}, driving force ${p.drivingForce_eV.toFixed(3)} eV/O`,
    width: 820,
    height: 480,
    x: { label: "region", kind: "point", domain: names },
    y: { label: "Δμ_O (eV per O, vs ½ E_O2)" },
    series: [
      {
        name: "Δμ_O",
        points: p.regions.map((r) => ({ x: r.region, y: r.deltaMuO_eV })),
      },
    ],
    markers: true,
    valueLabels: 3,
    rules: [{ y: p.gasDeltaMuO_eV, label: "gas" }],
  });
}
