/** Physics of the coherence verdict: rutile is a better template than anatase for RuO2 and Ru. */
import { describe, expect, it } from "vitest";
import { VERDICT_RANK } from "../src/match/coherence.js";
import { matchInterfaces } from "../src/match/match.js";
import { resolveStructure } from "../src/materials/library.js";
import { loadReference, referenceStructure } from "./match-reference.js";

const ref = loadReference();
const fromRef = (f: string, s: string) =>
  matchInterfaces(referenceStructure(ref, f), referenceStructure(ref, s));
const fromLibrary = (f: string, s: string) => matchInterfaces(resolveStructure(f), resolveStructure(s));

describe("coherence verdict", () => {
  for (const [source, run] of [
    ["matches.json structures", fromRef],
    ["bundled material ids", fromLibrary],
  ] as const) {
    for (const film of ["RuO2", "Ru"]) {
      it(`${film}: TiO2-rutile gets a better verdict than TiO2-anatase (${source})`, () => {
        const rutile = run(film, "TiO2-rutile");
        const anatase = run(film, "TiO2-anatase");
        expect(VERDICT_RANK[rutile.coherence.verdict]).toBeLessThan(VERDICT_RANK[anatase.coherence.verdict]);
        expect(rutile.best!.area).toBeLessThan(anatase.best!.area);
      });
    }
  }

  it("RuO2 on rutile is coherent through the 1×1 (001)/(001) cell; on anatase it is incoherent", () => {
    const r = fromRef("RuO2", "TiO2-rutile");
    expect(r.coherence.verdict).toBe("coherent");
    expect(r.best!.area).toBeCloseTo(20.2, 1);
    expect(r.best!.areaInFilmCells).toBeCloseTo(1, 6);
    const a = fromRef("RuO2", "TiO2-anatase");
    expect(a.coherence.verdict).toBe("incoherent");
    expect(a.best!.area).toBeCloseTo(141.1, 1);
  });

  it("RuO2(110)/TiO2(110) has no 1×1 match at 3 % but its 4.8 % cell misfit is judged directly", () => {
    const r = matchInterfaces(referenceStructure(ref, "RuO2"), referenceStructure(ref, "TiO2-rutile"), {
      filmMillers: [[1, 1, 0]],
      substrateMillers: [[1, 1, 0]],
    });
    expect(r.best!.area).toBeGreaterThan(170);
    expect(r.millerPairs[0].lowIndexMisfit).toBeCloseTo(1 - 2.9587 / 3.1066, 3);
    expect(r.coherence.verdict).toBe("coherent");
  });

  it("Ru coincidence areas: 25.4 Å² on rutile vs 50.7 Å² on anatase", () => {
    expect(fromRef("Ru", "TiO2-rutile").best!.area).toBeCloseTo(25.36, 2);
    expect(fromRef("Ru", "TiO2-anatase").best!.area).toBeCloseTo(50.73, 2);
  });

  it("thresholds are overridable", () => {
    const strict = matchInterfaces(referenceStructure(ref, "RuO2"), referenceStructure(ref, "TiO2-rutile"), {
      coherence: { coherentMaxMisfit: 0.01, semicoherentMaxMisfit: 0.02, coincidenceMaxCells: 0.5 },
    });
    expect(strict.coherence.verdict).toBe("incoherent");
  });
});
