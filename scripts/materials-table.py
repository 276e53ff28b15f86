# Source table of the bundled phases -> data/materials/structures.json (run once; the JSON is the bundled data).
import json
HB = "lattice constant as in ../shared/science/data/lattices.csv (handbook value, verify)"
def P(id, formula, name, phase, role, sg, cell, sites, source, density=None, note=None):
    d = dict(id=id, formula=formula, name=name, phase=phase, role=role, spaceGroup=sg,
             cell=dict(zip(["a","b","c","alpha","beta","gamma"], cell)),
             sites=[dict(label=s[0], species=s[1], frac=list(s[2:5]), occupancy=(s[5] if len(s)>5 else 1)) for s in sites],
             structureSource=source)
    if density: d["referenceDensity"] = dict(value_g_per_cm3=density[0], source=density[1])
    if note: d["note"] = note
    return d
CRC_EL = "CRC Handbook of Chemistry and Physics, 97th ed., Sect. 4 'Physical constants of the elements', density near 20 C (verify)"
CRC_IN = "CRC Handbook of Chemistry and Physics, 97th ed., Sect. 4 'Physical constants of inorganic compounds' (verify)"
WY = lambda proto: dict(citation=f"R.W.G. Wyckoff, Crystal Structures, Vol. 1, 2nd ed., Interscience, New York (1963): {proto} structure type", verify=True)
def src(cit, doi=None, lattice=None, verify=True):
    d = dict(citation=cit, verify=verify)
    if doi: d["doi"] = doi
    if lattice: d["latticeSource"] = lattice
    return d
cub = lambda a: [a,a,a,90,90,90]
hexa = lambda a,c: [a,a,c,90,90,120]
tet = lambda a,c: [a,a,c,90,90,90]
fcc = lambda el: [(el+"1", el, 0,0,0)]
hcp = lambda el: [(el+"1", el, 1/3,2/3,1/4)]
rows = []
# metals
for el,a,d in [("Pt",3.9242,21.45),("Pd",3.8907,12.02),("Rh",3.8034,12.41),("Ir",3.8390,22.56),("Au",4.0782,19.3),("Ag",4.0862,10.5),("Cu",3.6149,8.96),("Ni",3.5240,8.90)]:
    rows.append(P(el, el, el, "fcc", "metal", "Fm-3m", cub(a), fcc(el), dict(WY("Cu (A1, fcc)"), latticeSource=HB), (d, CRC_EL)))
for el,a,c,d,dsrc in [("Ru",2.7059,4.2815,12.37,"J.W. Arblaster, Platinum Metals Rev. 57, 127 (2013), 'Crystallographic properties of ruthenium', density at 293 K (verify)"),("Os",2.7344,4.3173,22.59,CRC_EL),("Co",2.5071,4.0695,8.86,CRC_EL)]:
    rows.append(P(el, el, el, "hcp", "metal", "P6_3/mmc", hexa(a,c), hcp(el), dict(WY("Mg (A3, hcp)"), latticeSource=HB), (d, dsrc)))
rows.append(P("Fe","Fe","alpha-iron","bcc","metal","Im-3m",cub(2.8665),[("Fe1","Fe",0,0,0)],dict(WY("W (A2, bcc)"), latticeSource=HB),(7.874,CRC_EL)))
# rutile-type oxides (Ti 2a (0,0,0), O 4f (x,x,0))
rut = lambda M,x: [(M+"1",M,0,0,0),("O1","O",x,x,0)]
rows.append(P("TiO2-rutile","TiO2","titanium dioxide","rutile","support","P4_2/mnm",tet(4.5937,2.9587),rut("Ti",0.30478),
  src("C.J. Howard, T.M. Sabine, F. Dickson, Acta Cryst. B47, 462-468 (1991): structural and thermal parameters for rutile and anatase", "10.1107/S010876819100335X", HB),(4.25,CRC_IN)))
rows.append(P("RuO2","RuO2","ruthenium dioxide","rutile","metal-oxide","P4_2/mnm",tet(4.4919,3.1066),rut("Ru",0.3058),
  src("C.-E. Boman, Acta Chem. Scand. 24, 116-122 (1970): precision determination of the crystal structure of RuO2", None, HB), None,
  "CRC lists 6.97 g/cm3 (bulk, measured) while the cell gives 7.05 g/cm3 (X-ray); no independent X-ray density at hand, so no reference density is recorded"))
rows.append(P("IrO2","IrO2","iridium dioxide","rutile","metal-oxide","P4_2/mnm",tet(4.4983,3.1544),rut("Ir",0.3077),
  src("A.A. Bolzan, C. Fong, B.J. Kennedy, C.J. Howard, Acta Cryst. B53, 373-380 (1997): structural studies of rutile-type metal dioxides", "10.1107/S0108768197001468", HB),(11.66,CRC_IN)))
rows.append(P("SnO2","SnO2","tin dioxide (cassiterite)","rutile","support","P4_2/mnm",tet(4.7374,3.1864),rut("Sn",0.3056),
  src("A.A. Bolzan, C. Fong, B.J. Kennedy, C.J. Howard, Acta Cryst. B53, 373-380 (1997)", "10.1107/S0108768197001468", HB),(6.85,CRC_IN)))
rows.append(P("MnO2","MnO2","manganese dioxide (pyrolusite)","rutile","support","P4_2/mnm",tet(4.3983,2.8730),rut("Mn",0.3046),
  src("A.A. Bolzan, C. Fong, B.J. Kennedy, C.J. Howard, Acta Cryst. B53, 373-380 (1997) (beta-MnO2 cell and O x, verify)", "10.1107/S0108768197001468"),(5.08,CRC_IN)))
rows.append(P("TiO2-anatase","TiO2","titanium dioxide","anatase","support","I4_1/amd:1",tet(3.7845,9.5143),[("Ti1","Ti",0,0,0),("O1","O",0,0,0.20806)],
  src("C.J. Howard, T.M. Sabine, F. Dickson, Acta Cryst. B47, 462-468 (1991); origin choice 1", "10.1107/S010876819100335X", HB),(3.89,"CRC Handbook of Chemistry and Physics, 97th ed.: TiO2 anatase 3.9 g/cm3 (verify)")))
rows.append(P("TiO2-brookite","TiO2","titanium dioxide","brookite","support","Pbca",[9.184,5.447,5.145,90,90,90],
  [("Ti1","Ti",0.1289,0.0972,0.8628),("O1","O",0.0101,0.1486,0.1824),("O2","O",0.2304,0.1130,0.5371)],
  src("E.P. Meagher, G.A. Lager, Can. Mineral. 17, 77-85 (1979): polyhedral thermal expansion in the TiO2 polymorphs (brookite, 25 C)"),(4.12,CRC_IN)))
# fluorite, rocksalt
rows.append(P("CeO2","CeO2","cerium dioxide (ceria)","fluorite","support","Fm-3m",cub(5.411),[("Ce1","Ce",0,0,0),("O1","O",0.25,0.25,0.25)],dict(WY("CaF2 (C1, fluorite)"),latticeSource=HB),(7.22,CRC_IN)))
for id_,M,a,d,role in [("MgO","Mg",4.212,3.6,"support"),("NiO","Ni",4.177,6.67,"metal-oxide"),("CoO","Co",4.260,6.44,"metal-oxide")]:
    rows.append(P(id_,id_,{"MgO":"magnesium oxide (periclase)","NiO":"nickel(II) oxide (bunsenite)","CoO":"cobalt(II) oxide"}[id_],"rocksalt",role,"Fm-3m",cub(a),[(M+"1",M,0,0,0),("O1","O",0.5,0.5,0.5)],dict(WY("NaCl (B1, rocksalt)"),latticeSource=HB),(d,CRC_IN)))
# cuprite type (origin choice 1: O 2a (0,0,0), M 4b (1/4,1/4,1/4))
rows.append(P("Cu2O","Cu2O","copper(I) oxide (cuprite)","cuprite","metal-oxide","Pn-3m:1",cub(4.2696),[("O1","O",0,0,0),("Cu1","Cu",0.25,0.25,0.25)],dict(WY("Cu2O (C3, cuprite)"),latticeSource=HB),(6.0,CRC_IN)))
rows.append(P("Ag2O","Ag2O","silver(I) oxide","cuprite","metal-oxide","Pn-3m:1",cub(4.736),[("O1","O",0,0,0),("Ag1","Ag",0.25,0.25,0.25)],
  src("Wyckoff, Crystal Structures Vol. 1 (1963): Ag2O, cuprite type, a = 4.736 A (verify)"),(7.2,CRC_IN)))
# corundum type R-3c hexagonal axes: M 12c (0,0,z), O 18e (x,0,1/4)
rows.append(P("Al2O3-alpha","Al2O3","aluminium oxide (corundum)","corundum","support","R-3c:H",hexa(4.7589,12.991),[("Al1","Al",0,0,0.35216),("O1","O",0.30624,0,0.25)],
  src("E.N. Maslen, V.A. Streltsov, N.R. Streltsova, N. Ishizawa, Y. Satow, Acta Cryst. B49, 973-980 (1993): synchrotron X-ray study of alpha-Al2O3", "10.1107/S0108768193006901", HB),(3.99,CRC_IN)))
rows.append(P("Fe2O3-alpha","Fe2O3","iron(III) oxide (hematite)","corundum","support","R-3c:H",hexa(5.0356,13.7489),[("Fe1","Fe",0,0,0.35530),("O1","O",0.3059,0,0.25)],
  src("E.N. Maslen, V.A. Streltsov, N.R. Streltsova, N. Ishizawa, Acta Cryst. B50, 435-441 (1994): electron density and optical anisotropy in rhombohedral carbonates / hematite (Fe z, O x, verify)", None, HB),(5.25,CRC_IN)))
rows.append(P("Rh2O3","Rh2O3","rhodium(III) oxide","corundum","metal-oxide","R-3c:H",hexa(5.127,13.853),[("Rh1","Rh",0,0,0.3526),("O1","O",0.2936,0,0.25)],
  src("J.M.D. Coey, Acta Cryst. B26, 1876-1877 (1970): the crystal structure of Rh2O3 (corundum-type low-temperature form; cell and parameters verify)"),(8.2,CRC_IN)))
rows.append(P("Ti2O3","Ti2O3","titanium(III) oxide","corundum","support","R-3c:H",hexa(5.157,13.610),[("Ti1","Ti",0,0,0.3447),("O1","O",0.3123,0,0.25)],
  src("C.E. Rice, W.R. Robinson, Acta Cryst. B33, 1342-1348 (1977): high-temperature crystal structure of Ti2O3 (room-temperature parameters, verify)"),(4.49,CRC_IN)))
# wurtzite
rows.append(P("ZnO","ZnO","zinc oxide (zincite)","wurtzite","support","P6_3mc",hexa(3.2498,5.2066),[("Zn1","Zn",1/3,2/3,0),("O1","O",1/3,2/3,0.3819)],
  src("S.C. Abrahams, J.L. Bernstein, Acta Cryst. B25, 1233-1236 (1969): remeasurement of the structure of hexagonal ZnO", "10.1107/S0567740869003876", HB),(5.61,CRC_IN)))
# perovskite
rows.append(P("SrTiO3","SrTiO3","strontium titanate","perovskite","support","Pm-3m",cub(3.905),[("Sr1","Sr",0,0,0),("Ti1","Ti",0.5,0.5,0.5),("O1","O",0.5,0.5,0)],dict(WY("CaTiO3 (E2_1, cubic perovskite)"),latticeSource=HB),(5.12,CRC_IN)))
# spinels Fd-3m origin choice 2: A 8a (1/8,1/8,1/8), B 16d (1/2,1/2,1/2), O 32e (u,u,u)
rows.append(P("Fe3O4","Fe3O4","iron(II,III) oxide (magnetite)","spinel","support","Fd-3m:2",cub(8.396),[("Fe1","Fe",0.125,0.125,0.125),("Fe2","Fe",0.5,0.5,0.5),("O1","O",0.2549,0.2549,0.2549)],
  src("M.E. Fleet, Acta Cryst. B37, 917-920 (1981): the structure of magnetite (u = 0.2549, origin choice 2, verify)", None, HB),(5.17,CRC_IN)))
rows.append(P("Co3O4","Co3O4","cobalt(II,III) oxide","spinel","metal-oxide","Fd-3m:2",cub(8.084),[("Co1","Co",0.125,0.125,0.125),("Co2","Co",0.5,0.5,0.5),("O1","O",0.2631,0.2631,0.2631)],
  src("W.L. Roth, J. Phys. Chem. Solids 25, 1-10 (1964): the magnetic structure of Co3O4 (u = 0.2631 in origin choice 2, verify)", None, HB),(6.11,CRC_IN)))
# others
rows.append(P("CuO","CuO","copper(II) oxide (tenorite)","tenorite","metal-oxide","C2/c",[4.6837,3.4226,5.1288,90,99.54,90],[("Cu1","Cu",0.25,0.25,0),("O1","O",0,0.4184,0.25)],
  src("S. Asbrink, L.-J. Norrby, Acta Cryst. B26, 8-15 (1970): a refinement of the crystal structure of copper(II) oxide", "10.1107/S0567740870001838"),(6.31,CRC_IN)))
rows.append(P("PdO","PdO","palladium(II) oxide","PdO-type","metal-oxide","P4_2/mmc",tet(3.0434,5.3363),[("Pd1","Pd",0,0.5,0),("O1","O",0,0,0.25)],
  src("W.J. Moore, L. Pauling, J. Am. Chem. Soc. 63, 1392-1394 (1941): the crystal structures of the tetragonal monoxides of lead, tin, palladium and platinum", "10.1021/ja01850a074", HB),(8.3,CRC_IN)))
rows.append(P("ZrO2-monoclinic","ZrO2","zirconium dioxide (baddeleyite)","monoclinic","support","P2_1/c",[5.1505,5.2116,5.3173,90,99.23,90],
  [("Zr1","Zr",0.2754,0.0395,0.2083),("O1","O",0.0700,0.3317,0.3447),("O2","O",0.4496,0.7569,0.4792)],
  src("C.J. Howard, R.J. Hill, B.E. Reichert, Acta Cryst. B44, 116-120 (1988): structures of the ZrO2 polymorphs at room temperature by high-resolution neutron powder diffraction", "10.1107/S0108768187010279"),(5.68,CRC_IN)))
rows.append(P("ZrO2-tetragonal","ZrO2","zirconium dioxide","tetragonal","support","P4_2/nmc:2",tet(3.5984,5.1520),[("Zr1","Zr",0.75,0.25,0.75),("O1","O",0.25,0.25,0.4579)],
  src("C.J. Howard, R.J. Hill, B.E. Reichert, Acta Cryst. B44, 116-120 (1988): tetragonal ZrO2 (Y-stabilised, room temperature; O z verify), origin choice 2", "10.1107/S0108768187010279"),None,
  "tetragonal ZrO2 exists pure only above ~1170 C; values are for a stabilised form; no independent density recorded"))
rows.append(P("SiO2-alpha-quartz","SiO2","silicon dioxide (alpha-quartz)","alpha-quartz","support","P3_221",hexa(4.9134,5.4052),[("Si1","Si",0.4697,0,2/3),("O1","O",0.4135,0.2669,0.7858)],
  src("L. Levien, C.T. Prewitt, D.J. Weidner, Am. Mineral. 65, 920-930 (1980): structure and elastic properties of quartz at pressure (1 atm data; Si on 3a (x,0,2/3) and O z shifted by 2/3 into the ITA P3_221 origin, giving Si-O 1.604 A; verify)", None, HB),(2.648,CRC_IN)))
rows.append(P("In2O3","In2O3","indium(III) oxide (bixbyite)","bixbyite","support","Ia-3",cub(10.117),[("In1","In",0.25,0.25,0.25),("In2","In",0.4668,0,0.25),("O1","O",0.3905,0.1529,0.3832)],
  src("M. Marezio, Acta Cryst. 20, 723-728 (1966): refinement of the crystal structure of In2O3 at two wavelengths", "10.1107/S0365110X66001749", HB),(7.18,CRC_IN)))
rows.append(P("La2O3","La2O3","lanthanum oxide","A-type (hexagonal)","support","P-3m1",hexa(3.9373,6.1299),[("La1","La",1/3,2/3,0.2454),("O1","O",0,0,0),("O2","O",1/3,2/3,0.6453)],
  src("P. Aldebert, J.P. Traverse, Mater. Res. Bull. 14, 303-323 (1979): etude par diffraction neutronique des structures de haute temperature de La2O3 et Nd2O3 (room-temperature parameters, verify)"),(6.51,CRC_IN)))
rows.append(P("Ce2O3","Ce2O3","cerium(III) oxide","A-type (hexagonal)","support","P-3m1",hexa(3.891,6.059),[("Ce1","Ce",1/3,2/3,0.2454),("O1","O",0,0,0),("O2","O",1/3,2/3,0.6471)],
  src("H. Barnighausen, G. Schiller, J. Less-Common Met. 110, 385-390 (1985): the crystal structure of A-Ce2O3 (verify)"),(6.2,CRC_IN)))
rows.append(P("MoO3","MoO3","molybdenum trioxide (molybdite)","alpha (orthorhombic)","support","P b n m",[3.9628,13.855,3.6964,90,90,90],
  [("Mo1","Mo",0.08669,0.10164,0.25),("O1","O",0.4994,0.0865,0.25),("O2","O",-0.0212,0.2214,0.25),("O3","O",0.5212,0.4351,0.25)],
  src("L. Kihlborg, Ark. Kemi 21, 357-364 (1963): least-squares refinement of the crystal structure of molybdenum trioxide (setting Pbnm, verify)"),(4.69,CRC_IN)))
rows.append(P("FeO","FeO","iron(II) oxide (wustite)","rocksalt","support","Fm-3m",cub(4.307),[("Fe1","Fe",0,0,0),("O1","O",0.5,0.5,0.5)],dict(WY("NaCl (B1, rocksalt)"), note="stoichiometric idealisation; real wustite is Fe(1-x)O with a ~ 4.30 A (verify)"),(5.74,CRC_IN)))
rows.append(P("Ca5(PO4)3OH","Ca5(PO4)3OH","hydroxyapatite","hexagonal","support","P6_3/m",hexa(9.424,6.879),
  [("Ca1","Ca",1/3,2/3,0.0010),("Ca2","Ca",0.2468,0.9934,0.25),("P1","P",0.3982,0.3689,0.25),("O1","O",0.3272,0.4848,0.25),("O2","O",0.5886,0.4647,0.25),("O3","O",0.3435,0.2581,0.0703),("O4","O",0,0,0.1980,0.5),("H1","H",0,0,0.0617,0.5)],
  src("M.I. Kay, R.A. Young, A.S. Posner, Nature 204, 1050-1052 (1964): crystal structure of hydroxyapatite (OH disordered over two half-occupied sites; verify)", "10.1038/2041050a0"),(3.16,CRC_IN)))
# non-oxide support: hexagonal boron nitride, P6_3/mmc, B 2c (1/3,2/3,1/4), N 2d (1/3,2/3,3/4): AA' stacking, B over N
rows.append(P("h-BN","BN","hexagonal boron nitride","hexagonal","support","P6_3/mmc",hexa(2.504,6.661),[("B1","B",1/3,2/3,0.25),("N1","N",1/3,2/3,0.75)],
  src("R.S. Pease, Acta Cryst. 5, 356-361 (1952): an X-ray study of boron nitride (a = 2.504 A, c = 6.661 A; B on 2c, N on 2d of P6_3/mmc; transcribed without the paper at hand, verify)", "10.1107/S0365110X52001064")))

# Handbook densities that are measured bulk values differing from the X-ray density by more than 1 %:
# no reference density is recorded for these (the note says why) rather than a value that cannot be checked.
NO_REFERENCE = {
 "MnO2":"CRC lists 5.08 g/cm3 (measured, often non-stoichiometric material); the cell gives 5.19 g/cm3 (X-ray)",
 "Rh2O3":"CRC lists 8.2 g/cm3; the cell gives 8.02 g/cm3; corundum-type parameters need checking",
 "Ti2O3":"CRC lists 4.486 g/cm3 (measured); the cell gives 4.57 g/cm3 (X-ray)",
 "ZrO2-monoclinic":"CRC lists 5.68 g/cm3 (measured); the cell gives 5.81 g/cm3 (X-ray)",
 "FeO":"real wustite is Fe(1-x)O: CRC 5.74 g/cm3 is for the non-stoichiometric oxide; the ideal cell gives 5.97 g/cm3",
 "Ce2O3":"CRC lists 6.2 g/cm3; the cell gives 6.86 g/cm3; the handbook value needs checking",
 "h-BN":"CRC lists about 2.1-2.2 g/cm3 for hexagonal BN (measured bulk density of pressed or turbostratic material, verify); the cell gives 2.28 g/cm3 (X-ray, Z = 2)",
}
# Handbook densities of synthetic material below the X-ray density by more than 1 %, where a mineral
# specific gravity (or calculated density) is the reference instead: (note, reference density).
HOM = "J.W. Anthony, R.A. Bideaux, K.W. Bladh, M.C. Nichols, Handbook of Mineralogy, Mineral Data Publishing"
MINERAL = {
 "SnO2":("CRC lists 6.85 g/cm3 (measured on synthetic material); the cell gives 7.00 g/cm3 (X-ray); the mineral value is the reference",
   dict(value_g_per_cm3=7.04, range_g_per_cm3=[6.98,7.1], source=HOM+": cassiterite, specific gravity 6.98-7.1, as quoted in the cassiterite mineral infobox (verify)")),
 "NiO":("CRC lists 6.67-6.72 g/cm3 (measured on synthetic material); the cell gives 6.81 g/cm3 (X-ray); the mineral D(calc.) is the reference",
   dict(value_g_per_cm3=6.806, source=HOM+": bunsenite, D(calc.) = 6.806 g/cm3 (D(meas.) 6.898), as quoted in the bunsenite mineral infobox (verify against the HOM sheet)")),
 "Cu2O":("CRC lists 6.0 g/cm3 (measured on synthetic material); the cell gives 6.11 g/cm3 (X-ray); the mineral value is the reference",
   dict(value_g_per_cm3=6.14, source="A. Chen, Y. Ng, E. Zhang, M. Tian (eds.), Dictionary of Geotourism, Springer (2020), entry 'Cuprite': specific gravity 6.14 (doi:10.1007/978-981-13-2538-0_445)")),
 "ZnO":("CRC lists 5.61 g/cm3 (measured on synthetic material); the cell gives 5.68 g/cm3 (X-ray); the mineral value is the reference",
   dict(value_g_per_cm3=5.66, range_g_per_cm3=[5.64,5.68], source=HOM+": zincite, specific gravity 5.64-5.68, as quoted in the zincite mineral infobox (verify)")),
 "CuO":("CRC lists 6.31 g/cm3 (measured on synthetic material); the cell gives 6.52 g/cm3 (X-ray); the mineral value is the reference",
   dict(value_g_per_cm3=6.5, source=HOM+": tenorite, specific gravity 6.5, as quoted in the tenorite mineral infobox (verify)")),
}
for r in rows:
    if r["id"] in MINERAL:
        r.pop("referenceDensity", None)
        r["note"] = MINERAL[r["id"]][0]
    if r["id"] in NO_REFERENCE:
        r.pop("referenceDensity", None)
        r["note"] = "no reference density recorded: " + NO_REFERENCE[r["id"]] + ("; " + r["note"] if r.get("note") else "")

# Row of data/thermo/species-298K.json that holds each phase's 298 K thermochemistry (formula, phase name there).
THERMO = {"IrO2":("IrO2","rutile"),"MnO2":("MnO2","pyrolusite"),"TiO2-brookite":None,"Ag2O":("Ag2O","cubic"),
  "Fe2O3-alpha":("Fe2O3","hematite"),"Rh2O3":("Rh2O3","corundum"),"SrTiO3":None,"Fe3O4":("Fe3O4","magnetite"),
  "PdO":("PdO","tetragonal"),"ZrO2-tetragonal":None,"La2O3":("La2O3","hexagonal"),"Ce2O3":("Ce2O3","hexagonal"),
  "MoO3":("MoO3","orthorhombic"),"FeO":("FeO","wustite"),"Ca5(PO4)3OH":None,"Os":None,
  "h-BN":None}  # BN is not an oxide: predict takes its oxidation from data/predict/non-oxide-supports.json
for r in rows:
    if r["id"] in THERMO:
        t = THERMO[r["id"]]
        if t: r["thermo"] = dict(formula=t[0], phase=t[1])
    else:
        r["thermo"] = dict(formula=r["formula"], phase=r["phase"].split(" ")[0])
    if r["id"] in MINERAL:
        r["referenceDensity"] = MINERAL[r["id"]][1]
json.dump(dict(description="Bundled phases of smsi: crystal structures with their sources. Coordinates are the asymmetric unit in the stated setting; 'verify' marks values transcribed from the cited work or a handbook without a page checked here (assumptions, overridable by importing a user CIF).", phases=rows), open("data/materials/structures.json","w"), indent=1)
print(len(rows))
