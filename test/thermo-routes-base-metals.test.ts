/**
 * Base metals (Ni, Co, Cu) grow an oxide film at room temperature in air (Cabrera & Mott 1949): the
 * top-down route's incorporation step must then be fast, so in air at 500 °C on supports whose
 * interface is not coherent with the metal's oxide they oxidise from the gas side, not from the
 * support. Held across the derived bound's range (0.5–0.89 eV, data/thermo/oxygen-landscape.json)
 * and a range of gas pressures; Ru on rutile (coherent) keeps the interface route.
 */
import { describe, expect, it } from "vitest";
import { oxygenRoutes } from "../src/thermo/routes.js";

const semi = { verdict: "semi-coherent" as const, strain: 0.07, source: "test" };
const coherent = { verdict: "coherent" as const, strain: 0.048, source: "test" };

describe("top-down oxidation of base metals", () => {
  for (const penetrationBarrier_eV of [0.5, 0.7, 0.89])
    for (const pO2_bar of [0.21, 1])
      it(`penetration ${penetrationBarrier_eV} eV, p_O2 ${pO2_bar} bar: Ni, Co, Cu on anatase and CeO2 oxidise top-down; Ru/rutile bottom-up`, () => {
        for (const metal of ["Ni", "Co", "Cu"])
          for (const support of ["TiO2-anatase", "CeO2"]) {
            const r = oxygenRoutes({
              metal,
              support,
              temperature_K: 773.15,
              atmosphere: { kind: "O2", pO2_bar },
              gate: semi,
              overrides: { penetrationBarrier_eV },
            });
            expect(r.oxidationDownhill).toBe(true);
            expect(r.dominantRoute, `${metal}/${support}`).toBe("surface");
          }
        const ru = oxygenRoutes({
          metal: "Ru",
          support: "TiO2-rutile",
          temperature_K: 723.15,
          atmosphere: { kind: "O2", pO2_bar },
          gate: coherent,
        });
        expect(ru.dominantRoute).toBe("interface");
      });

  it("the bound is what the data say: Ni, Co, Fe, Cu carry a per-metal penetration barrier ≤ 0.89 eV, Ru the global 1.9 eV", async () => {
    const { readFileSync } = await import("node:fs");
    const doc = JSON.parse(
      readFileSync(new URL("../data/thermo/oxygen-landscape.json", import.meta.url), "utf8"),
    );
    for (const m of ["Ni", "Co", "Fe", "Cu"]) {
      const v = doc.metals[m].penetrationBarrier_eV;
      expect(v.value).toBeLessThanOrEqual(0.89);
      // the bound: a step at 298 K with ν = 1e13 /s finishing within 100 s
      expect(0.89).toBeCloseTo(8.617333e-5 * 298.15 * Math.log(1e15), 1);
    }
    expect(doc.metals.Ru?.penetrationBarrier_eV).toBeUndefined();
    expect(doc.global.penetrationBarrier_eV.value).toBe(1.9);
  });
});
