/**
 * The condition language of the classification rules (data/classify/rules/*.yaml):
 *   { field: "microscopy.overlayer", eq: "yes" } | { field, in: [...] } | { field, gte: n } | { field, lte: n }
 *   { field, present: true } | { fact: "trigger", eq: "oxidative" }
 *   { criterion: "C1", verdict: "met" } | { criterion: "C1", via: "lattice-oxygen" }
 *   { all: [...] } | { any: [...] } | { not: {...} } | { always: true }
 * Missing evidence reads as "unknown", never as "no".
 */
import { z } from "zod";

export type Scalar = string | number | boolean;

export type Condition =
  | { always: true }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { field: string; eq?: Scalar; in?: Scalar[]; gte?: number; lte?: number; present?: boolean }
  | { fact: string; eq?: Scalar; in?: Scalar[]; gte?: number; lte?: number; present?: boolean }
  | { criterion: string; verdict?: CriterionVerdict; via?: string };

export type CriterionVerdict = "met" | "not-met" | "unknown";

const scalar = z.union([z.string(), z.number(), z.boolean()]);
const comparison = {
  eq: scalar.optional(),
  in: z.array(scalar).optional(),
  gte: z.number().optional(),
  lte: z.number().optional(),
  present: z.boolean().optional(),
};

export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ always: z.literal(true) }).strict(),
    z.object({ all: z.array(ConditionSchema).min(1) }).strict(),
    z.object({ any: z.array(ConditionSchema).min(1) }).strict(),
    z.object({ not: ConditionSchema }).strict(),
    z.object({ field: z.string().min(1), ...comparison }).strict(),
    z.object({ fact: z.string().min(1), ...comparison }).strict(),
    z
      .object({
        criterion: z.string().min(1),
        verdict: z.enum(["met", "not-met", "unknown"]).optional(),
        via: z.string().optional(),
      })
      .strict(),
  ]),
) as z.ZodType<Condition>;

/** What a condition can look at while it is evaluated. */
export interface ConditionContext {
  field(path: string): unknown;
  fact(name: string): unknown;
  criterion(id: string): { verdict: CriterionVerdict; via: string[] } | undefined;
}

const UNKNOWN = "unknown";

function compare(
  value: unknown,
  c: { eq?: Scalar; in?: Scalar[]; gte?: number; lte?: number; present?: boolean },
) {
  const v = value === undefined || value === null ? UNKNOWN : value;
  if (c.present !== undefined && (v !== UNKNOWN) !== c.present) return false;
  if (c.eq !== undefined && v !== c.eq) return false;
  if (c.in !== undefined && !c.in.includes(v as Scalar)) return false;
  if (c.gte !== undefined && !(typeof v === "number" && v >= c.gte)) return false;
  if (c.lte !== undefined && !(typeof v === "number" && v <= c.lte)) return false;
  return true;
}

export function evaluate(c: Condition, ctx: ConditionContext): boolean {
  if ("always" in c) return true;
  if ("all" in c) return c.all.every((x) => evaluate(x, ctx));
  if ("any" in c) return c.any.some((x) => evaluate(x, ctx));
  if ("not" in c) return !evaluate(c.not, ctx);
  if ("field" in c) return compare(ctx.field(c.field), c);
  if ("fact" in c) return compare(ctx.fact(c.fact), c);
  const crit = ctx.criterion(c.criterion);
  if (!crit) return false;
  if (c.verdict !== undefined && crit.verdict !== c.verdict) return false;
  if (c.via !== undefined && !(crit.verdict === "met" && crit.via.includes(c.via))) return false;
  return true;
}

/** Every evidence field path and criterion id a condition mentions (for validating rule files). */
export function referencedNames(c: Condition): { fields: string[]; facts: string[]; criteria: string[] } {
  const out = { fields: [] as string[], facts: [] as string[], criteria: [] as string[] };
  const walk = (x: Condition): void => {
    if ("all" in x) x.all.forEach(walk);
    else if ("any" in x) x.any.forEach(walk);
    else if ("not" in x) walk(x.not);
    else if ("field" in x) out.fields.push(x.field);
    else if ("fact" in x) out.facts.push(x.fact);
    else if ("criterion" in x) out.criteria.push(x.criterion);
  };
  walk(c);
  return out;
}

/** Read a dotted path ("microscopy.overlayer") from a plain object. */
export function readPath(doc: unknown, path: string): unknown {
  let cur: unknown = doc;
  for (const key of path.split(".")) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}
