import { reference } from "../../kernel/subgraph";
import { Enterprise } from "./enterprise.entity";

export const enterpriseReference = reference<Pick<Enterprise, "creditCode">, Enterprise>("Enterprise", (representation, { loaders }) =>
  loaders.one(Enterprise, "creditCode").load(representation.creditCode),
);
