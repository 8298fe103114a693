import "reflect-metadata";
import { runSubgraphProcess } from "../../kernel/process";
import { coordination } from "./coordination.subgraph";

void runSubgraphProcess(coordination);
