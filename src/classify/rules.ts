/**
 * Load the classification rules — criteria, classes, experiments, reducible supports — from the
 * YAML files in data/classify/rules (a chemist can read and edit them). Every rule is validated:
 * unknown evidence fields or criteria in a condition fail loudly at load time.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { InputError } from "../units/errors.js";
import { type Condition, ConditionSchema, referencedNames } from "./conditions.js";
import { Evidence } from "./schema.js";

export const DEFAULT_RULES_DIR = fileURLToPath(new URL("../../data/classify/", import.meta.url));

const CriterionRule = z
  .object({
    id: z.string().min(1),
    verdict: z.enum(["met", "not-met"]),
    basis: z.enum(["direct", "inferred"]),
    via: z.string().optional(),
    evidence: z.string().min(1),
    cites: z.string().min(1),
    when: ConditionSchema,
  })
  .strict();
export type CriterionRule = z.infer<typeof CriterionRule>;

const CriterionFile = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    cites: z.string().min(1),
    rules: z.array(CriterionRule),
  })
  .strict();
export type CriterionDefinition = z.infer<typeof CriterionFile>;

export const CLASS_NAMES = ["SE-SMSI", "BP-SMSI", "EMSI", "CMSI", "none", "indeterminate"] as const;
export type SmsiClass = (typeof CLASS_NAMES)[number];
export const STRENGTHS = ["weak", "moderate", "strong", "unknown"] as const;
export type Strength = (typeof STRENGTHS)[number];

const Dimensions = z
  .object({
    migratingSpecies: z.string(),
    migrationPathway: z.string(),
    structuralCharacteristics: z.string(),
    corePremise: z.string(),
    performanceRegulation: z.string(),
  })
  .strict();
export type Dimensions = z.infer<typeof Dimensions>;

const ClassRule = z
  .object({
    id: z.string().min(1),
    class: z.enum(CLASS_NAMES),
    strength: z.enum(STRENGTHS),
    trigger: z.literal("fromTreatment").optional(),
    outOfScheme: z.string().optional(),
    cites: z.string().min(1),
    when: ConditionSchema,
  })
  .strict();
export type ClassRule = z.infer<typeof ClassRule>;

const ClassesFile = z
  .object({
    sources: z.record(z.string(), z.string()),
    classes: z.array(ClassRule).min(1),
    dimensions: z.record(z.enum(CLASS_NAMES), Dimensions),
  })
  .strict();

const Experiment = z
  .object({ experiment: z.string(), why: z.string(), wouldDistinguish: z.string(), when: ConditionSchema })
  .strict();
export type Experiment = z.infer<typeof Experiment>;

const SupportEntry = z
  .object({
    name: z.string(),
    pattern: z.string(),
    reducible: z.boolean(),
    source: z.string(),
    verify: z.boolean().optional(),
  })
  .strict();
const SupportsFile = z
  .object({ sources: z.record(z.string(), z.string()), supports: z.array(SupportEntry) })
  .strict();

export interface ReducibleSupport {
  name: string;
  pattern: RegExp;
  reducible: boolean;
  source: string;
  verify: boolean;
}

export interface RuleSet {
  criteria: CriterionDefinition[];
  classes: ClassRule[];
  dimensions: Partial<Record<SmsiClass, Dimensions>>;
  experiments: Experiment[];
  supports: ReducibleSupport[];
}

/** Facts derived from the evidence that rules may use (see facts.ts). */
export const FACT_NAMES = ["trigger", "supportReducible", "hotReduction"] as const;

function readYaml<T>(schema: z.ZodType<T>, path: string): T {
  let doc: unknown;
  try {
    doc = parseYaml(readFileSync(path, "utf8"));
  } catch (e) {
    throw new InputError(path, `cannot read rule file: ${e instanceof Error ? e.message : String(e)}`);
  }
  const r = schema.safeParse(doc);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new InputError(`${path}: ${issue.path.join(".")}`, issue.message);
  }
  return r.data;
}

/** Does the evidence schema have this dotted field path? */
export function evidenceHasField(path: string): boolean {
  let schema: unknown = Evidence;
  for (const key of path.split(".")) {
    schema = unwrap(schema);
    const shape = (schema as { shape?: Record<string, unknown> }).shape;
    if (!shape || !(key in shape)) return false;
    schema = shape[key];
  }
  return true;
}

function unwrap(schema: unknown): unknown {
  let s = schema as { _zod?: { def?: { innerType?: unknown } } };
  while (s?._zod?.def?.innerType) s = s._zod.def.innerType as typeof s;
  return s;
}

function checkCondition(c: Condition, where: string, criteria: Set<string>): void {
  const refs = referencedNames(c);
  for (const f of refs.fields)
    if (!evidenceHasField(f))
      throw new InputError(where, `unknown evidence field "${f}" in a rule condition`);
  for (const f of refs.facts)
    if (!(FACT_NAMES as readonly string[]).includes(f))
      throw new InputError(where, `unknown fact "${f}"; known facts: ${FACT_NAMES.join(", ")}`);
  for (const id of refs.criteria)
    if (!criteria.has(id)) throw new InputError(where, `unknown criterion "${id}"`);
}

export function loadRuleSet(dir = DEFAULT_RULES_DIR): RuleSet {
  const criteriaDir = join(dir, "rules", "criteria");
  const criteria = readdirSync(criteriaDir)
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .map((f) => readYaml(CriterionFile, join(criteriaDir, f)));
  const ids = new Set(criteria.map((c) => c.id));
  const classesFile = readYaml(ClassesFile, join(dir, "rules", "classes", "classes.yaml"));
  const experiments = readYaml(
    z.object({ experiments: z.array(Experiment) }).strict(),
    join(dir, "rules", "experiments.yaml"),
  ).experiments;
  const supportsFile = readYaml(SupportsFile, join(dir, "reducible-supports.yaml"));

  for (const c of criteria)
    for (const r of c.rules) checkCondition(r.when, `criterion ${c.id} rule ${r.id}`, ids);
  for (const r of classesFile.classes) checkCondition(r.when, `class rule ${r.id}`, ids);
  for (const e of experiments) checkCondition(e.when, `experiment "${e.experiment}"`, ids);
  const last = classesFile.classes.at(-1);
  if (!last || !("always" in last.when))
    throw new InputError("classes.yaml", "the last class rule must be `when: { always: true }` (a fallback)");

  const supports = supportsFile.supports.map((s) => {
    const source = supportsFile.sources[s.source];
    if (!source)
      throw new InputError("reducible-supports.yaml", `support ${s.name}: unknown source key ${s.source}`);
    return {
      name: s.name,
      pattern: new RegExp(s.pattern, "i"),
      reducible: s.reducible,
      source,
      verify: !!s.verify,
    };
  });
  return {
    criteria,
    classes: classesFile.classes,
    dimensions: classesFile.dimensions,
    experiments,
    supports,
  };
}

let cached: RuleSet | undefined;
/** The bundled rule set, loaded once. */
export function bundledRuleSet(): RuleSet {
  cached ??= loadRuleSet();
  return cached;
}
