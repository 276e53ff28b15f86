/** Downloads: JSON, CSV, SVG and PNG (2× and 4× for slides). */

export function download(name: string, data: Blob | string, type = "application/octet-stream"): void {
  const blob = typeof data === "string" ? new Blob([data], { type }) : data;
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadJson(name: string, doc: unknown): void {
  download(name, `${JSON.stringify(doc, null, 2)}\n`, "application/json");
}

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? "" : typeof v === "object" ? JSON.stringify(v) : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: Record<string, unknown>[], columns?: string[]): string {
  const cols = columns ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return `${[cols.join(","), ...rows.map((r) => cols.map((c) => csvCell(r[c])).join(","))].join("\n")}\n`;
}

/**
 * A nested JSON document as rows of { path, value } (e.g. `result.rationale.0.verdict`), one per leaf:
 * the CSV of a document that has no natural table.
 */
export function leafRows(doc: unknown, path = ""): { path: string; value: unknown }[] {
  if (doc !== null && typeof doc === "object") {
    const entries = Array.isArray(doc) ? doc.map((v, i) => [String(i), v] as const) : Object.entries(doc);
    if (entries.length === 0) return [{ path, value: Array.isArray(doc) ? "[]" : "{}" }];
    return entries.flatMap(([k, v]) => leafRows(v, path ? `${path}.${k}` : k));
  }
  return [{ path, value: doc }];
}

export function downloadCsv(name: string, rows: Record<string, unknown>[], columns?: string[]): void {
  download(name, toCsv(rows, columns), "text/csv");
}

/** Rasterise an SVG string in the browser at `scale` × its own size. */
export async function svgToPng(svg: string, scale: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  try {
    const img = new Image();
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error("the SVG could not be drawn"));
      img.src = url;
    });
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(img.naturalWidth * scale);
    canvas.height = Math.round(img.naturalHeight * scale);
    const ctx = canvas.getContext("2d")!;
    ctx.fillStyle = "white";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("PNG encoding failed"))), "image/png"),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
