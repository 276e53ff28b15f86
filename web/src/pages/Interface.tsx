import { useSignal } from "@preact/signals";
import { Fragment } from "preact";
import { useEffect, useRef } from "preact/hooks";
import {
  type InterfaceView,
  type MaterialEntry,
  type Scene,
  type SceneBox,
  type Vec3,
  materials,
  post,
  postBlob,
} from "../api";
import { ErrorBox, ExportBar, Field, JobPanel, MaterialSelect, errorText, fmt } from "../common";
import { download } from "../export";

type Viewer = import("3dmol").GLViewer;

/** Box colours (display): each box of the scene with its colour, line radius and dashing. */
const BOXES = [
  { key: "substrate-cell", colour: "#1f5fbf", radius: 0.08, dashed: false },
  { key: "film-cell", colour: "#2e8b57", radius: 0.08, dashed: false },
  { key: "substrate-repeat", colour: "#7aa6e6", radius: 0.04, dashed: true },
  { key: "film-repeat", colour: "#85c79f", radius: 0.04, dashed: true },
  { key: "supercell", colour: "#d9730d", radius: 0.05, dashed: true },
  { key: "export-cell", colour: "#888888", radius: 0.03, dashed: true },
] as const;
type BoxKey = (typeof BOXES)[number]["key"];

/** The boxes of a scene by key (unit cells with their a/b/c labels). */
function sceneBoxes(
  scene: Scene,
): Record<BoxKey, SceneBox & { axisLabels?: { text: string; position: Vec3 }[] }> {
  return {
    "substrate-cell": scene.unitCells.substrate,
    "film-cell": scene.unitCells.film,
    "substrate-repeat": scene.repeatUnits.substrate,
    "film-repeat": scene.repeatUnits.film,
    supercell: scene.supercell,
    "export-cell": scene.exportCell,
  };
}

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

interface ShownAtom {
  atom: Scene["atoms"][number];
  position: Vec3;
  cell: [number, number];
}

interface Drawn {
  viewer: Viewer;
  colours: ElementColours;
  shown: ShownAtom[];
  /** The view set when the scene was drawn (the keyboard's Home key returns to it). */
  initialView: number[];
}

async function drawScene(el: HTMLElement, scene: Scene, onPick: (text: string) => void): Promise<Drawn> {
  const $3Dmol = await import("3dmol");
  el.innerHTML = "";
  const viewer = $3Dmol.createViewer(el, { backgroundColor: "white", antialias: true } as never);
  const model = viewer.addModel();
  const [na, nb] = repeats(scene);
  const [A, B] = scene.supercell.vectors;
  const shown: ShownAtom[] = [];
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
  const boxes = sceneBoxes(scene);
  for (const b of BOXES) {
    const box = boxes[b.key];
    for (const [s, e] of boxEdges(box.origin, box.vectors))
      viewer.addCylinder({
        start: xyz(s),
        end: xyz(e),
        radius: b.radius,
        color: b.colour,
        dashed: b.dashed,
      } as never);
    for (const l of box.axisLabels ?? [])
      viewer.addLabel(l.text, {
        position: xyz(l.position),
        fontColor: b.colour,
        backgroundColor: "white",
        backgroundOpacity: 0.8,
        fontSize: 16,
        inFront: true,
      } as never);
  }
  el.dataset.repeat = `${na}x${nb}`;
  viewer.zoomTo({ model } as never); // the atoms (the vacuum of the export cell would shrink them)
  const view = viewer.getView();
  const q = multiply(quaternion(VIEW_TILT_DEG, 0), quaternion(VIEW_TURN_DEG, 2));
  view.splice(4, 4, ...q);
  viewer.setView(view);
  viewer.zoomTo({ model } as never);
  viewer.render();
  (globalThis as { smsiViewer?: Viewer }).smsiViewer = viewer;
  const jmol = ($3Dmol.elementColors as unknown as { Jmol: Record<string, number> }).Jmol;
  const colours: ElementColours = {};
  for (const a of scene.atoms)
    colours[a.element] = `#${(jmol[a.element] ?? 0x999999).toString(16).padStart(6, "0")}`;
  return { viewer, colours, shown, initialView: viewer.getView() };
}

/** Rotate v by the unit quaternion q = [x, y, z, w]. */
function rotateByQuaternion(v: Vec3, [x, y, z, w]: number[]): Vec3 {
  // v' = v + 2w (q × v) + 2 q × (q × v)
  const c1: Vec3 = [y * v[2] - z * v[1], z * v[0] - x * v[2], x * v[1] - y * v[0]];
  const c2: Vec3 = [y * c1[2] - z * c1[1], z * c1[0] - x * c1[2], x * c1[1] - y * c1[0]];
  return [
    v[0] + 2 * w * c1[0] + 2 * c2[0],
    v[1] + 2 * w * c1[1] + 2 * c2[1],
    v[2] + 2 * w * c1[2] + 2 * c2[2],
  ];
}

/** Radius of every atom in the SVG, Å (display choice, as the 3-D view's spheres). */
const SVG_ATOM_RADIUS_A = 0.45;
/** SVG scale, px per Å. */
const SVG_PX_PER_A = 24;

/**
 * The 3-D view as SVG: the same atoms, boxes and a/b/c labels seen from the viewer's current direction,
 * projected orthographically (the canvas uses perspective), atoms drawn back to front.
 */
function viewSvg(scene: Scene, d: Drawn): string {
  const view = d.viewer.getView() as number[];
  const shift: Vec3 = [view[0], view[1], view[2]];
  const q = view.slice(4, 8);
  const project = (p: Vec3) => rotateByQuaternion(add(p, shift), q);
  const atoms = d.shown
    .map((a) => ({ el: a.atom.element, p: project(a.position) }))
    .sort((a, b) => a.p[2] - b.p[2]);
  const boxes = sceneBoxes(scene);
  const lines = BOXES.flatMap((b) =>
    boxEdges(boxes[b.key].origin, boxes[b.key].vectors).map(([s, e]) => ({
      b,
      s: project(s),
      e: project(e),
    })),
  );
  const labels = BOXES.flatMap((b) =>
    (boxes[b.key].axisLabels ?? []).map((l) => ({ b, text: l.text, p: project(l.position) })),
  );
  // bounds: atoms, cells and labels (the export cell's vacuum is left out: it is clipped)
  const framed = [
    ...atoms.map((a) => a.p),
    ...lines.filter((l) => l.b.key !== "export-cell").flatMap((l) => [l.s, l.e]),
    ...labels.map((l) => l.p),
  ];
  const xs = framed.map((p) => p[0]);
  const ys = framed.map((p) => p[1]);
  const pad = 2;
  const x0 = Math.min(...xs) - pad;
  const y1 = Math.max(...ys) + pad;
  const width = (Math.max(...xs) + pad - x0) * SVG_PX_PER_A;
  const height = (y1 - (Math.min(...ys) - pad)) * SVG_PX_PER_A;
  const X = (p: Vec3) => ((p[0] - x0) * SVG_PX_PER_A).toFixed(1);
  const Y = (p: Vec3) => ((y1 - p[1]) * SVG_PX_PER_A).toFixed(1);
  const esc = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width.toFixed(0)}" height="${height.toFixed(0)}" viewBox="0 0 ${width.toFixed(1)} ${height.toFixed(1)}" font-family="sans-serif">`,
    `<title>${esc(scene.supercell.label)}</title>`,
    `<rect width="100%" height="100%" fill="white"/>`,
    ...atoms.map(
      (a) =>
        `<circle cx="${X(a.p)}" cy="${Y(a.p)}" r="${(SVG_ATOM_RADIUS_A * SVG_PX_PER_A).toFixed(1)}" fill="${d.colours[a.el] ?? "#999999"}" stroke="#333" stroke-width="0.6"><title>${a.el}</title></circle>`,
    ),
    ...lines.map(
      (l) =>
        `<line x1="${X(l.s)}" y1="${Y(l.s)}" x2="${X(l.e)}" y2="${Y(l.e)}" stroke="${l.b.colour}" stroke-width="${(l.b.radius * 20).toFixed(1)}"${l.b.dashed ? ' stroke-dasharray="4 3"' : ""}/>`,
    ),
    ...labels.map(
      (l) =>
        `<text x="${X(l.p)}" y="${Y(l.p)}" fill="${l.b.colour}" font-size="16" font-weight="bold">${l.text}</text>`,
    ),
    "</svg>",
  ].join("\n");
}

/** Keyboard control of the 3-D view (the canvas itself only takes the mouse). */
const KEY_ROTATE_DEG = 15;
const KEY_ZOOM = 1.25;

function onViewerKey(e: KeyboardEvent, d: Drawn | null): void {
  if (!d) return;
  const v = d.viewer;
  const turns: Record<string, [number, "x" | "y"]> = {
    ArrowLeft: [-KEY_ROTATE_DEG, "y"],
    ArrowRight: [KEY_ROTATE_DEG, "y"],
    ArrowUp: [-KEY_ROTATE_DEG, "x"],
    ArrowDown: [KEY_ROTATE_DEG, "x"],
  };
  if (e.key in turns) v.rotate(turns[e.key][0], turns[e.key][1]);
  else if (e.key === "+" || e.key === "=") v.zoom(KEY_ZOOM);
  else if (e.key === "-") v.zoom(1 / KEY_ZOOM);
  else if (e.key === "Home" || e.key === "0") v.setView(d.initialView);
  else return;
  e.preventDefault();
  v.render();
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
  const metal = useSignal("Ru");
  const support = useSignal("TiO2-rutile");
  const filmChoice = useSignal<"auto" | "metal" | "oxide">("auto");
  const layers = useSignal("3");
  const facet = useSignal("");
  const view = useSignal<InterfaceView | null>(null);
  const picked = useSignal<string>("");
  const error = useSignal<string | null>(null);
  const busy = useSignal(false);
  const sweep = useSignal<SweepResult | null>(null);
  const colours = useSignal<ElementColours>({});
  const host = useRef<HTMLDivElement>(null);
  const drawnRef = useRef<Drawn | null>(null);

  useEffect(() => {
    materials()
      .then((m) => (all.value = m))
      .catch((e) => (error.value = errorText(e)));
  }, []);

  const body = () => ({
    metal: metal.value,
    support: support.value,
    film: filmChoice.value,
    layers: Number(layers.value) || undefined,
    supportFacet: facet.value.trim() || undefined,
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
        drawnRef.current = drawn;
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
    const v = view.value;
    if (!v) return;
    try {
      const blob = await postBlob(`/api/interface/export?format=${format}`, body());
      download(`${v.scene.film.id}_on_${v.scene.substrate.id}.${format === "cif" ? "cif" : "vasp"}`, blob);
    } catch (err) {
      error.value = errorText(err);
    }
  };
  const v = view.value;
  const metals = all.value.filter((m) => m.role === "metal");
  const supports = all.value.filter((m) => m.role === "support");
  const sc = v?.scene;
  const boxes = sc ? sceneBoxes(sc) : null;
  return (
    <div class="page two-col">
      <div class="panel">
        <form onSubmit={submit} aria-label="Interface inputs">
          <h2>Interface</h2>
          <p class="lead">
            The interface gate: orientation relationships of the metal and its oxide on the support's facets,
            and the 3-D slab model of the one smsi uses.
          </p>
          <MaterialSelect
            label="Metal"
            name="metal"
            value={metal.value}
            options={metals}
            onChange={(x) => (metal.value = x)}
          />
          <MaterialSelect
            label="Support"
            name="support"
            value={support.value}
            options={supports}
            onChange={(x) => (support.value = x)}
          />
          <Field label="Film drawn" hint="the gate's choice, the metal or its oxide">
            <select
              name="film"
              value={filmChoice.value}
              onChange={(e) => (filmChoice.value = e.currentTarget.value as "auto" | "metal" | "oxide")}
            >
              <option value="auto">as the gate judges it</option>
              <option value="metal">the metal</option>
              <option value="oxide">its oxide</option>
            </select>
          </Field>
          <Field label="Support facet" hint="e.g. (110) or (0001); empty = the support's dominant facets">
            <input
              name="supportFacet"
              value={facet.value}
              onInput={(e) => (facet.value = e.currentTarget.value)}
            />
          </Field>
          <Field label="Repeat units per slab" hint="whole units keep each slab stoichiometric, 1–30">
            <input
              name="layers"
              inputMode="numeric"
              value={layers.value}
              onInput={(e) => (layers.value = e.currentTarget.value)}
            />
          </Field>
          <button type="submit" class="primary" disabled={busy.value}>
            {busy.value ? "Building…" : "Build and draw"}
          </button>
          <ErrorBox error={error.value} />
        </form>
        {v && sc && (
          <>
            <h3 data-testid="relationship">
              {sc.film.id} {sc.relationship.filmPlane} ∥ {sc.substrate.id} {sc.relationship.substratePlane}:{" "}
              <span class={`badge verdict-${sc.relationship.verdict}`}>{sc.relationship.verdict}</span>
            </h3>
            <p class="muted">
              {sc.film.kind === "oxide" ? `the oxide of ${sc.metal}` : "the metal"},{" "}
              {sc.film.chosenBy === "gate" ? "as the bulk-penetration gate judges it" : "as asked"} —{" "}
              {sc.gate.source}
            </p>
            <dl class="facts">
              <dt>coincidence cell</dt>
              <dd>
                {fmt(sc.relationship.area_A2)} Å², Σ {sc.relationship.sigma}; primitive surface cells: film{" "}
                {sc.relationship.cellsFilm}, support {sc.relationship.cellsSubstrate}
              </dd>
              <dt>misfit δ, von Mises strain</dt>
              <dd>
                {fmt(100 * sc.relationship.misfit, 3)} %, {fmt(sc.relationship.strain, 3)}
              </dd>
              {[sc.substrate, sc.film].map((slab) => (
                <Fragment key={slab === sc.film ? "film" : "substrate"}>
                  <dt>{slab === sc.film ? "film slab" : "support slab"}</dt>
                  <dd>
                    {slab.id} {slab.plane}: {slab.layers} repeat units of {slab.atomsPerRepeat} atoms ={" "}
                    {slab.formulaUnits} × {slab.bulkFormula}, {fmt(slab.thickness_A, 3)} Å
                  </dd>
                </Fragment>
              ))}
            </dl>
            <p class="muted">{sc.relationship.reason}</p>
            <GateTable v={v} />
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
          body={() => ({ film: sc?.film.id ?? metal.value, substrate: support.value, maxIndex: 2 })}
          onResult={(r) => (sweep.value = r as SweepResult)}
        />
        {sweep.value && <SweepTable r={sweep.value} />}
      </div>
      <section class="panel" aria-label="3-D view">
        <div
          class="viewer"
          ref={host}
          data-testid="viewer"
          role="application"
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a widget operated from the keyboard (arrows, + and −, Home)
          tabIndex={0}
          onKeyDown={(e) => onViewerKey(e, drawnRef.current)}
          aria-label="3-D view of the interface slab model; arrow keys or drag to rotate, + and − or scroll to zoom, Home to reset; click an atom for its coordinates (the table below lists them all)"
        >
          {!v && <p class="muted">Press “Build and draw” to compute the interface.</p>}
        </div>
        {v && sc && boxes && (
          <>
            <p class="legend">
              {BOXES.map((b) => (
                <span key={b.key}>
                  <span style={{ color: b.colour }}>{b.dashed ? "┅" : "━"}</span> {boxes[b.key].label}
                  <br />
                </span>
              ))}
              {Object.entries(colours.value).map(([el, c]) => (
                <span key={el} class="swatch">
                  <span class="dot" style={{ background: c }} /> {el}
                  {elementSide(sc, el)}
                </span>
              ))}
              <br />
              {sc.primitiveSurfaceCells.note}. {sc.frame}. Atoms are repeated in-plane around the supercell
              for display; the exports hold one cell. {sc.notes.join("; ")}.
            </p>
            <details>
              <summary>Atom coordinates ({sc.atoms.length} atoms of one supercell)</summary>
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
                    {sc.atoms.map((a, i) => (
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
              name={`interface-${sc.film.id}-${sc.substrate.id}`}
              json={() => v}
              csv={() =>
                sc.atoms.map((a) => ({
                  element: a.element,
                  label: a.label,
                  slab: a.slab,
                  x_A: a.position[0],
                  y_A: a.position[1],
                  z_A: a.position[2],
                }))
              }
              svg={() => viewSvg(sc, drawnRef.current!)}
              png={(scale) => viewerPng(host.current!, drawnRef.current!.viewer, scale)}
            />
          </>
        )}
      </section>
    </div>
  );
}

/** Every relationship the gate searched, for the metal and its oxide (the chosen one first). */
function GateTable({ v }: { v: InterfaceView }) {
  const rows = [
    ...v.gate.relationships.map((r) => ({ film: v.gate.metal, ...r })),
    ...(v.gate.oxide?.relationships ?? []).map((r) => ({ film: v.gate.oxide!.formula, ...r })),
  ];
  return (
    <details>
      <summary>All relationships the gate judged ({rows.length})</summary>
      <ExportBar
        name={`interface-gate-${v.gate.metal}-${v.gate.support}`}
        json={() => v.gate}
        csv={() =>
          rows.map((r) => ({
            film: r.film,
            filmPlane: r.filmPlane,
            substratePlane: r.substratePlane,
            verdict: r.verdict,
            misfit: r.misfit,
            sigma: r.sigma,
            area_A2: r.area_A2,
          }))
        }
      />
      <div class="table-wrap short">
        <table>
          <thead>
            <tr>
              <th scope="col">film</th>
              <th scope="col">film plane</th>
              <th scope="col">support plane</th>
              <th scope="col">Σ</th>
              <th scope="col">misfit δ</th>
              <th scope="col">verdict</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.film}|${r.filmPlane}|${r.substratePlane}`}>
                <td>{r.film}</td>
                <td class="num">{r.filmPlane}</td>
                <td class="num">{r.substratePlane}</td>
                <td class="num">{r.sigma}</td>
                <td class="num">{fmt(100 * r.misfit, 3)} %</td>
                <td>{r.verdict}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

/** Which slab(s) an element is in, for the legend. */
function elementSide(scene: Scene, el: string): string {
  const slabs = new Set(scene.atoms.filter((a) => a.element === el).map((a) => a.slab));
  return slabs.size === 2
    ? " (both)"
    : slabs.has("film")
      ? ` (film, ${scene.film.id})`
      : ` (support, ${scene.substrate.id})`;
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
