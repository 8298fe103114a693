import "reflect-metadata";
import { runSubgraphProcess } from "../../kernel/process";
import { transport } from "./transport.subgraph";

void runSubgraphProcess(transport);
