/** Parse a symmetry operation in CIF xyz form: "x+1/2,-y,z", "1/2+x, y-x, -z+0.25". */
import type { SymmetryOperation } from "../symmetry.js";
import type { Mat3, Vec3 } from "../vector.js";

/** Returns undefined when the text is not a valid operation. */
export function parseSymmetryOperation(text: string): SymmetryOperation | undefined {
  const parts = text.replace(/\s+/g, "").toLowerCase().split(",");
  if (parts.length !== 3) return undefined;
  const rotation: Mat3 = [
    [0, 0, 0],
    [0, 0, 0],
    [0, 0, 0],
  ];
  const translation: Vec3 = [0, 0, 0];
  for (let row = 0; row < 3; row++) {
    const expr = parts[row];
    if (!expr) return undefined;
    const terms = expr.match(/[+-]?[^+-]+/g);
    if (!terms || terms.join("") !== expr) return undefined;
    for (const term of terms) {
      const sign = term.startsWith("-") ? -1 : 1;
      const body = term.replace(/^[+-]/, "");
      const axis = /^(\d*\.?\d*(?:\/\d+)?)\*?([xyz])$/.exec(body);
      if (axis) {
        const coef = axis[1] === "" ? 1 : fraction(axis[1]);
        if (coef === undefined) return undefined;
        rotation[row]["xyz".indexOf(axis[2])] += sign * coef;
        continue;
      }
      const value = fraction(body);
      if (value === undefined) return undefined;
      translation[row] += sign * value;
    }
  }
  return { rotation, translation };
}

function fraction(s: string): number | undefined {
  const m = /^(\d+\.?\d*|\.\d+)(?:\/(\d+\.?\d*))?$/.exec(s);
  if (!m) return undefined;
  const v = m[2] === undefined ? Number(m[1]) : Number(m[1]) / Number(m[2]);
  return Number.isFinite(v) ? v : undefined;
}

/** Write an operation back to xyz form, e.g. "-y+1/2,x,z+1/4". */
export function formatSymmetryOperation(op: SymmetryOperation): string {
  const rows: string[] = [];
  for (let r = 0; r < 3; r++) {
    let s = "";
    for (let c = 0; c < 3; c++) {
      const k = op.rotation[r][c];
      if (k === 0) continue;
      const name = "xyz"[c];
      if (k === 1) s += s ? `+${name}` : name;
      else if (k === -1) s += `-${name}`;
      else s += `${k > 0 && s ? "+" : ""}${k}*${name}`;
    }
    const t = op.translation[r] - Math.floor(op.translation[r]);
    if (Math.abs(t) > 1e-9) s += `+${fractionText(t)}`;
    rows.push(s || "0");
  }
  return rows.join(",");
}

function fractionText(t: number): string {
  for (const d of [2, 3, 4, 6, 8, 12]) {
    const n = Math.round(t * d);
    if (Math.abs(n / d - t) < 1e-9) return `${n}/${d}`;
  }
  return String(t);
}
