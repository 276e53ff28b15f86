import { useSignal } from "@preact/signals";
import { useEffect, useRef } from "preact/hooks";
import {
  type InterfaceView,
  type MaterialEntry,
  type Scene,
  type Vec3,
  materials,
  post,
  postBlob,
} from "../api";
import { ErrorBox, ExportBar, Field, JobPanel, MaterialSelect, errorText, fmt } from "../common";
import { download } from "../export";

type Viewer = import("3dmol").GLViewer;

const UNIT_CELL_COLOUR = "#1f5fbf";
const SUPERCELL_COLOUR = "#d9730d";

const xyz = (v: Vec3) => ({ x: v[0], y: v[1], z: v[2] });
const add = (a: Vec3, b: Vec3): Vec3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];

/** The 12 edges of the parallelepiped spanned by three vectors from an origin. */
function boxEdges(origin: Vec3, [a, b, c]: [Vec3, Vec3, Vec3]): [Vec3, Vec3][] {
  const corners = (i: number): Vec3 => {
    let p = origin;
    if (i & 1) p = add(p, a);
    if (i & 2) p = add(p, b);
    if (i & 4) p = add(p, c);
    return p;
  };
  const edges: [Vec3, Vec3][] = [];
  for (let i = 0; i < 8; i++)
    for (const bit of [1, 2, 4]) if (!(i & bit)) edges.push([corners(i), corners(i | bit)]);
  return edges;
}

/** In-plane repeats of the coincidence cell shown, so that a small cell still shows its lattice (display only). */
const MIN_SHOWN_WIDTH_A = 10;
const MAX_REPEAT = 3;

function repeats(scene: Scene): [number, number] {
  const [a, b] = scene.supercell.vectors;
  const la = Math.hypot(...a);
  // height of the cell across a (b's component perpendicular to a)
  const hb = Math.abs(a[0] * b[1] - a[1] * b[0]) / la;
  const n = (l: number) => Math.min(MAX_REPEAT, Math.max(1, Math.ceil(MIN_SHOWN_WIDTH_A / l)));
  return [n(la), n(hb)];
}

export type ElementColours = Record<string, string>;

/** Rotation quaternion [x, y, z, w] of `deg` degrees about a model axis. */
function quaternion(deg: number, axis: 0 | 1 | 2): [number, number, number, number] {
  const h = (deg * Math.PI) / 360;
  const q: [number, number, number, number] = [0, 0, 0, Math.cos(h)];
  q[axis] = Math.sin(h);
  return q;
}

function multiply(a: number[], b: number[]): [number, number, number, number] {
  return [
    a[3] * b[0] + a[0] * b[3] + a[1] * b[2] - a[2] * b[1],
    a[3] * b[1] - a[0] * b[2] + a[1] * b[3] + a[2] * b[0],
    a[3] * b[2] + a[0] * b[1] - a[1] * b[0] + a[2] * b[3],
    a[3] * b[3] - a[0] * b[0] - a[1] * b[1] - a[2] * b[2],
  ];
}

/** Initial view: the interface seen from the side and a little from above (film up), turned 25° in-plane. */
const VIEW_TILT_DEG = -75;
const VIEW_TURN_DEG = 25;

async function drawScene(
  el: HTMLElement,
  scene: Scene,
  onPick: (text: string) => void,
): Promise<{ viewer: Viewer; colours: ElementColours }> {
  const $3Dmol = await import("3dmol");
  el.innerHTML = "";
  const viewer = $3Dmol.createViewer(el, { backgroundColor: "white", antialias: true } as never);
  const model = viewer.addModel();
  const [na, nb] = repeats(scene);
  const [A, B] = scene.supercell.vectors;
  const shown: { atom: Scene["atoms"][number]; position: Vec3; cell: [number, number] }[] = [];
  for (let i = 0; i < na; i++)
    for (let j = 0; j < nb; j++)
      for (const atom of scene.atoms)
        shown.push({
          atom,
          cell: [i, j],
          position: add(atom.position, add(A.map((x) => x * i) as Vec3, B.map((x) => x * j) as Vec3)),
        });
  model.addAtoms(
    shown.map((a, k) => ({
      elem: a.atom.element,
      x: a.position[0],
      y: a.position[1],
      z: a.position[2],
      serial: k,
      index: k,
    })) as never,
  );
  viewer.setStyle({}, { sphere: { scale: 0.3, colorscheme: "Jmol" } } as never);
  viewer.setClickable({}, true, (atom: { serial: number }) => {
    const a = shown[atom.serial];
    if (!a) return;
    const [x, y, z] = a.position;
    onPick(
      `${a.atom.element} (${a.atom.label}, ${a.atom.slab}) at x = ${x.toFixed(3)}, y = ${y.toFixed(3)}, z = ${z.toFixed(3)} Å` +
        (a.cell[0] || a.cell[1] ? ` (repeat ${a.cell[0]},${a.cell[1]} of the supercell)` : ""),
    );
  });
  for (const [s, e] of boxEdges(scene.unitCell.origin, scene.unitCell.vectors))
    viewer.addCylinder({ start: xyz(s), end: xyz(e), radius: 0.08, color: UNIT_CELL_COLOUR } as never);
  for (const [s, e] of boxEdges(scene.supercell.origin, scene.supercell.vectors))
    viewer.addCylinder({
      start: xyz(s),
      end: xyz(e),
      radius: 0.05,
      color: SUPERCELL_COLOUR,
      dashed: true,
    } as never);
  for (const l of scene.unitCell.axisLabels)
    viewer.addLabel(l.text, {
      position: xyz(l.position),
      fontColor: UNIT_CELL_COLOUR,
      backgroundColor: "white",
      backgroundOpacity: 0.8,
      fontSize: 16,
      inFront: true,
    } as never);
  el.dataset.repeat = `${na}x${nb}`;
  viewer.zoomTo();
  const view = viewer.getView();
  const q = multiply(quaternion(VIEW_TILT_DEG, 0), quaternion(VIEW_TURN_DEG, 2));
  view.splice(4, 4, ...q);
  viewer.setView(view);
  viewer.zoomTo();
  viewer.render();
  (globalThis as { smsiViewer?: Viewer }).smsiViewer = viewer;
  const jmol = ($3Dmol.elementColors as unknown as { Jmol: Record<string, number> }).Jmol;
  const colours: ElementColours = {};
  for (const a of scene.atoms)
    colours[a.element] = `#${(jmol[a.element] ?? 0x999999).toString(16).padStart(6, "0")}`;
  return { viewer, colours };
}

/** PNG of the 3-D view at `scale` × the on-screen size (the canvas is re-rendered larger). */
async function viewerPng(el: HTMLElement, viewer: Viewer, scale: number): Promise<Blob> {
  const { width, height } = el.getBoundingClientRect();
  el.style.width = `${width * scale}px`;
  el.style.height = `${height * scale}px`;
  viewer.resize();
  viewer.render();
  const uri = viewer.pngURI();
  el.style.width = "";
  el.style.height = "";
  viewer.resize();
  viewer.render();
  return (await fetch(uri)).blob();
}

interface SweepResult {
  film: string;
  substrate: string;
  maxIndex: number;
  filmPlanes: number;
  nMatches: number;
  coherence: { verdict: string; reasons: string[] } | null;
  millerPairs: {
    filmMiller: number[];
    substrateMiller: number[];
    nMatches: number;
    lowIndexMisfit: number;
    verdict: string;
    area_A2: number | null;
  }[];
}

export function InterfacePage() {
  const all = useSignal<MaterialEntry[]>([]);
  const film = useSignal("RuO2");
  const substrate = useSignal("TiO2-rutile");
  const thickness = useSignal("8");
  const view = useSignal<InterfaceView | null>(null);
  const picked = useSignal<string>("");
  const error = useSignal<string | null>(null);
  const busy = useSignal(false);
  const sweep = useSignal<SweepResult | null>(null);
  const colours = useSignal<ElementColours>({});
  const host = useRef<HTMLDivElement>(null);
  const viewer = useRef<Viewer | null>(null);

  useEffect(() => {
    materials()
      .then((m) => (all.value = m))
      .catch((e) => (error.value = errorText(e)));
  }, []);

  const body = () => ({
    film: film.value,
    substrate: substrate.value,
    slabThickness_A: Number(thickness.value) || undefined,
  });
  const submit = async (e: Event) => {
    e.preventDefault();
    busy.value = true;
    error.value = null;
    try {
      const v = await post<InterfaceView>("/api/interface", body());
      view.value = v;
      picked.value = "";
      if (host.current) {
        const drawn = await drawScene(host.current, v.scene, (t) => (picked.value = t));
        viewer.current = drawn.viewer;
        colours.value = drawn.colours;
        host.current.dataset.drawn = String(v.scene.atoms.length);
      }
    } catch (err) {
      error.value = errorText(err);
    } finally {
      busy.value = false;
    }
  };
  const exportFile = async (format: "cif" | "poscar") => {
    try {
      const blob = await postBlob(`/api/interface/export?format=${format}`, body());
      download(`${film.value}_on_${substrate.value}.${format === "cif" ? "cif" : "vasp"}`, blob);
    } catch (err) {
      error.value = errorText(err);
    }
  };
  const v = view.value;
  const films = all.value.filter((m) => m.role !== "support");
  const supports = all.value.filter((m) => m.role === "support");
  return (
    <div class="page two-col">
      <div class="panel">
        <form onSubmit={submit} aria-label="Interface inputs">
          <h2>Interface</h2>
          <p class="lead">Coincidence-lattice match of a film on a support, and the 3-D supercell.</p>
          <MaterialSelect
            label="Film (metal or oxide)"
            name="film"
            value={film.value}
            options={films}
            onChange={(x) => (film.value = x)}
          />
          <MaterialSelect
            label="Support"
            name="substrate"
            value={substrate.value}
            options={supports}
            onChange={(x) => (substrate.value = x)}
          />
          <Field label="Slab thickness (Å)" hint="each side, 1–30">
            <input
              name="thickness"
              inputMode="decimal"
              value={thickness.value}
              onInput={(e) => (thickness.value = e.currentTarget.value)}
            />
          </Field>
          <button type="submit" class="primary" disabled={busy.value}>
            {busy.value ? "Matching…" : "Match and draw"}
          </button>
          <ErrorBox error={error.value} />
        </form>
        {v && (
          <>
            <h3>
              {v.match.film}({v.match.filmMiller.join(" ")}) ∥ {v.match.substrate}(
              {v.match.substrateMiller.join(" ")}):{" "}
              <span class={`badge verdict-${v.match.verdict}`}>{v.match.verdict}</span>
            </h3>
            <dl class="facts">
              <dt>coincidence area</dt>
              <dd>
                film {fmt(v.match.area_A2)} Å², on the support {fmt(v.match.substrateArea_A2)} Å²
              </dd>
              <dt>primitive surface cells</dt>
              <dd>
                film {fmt(v.match.cellsFilm, 3)}, support {fmt(v.match.cellsSubstrate, 3)}
              </dd>
              <dt>von Mises strain</dt>
              <dd>{fmt(v.match.vonMisesStrain, 3)}</dd>
            </dl>
            <ul class="reasons">
              {v.match.reasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
            <fieldset class="export">
              <legend class="export-label">Structure</legend>
              <button type="button" onClick={() => exportFile("cif")}>
                CIF
              </button>
              <button type="button" onClick={() => exportFile("poscar")}>
                POSCAR
              </button>
            </fieldset>
          </>
        )}
        <JobPanel
          title="All planes up to index 2 (background job)"
          startLabel="Search all planes"
          url="/api/jobs/match-sweep"
          body={() => ({ film: film.value, substrate: substrate.value, maxIndex: 2 })}
          onResult={(r) => (sweep.value = r as SweepResult)}
        />
        {sweep.value && <SweepTable r={sweep.value} />}
      </div>
      <section class="panel" aria-label="3-D view">
        <div
          class="viewer"
          ref={host}
          data-testid="viewer"
          role="img"
          aria-label="3-D view of the coincidence supercell; drag to rotate, scroll to zoom, click an atom for its coordinates"
        >
          {!v && <p class="muted">Press “Match and draw” to compute the supercell.</p>}
        </div>
        {v && (
          <>
            <p class="legend">
              <span style={{ color: UNIT_CELL_COLOUR }}>━ {v.scene.unitCell.label}</span>
              <br />
              <span style={{ color: SUPERCELL_COLOUR }}>━ {v.scene.supercell.label}</span>
              <br />
              {Object.entries(colours.value).map(([el, c]) => (
                <span key={el} class="swatch">
                  <span class="dot" style={{ background: c }} /> {el}
                  {elementSide(v.scene, el)}
                </span>
              ))}
              <br />
              {v.scene.primitiveSurfaceCells.note}. {v.scene.frame}. Atoms are repeated in-plane around the
              supercell for display; the exports hold one supercell.
            </p>
            <details>
              <summary>Atom coordinates ({v.scene.atoms.length} atoms of one supercell)</summary>
              <div class="table-wrap short">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">element</th>
                      <th scope="col">site</th>
                      <th scope="col">slab</th>
                      <th scope="col">x Å</th>
                      <th scope="col">y Å</th>
                      <th scope="col">z Å</th>
                    </tr>
                  </thead>
                  <tbody>
                    {v.scene.atoms.map((a, i) => (
                      <tr key={i}>
                        <td>{a.element}</td>
                        <td>{a.label}</td>
                        <td>{a.slab}</td>
                        {a.position.map((x, k) => (
                          <td class="num" key={k}>
                            {x.toFixed(3)}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
            <p class="picked" aria-live="polite" data-testid="picked">
              {picked.value || "Click an atom for its coordinates."}
            </p>
            <ExportBar
              name={`interface-${v.match.film}-${v.match.substrate}`}
              json={() => v}
              csv={() =>
                v.scene.atoms.map((a) => ({
                  element: a.element,
                  label: a.label,
                  slab: a.slab,
                  x_A: a.position[0],
                  y_A: a.position[1],
                  z_A: a.position[2],
                }))
              }
              png={(scale) => viewerPng(host.current!, viewer.current!, scale)}
            />
          </>
        )}
      </section>
    </div>
  );
}

/** Which slab(s) an element is in, for the legend. */
function elementSide(scene: Scene, el: string): string {
  const slabs = new Set(scene.atoms.filter((a) => a.element === el).map((a) => a.slab));
  return slabs.size === 2
    ? " (both)"
    : slabs.has("film")
      ? ` (film, ${scene.film})`
      : ` (support, ${scene.substrate})`;
}

function SweepTable({ r }: { r: SweepResult }) {
  const rows = [...r.millerPairs]
    .filter((p) => p.area_A2 !== null)
    .sort((a, b) => (a.area_A2 ?? 0) - (b.area_A2 ?? 0));
  return (
    <div data-testid="sweep-result">
      <p>
        {r.film} on {r.substrate}, {r.filmPlanes} film planes up to index {r.maxIndex}: {r.nMatches} matches;
        verdict <strong>{r.coherence?.verdict ?? "—"}</strong>
      </p>
      <ExportBar name={`match-sweep-${r.film}-${r.substrate}`} json={() => r} csv={() => rows as never} />
      <div class="table-wrap short">
        <table>
          <thead>
            <tr>
              <th scope="col">film</th>
              <th scope="col">support</th>
              <th scope="col">area Å²</th>
              <th scope="col">1:1 misfit</th>
              <th scope="col">verdict</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, 50).map((p) => (
              <tr key={`${p.filmMiller}|${p.substrateMiller}`}>
                <td class="num">({p.filmMiller.join(" ")})</td>
                <td class="num">({p.substrateMiller.join(" ")})</td>
                <td class="num">{fmt(p.area_A2)}</td>
                <td class="num">{fmt(100 * p.lowIndexMisfit, 3)} %</td>
                <td>{p.verdict}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
