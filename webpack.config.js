/* eslint-disable no-undef */
// Task pane build. The production manifest's URLs are rewritten to the public origin (CCHC_URL_PROD or
// package.json config.url_prod), the yo-office "urlProd" pattern.
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const pkg = require("./package.json");

const urlDev = "https://localhost:3000/";
const urlProd = (process.env.CCHC_URL_PROD || pkg.config.url_prod).replace(/\/?$/, "/");

async function httpsOptions() {
  // Only the dev server needs certificates; builds and CI never touch them.
  const devCerts = require("office-addin-dev-certs");
  const options = await devCerts.getHttpsServerOptions();
  return { ca: options.ca, key: options.key, cert: options.cert };
}

module.exports = async (env, options) => {
  const dev = options.mode !== "production";
  const serving = Boolean(process.env.WEBPACK_SERVE);
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      harness: "./src/harness/index.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].[contenthash:8].js",
      chunkFilename: "chunk.[name].[contenthash:8].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: {
      rules: [
        { test: /\.tsx?$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true } } },
      ],
    },
    performance: { hints: false },
    // Named chunks make the bench and the network tab readable (chunk.vendors-node_modules_docx_….js).
    optimization: { splitChunks: { chunks: "async" }, chunkIds: "named" },
    plugins: [
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["taskpane"] }),
      new HtmlWebpackPlugin({ filename: "commands.html", template: "./src/commands/commands.html", chunks: ["commands"] }),
      // The in-browser Excel simulation: a playground without Excel, and the e2e tests' host.
      new HtmlWebpackPlugin({
        filename: "harness.html",
        template: "./src/harness/harness.html",
        chunks: ["harness", "taskpane"],
        chunksSortMode: "manual",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/help.html", to: "help.html" },
          ...[
            ["manifest.xml", "manifest.xml"],
            // The Word twin: Mac users open the report in Word from the workbook file (Blob downloads fail there).
            ["src/word-host/manifest.xml", "manifest.word.xml"],
          ].map(([from, to]) => ({
            from,
            to,
            // Full URLs first, then the bare origin (AppDomain has no path).
            transform: (content) =>
              dev ? content : content.toString().replaceAll(urlDev, urlProd).replaceAll(new URL(urlDev).origin, new URL(urlProd).origin),
          })),
        ],
      }),
    ],
    devServer: serving
      ? {
          hot: false,
          headers: { "Access-Control-Allow-Origin": "*" },
          server: { type: "https", options: await httpsOptions() },
          port: pkg.config.dev_server_port || 3000,
        }
      : undefined,
  };
};
