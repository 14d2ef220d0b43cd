// node lsp_check.js SERVER FILE LINE COLUMN: starts yaml-language-server (SERVER, its
// bin/yaml-language-server) on standard input and output, opens FILE (which names its
// schema in a `# yaml-language-server: $schema=…` modeline), waits for its diagnostics and
// asks for completions at LINE:COLUMN (0-based). Prints one line per diagnostic
// (`diagnostic LINE:COL message`) and per completion (`completion KEY` for a property,
// `snippet LABEL` for anything else), then exits 0; exit 1
// when the server does not answer within 60 s.
"use strict";
const { spawn } = require("child_process");
const fs = require("fs");
const path = require("path");
const { pathToFileURL } = require("url");

const [server, file, line, column] = process.argv.slice(2);
const uri = pathToFileURL(path.resolve(file)).href;
const child = spawn(process.execPath, [server, "--stdio"], { stdio: ["pipe", "pipe", "inherit"] });
const timer = setTimeout(() => {
  console.log("timeout: yaml-language-server did not answer");
  child.kill();
  process.exit(1);
}, 60000);

let nextId = 1;
const pending = new Map();
function send(message) {
  const body = Buffer.from(JSON.stringify({ jsonrpc: "2.0", ...message }), "utf8");
  child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
  child.stdin.write(body);
}
function request(method, params) {
  const id = nextId++;
  send({ id, method, params });
  return new Promise((resolve) => pending.set(id, resolve));
}
let diagnosticsSeen;
const diagnostics = new Promise((resolve) => (diagnosticsSeen = resolve));

let buffer = Buffer.alloc(0);
child.stdout.on("data", (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  for (;;) {
    const end = buffer.indexOf("\r\n\r\n");
    if (end < 0) return;
    const length = Number(/Content-Length: (\d+)/i.exec(buffer.slice(0, end).toString())[1]);
    if (buffer.length < end + 4 + length) return;
    const message = JSON.parse(buffer.slice(end + 4, end + 4 + length).toString("utf8"));
    buffer = buffer.slice(end + 4 + length);
    if (message.id !== undefined && pending.has(message.id)) {
      pending.get(message.id)(message.result);
      pending.delete(message.id);
    } else if (message.id !== undefined && message.method) {
      // A request from the server (workspace/configuration and the like): answer with the
      // settings every client sends.
      const settings = { validate: true, completion: true, hover: true, schemaStore: { enable: false } };
      const items = (message.params && message.params.items) || [];
      send({ id: message.id, result: items.map(() => settings) });
    } else if (message.method === "textDocument/publishDiagnostics" && message.params.uri === uri) {
      diagnosticsSeen(message.params.diagnostics);
    }
  }
});

(async () => {
  await request("initialize", {
    processId: process.pid,
    rootUri: pathToFileURL(path.dirname(path.resolve(file))).href,
    capabilities: {
      textDocument: { completion: { completionItem: { snippetSupport: false } } },
      workspace: { configuration: true },
    },
  });
  send({ method: "initialized", params: {} });
  send({
    method: "workspace/didChangeConfiguration",
    params: { settings: { yaml: { validate: true, completion: true, schemaStore: { enable: false } } } },
  });
  send({
    method: "textDocument/didOpen",
    params: { textDocument: { uri, languageId: "yaml", version: 1, text: fs.readFileSync(file, "utf8") } },
  });
  for (const d of await diagnostics) {
    console.log(`diagnostic ${d.range.start.line}:${d.range.start.character} ${d.message}`);
  }
  const result = await request("textDocument/completion", {
    textDocument: { uri },
    position: { line: Number(line), character: Number(column) },
  });
  const items = Array.isArray(result) ? result : (result && result.items) || [];
  for (const item of items) {
    // Kind 10 is a property (a key); others are snippets such as the whole object.
    console.log(`${item.kind === 10 ? "completion" : "snippet"} ${item.label}`);
  }
  clearTimeout(timer);
  await request("shutdown", null);
  send({ method: "exit" });
  process.exit(0);
})();
