import "reflect-metadata";
import { runSubgraphProcess } from "../../kernel/process";
import { emergency } from "./emergency.subgraph";

void runSubgraphProcess(emergency);
