// Lint: TypeScript rules plus the layer rule, so imports only point rdf -> graph -> query -> session -> {workbench, cli}.
import tseslint from "typescript-eslint";

/** Each layer and the layers it must not import (lower layers never reach up; the two edges never meet). */
const forbidden = {
  rdf: ["graph", "query", "session", "workbench", "cli", "data-prep"],
  graph: ["query", "session", "workbench", "cli", "data-prep"],
  query: ["session", "workbench", "cli", "data-prep"],
  session: ["workbench", "cli", "data-prep"],
  workbench: ["cli", "data-prep"],
  cli: ["workbench", "data-prep"],
  "data-prep": ["graph", "query", "session", "workbench", "cli"],
};
const core = ["rdf", "graph", "query", "session"];

const layerRules = Object.entries(forbidden).map(([layer, banned]) => ({
  files: [`src/${layer}/**/*.ts`],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          ...banned.map((other) => ({
            group: [`**/${other}`, `**/${other}/**`, `../${other}/*`, `../../${other}/*`],
            message: `src/${layer} must not import src/${other} (layers: rdf -> graph -> query -> session -> {workbench, cli}).`,
          })),
          ...(core.includes(layer)
            ? [{ group: ["node:*", "fs", "path", "child_process"], message: "The core takes strings and returns values: no Node built-ins." },
               { group: ["sigma", "sigma/*", "@sigma/*"], message: "The core has no display code." }]
            : []),
        ],
      },
    ],
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
      "no-restricted-syntax": ["error", { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: "No HTML from strings." }],
    },
  },
  ...layerRules,
);
