import "reflect-metadata";
import { runSubgraphProcess } from "../../kernel/process";
import { housing } from "./housing.subgraph";

void runSubgraphProcess(housing);
