import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", "node_modules/**", "lib/generated/**", "bench/out/**", "test-results/**", "playwright-report/**", ".data/**", "next-env.d.ts"],
  },
  {
    // lib/ is the domain: it never reaches into the app or its components.
    files: ["lib/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/app/*", "@/components/*", "../app/*", "../../app/*", "../components/*", "../../components/*"], message: "lib/ must not import from app/ or components/" }] }],
    },
  },
];

export default config;
