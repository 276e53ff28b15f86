/** The bundled thermochemical tables under data/thermo/, each read once and kept. */
import { readFileSync } from "node:fs";

const cache = new Map<string, unknown>();

/** Parsed contents of data/thermo/NAME (JSON); the caller states its shape. */
export function thermoDataFile<T>(name: string): T {
  if (!cache.has(name))
    cache.set(name, JSON.parse(readFileSync(new URL(`../../data/thermo/${name}`, import.meta.url), "utf8")));
  return cache.get(name) as T;
}
