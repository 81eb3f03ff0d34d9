// Lint: TypeScript rules plus the layer rule, so imports only point rdf -> graph -> query -> sparql -> session -> {workbench, cli}.
import tseslint from "typescript-eslint";

/** Each layer and the layers it must not import (lower layers never reach up; the two edges never meet). */
const forbidden = {
  rdf: ["graph", "query", "sparql", "session", "workbench", "cli", "data-prep"],
  graph: ["query", "sparql", "session", "workbench", "cli", "data-prep"],
  query: ["sparql", "session", "workbench", "cli", "data-prep"],
  // The one layer with I/O (fetch to endpoints, the Oxigraph engine): pure queries below it never reach it.
  sparql: ["session", "workbench", "cli", "data-prep"],
  session: ["workbench", "cli", "data-prep"],
  workbench: ["cli", "data-prep"],
  cli: ["workbench", "data-prep"],
  "data-prep": ["graph", "query", "sparql", "session", "workbench", "cli"],
};
const core = ["rdf", "graph", "query", "sparql", "session"];

/** Applies everywhere; repeated in each layer's rule because a later no-restricted-syntax replaces an earlier one. */
const noHtmlFromStrings = { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: "No HTML from strings." };

/**
 * `no-restricted-imports` sees only static imports, so `import("../workbench/x.ts")` gets the same check here.
 * esquery regexes cannot hold a slash: \x2F stands for it.
 */
function dynamicImportBans(layer, banned) {
  const layers = banned.join("|");
  const bans = [
    { selector: `ImportExpression[source.value=/(^|\\x2F)(${layers})(\\x2F|$)/]`, message: `src/${layer} must not import src/{${banned.join(",")}}, dynamically either.` },
  ];
  if (core.includes(layer)) {
    bans.push(
      { selector: "ImportExpression[source.value=/^(node:|fs$|path$|child_process$)/]", message: "The core takes strings and returns values: no Node built-ins, dynamically either." },
      { selector: "ImportExpression[source.value=/^@?sigma/]", message: "The core has no display code, dynamically either." },
    );
  }
  return bans;
}

const layerRules = Object.entries(forbidden).map(([layer, banned]) => ({
  files: [`src/${layer}/**/*.ts`],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          ...banned.map((other) => ({
            group: [`**/${other}`, `**/${other}/**`, `../${other}/*`, `../../${other}/*`],
            message: `src/${layer} must not import src/${other} (layers: rdf -> graph -> query -> sparql -> session -> {workbench, cli}).`,
          })),
          ...(core.includes(layer)
            ? [{ group: ["node:*", "fs", "path", "child_process"], message: "The core takes strings and returns values: no Node built-ins." },
               { group: ["sigma", "sigma/*", "@sigma/*"], message: "The core has no display code." }]
            : []),
        ],
      },
    ],
    "no-restricted-syntax": ["error", noHtmlFromStrings, ...dynamicImportBans(layer, banned)],
  },
}));

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "coverage/", "test-results/", "bench/out/"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-properties": [
        "error",
        { property: "innerHTML", message: "Labels and literals are data, never markup: use textContent / DOM nodes." },
        { property: "outerHTML", message: "Labels and literals are data, never markup." },
      ],
      "no-restricted-syntax": ["error", noHtmlFromStrings],
    },
  },
  ...layerRules,
);
