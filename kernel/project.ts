import path from "node:path";

/**
 * The repository's folder, whether this code runs as TypeScript from the sources (development,
 * tests) or compiled into dist/ (`npm start`, the container): files that are not code, such as
 * schema/ and the console's build, are found from here.
 */
export const projectRoot = path.resolve(__dirname, path.extname(__filename) === ".js" ? "../.." : "..");

/** Whether this process runs the compiled JavaScript in dist/, started by plain `node`. */
export const runsCompiled = path.extname(__filename) === ".js";
