import "reflect-metadata";
import { runSubgraphProcess } from "../../kernel/process";
import { health } from "./health.subgraph";

void runSubgraphProcess(health);
