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
  /** Descriptors without data (they lower the likelihood). */
  missing: string[];
  assumptions: string[];
  adapter?: string;
}

import type { InterfaceScene as Scene } from "../../src/server/scene-types.js";

/** The interface scene's shapes, shared with the server (src/server/scene-types.ts: plain types only). */
export type { Scene };
export type { SceneBox, SceneSlab, SceneUnitCell, Vec3 } from "../../src/server/scene-types.js";

interface GateRelationship {
  filmPlane: string;
  substratePlane: string;
  verdict: string;
  misfit: number;
  sigma: number;
  area_A2: number;
  reason: string;
}

export interface InterfaceView {
  runId: string;
  /** The interface gate (src/match/gate.ts): every relationship searched, for the metal and its oxide. */
  gate: {
    metal: string;
    support: string;
    relationships: GateRelationship[];
    chosen: GateRelationship;
    oxide: {
      formula: string;
      id: string;
      relationships: GateRelationship[];
      chosen: GateRelationship;
    } | null;
    oxideNote: string | null;
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
