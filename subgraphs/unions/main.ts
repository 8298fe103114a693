import "reflect-metadata";
import { runSubgraphProcess } from "../../kernel/process";
import { unions } from "./unions.subgraph";

void runSubgraphProcess(unions);
