import { signal } from "@preact/signals";
import { render } from "preact";
import { CasesPage } from "./pages/Cases";
import { ClassifyPage } from "./pages/Classify";
import { InterfacePage } from "./pages/Interface";
import { PredictPage } from "./pages/Predict";
import { RunsPage } from "./pages/Runs";
import { SimulatePage } from "./pages/Simulate";
import { ThermoPage } from "./pages/Thermo";
import "./style.css";

const PAGES = [
  { path: "predict", title: "Predict", view: PredictPage },
  { path: "interface", title: "Interface", view: InterfacePage },
  { path: "thermo", title: "Thermo", view: ThermoPage },
  { path: "simulate", title: "Simulate", view: SimulatePage },
  { path: "classify", title: "Classify", view: ClassifyPage },
  { path: "cases", title: "Cases", view: CasesPage },
  { path: "runs", title: "Runs", view: RunsPage },
] as const;

const route = signal(location.hash.replace(/^#\/?/, "") || "predict");
addEventListener("hashchange", () => {
  route.value = location.hash.replace(/^#\/?/, "") || "predict";
  document.getElementById("main")?.focus();
});

function App() {
  const page = PAGES.find((p) => p.path === route.value) ?? PAGES[0];
  const View = page.view;
  document.title = `${page.title} — smsi`;
  return (
    <>
      <header class="top">
        <h1>
          <abbr title="strong metal–support interactions">smsi</abbr>
        </h1>
        <nav aria-label="Pages">
          {PAGES.map((p) => (
            <a key={p.path} href={`#/${p.path}`} aria-current={p.path === page.path ? "page" : undefined}>
              {p.title}
            </a>
          ))}
          <a href="/api/docs" target="_blank" rel="noreferrer">
            API
          </a>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <View />
      </main>
    </>
  );
}

render(<App />, document.getElementById("app")!);
