/**
 * CIF 1.1 syntax (Hall, Allen & Brown, Acta Cryst. A47, 655 (1991); IUCr CIF 1.1 specification):
 * data blocks, tag–value pairs, loops, quoted and `;` multi-line text fields, comments.
 * Produces blocks of raw values with their line numbers; interpretation lives in structure.ts.
 */
import { CifError } from "./errors.js";

export interface CifValue {
  text: string;
  line: number;
  /** Quoted or text-field values are never numbers or the `?`/`.` placeholders. */
  quoted: boolean;
}

export interface CifLoop {
  tags: string[];
  rows: CifValue[][];
  line: number;
}

export interface CifBlock {
  name: string;
  line: number;
  items: Map<string, CifValue>;
  loops: CifLoop[];
}

interface Token {
  kind: "data" | "loop" | "tag" | "value" | "save" | "global" | "stop";
  text: string;
  line: number;
  quoted: boolean;
}

/** Upper bound on input size: a CIF of a crystal structure is kilobytes; refuse megabytes of text. */
export const MAX_CIF_BYTES = 5_000_000;

/**
 * Characters a CIF may not contain (CIF 1.1 allows printable characters, tab and line ends; CIF 2.0
 * adds Unicode). A value holding one of these can be neither written nor read back.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: this pattern exists to find them
export const CIF_FORBIDDEN_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/**
 * The value of a `;` text field from the rest of its opening line and the lines up to the closing `;`.
 * When the opening line holds nothing (the usual `;` alone on its line) the value starts on the next line.
 * The CIF 2.0 text-prefix protocol is honoured (IUCr CIF 2.0, Bernstein et al., J. Appl. Cryst. 49, 277
 * (2016)): an opening line `;PREFIX\` means every line starts with PREFIX, which is removed; smsi's writer
 * uses it for values that could not otherwise be written (a line starting with `;`).
 */
function textFieldValue(first: string, body: string[]): string {
  const prefix = /^([^\\]+)\\$/.exec(first)?.[1];
  if (prefix !== undefined && body.every((l) => l.startsWith(prefix)))
    return body.map((l) => l.slice(prefix.length)).join("\n");
  if (first.trim() === "") return body.join("\n");
  return [first, ...body].join("\n");
}

function tokenize(text: string, fileName?: string): Token[] {
  if (text.length > MAX_CIF_BYTES)
    throw new CifError(
      "file",
      1,
      `CIF is larger than ${MAX_CIF_BYTES} characters; split it or trim it`,
      fileName,
    );
  const tokens: Token[] = [];
  const lines = text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .split("\n");
  const bad = lines.findIndex((l) => CIF_FORBIDDEN_CHARACTER.test(l));
  if (bad >= 0)
    throw new CifError(
      "file",
      bad + 1,
      `control character U+${lines[bad].charCodeAt(lines[bad].search(CIF_FORBIDDEN_CHARACTER)).toString(16).toUpperCase().padStart(4, "0")} in the text; a CIF holds printable text only`,
      fileName,
    );
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    const lineNo = i + 1;
    if (line.startsWith(";")) {
      // text field: until a line beginning with ';'
      const body: string[] = [];
      let j = i + 1;
      while (j < lines.length && !lines[j].startsWith(";")) body.push(lines[j++]);
      if (j >= lines.length)
        throw new CifError(
          "text field",
          lineNo,
          "unterminated ';' text field: the file ends before the closing ';'",
          fileName,
        );
      tokens.push({ kind: "value", text: textFieldValue(line.slice(1), body), line: lineNo, quoted: true });
      // anything after the closing ';' on its line is more tokens
      tokenizeLine(lines[j].slice(1), j + 1, tokens, fileName);
      i = j + 1;
      continue;
    }
    tokenizeLine(line, lineNo, tokens, fileName);
    i++;
  }
  return tokens;
}

function tokenizeLine(line: string, lineNo: number, tokens: Token[], fileName?: string): void {
  let p = 0;
  const n = line.length;
  while (p < n) {
    const c = line[p];
    if (c === " " || c === "\t") {
      p++;
      continue;
    }
    if (c === "#") return;
    if (c === "'" || c === '"') {
      // closing quote must be followed by whitespace or end of line
      let q = p + 1;
      while (q < n && !(line[q] === c && (q + 1 === n || line[q + 1] === " " || line[q + 1] === "\t"))) q++;
      if (q >= n) throw new CifError("quoted value", lineNo, `unterminated ${c}-quoted string`, fileName);
      tokens.push({ kind: "value", text: line.slice(p + 1, q), line: lineNo, quoted: true });
      p = q + 1;
      continue;
    }
    let q = p;
    while (q < n && line[q] !== " " && line[q] !== "\t") q++;
    const word = line.slice(p, q);
    const lower = word.toLowerCase();
    if (lower.startsWith("data_"))
      tokens.push({ kind: "data", text: word.slice(5), line: lineNo, quoted: false });
    else if (lower === "loop_") tokens.push({ kind: "loop", text: word, line: lineNo, quoted: false });
    else if (lower.startsWith("save_"))
      tokens.push({ kind: "save", text: word, line: lineNo, quoted: false });
    else if (lower === "global_") tokens.push({ kind: "global", text: word, line: lineNo, quoted: false });
    else if (lower === "stop_") tokens.push({ kind: "stop", text: word, line: lineNo, quoted: false });
    else if (word.startsWith("_")) tokens.push({ kind: "tag", text: lower, line: lineNo, quoted: false });
    else tokens.push({ kind: "value", text: word, line: lineNo, quoted: false });
    p = q;
  }
}

/** Parse CIF text into data blocks. */
export function parseCifBlocks(text: string, fileName?: string): CifBlock[] {
  const tokens = tokenize(text, fileName);
  const blocks: CifBlock[] = [];
  let block: CifBlock | undefined;
  let k = 0;
  const need = (t: Token): CifBlock => {
    if (!block)
      throw new CifError(
        t.text,
        t.line,
        "content before the first data_ block header; start the file with data_<name>",
        fileName,
      );
    return block;
  };
  while (k < tokens.length) {
    const t = tokens[k];
    switch (t.kind) {
      case "data":
        block = { name: t.text, line: t.line, items: new Map(), loops: [] };
        blocks.push(block);
        k++;
        break;
      case "tag": {
        const b = need(t);
        const v = tokens[k + 1];
        if (v?.kind !== "value")
          throw new CifError(
            t.text,
            t.line,
            `tag ${t.text} has no value (the file may be truncated)`,
            fileName,
          );
        b.items.set(t.text, { text: v.text, line: v.line, quoted: v.quoted });
        k += 2;
        break;
      }
      case "loop": {
        const b = need(t);
        const tags: string[] = [];
        k++;
        while (k < tokens.length && tokens[k].kind === "tag") tags.push(tokens[k++].text);
        if (tags.length === 0) throw new CifError("loop_", t.line, "loop_ without any tags", fileName);
        const values: CifValue[] = [];
        while (k < tokens.length && tokens[k].kind === "value") {
          values.push({ text: tokens[k].text, line: tokens[k].line, quoted: tokens[k].quoted });
          k++;
        }
        if (values.length === 0)
          throw new CifError(
            tags[0],
            t.line,
            `loop of ${tags.join(", ")} has no values (the file may be truncated)`,
            fileName,
          );
        if (values.length % tags.length !== 0)
          throw new CifError(
            tags[0],
            values[values.length - 1].line,
            `loop of ${tags.length} columns (${tags.join(", ")}) holds ${values.length} values, not a multiple of ${tags.length}: a row is incomplete (the file may be truncated)`,
            fileName,
          );
        const rows: CifValue[][] = [];
        for (let r = 0; r < values.length; r += tags.length) rows.push(values.slice(r, r + tags.length));
        b.loops.push({ tags, rows, line: t.line });
        break;
      }
      case "value":
        throw new CifError("value", t.line, `value "${t.text}" without a tag`, fileName);
      case "save":
      case "global":
      case "stop":
        throw new CifError(
          t.text,
          t.line,
          `${t.text} frames are not used in crystal-structure CIFs and are not supported`,
          fileName,
        );
    }
  }
  if (blocks.length === 0)
    throw new CifError("data_", 1, "no data_ block found: is this a CIF file?", fileName);
  return blocks;
}

/** Number from a CIF value, dropping a standard uncertainty in parentheses: "4.5937(2)" → 4.5937. */
export function cifNumber(v: CifValue | undefined): number | undefined {
  if (!v || v.quoted) return undefined;
  const t = v.text;
  if (t === "?" || t === ".") return undefined;
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)(?:\(\d+\))?$/.exec(t);
  return m ? Number(m[1]) : Number.NaN;
}

/** Find a loop that has one of the given tags. */
export function findLoop(block: CifBlock, ...tags: string[]): CifLoop | undefined {
  return block.loops.find((l) => tags.some((t) => l.tags.includes(t)));
}
