/** The JSON API, typed where the UI reads fields. */

export interface ApiError {
  statusCode: number;
  error: string;
  field?: string;
  message: string;
}

export class ApiFailure extends Error {
  constructor(readonly body: ApiError) {
    super(body.message);
  }
}

async function handle<T>(r: Response): Promise<T> {
  if (!r.ok) {
    let body: ApiError;
    try {
      body = await r.json();
    } catch {
      body = { statusCode: r.status, error: r.statusText, message: `${r.status} ${r.statusText}` };
    }
    throw new ApiFailure(body);
  }
  return r.json() as Promise<T>;
}

export async function post<T>(url: string, body: unknown): Promise<T> {
  return handle<T>(
    await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
  );
}

export async function get<T>(url: string): Promise<T> {
  return handle<T>(await fetch(url));
}

export async function del<T>(url: string): Promise<T> {
  return handle<T>(await fetch(url, { method: "DELETE" }));
}

/** POST returning a file (SVG, PNG, CIF, POSCAR). */
export async function postBlob(url: string, body: unknown): Promise<Blob> {
  const r = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!r.ok) await handle(r);
  return r.blob();
}

export interface MaterialEntry {
  id: string;
  formula: string;
  name: string;
  phase: string;
  role: "metal" | "metal-oxide" | "support";
}

export interface RationaleRow {
  descriptor: string;
  value: number | string | null;
  unit: string;
  threshold: string;
  source: string;
  verdict: string;
}

export interface Prediction {
  runId: string;
  metal: string;
  support: string;
  conditions: { gas: string; temperature_K: number; deltaMuO_eV: number; pO2_bar: number };
  class: string;
  trigger: string | null;
  likelihood: number;
  ranked: { class: string; trigger: string | null; likelihood: number; met: number; of: number }[];
  phenomena: string[];
  consequences: string[];
  rationale: RationaleRow[];
  assumptions: string[];
  adapter?: string;
}

export type Vec3 = [number, number, number];

export interface Scene {
  film: string;
  substrate: string;
  filmMiller: number[];
  substrateMiller: number[];
  frame: string;
  atoms: { element: string; label: string; slab: "film" | "substrate"; position: Vec3 }[];
  supercell: { origin: Vec3; vectors: [Vec3, Vec3, Vec3]; label: string };
  unitCell: {
    origin: Vec3;
    vectors: [Vec3, Vec3, Vec3];
    kind: string;
    of: string;
    label: string;
    axisLabels: { text: string; position: Vec3 }[];
  };
  primitiveSurfaceCells: { film: number; substrate: number; note: string };
}

export interface InterfaceView {
  runId: string;
  match: {
    film: string;
    substrate: string;
    filmMiller: number[];
    substrateMiller: number[];
    area_A2: number;
    substrateArea_A2: number;
    cellsFilm: number;
    cellsSubstrate: number;
    vonMisesStrain: number;
    verdict: string;
    overallVerdict: string;
    reasons: string[];
  };
  scene: Scene;
}

export interface JobInfo {
  id: string;
  kind: string;
  status: "queued" | "running" | "done" | "failed" | "cancelled";
  progress: number;
  message: string;
  error: string | null;
}

export interface JobEvent {
  type: string;
  status: string;
  progress: number;
  message: string;
  result?: unknown;
  error?: string;
  /** Job-specific progress data (the simulate job: `{ points }`, the curve so far). */
  data?: unknown;
}

let materialsCache: Promise<MaterialEntry[]> | null = null;
export function materials(): Promise<MaterialEntry[]> {
  materialsCache ??= get<{ materials: MaterialEntry[] }>("/api/materials").then((r) => r.materials);
  return materialsCache;
}
