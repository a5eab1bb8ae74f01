// esm_hooks.mjs — module resolution hooks for the CLI tests: dt-sql-parser (Spark's grammar) is
// published as ES modules whose imports leave out ".js" and "/index.js", which Node's resolver
// refuses; a relative import that does not resolve is tried again with them.
export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (e) {
    if (!specifier.startsWith(".")) throw e;
    for (const suffix of [".js", "/index.js"]) {
      try {
        return await next(specifier + suffix, context);
      } catch {
        // try the next form
      }
    }
    throw e;
  }
}
