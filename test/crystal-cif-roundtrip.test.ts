import { describe, expect, it } from "vitest";
import { quoteCif, readCif, writeCif } from "../src/crystal/cif/index.js";
import { getMaterial } from "../src/materials/library.js";

/** Labels and values that broke the old writer or are easy to get wrong (review 2026-11-25, "Stored data"). */
const HOSTILE = [
  ";leading semicolon",
  ";",
  "both 'quote' kinds \"here\"",
  "a' b\" c",
  "it's",
  "'quoted'",
  '"dq"',
  "trailing quote'",
  "multi\nline",
  "line\n;starts with semicolon",
  "\nleading newline",
  "trailing newline\n",
  "  spaces around  ",
  "tab\tinside",
  "",
  "?",
  ".",
  "_looks_like_a_tag",
  "#comment",
  "data_block",
  "loop_",
  "save_x",
  "$ref",
  "[list]",
  "back\\",
  ">\\",
  "prefix\\\nprefixed line",
  "Og",
  "ünïcödé – Å",
];

describe("CIF write → read returns every label and text value unchanged", () => {
  const rutile = getMaterial("TiO2-rutile").structure;
  it.each(HOSTILE.map((v) => [JSON.stringify(v), v]))("label and text value %s", (_, value) => {
    const s = {
      ...rutile,
      sites: rutile.sites.map((site, i) => ({ ...site, label: i === 0 ? value : site.label })),
    };
    const back = readCif(writeCif(s, { blockName: "rt", meta: { _journal_name_full: value } }));
    expect(back.structure.sites[0].label).toBe(value);
    expect(back.meta._journal_name_full).toBe(value);
    expect(back.structure.sites.map((x) => x.label)).toEqual(s.sites.map((x) => x.label));
  });
  it("all hostile labels in one structure", () => {
    const sites = HOSTILE.slice(0, rutile.sites.length).map((label, i) => ({ ...rutile.sites[i], label }));
    const back = readCif(writeCif({ ...rutile, sites })).structure;
    expect(back.sites.map((s) => s.label)).toEqual(sites.map((s) => s.label));
  });
  it("metadata may state the space group (as exporters for ASE do), but not repeat a tag the writer writes", () => {
    const text = writeCif(rutile, {
      meta: { "_symmetry_space_group_name_H-M": "P 1", _symmetry_Int_Tables_number: "1" },
    });
    const back = readCif(text);
    expect(back.spaceGroup).toEqual({ hmSymbol: "P 1", number: 1 });
    expect(back.structure.sites).toHaveLength(rutile.sites.length);
    expect(() => writeCif(rutile, { meta: { _cell_length_a: "5" } })).toThrow(/writes itself/);
  });
  it("the quoting is the plainest that reads back: bare words stay bare", () => {
    expect(quoteCif("Ti1")).toBe("Ti1");
    expect(quoteCif("a b")).toBe("'a b'");
    expect(quoteCif("it's here")).toBe("'it's here'"); // a quote ends a value only before whitespace
    expect(quoteCif("it' s")).toBe(`"it' s"`);
    expect(quoteCif(";x")).toBe("';x'");
  });
  it("reads text fields as CIF 1.1 writes them (semicolon alone on its line) and as CIF 2.0 text-prefix fields", () => {
    const base = writeCif(rutile, { blockName: "x" });
    const withField = base.replace("data_x\n", "data_x\n_publ_section_title\n;\n  Title with indent\n;\n");
    expect(readCif(withField).meta._publ_section_title).toBe("  Title with indent");
    const prefixed = base.replace("data_x\n", "data_x\n_publ_section_title\n;> \\\n> ;a\n> b\n;\n");
    expect(readCif(prefixed).meta._publ_section_title).toBe(";a\nb");
  });
});
