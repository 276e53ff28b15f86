/** A progress bar on stderr: done / total, rate and ETA (redrawn in place on a terminal, a line every few seconds otherwise). */

/** Least time between two progress lines when stderr is not a terminal, ms. */
export const PROGRESS_LINE_INTERVAL_MS = 5_000;
/** Least time between two redraws on a terminal, ms. */
const TTY_REDRAW_MS = 100;
const BAR_WIDTH = 30;

function clock(s: number): string {
  if (!Number.isFinite(s)) return "--:--";
  const m = Math.floor(s / 60);
  const h = Math.floor(m / 60);
  const ss = String(Math.floor(s % 60)).padStart(2, "0");
  return h ? `${h}:${String(m % 60).padStart(2, "0")}:${ss}` : `${m}:${ss}`;
}

export function progressLine(done: number, total: number, seconds: number): string {
  const f = total ? Math.min(1, done / total) : 1;
  const rate = seconds > 0 ? done / seconds : 0;
  const eta = rate > 0 ? (total - done) / rate : Number.POSITIVE_INFINITY;
  const n = Math.round(f * BAR_WIDTH);
  return `[${"#".repeat(n)}${".".repeat(BAR_WIDTH - n)}] ${done}/${total} ${(100 * f).toFixed(1)}%  ${rate.toFixed(0)}/s  ETA ${clock(eta)}`;
}

export class ProgressBar {
  private readonly start = performance.now();
  private last = 0;
  constructor(
    private readonly total: number,
    private readonly stream: { write(s: string): unknown; isTTY?: boolean } = process.stderr,
  ) {}

  update(done: number, force = false) {
    const now = performance.now();
    const every = this.stream.isTTY ? TTY_REDRAW_MS : PROGRESS_LINE_INTERVAL_MS;
    if (!force && now - this.last < every) return;
    this.last = now;
    const line = progressLine(done, this.total, (now - this.start) / 1000);
    this.stream.write(this.stream.isTTY ? `\r${line}` : `${line}\n`);
  }

  finish(done: number) {
    this.update(done, true);
    if (this.stream.isTTY) this.stream.write("\n");
  }
}
