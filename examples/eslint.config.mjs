// The shop's lint config, written the way a user of the plugin writes it (flat config, ESLint 9/10).
// `npm run demo` lints examples/ with exactly this file.
import { defineConfig } from "eslint/config";
import tsParser from "@typescript-eslint/parser";
// Resolves to this repository's build (dist/) through the package's self-reference: run
// `npm run build` first (`npm run demo` does).
import dbconventions from "eslint-plugin-dbconventions";

export default defineConfig([
  {
    name: "shop/database-conventions",
    files: ["**/*.{js,ts}"],
    plugins: { dbconventions },
    extends: ["dbconventions/recommended"],
    rules: {
      // The shop opts into the strict rules it has decided on: every pool's size is written down,
      // writes that belong together go in one transaction, and models that declare soft delete are
      // only hard-deleted where a comment says why.
      "dbconventions/require-pool-size": "error",
      "dbconventions/require-multi-write-transaction": "error",
      // Columns say their type, size and nullability in the model, not through ORM defaults.
      "dbconventions/require-explicit-column-type": "error",
      "dbconventions/prefer-soft-delete": "error",
    },
    settings: {
      dbconventions: {
        // src/shared/orm.ts re-exports TypeORM with the shop's own column helpers; entities import
        // it as `@shop/orm` (a tsconfig path). This tells the rules that module *is* TypeORM.
        libraryModules: { "@shop/orm": "typeorm" },
      },
    },
  },
  {
    name: "shop/typescript",
    files: ["**/*.ts"],
    languageOptions: { parser: tsParser },
  },
  {
    // The legacy cart service, the knex migrations and the knexfile are CommonJS.
    name: "shop/commonjs",
    files: ["**/*.js"],
    languageOptions: { sourceType: "commonjs" },
  },
]);
