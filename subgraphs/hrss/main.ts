import "reflect-metadata";
import { runSubgraphProcess } from "../../kernel/process";
import { hrss } from "./hrss.subgraph";

void runSubgraphProcess(hrss);
