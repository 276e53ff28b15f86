/**
 * Every subcommand registers itself here: one module per capability, each exporting
 * `register(program, io)`.
 */
import type { Command } from "commander";
import type { Io } from "../output.js";
import { register as classify } from "./classify.js";
import { register as interfaceGate } from "./interface.js";
import { register as match } from "./match.js";
import { register as materials } from "./materials.js";
import { register as predict } from "./predict.js";
import { register as simulate } from "./simulate.js";
import { register as thermo } from "./thermo.js";

export type RegisterCommand = (program: Command, io: Io) => void;

export const commands: RegisterCommand[] = [
  materials,
  match,
  interfaceGate,
  classify,
  thermo,
  predict,
  simulate,
];
