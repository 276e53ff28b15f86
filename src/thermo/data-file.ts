/** The bundled thermochemical tables under data/thermo/, each read once and kept. */
import { readFileSync } from "node:fs";

const cache = new Map<string, unknown>();

/** Parsed contents of data/thermo/NAME (JSON); the caller states its shape. */
export function thermoDataFile<T>(name: string): T {
  if (!cache.has(name))
    cache.set(name, JSON.parse(readFileSync(new URL(`../../data/thermo/${name}`, import.meta.url), "utf8")));
  return cache.get(name) as T;
}

let generation = 0;
/** Bumped whenever user rows change the data (setThermoOverrides, setVacancyEntries): caches key on it. */
export function thermoDataGeneration(): number {
  return generation;
}
export function bumpThermoDataGeneration(): void {
  generation++;
}

/** A Map that empties itself when the thermo data change or when it grows past `max` entries. */
export class DataCache<V> {
  private map = new Map<string, V>();
  private gen = -1;
  constructor(private readonly max = 5000) {}
  get(key: string): V | undefined {
    if (this.gen !== generation) {
      this.map.clear();
      this.gen = generation;
    }
    return this.map.get(key);
  }
  set(key: string, value: V): void {
    if (this.map.size >= this.max) this.map.clear();
    this.map.set(key, value);
  }
}
