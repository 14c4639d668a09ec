import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  reactStrictMode: true,
  // A separate build folder lets the end-to-end suite build without touching a running dev server's.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  // The local wallet connector, chain config and generated ABIs are all plain TypeScript.
  typedRoutes: false,
  // No floating framework badge over the content in dev mode (`npm start -- --dev`).
  devIndicators: false,
};

export default nextConfig;
