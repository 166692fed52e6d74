// The Excel add-in build (`npm run build`, `npm run build:dev`, `npm run dev-server`).
//
// A shared runtime: ONE page, taskpane.html, loads office.js from Microsoft's CDN, then the
// webpack runtime, any shared chunks, and the functions, commands and taskpane bundles, so the
// task pane, ribbon commands and custom functions share one JavaScript context (and one instance
// of every module). Output goes to dist/addin/, so the CLI bundle dist/perm-recon.mjs survives.
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import CopyWebpackPlugin from 'copy-webpack-plugin';
import CustomFunctionsMetadataPlugin from 'custom-functions-metadata-plugin';
import HtmlWebpackPlugin from 'html-webpack-plugin';

const root = path.dirname(fileURLToPath(import.meta.url));

/** The base URL of every file in the committed manifest.xml (the dev server). */
export const URL_DEV = 'https://localhost:3000/';
/** Where the production build is served unless PERM_RECON_URL or --env urlProd=… says otherwise. */
export const DEFAULT_URL_PROD = 'https://perm-recon.example.org/';
export const OUTPUT_DIR = path.join(root, 'dist', 'addin');
export const DEV_SERVER_PORT = 3000;

/** The production base URL: https, ending in "/". */
export function productionUrl(env = {}) {
  const url = env.urlProd ?? process.env.PERM_RECON_URL ?? DEFAULT_URL_PROD;
  if (!/^https:\/\/[^/\s]+\/([^\s]*\/)?$/.test(url)) {
    throw new Error(`The production URL must be an https URL ending in "/", got "${url}" (PERM_RECON_URL or --env urlProd=…)`);
  }
  return url;
}

/** The manifest with every dev URL moved to the production base. */
export function rewriteManifest(xml, urlProd) {
  return xml.split(URL_DEV).join(urlProd);
}

/**
 * The dev certificate office-addin-dev-certs installs (`npm start` runs it where Excel desktop
 * exists). Never created here: without it the dev server runs over plain http.
 */
function devCertificate() {
  const dir = path.join(homedir(), '.office-addin-dev-certs');
  const files = { key: 'localhost.key', cert: 'localhost.crt', ca: 'ca.crt' };
  if (!Object.values(files).every((f) => existsSync(path.join(dir, f)))) return undefined;
  return Object.fromEntries(Object.entries(files).map(([k, f]) => [k, readFileSync(path.join(dir, f))]));
}

export default function config(env = {}, argv = {}) {
  const production = argv.mode === 'production';
  const urlProd = productionUrl(env);
  const certificate = env.WEBPACK_BUILD ? undefined : devCertificate();
  return {
    context: root,
    mode: production ? 'production' : 'development',
    // No eval-based source maps: the page's Content-Security-Policy has no 'unsafe-eval'.
    devtool: 'source-map',
    entry: {
      functions: './src/functions/functions.ts',
      commands: './src/commands/commands.ts',
      taskpane: './src/taskpane/index.tsx',
    },
    output: {
      path: OUTPUT_DIR,
      // Entry names stay fixed: the manifest names functions.js.
      filename: '[name].js',
      chunkFilename: '[name].[contenthash:8].js',
      // Chunks load relative to the page (every file sits beside taskpane.html), not from
      // document.currentScript, which scripts run outside a <script> tag lack.
      publicPath: '',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
      // src/ imports TypeScript files by their .js name (moduleResolution Bundler).
      extensionAlias: { '.js': ['.ts', '.tsx', '.js'] },
      // @stdlib's generator probe uses eval, which the CSP forbids (see the shim).
      alias: { '@stdlib/assert-has-generator-support': path.join(root, 'src', 'taskpane', 'shims', 'has-generator-support.cjs') },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: 'esbuild-loader',
          options: { target: 'es2020', jsx: 'automatic' },
        },
      ],
    },
    optimization: {
      // One webpack runtime for the three entries on the page, so a module they share (the
      // reconciliation-runner registry, the core) is instantiated once, not once per bundle.
      runtimeChunk: 'single',
      // Fixed names for the page's initial chunks: vendor.js (node_modules) and shared.js (src
      // modules two entries use). Chunks loaded on demand (import()) keep their own.
      splitChunks: {
        cacheGroups: {
          default: false,
          defaultVendors: false,
          vendor: { test: /[\\/]node_modules[\\/]/, name: 'vendor', chunks: 'initial', priority: 10, enforce: true },
          shared: { name: 'shared', chunks: 'initial', minChunks: 2, priority: 5, enforce: true },
        },
      },
    },
    performance: { hints: false }, // sizes are reported by `npm run bench`
    plugins: [
      new CustomFunctionsMetadataPlugin({
        input: path.join(root, 'src', 'functions', 'functions.ts'),
        output: 'functions.json',
      }),
      new HtmlWebpackPlugin({
        template: './src/taskpane/taskpane.html',
        filename: 'taskpane.html',
        chunks: ['functions', 'commands', 'taskpane'],
        chunksSortMode: 'manual',
      }),
      // Preview mode (the task pane in a plain browser over an .xlsx file): no office.js, a stricter CSP.
      new HtmlWebpackPlugin({
        template: './src/taskpane/preview.html',
        filename: 'preview.html',
        chunks: ['taskpane'],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/icons', to: 'assets/icons' },
          // The workbook preview mode opens by default.
          { from: 'assets/samples/sample-state.xlsx', to: 'assets/samples/sample-state.xlsx' },
          production
            ? { from: 'manifest.xml', to: 'manifest.xml', transform: (content) => rewriteManifest(content.toString(), urlProd) }
            : { from: 'manifest.xml', to: 'manifest.xml' },
        ],
      }),
    ],
    devServer: {
      host: 'localhost',
      port: DEV_SERVER_PORT,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: certificate === undefined ? 'http' : { type: 'https', options: certificate },
      static: false,
      client: { overlay: false },
    },
  };
}
